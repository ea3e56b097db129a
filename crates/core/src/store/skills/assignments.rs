//! Who is assigned which module, by whom, due when, and how far they have got.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::skills::{Assignment, AssignmentStatus};

/// One assignment to make: a module for a person, by whom, from when, due when.
pub struct NewAssignment<'a> {
    pub module_id: i64,
    pub person_id: &'a str,
    pub pilot_id: Option<i64>,
    pub by: &'a str,
    pub on: NaiveDate,
    pub due: NaiveDate,
}

/// Assigns, or re-assigns with a new due date when the person already has the module
/// (their progress is kept: assigning twice must not erase what they did). True when new.
pub fn upsert(tx: &Transaction, a: &NewAssignment, now: &str) -> Result<bool> {
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM module_assignments WHERE module_id = ?1 AND person_id = ?2",
            params![a.module_id, a.person_id],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(id) => {
            tx.execute(
                "UPDATE module_assignments SET due_on = ?2, pilot_id = coalesce(?3, pilot_id),
                     updated_at = ?4 WHERE id = ?1",
                params![id, a.due, a.pilot_id, now],
            )?;
            Ok(false)
        }
        None => {
            tx.execute(
                "INSERT INTO module_assignments (module_id, person_id, pilot_id, assigned_by,
                     assigned_on, due_on, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![a.module_id, a.person_id, a.pilot_id, a.by, a.on, a.due, now],
            )?;
            Ok(true)
        }
    }
}

pub struct ProgressRecord {
    pub progress: u32,
    pub completed_on: Option<NaiveDate>,
    pub passed: Option<bool>,
    pub score: Option<f64>,
    pub source: &'static str,
}

pub fn record_progress(tx: &Transaction, id: i64, p: &ProgressRecord, now: &str) -> Result<()> {
    tx.execute(
        "UPDATE module_assignments SET progress = ?2, completed_on = ?3, passed = ?4, score = ?5,
             source = ?6, updated_at = ?7 WHERE id = ?1",
        params![
            id,
            p.progress,
            p.completed_on,
            p.passed,
            p.score,
            p.source,
            now
        ],
    )?;
    Ok(())
}

/// An assignment's progress as recorded, for an import to check its rows against.
#[derive(Debug, Clone)]
pub struct RecordedProgress {
    pub id: i64,
    pub module_id: i64,
    pub person_id: String,
    pub assigned_on: NaiveDate,
    pub progress: u32,
    pub completed_on: Option<NaiveDate>,
    pub passed: Option<bool>,
    pub score: Option<f64>,
}

pub fn recorded_progress(conn: &Connection) -> Result<Vec<RecordedProgress>> {
    let mut statement = conn.prepare(
        "SELECT id, module_id, person_id, assigned_on, progress, completed_on, passed, score
         FROM module_assignments ORDER BY id",
    )?;
    let rows = statement.query_map([], |r| {
        Ok(RecordedProgress {
            id: r.get(0)?,
            module_id: r.get(1)?,
            person_id: r.get(2)?,
            assigned_on: r.get(3)?,
            progress: r.get(4)?,
            completed_on: r.get(5)?,
            passed: r.get(6)?,
            score: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The fingerprints of the rows and statements imports have applied, by assignment.
pub fn applied_rows(conn: &Connection) -> Result<HashMap<i64, HashSet<String>>> {
    let mut statement =
        conn.prepare("SELECT assignment_id, fingerprint FROM module_progress_rows")?;
    let mut rows = statement.query([])?;
    let mut out: HashMap<i64, HashSet<String>> = HashMap::new();
    while let Some(row) = rows.next()? {
        out.entry(row.get(0)?).or_default().insert(row.get(1)?);
    }
    Ok(out)
}

/// Remembers that an import applied a row (or statement) to an assignment.
pub fn remember_row(
    tx: &Transaction,
    assignment_id: i64,
    fingerprint: &str,
    import_id: Option<i64>,
) -> Result<()> {
    let Some(import_id) = import_id else {
        return Ok(());
    };
    tx.execute(
        "INSERT OR IGNORE INTO module_progress_rows (assignment_id, fingerprint, import_id)
         VALUES (?1, ?2, ?3)",
        params![assignment_id, fingerprint, import_id],
    )?;
    Ok(())
}

pub fn find(conn: &Connection, module_id: i64, person_id: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM module_assignments WHERE module_id = ?1 AND person_id = ?2",
            params![module_id, person_id],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn delete(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute("DELETE FROM module_assignments WHERE id = ?1", [id])?;
    Ok(())
}

/// Which assignments to load.
pub enum Scope<'a> {
    All,
    Person(&'a str),
    ReportsOf(&'a str),
    Pilot(i64),
    One(i64),
}

/// The assignments as they stood on `today`: those made by then, with progress recorded
/// later than that not yet counted as completion.
pub fn load(conn: &Connection, scope: Scope, today: NaiveDate) -> Result<Vec<Assignment>> {
    let (filter, key): (&str, rusqlite::types::Value) = match scope {
        Scope::All => ("1 = 1 OR ?1 IS NULL", rusqlite::types::Value::Null),
        Scope::Person(id) => ("a.person_id = ?1", id.to_string().into()),
        Scope::ReportsOf(id) => ("p.manager_id = ?1", id.to_string().into()),
        Scope::Pilot(id) => (
            "(a.pilot_id = ?1 OR p.manager_id IN (SELECT manager_id FROM pilot_cohort
                 WHERE pilot_id = ?1 AND arm = 'pilot'))",
            id.into(),
        ),
        Scope::One(id) => ("a.id = ?1", id.into()),
    };
    let mut statement = conn.prepare(&format!(
        "SELECT a.id, a.module_id, m.title, a.person_id, p.name, p.team, a.pilot_id, a.assigned_by,
                a.assigned_on, a.due_on, a.progress, a.completed_on, a.passed, a.score, a.source
         FROM module_assignments a JOIN skill_modules m ON m.id = a.module_id
         JOIN people p ON p.id = a.person_id
         WHERE ({filter}) AND a.assigned_on <= ?2 ORDER BY p.name, m.title"
    ))?;
    let rows = statement.query_map(rusqlite::params![key, today], |r| {
        let due_on: NaiveDate = r.get(9)?;
        let progress: u32 = r.get(10)?;
        let completed_on: Option<NaiveDate> =
            r.get::<_, Option<NaiveDate>>(11)?.filter(|d| *d <= today);
        let status = if completed_on.is_some() {
            AssignmentStatus::Completed
        } else if today > due_on {
            AssignmentStatus::Overdue
        } else if progress > 0 {
            AssignmentStatus::InProgress
        } else {
            AssignmentStatus::NotStarted
        };
        Ok(Assignment {
            id: r.get(0)?,
            module_id: r.get(1)?,
            module_title: r.get(2)?,
            person_id: r.get(3)?,
            person_name: r.get(4)?,
            team: r.get(5)?,
            pilot_id: r.get(6)?,
            assigned_by: r.get(7)?,
            assigned_on: r.get::<_, NaiveDate>(8)?.to_string(),
            due_on: due_on.to_string(),
            progress,
            completed_on: completed_on.map(|d| d.to_string()),
            passed: r.get(12)?,
            score: r.get(13)?,
            status,
            source: r.get(14)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
