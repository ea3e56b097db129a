use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Money, Pricing};

/// A vendor's proposal for a coaching pilot, with its privacy checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VendorProposal {
    pub id: i64,
    pub pilot_id: Option<i64>,
    pub pilot_name: Option<String>,
    pub vendor: String,
    /// What they provide.
    pub offering: String,
    pub pricing: Pricing,
    pub unit_price: Money,
    pub contract_months: u32,
    pub privacy: PrivacyChecklist,
    /// Privacy questions answered, of four.
    pub privacy_answered: u32,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrivacyChecklist {
    /// Which personal data the vendor processes.
    pub personal_data: String,
    /// Where it is stored (country, region, provider).
    pub storage_location: String,
    /// How long it is kept, and what happens after.
    pub retention: String,
    /// Sub-processors the vendor uses.
    pub sub_processors: String,
}

impl PrivacyChecklist {
    pub fn answered(&self) -> u32 {
        [
            &self.personal_data,
            &self.storage_location,
            &self.retention,
            &self.sub_processors,
        ]
        .iter()
        .filter(|a| !a.trim().is_empty())
        .count() as u32
    }
}

/// A vendor proposal as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VendorInput {
    pub pilot_id: Option<i64>,
    pub vendor: String,
    pub offering: String,
    pub pricing: String,
    pub unit_price: String,
    pub contract_months: String,
    pub personal_data: String,
    pub storage_location: String,
    pub retention: String,
    pub sub_processors: String,
}

/// The practice of the operating model a risk belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Practice {
    MicroCoaching,
    AiAssisted,
    SkillsAsAService,
    CoachingAnalytics,
    CoachingNetworks,
    AsyncCompetency,
    General,
}

impl Practice {
    pub const ALL: [Practice; 7] = [
        Practice::MicroCoaching,
        Practice::AiAssisted,
        Practice::SkillsAsAService,
        Practice::CoachingAnalytics,
        Practice::CoachingNetworks,
        Practice::AsyncCompetency,
        Practice::General,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Practice::MicroCoaching => "micro_coaching",
            Practice::AiAssisted => "ai_assisted",
            Practice::SkillsAsAService => "skills_as_a_service",
            Practice::CoachingAnalytics => "coaching_analytics",
            Practice::CoachingNetworks => "coaching_networks",
            Practice::AsyncCompetency => "async_competency",
            Practice::General => "general",
        }
    }

    pub fn parse(text: &str) -> Option<Practice> {
        let text = text.trim().to_ascii_lowercase().replace('-', "_");
        Practice::ALL.into_iter().find(|p| p.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Practice::MicroCoaching => "Micro-coaching playbooks",
            Practice::AiAssisted => "AI-assisted coaching",
            Practice::SkillsAsAService => "Skills-as-a-service",
            Practice::CoachingAnalytics => "Coaching analytics",
            Practice::CoachingNetworks => "Coaching networks",
            Practice::AsyncCompetency => "Asynchronous competency models",
            Practice::General => "General",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    Open,
    Mitigated,
    Closed,
}

impl RiskStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::Mitigated => "mitigated",
            RiskStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<RiskStatus> {
        match text.trim().to_ascii_lowercase().as_str() {
            "open" => Some(RiskStatus::Open),
            "mitigated" => Some(RiskStatus::Mitigated),
            "closed" => Some(RiskStatus::Closed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Risk {
    pub id: i64,
    pub practice: Practice,
    pub title: String,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    pub mitigation: String,
    pub status: RiskStatus,
    pub pilot_id: Option<i64>,
}

/// A risk as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RiskInput {
    pub practice: String,
    pub title: String,
    /// A person's id; empty for no owner yet.
    pub owner_id: String,
    pub mitigation: String,
    pub status: String,
    pub pilot_id: Option<i64>,
}
