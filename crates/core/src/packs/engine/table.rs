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

pub fn draw(flow: &mut Flow, table: &Table) {
    let size = theme::BODY - 0.5;
    let line_height = size * theme::LEADING;
    let total_weight: f32 = table.columns.iter().map(|c| c.weight.max(0.1)).sum();
    let widths: Vec<f32> = table
        .columns
        .iter()
        .map(|c| flow.width() * c.weight.max(0.1) / total_weight)
        .collect();

    let lay = |flow: &Flow, cells: &[String], weight: Weight| -> LaidRow {
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
    let header = lay(flow, &titles, Weight::Bold);
    let rows: Vec<LaidRow> = table
        .rows
        .iter()
        .map(|r| lay(flow, r, Weight::Regular))
        .collect();

    let first_row = rows.first().map_or(0.0, |r| r.height);
    flow.ensure(header.height + first_row);
    draw_row(
        flow,
        &header,
        &widths,
        table,
        Weight::Bold,
        Some(theme::HEADER_FILL),
    );
    for (index, row) in rows.iter().enumerate() {
        // The last row (often a total) never stands alone on a new page.
        let keep_with_next = if index + 2 == rows.len() {
            rows[index + 1].height
        } else {
            0.0
        };
        if flow.ensure(row.height + keep_with_next) {
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
