//! The home screen: what needs the person using Pilotdesk today, by the part they play.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ItemKind, PackKind, PilotStatus, PortfolioOverview, VoteChoice};

/// A part someone plays in the operating model; the home leads with theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HomeRole {
    /// Designs and runs pilots: every pilot's day, gate, KPI and money.
    Lead,
    /// Sits on the steering group: the votes they owe and the gates due.
    Member,
    /// Sponsors a pilot: its verdict and the packs printed for them.
    Sponsor,
}

/// A steering-group item in a member's inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InboxEntry {
    pub item_id: i64,
    pub pilot_id: i64,
    pub pilot_name: String,
    pub kind: ItemKind,
    /// What is asked, in one sentence.
    pub subject: String,
    pub due_on: NaiveDate,
    pub days_left: i64,
    pub overdue: bool,
    /// Voting has opened and this member has neither voted nor stepped back.
    pub owes_vote: bool,
    /// Their vote so far, which they may change until the decision.
    pub my_vote: Option<VoteChoice>,
    /// How many eligible members have voted, e.g. "2 of 5 eligible members have voted".
    pub progress: String,
}

/// A pack printed for a pilot, as its sponsor would look for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SponsorPack {
    pub pack_id: i64,
    pub kind: PackKind,
    pub title: String,
    pub produced_at: String,
}

/// A pilot the current user sponsors: the decision waiting for them, or the verdict taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SponsorEntry {
    pub pilot_id: i64,
    pub pilot_name: String,
    pub status: PilotStatus,
    /// The outcome decided at day 90, in words ("Scale"), once it is.
    pub verdict: Option<String>,
    pub verdict_on: Option<String>,
    /// What the sponsor is waiting for, in a sentence, while there is no verdict.
    pub waiting_for: String,
    /// Packs printed for this pilot, the newest first.
    pub packs: Vec<SponsorPack>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Home {
    /// The current user's first name, for the greeting; empty before anyone is chosen.
    pub first_name: String,
    /// The parts shown, the current user's own first.
    pub roles: Vec<HomeRole>,
    /// Every pilot at a glance, for the lead.
    pub overview: PortfolioOverview,
    /// Votes owed and gates due or overdue, soonest first, for a steering-group member.
    pub inbox: Vec<InboxEntry>,
    /// The pilots the current user sponsors.
    pub sponsored: Vec<SponsorEntry>,
}
