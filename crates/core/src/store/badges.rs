//! Open Badges: the certification a badge is issued for, the workspace's issuer key, and
//! the credentials issued.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{Error, Result};
use crate::model::badges::IssuedBadge;

/// A certification with what its badge needs: the coach, and the standard it was assessed
/// against.
#[derive(Debug, Clone)]
pub struct CertificationRecord {
    pub id: i64,
    pub coach_id: String,
    pub coach_name: String,
    pub coach_email: String,
    pub level: String,
    pub standard_version: i64,
    pub standard_name: Option<String>,
    pub criteria_json: Option<String>,
    pub certified_on: String,
    pub valid_until: String,
    pub certified_by: String,
    pub evidence_json: String,
    pub revoked_on: Option<String>,
}

pub fn certification(conn: &Connection, id: i64) -> Result<CertificationRecord> {
    conn.query_row(
        "SELECT c.id, c.coach_id, p.name, p.email, c.level, c.standard_version, s.name,
                s.criteria_json, c.certified_on, c.valid_until, c.certified_by,
                c.evidence_json, c.revoked_on
         FROM certifications c
         JOIN people p ON p.id = c.coach_id
         LEFT JOIN certification_standards s ON s.version = c.standard_version
         WHERE c.id = ?1",
        [id],
        |row| {
            Ok(CertificationRecord {
                id: row.get(0)?,
                coach_id: row.get(1)?,
                coach_name: row.get(2)?,
                coach_email: row.get(3)?,
                level: row.get(4)?,
                standard_version: row.get(5)?,
                standard_name: row.get(6)?,
                criteria_json: row.get(7)?,
                certified_on: row.get(8)?,
                valid_until: row.get(9)?,
                certified_by: row.get(10)?,
                evidence_json: row.get(11)?,
                revoked_on: row.get(12)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "certification",
        id: id.to_string(),
    })
}

/// The key credentials are signed with now: the newest, should there ever be more than one.
pub fn issuer_key(conn: &Connection) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT public_key, private_key FROM issuer_keys ORDER BY id DESC LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

pub fn insert_issuer_key(tx: &Transaction, public: &str, private: &str, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO issuer_keys (public_key, private_key, created_at) VALUES (?1, ?2, ?3)",
        params![public, private, now],
    )?;
    Ok(tx.last_insert_rowid())
}

pub struct NewBadge<'a> {
    pub certification_id: i64,
    pub credential_id: &'a str,
    pub credential: &'a str,
    pub issued_at: &'a str,
    pub issued_by: &'a str,
}

pub fn insert_badge(tx: &Transaction, badge: &NewBadge) -> Result<i64> {
    tx.execute(
        "INSERT INTO issued_badges (certification_id, credential_id, credential, issued_at,
             issued_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            badge.certification_id,
            badge.credential_id,
            badge.credential,
            badge.issued_at,
            badge.issued_by
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

const BADGE_COLUMNS: &str =
    "b.id, b.certification_id, c.coach_id, p.name, c.level, b.credential_id,
     c.certified_on, c.valid_until, b.issued_at, b.issued_by, b.credential
     FROM issued_badges b
     JOIN certifications c ON c.id = b.certification_id
     JOIN people p ON p.id = c.coach_id";

fn badge_row(row: &Row) -> rusqlite::Result<IssuedBadge> {
    let credential: String = row.get(10)?;
    Ok(IssuedBadge {
        id: row.get(0)?,
        certification_id: row.get(1)?,
        coach_id: row.get(2)?,
        coach_name: row.get(3)?,
        level: row.get(4)?,
        credential_id: row.get(5)?,
        issuer_id: issuer_of(&credential).unwrap_or_default(),
        certified_on: row.get(6)?,
        valid_until: row.get(7)?,
        issued_at: row.get(8)?,
        issued_by: row.get(9)?,
        credential,
    })
}

/// The issuer named in a stored credential's payload: kept with the credential rather
/// than beside it, so it can never disagree with what was signed.
fn issuer_of(credential: &str) -> Option<String> {
    use base64::Engine;
    let payload = credential.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    value.get("iss")?.as_str().map(str::to_owned)
}

pub fn badge(conn: &Connection, id: i64) -> Result<IssuedBadge> {
    conn.query_row(
        &format!("SELECT {BADGE_COLUMNS} WHERE b.id = ?1"),
        [id],
        badge_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "badge",
        id: id.to_string(),
    })
}

/// The badges issued for a certification, newest first.
pub fn for_certification(conn: &Connection, certification_id: i64) -> Result<Vec<IssuedBadge>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {BADGE_COLUMNS} WHERE b.certification_id = ?1 ORDER BY b.id DESC"
    ))?;
    let badges = statement
        .query_map([certification_id], badge_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(badges)
}

/// The badges issued to a coach, newest first.
pub fn for_coach(conn: &Connection, coach_id: &str) -> Result<Vec<IssuedBadge>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {BADGE_COLUMNS} WHERE c.coach_id = ?1 ORDER BY b.id DESC"
    ))?;
    let badges = statement
        .query_map([coach_id], badge_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(badges)
}
