use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One entry of the tamper-evident decision log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub actor_id: Option<String>,
    /// e.g. "vote", "decision", "recusal", "tranche_release".
    pub kind: String,
    pub pilot_id: Option<i64>,
    pub summary: String,
    /// The canonical JSON that the hash covers.
    pub content: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The first entry that breaks the chain, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrokenEntry {
    pub id: i64,
    pub reason: String,
}

/// The result of checking the decision log from its first entry to its last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainVerdict {
    pub verified: bool,
    pub entries: u32,
    /// The last entry's hash: the fingerprint of the whole log.
    pub head_hash: Option<String>,
    pub first_broken: Option<BrokenEntry>,
    /// The verdict in one sentence.
    pub summary: String,
}

/// The log with its verification, for the decision-log screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionLog {
    pub verdict: ChainVerdict,
    /// Newest first.
    pub entries: Vec<LogEntry>,
}
