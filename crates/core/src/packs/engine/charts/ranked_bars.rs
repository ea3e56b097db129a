//! Horizontal bars, one per row, each with its value printed beside it; rows flow across pages.

use crate::packs::document::BarChart;

use crate::packs::engine::canvas::Style;
use crate::packs::engine::flow::Flow;
use crate::packs::engine::fonts::Weight;
use crate::packs::engine::theme;

use super::timeline::chart_title;

pub fn bars(flow: &mut Flow, chart: &BarChart) {
    let row_height = 18.0;
    flow.ensure(30.0 + row_height * chart.bars.len().min(4) as f32);
    chart_title(flow, &chart.title);
    let max = chart
        .bars
        .iter()
        .map(|b| b.value)
        .fold(0.0_f64, f64::max)
        .max(f64::EPSILON);
    let label_width = flow.width() * 0.32;
    let value_width = 86.0;
    let bar_left = flow.left() + label_width;
    let bar_span = flow.width() - label_width - value_width;
    for bar in &chart.bars {
        flow.ensure(row_height);
        let fonts = flow.fonts;
        let top = flow.y();
        let left = flow.left();
        let canvas = flow.canvas();
        let baseline = top - 12.0;
        canvas.text(
            fonts,
            Style::new(Weight::Regular, theme::BODY - 0.5, theme::INK),
            left,
            baseline,
            &bar.label,
        );
        let length = (bar.value.max(0.0) / max) as f32 * bar_span;
        canvas.fill_rect(bar_left, top - 14.0, length.max(1.0), 11.0, theme::BRAND);
        canvas.text(
            fonts,
            Style::new(Weight::Bold, theme::BODY - 0.5, theme::INK),
            bar_left + length + 6.0,
            baseline,
            &bar.display,
        );
        flow.advance(row_height);
    }
    if let Some(note) = &chart.note {
        flow.advance(2.0);
        flow.text_block(Weight::Regular, theme::SMALL, theme::MUTED, note);
    }
    flow.gap(theme::GAP + 2.0);
}
