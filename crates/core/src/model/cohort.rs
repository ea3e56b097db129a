use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the pilot's effect will be isolated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ComparisonDesign {
    /// Managers are drawn at random into the pilot or a waitlist that starts later.
    RandomisedWaitlist,
    /// Each pilot team is matched to a similar team that is not coached.
    MatchedTeams,
    /// Two waves; the second starts at day 45 and compares with the first until then.
    StaggeredWaves,
    /// Named pilot teams against named comparison teams, e.g. one region against the rest.
    HandPicked,
    /// No comparison group: lift is pre/post against the trend, weaker evidence.
    None,
}

impl ComparisonDesign {
    pub fn as_str(self) -> &'static str {
        match self {
            ComparisonDesign::RandomisedWaitlist => "randomised_waitlist",
            ComparisonDesign::MatchedTeams => "matched_teams",
            ComparisonDesign::StaggeredWaves => "staggered_waves",
            ComparisonDesign::HandPicked => "hand_picked",
            ComparisonDesign::None => "none",
        }
    }

    pub fn parse(text: &str) -> Option<ComparisonDesign> {
        match text.trim().replace('-', "_").to_ascii_lowercase().as_str() {
            "randomised_waitlist" | "randomized_waitlist" | "waitlist" => {
                Some(ComparisonDesign::RandomisedWaitlist)
            }
            "matched_teams" | "matched" => Some(ComparisonDesign::MatchedTeams),
            "staggered_waves" | "waves" => Some(ComparisonDesign::StaggeredWaves),
            "hand_picked" | "hand_picked_teams" | "handpicked" => {
                Some(ComparisonDesign::HandPicked)
            }
            "none" => Some(ComparisonDesign::None),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ComparisonDesign::RandomisedWaitlist => "Randomised waitlist",
            ComparisonDesign::MatchedTeams => "Matched teams",
            ComparisonDesign::StaggeredWaves => "Staggered waves",
            ComparisonDesign::HandPicked => "Hand-picked teams",
            ComparisonDesign::None => "No comparison group",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Arm {
    Pilot,
    Comparison,
}

impl Arm {
    pub fn as_str(self) -> &'static str {
        match self {
            Arm::Pilot => "pilot",
            Arm::Comparison => "comparison",
        }
    }

    pub fn parse(text: &str) -> Option<Arm> {
        match text {
            "pilot" => Some(Arm::Pilot),
            "comparison" => Some(Arm::Comparison),
            _ => None,
        }
    }
}

/// A manager and their team in the pilot's cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CohortMember {
    pub manager_id: String,
    pub manager_name: String,
    pub team: String,
    /// Direct reports: the people this manager coaches.
    pub team_size: u32,
    pub arm: Arm,
    pub wave: Option<u32>,
    /// For matched teams: the pilot manager this comparison team stands beside.
    pub matched_with: Option<String>,
    /// How different the matched teams are (0 = identical).
    pub match_distance: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Cohort {
    pub design: ComparisonDesign,
    /// The seed of a randomised draw; the same seed and managers give the same assignment.
    pub seed: Option<String>,
    pub members: Vec<CohortMember>,
}

impl Cohort {
    /// The teams of an arm's managers, each once, in alphabetical order.
    pub fn teams(&self, arm: Arm) -> Vec<String> {
        let teams: std::collections::BTreeSet<&str> = self
            .members
            .iter()
            .filter(|m| m.arm == arm)
            .map(|m| m.team.as_str())
            .collect();
        teams.into_iter().map(String::from).collect()
    }
}

/// A manager who could join the cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ManagerCandidate {
    pub id: String,
    pub name: String,
    pub role: String,
    pub team: String,
    pub team_size: u32,
}

/// The cohort as chosen: the design, the managers or teams and, optionally, a seed to reuse.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CohortInput {
    pub design: String,
    /// For a randomised waitlist or staggered waves: every candidate manager. For matched
    /// teams or no comparison: the pilot managers. Empty for hand-picked teams.
    pub manager_ids: Vec<String>,
    /// Reuse a recorded seed to reproduce a draw; empty draws a new one.
    pub seed: String,
    /// For hand-picked teams: every manager in these teams joins the pilot arm.
    #[serde(default)]
    pub pilot_teams: Vec<String>,
    /// For hand-picked teams: every manager in these teams joins the comparison arm.
    #[serde(default)]
    pub comparison_teams: Vec<String>,
}
