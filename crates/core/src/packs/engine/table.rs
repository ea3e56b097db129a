//! Tables whose rows break across pages, with the header row repeated on each page.

use crate::packs::document::{Align, Table};

use super::canvas::Style;
use super::flow::Flow;
use super::fonts::Weight;
use super::theme;
use super::wrap::wrap;

const PAD_X: f32 = 5.0;
const PAD_Y: f32 = 4.0;

struct LaidRow {
    cells: Vec<Vec<String>>,
    height: f32,
}

/// A table no taller than this share of a page is kept on one page, so a short table (a
/// pilot's three KPIs) never breaks after its first row and leaves the page half blank.
const KEEP_WHOLE_SHARE: f32 = 0.3;

/// The fewest rows a table leaves on a page before a break, or carries onto the next.
const MIN_ROWS_AT_BREAK: usize = 2;

struct Laid {
    widths: Vec<f32>,
    header: LaidRow,
    rows: Vec<LaidRow>,
}

fn lay_out(flow: &Flow, table: &Table) -> Laid {
    let size = theme::BODY - 0.5;
    let line_height = size * theme::LEADING;
    let total_weight: f32 = table.columns.iter().map(|c| c.weight.max(0.1)).sum();
    let widths: Vec<f32> = table
        .columns
        .iter()
        .map(|c| flow.width() * c.weight.max(0.1) / total_weight)
        .collect();

    let lay = |cells: &[String], weight: Weight| -> LaidRow {
        let cells: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                wrap(flow.fonts, weight, size, w - 2.0 * PAD_X, text)
            })
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        LaidRow {
            cells,
            height: lines as f32 * line_height + 2.0 * PAD_Y,
        }
    };

    let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
    let header = lay(&titles, Weight::Bold);
    let rows = table.rows.iter().map(|r| lay(r, Weight::Regular)).collect();
    Laid {
        widths,
        header,
        rows,
    }
}

/// The height the table takes when it is kept on one page, or none when it is long enough
/// to break across pages.
pub fn kept_height(flow: &Flow, table: &Table) -> Option<f32> {
    let laid = lay_out(flow, table);
    let total = laid.header.height + laid.rows.iter().map(|r| r.height).sum::<f32>();
    (total <= flow.page_space() * KEEP_WHOLE_SHARE).then_some(total)
}

/// The height a table needs on the page it starts on: all of it when it is kept whole, its
/// header and first rows otherwise. A heading above it keeps this much with it.
pub fn opening_height(flow: &Flow, table: &Table) -> f32 {
    if let Some(total) = kept_height(flow, table) {
        return total;
    }
    let laid = lay_out(flow, table);
    laid.header.height
        + laid
            .rows
            .iter()
            .take(MIN_ROWS_AT_BREAK)
            .map(|r| r.height)
            .sum::<f32>()
}

pub fn draw(flow: &mut Flow, table: &Table) {
    let Laid {
        widths,
        header,
        rows,
    } = lay_out(flow, table);
    let heights: Vec<f32> = rows.iter().map(|r| r.height).collect();

    match kept_height(flow, table) {
        Some(total) => {
            flow.ensure(total);
        }
        None => {
            let opening: f32 = heights.iter().take(MIN_ROWS_AT_BREAK).sum();
            flow.ensure(header.height + opening);
        }
    }
    draw_row(
        flow,
        &header,
        &widths,
        table,
        Weight::Bold,
        Some(theme::HEADER_FILL),
    );
    for (index, row) in rows.iter().enumerate() {
        // A break leaves at least two rows on the page it leaves and takes at least two to
        // the next: the last rows (often a total) never stand alone on a new page.
        let rest = rows.len() - index;
        let keep_with_next: f32 = if rest <= MIN_ROWS_AT_BREAK {
            heights[index + 1..].iter().sum()
        } else {
            0.0
        };
        // The opening rows were made to fit before the header was drawn.
        let may_break = index >= MIN_ROWS_AT_BREAK;
        if may_break && flow.ensure(row.height + keep_with_next) {
            draw_row(
                flow,
                &header,
                &widths,
                table,
                Weight::Bold,
                Some(theme::HEADER_FILL),
            );
        }
        let fill = (index % 2 == 1).then_some(theme::ZEBRA);
        draw_row(flow, row, &widths, table, Weight::Regular, fill);
    }
    let left = flow.left();
    let right = left + flow.width();
    let y = flow.y();
    flow.canvas().line((left, y), (right, y), 0.6, theme::RULE);
    if let Some(note) = &table.note {
        flow.advance(3.0);
        flow.text_block(Weight::Regular, theme::SMALL, theme::MUTED, note);
    }
    flow.gap(theme::GAP + 2.0);
}

fn draw_row(
    flow: &mut Flow,
    row: &LaidRow,
    widths: &[f32],
    table: &Table,
    weight: Weight,
    fill: Option<theme::Rgb>,
) {
    let size = theme::BODY - 0.5;
    let line_height = size * theme::LEADING;
    let top = flow.y();
    let left = flow.left();
    let width = flow.width();
    let fonts = flow.fonts;
    let canvas = flow.canvas();
    if let Some(colour) = fill {
        canvas.fill_rect(left, top - row.height, width, row.height, colour);
    }
    let mut x = left;
    for (column, lines) in row.cells.iter().enumerate() {
        let cell_width = widths[column];
        let align = table.columns[column].align;
        for (n, line) in lines.iter().enumerate() {
            let baseline = top - PAD_Y - size - n as f32 * line_height + 1.0;
            match align {
                Align::Left => canvas.text(
                    fonts,
                    Style::new(weight, size, theme::INK),
                    x + PAD_X,
                    baseline,
                    line,
                ),
                Align::Right => canvas.text_right(
                    fonts,
                    Style::new(weight, size, theme::INK),
                    x + cell_width - PAD_X,
                    baseline,
                    line,
                ),
            }
        }
        x += cell_width;
    }
    canvas.line((left, top), (left + width, top), 0.4, theme::RULE);
    flow.advance(row.height);
}
