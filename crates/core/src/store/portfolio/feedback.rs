//! Micro-feedback: short notes to a person about a competency.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};

use crate::error::Result;
use crate::model::portfolio::{AuthorRole, Feedback};
use crate::store::skills::frameworks::{label, NAME_SQL};

pub struct NewFeedback<'a> {
    pub person_id: &'a str,
    pub author: &'a str,
    pub author_role: AuthorRole,
    pub competency_id: i64,
    pub task_id: Option<i64>,
    pub sample_id: Option<i64>,
    pub note: &'a str,
    pub given_on: NaiveDate,
    pub created_at: &'a str,
}

pub fn insert(tx: &Transaction, f: &NewFeedback) -> Result<i64> {
    tx.execute(
        "INSERT INTO micro_feedback (person_id, author, author_role, competency_id, task_id,
             sample_id, note, given_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            f.person_id,
            f.author,
            f.author_role.as_str(),
            f.competency_id,
            f.task_id,
            f.sample_id,
            f.note,
            f.given_on,
            f.created_at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Feedback received, newest first; one person's or everyone's.
pub fn load(conn: &Connection, person_id: Option<&str>) -> Result<Vec<Feedback>> {
    let mut statement = conn.prepare(&format!(
        "SELECT f.id, f.person_id, f.author, f.author_role, f.competency_id, c.human_coding,
                {NAME_SQL}, f.task_id, t.behaviour, f.sample_id, f.note, f.given_on
         FROM micro_feedback f JOIN competencies c ON c.id = f.competency_id
         LEFT JOIN playbook_tasks t ON t.id = f.task_id
         WHERE ?1 IS NULL OR f.person_id = ?1
         ORDER BY f.given_on DESC, f.id DESC"
    ))?;
    let rows = statement.query_map([person_id], |r| {
        Ok(Feedback {
            id: r.get(0)?,
            person_id: r.get(1)?,
            author: r.get(2)?,
            author_role: AuthorRole::parse(&r.get::<_, String>(3)?).unwrap_or(AuthorRole::Peer),
            competency_id: r.get(4)?,
            competency: label(&r.get::<_, String>(5)?, &r.get::<_, String>(6)?),
            task_id: r.get(7)?,
            task: r.get(8)?,
            sample_id: r.get(9)?,
            note: r.get(10)?,
            given_on: r.get::<_, NaiveDate>(11)?.to_string(),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
