use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How a manager's coaching load in a week compares with the workspace threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LoadLevel {
    /// Nothing coached.
    None,
    Ok,
    /// At 80% of the threshold or more: overload is coming.
    Near,
    Over,
}

/// One manager's coaching in one week (Monday to Sunday).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekLoad {
    pub week_start: NaiveDate,
    pub events: u32,
    pub minutes: u32,
    pub hours: f64,
    pub credits: f64,
    pub level: LoadLevel,
}

/// A manager's coaching hours and time credits, week by week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ManagerCredits {
    pub manager_id: String,
    pub name: String,
    pub team: String,
    pub reports: u32,
    /// One entry per week of the report, in order.
    pub weeks: Vec<WeekLoad>,
    pub total_hours: f64,
    pub total_credits: f64,
    pub peak_hours: f64,
    pub overloaded_weeks: u32,
}

/// Time credits per manager per week over a window, with the settings that made them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimeCreditsReport {
    /// Credits earned per coaching hour.
    pub credit_rate: f64,
    /// Coaching hours per week above which a manager is overloaded.
    pub weekly_load_hours: f64,
    /// The Mondays of the weeks shown, oldest first.
    pub weeks: Vec<NaiveDate>,
    /// Managers who coached in the window, most loaded first.
    pub managers: Vec<ManagerCredits>,
    pub total_hours: f64,
    pub total_credits: f64,
    /// Managers over the threshold in at least one week.
    pub overloaded_managers: u32,
    /// Managers at or near the threshold in the latest week.
    pub at_risk_now: u32,
}
