use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{MemberFunction, PilotStatus};

/// What the steering group is asked to decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A submitted pilot: approve, reject or request changes.
    Approval,
    /// The day-45 stage gate: continue or stop.
    Day45Review,
    /// The day-90 outcome: scale, iterate or stop.
    Day90Outcome,
    /// A change to locked baselines or success criteria: approve or reject.
    CriteriaChange,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Approval => "approval",
            ItemKind::Day45Review => "day45_review",
            ItemKind::Day90Outcome => "day90_outcome",
            ItemKind::CriteriaChange => "criteria_change",
        }
    }

    pub fn parse(text: &str) -> Option<ItemKind> {
        [
            ItemKind::Approval,
            ItemKind::Day45Review,
            ItemKind::Day90Outcome,
            ItemKind::CriteriaChange,
        ]
        .into_iter()
        .find(|k| k.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Approval => "Approval",
            ItemKind::Day45Review => "Day-45 review",
            ItemKind::Day90Outcome => "Day-90 outcome",
            ItemKind::CriteriaChange => "Criteria change",
        }
    }

    /// The choices a member has, in the order they are offered.
    pub fn options(self) -> &'static [VoteChoice] {
        use VoteChoice::*;
        match self {
            ItemKind::Approval => &[Approve, RequestChanges, Reject],
            ItemKind::Day45Review => &[Continue, Stop],
            ItemKind::Day90Outcome => &[Scale, Iterate, Stop],
            ItemKind::CriteriaChange => &[Approve, Reject],
        }
    }

    /// What is decided when every eligible member has voted and no option reached the
    /// threshold: the cautious choice, which keeps the pilot under review or as it was.
    pub fn without_majority(self) -> VoteChoice {
        match self {
            ItemKind::Approval => VoteChoice::RequestChanges,
            ItemKind::Day45Review => VoteChoice::Continue,
            ItemKind::Day90Outcome => VoteChoice::Iterate,
            ItemKind::CriteriaChange => VoteChoice::Reject,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VoteChoice {
    Approve,
    Reject,
    RequestChanges,
    Continue,
    Stop,
    Scale,
    Iterate,
}

impl VoteChoice {
    pub const ALL: [VoteChoice; 7] = [
        VoteChoice::Approve,
        VoteChoice::Reject,
        VoteChoice::RequestChanges,
        VoteChoice::Continue,
        VoteChoice::Stop,
        VoteChoice::Scale,
        VoteChoice::Iterate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VoteChoice::Approve => "approve",
            VoteChoice::Reject => "reject",
            VoteChoice::RequestChanges => "request_changes",
            VoteChoice::Continue => "continue",
            VoteChoice::Stop => "stop",
            VoteChoice::Scale => "scale",
            VoteChoice::Iterate => "iterate",
        }
    }

    pub fn parse(text: &str) -> Option<VoteChoice> {
        let text = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let text = match text.as_str() {
            "changes" | "request_change" | "changes_requested" => "request_changes",
            other => other,
        };
        VoteChoice::ALL.into_iter().find(|c| c.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            VoteChoice::Approve => "Approve",
            VoteChoice::Reject => "Reject",
            VoteChoice::RequestChanges => "Request changes",
            VoteChoice::Continue => "Continue",
            VoteChoice::Stop => "Stop",
            VoteChoice::Scale => "Scale",
            VoteChoice::Iterate => "Iterate",
        }
    }

    /// The decision in words, e.g. "approved".
    pub fn past_tense(self) -> &'static str {
        match self {
            VoteChoice::Approve => "approved",
            VoteChoice::Reject => "rejected",
            VoteChoice::RequestChanges => "requested changes",
            VoteChoice::Continue => "continued",
            VoteChoice::Stop => "stopped",
            VoteChoice::Scale => "scaled",
            VoteChoice::Iterate => "iterated",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    Open,
    Decided,
    /// The pilot was withdrawn before a decision.
    Withdrawn,
}

impl ItemState {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Open => "open",
            ItemState::Decided => "decided",
            ItemState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<ItemState> {
        match text {
            "open" => Some(ItemState::Open),
            "decided" => Some(ItemState::Decided),
            "withdrawn" => Some(ItemState::Withdrawn),
            _ => None,
        }
    }
}

/// A question before the steering group about one pilot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GovernanceItem {
    pub id: i64,
    pub pilot_id: i64,
    pub pilot_name: String,
    pub pilot_status: PilotStatus,
    pub kind: ItemKind,
    /// What is asked, in one sentence.
    pub subject: String,
    pub due_on: NaiveDate,
    pub opened_at: String,
    pub opened_by: String,
    pub state: ItemState,
    /// The proposed change, for a criteria change, as JSON.
    pub payload: String,
    /// Open, and its due date has passed.
    pub overdue: bool,
    /// Days until it is due; negative once overdue.
    pub days_left: i64,
    /// Members may vote now (a gate opens when the pilot reaches it).
    pub voting_open: bool,
    /// Why voting has not opened, when it has not.
    pub voting_note: String,
    pub decision_id: Option<i64>,
}

/// One vote, as cast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Vote {
    pub id: i64,
    pub item_id: i64,
    pub person_id: String,
    pub name: String,
    pub function: MemberFunction,
    pub choice: VoteChoice,
    pub comment: String,
    pub at: String,
    /// A later vote by the same member replaced it.
    pub superseded: bool,
    /// The member recused after voting, so it does not count.
    pub recused: bool,
    pub log_id: i64,
    /// The fingerprint of the key that signed the ballot it arrived in; none for a vote
    /// cast in the app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fingerprint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Recusal {
    pub person_id: String,
    pub name: String,
    pub reason: String,
    pub at: String,
    /// As for a vote: the key that signed the ballot it arrived in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fingerprint: Option<String>,
}

/// How many votes an option has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    pub choice: VoteChoice,
    pub count: u32,
}

/// Where an item stands against the quorum rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuorumStatus {
    /// The decision, once the rule is met.
    pub outcome: Option<VoteChoice>,
    /// Decided because every eligible member voted and no option reached the threshold.
    pub without_majority: bool,
    pub eligible: u32,
    pub recused: u32,
    /// Eligible members whose vote counts.
    pub voted: u32,
    /// Votes one option needs, as things stand.
    pub needed: u32,
    pub tally: Vec<Tally>,
    /// Required functions without a counted vote yet.
    pub missing_functions: Vec<MemberFunction>,
    /// Required functions no eligible member can represent: the item cannot be decided
    /// until the group or the rule changes.
    pub unrepresented_functions: Vec<MemberFunction>,
    /// Eligible members who have not voted, by person id.
    pub yet_to_vote: Vec<String>,
    /// Where it stands and what is missing, in words.
    pub explanation: String,
}

/// A decision taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Approval,
    Day45Review,
    Day90Outcome,
    CriteriaChange,
    TrancheRelease,
}

impl DecisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Approval => "approval",
            DecisionKind::Day45Review => "day45_review",
            DecisionKind::Day90Outcome => "day90_outcome",
            DecisionKind::CriteriaChange => "criteria_change",
            DecisionKind::TrancheRelease => "tranche_release",
        }
    }

    pub fn parse(text: &str) -> Option<DecisionKind> {
        match text {
            "tranche_release" => Some(DecisionKind::TrancheRelease),
            other => ItemKind::parse(other).map(DecisionKind::from),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionKind::TrancheRelease => "Tranche release",
            DecisionKind::Approval => ItemKind::Approval.label(),
            DecisionKind::Day45Review => ItemKind::Day45Review.label(),
            DecisionKind::Day90Outcome => ItemKind::Day90Outcome.label(),
            DecisionKind::CriteriaChange => ItemKind::CriteriaChange.label(),
        }
    }
}

impl From<ItemKind> for DecisionKind {
    fn from(kind: ItemKind) -> Self {
        match kind {
            ItemKind::Approval => DecisionKind::Approval,
            ItemKind::Day45Review => DecisionKind::Day45Review,
            ItemKind::Day90Outcome => DecisionKind::Day90Outcome,
            ItemKind::CriteriaChange => DecisionKind::CriteriaChange,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub id: i64,
    pub pilot_id: i64,
    pub pilot_name: String,
    pub item_id: Option<i64>,
    pub kind: DecisionKind,
    /// A vote choice ("approve", "scale"...) or "released".
    pub outcome: String,
    pub outcome_label: String,
    /// The decision in one sentence.
    pub summary: String,
    pub decided_at: String,
    pub recorded_by: String,
    /// What it rested on, as JSON: the tally, or the measured lift.
    pub evidence: String,
    pub log_id: i64,
}

/// The comments of a "changes requested" decision, shown on the pilot while it is
/// redesigned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewFeedback {
    pub decision_id: i64,
    pub decided_at: String,
    pub summary: String,
    pub votes: Vec<Vote>,
}

/// A vote as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteInput {
    pub choice: String,
    pub comment: String,
}

/// The queue: what the steering group has before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GovernanceQueue {
    /// Submitted pilots and criteria changes awaiting a vote.
    pub reviews: Vec<QueueEntry>,
    /// Stage gates not yet decided, soonest first.
    pub gates: Vec<QueueEntry>,
    pub recent_decisions: Vec<Decision>,
    pub overdue: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QueueEntry {
    pub item: GovernanceItem,
    pub status: QuorumStatus,
    /// The current user's own vote, if they cast one.
    pub my_vote: Option<VoteChoice>,
}

/// Where the current user stands on an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoterStanding {
    pub person_id: Option<String>,
    pub name: String,
    pub function: Option<MemberFunction>,
    pub can_vote: bool,
    pub can_recuse: bool,
    /// Why they cannot vote, when they cannot.
    pub note: String,
    pub vote: Option<Vote>,
    pub recused: bool,
}

/// The review screen of one pilot: the item in focus, the proposal and its checklist, the
/// votes so far and what the quorum still needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewView {
    pub item: GovernanceItem,
    /// Every item of the pilot, oldest first.
    pub items: Vec<GovernanceItem>,
    pub design: super::PilotDesign,
    pub rule: super::QuorumRule,
    pub members: Vec<super::SteeringMember>,
    pub votes: Vec<Vote>,
    pub recusals: Vec<Recusal>,
    pub status: QuorumStatus,
    pub me: VoterStanding,
    pub decision: Option<Decision>,
    /// Every decision about the pilot, oldest first.
    pub decisions: Vec<Decision>,
    pub vendors: Vec<super::VendorProposal>,
    /// For a day-90 outcome: what the rule registered before launch says, beside the
    /// group's vote (as recorded with the decision, or on today's data until then).
    pub rule_verdict: Option<super::RuleVerdict>,
}
