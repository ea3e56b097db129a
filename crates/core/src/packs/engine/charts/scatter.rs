//! Points on two numeric axes, e.g. coaching hours against the change in a KPI, with the
//! fitted line drawn only where it lies inside the plot.

use std::collections::BTreeSet;

use crate::model::{Chart, FitLine, ScatterPoint, SeriesRole};
use crate::packs::engine::theme;

use super::axes::{self, Plot};
use super::frame::{Frame, LegendEntry, Swatch, LABEL_ROW};
use super::roles;
use super::scale::{extent, Linear};
use super::sketch::{Sketch, Stroke};

const PLOT_HEIGHT: f32 = 165.0;
const FIT_DASH: &[f32] = &[6.0, 3.0];

pub fn draw(
    mut frame: Frame,
    chart: &Chart,
    points: &[ScatterPoint],
    fit: Option<&FitLine>,
) -> Sketch {
    let points: Vec<&ScatterPoint> = points
        .iter()
        .filter(|p| p.x.is_finite() && p.y.is_finite())
        .collect();
    if points.is_empty() {
        frame.nothing_to_show();
        let centre = frame.width() / 2.0;
        return frame.finish("", centre, chart.note.as_deref());
    }
    let roles: BTreeSet<SeriesRole> = points.iter().map(|p| p.role).collect();
    let mut legend: Vec<LegendEntry> = roles
        .iter()
        .map(|role| LegendEntry {
            label: role.label().to_string(),
            swatch: Swatch::Symbol(roles::style(*role)),
        })
        .collect();
    if let Some(fit) = fit {
        legend.push(LegendEntry {
            label: fit.label.clone(),
            swatch: Swatch::Plain(theme::INK, FIT_DASH),
        });
    }
    frame.legend(&legend);

    let y_ticks = axes::value_ticks(
        &frame,
        padded(points.iter().map(|p| p.y)),
        PLOT_HEIGHT,
        false,
    );
    let left = axes::label_width(&frame, &y_ticks) + 6.0;
    let right = frame.width() - 8.0;
    let x_ticks = axes::value_ticks(
        &frame,
        padded(points.iter().map(|p| p.x)),
        right - left,
        true,
    );

    frame.axis_title_above(&chart.y_label);
    frame.y += LABEL_ROW + 4.0;
    let plot = Plot::new(left, frame.y, right, frame.y + PLOT_HEIGHT);
    let x_scale = Linear::new(x_ticks.domain(), (plot.left, plot.right));
    let y_scale = Linear::new(y_ticks.domain(), (plot.bottom, plot.top));
    axes::y_grid(&mut frame, &plot, &y_scale, &y_ticks);
    axes::x_grid(&mut frame, &plot, &x_scale, &x_ticks);
    axes::baseline(&mut frame, &plot);

    // Fewer, larger points read better than a dense cloud of large ones.
    let radius = if points.len() > 150 { 1.6 } else { 2.3 };
    for point in &points {
        let style = roles::style(point.role);
        frame.sketch.symbol(
            x_scale.at(point.x),
            y_scale.at(point.y),
            radius,
            style.shape,
            style.colour,
        );
    }
    if let Some((from, to)) = fit.and_then(|f| clip_fit(f, x_ticks.domain(), y_ticks.domain())) {
        frame.sketch.path(
            vec![
                (x_scale.at(from.0), y_scale.at(from.1)),
                (x_scale.at(to.0), y_scale.at(to.1)),
            ],
            Stroke::dashed(1.3, theme::INK, FIT_DASH),
        );
    }
    frame.y = plot.bottom + LABEL_ROW + 3.0;
    let centre = (plot.left + plot.right) / 2.0;
    frame.finish(&chart.x_label, centre, chart.note.as_deref())
}

/// The data's extent widened a little, so no point sits on an axis; never across zero, so
/// counts and hours do not get a negative axis.
fn padded(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = extent(values);
    let pad = (hi - lo) * 0.03;
    let low = if lo >= 0.0 {
        (lo - pad).max(0.0)
    } else {
        lo - pad
    };
    let high = if hi <= 0.0 {
        (hi + pad).min(0.0)
    } else {
        hi + pad
    };
    (low, high)
}

/// The part of y = slope·x + intercept inside the box, as its two ends; none when the line
/// misses the box.
pub fn clip_fit(fit: &FitLine, x: (f64, f64), y: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
    if !fit.slope.is_finite() || !fit.intercept.is_finite() {
        return None;
    }
    let at = |x: f64| fit.slope * x + fit.intercept;
    let (mut from, mut to) = x;
    if fit.slope.abs() > f64::EPSILON {
        let x_at = |y: f64| (y - fit.intercept) / fit.slope;
        let (a, b) = (x_at(y.0), x_at(y.1));
        from = from.max(a.min(b));
        to = to.min(a.max(b));
    } else if at(from) < y.0 || at(from) > y.1 {
        return None;
    }
    (from < to).then(|| ((from, at(from)), (to, at(to))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(slope: f64, intercept: f64) -> FitLine {
        FitLine {
            slope,
            intercept,
            label: "fit".into(),
        }
    }

    #[test]
    fn the_fitted_line_is_cut_to_the_plot() {
        let ((x0, y0), (x1, y1)) = clip_fit(&fit(2.0, 0.0), (0.0, 10.0), (0.0, 10.0)).unwrap();
        assert_eq!((x0, y0, x1, y1), (0.0, 0.0, 5.0, 10.0));

        let flat = clip_fit(&fit(0.0, 4.0), (0.0, 10.0), (0.0, 10.0)).unwrap();
        assert_eq!(flat, ((0.0, 4.0), (10.0, 4.0)));

        assert_eq!(clip_fit(&fit(0.0, 40.0), (0.0, 10.0), (0.0, 10.0)), None);
        assert_eq!(clip_fit(&fit(1.0, 50.0), (0.0, 10.0), (0.0, 10.0)), None);
        assert_eq!(
            clip_fit(&fit(f64::NAN, 0.0), (0.0, 10.0), (0.0, 10.0)),
            None
        );
    }
}
