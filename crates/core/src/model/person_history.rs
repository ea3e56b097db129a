use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Person;

/// What a dated entry of a person's history records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PersonChange {
    /// The first entry: the person as they joined, or as the workspace first knew them.
    Joined,
    Team,
    /// A promotion is a dated role change.
    Role,
    Manager,
}

impl PersonChange {
    pub fn as_str(self) -> &'static str {
        match self {
            PersonChange::Joined => "joined",
            PersonChange::Team => "team",
            PersonChange::Role => "role",
            PersonChange::Manager => "manager",
        }
    }

    pub fn parse(text: &str) -> Option<PersonChange> {
        match text.trim() {
            "joined" => Some(PersonChange::Joined),
            "team" => Some(PersonChange::Team),
            "role" => Some(PersonChange::Role),
            "manager" => Some(PersonChange::Manager),
            _ => None,
        }
    }
}

/// A person's team, role and manager as they stood from `valid_from` until the next entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonHistoryEntry {
    pub valid_from: NaiveDate,
    pub team: String,
    pub role: String,
    pub manager_id: Option<String>,
    /// The manager's name as People knows it now; none when they are not in People.
    pub manager_name: Option<String>,
    pub changes: Vec<PersonChange>,
    /// The import that brought the change, when one did.
    pub import_id: Option<i64>,
}

/// A person with their dated history, oldest entry first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonHistory {
    pub person: Person,
    pub entries: Vec<PersonHistoryEntry>,
}
