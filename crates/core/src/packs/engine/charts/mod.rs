//! Vector charts. A `Chart` is laid out once as a `Sketch` (marks in points), which `paint`
//! draws onto a PDF page and `packs::html` writes as SVG. The pilot timeline and the ranked
//! bars of the older packs draw straight onto the page.

mod axes;
mod bars;
mod curve;
mod frame;
mod intervals;
mod labels;
pub mod network;
mod paint;
mod ranked_bars;
mod roles;
mod scale;
mod scatter;
mod series;
pub mod sketch;
mod strip;
mod timeline;

use crate::model::{Chart, ChartBody};

use super::flow::Flow;
use super::fonts::Fonts;
use super::theme;
use frame::Frame;
use sketch::Sketch;

pub use ranked_bars::bars as ranked_bars;
pub use timeline::timeline;

/// Lays `chart` out `width` points wide. `max_height` is the page's text height: a chart is
/// kept whole on one page, so a long list of rows is set tighter to fit it.
pub fn sketch(chart: &Chart, fonts: &Fonts, width: f32, max_height: f32) -> Sketch {
    let frame = Frame::begin(fonts, width, &chart.title, chart.subtitle.as_deref());
    match &chart.body {
        ChartBody::Series {
            series,
            bands,
            markers,
        } => series::draw(frame, chart, series, bands, markers),
        ChartBody::Intervals { rows, references } => {
            intervals::draw(frame, chart, rows, references, max_height)
        }
        ChartBody::Bars {
            categories,
            groups,
            references,
        } => bars::draw(frame, chart, categories, groups, references),
        ChartBody::Scatter { points, fit } => scatter::draw(frame, chart, points, fit.as_ref()),
        ChartBody::Curve {
            lines,
            references,
            x_references,
        } => curve::draw(frame, chart, lines, references, x_references),
    }
}

/// Draws `chart` at the flow's position, on a new page unless it fits whole on this one.
fn laid_out(flow: &Flow, chart: &Chart) -> sketch::Sketch {
    let page_height = flow.geometry.height - theme::MARGIN_TOP - theme::MARGIN_BOTTOM;
    sketch(chart, flow.fonts, flow.width(), page_height)
}

/// The height a chart takes on the page, before it is drawn.
pub fn height(flow: &Flow, chart: &Chart) -> f32 {
    laid_out(flow, chart).height
}

pub fn draw(flow: &mut Flow, chart: &Chart) {
    let laid = laid_out(flow, chart);
    flow.ensure(laid.height);
    let (left, top) = (flow.left(), flow.y());
    let fonts = flow.fonts;
    paint::paint(flow.canvas(), fonts, &laid, left, top);
    flow.advance(laid.height);
    flow.gap(theme::GAP + 4.0);
}

#[cfg(test)]
mod tests {
    use super::labels::text_area;
    use super::sketch::Mark;
    use super::*;
    use crate::model::{
        Band, BarGroup, CurveLine, CurvePoint, FitLine, IntervalRow, Marker, Reference,
        ScatterPoint, Series, SeriesPoint, SeriesRole,
    };

    fn chart(id: &str, body: ChartBody) -> Chart {
        Chart {
            id: id.into(),
            title: format!("The finding of the {id} chart, stated in a sentence"),
            subtitle: Some("Unit, period and evidence".into()),
            x_label: "Month".into(),
            y_label: "Rate, %".into(),
            body,
            note: Some("Source and privacy floor.".into()),
        }
    }

    fn date(day: &str) -> chrono::NaiveDate {
        day.parse().unwrap()
    }

    fn one_of_each() -> Vec<Chart> {
        let series = |name: &str, role, base: f64| Series {
            name: name.into(),
            role,
            points: (1..=9)
                .filter(|m| *m != 4)
                .map(|m| SeriesPoint {
                    x: date(&format!("2027-{m:02}-01")),
                    y: base + m as f64 * 0.7,
                    display: format!("{:.1}%", base + m as f64 * 0.7),
                    gap_before: m == 5,
                })
                .collect(),
        };
        let reference = |value: f64, label: &str| Reference {
            value,
            label: label.into(),
        };
        vec![
            chart(
                "series",
                ChartBody::Series {
                    series: vec![
                        series("Pilot", SeriesRole::Pilot, 70.0),
                        series("Comparison", SeriesRole::Comparison, 69.5),
                    ],
                    bands: vec![
                        Band {
                            from: date("2027-01-01"),
                            to: date("2027-03-31"),
                            label: "Baseline window".into(),
                        },
                        Band {
                            from: date("2027-04-01"),
                            to: date("2027-09-01"),
                            label: "Pilot window".into(),
                        },
                    ],
                    markers: vec![
                        Marker {
                            at: date("2027-05-15"),
                            label: "Day 45 review".into(),
                        },
                        Marker {
                            at: date("2027-05-20"),
                            label: "Steering group".into(),
                        },
                    ],
                },
            ),
            chart(
                "intervals",
                ChartBody::Intervals {
                    rows: (0..5)
                        .map(|i| IntervalRow {
                            label: format!("KPI number {i} with a long name that wraps"),
                            estimate: i as f64 - 1.0,
                            low: (i != 2).then_some(i as f64 - 2.5),
                            high: (i != 2).then_some(i as f64 + 0.5),
                            display: format!("{:+.1} pts", i as f64 - 1.0),
                            role: SeriesRole::Pilot,
                        })
                        .collect(),
                    references: vec![reference(1.5, "Criterion"), reference(1.7, "Target")],
                },
            ),
            chart(
                "bars",
                ChartBody::Bars {
                    categories: (1..=12).map(|m| format!("Month {m}")).collect(),
                    groups: vec![
                        BarGroup {
                            name: "Pilot".into(),
                            role: SeriesRole::Pilot,
                            values: (1..=12).map(|m| (m != 3).then_some(m as f64)).collect(),
                            displays: (1..=12).map(|m| format!("{m}.0 h")).collect(),
                        },
                        BarGroup {
                            name: "Comparison".into(),
                            role: SeriesRole::Comparison,
                            values: (1..=12).map(|m| Some(12.0 - m as f64)).collect(),
                            displays: (1..=12).map(|m| format!("{}.0 h", 12 - m)).collect(),
                        },
                    ],
                    references: vec![reference(6.0, "Plan")],
                },
            ),
            chart(
                "scatter",
                ChartBody::Scatter {
                    points: (0..50)
                        .map(|i| ScatterPoint {
                            x: i as f64,
                            y: (i % 7) as f64,
                            role: SeriesRole::Pilot,
                        })
                        .collect(),
                    fit: Some(FitLine {
                        slope: 0.1,
                        intercept: 1.0,
                        label: "Fit".into(),
                    }),
                },
            ),
            chart(
                "curve",
                ChartBody::Curve {
                    lines: vec![CurveLine {
                        name: "ROI".into(),
                        role: SeriesRole::Pilot,
                        points: (0..10)
                            .map(|i| CurvePoint {
                                x: i as f64,
                                y: i as f64 * 30.0 - 100.0,
                            })
                            .collect(),
                    }],
                    references: vec![reference(0.0, "Break-even")],
                    x_references: vec![reference(3.0, "Low"), reference(3.2, "Measured")],
                },
            ),
        ]
    }

    #[test]
    fn no_two_labels_of_a_chart_overlap_and_all_stay_inside_it() {
        let fonts = Fonts::for_measuring().unwrap();
        for chart in one_of_each() {
            let laid = sketch(&chart, &fonts, 480.0, 700.0);
            let areas: Vec<(String, super::labels::Area)> = laid
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Text {
                        x,
                        y,
                        anchor,
                        style,
                        text,
                    } => Some((
                        text.clone(),
                        text_area(&fonts, *style, *x, *y, *anchor, text),
                    )),
                    _ => None,
                })
                .collect();
            for (i, (text, area)) in areas.iter().enumerate() {
                assert!(
                    area.left >= -1.5 && area.right <= 481.5,
                    "{}: {text:?} runs out of the chart",
                    chart.id
                );
                for (other, other_area) in &areas[i + 1..] {
                    // Text areas carry a little air; touching air is not an overlap.
                    let shrink = |a: &super::labels::Area| {
                        super::labels::Area::new(
                            a.left + 1.3,
                            a.top + 1.3,
                            a.right - 1.3,
                            a.bottom - 1.3,
                        )
                    };
                    assert!(
                        !shrink(area).overlaps(&shrink(other_area)),
                        "{}: {text:?} overlaps {other:?}",
                        chart.id
                    );
                }
            }
            assert!(laid.height > 100.0 && laid.height < 700.0, "{}", chart.id);
            let texts = laid.texts();
            assert!(
                texts.contains(&chart.title.as_str())
                    || texts.iter().any(|t| chart.title.starts_with(t))
            );
        }
    }

    #[test]
    fn an_empty_chart_says_so_instead_of_drawing_axes() {
        let fonts = Fonts::for_measuring().unwrap();
        let empty = chart(
            "empty",
            ChartBody::Series {
                series: vec![],
                bands: vec![],
                markers: vec![],
            },
        );
        let laid = sketch(&empty, &fonts, 480.0, 700.0);
        assert!(laid.texts().contains(&"No data to show yet."));
        assert!(!laid.marks.iter().any(|m| matches!(m, Mark::Path { .. })));
    }
}
