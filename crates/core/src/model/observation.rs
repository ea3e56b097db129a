use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One value of a KPI for a person or a team on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    pub id: i64,
    pub kpi_id: i64,
    pub person_id: Option<String>,
    pub person_name: Option<String>,
    pub team: Option<String>,
    pub observed_on: NaiveDate,
    pub value: f64,
}

/// A KPI and how much data it has, for the KPI data screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiDataSummary {
    pub kpi_id: i64,
    pub pilot_id: i64,
    pub pilot_name: String,
    pub name: String,
    pub unit: String,
    pub observations: u32,
    /// People and teams observed.
    pub units: u32,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    pub mean: Option<f64>,
}

/// The mean of a KPI's observations in one week (starting Monday).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeeklyMean {
    pub week_start: NaiveDate,
    pub observations: u32,
    pub mean: f64,
}

/// One page of a KPI's observations, with its weekly means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObservationPage {
    pub kpi: KpiDataSummary,
    pub weekly: Vec<WeeklyMean>,
    pub total: u32,
    pub offset: u32,
    pub limit: u32,
    pub observations: Vec<Observation>,
}
