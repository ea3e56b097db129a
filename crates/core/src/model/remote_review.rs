//! The steering group on its own machines: identities, review bundles and signed ballots.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ItemKind, MemberFunction, QuorumStatus, ReviewView, VoteChoice};

/// A member's public key as they shared it, with the fingerprint computed from the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicIdentity {
    pub name: String,
    /// Base64url, 32 bytes.
    pub public_key: String,
    pub fingerprint: String,
}

/// This machine's identity: whose it is, its fingerprint to read aloud, where it is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdentityView {
    pub name: String,
    pub public_key: String,
    pub fingerprint: String,
    pub path: String,
    /// Made on this start.
    pub created_now: bool,
}

/// A steering-group member's key as the lead registered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MemberKey {
    pub person_id: String,
    pub name: String,
    pub public_key: String,
    pub fingerprint: String,
    pub added_at: String,
    pub added_by: String,
}

/// Registering a member's key: the file they sent and the fingerprint they read aloud.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MemberKeyInput {
    pub person_id: String,
    pub path: String,
    pub confirmed_fingerprint: String,
}

/// One member on the roster a bundle carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RosterEntry {
    pub person_id: String,
    pub name: String,
    pub function: MemberFunction,
    /// None for a member without a registered key: they vote in the meeting, not by ballot.
    pub fingerprint: Option<String>,
    pub public_key: Option<String>,
}

/// A review bundle the lead sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SentBundle {
    pub id: i64,
    pub item_id: i64,
    pub version: i64,
    pub hash: String,
    pub pack_hash: String,
    pub sent_at: String,
    pub sent_by: String,
    /// Where it was written.
    pub path: String,
    /// Members who can vote by ballot (a registered key), and those who cannot.
    pub with_keys: Vec<String>,
    pub without_keys: Vec<String>,
}

/// A bundle as a member's app reads it: verified, the pilot read-only, and where the
/// member stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleView {
    pub hash: String,
    pub bundle_id: String,
    pub version: i64,
    pub sent_at: String,
    pub sender_name: String,
    pub sender_fingerprint: String,
    pub item_id: i64,
    pub item_kind: ItemKind,
    pub subject: String,
    pub due_on: String,
    pub options: Vec<VoteChoice>,
    /// The lead's review of the pilot when the bundle was sent.
    pub review: ReviewView,
    pub roster: Vec<RosterEntry>,
    /// This machine's identity on the roster; none when its key is not registered.
    pub me: Option<RosterEntry>,
    pub my_fingerprint: String,
    /// Why this machine cannot vote on the bundle, when it cannot.
    pub cannot_vote: Option<String>,
    pub pack_file_name: String,
    pub pack_hash: String,
    pub pack_bytes: u32,
    /// Ballots this machine cast from this bundle, newest last.
    pub cast: Vec<CastBallot>,
}

/// A ballot a member cast from a bundle, kept on their machine so their vote reads back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CastBallot {
    pub id: i64,
    pub bundle_hash: String,
    pub pilot_name: String,
    pub subject: String,
    /// A vote choice, or "recuse".
    pub choice: String,
    pub comment: String,
    pub cast_at: String,
    pub file_hash: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BallotStatus {
    Counted,
    Refused,
}

impl BallotStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BallotStatus::Counted => "counted",
            BallotStatus::Refused => "refused",
        }
    }
}

/// What became of one ballot file the lead imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BallotReceipt {
    pub id: i64,
    pub file_name: String,
    pub received_at: String,
    pub status: BallotStatus,
    /// Why it was refused; empty when counted.
    pub reason: String,
    pub item_id: Option<i64>,
    pub pilot_id: Option<i64>,
    pub member_name: Option<String>,
    pub fingerprint: String,
    pub choice: String,
    pub cast_at: String,
    /// Where the item stands after this ballot, for a counted one.
    pub quorum: Option<QuorumStatus>,
    pub decision_id: Option<i64>,
}
