use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The kind of conversation an agenda is for. Suggestions start where a wrong one costs
/// little (onboarding, skill practice) and stay off where it could hurt someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgendaContext {
    Onboarding,
    SkillPractice,
    PerformanceConversation,
    Conflict,
}

impl AgendaContext {
    pub const ALL: [AgendaContext; 4] = [
        AgendaContext::Onboarding,
        AgendaContext::SkillPractice,
        AgendaContext::PerformanceConversation,
        AgendaContext::Conflict,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AgendaContext::Onboarding => "onboarding",
            AgendaContext::SkillPractice => "skill_practice",
            AgendaContext::PerformanceConversation => "performance_conversation",
            AgendaContext::Conflict => "conflict",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AgendaContext::Onboarding => "Onboarding",
            AgendaContext::SkillPractice => "Skill practice",
            AgendaContext::PerformanceConversation => "Performance conversation",
            AgendaContext::Conflict => "Conflict",
        }
    }

    /// Low-risk contexts are the only ones on until the workspace decides otherwise.
    pub fn low_risk(self) -> bool {
        matches!(
            self,
            AgendaContext::Onboarding | AgendaContext::SkillPractice
        )
    }

    pub fn parse(text: &str) -> Option<AgendaContext> {
        let folded: String = text
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        match folded.as_str() {
            "onboarding" => Some(AgendaContext::Onboarding),
            "skillpractice" | "practice" => Some(AgendaContext::SkillPractice),
            "performanceconversation" | "performance" => {
                Some(AgendaContext::PerformanceConversation)
            }
            "conflict" => Some(AgendaContext::Conflict),
            _ => None,
        }
    }
}
