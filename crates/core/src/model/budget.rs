use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BudgetCategory {
    Tooling,
    Analytics,
    Vendor,
}

impl BudgetCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetCategory::Tooling => "tooling",
            BudgetCategory::Analytics => "analytics",
            BudgetCategory::Vendor => "vendor",
        }
    }

    pub fn parse(text: &str) -> Option<BudgetCategory> {
        match text.trim().to_ascii_lowercase().as_str() {
            "tooling" => Some(BudgetCategory::Tooling),
            "analytics" => Some(BudgetCategory::Analytics),
            "vendor" => Some(BudgetCategory::Vendor),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BudgetCategory::Tooling => "Tooling",
            BudgetCategory::Analytics => "Analytics",
            BudgetCategory::Vendor => "Vendor",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Pricing {
    Fixed,
    PerSeat,
    PerModule,
}

impl Pricing {
    pub fn as_str(self) -> &'static str {
        match self {
            Pricing::Fixed => "fixed",
            Pricing::PerSeat => "per_seat",
            Pricing::PerModule => "per_module",
        }
    }

    pub fn parse(text: &str) -> Option<Pricing> {
        match text.trim().replace('-', "_").to_ascii_lowercase().as_str() {
            "fixed" => Some(Pricing::Fixed),
            "per_seat" | "seat" => Some(Pricing::PerSeat),
            "per_module" | "module" => Some(Pricing::PerModule),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Pricing::Fixed => "fixed",
            Pricing::PerSeat => "per seat",
            Pricing::PerModule => "per module",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetLine {
    pub category: BudgetCategory,
    pub description: String,
    pub pricing: Pricing,
    pub unit_cost: Money,
    /// Seats or modules; 1 for a fixed line.
    pub quantity: u32,
}

/// People's time, costed at what an hour of it costs the organisation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimeCosts {
    pub manager_hours_per_week: f64,
    pub manager_hourly_cost: Money,
    pub coach_count: u32,
    pub coach_hours_per_week: f64,
    pub coach_hourly_cost: Money,
    pub coachee_hours_per_week: f64,
    pub coachee_hourly_cost: Money,
}

/// One row of the fully loaded cost breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CostRow {
    pub label: String,
    /// How it was computed, e.g. "4 managers × 1.5 h × 13 weeks × USD 65".
    pub basis: String,
    pub amount: Money,
}

/// The fully loaded cost estimate of a 90-day pilot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetEstimate {
    pub rows: Vec<CostRow>,
    pub tooling_and_analytics: Money,
    pub vendor: Money,
    pub people_time: Money,
    pub total: Money,
    pub managers: u32,
    pub coachees: u32,
    pub weeks: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetLineInput {
    pub category: String,
    pub description: String,
    pub pricing: String,
    pub unit_cost: String,
    pub quantity: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimeCostsInput {
    pub manager_hours_per_week: String,
    pub manager_hourly_cost: String,
    pub coach_count: String,
    pub coach_hours_per_week: String,
    pub coach_hourly_cost: String,
    pub coachee_hours_per_week: String,
    pub coachee_hourly_cost: String,
}

/// The whole budget as typed: its lines and the time costs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetInput {
    pub lines: Vec<BudgetLineInput>,
    pub time: TimeCostsInput,
}
