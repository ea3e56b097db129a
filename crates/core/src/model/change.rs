use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One entry of the append-only change record: who changed what, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangeRecord {
    pub id: i64,
    /// RFC 3339 timestamp in UTC.
    pub at: String,
    pub actor: String,
    /// The kind of record changed, e.g. "pilot".
    pub entity: String,
    pub entity_id: String,
    /// What happened, e.g. "created".
    pub action: String,
    pub summary: String,
}
