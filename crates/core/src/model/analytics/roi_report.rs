//! The ROI as the dashboard and the packs show it: the figures with the assumptions they
//! rest on, each saying whether it was stated or is the default, and why.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::RoiFigures;
use crate::model::{Chart, Money};

/// What one monetised KPI's benefit rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoiAssumption {
    pub kpi_id: i64,
    pub kpi_name: String,
    pub unit: String,
    /// What one unit of improvement is worth for one affected person (deal, ticket) a year;
    /// none when the KPI is not monetised (it is then listed as an intangible).
    pub value_per_unit: Option<Money>,
    pub affected_per_year: f64,
    pub affected_unit: String,
    /// False when the default (the people in the pilot group) applies.
    pub affected_stated: bool,
    /// 0..=1.
    pub confidence: f64,
    pub confidence_stated: bool,
    /// Where the confidence comes from, in words.
    pub confidence_basis: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoiReport {
    pub figures: RoiFigures,
    pub assumptions: Vec<RoiAssumption>,
    /// The people's time is projected from the days so far to the whole 90 days.
    pub projected: bool,
    /// Monetised benefit per coaching hour, first year, adjusted.
    pub impact_per_hour: Option<Money>,
    pub cost_against_benefit: Chart,
    pub sensitivity: Option<Chart>,
    /// The ROI in one sentence, with its basis.
    pub summary: String,
}

/// One KPI's assumptions as typed: empty text means "use the default".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoiAssumptionInput {
    pub kpi_id: i64,
    pub affected_per_year: String,
    pub affected_unit: String,
    /// A percentage, e.g. "80".
    pub confidence: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoiInput {
    pub assumptions: Vec<RoiAssumptionInput>,
    /// Benefits listed, not monetised.
    pub intangibles: Vec<String>,
}

/// What an hour of a role's time costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HourlyCost {
    pub role: String,
    pub cost: Money,
    /// People in People with this role.
    pub people: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HourlyCostInput {
    pub role: String,
    /// Empty clears the role's own rate.
    pub cost: String,
}
