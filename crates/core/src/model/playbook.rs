use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A short, frequent coaching moment inside the workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachingMoment {
    /// What the manager asks or does, e.g. "Replay one moment where the buyer named a pain".
    pub prompt: String,
    /// How often a week, e.g. 2 for "twice a week".
    pub per_week: u32,
    /// How long it takes; 5 to 15 minutes is the micro-coaching range.
    pub minutes: u32,
}

/// One high-impact task of a workflow's playbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaybookTask {
    pub id: i64,
    pub workflow_id: i64,
    pub position: u32,
    /// The behaviour to coach.
    pub behaviour: String,
    pub moments: Vec<CoachingMoment>,
    /// The competency it builds.
    pub competency: String,
    /// The skill module that supports it.
    pub skill_module: String,
    /// The KPI it is expected to move.
    pub kpi_id: Option<i64>,
}

/// A high-impact workflow and its micro-coaching playbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Workflow {
    pub id: i64,
    pub position: u32,
    pub name: String,
    /// The built-in template it was cloned from, if any.
    pub template: Option<String>,
    pub tasks: Vec<PlaybookTask>,
}

/// A coaching moment as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MomentInput {
    pub prompt: String,
    pub per_week: String,
    pub minutes: String,
}

/// A playbook task as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskInput {
    pub behaviour: String,
    pub moments: Vec<MomentInput>,
    pub competency: String,
    pub skill_module: String,
    pub kpi_id: Option<i64>,
}

/// A built-in playbook template, as offered for cloning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateSummary {
    pub key: String,
    pub workflow: String,
    pub summary: String,
    pub tasks: Vec<String>,
    pub kpis: Vec<String>,
}
