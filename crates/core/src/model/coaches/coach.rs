use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::progress::CriterionProgress;
use super::standard::CoachLevel;

/// Where a coach stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CoachStatus {
    /// Nominated; no training or evidence yet.
    Nominated,
    /// Training or evidence recorded, not certified.
    InProgress,
    /// Holds a valid certification (see the level).
    Certified,
    /// Was certified; every certification has expired or been revoked.
    Expired,
    Withdrawn,
}

impl CoachStatus {
    pub fn label(self) -> &'static str {
        match self {
            CoachStatus::Nominated => "Nominated",
            CoachStatus::InProgress => "In progress",
            CoachStatus::Certified => "Certified",
            CoachStatus::Expired => "Expired",
            CoachStatus::Withdrawn => "Withdrawn",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Coach {
    pub person_id: String,
    pub name: String,
    pub team: String,
    pub role: String,
    /// Who nominated them, by name.
    pub nominated_by: String,
    pub nominated_on: NaiveDate,
    pub trained_on: Option<NaiveDate>,
    pub withdrawn_on: Option<NaiveDate>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Certification {
    pub id: i64,
    pub coach_id: String,
    pub level: CoachLevel,
    pub standard_version: u32,
    pub certified_on: NaiveDate,
    pub valid_until: NaiveDate,
    pub certified_by: String,
    /// Each criterion's progress at the moment of certifying.
    pub evidence: Vec<CriterionProgress>,
    pub revoked_on: Option<NaiveDate>,
}

/// A row of the coaches list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachSummary {
    pub coach: Coach,
    pub status: CoachStatus,
    /// The level of the valid certification, when there is one.
    pub level: Option<CoachLevel>,
    pub valid_until: Option<NaiveDate>,
    /// The valid certification ends within the warning window (90 days).
    pub expiring_soon: bool,
    /// The level progress is shown towards: the next one up, or the current one to renew.
    pub target_level: CoachLevel,
    pub criteria_met: u32,
    pub criteria_total: u32,
    pub hours: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NominateInput {
    pub person_id: String,
    /// The nominating manager's id; empty for the current user.
    pub nominated_by: String,
    pub note: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingInput {
    pub coach_id: String,
    /// The day the coach training was completed; empty for today.
    pub trained_on: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CertifyInput {
    pub coach_id: String,
    /// "associate" or "certified".
    pub level: String,
}
