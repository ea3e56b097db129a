//! What the pre-registered day-90 decision rule says, beside the steering group's vote.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::VoteChoice;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleVerdict {
    /// Scale, Iterate or Stop.
    pub choice: VoteChoice,
    /// The rule itself, word for word the same every time.
    pub rule: String,
    /// One sentence per KPI and one for the conclusion.
    pub reasons: Vec<String>,
}
