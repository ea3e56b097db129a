use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScoreInput {
    pub competency_id: Option<i64>,
    pub level: String,
    pub comment: String,
}

/// A portfolio review as typed: a level with a comment per competency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewInput {
    pub person_id: String,
    /// Empty for today.
    pub reviewed_on: String,
    pub comment: String,
    pub scores: Vec<ScoreInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewScore {
    pub competency_id: i64,
    pub competency: String,
    pub level: u32,
    pub level_label: String,
    /// The level's behavioural descriptor in the framework.
    pub descriptor: String,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioReview {
    pub id: i64,
    pub person_id: String,
    pub reviewer: String,
    pub reviewed_on: String,
    pub comment: String,
    pub scores: Vec<ReviewScore>,
}

/// How well two reviewers of the same portfolio agree: weighted Cohen's kappa over the
/// competencies both scored, and where they are more than one level apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub first_reviewer: String,
    pub second_reviewer: String,
    /// Competencies both scored.
    pub pairs: u32,
    /// None when there are too few pairs or every score is the same level.
    pub kappa: Option<f64>,
    pub weights: String,
    /// "CE.2: 1 against 4": to talk through in a calibration conversation.
    pub flagged: Vec<String>,
}
