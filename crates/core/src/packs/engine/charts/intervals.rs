//! Estimates with their 95% intervals, one row per category (a forest plot): the label on the
//! left, the whisker on a value axis with its zero line, the printed estimate on the right.

use crate::model::{Chart, IntervalRow, Reference};
use crate::packs::engine::canvas::Style;
use crate::packs::engine::fonts::Weight;
use crate::packs::engine::theme;
use crate::packs::engine::wrap::wrap;

use super::axes::{self, Plot};
use super::frame::{Frame, LABEL_ROW, TICK, VALUE};
use super::roles;
use super::scale::{extent, Linear};
use super::sketch::{Anchor, Sketch, Stroke};
use super::strip::{self, StripLabel};

const ROW_LABEL: Style = Style::new(Weight::Regular, 8.0, theme::INK);
const HEADER: Style = Style::new(Weight::Bold, 7.0, theme::MUTED);
const LINE: f32 = 9.0;

pub fn draw(
    mut frame: Frame,
    chart: &Chart,
    rows: &[IntervalRow],
    references: &[Reference],
    max_height: f32,
) -> Sketch {
    if rows.is_empty() {
        frame.nothing_to_show();
        let centre = frame.width() / 2.0;
        return frame.finish("", centre, chart.note.as_deref());
    }
    let width = frame.width();
    let widest_label = rows
        .iter()
        .map(|r| frame.measure(ROW_LABEL, &r.label))
        .chain([frame.measure(HEADER, &chart.x_label)])
        .fold(0.0, f32::max);
    let label_column = widest_label.min(width * 0.32) + 8.0;
    let widest_display = rows
        .iter()
        .map(|r| frame.measure(VALUE, &r.display))
        .fold(0.0, f32::max);
    let display_column = widest_display.min(width * 0.3) + 10.0;
    let fonts = frame.fonts;
    let laid: Vec<(Vec<String>, Vec<String>)> = rows
        .iter()
        .map(|r| {
            (
                wrap(
                    fonts,
                    ROW_LABEL.weight,
                    ROW_LABEL.size,
                    label_column - 8.0,
                    &r.label,
                ),
                wrap(
                    fonts,
                    VALUE.weight,
                    VALUE.size,
                    display_column - 10.0,
                    &r.display,
                ),
            )
        })
        .collect();
    let natural: Vec<f32> = laid
        .iter()
        .map(|(l, d)| (l.len().max(d.len()) as f32 * LINE + 9.0).max(19.0))
        .collect();
    // A very long list is set tighter rather than run off the page.
    let budget = (max_height - frame.y - 90.0).max(rows.len() as f32 * 12.0);
    let squeeze = (budget / natural.iter().sum::<f32>()).min(1.0);
    let heights: Vec<f32> = natural.iter().map(|h| h * squeeze).collect();

    let plot_left = label_column;
    let plot_right = width - display_column;
    let values = rows
        .iter()
        .flat_map(|r| [Some(r.estimate), r.low, r.high])
        .flatten()
        .chain(references.iter().map(|r| r.value))
        .chain([0.0]);
    let ticks = axes::value_ticks(&frame, extent(values), plot_right - plot_left - 12.0, true);
    let scale = Linear::new(ticks.domain(), (plot_left + 6.0, plot_right - 6.0));

    let strip_labels: Vec<StripLabel> = references
        .iter()
        .map(|r| {
            let style = Style::new(TICK.weight, TICK.size, theme::TARGET);
            strip::pole(scale.at(r.value), &r.label, style)
        })
        .collect();
    let strip = strip::stack(&frame, &strip_labels, plot_left, width);
    let top = frame.y + strip.height().max(LABEL_ROW);
    let plot_height: f32 = heights.iter().sum();
    let plot = Plot::new(plot_left, top, plot_right, top + plot_height);

    frame.text(0.0, top - 3.0, Anchor::Start, HEADER, &chart.x_label);
    let mut y = plot.top;
    for (index, height) in heights.iter().enumerate() {
        if index % 2 == 0 {
            frame.sketch.rect(0.0, y, width, *height, theme::ZEBRA);
        }
        y += height;
    }
    axes::x_grid(&mut frame, &plot, &scale, &ticks);
    strip.draw(&mut frame, &strip_labels, plot.top);
    for (reference, placed) in references.iter().zip(&strip.placed) {
        let x = scale.at(reference.value);
        frame.sketch.line(
            (x, plot.bottom),
            (x, strip.label_bottom(placed.row, plot.top)),
            Stroke::dashed(0.8, theme::TARGET, &[3.0, 2.0]),
        );
    }
    let zero = scale.at(0.0);
    frame.sketch.line(
        (zero, plot.top),
        (zero, plot.bottom),
        Stroke::solid(0.9, theme::ZERO_LINE),
    );
    axes::baseline(&mut frame, &plot);

    let mut y = plot.top;
    for ((row, (label, display)), height) in rows.iter().zip(&laid).zip(&heights) {
        let middle = y + height / 2.0;
        draw_row(&mut frame, row, &scale, middle);
        let lines = |count: usize| middle - (count as f32 - 1.0) * LINE / 2.0 + 2.8;
        for (n, line) in label.iter().enumerate() {
            frame.text(
                0.0,
                lines(label.len()) + n as f32 * LINE,
                Anchor::Start,
                ROW_LABEL,
                line,
            );
        }
        for (n, line) in display.iter().enumerate() {
            frame.text(
                width,
                lines(display.len()) + n as f32 * LINE,
                Anchor::End,
                VALUE,
                line,
            );
        }
        y += height;
    }
    frame.y = plot.bottom + LABEL_ROW + 3.0;
    let centre = (plot.left + plot.right) / 2.0;
    frame.finish(&chart.y_label, centre, chart.note.as_deref())
}

fn draw_row(frame: &mut Frame, row: &IntervalRow, scale: &Linear, middle: f32) {
    let style = roles::style(row.role);
    if let (Some(low), Some(high)) = (row.low, row.high) {
        if low.is_finite() && high.is_finite() {
            let (from, to) = (scale.at(low), scale.at(high));
            let whisker = Stroke::solid(1.4, style.colour);
            frame
                .sketch
                .line((from, middle), (to, middle), whisker.clone());
            frame
                .sketch
                .line((from, middle - 3.5), (from, middle + 3.5), whisker.clone());
            frame
                .sketch
                .line((to, middle - 3.5), (to, middle + 3.5), whisker);
        }
    }
    if row.estimate.is_finite() {
        frame.sketch.symbol(
            scale.at(row.estimate),
            middle,
            3.2,
            style.shape,
            style.colour,
        );
    }
}
