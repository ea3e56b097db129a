//! Competency ratings and what each role requires.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};

use crate::error::Result;
use crate::model::skills::{Rater, Rating, RoleRequirement};

use super::frameworks::{label, NAME_SQL};

pub struct RatingRecord<'a> {
    pub person_id: &'a str,
    pub competency_id: i64,
    pub level: u32,
    pub rater: Rater,
    pub rated_by: &'a str,
    pub rated_on: NaiveDate,
    pub evidence: &'a str,
}

pub fn insert(tx: &Transaction, r: &RatingRecord, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO competency_ratings (person_id, competency_id, level, rater, rated_by,
             rated_on, evidence, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            r.person_id,
            r.competency_id,
            r.level,
            r.rater.as_str(),
            r.rated_by,
            r.rated_on,
            r.evidence,
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Ratings, oldest first; one person's when `person_id` is given.
pub fn load(conn: &Connection, person_id: Option<&str>) -> Result<Vec<Rating>> {
    let mut statement = conn.prepare(&format!(
        "SELECT r.id, r.person_id, r.competency_id, c.human_coding, {NAME_SQL}, r.level,
                coalesce(l.label, ''), r.rater, r.rated_by, r.rated_on, r.evidence
         FROM competency_ratings r JOIN competencies c ON c.id = r.competency_id
         LEFT JOIN competency_levels l ON l.competency_id = r.competency_id AND l.level = r.level
         WHERE ?1 IS NULL OR r.person_id = ?1
         ORDER BY r.rated_on, r.id"
    ))?;
    let rows = statement.query_map([person_id], |r| {
        Ok(Rating {
            id: r.get(0)?,
            person_id: r.get(1)?,
            competency_id: r.get(2)?,
            competency: label(&r.get::<_, String>(3)?, &r.get::<_, String>(4)?),
            level: r.get(5)?,
            level_label: r.get(6)?,
            rater: Rater::parse(&r.get::<_, String>(7)?).unwrap_or(Rater::Manager),
            rated_by: r.get(8)?,
            rated_on: r.get::<_, NaiveDate>(9)?.to_string(),
            evidence: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn set_requirement(tx: &Transaction, role: &str, competency_id: i64, level: u32) -> Result<()> {
    tx.execute(
        "INSERT INTO role_requirements (role, competency_id, level) VALUES (?1, ?2, ?3)
         ON CONFLICT (role, competency_id) DO UPDATE SET level = excluded.level",
        params![role, competency_id, level],
    )?;
    Ok(())
}

pub fn remove_requirement(tx: &Transaction, role: &str, competency_id: i64) -> Result<usize> {
    Ok(tx.execute(
        "DELETE FROM role_requirements WHERE role = ?1 AND competency_id = ?2",
        params![role, competency_id],
    )?)
}

pub fn requirements(conn: &Connection) -> Result<Vec<RoleRequirement>> {
    let mut statement = conn.prepare(&format!(
        "SELECT q.role, q.competency_id, c.human_coding, {NAME_SQL}, q.level, coalesce(l.label, '')
         FROM role_requirements q JOIN competencies c ON c.id = q.competency_id
         LEFT JOIN competency_levels l ON l.competency_id = q.competency_id AND l.level = q.level
         ORDER BY q.role, c.position, c.id"
    ))?;
    let rows = statement.query_map([], |r| {
        Ok(RoleRequirement {
            role: r.get(0)?,
            competency_id: r.get(1)?,
            competency: label(&r.get::<_, String>(2)?, &r.get::<_, String>(3)?),
            level: r.get(4)?,
            level_label: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
