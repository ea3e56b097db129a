use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who gave a rating. Readiness counts manager and assessor ratings; a self-rating is shown
/// beside them, as people rate themselves differently from how others see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rater {
    #[serde(rename = "self")]
    Myself,
    Manager,
    Assessor,
}

impl Rater {
    pub fn as_str(self) -> &'static str {
        match self {
            Rater::Myself => "self",
            Rater::Manager => "manager",
            Rater::Assessor => "assessor",
        }
    }

    pub fn parse(text: &str) -> Option<Rater> {
        match text.trim().to_ascii_lowercase().as_str() {
            "self" => Some(Rater::Myself),
            "manager" => Some(Rater::Manager),
            "assessor" => Some(Rater::Assessor),
            _ => None,
        }
    }

    /// Whether readiness and speed-to-competency count it.
    pub fn counts(self) -> bool {
        self != Rater::Myself
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RatingInput {
    pub person_id: String,
    pub competency_id: Option<i64>,
    pub level: String,
    pub rater: String,
    pub rated_on: String,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    pub id: i64,
    pub person_id: String,
    pub competency_id: i64,
    pub competency: String,
    pub level: u32,
    pub level_label: String,
    pub rater: Rater,
    pub rated_by: String,
    pub rated_on: String,
    pub evidence: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoleRequirementInput {
    pub role: String,
    pub competency_id: Option<i64>,
    pub level: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoleRequirement {
    pub role: String,
    pub competency_id: i64,
    pub competency: String,
    pub level: u32,
    pub level_label: String,
}
