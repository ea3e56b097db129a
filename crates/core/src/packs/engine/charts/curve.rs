//! Lines over a numeric x, e.g. ROI % against the effect size, with references on both axes:
//! break-even across, the measured effect and its interval ends upright.

use crate::model::{Chart, CurveLine, Reference};
use crate::packs::engine::canvas::Style;
use crate::packs::engine::theme;

use super::axes::{self, Plot};
use super::frame::{Frame, LegendEntry, Swatch, LABEL_ROW, TICK};
use super::labels::{text_area, Area, Placer};
use super::roles;
use super::scale::{extent, Linear};
use super::sketch::{Anchor, Sketch, Stroke};
use super::strip::{self, StripLabel};

const PLOT_HEIGHT: f32 = 150.0;
const REFERENCE_DASH: &[f32] = &[3.0, 2.0];

pub fn draw(
    mut frame: Frame,
    chart: &Chart,
    lines: &[CurveLine],
    references: &[Reference],
    x_references: &[Reference],
) -> Sketch {
    let finite = |x: f64, y: f64| x.is_finite() && y.is_finite();
    let has_points = lines
        .iter()
        .any(|l| l.points.iter().any(|p| finite(p.x, p.y)));
    if !has_points {
        frame.nothing_to_show();
        let centre = frame.width() / 2.0;
        return frame.finish("", centre, chart.note.as_deref());
    }
    let legend: Vec<LegendEntry> = lines
        .iter()
        .map(|l| LegendEntry {
            label: l.name.clone(),
            swatch: Swatch::Line(roles::style(l.role)),
        })
        .collect();
    frame.legend(&legend);

    let ys = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.y))
        .chain(references.iter().map(|r| r.value));
    let xs = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.x))
        .chain(x_references.iter().map(|r| r.value));
    let y_ticks = axes::value_ticks(&frame, extent(ys), PLOT_HEIGHT, false);
    let left = axes::label_width(&frame, &y_ticks) + 6.0;
    let right = frame.width() - 8.0;
    let x_ticks = axes::value_ticks(&frame, extent(xs), right - left, true);
    let x_scale = Linear::new(x_ticks.domain(), (left, right));

    frame.axis_title_above(&chart.y_label);
    frame.y += LABEL_ROW + 2.0;
    let strip_labels: Vec<StripLabel> = x_references
        .iter()
        .map(|r| {
            let style = Style::new(TICK.weight, TICK.size, theme::TARGET);
            strip::pole(x_scale.at(r.value), &r.label, style)
        })
        .collect();
    let strip = strip::stack(&frame, &strip_labels, left, frame.width());
    let top = frame.y + strip.height();
    let plot = Plot::new(left, top, right, top + PLOT_HEIGHT);
    let y_scale = Linear::new(y_ticks.domain(), (plot.bottom, plot.top));
    axes::y_grid(&mut frame, &plot, &y_scale, &y_ticks);
    axes::x_grid(&mut frame, &plot, &x_scale, &x_ticks);
    axes::baseline(&mut frame, &plot);
    strip.draw(&mut frame, &strip_labels, plot.top);

    let reference_stroke = Stroke::dashed(0.9, theme::TARGET, REFERENCE_DASH);
    for (reference, placed) in x_references.iter().zip(&strip.placed) {
        let x = x_scale.at(reference.value);
        frame.sketch.line(
            (x, plot.bottom),
            (x, strip.label_bottom(placed.row, plot.top)),
            reference_stroke.clone(),
        );
    }
    let mut placer = Placer::new(Area::new(plot.left, plot.top, plot.right, plot.bottom));
    for reference in references {
        let y = y_scale.at(reference.value);
        frame
            .sketch
            .line((plot.left, y), (plot.right, y), reference_stroke.clone());
    }
    for line in lines {
        let style = roles::style(line.role);
        let mut points: Vec<(f64, f64)> = line
            .points
            .iter()
            .filter(|p| finite(p.x, p.y))
            .map(|p| (p.x, p.y))
            .collect();
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        let drawn: Vec<(f32, f32)> = points
            .iter()
            .map(|(x, y)| (x_scale.at(*x), y_scale.at(*y)))
            .collect();
        for pair in drawn.windows(2) {
            placer.block_segment(pair[0], pair[1], 1.2);
        }
        if drawn.len() == 1 {
            let (x, y) = drawn[0];
            frame.sketch.symbol(x, y, 2.4, style.shape, style.colour);
        }
        frame.sketch.path(drawn, style.stroke());
    }
    // Reference labels sit on their line at the right, or the left, wherever no curve is.
    let fonts = frame.fonts;
    for reference in references {
        let y = y_scale.at(reference.value);
        let style = Style::new(TICK.weight, TICK.size, theme::TARGET);
        let options = [
            (plot.right - 2.0, y - 3.0, Anchor::End),
            (plot.left + 2.0, y - 3.0, Anchor::Start),
            (plot.right - 2.0, y + 3.0 + style.size * 0.76, Anchor::End),
            (plot.left + 2.0, y + 3.0 + style.size * 0.76, Anchor::Start),
        ];
        let areas: Vec<Area> = options
            .iter()
            .map(|(x, b, a)| text_area(fonts, style, *x, *b, *a, &reference.label))
            .collect();
        // Over a curve rather than not at all: an unlabelled reference line means nothing.
        let i = placer.place(&areas).unwrap_or(0);
        let (x, baseline, anchor) = options[i];
        frame.text(x, baseline, anchor, style, &reference.label);
    }
    frame.y = plot.bottom + LABEL_ROW + 3.0;
    let centre = (plot.left + plot.right) / 2.0;
    frame.finish(&chart.x_label, centre, chart.note.as_deref())
}
