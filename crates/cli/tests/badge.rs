//! `pilotdesk badge issue` and `badge verify`: a certification issued to a file verifies
//! (exit 0); a changed character, an expired credential and another key's signature exit 3
//! naming each failure; a revoked certification is refused (exit 2).

mod support;

use std::path::Path;

use chrono::{Duration, Local, NaiveTime, Utc};
use pilotdesk_core::badges::credential::{self, Achievement, BadgeFacts};
use pilotdesk_core::badges::IssuerKey;
use pilotdesk_core::Store;

use support::{json, ok, pilotdesk, refused, stderr, stdout, workspace};

/// A certification of a demo person, inserted with plain SQL (certifying is another
/// command's work), valid from ten days ago for a year unless `revoked`.
fn certification(db: &Path, revoked: bool) -> i64 {
    let store = Store::open(db).expect("the workspace opens");
    let conn = store.conn();
    let today = Local::now().date_naive();
    let coach: String = conn
        .query_row(
            "SELECT id FROM people WHERE email <> ''
               AND id NOT IN (SELECT person_id FROM coaches) ORDER BY id LIMIT 1",
            [],
            |row| row.get(0),
        )
        .expect("a person who is not a coach yet");
    conn.execute(
        "INSERT OR IGNORE INTO certification_standards (version, name, criteria_json, created_at,
             created_by)
         VALUES (1, 'Internal coaching standard', '{}', '2026-01-05T09:00:00Z', 'L&D lead')",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO coaches (person_id, nominated_by, nominated_on) VALUES (?1, 'Priya', ?2)",
        [coach.clone(), (today - Duration::days(60)).to_string()],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO certifications (coach_id, level, standard_version, certified_on, valid_until,
             certified_by, evidence_json, created_at, revoked_on)
         VALUES (?1, 'certified', 1, ?2, ?3, 'Priya', '[]', '2026-01-01T00:00:00Z', ?4)",
        [
            Some(coach),
            Some((today - Duration::days(10)).to_string()),
            Some((today + Duration::days(365)).to_string()),
            revoked.then(|| today.to_string()),
        ],
    )
    .unwrap();
    conn.last_insert_rowid()
}

fn verify_failures(db: &Path, file: &Path) -> String {
    let output = pilotdesk(db, &["badge", "verify", &file.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(3), "{}", stdout(&output));
    stderr(&output)
}

#[test]
fn an_issued_badge_verifies_and_a_changed_one_exits_3() {
    let (dir, db) = workspace();
    ok(&db, &["demo"]);
    let id = certification(&db, false).to_string();
    let file = dir.path().join("coach.jwt");
    let said = ok(
        &db,
        &["badge", "issue", &id, "--out", &file.to_string_lossy()],
    );
    assert!(said.contains("Issued urn:uuid:"), "{said}");
    assert!(said.contains("signed by did:key:z6Mk"), "{said}");

    let said = ok(&db, &["badge", "verify", &file.to_string_lossy()]);
    assert!(
        said.starts_with("Valid: \"Certified internal coach\""),
        "{said}"
    );
    assert!(said.contains("The issuer is this workspace."), "{said}");
    let verdict = json(&db, &["badge", "verify", &file.to_string_lossy(), "--json"]);
    assert_eq!(verdict["valid"], true);
    assert_eq!(verdict["checks"].as_array().unwrap().len(), 5);

    // One character changed in the signature.
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.trim_end();
    let at = text.len() - 4;
    let replacement = if &text[at..at + 1] == "A" { "B" } else { "A" };
    let changed = dir.path().join("changed.jwt");
    std::fs::write(
        &changed,
        format!("{}{replacement}{}", &text[..at], &text[at + 1..]),
    )
    .unwrap();
    let said = verify_failures(&db, &changed);
    assert!(said.contains("is not a valid credential"), "{said}");
    assert!(
        said.contains("signature: the signature does not match the issuer's key"),
        "{said}"
    );
    // --json still exits 3, with the verdict on standard output.
    let output = pilotdesk(
        &db,
        &["badge", "verify", &changed.to_string_lossy(), "--json"],
    );
    assert_eq!(output.status.code(), Some(3));
    let verdict: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(verdict["valid"], false);
    assert_eq!(verdict["checks"][1]["kind"], "signature");
    assert_eq!(verdict["checks"][1]["status"], "failed");

    // Not a credential at all.
    let junk = dir.path().join("junk.jwt");
    std::fs::write(&junk, "hello").unwrap();
    assert!(verify_failures(&db, &junk).contains("structure: a compact JWS has three parts"));
    // A file that is not there is the machine's failure to read it.
    let output = pilotdesk(&db, &["badge", "verify", "no-such-file.jwt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no-such-file.jwt"));
}

fn facts(valid_days: std::ops::Range<i64>) -> BadgeFacts {
    let midnight = |days: i64| {
        (Utc::now().date_naive() + Duration::days(days))
            .and_time(NaiveTime::MIN)
            .and_utc()
    };
    BadgeFacts {
        credential_id: "urn:uuid:7b0c3a8e-4f0b-4f7e-9d54-0f6e1c2b3a41".into(),
        issuer_name: "Northfield".into(),
        subject_id: "urn:uuid:0d7a5f3e-2b6c-5d8e-9f10-a1b2c3d4e5f6".into(),
        email: "ana@example.com".into(),
        salt: "b9f2".into(),
        achievement: Achievement {
            id: "urn:uuid:5b1f7d8c-3a2e-5c4d-8e9f-0a1b2c3d4e5f".into(),
            name: "Certified internal coach".into(),
            description: "An internal coach certified against the standard.".into(),
            criteria: "Training, hours, observed sessions and feedback.".into(),
        },
        valid_from: midnight(valid_days.start),
        valid_until: midnight(valid_days.end),
    }
}

#[test]
fn an_expired_credential_and_another_keys_signature_exit_3_with_the_reason() {
    let (dir, db) = workspace();
    let key = IssuerKey::generate();

    let expired = facts(-400..-35);
    let file = dir.path().join("expired.jwt");
    std::fs::write(&file, credential::sign(&expired, &key).unwrap()).unwrap();
    let said = verify_failures(&db, &file);
    let until = credential::date_time(expired.valid_until);
    assert!(
        said.contains(&format!("dates: it expired on {until}")),
        "{said}"
    );
    assert!(!said.contains("signature:"), "{said}");

    // Another key signs what names `key`'s did:key as its issuer.
    let current = facts(-10..300);
    let own = credential::credential(&current, &key.did());
    let claims = credential::payload(&own, &current).unwrap();
    let other = IssuerKey::generate();
    let file = dir.path().join("other.jwt");
    std::fs::write(&file, credential::sign_payload(&claims, &other).unwrap()).unwrap();
    let said = verify_failures(&db, &file);
    assert!(
        said.contains(&format!(
            "signature: it was signed with the key {}, which is not the issuer's ({})",
            other.did(),
            key.did()
        )),
        "{said}"
    );

    // Signed by the issuer it names, it verifies, though not as this workspace's badge.
    let file = dir.path().join("valid.jwt");
    std::fs::write(&file, credential::sign(&current, &key).unwrap()).unwrap();
    let said = ok(&db, &["badge", "verify", &file.to_string_lossy()]);
    assert!(said.starts_with("Valid:"), "{said}");
    assert!(!said.contains("this workspace"), "{said}");
}

#[test]
fn a_revoked_or_unknown_certification_is_refused() {
    let (dir, db) = workspace();
    ok(&db, &["demo"]);
    let id = certification(&db, true).to_string();
    let out = dir.path().join("revoked.jwt");
    let said = refused(
        &db,
        &["badge", "issue", &id, "--out", &out.to_string_lossy()],
    );
    assert!(said.contains("was revoked on"), "{said}");
    assert!(!out.exists());
    let said = refused(&db, &["badge", "issue", "424242"]);
    assert!(
        said.contains("certification 424242 was not found"),
        "{said}"
    );
}
