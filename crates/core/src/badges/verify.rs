//! Verifying a VC-JWT Open Badges credential offline: its structure, its EdDSA signature
//! against the issuer's did:key, its dates, its shape, and that the JWT claims agree with
//! the credential. Every failure is named; nothing here needs the workspace.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::credential::{date_time, VC_CONTEXT};
use super::keys;
use crate::model::badges::{BadgeCheck, BadgeCheckKind, BadgeCheckStatus, BadgeVerification};

/// More than any credential needs; a bigger file is something else.
pub const MAX_BYTES: usize = 1 << 20;

/// The JOSE headers the Open Badges VC-JWT section allows; it allows no others.
const HEADERS: [&str; 4] = ["alg", "kid", "jwk", "typ"];

/// Checks `text`, a compact JWS, as of `now`.
pub fn verify(text: &str, now: DateTime<Utc>) -> BadgeVerification {
    let mut found = Found::default();
    let jws = match parse(text.trim()) {
        Ok(jws) => jws,
        Err(problems) => return found.finish(vec![failed(BadgeCheckKind::Structure, problems)]),
    };
    let credential = credential_of(&jws.payload);
    found.read(&jws, credential);
    let checks = vec![
        checked(BadgeCheckKind::Structure, header_problems(&jws.header)),
        checked(
            BadgeCheckKind::Signature,
            signature_problems(&jws, credential),
        ),
        dates(credential, now),
        checked(BadgeCheckKind::Shape, shape_problems(credential)),
        checked(
            BadgeCheckKind::Claims,
            claim_problems(&jws.payload, credential),
        ),
    ];
    found.finish(checks)
}

struct Jws<'a> {
    header: Map<String, Value>,
    payload: Map<String, Value>,
    /// `BASE64URL(header).BASE64URL(payload)`, the bytes the signature covers.
    signing_input: &'a str,
    signature: Vec<u8>,
}

fn parse(text: &str) -> Result<Jws<'_>, Vec<String>> {
    if text.is_empty() {
        return Err(vec!["the file is empty".into()]);
    }
    if text.len() > MAX_BYTES {
        return Err(vec![
            "it is larger than 1 MiB; a credential is a few kilobytes".into(),
        ]);
    }
    if text.starts_with('{') {
        return Err(vec![
            "this is JSON, not a VC-JWT: Pilotdesk verifies credentials signed as a compact \
             JWS (three base64url parts separated by dots)"
                .into(),
        ]);
    }
    let parts: Vec<&str> = text.split('.').collect();
    if parts.len() != 3 {
        return Err(vec![format!(
            "a compact JWS has three parts separated by dots; this has {}",
            parts.len()
        )]);
    }
    let mut problems = Vec::new();
    let mut object = |index: usize, name: &str| -> Option<Map<String, Value>> {
        let bytes = match URL_SAFE_NO_PAD.decode(parts[index]) {
            Ok(bytes) => bytes,
            Err(_) => {
                problems.push(format!("the {name} (part {}) is not base64url", index + 1));
                return None;
            }
        };
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Object(map)) => Some(map),
            Ok(_) => {
                problems.push(format!("the {name} is not a JSON object"));
                None
            }
            Err(e) => {
                problems.push(format!("the {name} is not JSON: {e}"));
                None
            }
        }
    };
    let header = object(0, "header");
    let payload = object(1, "payload");
    let signature = match URL_SAFE_NO_PAD.decode(parts[2]) {
        Ok(bytes) if bytes.len() == 64 => Some(bytes),
        Ok(bytes) => {
            problems.push(format!(
                "the signature is {} bytes; an Ed25519 signature is 64",
                bytes.len()
            ));
            None
        }
        Err(_) => {
            problems.push("the signature (part 3) is not base64url".into());
            None
        }
    };
    match (header, payload, signature) {
        (Some(header), Some(payload), Some(signature)) if problems.is_empty() => Ok(Jws {
            header,
            payload,
            signing_input: &text[..parts[0].len() + 1 + parts[1].len()],
            signature,
        }),
        _ => Err(problems),
    }
}

/// The credential inside the payload: the payload itself (VC data model 2.0), or its `vc`
/// claim for credentials made the VC 1.1 way, which the spec tells verifiers to accept.
fn credential_of(payload: &Map<String, Value>) -> &Map<String, Value> {
    match payload.get("vc") {
        Some(Value::Object(vc)) if !payload.contains_key("@context") => vc,
        _ => payload,
    }
}

fn header_problems(header: &Map<String, Value>) -> Vec<String> {
    let mut problems = Vec::new();
    for name in header.keys() {
        if !HEADERS.contains(&name.as_str()) {
            problems.push(format!(
                "the header has \"{name}\"; Open Badges allows only alg, kid, jwk and typ"
            ));
        }
    }
    match header.get("typ") {
        None => {}
        Some(Value::String(typ)) if typ == "JWT" => {}
        Some(other) => problems.push(format!("the header's typ is {other}; it must be \"JWT\"")),
    }
    problems
}

fn signature_problems(jws: &Jws, credential: &Map<String, Value>) -> Vec<String> {
    let alg = jws.header.get("alg").and_then(Value::as_str);
    if alg != Some("EdDSA") {
        return vec![match alg {
            Some(alg) => {
                format!("it is signed with {alg}; Pilotdesk checks EdDSA (Ed25519) signatures only")
            }
            None => "the header names no signing algorithm (alg)".into(),
        }];
    }
    let issuer = jws
        .payload
        .get("iss")
        .and_then(Value::as_str)
        .or_else(|| issuer_id(credential));
    let Some(issuer) = issuer else {
        return vec!["there is no issuer (iss or issuer.id) whose key could be checked".into()];
    };
    let kid = jws.header.get("kid").and_then(Value::as_str);
    let jwk = jws.header.get("jwk");
    // The key comes from the header; the issuer's did:key says whether it is theirs.
    let key = match (kid, jwk) {
        (Some(kid), jwk) => {
            let Some(kid_did) = kid.split('#').next().filter(|d| d.starts_with("did:key:")) else {
                return vec![format!(
                    "the signing key {kid} cannot be read without a network; Pilotdesk reads \
                     keys from a did:key"
                )];
            };
            let key = match keys::public_key_from_did(kid) {
                Ok(key) => key,
                Err(why) => return vec![why],
            };
            if kid_did != issuer {
                return vec![format!(
                    "it was signed with the key {kid_did}, which is not the issuer's ({issuer})"
                )];
            }
            if let Some(jwk) = jwk {
                if keys::public_key_from_jwk(jwk).ok() != Some(key) {
                    return vec!["the header's jwk is not the key its kid names".into()];
                }
            }
            key
        }
        (None, Some(jwk)) => {
            let key = match keys::public_key_from_jwk(jwk) {
                Ok(key) => key,
                Err(why) => return vec![why],
            };
            match keys::public_key_from_did(issuer) {
                Ok(issuer_key) if issuer_key == key => key,
                Ok(_) => {
                    return vec![format!(
                        "it was signed with {}, which is not the issuer's key ({issuer})",
                        keys::did_key(&key)
                    )]
                }
                Err(why) => return vec![format!("the issuer's key cannot be read: {why}")],
            }
        }
        (None, None) => match keys::public_key_from_did(issuer) {
            Ok(key) => key,
            Err(why) => return vec![format!("the issuer's key cannot be read: {why}")],
        },
    };
    let signature: [u8; 64] = match jws.signature.as_slice().try_into() {
        Ok(signature) => signature,
        Err(_) => return vec!["the signature is not 64 bytes".into()],
    };
    if keys::verifies(&key, jws.signing_input.as_bytes(), &signature) {
        Vec::new()
    } else {
        vec![format!(
            "the signature does not match the issuer's key {}: the credential was changed \
             after it was signed, or another key signed it",
            keys::did_key(&key)
        )]
    }
}

fn dates(credential: &Map<String, Value>, now: DateTime<Utc>) -> BadgeCheck {
    let from = credential.get("validFrom").and_then(Value::as_str);
    let until = credential.get("validUntil").and_then(Value::as_str);
    // A missing or unreadable date is a shape problem, reported there once.
    let (Some(from), Ok(until)) = (
        from.and_then(parse_date_time),
        until.map(|u| parse_date_time(u).ok_or(())).transpose(),
    ) else {
        return BadgeCheck {
            kind: BadgeCheckKind::Dates,
            status: BadgeCheckStatus::NotChecked,
            problems: Vec::new(),
        };
    };
    let mut problems = Vec::new();
    if now < from {
        problems.push(format!(
            "it is not valid yet: valid from {} (checked at {})",
            date_time(from),
            date_time(now)
        ));
    }
    if let Some(until) = until {
        if now > until {
            problems.push(format!(
                "it expired on {} (checked at {})",
                date_time(until),
                date_time(now)
            ));
        }
    }
    checked(BadgeCheckKind::Dates, problems)
}

fn parse_date_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|at| at.with_timezone(&Utc))
}

fn issuer_id(credential: &Map<String, Value>) -> Option<&str> {
    match credential.get("issuer") {
        Some(Value::String(id)) => Some(id),
        Some(Value::Object(profile)) => profile.get("id").and_then(Value::as_str),
        _ => None,
    }
}

/// The fields Open Badges 3.0 requires of an OpenBadgeCredential, each named by its path.
fn shape_problems(credential: &Map<String, Value>) -> Vec<String> {
    let mut shape = Shape::default();
    match credential.get("@context").and_then(Value::as_array) {
        None => shape.missing_or("@context", credential.get("@context"), "an array"),
        Some(context) => {
            if context.first().and_then(Value::as_str) != Some(VC_CONTEXT) {
                shape.problem(format!("@context must start with {VC_CONTEXT}"));
            }
            let ob = context.get(1).and_then(Value::as_str).unwrap_or_default();
            if !is_ob_context(ob) {
                shape.problem(
                    "@context's second entry must be an Open Badges 3.0 context \
                     (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json)",
                );
            }
        }
    }
    shape.uri(credential, "", "id");
    shape.types(
        credential,
        "",
        &["VerifiableCredential"],
        &["OpenBadgeCredential", "AchievementCredential"],
    );
    match credential.get("issuer") {
        Some(Value::String(_)) => {
            shape.problem("issuer must be a Profile object with an id and a type");
        }
        Some(Value::Object(issuer)) => {
            shape.uri(issuer, "issuer.", "id");
            shape.types(issuer, "issuer.", &["Profile"], &[]);
        }
        other => shape.missing_or("issuer", other, "a Profile object"),
    }
    for (field, required) in [("validFrom", true), ("validUntil", false)] {
        match credential.get(field) {
            None if !required => {}
            Some(Value::String(text)) if parse_date_time(text).is_some() => {}
            other => shape.missing_or(field, other, "a date-time such as 2026-03-01T00:00:00Z"),
        }
    }
    for field in ["name", "description"] {
        if let Some(value) = credential.get(field).filter(|v| !v.is_string()) {
            shape.missing_or(field, Some(value), "text");
        }
    }
    match credential.get("credentialSubject") {
        Some(Value::Object(subject)) => shape.subject(subject),
        other => shape.missing_or("credentialSubject", other, "an object"),
    }
    shape.problems
}

fn is_ob_context(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("https://purl.imsglobal.org/spec/ob/v3p0/context") else {
        return false;
    };
    let Some(version) = rest.strip_suffix(".json") else {
        return false;
    };
    // "", or "-3.d.d" as the schema's pattern allows.
    version.is_empty()
        || version
            .strip_prefix("-3.")
            .map(|v| {
                let bytes = v.as_bytes();
                bytes.len() == 3
                    && bytes[0].is_ascii_digit()
                    && bytes[1] == b'.'
                    && bytes[2].is_ascii_digit()
            })
            .unwrap_or(false)
}

#[derive(Default)]
struct Shape {
    problems: Vec<String>,
}

impl Shape {
    fn problem(&mut self, text: impl Into<String>) {
        self.problems.push(text.into());
    }

    fn missing_or(&mut self, path: &str, value: Option<&Value>, what: &str) {
        match value {
            None | Some(Value::Null) => self.problem(format!("{path} is missing")),
            Some(_) => self.problem(format!("{path} must be {what}")),
        }
    }

    fn uri(&mut self, object: &Map<String, Value>, prefix: &str, field: &str) {
        match object.get(field) {
            Some(Value::String(id)) if id.contains(':') => {}
            Some(Value::String(_)) => {
                self.problem(format!("{prefix}{field} must be a URI"));
            }
            other => self.missing_or(&format!("{prefix}{field}"), other, "a URI"),
        }
    }

    /// `type` must hold every one of `all` and, when `any` is given, one of `any`.
    fn types(&mut self, object: &Map<String, Value>, prefix: &str, all: &[&str], any: &[&str]) {
        let path = format!("{prefix}type");
        let names: Vec<&str> = match object.get("type") {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            // A single string is allowed by the VC data model for some objects.
            Some(Value::String(one)) => vec![one.as_str()],
            other => {
                self.missing_or(&path, other, "a list of types");
                return;
            }
        };
        for name in all {
            if !names.contains(name) {
                self.problem(format!("{path} must include {name}"));
            }
        }
        if !any.is_empty() && !any.iter().any(|name| names.contains(name)) {
            self.problem(format!("{path} must include {}", any.join(" or ")));
        }
    }

    fn subject(&mut self, subject: &Map<String, Value>) {
        let prefix = "credentialSubject.";
        self.types(subject, prefix, &["AchievementSubject"], &[]);
        let identifiers = subject.get("identifier");
        if subject.get("id").is_none() && identifiers.is_none() {
            self.problem(
                "credentialSubject needs an id or an identifier: nothing says who earned it",
            );
        }
        match identifiers {
            None => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    self.identity(&format!("{prefix}identifier[{i}]"), item);
                }
            }
            other => self.missing_or(&format!("{prefix}identifier"), other, "a list"),
        }
        match subject.get("achievement") {
            Some(Value::Object(achievement)) => {
                let prefix = "credentialSubject.achievement.";
                self.uri(achievement, prefix, "id");
                self.types(achievement, prefix, &["Achievement"], &[]);
                for field in ["name", "description"] {
                    match achievement.get(field) {
                        Some(Value::String(_)) => {}
                        other => self.missing_or(&format!("{prefix}{field}"), other, "text"),
                    }
                }
                match achievement.get("criteria") {
                    Some(Value::Object(criteria)) => {
                        if !criteria.contains_key("id") && !criteria.contains_key("narrative") {
                            self.problem(format!(
                                "{prefix}criteria needs a narrative or an id: it says what \
                                 earning the badge takes"
                            ));
                        }
                    }
                    other => self.missing_or(&format!("{prefix}criteria"), other, "an object"),
                }
            }
            other => self.missing_or("credentialSubject.achievement", other, "an object"),
        }
    }

    fn identity(&mut self, path: &str, item: &Value) {
        let Some(identity) = item.as_object() else {
            self.problem(format!("{path} must be an IdentityObject"));
            return;
        };
        if identity.get("type").and_then(Value::as_str) != Some("IdentityObject") {
            self.problem(format!("{path}.type must be IdentityObject"));
        }
        match identity.get("hashed") {
            Some(Value::Bool(_)) => {}
            other => self.missing_or(&format!("{path}.hashed"), other, "true or false"),
        }
        for field in ["identityHash", "identityType"] {
            match identity.get(field) {
                Some(Value::String(_)) => {}
                other => self.missing_or(&format!("{path}.{field}"), other, "text"),
            }
        }
        if let (Some(Value::Bool(true)), Some(Value::String(hash))) =
            (identity.get("hashed"), identity.get("identityHash"))
        {
            let well_formed = hash.split_once('$').is_some_and(|(algorithm, hex)| {
                let length = match algorithm {
                    "sha256" => 64,
                    "md5" => 32,
                    _ => 0,
                };
                hex.len() == length && hex.bytes().all(|b| b.is_ascii_hexdigit())
            });
            if !well_formed {
                self.problem(format!(
                    "{path}.identityHash must be sha256$ or md5$ followed by the hash in hex"
                ));
            }
        }
    }
}

/// The registered JWT claims must repeat the credential, as the spec's VC-JWT section
/// says; a claim that disagrees is how a payload edited around its credential shows.
fn claim_problems(payload: &Map<String, Value>, credential: &Map<String, Value>) -> Vec<String> {
    let mut problems = Vec::new();
    let text = |map: &Map<String, Value>, key: &str| {
        map.get(key).and_then(Value::as_str).map(str::to_owned)
    };
    let subject_id = credential
        .get("credentialSubject")
        .and_then(Value::as_object)
        .and_then(|subject| text(subject, "id"));
    for (claim, field, value) in [
        ("iss", "issuer.id", issuer_id(credential).map(str::to_owned)),
        ("jti", "id", text(credential, "id")),
        ("sub", "credentialSubject.id", subject_id),
    ] {
        match (payload.get(claim), value) {
            (None, _) => problems.push(format!("the payload has no {claim} claim")),
            (Some(Value::String(claimed)), Some(value)) if *claimed == value => {}
            (Some(claimed), value) => problems.push(format!(
                "the {claim} claim ({claimed}) is not the credential's {field} ({})",
                value.as_deref().unwrap_or("missing")
            )),
        }
    }
    for (claim, field, required) in [("nbf", "validFrom", true), ("exp", "validUntil", false)] {
        let field_time = credential
            .get(field)
            .and_then(Value::as_str)
            .and_then(parse_date_time);
        match (payload.get(claim), field_time) {
            (None, None) if !required => {}
            (None, _) => problems.push(format!("the payload has no {claim} claim")),
            (Some(claimed), field_time) => {
                let claimed_time = claimed
                    .as_i64()
                    .and_then(|seconds| DateTime::<Utc>::from_timestamp(seconds, 0));
                match (claimed_time, field_time) {
                    (Some(a), Some(b)) if a == b => {}
                    (Some(a), b) => problems.push(format!(
                        "the {claim} claim ({}) is not the credential's {field} ({})",
                        date_time(a),
                        b.map_or("missing".to_string(), date_time)
                    )),
                    (None, _) => problems.push(format!(
                        "the {claim} claim ({claimed}) is not a time in seconds"
                    )),
                }
            }
        }
    }
    problems
}

/// A check that ran: passed when it found no problem.
fn checked(kind: BadgeCheckKind, problems: Vec<String>) -> BadgeCheck {
    BadgeCheck {
        kind,
        status: if problems.is_empty() {
            BadgeCheckStatus::Passed
        } else {
            BadgeCheckStatus::Failed
        },
        problems,
    }
}

fn failed(kind: BadgeCheckKind, problems: Vec<String>) -> BadgeCheck {
    BadgeCheck {
        kind,
        status: BadgeCheckStatus::Failed,
        problems,
    }
}

/// What the credential says, where it could be read, for the verdict.
#[derive(Default)]
struct Found {
    credential_id: Option<String>,
    issuer_id: Option<String>,
    issuer_name: Option<String>,
    key_id: Option<String>,
    achievement_name: Option<String>,
    valid_from: Option<String>,
    valid_until: Option<String>,
}

impl Found {
    fn read(&mut self, jws: &Jws, credential: &Map<String, Value>) {
        let text = |value: Option<&Value>| value.and_then(Value::as_str).map(str::to_owned);
        self.credential_id = text(credential.get("id"));
        self.issuer_id = issuer_id(credential).map(str::to_owned);
        self.issuer_name = text(credential.get("issuer").and_then(|i| i.get("name")));
        self.key_id = text(jws.header.get("kid"));
        self.achievement_name = text(
            credential
                .get("credentialSubject")
                .and_then(|s| s.get("achievement"))
                .and_then(|a| a.get("name")),
        )
        .or_else(|| text(credential.get("name")));
        self.valid_from = text(credential.get("validFrom"));
        self.valid_until = text(credential.get("validUntil"));
    }

    fn finish(self, mut checks: Vec<BadgeCheck>) -> BadgeVerification {
        for kind in [
            BadgeCheckKind::Structure,
            BadgeCheckKind::Signature,
            BadgeCheckKind::Dates,
            BadgeCheckKind::Shape,
            BadgeCheckKind::Claims,
        ] {
            if !checks.iter().any(|check| check.kind == kind) {
                checks.push(BadgeCheck {
                    kind,
                    status: BadgeCheckStatus::NotChecked,
                    problems: Vec::new(),
                });
            }
        }
        let failures: usize = checks.iter().map(|check| check.problems.len()).sum();
        let valid = failures == 0
            && checks
                .iter()
                .all(|check| check.status == BadgeCheckStatus::Passed);
        let summary = if valid {
            format!(
                "Valid: \"{}\" issued by {} ({}), valid from {}{}",
                self.achievement_name.as_deref().unwrap_or("credential"),
                self.issuer_name.as_deref().unwrap_or("an unnamed issuer"),
                self.issuer_id.as_deref().unwrap_or_default(),
                self.valid_from.as_deref().unwrap_or_default(),
                self.valid_until
                    .as_deref()
                    .map(|until| format!(" until {until}"))
                    .unwrap_or_default(),
            )
        } else {
            let first = checks
                .iter()
                .find_map(|check| {
                    check
                        .problems
                        .first()
                        .map(|problem| format!("{}: {problem}", check.kind.label()))
                })
                .unwrap_or_else(|| "it could not be checked".into());
            match failures {
                0 | 1 => format!("Not valid: {first}"),
                n => format!("Not valid ({n} problems): {first}"),
            }
        };
        BadgeVerification {
            valid,
            summary,
            checks,
            credential_id: self.credential_id,
            issuer_id: self.issuer_id,
            issuer_name: self.issuer_name,
            key_id: self.key_id,
            achievement_name: self.achievement_name,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
        }
    }
}
