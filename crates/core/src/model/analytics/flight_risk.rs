use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Arm;

/// A count of people in an arm and its share of the arm's headcount at the start.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RiskFigure {
    pub count: u32,
    /// count / headcount at the start (0-1).
    pub rate: f64,
    /// rate × 365 / days in the window: comparable across windows of different lengths.
    pub annualised_rate: f64,
}

/// An arm's figures, when the arm is large enough to show.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArmRiskFigures {
    /// People in the arm's teams on the first day of the window.
    pub headcount: u32,
    /// People whose leaving date falls in the window.
    pub leavers: RiskFigure,
    /// People who changed team or manager at least once in the window.
    pub moves: RiskFigure,
}

/// One arm of the cohort: its figures, or only a note saying why they are not shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArmRisk {
    pub arm: Arm,
    /// None when the arm is under the privacy floor (or empty).
    pub figures: Option<ArmRiskFigures>,
    /// Why nothing is shown, e.g. "fewer than 5 people: not shown".
    pub note: Option<String>,
}

/// Pilot minus comparison, in rates (shares of headcount).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RateDifference {
    pub rate: f64,
    pub annualised_rate: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RiskDifference {
    pub leavers: RateDifference,
    pub moves: RateDifference,
}

/// Cohort-level flight-risk signals: leavers and internal moves in the pilot group against
/// the comparison group over a window. No person appears, and no individual is scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FlightRisk {
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    /// Days in the window, both ends included.
    pub days: u32,
    /// The minimum group size applied.
    pub floor: u32,
    pub pilot: ArmRisk,
    pub comparison: ArmRisk,
    /// Shown only when both arms are.
    pub difference: Option<RiskDifference>,
    /// The finding in one plain sentence.
    pub summary: String,
}
