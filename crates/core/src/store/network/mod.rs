//! What the coaching network reads: the people employed during a period, the coaching
//! events between them, who is an internal coach, and person-level KPI observations.
//! Events and observations are streamed to a callback with borrowed text, since a quarter
//! of the 10,000-person workspace holds half a million events and only their pairs matter.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::model::Direction;

/// Someone employed during the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub team: String,
    pub role: String,
    /// Someone reports to them.
    pub manages: bool,
}

/// The people hired by `to` (or with no hire date) who had not left before `from`, by id.
pub fn employed(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<PersonRow>> {
    let mut statement = conn.prepare_cached(
        "SELECT p.id, p.name, p.team, p.role,
                EXISTS (SELECT 1 FROM people r WHERE r.manager_id = p.id)
         FROM people p
         WHERE (p.hire_date IS NULL OR p.hire_date <= ?2)
           AND (p.leaving_date IS NULL OR p.leaving_date >= ?1)
         ORDER BY p.id",
    )?;
    let rows = statement.query_map(rusqlite::params![from, to], |row| {
        Ok(PersonRow {
            id: row.get(0)?,
            name: row.get(1)?,
            team: row.get(2)?,
            role: row.get(3)?,
            manages: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The statements the network runs over a quarter's events, kept here so a benchmark can
/// hand the same ones to the `sqlite3` shell: through the time index, or reading the whole
/// table in order (see [`events_scan_is_cheaper`]).
pub const EVENTS_SQL: &str = "SELECT manager_id, coachee_id, minutes FROM coaching_events
     WHERE occurred_at >= ?1 AND occurred_at < ?2";
pub const EVENTS_SCAN_SQL: &str = "SELECT manager_id, coachee_id, minutes
     FROM coaching_events NOT INDEXED WHERE occurred_at >= ?1 AND occurred_at < ?2";

/// Whether reading a whole table in order beats an index for `in_period` of its rows. Rows
/// are stored in the order they were written, not by time, so each row an index finds is a
/// separate page read, while a scan reads each page once. On the 10,000-person workspace a
/// coaching event found through the time index costs about twenty times an event scanned
/// (a quarter with 46% of the events: 1.2 s against 0.18 s; with 7%: 0.22 s against
/// 0.14 s), so past one row in twenty the scan wins. SQLite's planner cannot know how the
/// rows lie. `rows` is the table's largest row id: free to read, and an overestimate only
/// after deletions, which errs towards the index.
fn scan_is_cheaper(in_period: i64, rows: i64) -> bool {
    in_period * 20 >= rows
}

fn largest_rowid(conn: &Connection, table: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached(&format!("SELECT ifnull(max(rowid), 0) FROM {table}"))?
        .query_row([], |r| r.get(0))?)
}

/// Whether to scan the events table for a period; counting the period through the time
/// index alone never touches the table.
pub fn events_scan_is_cheaper(conn: &Connection, from: &str, end: &str) -> Result<bool> {
    let in_period: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM coaching_events WHERE occurred_at >= ?1 AND occurred_at < ?2",
        )?
        .query_row([from, end], |r| r.get(0))?;
    Ok(scan_is_cheaper(
        in_period,
        largest_rowid(conn, "coaching_events")?,
    ))
}

/// Calls `each(coach, coachee, minutes)` for every coaching event from `from` to `to`,
/// inclusive. The coachee is none for an event recorded without one.
pub fn each_event(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    mut each: impl FnMut(&str, Option<&str>, u32),
) -> Result<()> {
    // Times are stored as "YYYY-MM-DDTHH:MM:SS": the day after `to` is the first time past it.
    let (from, end) = (from.to_string(), to.succ_opt().unwrap_or(to).to_string());
    let sql = if events_scan_is_cheaper(conn, &from, &end)? {
        EVENTS_SCAN_SQL
    } else {
        EVENTS_SQL
    };
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query([&from, &end])?;
    while let Some(row) = rows.next()? {
        let coach = row.get_ref(0)?.as_str().map_err(text_error(0))?;
        let coachee = row.get_ref(1)?.as_str_or_null().map_err(text_error(1))?;
        let minutes: i64 = row.get(2)?;
        each(coach, coachee, u32::try_from(minutes).unwrap_or(0));
    }
    Ok(())
}

fn text_error(index: usize) -> impl Fn(rusqlite::types::FromSqlError) -> crate::error::Error {
    move |e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
            .into()
    }
}

/// The days of the first and the last coaching event, if there are any.
pub fn event_span(conn: &Connection) -> Result<Option<(NaiveDate, NaiveDate)>> {
    // Two subqueries, so each is one step down the time index: min and max together in
    // one select make SQLite read the whole index.
    let (first, last): (Option<String>, Option<String>) = conn.query_row(
        "SELECT (SELECT min(occurred_at) FROM coaching_events),
                (SELECT max(occurred_at) FROM coaching_events)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let day = |text: Option<String>| text.and_then(|t| t.get(..10).and_then(|d| d.parse().ok()));
    Ok(day(first).zip(day(last)))
}

/// Internal coaches nominated by `to` and not withdrawn before `from`.
pub fn internal_coaches(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<String>> {
    let mut statement = conn.prepare_cached(
        "SELECT person_id FROM coaches
         WHERE nominated_on <= ?2 AND (withdrawn_on IS NULL OR withdrawn_on >= ?1)
         ORDER BY person_id",
    )?;
    let rows = statement.query_map(rusqlite::params![from, to], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A KPI with its count of observations in a window.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiWithData {
    pub id: i64,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub observations: u64,
}

/// Every KPI with observations about people from `from` to `to`, most observations first
/// (then by id). Observations are counted through `kpi_observations_by_kpi` alone (people
/// and teams alike), and a KPI is kept only if one of them is about a person: counting
/// only people's would read every row, and a workspace may hold millions.
pub fn kpis_with_person_data(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<KpiWithData>> {
    let mut kpis =
        conn.prepare_cached("SELECT id, name, unit, direction FROM pilot_kpis ORDER BY id")?;
    let all = kpis
        .query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut count = conn.prepare_cached(
        "SELECT count(*) FROM kpi_observations WHERE kpi_id = ?1 AND observed_on BETWEEN ?2 AND ?3",
    )?;
    let mut about_people = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM kpi_observations
                        WHERE kpi_id = ?1 AND observed_on BETWEEN ?2 AND ?3
                          AND person_id IS NOT NULL)",
    )?;
    let mut found = Vec::new();
    for (id, name, unit, direction) in all {
        let Some(direction) = Direction::parse(&direction) else {
            continue;
        };
        let observations: u64 = count.query_row(rusqlite::params![id, from, to], |r| r.get(0))?;
        if observations == 0
            || !about_people.query_row(rusqlite::params![id, from, to], |r| r.get::<_, bool>(0))?
        {
            continue;
        }
        found.push(KpiWithData {
            id,
            name,
            unit,
            direction,
            observations,
        });
    }
    found.sort_by(|a, b| b.observations.cmp(&a.observations).then(a.id.cmp(&b.id)));
    Ok(found)
}

/// Calls `each(person, day, value)` for every person-level observation of a KPI from
/// `from` to `to`, inclusive: through `kpi_observations_by_kpi`, or reading the whole table
/// when that is cheaper (see [`scan_is_cheaper`]).
pub fn each_person_observation(
    conn: &Connection,
    kpi_id: i64,
    from: NaiveDate,
    to: NaiveDate,
    mut each: impl FnMut(&str, NaiveDate, f64),
) -> Result<()> {
    let in_period: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM kpi_observations
             WHERE kpi_id = ?1 AND observed_on BETWEEN ?2 AND ?3",
        )?
        .query_row(rusqlite::params![kpi_id, from, to], |r| r.get(0))?;
    let scan = scan_is_cheaper(in_period, largest_rowid(conn, "kpi_observations")?);
    let mut statement = conn.prepare_cached(&format!(
        "SELECT person_id, observed_on, value FROM kpi_observations {}
         WHERE kpi_id = ?1 AND observed_on BETWEEN ?2 AND ?3 AND person_id IS NOT NULL",
        if scan { "NOT INDEXED" } else { "" }
    ))?;
    let mut rows = statement.query(rusqlite::params![kpi_id, from, to])?;
    while let Some(row) = rows.next()? {
        let person = row.get_ref(0)?.as_str().map_err(text_error(0))?;
        let day = row.get_ref(1)?.as_str().map_err(text_error(1))?;
        // The rollup's reader, not chrono's general parser: a quarter has 100,000 of them.
        let Some(day) = crate::store::analytics::kpi_days::iso_day(day) else {
            continue;
        };
        each(person, day, row.get(2)?);
    }
    Ok(())
}
