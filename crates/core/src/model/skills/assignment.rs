use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Assign a module to one person or to everyone in a team.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignInput {
    pub module_id: i64,
    pub person_id: Option<String>,
    pub team: Option<String>,
    pub pilot_id: Option<i64>,
    pub due_on: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentStatus {
    NotStarted,
    InProgress,
    Completed,
    Overdue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Assignment {
    pub id: i64,
    pub module_id: i64,
    pub module_title: String,
    pub person_id: String,
    pub person_name: String,
    pub team: String,
    pub pilot_id: Option<i64>,
    pub assigned_by: String,
    pub assigned_on: String,
    pub due_on: String,
    /// Percent.
    pub progress: u32,
    pub completed_on: Option<String>,
    pub passed: Option<bool>,
    pub score: Option<f64>,
    pub status: AssignmentStatus,
    /// Where the last progress came from: hand, csv or xapi.
    pub source: String,
}

/// Progress on one assignment, by hand.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgressInput {
    pub assignment_id: i64,
    pub progress: String,
    /// Set when the module is finished.
    pub completed_on: String,
    pub passed: Option<bool>,
    pub score: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// The module builds no competency the pilot's playbook tasks need.
    Unmapped,
    /// One person has two modules for the same competency.
    Overlap,
}

/// A sign of a fragmented learning path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PathWarning {
    pub kind: WarningKind,
    pub module_id: i64,
    pub person_id: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardPerson {
    pub id: String,
    pub name: String,
    pub role: String,
    pub assignments: Vec<Assignment>,
}

/// One manager's team and what each of them is assigned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentBoard {
    pub manager_id: String,
    pub manager_name: String,
    pub team: String,
    pub people: Vec<BoardPerson>,
    pub warnings: Vec<PathWarning>,
}
