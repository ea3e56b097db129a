use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    SelfPaced,
    LiveOnline,
    InPerson,
    Blended,
}

impl Delivery {
    pub const ALL: [Delivery; 4] = [
        Delivery::SelfPaced,
        Delivery::LiveOnline,
        Delivery::InPerson,
        Delivery::Blended,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::SelfPaced => "self_paced",
            Delivery::LiveOnline => "live_online",
            Delivery::InPerson => "in_person",
            Delivery::Blended => "blended",
        }
    }

    pub fn parse(text: &str) -> Option<Delivery> {
        let wanted = text.trim().replace(['-', ' '], "_").to_ascii_lowercase();
        Delivery::ALL.into_iter().find(|d| d.as_str() == wanted)
    }

    pub fn label(self) -> &'static str {
        match self {
            Delivery::SelfPaced => "self-paced",
            Delivery::LiveOnline => "live online",
            Delivery::InPerson => "in person",
            Delivery::Blended => "blended",
        }
    }
}

/// How a vendor charges for a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ModulePricing {
    /// Each seat, each month.
    PerSeatMonth,
    /// Each learner who takes the module, once.
    PerModule,
    /// Everyone in the organisation, each month.
    SiteLicence,
}

impl ModulePricing {
    pub const ALL: [ModulePricing; 3] = [
        ModulePricing::PerSeatMonth,
        ModulePricing::PerModule,
        ModulePricing::SiteLicence,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ModulePricing::PerSeatMonth => "per_seat_month",
            ModulePricing::PerModule => "per_module",
            ModulePricing::SiteLicence => "site_licence",
        }
    }

    pub fn parse(text: &str) -> Option<ModulePricing> {
        let wanted = text.trim().replace(['-', ' '], "_").to_ascii_lowercase();
        let wanted = match wanted.as_str() {
            "site_license" | "site" => "site_licence",
            "per_seat" | "seat" => "per_seat_month",
            "module" => "per_module",
            other => other,
        };
        ModulePricing::ALL
            .into_iter()
            .find(|p| p.as_str() == wanted)
    }

    pub fn label(self) -> &'static str {
        match self {
            ModulePricing::PerSeatMonth => "per seat per month",
            ModulePricing::PerModule => "per learner, once",
            ModulePricing::SiteLicence => "site licence per month",
        }
    }
}

/// A competency a module builds, and to which level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModuleTarget {
    pub competency_id: i64,
    pub competency: String,
    pub target_level: u32,
    pub level_label: String,
}

/// A vendor's skill module in the catalog, with how its bought seats are used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkillModule {
    pub id: i64,
    pub title: String,
    pub vendor: String,
    pub duration_hours: f64,
    pub delivery: Delivery,
    pub pricing: ModulePricing,
    pub price: Money,
    pub targets: Vec<ModuleTarget>,
    /// Seats bought that are current today; None under a site licence (no limit).
    pub seats_bought: Option<u32>,
    /// People assigned the module (each holds a seat, finished or not).
    pub seats_used: u32,
    pub spent: Money,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModuleTargetInput {
    pub competency_id: Option<i64>,
    pub target_level: String,
}

/// A module as typed into the catalog form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModuleInput {
    pub title: String,
    pub vendor: String,
    pub duration_hours: String,
    pub delivery: String,
    pub pricing: String,
    pub price: String,
    pub targets: Vec<ModuleTargetInput>,
}

/// A purchase as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseInput {
    pub module_id: i64,
    pub pilot_id: Option<i64>,
    /// Seats, or learners for a per-learner module; ignored for a site licence.
    pub seats: String,
    pub months: String,
    pub starts_on: String,
}

/// Seats bought for a period: a vendor fee in the budget ledger of its pilot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Purchase {
    pub id: i64,
    pub module_id: i64,
    pub module_title: String,
    pub vendor: String,
    pub pilot_id: Option<i64>,
    pub pilot_name: Option<String>,
    pub pricing: ModulePricing,
    pub unit_price: Money,
    /// 0 under a site licence.
    pub seats: u32,
    pub months: u32,
    pub total: Money,
    pub starts_on: String,
    pub ends_on: String,
    pub purchased_at: String,
    pub purchased_by: String,
    /// How the total was reached, e.g. "12 seats × 3 months × USD 40.00".
    pub basis: String,
}
