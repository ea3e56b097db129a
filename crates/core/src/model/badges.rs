//! Open Badges 3.0 credentials: those the workspace issued for its certified coaches, and
//! what checking one (ours or anyone's) found.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An Open Badges credential the workspace issued for a certification, as it left the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuedBadge {
    pub id: i64,
    pub certification_id: i64,
    pub coach_id: String,
    pub coach_name: String,
    /// "associate" or "certified".
    pub level: String,
    /// The credential's id, a `urn:uuid`.
    pub credential_id: String,
    /// The workspace as issuer: the did:key of its Ed25519 key.
    pub issuer_id: String,
    /// The certification's first and last valid days (YYYY-MM-DD).
    pub certified_on: String,
    pub valid_until: String,
    pub issued_at: String,
    pub issued_by: String,
    /// The signed credential: a VC-JWT compact JWS, exactly as it was issued.
    pub credential: String,
}

/// The checks a credential goes through, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BadgeCheckKind {
    /// Three base64url parts: a JOSE header and a payload that are JSON objects, and a
    /// signature.
    Structure,
    /// The signature against the issuer's key, read from the did:key.
    Signature,
    /// Valid from, valid until.
    Dates,
    /// The fields Open Badges 3.0 requires, with their types.
    Shape,
    /// The JWT claims (iss, jti, sub, nbf, exp) agree with the credential.
    Claims,
}

impl BadgeCheckKind {
    pub fn label(self) -> &'static str {
        match self {
            BadgeCheckKind::Structure => "structure",
            BadgeCheckKind::Signature => "signature",
            BadgeCheckKind::Dates => "dates",
            BadgeCheckKind::Shape => "shape",
            BadgeCheckKind::Claims => "claims",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BadgeCheckStatus {
    Passed,
    Failed,
    /// Could not be checked because an earlier check found the credential unreadable.
    NotChecked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeCheck {
    pub kind: BadgeCheckKind,
    pub status: BadgeCheckStatus,
    /// What fails, one sentence each; empty when the check passed.
    pub problems: Vec<String>,
}

/// The result of verifying a credential, and what it says where it could be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeVerification {
    pub valid: bool,
    /// The verdict in one sentence.
    pub summary: String,
    /// Every check, in order, each passed, failed or not checked.
    pub checks: Vec<BadgeCheck>,
    pub credential_id: Option<String>,
    pub issuer_id: Option<String>,
    pub issuer_name: Option<String>,
    /// The key that signed, as the header names it.
    pub key_id: Option<String>,
    pub achievement_name: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
}

impl BadgeVerification {
    /// Each failure as "check: problem", in the order of the checks.
    pub fn failures(&self) -> Vec<String> {
        self.checks
            .iter()
            .flat_map(|check| {
                check
                    .problems
                    .iter()
                    .map(move |problem| format!("{}: {problem}", check.kind.label()))
            })
            .collect()
    }

    pub fn check(&self, kind: BadgeCheckKind) -> Option<&BadgeCheck> {
        self.checks.iter().find(|check| check.kind == kind)
    }
}
