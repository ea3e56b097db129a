use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Someone in the organisation, as the HR export describes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// The employee id from the HR system, e.g. "E1042".
    pub id: String,
    pub name: String,
    pub email: String,
    pub team: String,
    pub role: String,
    pub manager_id: Option<String>,
    pub hire_date: Option<NaiveDate>,
    /// The last day with the organisation, once they have left or given notice.
    pub leaving_date: Option<NaiveDate>,
}

/// A team and how many people are in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Team {
    pub name: String,
    pub headcount: u32,
    pub managers: u32,
}
