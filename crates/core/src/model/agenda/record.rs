use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::AgendaContext;

/// The parts of a 10-15 minute coaching conversation, in the order they are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgendaItemKind {
    Opening,
    Prompt,
    Practice,
    Commitment,
    NextStep,
}

impl AgendaItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AgendaItemKind::Opening => "opening",
            AgendaItemKind::Prompt => "prompt",
            AgendaItemKind::Practice => "practice",
            AgendaItemKind::Commitment => "commitment",
            AgendaItemKind::NextStep => "next_step",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AgendaItemKind::Opening => "Opening question",
            AgendaItemKind::Prompt => "Conversation prompt",
            AgendaItemKind::Practice => "Short practice",
            AgendaItemKind::Commitment => "Commitment",
            AgendaItemKind::NextStep => "Next module or sample",
        }
    }

    /// Minutes of the conversation each part takes.
    pub fn minutes(self) -> u32 {
        match self {
            AgendaItemKind::Opening => 2,
            AgendaItemKind::Prompt => 2,
            AgendaItemKind::Practice => 4,
            AgendaItemKind::Commitment => 2,
            AgendaItemKind::NextStep => 1,
        }
    }

    pub fn parse(text: &str) -> Option<AgendaItemKind> {
        match text.trim() {
            "opening" => Some(AgendaItemKind::Opening),
            "prompt" => Some(AgendaItemKind::Prompt),
            "practice" => Some(AgendaItemKind::Practice),
            "commitment" => Some(AgendaItemKind::Commitment),
            "next_step" => Some(AgendaItemKind::NextStep),
            _ => None,
        }
    }
}

/// One suggestion of an agenda: as suggested, and as the manager left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    /// 1-based position, the number `agenda edit --item` takes.
    pub position: u32,
    pub kind: AgendaItemKind,
    pub text: String,
    pub suggested: String,
}

/// Where an agenda's words came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgendaSource {
    /// Pilotdesk's own generator, on this computer.
    Offline,
    /// The workspace's local model.
    Model,
    /// The local model was asked and could not be used; the offline generator wrote it.
    Fallback,
}

impl AgendaSource {
    pub fn as_str(self) -> &'static str {
        match self {
            AgendaSource::Offline => "offline",
            AgendaSource::Model => "model",
            AgendaSource::Fallback => "fallback",
        }
    }

    pub fn parse(text: &str) -> Option<AgendaSource> {
        match text {
            "offline" => Some(AgendaSource::Offline),
            "model" => Some(AgendaSource::Model),
            "fallback" => Some(AgendaSource::Fallback),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgendaStatus {
    Open,
    Accepted,
    Edited,
    Rejected,
}

impl AgendaStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AgendaStatus::Open => "open",
            AgendaStatus::Accepted => "accepted",
            AgendaStatus::Edited => "edited",
            AgendaStatus::Rejected => "rejected",
        }
    }

    pub fn parse(text: &str) -> Option<AgendaStatus> {
        match text {
            "open" => Some(AgendaStatus::Open),
            "accepted" => Some(AgendaStatus::Accepted),
            "edited" => Some(AgendaStatus::Edited),
            "rejected" => Some(AgendaStatus::Rejected),
            _ => None,
        }
    }
}

/// Why a manager set an agenda aside: a short list, so the reasons can be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    NotRelevant,
    WrongFacts,
    WrongTone,
    TooGeneric,
    NotNow,
}

impl RejectReason {
    pub const ALL: [RejectReason; 5] = [
        RejectReason::NotRelevant,
        RejectReason::WrongFacts,
        RejectReason::WrongTone,
        RejectReason::TooGeneric,
        RejectReason::NotNow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::NotRelevant => "not_relevant",
            RejectReason::WrongFacts => "wrong_facts",
            RejectReason::WrongTone => "wrong_tone",
            RejectReason::TooGeneric => "too_generic",
            RejectReason::NotNow => "not_now",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RejectReason::NotRelevant => "Not relevant to this person",
            RejectReason::WrongFacts => "Gets the facts wrong",
            RejectReason::WrongTone => "Wrong tone",
            RejectReason::TooGeneric => "Too generic",
            RejectReason::NotNow => "Not the right moment",
        }
    }

    pub fn parse(text: &str) -> Option<RejectReason> {
        let folded = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        RejectReason::ALL
            .into_iter()
            .find(|reason| reason.as_str() == folded)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Agenda {
    pub id: i64,
    pub manager_id: String,
    pub manager_name: String,
    pub coachee_id: String,
    pub coachee_name: String,
    pub pilot_id: Option<i64>,
    pub pilot_name: Option<String>,
    pub task_id: Option<i64>,
    /// The playbook task it works on.
    pub task: Option<String>,
    pub context: AgendaContext,
    pub minutes: u32,
    pub items: Vec<AgendaItem>,
    /// What the suggestions rest on, one fact per line, so the manager can judge them.
    pub basis: Vec<String>,
    pub source: AgendaSource,
    /// For a model or a fall-back: which endpoint, or why it fell back.
    pub source_note: String,
    pub status: AgendaStatus,
    /// For an edited agenda: the share of its text the manager changed, 0 to 1.
    pub change_share: Option<f64>,
    pub reject_reason: Option<RejectReason>,
    pub reject_note: String,
    pub created_at: String,
    pub decided_at: Option<String>,
    pub decided_by: Option<String>,
}

/// One line of the agendas list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaSummary {
    pub id: i64,
    pub manager_name: String,
    pub coachee_name: String,
    pub task: Option<String>,
    pub context: AgendaContext,
    pub source: AgendaSource,
    pub status: AgendaStatus,
    pub created_at: String,
}

/// What the manager asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaRequest {
    pub manager_id: String,
    pub coachee_id: String,
    pub pilot_id: Option<i64>,
    pub task_id: Option<i64>,
    /// A context code; empty lets the pilot's workflow decide.
    pub context: String,
    /// Ask the workspace's local model instead of the offline generator.
    pub use_model: bool,
    /// The hash of the preview the person saw; a model is asked only when what would be
    /// sent still matches it.
    pub preview_hash: Option<String>,
}

/// A stand-in for something that never leaves the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Placeholder {
    pub token: String,
    /// What it stands for, without saying who: "the coachee", "another person".
    pub stands_for: String,
}

/// Exactly what would leave the app for the local model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModelPreview {
    /// The URL the request goes to.
    pub url: String,
    /// The request body, byte for byte.
    pub body: String,
    pub placeholders: Vec<Placeholder>,
    pub hash: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemEdit {
    pub agenda_id: i64,
    pub position: u32,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RejectInput {
    pub agenda_id: i64,
    /// A reason code from the short list.
    pub reason: String,
    pub note: String,
}
