use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{Error, Result};
use crate::model::{Money, Pilot, PilotStatus, PilotSummary};

/// A validated pilot ready to be written.
pub struct PilotRecord<'a> {
    pub name: &'a str,
    pub objective: &'a str,
    pub workflows: &'a [String],
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub sponsor: &'a str,
    pub budget: Money,
    pub status: PilotStatus,
}

pub fn insert(tx: &Transaction, record: &PilotRecord, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO pilots (name, objective, start_date, end_date, sponsor, budget_cents,
                             status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            record.name,
            record.objective,
            record.start_date,
            record.end_date,
            record.sponsor,
            record.budget.cents(),
            record.status.as_str(),
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    replace_workflows(tx, id, record.workflows)?;
    Ok(id)
}

/// The basics a designer edits; the workflows and status change elsewhere.
pub struct BasicsRecord<'a> {
    pub name: &'a str,
    pub objective: &'a str,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub sponsor: &'a str,
    pub budget: Money,
    pub ai_agenda: &'a str,
}

pub fn update_basics(tx: &Transaction, id: i64, basics: &BasicsRecord, now: &str) -> Result<()> {
    tx.execute(
        "UPDATE pilots SET name = ?2, objective = ?3, start_date = ?4, end_date = ?5,
             sponsor = ?6, budget_cents = ?7, ai_agenda = ?8, updated_at = ?9
         WHERE id = ?1",
        params![
            id,
            basics.name,
            basics.objective,
            basics.start_date,
            basics.end_date,
            basics.sponsor,
            basics.budget.cents(),
            basics.ai_agenda,
            now
        ],
    )?;
    Ok(())
}

pub fn touch(tx: &Transaction, id: i64, now: &str) -> Result<()> {
    tx.execute(
        "UPDATE pilots SET updated_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

fn replace_workflows(tx: &Transaction, pilot_id: i64, workflows: &[String]) -> Result<()> {
    tx.execute(
        "DELETE FROM pilot_workflows WHERE pilot_id = ?1",
        [pilot_id],
    )?;
    let mut statement =
        tx.prepare("INSERT INTO pilot_workflows (pilot_id, position, name) VALUES (?1, ?2, ?3)")?;
    for (position, name) in workflows.iter().enumerate() {
        statement.execute(params![pilot_id, position as i64, name])?;
    }
    Ok(())
}

/// Whether another pilot (not `except`) already has this name.
pub fn name_taken(conn: &Connection, name: &str, except: Option<i64>) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM pilots WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2",
            params![name, except],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

fn workflows_of(conn: &Connection, pilot_id: i64) -> Result<Vec<String>> {
    let mut statement = conn
        .prepare_cached("SELECT name FROM pilot_workflows WHERE pilot_id = ?1 ORDER BY position")?;
    let rows = statement.query_map([pilot_id], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn status_from(text: String) -> rusqlite::Result<PilotStatus> {
    PilotStatus::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown pilot status {text:?}").into(),
        )
    })
}

fn pilot_from_row(row: &Row) -> rusqlite::Result<Pilot> {
    Ok(Pilot {
        id: row.get(0)?,
        name: row.get(1)?,
        objective: row.get(2)?,
        workflows: Vec::new(),
        start_date: row.get(3)?,
        end_date: row.get(4)?,
        sponsor: row.get(5)?,
        budget: Money(row.get(6)?),
        status: status_from(row.get(7)?)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
        ai_agenda: row.get(10)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Pilot> {
    let pilot = conn
        .query_row(
            "SELECT id, name, objective, start_date, end_date, sponsor, budget_cents, status,
                    created_at, updated_at, ai_agenda
             FROM pilots WHERE id = ?1",
            [id],
            pilot_from_row,
        )
        .optional()?;
    let mut pilot = pilot.ok_or_else(|| Error::NotFound {
        entity: "pilot",
        id: id.to_string(),
    })?;
    pilot.workflows = workflows_of(conn, id)?;
    Ok(pilot)
}

pub fn list(conn: &Connection) -> Result<Vec<PilotSummary>> {
    let mut statement = conn.prepare(
        "SELECT id, name, start_date, end_date, sponsor, status FROM pilots
         ORDER BY start_date DESC, id DESC",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(PilotSummary {
            id: row.get(0)?,
            name: row.get(1)?,
            workflows: Vec::new(),
            start_date: row.get(2)?,
            end_date: row.get(3)?,
            sponsor: row.get(4)?,
            status: status_from(row.get(5)?)?,
        })
    })?;
    let mut pilots: Vec<PilotSummary> = rows.collect::<Result<_, _>>()?;
    for pilot in &mut pilots {
        pilot.workflows = workflows_of(conn, pilot.id)?;
    }
    Ok(pilots)
}

pub fn count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM pilots", [], |row| row.get(0))?)
}
