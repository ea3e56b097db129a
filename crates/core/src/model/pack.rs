use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::PaperSize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PackKind {
    Proposal,
    /// The one-page record of a steering-group decision.
    Decision,
    /// The monthly pack of a running pilot.
    Monthly,
    /// The day-45 review pack.
    Day45Review,
    /// The day-90 outcome pack.
    Outcome,
    /// One person's portfolio: work samples with their hashes, annotations, feedback and
    /// portfolio reviews. Not about a pilot.
    Portfolio,
}

impl PackKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PackKind::Proposal => "proposal",
            PackKind::Decision => "decision",
            PackKind::Monthly => "monthly",
            PackKind::Day45Review => "day45_review",
            PackKind::Outcome => "outcome",
            PackKind::Portfolio => "portfolio",
        }
    }

    pub fn parse(text: &str) -> Option<PackKind> {
        match text {
            "proposal" => Some(PackKind::Proposal),
            "decision" => Some(PackKind::Decision),
            "monthly" => Some(PackKind::Monthly),
            "day45_review" => Some(PackKind::Day45Review),
            "outcome" => Some(PackKind::Outcome),
            "portfolio" => Some(PackKind::Portfolio),
            _ => None,
        }
    }
}

/// A pack that was produced: enough to match a printed copy by its content hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PackRecord {
    pub id: i64,
    pub kind: PackKind,
    pub pilot_id: Option<i64>,
    pub title: String,
    pub subject: String,
    pub produced_at: String,
    pub produced_by: String,
    /// SHA-256 of the pack's content; the footer prints its first 16 digits.
    pub content_hash: String,
    pub pages: u32,
    pub paper_size: PaperSize,
    /// Where it was saved, if it was saved to a file.
    pub path: Option<String>,
}
