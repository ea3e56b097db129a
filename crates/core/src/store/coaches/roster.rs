//! The coaches: who was nominated, by whom, trained when, withdrawn when.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::coaches::Coach;

pub struct NewCoach<'a> {
    pub person_id: &'a str,
    pub nominated_by: &'a str,
    pub nominated_on: NaiveDate,
    pub note: &'a str,
}

pub fn insert(tx: &Transaction, coach: &NewCoach) -> Result<()> {
    tx.execute(
        "INSERT INTO coaches (person_id, nominated_by, nominated_on, note) VALUES (?1, ?2, ?3, ?4)",
        params![
            coach.person_id,
            coach.nominated_by,
            coach.nominated_on,
            coach.note
        ],
    )?;
    Ok(())
}

/// Nominating again someone who was withdrawn brings them back, evidence and all.
pub fn reinstate(tx: &Transaction, coach: &NewCoach) -> Result<()> {
    tx.execute(
        "UPDATE coaches SET nominated_by = ?2, nominated_on = ?3, note = ?4, withdrawn_on = NULL
         WHERE person_id = ?1",
        params![
            coach.person_id,
            coach.nominated_by,
            coach.nominated_on,
            coach.note
        ],
    )?;
    Ok(())
}

pub fn set_trained(tx: &Transaction, person_id: &str, day: NaiveDate) -> Result<()> {
    tx.execute(
        "UPDATE coaches SET trained_on = ?2 WHERE person_id = ?1",
        params![person_id, day],
    )?;
    Ok(())
}

pub fn withdraw(tx: &Transaction, person_id: &str, day: NaiveDate) -> Result<()> {
    tx.execute(
        "UPDATE coaches SET withdrawn_on = ?2 WHERE person_id = ?1",
        params![person_id, day],
    )?;
    Ok(())
}

/// The nominator is kept as a person's id when it is one; shown by name.
const SELECT: &str = "SELECT c.person_id, p.name, p.team, p.role,
        coalesce(n.name, c.nominated_by), c.nominated_on, c.trained_on, c.withdrawn_on, c.note
     FROM coaches c JOIN people p ON p.id = c.person_id
     LEFT JOIN people n ON n.id = c.nominated_by";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Coach> {
    Ok(Coach {
        person_id: r.get(0)?,
        name: r.get(1)?,
        team: r.get(2)?,
        role: r.get(3)?,
        nominated_by: r.get(4)?,
        nominated_on: r.get(5)?,
        trained_on: r.get(6)?,
        withdrawn_on: r.get(7)?,
        note: r.get(8)?,
    })
}

pub fn get(conn: &Connection, person_id: &str) -> Result<Option<Coach>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE c.person_id = ?1"),
            [person_id],
            from_row,
        )
        .optional()?)
}

/// Every coach, by name.
pub fn list(conn: &Connection) -> Result<Vec<Coach>> {
    let mut statement = conn.prepare(&format!("{SELECT} ORDER BY p.name, c.person_id"))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
