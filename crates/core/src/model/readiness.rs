use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Met,
    NotMet,
    Waived,
    NotYetApplicable,
}

/// A waiver or a confirmation by hand, with who made it and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistMark {
    pub item: String,
    /// "waived" or "confirmed".
    pub kind: String,
    pub reason: String,
    pub by: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    /// Stable key, e.g. "kpis"; used to waive or confirm the item.
    pub key: String,
    pub step: u32,
    pub title: String,
    pub status: ItemStatus,
    /// Why it has that status, from the data.
    pub reason: String,
    /// Present when the item is waived or confirmed by hand.
    pub mark: Option<ChecklistMark>,
    /// True when the data cannot say it and a person confirms it.
    pub confirmed_by_hand: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistStep {
    pub step: u32,
    pub title: String,
    pub items: Vec<ChecklistItem>,
    /// Items met or waived.
    pub done: u32,
    /// Items that apply now.
    pub applicable: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    pub pilot_id: i64,
    pub steps: Vec<ChecklistStep>,
    /// Every Step 1 item met or waived: the pilot may be submitted.
    pub step1_complete: bool,
}

impl Readiness {
    pub fn items(&self) -> impl Iterator<Item = &ChecklistItem> {
        self.steps.iter().flat_map(|s| s.items.iter())
    }

    /// Step 1 items neither met nor waived.
    pub fn blocking(&self) -> Vec<&ChecklistItem> {
        self.items()
            .filter(|i| i.step == 1 && !matches!(i.status, ItemStatus::Met | ItemStatus::Waived))
            .collect()
    }
}
