//! One chart of each kind printed into a draft pack on A4 and Letter, read back with poppler:
//! vector only, fonts embedded, every title, axis label and printed value in the text, DRAFT
//! on every page. Set PILOTDESK_KEEP_CHARTS=<folder> to keep the PDFs and the HTML to look at.

mod support;

use std::path::Path;
use std::process::Command;

use pilotdesk_core::model::{
    Band, BarGroup, Chart, ChartBody, CurveLine, CurvePoint, FitLine, IntervalRow, Marker,
    PaperSize, Reference, ScatterPoint, Series, SeriesPoint, SeriesRole,
};
use pilotdesk_core::packs::document::{Block, KeyFigure, PackDocument};
use pilotdesk_core::packs::html::to_html;
use pilotdesk_core::packs::render;
use support::{all_fonts_embedded, date, pdf_fonts, pdf_pages, pdf_text};

fn monthly(name: &str, role: SeriesRole, values: &[Option<f64>]) -> Series {
    let mut points = Vec::new();
    let mut gap = false;
    for (month, value) in values.iter().enumerate() {
        match value {
            Some(y) => {
                points.push(SeriesPoint {
                    x: month_start(month),
                    y: *y,
                    display: format!("{y:.1}%"),
                    gap_before: gap,
                });
                gap = false;
            }
            None => gap = true,
        }
    }
    Series {
        name: name.into(),
        role,
        points,
    }
}

fn month_start(index: usize) -> chrono::NaiveDate {
    date("2026-07-01")
        .checked_add_months(chrono::Months::new(index as u32))
        .unwrap()
}

fn series_chart() -> Chart {
    let pilot = monthly(
        "Pilot group (6 teams)",
        SeriesRole::Pilot,
        &[
            Some(71.2),
            Some(70.8),
            Some(71.9),
            Some(72.4),
            Some(72.0),
            Some(73.1),
            Some(75.6),
            Some(77.0),
            Some(78.3),
            Some(78.9),
        ],
    );
    let comparison = monthly(
        "Comparison group (7 teams)",
        SeriesRole::Comparison,
        &[
            Some(70.1),
            Some(70.6),
            Some(71.0),
            None,
            Some(71.5),
            Some(71.9),
            Some(72.2),
            Some(72.6),
            Some(72.9),
            Some(73.4),
        ],
    );
    Chart {
        id: "kpi-3-series".into(),
        title: "First-contact resolution rose in the pilot group after coaching began".into(),
        subtitle: Some(
            "Monthly mean per team, % of calls resolved on first contact · Jul 2026 – Apr 2027 \
             · difference-in-differences"
                .into(),
        ),
        x_label: "Month".into(),
        y_label: "Resolution rate, %".into(),
        body: ChartBody::Series {
            series: vec![pilot, comparison],
            bands: vec![
                Band {
                    from: date("2026-07-01"),
                    to: date("2027-01-10"),
                    label: "Baseline window".into(),
                },
                Band {
                    from: date("2027-01-11"),
                    to: date("2027-04-11"),
                    label: "Pilot window".into(),
                },
            ],
            markers: vec![
                Marker {
                    at: date("2027-02-25"),
                    label: "Day 45 review".into(),
                },
                Marker {
                    at: date("2027-04-11"),
                    label: "Day 90 outcome".into(),
                },
            ],
        },
        note: Some(
            "October 2026 is hidden for the comparison group: fewer than 5 teams reported \
             (privacy floor)."
                .into(),
        ),
    }
}

fn lift_chart() -> Chart {
    let row =
        |label: &str, estimate: f64, interval: Option<(f64, f64)>, display: &str| IntervalRow {
            label: label.into(),
            estimate,
            low: interval.map(|i| i.0),
            high: interval.map(|i| i.1),
            display: display.into(),
            role: SeriesRole::Pilot,
        };
    Chart {
        id: "lift-per-kpi".into(),
        title: "Two of three KPIs improved beyond chance; handle time did not move".into(),
        subtitle: Some("Lift against the comparison group, 95% interval · pilot window".into()),
        x_label: "KPI".into(),
        y_label: "Lift in each KPI's unit (positive is better)".into(),
        body: ChartBody::Intervals {
            rows: vec![
                row(
                    "First-contact resolution (%)",
                    4.1,
                    Some((1.2, 7.0)),
                    "+4.1 pts (1.2 to 7.0)",
                ),
                row(
                    "Time to first deal (days, fewer is better)",
                    2.6,
                    Some((0.4, 4.8)),
                    "−2.6 days (−0.4 to −4.8)",
                ),
                row(
                    "Average handle time (min)",
                    -0.3,
                    Some((-1.9, 1.3)),
                    "+0.3 min (−1.3 to 1.9)",
                ),
                row(
                    "Escalation rate (one pilot unit)",
                    0.0225,
                    None,
                    "+0.0225 (no interval: one unit)",
                ),
            ],
            references: vec![Reference {
                value: 3.0,
                label: "Success criterion +3".into(),
            }],
        },
        note: Some("One pilot unit on escalations: placebo inference only, see methods.".into()),
    }
}

fn event_study_chart() -> Chart {
    let months = [
        ("Oct 2026", -0.4, -2.1, 1.3),
        ("Nov 2026", 0.2, -1.5, 1.9),
        ("Dec 2026", 0.0, -1.6, 1.6),
        ("Jan 2027", 1.8, 0.1, 3.5),
        ("Feb 2027", 3.4, 1.5, 5.3),
        ("Mar 2027", 4.6, 2.4, 6.8),
    ];
    Chart {
        id: "kpi-3-event-study".into(),
        title: "The effect appears in the first pilot month and grows".into(),
        subtitle: Some("Effect per month relative to the baseline, 95% interval".into()),
        x_label: "Month".into(),
        y_label: "Effect on resolution rate, percentage points".into(),
        body: ChartBody::Intervals {
            rows: months
                .iter()
                .map(|(label, e, lo, hi)| IntervalRow {
                    label: (*label).into(),
                    estimate: *e,
                    low: Some(*lo),
                    high: Some(*hi),
                    display: format!("{e:+.1} pts"),
                    role: if label.ends_with("2026") {
                        SeriesRole::Neutral
                    } else {
                        SeriesRole::Pilot
                    },
                })
                .collect(),
            references: vec![],
        },
        note: None,
    }
}

fn activity_chart() -> Chart {
    Chart {
        id: "coaching-activity".into(),
        title: "Coaching held steady at about two conversations per manager a week".into(),
        subtitle: Some("Events per manager per week, by month · pilot window".into()),
        x_label: "Month".into(),
        y_label: "Events per manager per week".into(),
        body: ChartBody::Bars {
            categories: vec![
                "Jan 2027".into(),
                "Feb 2027".into(),
                "Mar 2027".into(),
                "Apr 2027 (to day 90)".into(),
            ],
            groups: vec![
                BarGroup {
                    name: "Conversations".into(),
                    role: SeriesRole::Pilot,
                    values: vec![Some(1.8), Some(2.2), Some(2.1), None],
                    displays: vec![
                        "1.8".into(),
                        "2.2".into(),
                        "2.1".into(),
                        "<5 managers".into(),
                    ],
                },
                BarGroup {
                    name: "Playbook tasks practised".into(),
                    role: SeriesRole::Comparison,
                    values: vec![Some(0.9), Some(1.4), Some(1.6), Some(1.5)],
                    displays: vec!["0.9".into(), "1.4".into(), "1.6".into(), "1.5".into()],
                },
            ],
            references: vec![Reference {
                value: 2.0,
                label: "Plan: 2 a week".into(),
            }],
        },
        note: Some(
            "April shows 11 days; conversations are hidden where fewer than 5 managers logged any."
                .into(),
        ),
    }
}

fn cost_chart() -> Chart {
    Chart {
        id: "cost-benefit".into(),
        title: "First-year benefits are 2.4 times the fully loaded cost".into(),
        subtitle: Some("USD, first year, confidence-adjusted (Phillips)".into()),
        x_label: "".into(),
        y_label: "USD".into(),
        body: ChartBody::Bars {
            categories: vec!["Fully loaded cost".into(), "Monetised benefit".into()],
            groups: vec![BarGroup {
                name: "USD".into(),
                role: SeriesRole::Neutral,
                values: vec![Some(41_200.0), Some(98_900.0)],
                displays: vec!["USD 41,200".into(), "USD 98,900".into()],
            }],
            references: vec![],
        },
        note: None,
    }
}

fn roi_chart() -> Chart {
    let cost = 41_200.0;
    let points: Vec<CurvePoint> = (0..=16)
        .map(|i| {
            let effect = i as f64 * 0.5;
            CurvePoint {
                x: effect,
                y: (effect * 24_100.0 * 0.8 - cost) / cost * 100.0,
            }
        })
        .collect();
    Chart {
        id: "roi-sensitivity".into(),
        title: "ROI stays positive down to an effect of 2.1 points".into(),
        subtitle: Some("ROI % against the effect on resolution rate, 80% confidence".into()),
        x_label: "Effect on resolution rate, percentage points".into(),
        y_label: "ROI, %".into(),
        body: ChartBody::Curve {
            lines: vec![CurveLine {
                name: "ROI at 80% confidence".into(),
                role: SeriesRole::Pilot,
                points,
            }],
            references: vec![Reference {
                value: 0.0,
                label: "Break-even".into(),
            }],
            x_references: vec![
                Reference {
                    value: 1.2,
                    label: "Interval low 1.2".into(),
                },
                Reference {
                    value: 4.1,
                    label: "Measured 4.1".into(),
                },
                Reference {
                    value: 7.0,
                    label: "Interval high 7.0".into(),
                },
            ],
        },
        note: None,
    }
}

fn inputs_chart() -> Chart {
    // A fixed, gently rising cloud: no randomness, so the test is repeatable.
    let points: Vec<ScatterPoint> = (0..36)
        .map(|i| {
            let hours = 2.0 + (i as f64 * 7.3) % 14.0;
            let wobble = ((i * 37) % 11) as f64 / 11.0 * 4.0 - 2.0;
            ScatterPoint {
                x: hours,
                y: 0.45 * hours + wobble - 0.5,
                role: if i % 3 == 0 {
                    SeriesRole::Comparison
                } else {
                    SeriesRole::Pilot
                },
            }
        })
        .collect();
    Chart {
        id: "inputs-outcomes".into(),
        title: "Teams with more coaching hours improved more".into(),
        subtitle: Some(
            "Per team: coaching hours in the pilot window against the change in resolution rate"
                .into(),
        ),
        x_label: "Coaching hours per manager".into(),
        y_label: "Change in resolution rate, pts".into(),
        body: ChartBody::Scatter {
            points,
            fit: Some(FitLine {
                slope: 0.45,
                intercept: -0.5,
                label: "Fitted line: +0.45 pts per hour".into(),
            }),
        },
        note: Some("Teams under the privacy floor are left out.".into()),
    }
}

pub fn sample() -> PackDocument {
    PackDocument {
        title: "Day-90 outcome pack".into(),
        subject: "Service coaching <North & West>".into(),
        subject_label: None,
        produced_on: date("2027-04-12"),
        draft: true,
        blocks: vec![
            Block::Title("Scale the pilot: resolution rose 4.1 points".into()),
            Block::Lead(
                "The pre-registered rule says Scale; the steering group decides on 19 Apr 2027."
                    .into(),
            ),
            Block::KeyFigures(vec![
                KeyFigure {
                    value: "+4.1 pts".into(),
                    label: "First-contact resolution".into(),
                    basis: "95% interval 1.2 to 7.0; difference-in-differences".into(),
                },
                KeyFigure {
                    value: "140%".into(),
                    label: "ROI, first year".into(),
                    basis: "Confidence-adjusted; 29% at the interval low".into(),
                },
                KeyFigure {
                    value: "5.0 months".into(),
                    label: "Payback".into(),
                    basis: "Fully loaded costs".into(),
                },
            ]),
            Block::Heading("Evidence".into()),
            Block::Chart(lift_chart()),
            Block::Chart(series_chart()),
            Block::Chart(event_study_chart()),
            Block::Chart(activity_chart()),
            Block::Chart(cost_chart()),
            Block::Chart(roi_chart()),
            Block::Chart(inputs_chart()),
            Block::Signatures(vec!["Sponsor".into()]),
        ],
    }
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test: {e}"));
    assert!(output.status.success(), "{tool} failed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Rows of `pdfimages -list` after its two header lines: one per raster image.
fn image_rows(path: &Path) -> usize {
    poppler("pdfimages", &["-list", &path.to_string_lossy()])
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .count()
}

fn keep(name: &str, bytes: &[u8]) {
    if let Some(folder) = std::env::var_os("PILOTDESK_KEEP_CHARTS") {
        let folder = Path::new(&folder);
        std::fs::create_dir_all(folder).unwrap();
        std::fs::write(folder.join(name), bytes).unwrap();
    }
}

/// Squeezes out the runs of spaces `pdftotext -layout` puts between words.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_kind_of_chart_prints_as_vector_text_and_lines_on_a4_and_letter() {
    let doc = sample();
    let dir = tempfile::tempdir().unwrap();
    for (paper, name) in [
        (PaperSize::A4, "charts-a4.pdf"),
        (PaperSize::Letter, "charts-letter.pdf"),
    ] {
        let rendered = render(&doc, paper).unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &rendered.bytes).unwrap();
        keep(name, &rendered.bytes);

        assert!(
            all_fonts_embedded(&pdf_fonts(&path)),
            "{}",
            pdf_fonts(&path)
        );
        let font_rows = pdf_fonts(&path)
            .lines()
            .skip(2)
            .filter(|l| !l.trim().is_empty())
            .count();
        assert_eq!(font_rows, 2, "only the embedded Noto Sans regular and bold");
        assert_eq!(image_rows(&path), 0, "charts are vector, not images");

        let text = words(&pdf_text(&path));
        for chart in [
            lift_chart(),
            series_chart(),
            event_study_chart(),
            activity_chart(),
            cost_chart(),
            roi_chart(),
            inputs_chart(),
        ] {
            assert!(
                text.contains(&chart.title),
                "{name} lacks the title {:?}",
                chart.title
            );
            assert!(
                text.contains(&chart.y_label),
                "{name} lacks the axis label {:?}",
                chart.y_label
            );
            assert!(
                text.contains(&chart.x_label),
                "{name} lacks the axis label {:?}",
                chart.x_label
            );
        }
        for expected in [
            // Printed values, legends, bands, markers and references.
            "+4.1 pts (1.2 to 7.0)",
            "+0.0225 (no interval: one unit)",
            "Success criterion +3",
            "78.9%",
            "73.4%",
            "Pilot group (6 teams)",
            "Comparison group (7 teams)",
            "Baseline window",
            "Pilot window",
            "Day 45 review",
            "Day 90 outcome",
            "<5 managers",
            "Plan: 2 a week",
            "USD 41,200",
            "USD 98,900",
            "Break-even",
            "Measured 4.1",
            "Fitted line: +0.45 pts per hour",
            // Ticks: months on a date axis, 1-2-5 steps with a true minus sign.
            "Jan 2027",
            "Oct 2026",
            "–2",
        ] {
            assert!(
                text.contains(expected),
                "{name} lacks {expected:?}:\n{text}"
            );
        }

        let pages = pdf_pages(&path);
        assert_eq!(pages.len(), rendered.pages);
        assert!(pages.len() >= 3, "seven charts take several pages");
        for (index, page) in pages.iter().enumerate() {
            assert!(
                page.contains("DRAFT"),
                "{name} page {} lacks DRAFT",
                index + 1
            );
        }
        assert!(
            !text.contains("Signature: Sponsor"),
            "a draft carries no signature lines"
        );
    }
}

#[test]
fn a_chart_is_kept_whole_on_one_page() {
    let doc = sample();
    let rendered = render(&doc, PaperSize::Letter).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.pdf");
    std::fs::write(&path, &rendered.bytes).unwrap();
    let pages: Vec<String> = pdf_pages(&path).iter().map(|p| words(p)).collect();
    for chart in [series_chart(), roi_chart(), inputs_chart(), lift_chart()] {
        let page = pages
            .iter()
            .find(|p| p.contains(&chart.title))
            .unwrap_or_else(|| panic!("no page has {:?}", chart.title));
        let last = chart.note.clone().unwrap_or(chart.x_label.clone());
        assert!(
            page.contains(&words(&last)),
            "{:?} ends on another page",
            chart.title
        );
    }
}

#[test]
fn a_final_pack_keeps_its_hash_and_its_signatures_and_says_no_draft() {
    let mut doc = sample();
    let draft_hash = doc.content_hash();
    doc.draft = false;
    assert_ne!(
        doc.content_hash(),
        draft_hash,
        "the draft mark is part of the content"
    );
    let json = serde_json::to_string(&doc).unwrap();
    assert!(
        !json.contains("\"draft\""),
        "a final pack hashes as it did before drafts"
    );

    let rendered = render(&doc, PaperSize::A4).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("final.pdf");
    std::fs::write(&path, &rendered.bytes).unwrap();
    let text = pdf_text(&path);
    assert!(!text.contains("DRAFT"));
    assert!(text.contains("Signature: Sponsor"));
}

#[test]
fn the_html_rendering_holds_the_same_blocks_and_charts_escaped() {
    let doc = sample();
    let html = to_html(&doc);
    keep("charts.html", html.as_bytes());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<svg ").count(), 7, "one inline SVG per chart");
    assert!(html.contains("<figure class=\"chart\" id=\"kpi-3-series\">"));
    assert!(html.contains("Service coaching &lt;North &amp; West&gt;"));
    assert!(!html.contains("<North"), "text is escaped");
    assert!(html.contains("&lt;5 managers"));
    assert!(html.contains("+4.1 pts (1.2 to 7.0)"));
    assert!(html.contains("Jan 2027"));
    assert!(html.contains("class=\"watermark\""));
    assert!(!html.contains("Signature: Sponsor"));
    for forbidden in [
        "http://", "https://", "url(", "@import", "<script", "<img", "<link",
    ] {
        let outside_namespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assert!(
            !outside_namespace.contains(forbidden),
            "the page refers to {forbidden}"
        );
    }
    assert!(html.contains("'Noto Sans'") || html.contains("\"Noto Sans\""));
}
