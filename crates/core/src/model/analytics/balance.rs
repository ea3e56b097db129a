//! The balance table: how alike the pilot and comparison groups were before the pilot, in
//! a few rows instead of a roster (DESIGN.md, "What a pack looks like").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How far apart the groups are on one characteristic, by the size of the standardised
/// difference: up to 0.1 is balanced, up to 0.25 worth a check, beyond that imbalanced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BalanceFlag {
    Balanced,
    Check,
    Imbalanced,
}

impl BalanceFlag {
    pub fn label(self) -> &'static str {
        match self {
            BalanceFlag::Balanced => "balanced",
            BalanceFlag::Check => "check",
            BalanceFlag::Imbalanced => "imbalanced",
        }
    }
}

/// One characteristic of both groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BalanceRow {
    /// e.g. "Team size, mean (SD)".
    pub label: String,
    /// The figure (a count, a mean or a share from 0 to 1); absent when hidden or unknown.
    pub pilot: Option<f64>,
    /// The standard deviation, on rows that are a mean (SD).
    pub pilot_spread: Option<f64>,
    pub comparison: Option<f64>,
    pub comparison_spread: Option<f64>,
    /// The figures as printed: "8.4 (2.1)", "34%", "hidden" (privacy floor) or "—".
    pub pilot_text: String,
    pub comparison_text: String,
    /// The standardised difference, pilot minus comparison.
    pub difference: Option<f64>,
    pub flag: Option<BalanceFlag>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BalanceTable {
    pub kpi_label: String,
    pub unit: String,
    /// The minimum group size applied.
    pub floor: u32,
    pub rows: Vec<BalanceRow>,
    /// How to read the table and what was hidden and why.
    pub notes: Vec<String>,
}
