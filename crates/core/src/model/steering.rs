use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a steering-group member brings to the table; the quorum rule asks for a vote from
/// each of the functions it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MemberFunction {
    Hr,
    Analytics,
    Finance,
    Frontline,
    Other,
}

impl MemberFunction {
    pub const ALL: [MemberFunction; 5] = [
        MemberFunction::Hr,
        MemberFunction::Analytics,
        MemberFunction::Finance,
        MemberFunction::Frontline,
        MemberFunction::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MemberFunction::Hr => "hr",
            MemberFunction::Analytics => "analytics",
            MemberFunction::Finance => "finance",
            MemberFunction::Frontline => "frontline",
            MemberFunction::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<MemberFunction> {
        match text
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "hr" | "people" => Some(MemberFunction::Hr),
            "analytics" => Some(MemberFunction::Analytics),
            "finance" => Some(MemberFunction::Finance),
            "frontline" | "frontline_leader" => Some(MemberFunction::Frontline),
            "other" => Some(MemberFunction::Other),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MemberFunction::Hr => "HR",
            MemberFunction::Analytics => "Analytics",
            MemberFunction::Finance => "Finance",
            MemberFunction::Frontline => "Front line",
            MemberFunction::Other => "Other",
        }
    }
}

/// A member of the steering group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SteeringMember {
    pub person_id: String,
    pub name: String,
    pub role: String,
    pub team: String,
    pub function: MemberFunction,
    pub joined_at: String,
    /// The fingerprint of their registered key, when they vote by signed ballot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub key_fingerprint: Option<String>,
}

/// How many votes one option needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    /// More than half.
    Majority,
    /// At least two thirds.
    TwoThirds,
    /// Everyone.
    Unanimous,
}

impl Threshold {
    pub fn as_str(self) -> &'static str {
        match self {
            Threshold::Majority => "majority",
            Threshold::TwoThirds => "two_thirds",
            Threshold::Unanimous => "unanimous",
        }
    }

    pub fn parse(text: &str) -> Option<Threshold> {
        match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "majority" => Some(Threshold::Majority),
            "two_thirds" | "2/3" => Some(Threshold::TwoThirds),
            "unanimous" | "unanimity" => Some(Threshold::Unanimous),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Threshold::Majority => "a majority",
            Threshold::TwoThirds => "two thirds",
            Threshold::Unanimous => "every vote",
        }
    }
}

/// What the threshold is counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VoteBasis {
    /// Every member who is not recused, whether or not they have voted yet.
    EligibleMembers,
    /// The votes cast so far, once the required functions have voted.
    VotesCast,
}

impl VoteBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            VoteBasis::EligibleMembers => "eligible_members",
            VoteBasis::VotesCast => "votes_cast",
        }
    }

    pub fn parse(text: &str) -> Option<VoteBasis> {
        match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "eligible_members" | "members" | "eligible" => Some(VoteBasis::EligibleMembers),
            "votes_cast" | "votes" | "cast" => Some(VoteBasis::VotesCast),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            VoteBasis::EligibleMembers => "of the eligible members",
            VoteBasis::VotesCast => "of the votes cast",
        }
    }
}

/// The rule a steering-group decision must meet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuorumRule {
    /// Each must cast at least one vote (recused members do not count).
    pub required_functions: Vec<MemberFunction>,
    pub threshold: Threshold,
    pub basis: VoteBasis,
    /// The rule in one sentence.
    pub description: String,
}

impl QuorumRule {
    pub fn new(
        required_functions: Vec<MemberFunction>,
        threshold: Threshold,
        basis: VoteBasis,
    ) -> QuorumRule {
        let mut rule = QuorumRule {
            required_functions,
            threshold,
            basis,
            description: String::new(),
        };
        rule.description = rule.describe();
        rule
    }

    /// The default: a vote from each of HR, analytics, finance and frontline, and a
    /// majority of the eligible members to decide.
    pub fn default_rule() -> QuorumRule {
        QuorumRule::new(
            vec![
                MemberFunction::Hr,
                MemberFunction::Analytics,
                MemberFunction::Finance,
                MemberFunction::Frontline,
            ],
            Threshold::Majority,
            VoteBasis::EligibleMembers,
        )
    }

    fn describe(&self) -> String {
        let functions: Vec<&str> = self.required_functions.iter().map(|f| f.label()).collect();
        let required = match functions.as_slice() {
            [] => "No function is required to vote".to_string(),
            [one] => format!("At least one vote from {one}"),
            [init @ .., last] => format!(
                "At least one vote from each of {} and {last}",
                init.join(", ")
            ),
        };
        format!(
            "{required}; a decision needs {} {}. Recused members do not count.",
            self.threshold.label(),
            self.basis.label()
        )
    }
}

/// The quorum rule as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuorumRuleInput {
    pub required_functions: Vec<String>,
    pub threshold: String,
    pub basis: String,
}
