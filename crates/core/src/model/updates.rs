//! Updates of the desktop app: how often to look, what the server offers, how a download goes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How often the app looks for a new version on its own; Settings can always look at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum UpdateCheckEvery {
    Never,
    Day,
    Week,
}

impl UpdateCheckEvery {
    pub fn label(self) -> &'static str {
        match self {
            UpdateCheckEvery::Never => "only when asked",
            UpdateCheckEvery::Day => "every day",
            UpdateCheckEvery::Week => "every week",
        }
    }
}

/// Kept per person (in the app's configuration folder), not per workspace: a workspace file
/// travels between machines, a choice about this machine's app does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdatePreferences {
    pub check_every: UpdateCheckEvery,
    /// RFC 3339, UTC; absent until the first check.
    #[serde(default)]
    pub last_checked_at: Option<String>,
}

impl Default for UpdatePreferences {
    fn default() -> Self {
        UpdatePreferences {
            check_every: UpdateCheckEvery::Week,
            last_checked_at: None,
        }
    }
}

/// A newer version the update server offers, as the person sees it before installing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOffer {
    pub version: String,
    pub current_version: String,
    /// The release notes, as published.
    pub notes: Option<String>,
    /// RFC 3339, as published.
    pub published_at: Option<String>,
}

/// What one look at the update server found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateCheck {
    pub current_version: String,
    pub checked_at: String,
    /// Absent when there is nothing newer.
    pub offer: Option<UpdateOffer>,
    /// Why nothing is offered, in a sentence ("the server offers 0.1.0, which is not newer
    /// than this 0.1.0").
    pub reason: Option<String>,
}

/// Sent while an update downloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateProgress {
    pub downloaded_bytes: u64,
    /// Absent when the server does not say how large the file is.
    pub total_bytes: Option<u64>,
}

/// An update that was verified and installed; it takes effect when the app restarts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateInstalled {
    pub version: String,
    pub bytes: u64,
}
