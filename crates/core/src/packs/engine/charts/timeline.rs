//! The pilot timeline: its weeks as a bar with dated milestones above it.

use crate::packs::document::Timeline;

use crate::packs::engine::canvas::Style;
use crate::packs::engine::flow::Flow;
use crate::packs::engine::fonts::Weight;
use crate::packs::engine::theme;

use crate::packs::dates::short_date;

pub(super) fn chart_title(flow: &mut Flow, title: &str) {
    flow.ensure(60.0);
    flow.text_block(Weight::Bold, theme::SUBHEADING, theme::INK, title);
    flow.advance(4.0);
}

pub fn timeline(flow: &mut Flow, chart: &Timeline) {
    const LABEL_ROWS: f32 = 2.0;
    let label_size = theme::SMALL;
    let label_block = label_size * theme::LEADING * 2.0 + 4.0;
    let height = LABEL_ROWS * label_block + 44.0;
    flow.ensure(height + 30.0);
    chart_title(flow, &chart.title);

    let fonts = flow.fonts;
    let left = flow.left() + 8.0;
    let right = flow.left() + flow.width() - 8.0;
    let top = flow.y();
    let bar_y = top - LABEL_ROWS * label_block - 12.0;
    let span = (chart.end - chart.start).num_days().max(1) as f32;
    let x_of = |date: chrono::NaiveDate| {
        let offset = (date - chart.start).num_days() as f32;
        left + (right - left) * offset.clamp(0.0, span) / span
    };

    let canvas = flow.canvas();
    canvas.fill_rect(left, bar_y, right - left, 9.0, theme::BRAND_TINT);
    canvas.stroke_rect(left, bar_y, right - left, 9.0, 0.6, theme::BRAND);

    // Week ticks, labelled every fortnight so the labels never collide.
    let weeks = (span / 7.0).floor() as i64;
    for week in 0..=weeks {
        let date = chart.start + chrono::Duration::days(week * 7);
        let x = x_of(date);
        canvas.line((x, bar_y), (x, bar_y - 4.0), 0.5, theme::MUTED);
        // The end date is always labelled; a fortnight label too close to it is dropped.
        if week % 2 == 0 && (right - x) > 40.0 {
            canvas.text_centred(
                fonts,
                Style::new(Weight::Regular, label_size - 0.5, theme::MUTED),
                x,
                bar_y - 13.0,
                &short_date(date),
            );
        }
    }
    canvas.text_right(
        fonts,
        Style::new(Weight::Regular, label_size - 0.5, theme::MUTED),
        right,
        bar_y - 13.0,
        &short_date(chart.end),
    );

    // Milestone labels alternate between two rows when they would overlap.
    let mut last_right_edge = [f32::MIN; 2];
    for milestone in &chart.milestones {
        let x = x_of(milestone.date);
        let date_text = short_date(milestone.date);
        let label_width = fonts
            .width(Weight::Bold, label_size, &milestone.label)
            .max(fonts.width(Weight::Regular, label_size, &date_text));
        let mut label_x = (x - label_width / 2.0).clamp(left - 8.0, right + 8.0 - label_width);
        let row = if label_x > last_right_edge[0] + 6.0 {
            0
        } else {
            1
        };
        if row == 1 && label_x <= last_right_edge[1] + 6.0 {
            label_x = last_right_edge[1] + 6.0;
        }
        last_right_edge[row] = label_x + label_width;
        let label_top = bar_y + 14.0 + (1 - row) as f32 * label_block;
        canvas.line((x, bar_y + 9.0), (x, label_top - 2.0), 0.5, theme::MUTED);
        let d = 6.0;
        canvas.fill_polygon(
            &[
                (x, bar_y + 4.5 + d),
                (x + d, bar_y + 4.5),
                (x, bar_y + 4.5 - d),
                (x - d, bar_y + 4.5),
            ],
            theme::ACCENT,
        );
        let line = label_size * theme::LEADING;
        canvas.text(
            fonts,
            Style::new(Weight::Bold, label_size, theme::INK),
            label_x,
            label_top + line,
            &milestone.label,
        );
        canvas.text(
            fonts,
            Style::new(Weight::Regular, label_size, theme::MUTED),
            label_x,
            label_top + 1.0,
            &date_text,
        );
    }
    flow.advance(top - bar_y + 22.0);
    flow.gap(theme::GAP);
}
