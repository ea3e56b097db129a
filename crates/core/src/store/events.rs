//! Coaching events: written by key (their UUID), so writing the same event twice leaves one.

use chrono::{NaiveDate, NaiveDateTime};
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

pub fn format_time(time: NaiveDateTime) -> String {
    time.format(TIME_FORMAT).to_string()
}

pub fn parse_time(text: &str) -> rusqlite::Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, TIME_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f"))
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f"))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })
}

/// Writes events through one prepared statement: a new key inserts, a known key updates
/// only when something differs, an identical event changes nothing.
pub struct EventWriter<'t> {
    statement: Statement<'t>,
    source: &'static str,
    import_id: Option<i64>,
    /// Rows inserted or updated.
    pub changed: u64,
}

impl<'t> EventWriter<'t> {
    /// Plain inserts, for filling an empty table whose indexes are set aside
    /// (`bulk::without_indexes`): there is no key to compare with yet.
    pub fn inserting(
        tx: &'t Transaction,
        source: EventSource,
        import_id: Option<i64>,
    ) -> Result<EventWriter<'t>> {
        let statement = tx.prepare(
            "INSERT INTO coaching_events (uid, pilot_id, manager_id, coachee_id, occurred_at,
                 minutes, kind, task_id, notes, source, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        Ok(EventWriter {
            statement,
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
        let statement = tx.prepare(
            "INSERT INTO coaching_events (uid, pilot_id, manager_id, coachee_id, occurred_at,
                 minutes, kind, task_id, notes, source, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
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
        )?;
        Ok(EventWriter {
            statement,
            source: source.as_str(),
            import_id,
            changed: 0,
        })
    }

    pub fn write(&mut self, event: &EventRecord) -> Result<()> {
        let changed = self.statement.execute(params![
            event.uid,
            event.pilot_id,
            event.manager_id,
            event.coachee_id,
            format_time(event.occurred_at),
            event.minutes,
            event.kind.as_str(),
            event.task_id,
            event.notes,
            self.source,
            self.import_id
        ])?;
        self.changed += changed as u64;
        Ok(())
    }
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
) -> Result<Vec<(String, NaiveDate, u32, u32)>> {
    let mut statement = conn.prepare(
        "SELECT manager_id, substr(occurred_at, 1, 10) AS day, count(*), sum(minutes)
         FROM coaching_events
         WHERE occurred_at >= ?1 AND occurred_at < ?2 AND (?3 IS NULL OR pilot_id = ?3)
         GROUP BY manager_id, day",
    )?;
    let end = to.succ_opt().unwrap_or(to);
    let rows = statement.query_map(
        params![
            from.format("%Y-%m-%d").to_string(),
            end.format("%Y-%m-%d").to_string(),
            pilot_id
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
