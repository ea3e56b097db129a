use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Higher,
    Lower,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }

    pub fn parse(text: &str) -> Option<Direction> {
        match text.trim().to_ascii_lowercase().as_str() {
            "higher" | "up" | "higher_is_better" => Some(Direction::Higher),
            "lower" | "down" | "lower_is_better" => Some(Direction::Lower),
            _ => None,
        }
    }
}

/// The KPI's value before the pilot, over a stated window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Baseline {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub value: f64,
}

/// Decided before launch: what lift counts as success.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SuccessCriterion {
    /// The lift to reach, in the KPI's unit, in its good direction.
    pub target_lift: f64,
    /// Whether the 95% interval of the effect must also exclude zero.
    pub interval_above_zero: bool,
    /// The decision rule in words.
    pub rule: String,
}

/// A business KPI the pilot is expected to move.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    pub id: i64,
    pub position: u32,
    pub name: String,
    /// e.g. "days", "%", "points".
    pub unit: String,
    pub direction: Direction,
    /// What one unit of improvement is worth; none when the KPI is not monetised.
    pub value_per_unit: Option<Money>,
    pub data_source: String,
    pub baseline: Option<Baseline>,
    pub criterion: Option<SuccessCriterion>,
}

/// A KPI as typed. `id` is absent for a new KPI.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiInput {
    pub id: Option<i64>,
    pub name: String,
    pub unit: String,
    /// "higher" or "lower".
    pub direction: String,
    /// Money per unit, e.g. "350"; empty when not monetised.
    pub value_per_unit: String,
    pub data_source: String,
    pub baseline_start: String,
    pub baseline_end: String,
    pub baseline_value: String,
    pub target_lift: String,
    pub interval_above_zero: bool,
}
