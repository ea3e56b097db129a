use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Money;

/// Every pilot runs for a fixed window: "start with one 90-day pilot".
pub const PILOT_LENGTH_DAYS: i64 = 90;

/// Where a pilot is in its lifecycle (DESIGN.md, "The pilot lifecycle").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PilotStatus {
    Draft,
    Ready,
    Submitted,
    Approved,
    ChangesRequested,
    Rejected,
    Running,
    Day45Review,
    Day90Outcome,
    Scaled,
    Iterating,
    Stopped,
}

impl PilotStatus {
    pub const ALL: [PilotStatus; 12] = [
        PilotStatus::Draft,
        PilotStatus::Ready,
        PilotStatus::Submitted,
        PilotStatus::Approved,
        PilotStatus::ChangesRequested,
        PilotStatus::Rejected,
        PilotStatus::Running,
        PilotStatus::Day45Review,
        PilotStatus::Day90Outcome,
        PilotStatus::Scaled,
        PilotStatus::Iterating,
        PilotStatus::Stopped,
    ];

    /// The value stored in the database and printed by `--json`.
    pub fn as_str(self) -> &'static str {
        match self {
            PilotStatus::Draft => "draft",
            PilotStatus::Ready => "ready",
            PilotStatus::Submitted => "submitted",
            PilotStatus::Approved => "approved",
            PilotStatus::ChangesRequested => "changes_requested",
            PilotStatus::Rejected => "rejected",
            PilotStatus::Running => "running",
            PilotStatus::Day45Review => "day45_review",
            PilotStatus::Day90Outcome => "day90_outcome",
            PilotStatus::Scaled => "scaled",
            PilotStatus::Iterating => "iterating",
            PilotStatus::Stopped => "stopped",
        }
    }

    pub fn parse(text: &str) -> Option<PilotStatus> {
        PilotStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            PilotStatus::Draft => "Draft",
            PilotStatus::Ready => "Ready",
            PilotStatus::Submitted => "Submitted",
            PilotStatus::Approved => "Approved",
            PilotStatus::ChangesRequested => "Changes requested",
            PilotStatus::Rejected => "Rejected",
            PilotStatus::Running => "Running",
            PilotStatus::Day45Review => "Day-45 review",
            PilotStatus::Day90Outcome => "Day-90 outcome",
            PilotStatus::Scaled => "Scaled",
            PilotStatus::Iterating => "Iterating",
            PilotStatus::Stopped => "Stopped",
        }
    }
}

/// A 90-day coaching pilot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Pilot {
    pub id: i64,
    pub name: String,
    /// The one-sentence purpose: what the pilot sets out to prove.
    pub objective: String,
    /// The high-impact workflows the pilot coaches, in priority order.
    pub workflows: Vec<String>,
    pub start_date: NaiveDate,
    /// Always `start_date` + 90 days.
    pub end_date: NaiveDate,
    /// The one senior sponsor who owns the outcome.
    pub sponsor: String,
    /// Committed budget for tooling and analytics, in minor units.
    pub budget: Money,
    /// Where AI-generated agendas and prompts are used, e.g. "onboarding 1:1s"; empty when
    /// not set up.
    pub ai_agenda: String,
    pub status: PilotStatus,
    pub created_at: String,
    pub updated_at: String,
}

/// A row of the pilot list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotSummary {
    pub id: i64,
    pub name: String,
    pub workflows: Vec<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub sponsor: String,
    pub status: PilotStatus,
}

/// What a person types to create a pilot. Fields are text as typed, so every problem can be
/// reported against its field instead of failing to deserialize.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewPilotInput {
    pub name: String,
    #[serde(default)]
    pub objective: String,
    pub workflows: Vec<String>,
    /// YYYY-MM-DD.
    pub start_date: String,
    pub sponsor: String,
    /// The committed tooling and analytics budget, e.g. "25,000".
    pub budget: String,
    /// Built-in playbook templates to clone, each adding its workflow, tasks and KPIs.
    #[serde(default)]
    pub templates: Vec<String>,
}

/// The pilot's basics as edited in the designer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BasicsInput {
    pub name: String,
    pub objective: String,
    pub start_date: String,
    pub sponsor: String,
    pub budget: String,
    pub ai_agenda: String,
}
