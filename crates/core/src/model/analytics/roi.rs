//! The Phillips ROI of a pilot as it crosses to the UI and the packs: every figure beside
//! the inputs it was computed from (DESIGN.md, "Measurement").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Money;

/// Where a cost comes from. Costs are fully loaded, so people's time is a category of its own
/// beside the money paid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CostCategory {
    Vendor,
    Tooling,
    Analytics,
    ManagerTime,
    CoachTime,
    CoacheeTime,
}

impl CostCategory {
    /// The order costs are listed in: money paid out first, then people's time.
    pub const ALL: [CostCategory; 6] = [
        CostCategory::Vendor,
        CostCategory::Tooling,
        CostCategory::Analytics,
        CostCategory::ManagerTime,
        CostCategory::CoachTime,
        CostCategory::CoacheeTime,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CostCategory::Vendor => "vendor",
            CostCategory::Tooling => "tooling",
            CostCategory::Analytics => "analytics",
            CostCategory::ManagerTime => "manager_time",
            CostCategory::CoachTime => "coach_time",
            CostCategory::CoacheeTime => "coachee_time",
        }
    }

    pub fn parse(text: &str) -> Option<CostCategory> {
        let text = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        CostCategory::ALL.into_iter().find(|c| c.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            CostCategory::Vendor => "Vendor fees",
            CostCategory::Tooling => "Tooling",
            CostCategory::Analytics => "Analytics",
            CostCategory::ManagerTime => "Managers' time",
            CostCategory::CoachTime => "Coaches' time",
            CostCategory::CoacheeTime => "Coachees' time",
        }
    }
}

/// One monetised KPI: its first-year value before and after the confidence adjustment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BenefitLine {
    pub kpi: String,
    /// The KPI's unit, e.g. "days".
    pub unit: String,
    /// The isolated effect in the KPI's good direction (positive is better).
    pub improvement: f64,
    /// The improvement's 95% interval, when there is one.
    pub improvement_low: Option<f64>,
    pub improvement_high: Option<f64>,
    /// What one unit of improvement is worth for one affected unit for a year.
    pub value_per_unit: Money,
    pub affected_per_year: f64,
    /// What the affected units are, e.g. "new hires".
    pub affected_unit: String,
    /// 0..=1, the stated confidence in the isolated effect.
    pub confidence: f64,
    /// improvement × value per unit × affected per year.
    pub annual_value: Money,
    /// What counts towards the benefits: the annual value × confidence for a gain, the
    /// whole annual value for a loss.
    pub adjusted_value: Money,
    /// The arithmetic in words, naming every input, e.g.
    /// "6.2 days × USD 350 × 40 new hires × 80% confidence = USD 69,440".
    pub formula: String,
    /// The improvement this KPI alone would need for benefits to equal costs; absent when
    /// no improvement of it can pay (no value, nobody affected, or no confidence).
    pub break_even_improvement: Option<f64>,
}

/// One fully loaded cost with how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CostLine {
    pub category: CostCategory,
    pub label: String,
    pub amount: Money,
    /// How the amount was reached, e.g. "120 hours × USD 85".
    pub basis: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CategoryCost {
    pub category: CostCategory,
    pub label: String,
    pub total: Money,
}

/// ROI % if every measured effect were `scale` times its size: one point of the
/// sensitivity chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SensitivityPoint {
    pub scale: f64,
    pub benefits: Money,
    pub roi_percent: f64,
}

/// The Phillips ROI: first-year benefits against fully loaded costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoiFigures {
    pub benefits: Vec<BenefitLine>,
    pub costs: Vec<CostLine>,
    /// The sum of the adjusted benefit values.
    pub benefits_total: Money,
    pub costs_total: Money,
    /// Per category, in `CostCategory::ALL` order, only the categories that have costs.
    pub costs_by_category: Vec<CategoryCost>,
    /// Benefits / costs; absent when there are no costs.
    pub bcr: Option<f64>,
    /// (Benefits − costs) / costs × 100; absent when there are no costs.
    pub roi_percent: Option<f64>,
    /// Costs / (benefits / 12); absent when there is no benefit to pay them back.
    pub payback_months: Option<f64>,
    /// The factor on every measured effect at which benefits equal costs (1 is as measured,
    /// 0.5 means half the measured effects would still pay); absent when no benefit.
    pub break_even_scale: Option<f64>,
    /// Benefits and ROI % with every improvement at the low (high) end of its interval;
    /// absent when any monetised KPI has no interval (`interval_note` says which).
    pub benefits_low: Option<Money>,
    pub benefits_high: Option<Money>,
    pub roi_percent_low: Option<f64>,
    pub roi_percent_high: Option<f64>,
    pub interval_note: Option<String>,
    /// ROI % for effect scale factors 0, 0.25, …, 2; empty when there are no costs.
    pub sensitivity: Vec<SensitivityPoint>,
    /// Listed, not monetised.
    pub intangibles: Vec<String>,
    /// The conservative choices made, in plain sentences for the methods appendix.
    pub methods: Vec<String>,
}
