//! Laying out each kind of block.

use crate::packs::document::{Block, KeyFigure};

use super::canvas::Style;
use super::charts;
use super::flow::Flow;
use super::fonts::Weight;
use super::table;
use super::theme;
use super::wrap::wrap;

/// How much of the next block must fit under a heading for the heading to stay on this
/// page: all of a chart (charts never split), a few lines of anything else.
fn kept_with_heading(flow: &Flow, rest: &[&Block]) -> f32 {
    let lines = theme::BODY * theme::LEADING * 4.0;
    // A short introduction (a paragraph, or a subheading) and the start of the table it
    // introduces travel with their heading.
    let (intro, after) = match rest {
        [Block::Paragraph(text), after @ ..] => (
            flow.text_height(Weight::Regular, theme::BODY, text) + theme::GAP,
            after,
        ),
        [Block::Subheading(_), after @ ..] => (theme::SUBHEADING * theme::LEADING + 6.0, after),
        _ => (0.0, rest),
    };
    let kept = match after.first() {
        Some(Block::Chart(chart)) => charts::height(flow, chart).max(lines),
        Some(Block::Network(chart)) => charts::network::height(flow, chart).max(lines),
        Some(Block::Table(table)) => table::opening_height(flow, table).max(lines),
        _ => return lines,
    };
    (intro + kept).min(flow.page_space() * 0.6)
}

/// Draws a block; `rest` are the blocks after it, the first of which a heading keeps on
/// its page.
pub fn draw(flow: &mut Flow, block: &Block, rest: &[&Block]) {
    match block {
        Block::Title(text) => {
            flow.text_block(Weight::Bold, theme::TITLE, theme::INK, text);
            flow.gap(6.0);
        }
        Block::Lead(text) => {
            flow.text_block(Weight::Regular, theme::LEAD, theme::INK, text);
            flow.gap(theme::GAP + 4.0);
        }
        Block::Heading(text) => {
            let kept = kept_with_heading(flow, rest);
            flow.ensure(theme::HEADING * 2.0 + kept);
            flow.gap(6.0);
            flow.text_block(Weight::Bold, theme::HEADING, theme::BRAND, text);
            let left = flow.left();
            let right = left + flow.width();
            let y = flow.y() + 1.0;
            flow.canvas().line((left, y), (right, y), 0.7, theme::RULE);
            flow.advance(7.0);
        }
        Block::Subheading(text) => {
            let kept = kept_with_heading(flow, rest);
            // The subheading's own line, its leading and the space under it, with room to spare,
            // so it never ends a page by a point's rounding while what it heads starts the next.
            flow.ensure(theme::SUBHEADING * theme::LEADING + 6.0 + kept);
            flow.text_block(Weight::Bold, theme::SUBHEADING, theme::INK, text);
            flow.advance(2.0);
        }
        Block::Paragraph(text) => {
            flow.text_block(Weight::Regular, theme::BODY, theme::INK, text);
            flow.gap(theme::GAP);
        }
        Block::Note(text) => {
            flow.text_block(Weight::Regular, theme::SMALL, theme::MUTED, text);
            flow.gap(theme::GAP);
        }
        Block::Bullets(items) => bullets(flow, items),
        Block::KeyFigures(figures) => key_figures(flow, figures),
        Block::Callout { title, text } => callout(flow, title, text),
        Block::Table(t) => table::draw(flow, t),
        Block::Timeline(t) => charts::timeline(flow, t),
        Block::BarChart(c) => charts::ranked_bars(flow, c),
        Block::Chart(c) => charts::draw(flow, c),
        Block::Network(c) => charts::network::draw(flow, c),
        Block::Signatures(names) => signatures(flow, names),
        Block::PageBreak => flow.new_page(),
    }
}

fn bullets(flow: &mut Flow, items: &[String]) {
    let indent = 12.0;
    let line_height = theme::BODY * theme::LEADING;
    for item in items {
        let x = flow.left() + indent;
        let width = flow.width() - indent;
        flow.ensure(line_height);
        let fonts = flow.fonts;
        let y = flow.y() - theme::BODY;
        let left = flow.left();
        flow.canvas().text(
            fonts,
            Style::new(Weight::Bold, theme::BODY, theme::BRAND),
            left + 2.0,
            y,
            "•",
        );
        flow.text_block_at(x, width, Weight::Regular, theme::BODY, theme::INK, item);
        flow.advance(2.0);
    }
    flow.gap(theme::GAP - 2.0);
}

fn key_figures(flow: &mut Flow, figures: &[KeyFigure]) {
    if figures.is_empty() {
        return;
    }
    let gap = 9.0;
    let count = figures.len() as f32;
    let box_width = (flow.width() - gap * (count - 1.0)) / count;
    let inner = box_width - 16.0;
    let fonts = flow.fonts;
    let laid: Vec<(Vec<String>, Vec<String>)> = figures
        .iter()
        .map(|f| {
            (
                wrap(fonts, Weight::Bold, theme::BODY - 1.0, inner, &f.label),
                wrap(fonts, Weight::Regular, theme::SMALL - 0.5, inner, &f.basis),
            )
        })
        .collect();
    let label_lines = laid.iter().map(|l| l.0.len()).max().unwrap_or(1) as f32;
    let basis_lines = laid.iter().map(|l| l.1.len()).max().unwrap_or(1) as f32;
    let height = 12.0
        + theme::FIGURE * 1.15
        + label_lines * (theme::BODY - 1.0) * theme::LEADING
        + basis_lines * (theme::SMALL - 0.5) * theme::LEADING
        + 10.0;
    flow.ensure(height);
    let top = flow.y();
    let left = flow.left();
    let canvas = flow.canvas();
    for (index, (figure, (label, basis))) in figures.iter().zip(&laid).enumerate() {
        let x = left + index as f32 * (box_width + gap);
        canvas.fill_rect(x, top - height, box_width, height, theme::BRAND_TINT);
        canvas.fill_rect(x, top - 3.0, box_width, 3.0, theme::BRAND);
        let mut y = top - 10.0 - theme::FIGURE;
        // A long value is set smaller rather than run out of its box.
        let natural = fonts.width(Weight::Bold, theme::FIGURE, &figure.value);
        let size = if natural > inner {
            theme::FIGURE * inner / natural
        } else {
            theme::FIGURE
        };
        canvas.text(
            fonts,
            Style::new(Weight::Bold, size, theme::BRAND),
            x + 8.0,
            y,
            &figure.value,
        );
        y -= 6.0;
        for line in label {
            y -= (theme::BODY - 1.0) * theme::LEADING;
            canvas.text(
                fonts,
                Style::new(Weight::Bold, theme::BODY - 1.0, theme::INK),
                x + 8.0,
                y + 2.0,
                line,
            );
        }
        for line in basis {
            y -= (theme::SMALL - 0.5) * theme::LEADING;
            canvas.text(
                fonts,
                Style::new(Weight::Regular, theme::SMALL - 0.5, theme::MUTED),
                x + 8.0,
                y + 1.0,
                line,
            );
        }
    }
    flow.advance(height);
    flow.gap(theme::GAP + 4.0);
}

fn callout(flow: &mut Flow, title: &str, text: &str) {
    let fonts = flow.fonts;
    let inner = flow.width() - 26.0;
    let lines = wrap(fonts, Weight::Regular, theme::BODY, inner, text);
    let line_height = theme::BODY * theme::LEADING;
    let height = 14.0 + theme::SUBHEADING * theme::LEADING + lines.len() as f32 * line_height + 6.0;
    flow.ensure(height);
    let top = flow.y();
    let left = flow.left();
    let width = flow.width();
    let canvas = flow.canvas();
    canvas.fill_rect(left, top - height, width, height, (0.996, 0.969, 0.925));
    canvas.fill_rect(left, top - height, 4.0, height, theme::ACCENT);
    let mut y = top - 8.0 - theme::SUBHEADING;
    canvas.text(
        fonts,
        Style::new(Weight::Bold, theme::SUBHEADING, theme::INK),
        left + 16.0,
        y,
        title,
    );
    y -= theme::SUBHEADING * 0.5;
    for line in &lines {
        y -= line_height;
        canvas.text(
            fonts,
            Style::new(Weight::Regular, theme::BODY, theme::INK),
            left + 16.0,
            y + 3.0,
            line,
        );
    }
    flow.advance(height);
    flow.gap(theme::GAP + 4.0);
}

fn signatures(flow: &mut Flow, names: &[String]) {
    let row = 46.0;
    let column_gap = 24.0;
    let half = (flow.width() - column_gap) / 2.0;
    for name in names {
        flow.ensure(row);
        let fonts = flow.fonts;
        let top = flow.y();
        let left = flow.left();
        let canvas = flow.canvas();
        let line_y = top - 26.0;
        canvas.line((left, line_y), (left + half, line_y), 0.6, theme::INK);
        canvas.line(
            (left + half + column_gap, line_y),
            (left + 2.0 * half + column_gap, line_y),
            0.6,
            theme::INK,
        );
        canvas.text(
            fonts,
            Style::new(Weight::Regular, theme::SMALL, theme::MUTED),
            left,
            line_y - 10.0,
            &format!("Signature: {name}"),
        );
        canvas.text(
            fonts,
            Style::new(Weight::Regular, theme::SMALL, theme::MUTED),
            left + half + column_gap,
            line_y - 10.0,
            "Date",
        );
        flow.advance(row);
    }
    flow.gap(theme::GAP);
}
