use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Assignment, PathWarning, Purchase, Rating, RoleRequirement};
use crate::model::Money;

/// Where a person stands against one requirement of their role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequirementStatus {
    pub requirement: RoleRequirement,
    /// The level of the latest manager or assessor rating, if any.
    pub current: Option<u32>,
    pub met: bool,
}

/// One person's skills: what they are assigned, how they are rated, how ready for their role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkillProfile {
    pub person_id: String,
    pub name: String,
    pub team: String,
    pub role: String,
    pub assignments: Vec<Assignment>,
    pub ratings: Vec<Rating>,
    pub requirements: Vec<RequirementStatus>,
    /// The share of the role's required competencies met; None when the role requires none.
    pub readiness: Option<f64>,
    pub warnings: Vec<PathWarning>,
}

/// One team's readiness on one competency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeatmapCell {
    pub competency_id: i64,
    /// People in the team whose role requires it.
    pub required_of: u32,
    pub met: u32,
    /// None when no one's role requires it, or when too few do to show (privacy floor).
    pub share: Option<f64>,
    /// Required of someone, but of fewer people than the privacy floor: no figure shown.
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeatmapRow {
    pub team: String,
    pub people: u32,
    pub cells: Vec<HeatmapCell>,
    /// Requirements met over requirements held, across the cells the team shows.
    pub readiness: Option<f64>,
    /// The team is smaller than the minimum group size: nothing is shown for it.
    pub suppressed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeatmapColumn {
    pub competency_id: i64,
    pub code: String,
    /// The short name (CASE abbreviatedStatement), else the statement.
    pub name: String,
    pub statement: String,
}

/// Role readiness per team and competency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessHeatmap {
    pub columns: Vec<HeatmapColumn>,
    pub rows: Vec<HeatmapRow>,
    pub min_group_size: u32,
    pub requirements: Vec<RoleRequirement>,
}

/// Module completion for one competency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkillCompletion {
    pub competency_id: i64,
    pub competency: String,
    /// Fewer people than the privacy floor: the counts are withheld (sent as 0).
    pub hidden: bool,
    pub assigned: u32,
    pub completed: u32,
    /// None below the privacy floor.
    pub rate: Option<f64>,
}

/// Days from assignment to the first rating at the module's target level. People not there
/// yet are censored at today, not dropped: the median is the Kaplan-Meier estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpeedToCompetency {
    pub competency_id: i64,
    pub competency: String,
    /// Fewer people than the privacy floor: the counts are withheld (sent as 0).
    pub hidden: bool,
    pub people: u32,
    pub reached: u32,
    pub censored: u32,
    /// None while fewer than half have reached it (the median is not known yet), or below
    /// the privacy floor.
    pub median_days: Option<f64>,
    pub quartile_low_days: Option<f64>,
    pub quartile_high_days: Option<f64>,
}

/// Seats bought against seats in use, as a licence buyer reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SeatUse {
    pub module_id: i64,
    pub module_title: String,
    /// None under a site licence.
    pub bought: Option<u32>,
    pub used: u32,
    pub utilisation: Option<f64>,
}

/// The skills figures of one pilot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkillsReport {
    pub pilot_id: i64,
    pub as_of: String,
    pub assignments: u32,
    pub completion: Vec<SkillCompletion>,
    pub speed: Vec<SpeedToCompetency>,
    pub purchases: Vec<Purchase>,
    pub seats: Vec<SeatUse>,
    pub spend: Money,
    /// Person-competency pairs that reached a module's target level after it was assigned,
    /// over the competencies shown.
    pub competencies_gained: u32,
    /// None until someone gains one, and while any competency is hidden by the privacy
    /// floor (spend over the shown ones alone would overstate it).
    pub cost_per_competency_gained: Option<Money>,
    pub readiness: Option<f64>,
    pub warnings: Vec<PathWarning>,
    pub min_group_size: u32,
}
