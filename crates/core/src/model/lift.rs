use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the lift was estimated, which says how strong the evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LiftMethod {
    /// Against a comparison group: the stronger evidence.
    DifferenceInDifferences,
    /// Pre/post against the baseline trend projected forward: weaker evidence.
    PrePostTrend,
}

impl LiftMethod {
    pub fn label(self) -> &'static str {
        match self {
            LiftMethod::DifferenceInDifferences => "difference-in-differences",
            LiftMethod::PrePostTrend => "pre/post against the projected trend (weaker evidence)",
        }
    }
}

/// A pilot's measured effect on one KPI, with its method and uncertainty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiftReport {
    pub kpi_id: i64,
    pub kpi_name: String,
    pub unit: String,
    pub method: LiftMethod,
    /// True for the pre/post method.
    pub weaker_evidence: bool,
    /// The effect in the KPI's unit (post minus pre, pilot minus comparison).
    pub effect: f64,
    pub standard_error: f64,
    pub degrees_of_freedom: f64,
    /// The 95% interval of the effect.
    pub interval_low: f64,
    pub interval_high: f64,
    /// The effect in the KPI's good direction: positive is better.
    pub improvement: f64,
    /// The 95% interval of the improvement.
    pub improvement_low: f64,
    pub improvement_high: f64,
    pub pilot_units: u32,
    pub comparison_units: u32,
    /// Baseline trend per 30 days, per group, so parallel trends can be judged.
    pub pilot_pre_trend: Option<f64>,
    pub comparison_pre_trend: Option<f64>,
    /// Observations left out and why, e.g. a team shared by both groups.
    pub excluded: Vec<String>,
    /// The success criterion, if the KPI has one, and whether the data meet it.
    pub criterion: Option<String>,
    pub criterion_met: bool,
    /// The finding in one sentence.
    pub summary: String,
}
