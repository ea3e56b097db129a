use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PaperSize {
    A4,
    Letter,
}

impl PaperSize {
    pub fn as_str(self) -> &'static str {
        match self {
            PaperSize::A4 => "a4",
            PaperSize::Letter => "letter",
        }
    }

    pub fn parse(text: &str) -> Option<PaperSize> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(PaperSize::A4),
            "letter" | "us-letter" | "usletter" => Some(PaperSize::Letter),
            _ => None,
        }
    }
}

/// Workspace-wide settings, stored as key/value rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceSettings {
    pub workspace_name: String,
    /// ISO 4217 code shown beside every amount.
    pub currency: String,
    /// No breakdown is shown or printed for a group smaller than this.
    pub min_group_size: u32,
    pub paper_size: PaperSize,
    /// Recorded on every change as the actor.
    pub current_user: String,
    /// The person in People who is acting; absent until someone is chosen.
    pub current_user_id: Option<String>,
    /// Time credits a manager earns per hour of coaching.
    pub credit_rate: f64,
    /// Coaching hours per week above which a manager is shown as overloaded.
    pub weekly_load_hours: f64,
}

/// The settings form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsInput {
    pub workspace_name: String,
    pub currency: String,
    /// "a4" or "letter".
    pub paper_size: String,
    pub min_group_size: String,
    pub credit_rate: String,
    pub weekly_load_hours: String,
}
