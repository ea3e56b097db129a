//! Certifications, with the evidence each rested on when it was made.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};

use crate::error::{Error, Result};
use crate::model::coaches::{Certification, CoachLevel, CriterionProgress};

pub struct NewCertification<'a> {
    pub coach_id: &'a str,
    pub level: CoachLevel,
    pub standard_version: u32,
    pub certified_on: NaiveDate,
    pub valid_until: NaiveDate,
    pub certified_by: &'a str,
    pub evidence: &'a [CriterionProgress],
    pub created_at: &'a str,
}

pub fn insert(tx: &Transaction, c: &NewCertification) -> Result<i64> {
    let evidence = serde_json::to_string(c.evidence)
        .map_err(|e| Error::Conflict(format!("the evidence cannot be written: {e}")))?;
    tx.execute(
        "INSERT INTO certifications (coach_id, level, standard_version, certified_on, valid_until,
             certified_by, evidence_json, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            c.coach_id,
            c.level.as_str(),
            c.standard_version,
            c.certified_on,
            c.valid_until,
            c.certified_by,
            evidence,
            c.created_at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

const SELECT: &str = "SELECT id, coach_id, level, standard_version, certified_on, valid_until,
        certified_by, evidence_json, revoked_on FROM certifications";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Certification> {
    let level: String = r.get(2)?;
    let evidence: String = r.get(7)?;
    Ok(Certification {
        id: r.get(0)?,
        coach_id: r.get(1)?,
        // The column's CHECK allows only these two.
        level: CoachLevel::parse(&level).unwrap_or(CoachLevel::Associate),
        standard_version: r.get(3)?,
        certified_on: r.get(4)?,
        valid_until: r.get(5)?,
        certified_by: r.get(6)?,
        evidence: serde_json::from_str(&evidence).unwrap_or_default(),
        revoked_on: r.get(8)?,
    })
}

/// One coach's certifications, newest first.
pub fn for_coach(conn: &Connection, coach_id: &str) -> Result<Vec<Certification>> {
    let mut statement = conn.prepare(&format!(
        "{SELECT} WHERE coach_id = ?1 ORDER BY certified_on DESC, id DESC"
    ))?;
    let rows = statement.query_map([coach_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every certification, newest first.
pub fn all(conn: &Connection) -> Result<Vec<Certification>> {
    let mut statement = conn.prepare(&format!("{SELECT} ORDER BY certified_on DESC, id DESC"))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Certification>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?)
}
