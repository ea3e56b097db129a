use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The levels a coach is certified at, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CoachLevel {
    Associate,
    Certified,
}

impl CoachLevel {
    pub const ALL: [CoachLevel; 2] = [CoachLevel::Associate, CoachLevel::Certified];

    pub fn as_str(self) -> &'static str {
        match self {
            CoachLevel::Associate => "associate",
            CoachLevel::Certified => "certified",
        }
    }

    pub fn parse(text: &str) -> Option<CoachLevel> {
        match text.trim().to_ascii_lowercase().as_str() {
            "associate" => Some(CoachLevel::Associate),
            "certified" => Some(CoachLevel::Certified),
            _ => None,
        }
    }

    /// "Associate coach", as a sentence names the level.
    pub fn label(self) -> &'static str {
        match self {
            CoachLevel::Associate => "Associate coach",
            CoachLevel::Certified => "Certified coach",
        }
    }
}

/// One thing an observer scores in a coaching session, 1 (not yet) to 4 (exemplary).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RubricItem {
    /// Short and stable, as typed on the command line: `--score questions=3`.
    pub key: String,
    pub label: String,
    /// What a 3 looks like, so two assessors score alike.
    pub description: String,
}

/// What one level asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LevelCriteria {
    pub level: CoachLevel,
    /// Coach training completed.
    pub training: bool,
    /// Coaching hours logged as the coach, within the evidence window.
    pub hours: f64,
    /// Sessions observed and scored against the rubric by a certified assessor.
    pub observations: u32,
    /// The lowest mean rubric score (1-4) over those sessions.
    pub min_observation_mean: f64,
    /// Coachees' ratings of the coach (1-5).
    pub feedback_count: u32,
    pub min_feedback_mean: f64,
}

/// The standard's criteria, as `certification_standards.criteria_json` holds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StandardCriteria {
    /// Lowest level first.
    pub levels: Vec<LevelCriteria>,
    pub rubric: Vec<RubricItem>,
    /// How long a certification is valid.
    pub validity_months: u32,
    /// How many days before expiry a coach may recertify at the same level.
    pub renewal_days: u32,
    /// Evidence older than this does not count, so a recertification rests on recent
    /// practice rather than on the evidence of the first certification.
    pub evidence_months: u32,
    /// People (by id) who may assess before anyone is certified.
    pub approved_assessors: Vec<String>,
    /// Roles whose holders may assess, e.g. the L&D lead.
    pub approved_assessor_roles: Vec<String>,
}

impl StandardCriteria {
    pub fn level(&self, level: CoachLevel) -> Option<&LevelCriteria> {
        self.levels.iter().find(|l| l.level == level)
    }
}

/// One version of the workspace's certification standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Standard {
    pub version: u32,
    pub name: String,
    pub criteria: StandardCriteria,
    pub created_at: String,
    pub created_by: String,
}
