//! Read models assembled for a screen: one call, one answer.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ChangeRecord, PackRecord, Pilot, Team, WorkspaceSettings};
use crate::metrics::PilotPhase;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotDetail {
    pub pilot: Pilot,
    pub phase: PilotPhase,
    pub review_date: NaiveDate,
    /// When the steering group is asked to decide by.
    pub decision_due: NaiveDate,
    pub changes: Vec<ChangeRecord>,
    pub packs: Vec<PackRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceOverview {
    pub settings: WorkspaceSettings,
    pub people_count: u32,
    pub teams: Vec<Team>,
    pub pilot_count: u32,
    pub database_path: Option<String>,
    pub schema_version: i64,
    /// How dates are written, from the person's locale, so the window writes them as the
    /// command line and the packs do.
    pub date_style: crate::packs::dates::DateStyle,
}
