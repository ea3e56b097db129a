//! Grouped bars per category, values printed on top where they fit, references as dashed
//! lines labelled at their right end. A value hidden under the privacy floor has no bar, only
//! its printed stand-in (e.g. "<5").

use crate::model::{BarGroup, Chart, Reference};
use crate::packs::engine::canvas::Style;
use crate::packs::engine::theme;
use crate::packs::engine::wrap::wrap;

use super::axes::{self, Plot};
use super::frame::{Frame, LegendEntry, Swatch, LABEL_ROW, TICK, VALUE};
use super::labels::{text_area, Area, Placer};
use super::roles;
use super::scale::{extent, Linear};
use super::sketch::{Anchor, Sketch, Stroke};

const PLOT_HEIGHT: f32 = 140.0;
const CATEGORY_LINE: f32 = 8.5;

pub fn draw(
    mut frame: Frame,
    chart: &Chart,
    categories: &[String],
    groups: &[BarGroup],
    references: &[Reference],
) -> Sketch {
    if categories.is_empty() || groups.is_empty() {
        frame.nothing_to_show();
        let centre = frame.width() / 2.0;
        return frame.finish("", centre, chart.note.as_deref());
    }
    if groups.len() > 1 {
        let legend: Vec<LegendEntry> = groups
            .iter()
            .map(|g| LegendEntry {
                label: g.name.clone(),
                swatch: Swatch::Bar(roles::style(g.role)),
            })
            .collect();
        frame.legend(&legend);
    }
    let values = groups
        .iter()
        .flat_map(|g| g.values.iter().flatten().copied())
        .chain(references.iter().map(|r| r.value))
        .chain([0.0]);
    // Headroom so the tallest bar's value prints above it, inside the plot.
    let (lo, hi) = extent(values);
    let headroom = (hi - lo) * 0.1;
    let padded = (
        if lo < 0.0 { lo - headroom } else { lo },
        if hi > 0.0 { hi + headroom } else { hi },
    );
    let ticks = axes::value_ticks(&frame, padded, PLOT_HEIGHT, false);
    let left = axes::label_width(&frame, &ticks) + 6.0;
    let right = frame.width() - 2.0;
    let band = (right - left) / categories.len() as f32;
    let fonts = frame.fonts;
    let category_lines: Vec<Vec<String>> = categories
        .iter()
        .map(|c| {
            let mut lines = wrap(fonts, TICK.weight, TICK.size, band - 4.0, c);
            lines.truncate(2);
            lines
        })
        .collect();
    let label_rows = category_lines.iter().map(Vec::len).max().unwrap_or(1) as f32;

    frame.axis_title_above(&chart.y_label);
    frame.y += LABEL_ROW + 4.0;
    let plot = Plot::new(left, frame.y, right, frame.y + PLOT_HEIGHT);
    let scale = Linear::new(ticks.domain(), (plot.bottom, plot.top));
    axes::y_grid(&mut frame, &plot, &scale, &ticks);

    let mut placer = Placer::new(Area::new(
        plot.left,
        plot.top - 2.0,
        plot.right,
        plot.bottom,
    ));
    let zero = scale.at(0.0);
    let inner = band * 0.72;
    let gap = if groups.len() > 1 { 1.5 } else { 0.0 };
    let bar_width = (inner - gap * (groups.len() - 1) as f32) / groups.len() as f32;
    let mut bars = Vec::new();
    for (c, _) in categories.iter().enumerate() {
        let start = plot.left + band * c as f32 + (band - inner) / 2.0;
        for (g, group) in groups.iter().enumerate() {
            let x = start + g as f32 * (bar_width + gap);
            let value = group
                .values
                .get(c)
                .copied()
                .flatten()
                .filter(|v| v.is_finite());
            let display = group.displays.get(c).map(String::as_str).unwrap_or("");
            if let Some(value) = value {
                let top = scale.at(value);
                let fill = roles::style(group.role).fill;
                frame.sketch.rect(x, zero, bar_width, top - zero, fill);
                placer.block(Area::new(x, zero, x + bar_width, top));
            }
            bars.push((x + bar_width / 2.0, value, display));
        }
    }
    frame.sketch.line(
        (plot.left, zero),
        (plot.right, zero),
        Stroke::solid(0.8, theme::ZERO_LINE),
    );
    for reference in references {
        let y = scale.at(reference.value);
        frame.sketch.line(
            (plot.left, y),
            (plot.right, y),
            Stroke::dashed(0.9, theme::TARGET, &[3.0, 2.0]),
        );
        placer.block_segment((plot.left, y), (plot.right, y), 0.6);
    }
    for reference in references {
        let y = scale.at(reference.value);
        let style = Style::new(TICK.weight, TICK.size, theme::TARGET);
        let right = plot.right - 2.0;
        let options = [y - 3.0, y + 3.0 + style.size * 0.76];
        let areas: Vec<Area> = options
            .iter()
            .map(|b| text_area(fonts, style, right, *b, Anchor::End, &reference.label))
            .collect();
        // Over a bar rather than not at all: an unlabelled reference line means nothing.
        let i = placer.place(&areas).unwrap_or(0);
        frame.text(right, options[i], Anchor::End, style, &reference.label);
    }
    for (centre, value, display) in bars {
        print_value(&mut frame, &mut placer, &scale, centre, value, display);
    }

    for (c, lines) in category_lines.iter().enumerate() {
        let centre = plot.left + band * (c as f32 + 0.5);
        for (n, line) in lines.iter().enumerate() {
            let baseline = plot.bottom + 3.0 + TICK.size + n as f32 * CATEGORY_LINE;
            frame.text(centre, baseline, Anchor::Middle, TICK, line);
        }
    }
    frame.y = plot.bottom + label_rows * CATEGORY_LINE + 6.0;
    let centre = (plot.left + plot.right) / 2.0;
    frame.finish(&chart.x_label, centre, chart.note.as_deref())
}

/// A bar's value just beyond its end, or a hidden value's stand-in on the zero line; set
/// smaller when it is wider than the bar's slot, and left out when even that does not fit.
fn print_value(
    frame: &mut Frame,
    placer: &mut Placer,
    scale: &Linear,
    centre: f32,
    value: Option<f64>,
    display: &str,
) {
    let fonts = frame.fonts;
    let zero = scale.at(0.0);
    let (end, below, style) = match value {
        Some(v) => (scale.at(v), v < 0.0, VALUE),
        None => (
            zero,
            false,
            Style::new(TICK.weight, TICK.size, theme::MUTED),
        ),
    };
    for size in [style.size, style.size - 1.0] {
        let style = Style::new(style.weight, size, style.colour);
        let baseline = if below {
            end + 3.5 + size * 0.76
        } else {
            end - 3.5
        };
        let area = text_area(fonts, style, centre, baseline, Anchor::Middle, display);
        if placer.place(&[area]).is_some() {
            frame.text(centre, baseline, Anchor::Middle, style, display);
            return;
        }
    }
}
