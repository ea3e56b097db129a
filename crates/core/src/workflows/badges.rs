//! Open Badges for certified internal coaches: a certification is issued as a signed
//! OpenBadgeCredential (made with the workspace's own key, kept exactly as issued), saved
//! for its holder, and any credential file can be verified offline.

use std::io::Read;
use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rusqlite::Transaction;
use serde_json::Value;
use uuid::Uuid;

use super::{record_change, timestamp_now};
use crate::badges::credential::{self, Achievement, BadgeFacts};
use crate::badges::{verify, IssuerKey};
use crate::error::{Error, Result};
use crate::model::badges::{BadgeVerification, IssuedBadge};
use crate::model::coaches::{CoachLevel, StandardCriteria};
use crate::store::badges::{self as badge_store, CertificationRecord, NewBadge};
use crate::store::{settings, Store};

/// Issues the certification as a new credential, signed with the workspace's key (made now
/// if the workspace has none), and keeps it. A revoked or expired certification, or one
/// that has not started, gets none.
pub fn issue(store: &mut Store, certification_id: i64, today: NaiveDate) -> Result<IssuedBadge> {
    let record = badge_store::certification(store.conn(), certification_id)?;
    let (valid_from, valid_until) = check_current(&record, today)?;
    let email = record.coach_email.trim().to_string();
    if email.is_empty() {
        return Err(Error::invalid_field(
            "email",
            format!(
                "{} has no email address in People; a badge names its holder by a hash of it, \
                 so add one first",
                record.coach_name
            ),
        ));
    }
    let tx = store.write()?;
    let key = issuer_key(&tx)?;
    let did = key.did();
    let workspace = settings::load(&tx)?;
    let facts = BadgeFacts {
        credential_id: format!("urn:uuid:{}", Uuid::new_v4()),
        issuer_name: workspace.workspace_name,
        subject_id: stable_urn(&format!("{did}/people/{}", record.coach_id)),
        email,
        salt: Uuid::new_v4().simple().to_string(),
        achievement: achievement(&record, &did),
        valid_from,
        valid_until,
    };
    let signed = credential::sign(&facts, &key)?;
    let id = badge_store::insert_badge(
        &tx,
        &NewBadge {
            certification_id,
            credential_id: &facts.credential_id,
            credential: &signed,
            issued_at: &timestamp_now(),
            issued_by: &workspace.current_user,
        },
    )?;
    record_change(
        &tx,
        "badge",
        &id.to_string(),
        "issued",
        &format!(
            "Issued the Open Badges credential {} to {} for certification {} ({}, valid until {})",
            facts.credential_id, record.coach_name, record.id, record.level, record.valid_until
        ),
    )?;
    tx.commit()?;
    badge_store::badge(store.conn(), id)
}

/// Writes the certification's badge to `path` for its holder: the one already issued, or
/// a new one when there is none yet. A revoked or expired certification is refused.
pub fn save(
    store: &mut Store,
    certification_id: i64,
    path: &Path,
    today: NaiveDate,
) -> Result<IssuedBadge> {
    let record = badge_store::certification(store.conn(), certification_id)?;
    check_current(&record, today)?;
    let badge = match badge_store::for_certification(store.conn(), certification_id)?
        .into_iter()
        .next()
    {
        Some(badge) => badge,
        None => issue(store, certification_id, today)?,
    };
    write(&badge, path)?;
    Ok(badge)
}

/// Writes the credential beside `path`, syncs it and moves it into place, so a half-written
/// credential never sits where its holder will pick it up.
pub fn write(badge: &IssuedBadge, path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.is_dir() {
            return Err(Error::invalid_field(
                "out",
                format!("the folder {} does not exist", parent.display()),
            ));
        }
    }
    let mut bytes = badge.credential.clone().into_bytes();
    bytes.push(b'\n');
    crate::export::destination::write_whole(path, &bytes)
}

/// Verifies the credential in a file as of `now`. Only reading the file can fail; what is
/// wrong with the credential is in the verification.
pub fn verify_file(path: &Path, now: DateTime<Utc>) -> Result<BadgeVerification> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::new();
    // One byte past the limit is enough to say the file is too big.
    file.take(verify::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    Ok(verify(&String::from_utf8_lossy(&bytes), now))
}

/// The badges issued for a certification, newest first.
pub fn badges_for(store: &Store, certification_id: i64) -> Result<Vec<IssuedBadge>> {
    badge_store::for_certification(store.conn(), certification_id)
}

/// The badges issued to a coach, newest first.
pub fn badges_of(store: &Store, coach_id: &str) -> Result<Vec<IssuedBadge>> {
    badge_store::for_coach(store.conn(), coach_id)
}

/// The workspace's issuer id (its did:key), once it has issued a badge.
pub fn issuer_id(store: &Store) -> Result<Option<String>> {
    badge_store::issuer_key(store.conn())?
        .map(|(public, private)| IssuerKey::decode(&public, &private).map(|key| key.did()))
        .transpose()
}

/// The certification's first and last valid moments, or why it gets no badge today.
fn check_current(
    record: &CertificationRecord,
    today: NaiveDate,
) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let who = format!("certification {} of {}", record.id, record.coach_name);
    if let Some(revoked_on) = &record.revoked_on {
        return Err(Error::Conflict(format!(
            "{who} was revoked on {revoked_on}; a revoked certification gets no badge"
        )));
    }
    let day = |text: &str, what: &str| {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            Error::Conflict(format!(
                "{who} has {what} \"{text}\", which is not a YYYY-MM-DD date"
            ))
        })
    };
    let certified_on = day(&record.certified_on, "the certification date")?;
    let valid_until = day(&record.valid_until, "the expiry date")?;
    if valid_until < today {
        return Err(Error::Conflict(format!(
            "{who} expired on {valid_until}; recertify the coach, then issue the badge of the \
             new certification"
        )));
    }
    if certified_on > today {
        return Err(Error::Conflict(format!(
            "{who} starts on {certified_on}; its badge can be issued from that day"
        )));
    }
    // Valid from the start of the certification day to the end of its last valid day.
    let from = certified_on.and_time(NaiveTime::MIN).and_utc();
    let until = valid_until
        .and_hms_opt(23, 59, 59)
        .map(|at| at.and_utc())
        .ok_or_else(|| Error::Conflict(format!("{who} has an expiry date out of range")))?;
    Ok((from, until))
}

/// The workspace's key, made and recorded on the first issue.
fn issuer_key(tx: &Transaction) -> Result<IssuerKey> {
    if let Some((public, private)) = badge_store::issuer_key(tx)? {
        return IssuerKey::decode(&public, &private);
    }
    let key = IssuerKey::generate();
    let (public, private) = key.encoded();
    let id = badge_store::insert_issuer_key(tx, &public, &private, &timestamp_now())?;
    record_change(
        tx,
        "issuer_key",
        &id.to_string(),
        "created",
        &format!("Made the workspace's Open Badges issuer key {}", key.did()),
    )?;
    Ok(key)
}

/// A `urn:uuid` that is the same every time for the same name: one achievement per level
/// of a standard, and one opaque subject id per person, across re-issues.
fn stable_urn(name: &str) -> String {
    format!(
        "urn:uuid:{}",
        Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes())
    )
}

fn achievement(record: &CertificationRecord, issuer_did: &str) -> Achievement {
    let level = record.level.trim();
    let name = match level {
        "certified" => "Certified internal coach".to_string(),
        "associate" => "Associate internal coach".to_string(),
        other => {
            let mut chars = other.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            format!(
                "{}{} internal coach",
                first.unwrap_or_default(),
                chars.as_str()
            )
        }
    };
    Achievement {
        id: stable_urn(&format!(
            "{issuer_did}/achievements/{level}/standard-{}",
            record.standard_version
        )),
        description: format!(
            "An internal coach assessed at the {level} level against {}: training completed, \
             coaching hours logged, sessions observed and scored against a rubric by a \
             certified assessor, and feedback from coachees.",
            standard_title(record)
        ),
        criteria: criteria_narrative(record),
        name,
    }
}

fn standard_title(record: &CertificationRecord) -> String {
    match record.standard_name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => {
            format!("{name} (version {})", record.standard_version)
        }
        _ => format!(
            "the workspace's certification standard (version {})",
            record.standard_version
        ),
    }
}

/// The achievement's criteria in words: what the standard asks of the level, read from
/// `certification_standards.criteria_json` (`StandardCriteria`). A standard that cannot be
/// read falls back on the criteria recorded in the certification's evidence, then on the
/// kinds of criteria every standard has. The one place to adapt if the standard changes.
pub fn criteria_narrative(record: &CertificationRecord) -> String {
    let level = record.level.trim();
    let items = record
        .criteria_json
        .as_deref()
        .and_then(|json| standard_criteria(json, level))
        .or_else(|| evidence_criteria(&record.evidence_json))
        .unwrap_or_else(|| {
            vec![
                "Coach training completed.".into(),
                "Coaching hours logged as the coach.".into(),
                "Coaching sessions observed by a certified assessor and scored against the \
                 standard's rubric."
                    .into(),
                "Ratings from coachees.".into(),
            ]
        });
    let mut narrative = format!(
        "The coach met each criterion of the {level} level of {}:\n",
        standard_title(record)
    );
    for item in items {
        narrative.push_str("\n- ");
        narrative.push_str(&item);
    }
    narrative
}

fn standard_criteria(json: &str, level: &str) -> Option<Vec<String>> {
    let criteria: StandardCriteria = serde_json::from_str(json).ok()?;
    let asked = criteria.level(CoachLevel::parse(level)?)?;
    let mut items = Vec::new();
    if asked.training {
        items.push("Coach training completed.".to_string());
    }
    items.push(format!(
        "At least {} coaching hours logged as the coach in the last {} months.",
        figure(asked.hours),
        criteria.evidence_months
    ));
    if asked.observations > 0 {
        let rubric: Vec<&str> = criteria.rubric.iter().map(|r| r.label.as_str()).collect();
        items.push(format!(
            "{} coaching session{} observed by a certified assessor and scored against the \
             standard's rubric{}, with a mean score of at least {} of 4.",
            asked.observations,
            if asked.observations == 1 { "" } else { "s" },
            if rubric.is_empty() {
                String::new()
            } else {
                format!(" ({})", rubric.join("; "))
            },
            figure(asked.min_observation_mean)
        ));
    }
    if asked.feedback_count > 0 {
        items.push(format!(
            "Ratings from at least {} coachees, with a mean of at least {} of 5.",
            asked.feedback_count,
            figure(asked.min_feedback_mean)
        ));
    }
    items.push(format!(
        "The certification is valid for {} months; renewing it takes the same evidence, \
         recent again.",
        criteria.validity_months
    ));
    Some(items)
}

/// "20" for 20.0, "2.5" for 2.5.
fn figure(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

/// "label: reason" for each criterion recorded in the evidence (a list of objects).
fn evidence_criteria(json: &str) -> Option<Vec<String>> {
    let evidence: Vec<Value> = serde_json::from_str(json).ok()?;
    let items: Vec<String> = evidence
        .iter()
        .filter_map(|criterion| {
            let text = |field: &str| criterion.get(field).and_then(Value::as_str);
            let label = text("label").or_else(|| text("title"))?;
            Some(match text("reason") {
                Some(reason) => format!("{label}: {reason}."),
                None => format!("{label}."),
            })
        })
        .collect();
    (!items.is_empty()).then_some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(criteria_json: Option<&str>, evidence_json: &str) -> CertificationRecord {
        CertificationRecord {
            id: 1,
            coach_id: "E1".into(),
            coach_name: "Ana".into(),
            coach_email: "ana@example.com".into(),
            level: "certified".into(),
            standard_version: 2,
            standard_name: Some("Coaching standard".into()),
            criteria_json: criteria_json.map(str::to_owned),
            certified_on: "2026-03-02".into(),
            valid_until: "2027-03-01".into(),
            certified_by: "Priya".into(),
            evidence_json: evidence_json.into(),
            revoked_on: None,
        }
    }

    #[test]
    fn the_narrative_reads_the_standard_for_the_level() {
        let standard =
            serde_json::to_string(&crate::workflows::coaches::standard::default_criteria())
                .unwrap();
        let narrative = criteria_narrative(&record(Some(&standard), "[]"));
        assert!(
            narrative.starts_with(
                "The coach met each criterion of the certified level of Coaching standard \
                 (version 2):"
            ),
            "{narrative}"
        );
        assert!(
            narrative.contains("\n- Coach training completed."),
            "{narrative}"
        );
        assert!(
            narrative.contains("- At least 20 coaching hours logged as the coach in the last 24"),
            "{narrative}"
        );
        assert!(
            narrative.contains("- 2 coaching sessions observed"),
            "{narrative}"
        );
        assert!(narrative.contains("Asks before telling"), "{narrative}");
        assert!(
            narrative.contains("mean score of at least 3 of 4"),
            "{narrative}"
        );
        assert!(
            narrative
                .contains("- Ratings from at least 5 coachees, with a mean of at least 4 of 5."),
            "{narrative}"
        );
    }

    #[test]
    fn without_a_readable_standard_the_narrative_lists_the_evidence() {
        let evidence = r#"[{"key": "hours", "label": "Coaching hours logged", "met": true,
            "reason": "42 of 40 hours logged", "value": 42, "required": 40}]"#;
        let narrative = criteria_narrative(&record(Some("{}"), evidence));
        assert!(
            narrative.contains("- Coaching hours logged: 42 of 40 hours logged."),
            "{narrative}"
        );
        let fallback = criteria_narrative(&record(None, "{}"));
        assert!(fallback.contains("- Ratings from coachees."), "{fallback}");
    }

    #[test]
    fn a_revoked_expired_or_future_certification_gets_no_badge() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut revoked = record(None, "[]");
        revoked.revoked_on = Some("2026-05-01".into());
        let error = check_current(&revoked, today).unwrap_err().to_string();
        assert!(error.contains("revoked on 2026-05-01"), "{error}");
        let mut expired = record(None, "[]");
        expired.valid_until = "2026-05-31".into();
        let error = check_current(&expired, today).unwrap_err().to_string();
        assert!(error.contains("expired on 2026-05-31"), "{error}");
        let mut future = record(None, "[]");
        future.certified_on = "2026-06-02".into();
        let error = check_current(&future, today).unwrap_err().to_string();
        assert!(error.contains("starts on 2026-06-02"), "{error}");
        let (from, until) = check_current(&record(None, "[]"), today).unwrap();
        assert_eq!(credential::date_time(from), "2026-03-02T00:00:00Z");
        assert_eq!(credential::date_time(until), "2027-03-01T23:59:59Z");
    }
}
