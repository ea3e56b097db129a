//! Lines over dates, with shaded windows and marked days; each line's last value is printed at
//! its end, and the others where they fit.

use chrono::NaiveDate;

use crate::model::{Band, Marker, Series, SeriesPoint};
use crate::packs::engine::canvas::Style;
use crate::packs::engine::theme;

use super::axes::{self, Plot};
use super::frame::{Frame, LegendEntry, Swatch, LABEL_ROW, TICK, VALUE};
use super::labels::{text_area, Area, Placer};
use super::roles;
use super::scale::{date_ticks, day_number, extent, Linear};
use super::sketch::{Anchor, Stroke};
use super::strip::{self, StripLabel};
use crate::model::SeriesRole;

const PLOT_HEIGHT: f32 = 150.0;
/// Beyond this many points a line prints only its last value; the rest would crowd it.
const MAX_LABELLED_POINTS: usize = 13;

/// Runs of points joined by a line: a new run starts at every point after a gap.
pub fn runs(points: &[SeriesPoint]) -> Vec<&[SeriesPoint]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, point) in points.iter().enumerate() {
        if i > start && point.gap_before {
            out.push(&points[start..i]);
            start = i;
        }
    }
    if start < points.len() {
        out.push(&points[start..]);
    }
    out
}

pub fn draw(
    mut frame: Frame,
    chart: &crate::model::Chart,
    series: &[Series],
    bands: &[Band],
    markers: &[Marker],
) -> super::sketch::Sketch {
    let finite = |p: &&SeriesPoint| p.y.is_finite();
    let dates: Vec<NaiveDate> = series
        .iter()
        .flat_map(|s| s.points.iter().filter(finite).map(|p| p.x))
        .chain(bands.iter().flat_map(|b| [b.from, b.to]))
        .chain(markers.iter().map(|m| m.at))
        .collect();
    let (Some(first), Some(last)) = (dates.iter().min().copied(), dates.iter().max().copied())
    else {
        frame.nothing_to_show();
        let centre = frame.width() / 2.0;
        return frame.finish("", centre, chart.note.as_deref());
    };
    let (first, last) = if first == last {
        (
            first - chrono::Duration::days(15),
            last + chrono::Duration::days(15),
        )
    } else {
        (first, last)
    };

    let legend: Vec<LegendEntry> = series
        .iter()
        .map(|s| LegendEntry {
            label: s.name.clone(),
            swatch: Swatch::Line(roles::style(s.role)),
        })
        .collect();
    frame.legend(&legend);

    let ticks = axes::value_ticks(
        &frame,
        extent(series.iter().flat_map(|s| s.points.iter().map(|p| p.y))),
        PLOT_HEIGHT,
        false,
    );
    let left = axes::label_width(&frame, &ticks) + 6.0;
    // Room for each line's last value printed beside its end.
    let end_room = series
        .iter()
        .filter_map(|s| s.points.last())
        .map(|p| frame.measure(VALUE, &p.display))
        .fold(0.0, f32::max);
    let right = frame.width() - end_room - 7.0;
    let inset = 6.0;
    let x_scale = Linear::new(
        (day_number(first), day_number(last)),
        (left + inset, right - inset),
    );
    let x_of = |date: NaiveDate| x_scale.at(day_number(date));

    frame.axis_title_above(&chart.y_label);
    frame.y += LABEL_ROW + 2.0;

    let mut strip_labels: Vec<StripLabel> = Vec::new();
    for band in bands {
        let from = x_of(band.from.max(first));
        let to = x_of(band.to.min(last));
        strip_labels.push(strip::band(from, to, &band.label));
    }
    for marker in markers {
        let style = Style::new(TICK.weight, TICK.size, theme::INK);
        strip_labels.push(strip::pole(x_of(marker.at), &marker.label, style));
    }
    let strip = strip::stack(&frame, &strip_labels, left, frame.width());
    let top = frame.y + strip.height();
    let plot = Plot::new(left, top, right, top + PLOT_HEIGHT);
    let y_scale = Linear::new(ticks.domain(), (plot.bottom, plot.top));

    for (index, band) in bands.iter().enumerate() {
        let from = x_of(band.from.max(first));
        let to = x_of(band.to.min(last));
        let fill = theme::BAND_FILLS[index % theme::BAND_FILLS.len()];
        frame
            .sketch
            .rect(from, plot.top, (to - from).max(1.0), PLOT_HEIGHT, fill);
    }
    axes::y_grid(&mut frame, &plot, &y_scale, &ticks);
    strip.draw(&mut frame, &strip_labels, plot.top);
    let mut placer = Placer::new(Area::new(plot.left, plot.top, frame.width(), plot.bottom));
    for (index, marker) in markers.iter().enumerate() {
        let x = x_of(marker.at);
        let row = strip.placed[bands.len() + index].row;
        frame.sketch.line(
            (x, plot.bottom),
            (x, strip.label_bottom(row, plot.top)),
            Stroke::dashed(0.7, theme::INK, &[2.0, 2.0]),
        );
        placer.block(Area::new(x - 1.0, plot.top, x + 1.0, plot.bottom));
    }
    axes::baseline(&mut frame, &plot);

    let at = |p: &SeriesPoint| (x_of(p.x), y_scale.at(p.y));
    for line in series {
        let style = roles::style(line.role);
        for run in runs(&line.points) {
            let points: Vec<(f32, f32)> = run.iter().filter(finite).map(at).collect();
            for pair in points.windows(2) {
                placer.block_segment(pair[0], pair[1], 1.2);
            }
            frame.sketch.path(points, style.stroke());
        }
    }
    for line in series {
        let style = roles::style(line.role);
        for point in line.points.iter().filter(finite) {
            let (x, y) = at(point);
            frame.sketch.symbol(x, y, 2.4, style.shape, style.colour);
            placer.block(Area::around(x, y, 3.4));
        }
    }
    print_values(&mut frame, &mut placer, series, &at);

    let dates = date_ticks(
        first,
        last,
        x_scale.range.1 - x_scale.range.0,
        |l| frame.measure(TICK, l),
        10.0,
    );
    axes::x_dates(&mut frame, &plot, &x_scale, &dates);
    frame.y = plot.bottom + LABEL_ROW + 5.0;
    let centre = (plot.left + plot.right) / 2.0;
    frame.finish(&chart.x_label, centre, chart.note.as_deref())
}

/// Each line's last value beside its end, then the others above or below their point where
/// nothing is in the way.
fn print_values(
    frame: &mut Frame,
    placer: &mut Placer,
    series: &[Series],
    at: &dyn Fn(&SeriesPoint) -> (f32, f32),
) {
    let fonts = frame.fonts;
    let print = |frame: &mut Frame,
                 placer: &mut Placer,
                 role: SeriesRole,
                 point: &SeriesPoint,
                 ends: bool| {
        // In the line's colour, so a value between two lines says whose it is.
        let style = Style::new(VALUE.weight, VALUE.size, roles::style(role).colour);
        let (x, y) = at(point);
        let baseline_mid = y + VALUE.size * 0.35;
        let mut options: Vec<(f32, f32, Anchor)> = Vec::new();
        if ends {
            for shift in [0.0, -6.0, 6.0, -11.0, 11.0] {
                options.push((x + 6.0, baseline_mid + shift, Anchor::Start));
            }
        }
        options.push((x, y - 5.5, Anchor::Middle));
        options.push((x, y + 5.5 + VALUE.size * 0.76, Anchor::Middle));
        let areas: Vec<Area> = options
            .iter()
            .map(|(x, y, anchor)| text_area(fonts, style, *x, *y, *anchor, &point.display))
            .collect();
        if let Some(index) = placer.place(&areas) {
            let (x, y, anchor) = options[index];
            frame.text(x, y, anchor, style, &point.display);
        }
    };
    for line in series {
        if let Some(point) = line.points.iter().rev().find(|p| p.y.is_finite()) {
            print(frame, placer, line.role, point, true);
        }
    }
    for line in series {
        if line.points.len() > MAX_LABELLED_POINTS {
            continue;
        }
        let count = line.points.len();
        for point in line.points.iter().take(count.saturating_sub(1)) {
            if point.y.is_finite() {
                print(frame, placer, line.role, point, false);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(day: &str, gap_before: bool) -> SeriesPoint {
        SeriesPoint {
            x: day.parse().unwrap(),
            y: 1.0,
            display: "1".into(),
            gap_before,
        }
    }

    #[test]
    fn a_line_breaks_at_every_gap() {
        let points = vec![
            point("2027-01-01", false),
            point("2027-02-01", false),
            point("2027-04-01", true),
            point("2027-06-01", true),
            point("2027-07-01", false),
        ];
        let lengths: Vec<usize> = runs(&points).iter().map(|r| r.len()).collect();
        assert_eq!(lengths, vec![2, 1, 2]);
        // A gap flag on the first point has nothing to break from.
        assert_eq!(runs(&points[2..]).len(), 2);
        assert!(runs(&[]).is_empty());
    }
}
