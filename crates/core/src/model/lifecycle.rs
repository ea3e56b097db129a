use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::PilotStatus;

/// A recorded lifecycle transition: who, when, why, with the evidence at that moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Transition {
    pub id: i64,
    pub from: PilotStatus,
    pub to: PilotStatus,
    pub at: String,
    pub actor: String,
    pub reason: String,
    /// The readiness checklist as JSON, as it stood.
    pub evidence: String,
}
