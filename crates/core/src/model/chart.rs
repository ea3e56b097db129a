//! One description of a chart, drawn by the printed packs (vector PDF) and by the UI (Observable
//! Plot), so both show the same numbers. Plain data: whoever builds a chart has already applied
//! the privacy floor and written each printed value with its unit and precision.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Chart {
    /// Stable, e.g. "kpi-3-series"; the UI uses it as the chart's `data-testid`.
    pub id: String,
    /// States the finding, e.g. "First-contact resolution rose 4.1 points in the pilot group".
    pub title: String,
    /// Unit, period and evidence strength.
    pub subtitle: Option<String>,
    /// The category or horizontal axis.
    pub x_label: String,
    /// The value axis, with its unit. In `intervals` charts the value axis runs across the page,
    /// so this label is drawn under it.
    pub y_label: String,
    pub body: ChartBody,
    /// Sources, exclusions, the privacy floor applied.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ChartBody {
    /// Lines over dates: e.g. both groups' monthly means, with the baseline and pilot windows
    /// shaded and days marked.
    Series {
        series: Vec<Series>,
        bands: Vec<Band>,
        markers: Vec<Marker>,
    },
    /// Estimates with 95% intervals on a category axis: lift per KPI, effect per month (event
    /// study). Drawn as rows, one per category, with a zero line.
    Intervals {
        rows: Vec<IntervalRow>,
        references: Vec<Reference>,
    },
    /// Grouped bars per category: coaching activity per month, cost against benefit.
    Bars {
        categories: Vec<String>,
        groups: Vec<BarGroup>,
        references: Vec<Reference>,
    },
    /// Points on two numeric axes with an optional fitted line: coaching inputs against outcomes.
    Scatter {
        points: Vec<ScatterPoint>,
        fit: Option<FitLine>,
    },
    /// Lines over a numeric x: ROI % against the effect size (sensitivity), with references on
    /// the value axis (`references`) and on the x axis (`x_references`).
    Curve {
        lines: Vec<CurveLine>,
        references: Vec<Reference>,
        x_references: Vec<Reference>,
    },
}

/// Whose data a mark shows. It fixes the colour, the dash and the marker shape in both
/// renderers, so the pilot group looks the same on screen and on paper, in colour or grey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SeriesRole {
    Pilot,
    Comparison,
    Neutral,
    Target,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    pub name: String,
    pub role: SeriesRole,
    /// In date order. A period without a value (hidden under the privacy floor, or no data) is
    /// left out, and the point after it says so with `gap_before`.
    pub points: Vec<SeriesPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SeriesPoint {
    pub x: NaiveDate,
    pub y: f64,
    /// The value as printed, with its unit and precision.
    pub display: String,
    /// True when one or more periods before this point are missing. Renderers never join a
    /// line across it: the line stops at the point before and starts again here.
    pub gap_before: bool,
}

/// A shaded window on a date axis, e.g. the baseline or the pilot period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Band {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub label: String,
}

/// A marked day on a date axis, e.g. "Day 45 review".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Marker {
    pub at: NaiveDate,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntervalRow {
    pub label: String,
    pub estimate: f64,
    /// The 95% interval; none when the data cannot give one (e.g. a single pilot unit).
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The estimate and interval as printed, e.g. "+4.1 pts (1.2 to 7.0)".
    pub display: String,
    /// Colours the row, e.g. baseline months `neutral` and pilot months `pilot` in an event
    /// study. Intervals charts have no legend: the row labels say what each row is.
    pub role: SeriesRole,
}

/// A labelled line across the plot at a value, e.g. a target or break-even.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    pub value: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BarGroup {
    pub name: String,
    pub role: SeriesRole,
    /// One per category; none where the value is hidden under the privacy floor.
    pub values: Vec<Option<f64>>,
    /// One per category, as printed; for a hidden value, what to print instead (e.g. "<5").
    pub displays: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScatterPoint {
    pub x: f64,
    pub y: f64,
    pub role: SeriesRole,
}

/// y = slope × x + intercept, drawn across the points' x range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FitLine {
    pub slope: f64,
    pub intercept: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CurveLine {
    pub name: String,
    pub role: SeriesRole,
    pub points: Vec<CurvePoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CurvePoint {
    pub x: f64,
    pub y: f64,
}

impl SeriesRole {
    /// How a legend names a role when the data carry no name (scatter points).
    pub fn label(self) -> &'static str {
        match self {
            SeriesRole::Pilot => "Pilot group",
            SeriesRole::Comparison => "Comparison group",
            SeriesRole::Neutral => "Other",
            SeriesRole::Target => "Target",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_travels_as_camel_case_json_tagged_by_kind() {
        let chart = Chart {
            id: "roi".into(),
            title: "ROI".into(),
            subtitle: None,
            x_label: "Effect".into(),
            y_label: "ROI, %".into(),
            body: ChartBody::Curve {
                lines: vec![],
                references: vec![],
                x_references: vec![Reference {
                    value: 4.1,
                    label: "Measured".into(),
                }],
            },
            note: None,
        };
        let json = serde_json::to_value(&chart).unwrap();
        assert_eq!(json["xLabel"], "Effect");
        assert_eq!(json["body"]["kind"], "curve");
        assert_eq!(json["body"]["xReferences"][0]["value"], 4.1);
        assert_eq!(serde_json::from_value::<Chart>(json).unwrap(), chart);

        let point = SeriesPoint {
            x: "2027-01-01".parse().unwrap(),
            y: 72.2,
            display: "72.2%".into(),
            gap_before: true,
        };
        let json = serde_json::to_value(&point).unwrap();
        assert_eq!(json["x"], "2027-01-01");
        assert_eq!(json["gapBefore"], true);
        assert_eq!(
            serde_json::to_value(SeriesRole::Comparison).unwrap(),
            "comparison"
        );
    }
}
