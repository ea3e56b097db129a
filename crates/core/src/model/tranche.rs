use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Kpi, LiftReport, Money};

/// A share of a pilot's budget, released only when its condition is shown to be met.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tranche {
    pub id: i64,
    pub pilot_id: i64,
    pub position: u32,
    pub label: String,
    pub amount: Money,
    /// The KPI whose success criterion must be met; none: the pilot's approval.
    pub kpi_id: Option<i64>,
    /// The condition in words.
    pub condition: String,
    pub release: Option<TrancheRelease>,
    pub spent: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrancheRelease {
    pub decision_id: i64,
    pub at: String,
    pub by: String,
}

/// Money spent out of a released tranche.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpendEntry {
    pub id: i64,
    pub tranche_id: i64,
    pub spent_on: NaiveDate,
    pub amount: Money,
    pub description: String,
    pub recorded_at: String,
    pub recorded_by: String,
}

/// Where a tranche's condition stands against the data today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConditionCheck {
    pub met: bool,
    /// Why, with the figures.
    pub explanation: String,
    /// The measured lift, for a KPI condition that could be measured.
    pub lift: Option<LiftReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrancheLine {
    pub tranche: Tranche,
    pub check: ConditionCheck,
}

/// A pilot's outcome-based budget: committed in tranches, released by decisions, spent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Ledger {
    pub pilot_id: i64,
    pub pilot_name: String,
    /// The pilot's committed budget.
    pub budget: Money,
    /// The sum of the tranches.
    pub committed: Money,
    pub released: Money,
    pub spent: Money,
    /// Budget not yet split into tranches.
    pub unallocated: Money,
    /// Released and not yet spent.
    pub available: Money,
    pub tranches: Vec<TrancheLine>,
    pub spend: Vec<SpendEntry>,
    /// Skill modules bought for the pilot from the catalog: vendor fees in its budget and
    /// ROI, listed here beside the spending from tranches.
    pub module_purchases: Vec<super::skills::Purchase>,
    pub module_purchases_total: Money,
    /// Tranches can be planned while the design is editable (Draft or Ready).
    pub plan_editable: bool,
    /// The pilot's KPIs, whose success criteria can release a tranche.
    pub kpis: Vec<Kpi>,
}

/// A tranche as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrancheInput {
    pub label: String,
    pub amount: String,
    /// The KPI whose criterion releases it; none for "on approval".
    pub kpi_id: Option<i64>,
}

/// Spending as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpendInput {
    pub amount: String,
    pub spent_on: String,
    pub description: String,
}
