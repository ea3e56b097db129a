use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who gave the feedback, as the person receiving it would say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuthorRole {
    Manager,
    Peer,
    Coach,
}

impl AuthorRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthorRole::Manager => "manager",
            AuthorRole::Peer => "peer",
            AuthorRole::Coach => "coach",
        }
    }

    pub fn parse(text: &str) -> Option<AuthorRole> {
        match text.trim().to_ascii_lowercase().as_str() {
            "manager" => Some(AuthorRole::Manager),
            "peer" => Some(AuthorRole::Peer),
            "coach" => Some(AuthorRole::Coach),
            _ => None,
        }
    }
}

/// A note as typed: a few sentences, tied to a competency, optionally to a playbook task
/// and a work sample.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackInput {
    pub person_id: String,
    pub competency_id: Option<i64>,
    pub author_role: String,
    pub note: String,
    pub task_id: Option<i64>,
    pub sample_id: Option<i64>,
    /// Empty for today.
    pub given_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    pub id: i64,
    pub person_id: String,
    pub author: String,
    pub author_role: AuthorRole,
    pub competency_id: i64,
    pub competency: String,
    pub task_id: Option<i64>,
    pub task: Option<String>,
    pub sample_id: Option<i64>,
    pub note: String,
    pub given_on: String,
}
