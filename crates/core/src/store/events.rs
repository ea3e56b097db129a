//! Coaching events: written by key (their UUID), so writing the same event twice leaves one.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, Row, Statement, Transaction};

use crate::error::Result;
use crate::model::{CoachingEvent, EventKind, EventSource};

pub const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// A validated event ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRecord {
    pub uid: String,
    pub manager_id: String,
    pub coachee_id: Option<String>,
    pub occurred_at: NaiveDateTime,
    pub minutes: u32,
    pub kind: EventKind,
    pub pilot_id: Option<i64>,
    pub task_id: Option<i64>,
    pub notes: String,
}

/// `time` as `TIME_FORMAT` writes it. Spelled out by hand: chrono's formatter reads its
/// pattern again on every call, and an import makes a million of them.
pub fn format_time(time: NaiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        time.year(),
        time.month(),
        time.day(),
        time.hour(),
        time.minute(),
        time.second()
    )
}

pub fn parse_time(text: &str) -> rusqlite::Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, TIME_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f"))
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f"))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })
}

/// Writes events by key: a new key inserts, a known key updates only when something
/// differs, an identical event changes nothing. `finish` writes what is still held and
/// says how many rows were inserted or updated.
pub struct EventWriter<'t> {
    insert: Statement<'t>,
    /// Set for a bulk write (`EventWriter::bulk`).
    bulk: Option<Bulk<'t>>,
    source: &'static str,
    import_id: Option<i64>,
    changed: u64,
}

/// A bulk write, with the table's indexes set aside: each key already in the table with
/// its row, held in memory since there is no index to find it by, and new rows inserted
/// `BATCH` to a statement, since preparing each insert's cursors again costs more than
/// writing the row.
struct Bulk<'t> {
    known: HashMap<String, i64>,
    update: Statement<'t>,
    batch: Statement<'t>,
    pending: Vec<EventRecord>,
}

const BATCH: usize = 64;
const COLUMNS: usize = 11;

const INSERT_INTO: &str = "INSERT INTO coaching_events (uid, pilot_id, manager_id, coachee_id,
         occurred_at, minutes, kind, task_id, notes, source, import_id) VALUES ";

const DIFFERS: &str = "pilot_id IS NOT ?2 OR manager_id IS NOT ?3 OR coachee_id IS NOT ?4
         OR occurred_at IS NOT ?5 OR minutes IS NOT ?6 OR kind IS NOT ?7
         OR task_id IS NOT ?8 OR notes IS NOT ?9";

/// `INSERT … VALUES (?1, … ?11), (?12, …)` for `rows` rows.
fn insert_rows(rows: usize) -> String {
    let row = |r: usize| {
        let columns: Vec<String> = (1..=COLUMNS)
            .map(|c| format!("?{}", r * COLUMNS + c))
            .collect();
        format!("({})", columns.join(", "))
    };
    let values: Vec<String> = (0..rows).map(row).collect();
    format!("{INSERT_INTO}{}", values.join(", "))
}

impl<'t> EventWriter<'t> {
    /// For a bulk write into a table whose indexes are set aside (`bulk::without_indexes`):
    /// the keys already there are read once, then every row is an insert or an update by
    /// row id. The file's own repeated keys are refused before they get here, and the
    /// unique index rebuilt afterwards refuses any that slipped through.
    pub fn bulk(
        tx: &'t Transaction,
        source: EventSource,
        import_id: Option<i64>,
    ) -> Result<EventWriter<'t>> {
        let mut keys = tx.prepare("SELECT uid, id FROM coaching_events")?;
        let known = keys
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<HashMap<String, i64>>>()?;
        let update = tx.prepare(&format!(
            "UPDATE coaching_events SET pilot_id = ?2, manager_id = ?3, coachee_id = ?4,
                 occurred_at = ?5, minutes = ?6, kind = ?7, task_id = ?8, notes = ?9,
                 import_id = ?10
             WHERE id = ?1 AND ({DIFFERS})"
        ))?;
        Ok(EventWriter {
            insert: tx.prepare(&insert_rows(1))?,
            bulk: Some(Bulk {
                known,
                update,
                batch: tx.prepare(&insert_rows(BATCH))?,
                pending: Vec::with_capacity(BATCH),
            }),
            source: source.as_str(),
            import_id,
            changed: 0,
        })
    }

    pub fn new(
        tx: &'t Transaction,
        source: EventSource,
        import_id: Option<i64>,
    ) -> Result<EventWriter<'t>> {
        let insert = tx.prepare(&format!(
            "{}
             ON CONFLICT (uid) DO UPDATE SET
                 pilot_id = excluded.pilot_id, manager_id = excluded.manager_id,
                 coachee_id = excluded.coachee_id, occurred_at = excluded.occurred_at,
                 minutes = excluded.minutes, kind = excluded.kind, task_id = excluded.task_id,
                 notes = excluded.notes, import_id = excluded.import_id
             WHERE pilot_id IS NOT excluded.pilot_id OR manager_id IS NOT excluded.manager_id
                 OR coachee_id IS NOT excluded.coachee_id
                 OR occurred_at IS NOT excluded.occurred_at OR minutes IS NOT excluded.minutes
                 OR kind IS NOT excluded.kind OR task_id IS NOT excluded.task_id
                 OR notes IS NOT excluded.notes",
            insert_rows(1)
        ))?;
        Ok(EventWriter {
            insert,
            bulk: None,
            source: source.as_str(),
            import_id,
            changed: 0,
        })
    }

    pub fn write(&mut self, event: &EventRecord) -> Result<()> {
        let Some(bulk) = &mut self.bulk else {
            let row = bind_row(&mut self.insert, 0, event, self.source, self.import_id)?;
            self.changed += row.raw_execute()? as u64;
            return Ok(());
        };
        if let Some(id) = bulk.known.get(&event.uid) {
            self.changed += bulk.update.execute(params![
                id,
                event.pilot_id,
                event.manager_id,
                event.coachee_id,
                format_time(event.occurred_at),
                event.minutes,
                event.kind.as_str(),
                event.task_id,
                event.notes,
                self.import_id
            ])? as u64;
            return Ok(());
        }
        bulk.pending.push(event.clone());
        if bulk.pending.len() == BATCH {
            for (row, event) in bulk.pending.iter().enumerate() {
                bind_row(&mut bulk.batch, row, event, self.source, self.import_id)?;
            }
            self.changed += bulk.batch.raw_execute()? as u64;
            bulk.pending.clear();
        }
        Ok(())
    }

    /// Writes the rows still held for a batch; returns how many rows were inserted or
    /// updated in all.
    pub fn finish(mut self) -> Result<u64> {
        if let Some(bulk) = &mut self.bulk {
            for event in bulk.pending.drain(..) {
                bind_row(&mut self.insert, 0, &event, self.source, self.import_id)?;
                self.changed += self.insert.raw_execute()? as u64;
            }
        }
        Ok(self.changed)
    }
}

/// Binds one event to the `row`-th row of an insert; returns the statement to execute.
fn bind_row<'s, 't>(
    statement: &'s mut Statement<'t>,
    row: usize,
    event: &EventRecord,
    source: &str,
    import_id: Option<i64>,
) -> rusqlite::Result<&'s mut Statement<'t>> {
    let at = row * COLUMNS;
    statement.raw_bind_parameter(at + 1, &event.uid)?;
    statement.raw_bind_parameter(at + 2, event.pilot_id)?;
    statement.raw_bind_parameter(at + 3, &event.manager_id)?;
    statement.raw_bind_parameter(at + 4, &event.coachee_id)?;
    statement.raw_bind_parameter(at + 5, format_time(event.occurred_at))?;
    statement.raw_bind_parameter(at + 6, event.minutes)?;
    statement.raw_bind_parameter(at + 7, event.kind.as_str())?;
    statement.raw_bind_parameter(at + 8, event.task_id)?;
    statement.raw_bind_parameter(at + 9, &event.notes)?;
    statement.raw_bind_parameter(at + 10, source)?;
    statement.raw_bind_parameter(at + 11, import_id)?;
    Ok(statement)
}

pub fn count(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row("SELECT count(*) FROM coaching_events", [], |r| r.get(0))?)
}

/// The events log's conditions, as SQL and its parameters.
#[derive(Default, Clone)]
pub struct Filter {
    pub pilot_id: Option<i64>,
    pub manager_id: Option<String>,
    pub kind: Option<EventKind>,
    pub from: Option<NaiveDate>,
    /// The last day included.
    pub to: Option<NaiveDate>,
}

impl Filter {
    fn clause(&self) -> (String, Vec<Value>) {
        let mut conditions = Vec::new();
        let mut values = Vec::new();
        if let Some(pilot) = self.pilot_id {
            values.push(Value::Integer(pilot));
            conditions.push(format!("e.pilot_id = ?{}", values.len()));
        }
        if let Some(manager) = &self.manager_id {
            values.push(Value::Text(manager.clone()));
            conditions.push(format!("e.manager_id = ?{}", values.len()));
        }
        if let Some(kind) = self.kind {
            values.push(Value::Text(kind.as_str().into()));
            conditions.push(format!("e.kind = ?{}", values.len()));
        }
        if let Some(from) = self.from {
            values.push(Value::Text(from.format("%Y-%m-%d").to_string()));
            conditions.push(format!("e.occurred_at >= ?{}", values.len()));
        }
        if let Some(to) = self.to.and_then(|d| d.succ_opt()) {
            values.push(Value::Text(to.format("%Y-%m-%d").to_string()));
            conditions.push(format!("e.occurred_at < ?{}", values.len()));
        }
        let clause = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        (clause, values)
    }
}

const VIEW: &str = "SELECT e.id, e.uid, e.manager_id, m.name, e.coachee_id, c.name, e.occurred_at,
           e.minutes, e.kind, e.pilot_id, p.name, e.task_id, t.behaviour, e.notes, e.source
    FROM coaching_events e
    JOIN people m ON m.id = e.manager_id
    LEFT JOIN people c ON c.id = e.coachee_id
    LEFT JOIN pilots p ON p.id = e.pilot_id
    LEFT JOIN playbook_tasks t ON t.id = e.task_id";

fn from_row(row: &Row) -> rusqlite::Result<CoachingEvent> {
    let kind: String = row.get(8)?;
    let source: String = row.get(14)?;
    let occurred: String = row.get(6)?;
    Ok(CoachingEvent {
        id: row.get(0)?,
        uid: row.get(1)?,
        manager_id: row.get(2)?,
        manager_name: row.get(3)?,
        coachee_id: row.get(4)?,
        coachee_name: row.get(5)?,
        occurred_at: parse_time(&occurred)?,
        minutes: row.get(7)?,
        kind: EventKind::parse(&kind).unwrap_or(EventKind::MicroCoaching),
        pilot_id: row.get(9)?,
        pilot_name: row.get(10)?,
        task_id: row.get(11)?,
        task: row.get(12)?,
        notes: row.get(13)?,
        source: EventSource::parse(&source).unwrap_or(EventSource::Import),
    })
}

/// How many events match and how many minutes they add up to.
pub fn totals(conn: &Connection, filter: &Filter) -> Result<(u32, u64)> {
    let (clause, values) = filter.clause();
    Ok(conn.query_row(
        &format!("SELECT count(*), coalesce(sum(e.minutes), 0) FROM coaching_events e {clause}"),
        params_from_iter(values),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// A page of matching events, latest first.
pub fn page(
    conn: &Connection,
    filter: &Filter,
    offset: u32,
    limit: u32,
) -> Result<Vec<CoachingEvent>> {
    let (clause, mut values) = filter.clause();
    values.push(Value::Integer(i64::from(limit)));
    values.push(Value::Integer(i64::from(offset)));
    let n = values.len();
    let mut statement = conn.prepare(&format!(
        "{VIEW} {clause} ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?{} OFFSET ?{n}",
        n - 1
    ))?;
    let rows = statement.query_map(params_from_iter(values), from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One person's coaching: (moments given as a manager, their minutes, moments received as a
/// coachee, their minutes).
pub fn person_totals(conn: &Connection, person_id: &str) -> Result<(u32, u64, u32, u64)> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(manager_id = ?1), 0),
                coalesce(sum(CASE WHEN manager_id = ?1 THEN minutes END), 0),
                coalesce(sum(coachee_id = ?1), 0),
                coalesce(sum(CASE WHEN coachee_id = ?1 THEN minutes END), 0)
         FROM coaching_events WHERE manager_id = ?1 OR coachee_id = ?1",
        [person_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?)
}

/// The latest moments a person gave or received, latest first.
pub fn latest_for_person(
    conn: &Connection,
    person_id: &str,
    limit: u32,
) -> Result<Vec<CoachingEvent>> {
    let mut statement = conn.prepare(&format!(
        "{VIEW} WHERE e.manager_id = ?1 OR e.coachee_id = ?1
         ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?2"
    ))?;
    let rows = statement.query_map(params![person_id, limit], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<CoachingEvent> {
    Ok(conn.query_row(&format!("{VIEW} WHERE e.id = ?1"), [id], from_row)?)
}

/// Every matching event, oldest first, one at a time (exports of a million events).
pub fn each(
    conn: &Connection,
    filter: &Filter,
    mut visit: impl FnMut(&CoachingEvent) -> Result<()>,
) -> Result<()> {
    let (clause, values) = filter.clause();
    let mut statement = conn.prepare(&format!("{VIEW} {clause} ORDER BY e.occurred_at, e.id"))?;
    let mut rows = statement.query(params_from_iter(values))?;
    while let Some(row) = rows.next()? {
        visit(&from_row(row)?)?;
    }
    Ok(())
}

/// Minutes coached per manager per day in a window, for time credits.
pub fn minutes_per_manager_day(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    pilot_id: Option<i64>,
    manager_id: Option<&str>,
) -> Result<Vec<(String, NaiveDate, u32, u32)>> {
    // One manager's days come from their own index range, not every event in the window:
    // a person's page asks for one manager in a workspace of a million events.
    let mut statement = conn.prepare(if manager_id.is_some() {
        "SELECT manager_id, substr(occurred_at, 1, 10) AS day, count(*), sum(minutes)
         FROM coaching_events
         WHERE manager_id = ?4 AND occurred_at >= ?1 AND occurred_at < ?2
           AND (?3 IS NULL OR pilot_id = ?3)
         GROUP BY manager_id, day"
    } else {
        "SELECT manager_id, substr(occurred_at, 1, 10) AS day, count(*), sum(minutes)
         FROM coaching_events
         WHERE occurred_at >= ?1 AND occurred_at < ?2 AND (?3 IS NULL OR pilot_id = ?3)
           AND ?4 IS NULL
         GROUP BY manager_id, day"
    })?;
    let end = to.succ_opt().unwrap_or(to);
    let rows = statement.query_map(
        params![
            from.format("%Y-%m-%d").to_string(),
            end.format("%Y-%m-%d").to_string(),
            pilot_id,
            manager_id
        ],
        |r| {
            let day: String = r.get(1)?;
            let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
            })?;
            Ok((r.get(0)?, day, r.get(2)?, r.get(3)?))
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}
