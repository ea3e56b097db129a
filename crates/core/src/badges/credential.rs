//! An OpenBadgeCredential (Open Badges 3.0 on the W3C Verifiable Credentials data model 2.0)
//! and its VC-JWT proof: the credential is the JWT payload, signed with EdDSA as a compact JWS.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::keys::{self, IssuerKey};
use crate::error::{Error, Result};

pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// 1EdTech's JSON schema for the credential, named so a verifier knows what to check it with.
pub const OB_SCHEMA: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
pub const OB_SCHEMA_TYPE: &str = "1EdTechJsonSchemaValidator2019";

/// What a credential says, decided by the workflow before anything is signed.
#[derive(Debug, Clone)]
pub struct BadgeFacts {
    /// `urn:uuid:…`, new for every credential.
    pub credential_id: String,
    /// The workspace's name, as the issuer's display name.
    pub issuer_name: String,
    /// A stable, opaque id for the recipient (`urn:uuid:…`): the JWT `sub` needs one, and
    /// an opaque one says nothing about the person to whoever reads the credential.
    pub subject_id: String,
    pub email: String,
    pub salt: String,
    pub achievement: Achievement,
    pub valid_from: DateTime<Utc>,
    pub valid_until: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Achievement {
    /// `urn:uuid:…`, the same for every credential of one level of one standard.
    pub id: String,
    pub name: String,
    pub description: String,
    /// What earning it takes, in words (Markdown is allowed by the spec).
    pub criteria: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OpenBadgeCredential {
    #[serde(rename = "@context")]
    pub context: Vec<String>,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    pub name: String,
    pub description: String,
    pub issuer: Profile,
    #[serde(rename = "validFrom")]
    pub valid_from: String,
    #[serde(rename = "validUntil")]
    pub valid_until: String,
    #[serde(rename = "credentialSubject")]
    pub credential_subject: AchievementSubject,
    #[serde(rename = "credentialSchema")]
    pub credential_schema: Vec<CredentialSchema>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AchievementSubject {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    pub identifier: Vec<IdentityObject>,
    pub achievement: AchievementObject,
}

#[derive(Debug, Clone, Serialize)]
pub struct IdentityObject {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(rename = "identityHash")]
    pub identity_hash: String,
    #[serde(rename = "identityType")]
    pub identity_type: String,
    pub hashed: bool,
    pub salt: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AchievementObject {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// "Certification" in the spec's vocabulary: time-limited, revocable and renewable,
    /// awarded for the ability to do specific work. A coach certification is exactly that.
    #[serde(rename = "achievementType")]
    pub achievement_type: String,
    pub name: String,
    pub description: String,
    pub criteria: Criteria,
}

#[derive(Debug, Clone, Serialize)]
pub struct Criteria {
    pub narrative: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CredentialSchema {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
}

/// A date-time as the credential writes it: UTC to the second, `…Z`.
pub fn date_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `sha256$<hex>` of the email with its salt appended, as the spec's IdentityHash says. The
/// address is trimmed and lower-cased first, so a verifier who types it with other
/// capitals still finds the same hash.
pub fn identity_hash(email: &str, salt: &str) -> String {
    let mut digest = Sha256::new();
    digest.update(email.trim().to_lowercase().as_bytes());
    digest.update(salt.as_bytes());
    let hex: String = digest
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("sha256${hex}")
}

pub fn credential(facts: &BadgeFacts, issuer_did: &str) -> OpenBadgeCredential {
    let achievement = &facts.achievement;
    OpenBadgeCredential {
        context: vec![VC_CONTEXT.into(), OB_CONTEXT.into()],
        id: facts.credential_id.clone(),
        kind: vec!["VerifiableCredential".into(), "OpenBadgeCredential".into()],
        name: achievement.name.clone(),
        description: format!(
            "{} awarded by {}, valid from {} until {}.",
            achievement.name,
            facts.issuer_name,
            facts.valid_from.format("%-d %B %Y"),
            facts.valid_until.format("%-d %B %Y"),
        ),
        issuer: Profile {
            id: issuer_did.into(),
            kind: vec!["Profile".into()],
            name: facts.issuer_name.clone(),
        },
        valid_from: date_time(facts.valid_from),
        valid_until: date_time(facts.valid_until),
        credential_subject: AchievementSubject {
            id: facts.subject_id.clone(),
            kind: vec!["AchievementSubject".into()],
            identifier: vec![IdentityObject {
                kind: "IdentityObject".into(),
                identity_hash: identity_hash(&facts.email, &facts.salt),
                identity_type: "emailAddress".into(),
                hashed: true,
                salt: facts.salt.clone(),
            }],
            achievement: AchievementObject {
                id: achievement.id.clone(),
                kind: vec!["Achievement".into()],
                achievement_type: "Certification".into(),
                name: achievement.name.clone(),
                description: achievement.description.clone(),
                criteria: Criteria {
                    narrative: achievement.criteria.clone(),
                },
            },
        },
        credential_schema: vec![CredentialSchema {
            id: OB_SCHEMA.into(),
            kind: OB_SCHEMA_TYPE.into(),
        }],
    }
}

/// The JWT payload: the credential itself with the registered claims the spec's VC-JWT
/// section asks for, each repeating a field of the credential.
pub fn payload(credential: &OpenBadgeCredential, facts: &BadgeFacts) -> Result<Value> {
    let mut payload = serde_json::to_value(credential)
        .map_err(|e| Error::Conflict(format!("the credential could not be written: {e}")))?;
    if let Some(claims) = payload.as_object_mut() {
        claims.insert("iss".into(), json!(credential.issuer.id));
        claims.insert("jti".into(), json!(credential.id));
        claims.insert("sub".into(), json!(credential.credential_subject.id));
        claims.insert("nbf".into(), json!(facts.valid_from.timestamp()));
        claims.insert("exp".into(), json!(facts.valid_until.timestamp()));
    }
    Ok(payload)
}

/// Signs a JWT payload with the issuer's key: the compact JWS
/// `BASE64URL(header).BASE64URL(payload).BASE64URL(signature)`. The header names the key
/// twice: `kid` for verifiers that resolve a did:key, `jwk` for those that only read JWKs.
pub fn sign_payload(payload: &Value, key: &IssuerKey) -> Result<String> {
    let header = json!({
        "alg": "EdDSA",
        "typ": "JWT",
        "kid": key.key_id(),
        "jwk": keys::jwk(&key.public_key()),
    });
    let encode = |value: &Value| {
        serde_json::to_vec(value)
            .map(|bytes| URL_SAFE_NO_PAD.encode(bytes))
            .map_err(|e| Error::Conflict(format!("the credential could not be written: {e}")))
    };
    let signing_input = format!("{}.{}", encode(&header)?, encode(payload)?);
    let signature = key.sign(signing_input.as_bytes());
    Ok(format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature)
    ))
}

/// The signed credential, ready to hand to its holder.
pub fn sign(facts: &BadgeFacts, key: &IssuerKey) -> Result<String> {
    let credential = credential(facts, &key.did());
    sign_payload(&payload(&credential, facts)?, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_an_identity_as_the_spec_example_does() {
        // The spec's IdentityHash example: 'a@example.com' salted with 'Kosher'.
        assert_eq!(
            identity_hash("a@example.com", "Kosher"),
            "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"
        );
        assert_eq!(
            identity_hash("  A@Example.com ", "Kosher"),
            identity_hash("a@example.com", "Kosher")
        );
    }
}
