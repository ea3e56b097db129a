use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RubricScore {
    pub item: String,
    pub label: String,
    /// 1 (not yet) to 4 (exemplary).
    pub score: u32,
}

/// A coaching session observed and scored against the standard's rubric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachObservation {
    pub id: i64,
    pub coach_id: String,
    pub assessor_id: String,
    pub assessor_name: String,
    pub observed_on: NaiveDate,
    pub scores: Vec<RubricScore>,
    pub mean_score: f64,
    pub note: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RubricScoreInput {
    /// The rubric item's key.
    pub item: String,
    pub score: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachObservationInput {
    pub coach_id: String,
    pub assessor_id: String,
    /// Empty for today.
    pub observed_on: String,
    /// One score per rubric item.
    pub scores: Vec<RubricScoreInput>,
    pub note: String,
}

/// What a coachee said of their coach, 1 (poor) to 5 (excellent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachFeedback {
    pub id: i64,
    pub coach_id: String,
    pub coachee_id: Option<String>,
    pub coachee_name: Option<String>,
    pub rating: u32,
    pub comment: String,
    pub given_on: NaiveDate,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachFeedbackInput {
    pub coach_id: String,
    /// Empty when the coachee gave it anonymously.
    pub coachee_id: String,
    pub rating: Option<u32>,
    pub comment: String,
    /// Empty for today.
    pub given_on: String,
}
