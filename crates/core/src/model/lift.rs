use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Direction;

/// How the lift was estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LiftMethod {
    /// Against a comparison group.
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

/// How much weight a figure can bear, from the comparison design and the number of units
/// behind it. Every figure carries one (DESIGN.md: attribution is hard).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceStrength {
    /// No comparison group: a change against the projected trend.
    Weak,
    /// A comparison group, but too few units for an interval (one pilot team, say).
    Limited,
    /// A comparison group chosen by hand or matched, with an interval.
    Moderate,
    /// A randomised comparison with an interval and randomisation inference.
    Strong,
}

impl EvidenceStrength {
    pub fn label(self) -> &'static str {
        match self {
            EvidenceStrength::Weak => "weaker evidence: no comparison group",
            EvidenceStrength::Limited => "limited evidence: too few units for an interval",
            EvidenceStrength::Moderate => "moderate evidence: a chosen comparison group",
            EvidenceStrength::Strong => "strong evidence: a randomised comparison",
        }
    }
}

/// Placebo or permutation inference: where the actual effect ranks among the effects of
/// every re-assignment of the units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PermutationTest {
    pub p_value: f64,
    /// 1 = the most extreme of all.
    pub rank: u32,
    pub of: u32,
    /// Every re-assignment, rather than a sample of them.
    pub exhaustive: bool,
}

/// Randomisation inference: the assignment re-drawn with the app's own draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RandomisationTest {
    pub p_value: f64,
    pub draws: u32,
}

/// The figures of a lift as printed, each with the digits its scale needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiftDisplay {
    /// "6.2 days" (the improvement, in the KPI's good direction).
    pub improvement: String,
    /// "3.1 to 9.3 days", when there is an interval.
    pub interval: Option<String>,
    /// "p = 0.012 (placebo test over 26 teams)", when there is one.
    pub test: Option<String>,
}

/// A pilot's measured effect on one KPI, with its method, evidence and uncertainty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiftReport {
    pub kpi_id: i64,
    pub kpi_name: String,
    pub unit: String,
    pub direction: Direction,
    pub method: LiftMethod,
    pub evidence: EvidenceStrength,
    /// True for the pre/post method.
    pub weaker_evidence: bool,
    /// The effect in the KPI's unit (post minus pre, pilot minus comparison).
    pub effect: f64,
    /// The 95% interval of the effect, when the design supports one.
    pub interval_low: Option<f64>,
    pub interval_high: Option<f64>,
    pub standard_error: Option<f64>,
    pub degrees_of_freedom: Option<f64>,
    /// The effect in the KPI's good direction: positive is better.
    pub improvement: f64,
    pub improvement_low: Option<f64>,
    pub improvement_high: Option<f64>,
    pub permutation: Option<PermutationTest>,
    pub randomisation: Option<RandomisationTest>,
    /// Units are the teams (a manager's direct reports, or a team as a whole).
    pub pilot_units: u32,
    pub comparison_units: u32,
    /// People behind the units' observations.
    pub pilot_people: u32,
    pub comparison_people: u32,
    /// Mean change per unit in each group.
    pub pilot_change: f64,
    pub comparison_change: Option<f64>,
    /// Baseline trend per 30 days, per group, so parallel trends can be judged.
    pub pilot_pre_trend: Option<f64>,
    pub comparison_pre_trend: Option<f64>,
    /// Decimals the figures need, from their uncertainty.
    pub decimals: u32,
    pub display: LiftDisplay,
    /// What the data cannot show, in a plain sentence (one pilot team, say).
    pub limits: Option<String>,
    /// Observations left out and why, e.g. a team shared by both groups.
    pub excluded: Vec<String>,
    /// The success criterion, if the KPI has one, and whether the data meet it.
    pub criterion: Option<String>,
    pub criterion_met: bool,
    /// The finding in one sentence.
    pub summary: String,
}
