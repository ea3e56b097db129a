//! Axes: gridlines with value labels, numeric and date ticks under the plot.

use crate::packs::engine::theme;

use super::frame::{Frame, TICK};
use super::labels::Area;
use super::scale::{nice_ticks, DateTicks, Linear, Ticks};
use super::sketch::{Anchor, Stroke};

/// The plot's rectangle in sketch coordinates.
pub type Plot = Area;

/// Ticks for a value axis of `length` points: about one per 36 points up a page, fewer when
/// their labels would not fit across it.
pub fn value_ticks(frame: &Frame, extent: (f64, f64), length: f32, across: bool) -> Ticks {
    let spacing = if across { 64.0 } else { 36.0 };
    let mut count = ((length / spacing).round() as usize).clamp(2, 10);
    loop {
        let ticks = nice_ticks(extent, count);
        if !across || count <= 2 || labels_fit_across(frame, &ticks, length) {
            return ticks;
        }
        count -= 1;
    }
}

fn labels_fit_across(frame: &Frame, ticks: &Ticks, length: f32) -> bool {
    let gaps = ticks.values.len().saturating_sub(1).max(1) as f32;
    let widest = ticks
        .labels()
        .iter()
        .map(|l| frame.measure(TICK, l))
        .fold(0.0, f32::max);
    widest + 10.0 <= length / gaps
}

/// The widest value label, to size the margin left of the plot.
pub fn label_width(frame: &Frame, ticks: &Ticks) -> f32 {
    ticks
        .labels()
        .iter()
        .map(|l| frame.measure(TICK, l))
        .fold(0.0, f32::max)
}

/// Horizontal gridlines at each tick with its label left of the plot.
pub fn y_grid(frame: &mut Frame, plot: &Plot, scale: &Linear, ticks: &Ticks) {
    for (value, label) in ticks.values.iter().zip(ticks.labels()) {
        let y = scale.at(*value);
        frame.sketch.line(
            (plot.left, y),
            (plot.right, y),
            Stroke::solid(0.45, theme::GRID),
        );
        frame.text(
            plot.left - 4.0,
            y + TICK.size * 0.35,
            Anchor::End,
            TICK,
            &label,
        );
    }
}

/// Vertical gridlines at each tick with its label under the plot.
pub fn x_grid(frame: &mut Frame, plot: &Plot, scale: &Linear, ticks: &Ticks) {
    for (value, label) in ticks.values.iter().zip(ticks.labels()) {
        let x = scale.at(*value);
        frame.sketch.line(
            (x, plot.top),
            (x, plot.bottom),
            Stroke::solid(0.45, theme::GRID),
        );
        frame.text(
            x,
            plot.bottom + 3.0 + TICK.size,
            Anchor::Middle,
            TICK,
            &label,
        );
    }
}

/// The axis line along the bottom of the plot.
pub fn baseline(frame: &mut Frame, plot: &Plot) {
    frame.sketch.line(
        (plot.left, plot.bottom),
        (plot.right, plot.bottom),
        Stroke::solid(0.7, theme::MUTED),
    );
}

/// Month (or week) ticks under a date axis; the outermost labels are kept inside the chart.
pub fn x_dates(frame: &mut Frame, plot: &Plot, scale: &Linear, ticks: &DateTicks) {
    let width = frame.width();
    for (date, label) in ticks.dates.iter().zip(&ticks.labels) {
        let x = scale.at(super::scale::day_number(*date));
        frame.sketch.line(
            (x, plot.bottom),
            (x, plot.bottom + 3.0),
            Stroke::solid(0.6, theme::MUTED),
        );
        let half = frame.measure(TICK, label) / 2.0;
        let centre = x.clamp(half, width - half);
        frame.text(
            centre,
            plot.bottom + 5.0 + TICK.size,
            Anchor::Middle,
            TICK,
            label,
        );
    }
}
