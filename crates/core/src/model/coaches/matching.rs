use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::standard::CoachLevel;

/// The competency a coachee most needs to build: their largest gap against their role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompetencyGap {
    pub competency: String,
    /// The coachee's latest rating; none when never rated.
    pub level: Option<u32>,
    /// What the role requires.
    pub target: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchSuggestion {
    /// 1 for the best match.
    pub rank: u32,
    pub coach_id: String,
    pub name: String,
    pub team: String,
    pub level: CoachLevel,
    pub valid_until: NaiveDate,
    /// The coach's own latest rating on the competency to build.
    pub competency_rating: Option<u32>,
    /// Coaching hours a week, averaged over the last 4 weeks.
    pub weekly_hours: f64,
    pub reasons: Vec<String>,
}

/// A coach who was not suggested, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LeftOut {
    pub coach_id: String,
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchReport {
    pub coachee_id: String,
    pub coachee_name: String,
    pub team: String,
    pub role: String,
    pub gap: Option<CompetencyGap>,
    /// The workspace's weekly coaching load threshold, in hours (time credits).
    pub weekly_load_hours: f64,
    pub suggestions: Vec<MatchSuggestion>,
    pub left_out: Vec<LeftOut>,
}
