//! Open Badges 3.0: a certification from a real workspace is issued as a signed
//! OpenBadgeCredential that satisfies 1EdTech's published schema and verifies; a changed
//! character, an expired credential, another key and a broken shape each fail, naming why.

mod support;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use pilotdesk_core::badges::credential::sign_payload;
use pilotdesk_core::badges::{verify, IssuerKey};
use pilotdesk_core::model::badges::{BadgeCheckKind, BadgeCheckStatus, BadgeVerification};
use pilotdesk_core::workflows::badges;
use pilotdesk_core::{Error, Store};
use rusqlite::{params, OptionalExtension};
use serde_json::Value;

use support::{date, demo_store};

const SCHEMA: &str =
    include_str!("fixtures/openbadges/ob_v3p0_achievementcredential-jsonschema1.json");

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("test times are RFC 3339")
}

/// A coach from the demo's people, certified with plain SQL (the certify workflow is
/// another part of the work), on `certified_on` until `valid_until`.
fn certify(store: &Store, level: &str, certified_on: &str, valid_until: &str) -> (i64, String) {
    let conn = store.conn();
    let coach: String = conn
        .query_row(
            "SELECT id FROM people WHERE email <> ''
               AND id NOT IN (SELECT person_id FROM coaches) ORDER BY id LIMIT 1",
            [],
            |row| row.get(0),
        )
        .expect("the demo has people who are not coaches yet");
    // The shipped default standard, unless the workspace already has one.
    let standard =
        serde_json::to_string(&pilotdesk_core::workflows::coaches::standard::default_criteria())
            .unwrap();
    conn.execute(
        "INSERT OR IGNORE INTO certification_standards (version, name, criteria_json, created_at,
             created_by)
         VALUES (1, 'Internal coaching standard', ?1, '2026-01-05T09:00:00Z', 'L&D lead')",
        [standard],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO coaches (person_id, nominated_by, nominated_on, trained_on)
         VALUES (?1, 'Priya Raman', '2026-01-12', '2026-02-02')",
        [&coach],
    )
    .unwrap();
    let evidence = r#"[
        {"key": "training", "label": "Coach training completed", "met": true,
         "reason": "completed on 2 February 2026", "value": 1, "required": 1},
        {"key": "hours", "label": "Coaching hours logged", "met": true,
         "reason": "42 of 20 hours logged", "value": 42, "required": 20}
    ]"#;
    conn.execute(
        "INSERT INTO certifications (coach_id, level, standard_version, certified_on, valid_until,
             certified_by, evidence_json, created_at)
         VALUES (?1, ?2, (SELECT max(version) FROM certification_standards), ?3, ?4,
             'Priya Raman', ?5, '2026-03-02T10:00:00Z')",
        params![coach, level, certified_on, valid_until, evidence],
    )
    .unwrap();
    (conn.last_insert_rowid(), coach)
}

fn issued(store: &mut Store) -> (i64, String, pilotdesk_core::model::badges::IssuedBadge) {
    let (certification, coach) = certify(store, "certified", "2026-03-02", "2027-03-01");
    let badge = badges::issue(store, certification, date("2026-03-10")).expect("it issues");
    (certification, coach, badge)
}

fn payload(jws: &str) -> Value {
    let part = jws.split('.').nth(1).expect("three parts");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).expect("base64url")).expect("JSON")
}

fn header(jws: &str) -> Value {
    let part = jws.split('.').next().expect("three parts");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).expect("base64url")).expect("JSON")
}

fn workspace_key(store: &Store) -> IssuerKey {
    let (public, private): (String, String) = store
        .conn()
        .query_row(
            "SELECT public_key, private_key FROM issuer_keys",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("one issuer key");
    IssuerKey::decode(&public, &private).expect("the stored key reads back")
}

fn problems(verification: &BadgeVerification, kind: BadgeCheckKind) -> Vec<String> {
    verification
        .check(kind)
        .map(|check| check.problems.clone())
        .unwrap_or_default()
}

fn assert_fails(verification: &BadgeVerification, kind: BadgeCheckKind, needle: &str) {
    assert!(!verification.valid, "{verification:#?}");
    let found = problems(verification, kind);
    assert!(
        found.iter().any(|p| p.contains(needle)),
        "expected a {kind:?} problem containing {needle:?}, got {:#?}",
        verification.checks
    );
}

fn schema_errors(instance: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema fixture is JSON");
    assert_eq!(
        schema["$id"],
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json"
    );
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the official schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn an_issued_credential_satisfies_the_official_schema_and_verifies() {
    let mut store = demo_store();
    let (certification, coach, badge) = issued(&mut store);
    let email: String = store
        .conn()
        .query_row("SELECT email FROM people WHERE id = ?1", [&coach], |r| {
            r.get(0)
        })
        .unwrap();

    let claims = payload(&badge.credential);
    assert_eq!(schema_errors(&claims), Vec::<String>::new());
    let mut credential = claims.clone();
    for claim in ["iss", "jti", "sub", "nbf", "exp"] {
        credential.as_object_mut().unwrap().remove(claim);
    }
    assert_eq!(schema_errors(&credential), Vec::<String>::new());

    // The credential as the brief and the spec describe it.
    assert_eq!(
        claims["@context"],
        serde_json::json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ])
    );
    assert_eq!(
        claims["type"],
        serde_json::json!(["VerifiableCredential", "OpenBadgeCredential"])
    );
    assert!(claims["id"].as_str().unwrap().starts_with("urn:uuid:"));
    assert_eq!(claims["id"], badge.credential_id);
    let issuer = claims["issuer"]["id"].as_str().unwrap();
    assert!(issuer.starts_with("did:key:z6Mk"), "{issuer}");
    assert_eq!(issuer, badge.issuer_id);
    assert_eq!(claims["issuer"]["type"], serde_json::json!(["Profile"]));
    let workspace = pilotdesk_core::store::settings::load(store.conn()).unwrap();
    assert_eq!(claims["issuer"]["name"], workspace.workspace_name);
    assert_eq!(claims["validFrom"], "2026-03-02T00:00:00Z");
    assert_eq!(claims["validUntil"], "2027-03-01T23:59:59Z");
    let subject = &claims["credentialSubject"];
    assert_eq!(subject["type"], serde_json::json!(["AchievementSubject"]));
    let identity = &subject["identifier"][0];
    assert_eq!(identity["type"], "IdentityObject");
    assert_eq!(identity["identityType"], "emailAddress");
    assert_eq!(identity["hashed"], true);
    let salt = identity["salt"].as_str().unwrap();
    assert_eq!(
        identity["identityHash"],
        pilotdesk_core::badges::credential::identity_hash(&email, salt)
    );
    assert!(
        !badge.credential.contains(&email),
        "the email is never in clear"
    );
    let achievement = &subject["achievement"];
    assert_eq!(achievement["name"], "Certified internal coach");
    assert_eq!(achievement["achievementType"], "Certification");
    let narrative = achievement["criteria"]["narrative"].as_str().unwrap();
    assert!(narrative.contains("certified level of"), "{narrative}");
    assert!(
        narrative.contains("coaching hours logged as the coach"),
        "{narrative}"
    );

    // The VC-JWT claims repeat the credential; the header names the key as a did:key.
    assert_eq!(claims["iss"], claims["issuer"]["id"]);
    assert_eq!(claims["jti"], claims["id"]);
    assert_eq!(claims["sub"], subject["id"]);
    assert_eq!(claims["nbf"], at("2026-03-02T00:00:00Z").timestamp());
    assert_eq!(claims["exp"], at("2027-03-01T23:59:59Z").timestamp());
    let head = header(&badge.credential);
    assert_eq!(head["alg"], "EdDSA");
    assert_eq!(head["typ"], "JWT");
    assert_eq!(
        head["kid"].as_str().unwrap().split('#').next(),
        Some(issuer)
    );

    let verification = verify(&badge.credential, at("2026-06-01T12:00:00Z"));
    assert!(verification.valid, "{:#?}", verification.failures());
    assert!(verification
        .checks
        .iter()
        .all(|c| c.status == BadgeCheckStatus::Passed));
    assert!(
        verification.summary.starts_with("Valid"),
        "{}",
        verification.summary
    );
    assert_eq!(verification.issuer_id.as_deref(), Some(issuer));

    // Stored exactly as it left, with who issued it, and the change recorded.
    let stored: String = store
        .conn()
        .query_row(
            "SELECT credential FROM issued_badges WHERE certification_id = ?1",
            [certification],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, badge.credential);
    assert_eq!(badge.issued_by, workspace.current_user);
    let recorded: Option<String> = store
        .conn()
        .query_row(
            "SELECT summary FROM change_log WHERE entity = 'badge' AND entity_id = ?1",
            [badge.id.to_string()],
            |r| r.get(0),
        )
        .optional()
        .unwrap();
    assert!(recorded.unwrap().contains(&badge.credential_id));
}

#[test]
fn the_key_is_made_once_and_every_badge_is_signed_with_it() {
    let mut store = demo_store();
    assert_eq!(badges::issuer_id(&store).unwrap(), None);
    let (certification, _, first) = issued(&mut store);
    let second = badges::issue(&mut store, certification, date("2026-04-01")).unwrap();
    assert_ne!(first.credential_id, second.credential_id);
    assert_eq!(first.issuer_id, second.issuer_id);
    assert_eq!(
        badges::issuer_id(&store).unwrap(),
        Some(first.issuer_id.clone())
    );
    let keys: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM issuer_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(keys, 1);
    // The same achievement and the same opaque holder id on both.
    let (a, b) = (payload(&first.credential), payload(&second.credential));
    assert_eq!(
        a["credentialSubject"]["achievement"]["id"],
        b["credentialSubject"]["achievement"]["id"]
    );
    assert_eq!(a["sub"], b["sub"]);
    assert_ne!(
        a["credentialSubject"]["identifier"][0]["salt"],
        b["credentialSubject"]["identifier"][0]["salt"]
    );
    assert_eq!(badges::badges_for(&store, certification).unwrap().len(), 2);
}

#[test]
fn one_changed_character_breaks_the_signature() {
    let mut store = demo_store();
    let (_, _, badge) = issued(&mut store);
    let jws = &badge.credential;
    // Any one changed character in the payload makes the credential fail. Where the
    // payload still reads as JSON, it is the signature that names the change.
    let now = at("2026-06-01T12:00:00Z");
    let payload_start = jws.find('.').unwrap() + 1;
    let mut signature_failures = 0;
    for position in (payload_start + 20..payload_start + 400).step_by(7) {
        let original = jws.as_bytes()[position];
        let replacement = if original == b'A' { "B" } else { "A" };
        let mut changed = jws.clone();
        changed.replace_range(position..position + 1, replacement);
        let verification = verify(&changed, now);
        assert!(!verification.valid, "a change at {position} went unnoticed");
        if verification
            .check(BadgeCheckKind::Structure)
            .unwrap()
            .status
            == BadgeCheckStatus::Passed
        {
            assert_fails(
                &verification,
                BadgeCheckKind::Signature,
                "the signature does not match the issuer's key",
            );
            signature_failures += 1;
        }
    }
    assert!(signature_failures > 10, "{signature_failures}");

    // So does a changed signature.
    let last = jws.len() - 5;
    let mut changed = jws.clone();
    let replacement = if jws.as_bytes()[last] == b'A' {
        "B"
    } else {
        "A"
    };
    changed.replace_range(last..last + 1, replacement);
    assert_fails(
        &verify(&changed, now),
        BadgeCheckKind::Signature,
        "does not match",
    );

    // And a part cut off is not a JWS at all.
    let cut = &jws[..jws.rfind('.').unwrap()];
    let verification = verify(cut, now);
    assert_fails(&verification, BadgeCheckKind::Structure, "three parts");
    assert_eq!(
        verification
            .check(BadgeCheckKind::Signature)
            .unwrap()
            .status,
        BadgeCheckStatus::NotChecked
    );
}

#[test]
fn an_expired_credential_fails_naming_the_date() {
    let mut store = demo_store();
    let (_, _, badge) = issued(&mut store);
    let verification = verify(&badge.credential, at("2027-03-02T08:00:00Z"));
    assert_fails(
        &verification,
        BadgeCheckKind::Dates,
        "it expired on 2027-03-01T23:59:59Z",
    );
    // Only the dates fail: the signature is still the issuer's.
    assert_eq!(
        verification.failures().len(),
        1,
        "{:?}",
        verification.failures()
    );
    assert!(
        verification.summary.contains("expired on 2027-03-01"),
        "{}",
        verification.summary
    );

    let early = verify(&badge.credential, at("2026-03-01T23:00:00Z"));
    assert_fails(
        &early,
        BadgeCheckKind::Dates,
        "not valid yet: valid from 2026-03-02T00:00:00Z",
    );
}

#[test]
fn a_credential_signed_by_another_key_fails() {
    let mut store = demo_store();
    let (_, _, badge) = issued(&mut store);
    let now = at("2026-06-01T12:00:00Z");
    let claims = payload(&badge.credential);
    let other = IssuerKey::generate();

    // Signed by another key that names itself: it is not the issuer's key.
    let forged = sign_payload(&claims, &other).unwrap();
    let verification = verify(&forged, now);
    assert_fails(
        &verification,
        BadgeCheckKind::Signature,
        &format!(
            "signed with the key {}, which is not the issuer's",
            other.did()
        ),
    );

    // Signed by another key under the issuer's header: the signature does not match.
    let parts: Vec<&str> = badge.credential.split('.').collect();
    let signing_input = format!("{}.{}", parts[0], parts[1]);
    let signature = URL_SAFE_NO_PAD.encode(other.sign(signing_input.as_bytes()));
    let verification = verify(&format!("{signing_input}.{signature}"), now);
    assert_fails(
        &verification,
        BadgeCheckKind::Signature,
        &format!(
            "the signature does not match the issuer's key {}",
            badge.issuer_id
        ),
    );

    // Claiming to be another issuer, with the credential's issuer left alone: the claims
    // disagree, and the key is not that issuer's.
    let mut claims_other = claims.clone();
    claims_other["iss"] = Value::String(other.did());
    let verification = verify(&sign_payload(&claims_other, &other).unwrap(), now);
    assert_fails(&verification, BadgeCheckKind::Claims, "the iss claim");
}

#[test]
fn a_broken_shape_names_the_missing_field() {
    let mut store = demo_store();
    let (_, _, badge) = issued(&mut store);
    let key = workspace_key(&store);
    let now = at("2026-06-01T12:00:00Z");
    let mut claims = payload(&badge.credential);
    claims["credentialSubject"]["achievement"]
        .as_object_mut()
        .unwrap()
        .remove("name");
    claims.as_object_mut().unwrap().remove("validFrom");
    // Re-signed with the workspace's own key, so only the shape is wrong.
    let broken = sign_payload(&claims, &key).unwrap();
    let verification = verify(&broken, now);
    assert_fails(
        &verification,
        BadgeCheckKind::Shape,
        "credentialSubject.achievement.name is missing",
    );
    assert_fails(&verification, BadgeCheckKind::Shape, "validFrom is missing");
    assert!(problems(&verification, BadgeCheckKind::Signature).is_empty());
    // The official schema agrees that it is broken.
    assert!(!schema_errors(&claims).is_empty());

    // A claim that disagrees with the credential is named.
    let mut claims = payload(&badge.credential);
    claims["jti"] = Value::String("urn:uuid:00000000-0000-4000-8000-000000000000".into());
    let verification = verify(&sign_payload(&claims, &key).unwrap(), now);
    assert_fails(
        &verification,
        BadgeCheckKind::Claims,
        "the jti claim (\"urn:uuid:00000000-0000-4000-8000-000000000000\") is not the credential's id",
    );

    // Not a JWS at all.
    let verification = verify("{\"@context\": []}", now);
    assert_fails(
        &verification,
        BadgeCheckKind::Structure,
        "this is JSON, not a VC-JWT",
    );
}

#[test]
fn revoked_and_expired_certifications_are_refused() {
    let mut store = demo_store();
    let (expired, _) = certify(&store, "associate", "2025-01-10", "2026-01-09");
    let error = badges::issue(&mut store, expired, date("2026-03-10")).unwrap_err();
    assert!(matches!(error, Error::Conflict(_)), "{error}");
    assert!(
        error.to_string().contains("expired on 2026-01-09"),
        "{error}"
    );

    let (revoked, _) = certify(&store, "certified", "2026-01-10", "2027-01-09");
    store
        .conn()
        .execute(
            "UPDATE certifications SET revoked_on = '2026-02-20' WHERE id = ?1",
            [revoked],
        )
        .unwrap();
    let error = badges::issue(&mut store, revoked, date("2026-03-10")).unwrap_err();
    assert!(
        error.to_string().contains("revoked on 2026-02-20"),
        "{error}"
    );
    let dir = tempfile::tempdir().unwrap();
    let error = badges::save(
        &mut store,
        revoked,
        &dir.path().join("b.jwt"),
        date("2026-03-10"),
    )
    .unwrap_err();
    assert!(error.to_string().contains("revoked"), "{error}");

    let error = badges::issue(&mut store, 999_999, date("2026-03-10")).unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error}");
    let issued: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM issued_badges", [], |r| r.get(0))
        .unwrap();
    assert_eq!(issued, 0);
}

#[test]
fn save_writes_the_badge_whole_and_reuses_the_one_issued() {
    let mut store = demo_store();
    let (certification, _) = certify(&store, "certified", "2026-03-02", "2027-03-01");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coach.jwt");
    let first = badges::save(&mut store, certification, &path, date("2026-03-10")).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written.trim_end(), first.credential);
    let again = badges::save(&mut store, certification, &path, date("2026-03-11")).unwrap();
    assert_eq!(again.credential_id, first.credential_id);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, vec!["coach.jwt".to_string()]);

    let verification = badges::verify_file(&path, at("2026-06-01T12:00:00Z")).unwrap();
    assert!(verification.valid, "{:?}", verification.failures());
    let missing = badges::verify_file(&dir.path().join("none.jwt"), Utc::now()).unwrap_err();
    assert_eq!(missing.code(), "io");
    let error = badges::save(
        &mut store,
        certification,
        &dir.path().join("no/such/folder/b.jwt"),
        date("2026-03-10"),
    )
    .unwrap_err();
    assert!(error.to_string().contains("does not exist"), "{error}");
}

/// An independent implementation checks the signature: Python's `cryptography` (OpenSSL),
/// with its own reading of the JWS and the did:key. Skipped, saying so, where Python or the
/// package is missing; nothing is downloaded.
#[test]
fn an_independent_implementation_accepts_the_signature() {
    let available = std::process::Command::new("python3")
        .args(["-c", "import cryptography"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !available {
        eprintln!("skipped: python3 with the cryptography package is not installed");
        return;
    }
    let mut store = demo_store();
    let (_, _, badge) = issued(&mut store);
    let mut tampered = badge.credential.clone();
    let end = tampered.len() - 3;
    let replacement = if tampered.as_bytes()[end] == b'A' {
        "B"
    } else {
        "A"
    };
    tampered.replace_range(end..end + 1, replacement);
    let mut child = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/openbadges/verify_jws.py"
        ))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{}\n{}", badge.credential, tampered).unwrap();
    }
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), "valid\ninvalid\n");
}
