//! KPI observations: one value per KPI, person or team and day.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Statement, Transaction};

use crate::error::Result;
use crate::model::{KpiDataSummary, Observation, WeeklyMean};

#[derive(Debug, Clone, PartialEq)]
pub struct ObservationRecord {
    pub kpi_id: i64,
    pub person_id: Option<String>,
    pub team: Option<String>,
    pub observed_on: NaiveDate,
    pub value: f64,
}

/// Writes observations by their natural key; a changed value replaces the old one.
pub struct ObservationWriter<'t> {
    statement: Statement<'t>,
    import_id: Option<i64>,
    pub changed: u64,
}

impl<'t> ObservationWriter<'t> {
    /// Plain inserts, for filling an empty table whose indexes are set aside.
    pub fn inserting(tx: &'t Transaction, import_id: Option<i64>) -> Result<ObservationWriter<'t>> {
        let statement = tx.prepare(
            "INSERT INTO kpi_observations (kpi_id, person_id, team, observed_on, value, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        Ok(ObservationWriter {
            statement,
            import_id,
            changed: 0,
        })
    }

    pub fn new(tx: &'t Transaction, import_id: Option<i64>) -> Result<ObservationWriter<'t>> {
        let statement = tx.prepare(
            "INSERT INTO kpi_observations (kpi_id, person_id, team, observed_on, value, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (kpi_id, ifnull(person_id, ''), ifnull(team, ''), observed_on)
             DO UPDATE SET value = excluded.value, import_id = excluded.import_id
             WHERE value IS NOT excluded.value",
        )?;
        Ok(ObservationWriter {
            statement,
            import_id,
            changed: 0,
        })
    }

    pub fn write(&mut self, record: &ObservationRecord) -> Result<()> {
        self.changed += self.statement.execute(params![
            record.kpi_id,
            record.person_id,
            record.team,
            record.observed_on,
            record.value,
            self.import_id
        ])? as u64;
        Ok(())
    }
}

pub fn count(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row("SELECT count(*) FROM kpi_observations", [], |r| r.get(0))?)
}

fn summary_from_row(row: &Row) -> rusqlite::Result<KpiDataSummary> {
    Ok(KpiDataSummary {
        kpi_id: row.get(0)?,
        pilot_id: row.get(1)?,
        pilot_name: row.get(2)?,
        name: row.get(3)?,
        unit: row.get(4)?,
        observations: row.get(5)?,
        units: row.get(6)?,
        first: row.get(7)?,
        last: row.get(8)?,
        mean: row.get(9)?,
    })
}

const SUMMARY: &str = "SELECT k.id, k.pilot_id, p.name, k.name, k.unit, count(o.id),
           count(DISTINCT coalesce('p:' || o.person_id, 't:' || o.team)),
           min(o.observed_on), max(o.observed_on), avg(o.value)
    FROM pilot_kpis k JOIN pilots p ON p.id = k.pilot_id
    LEFT JOIN kpi_observations o ON o.kpi_id = k.id";

/// Every KPI of every pilot with how much data it has.
pub fn summaries(conn: &Connection) -> Result<Vec<KpiDataSummary>> {
    let mut statement = conn.prepare(&format!(
        "{SUMMARY} GROUP BY k.id ORDER BY p.name, k.position"
    ))?;
    let rows = statement.query_map([], summary_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn summary(conn: &Connection, kpi_id: i64) -> Result<KpiDataSummary> {
    Ok(conn.query_row(
        &format!("{SUMMARY} WHERE k.id = ?1 GROUP BY k.id"),
        [kpi_id],
        summary_from_row,
    )?)
}

/// Weekly means (weeks starting Monday), oldest first.
pub fn weekly(conn: &Connection, kpi_id: i64) -> Result<Vec<WeeklyMean>> {
    // SQLite's weekday 0 is Sunday; step back to the Monday on or before the day.
    let mut statement = conn.prepare(
        "SELECT date(observed_on, '-' || ((strftime('%w', observed_on) + 6) % 7) || ' days') AS week,
                count(*), avg(value)
         FROM kpi_observations WHERE kpi_id = ?1 GROUP BY week ORDER BY week",
    )?;
    let rows = statement.query_map([kpi_id], |r| {
        Ok(WeeklyMean {
            week_start: r.get(0)?,
            observations: r.get(1)?,
            mean: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn from_row(row: &Row) -> rusqlite::Result<Observation> {
    Ok(Observation {
        id: row.get(0)?,
        kpi_id: row.get(1)?,
        person_id: row.get(2)?,
        person_name: row.get(3)?,
        team: row.get(4)?,
        observed_on: row.get(5)?,
        value: row.get(6)?,
    })
}

const VIEW: &str = "SELECT o.id, o.kpi_id, o.person_id, pe.name, o.team, o.observed_on, o.value
    FROM kpi_observations o LEFT JOIN people pe ON pe.id = o.person_id";

/// A page of a KPI's observations, latest first.
pub fn page(conn: &Connection, kpi_id: i64, offset: u32, limit: u32) -> Result<Vec<Observation>> {
    let mut statement = conn.prepare(&format!(
        "{VIEW} WHERE o.kpi_id = ?1 ORDER BY o.observed_on DESC, o.id DESC LIMIT ?2 OFFSET ?3"
    ))?;
    let rows = statement.query_map(params![kpi_id, limit, offset], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every observation with its KPI and pilot names, for exports.
pub fn each(
    conn: &Connection,
    mut visit: impl FnMut(&Observation, &str, &str, i64) -> Result<()>,
) -> Result<()> {
    let mut statement = conn.prepare(
        "SELECT o.id, o.kpi_id, o.person_id, pe.name, o.team, o.observed_on, o.value,
                k.name, p.name, p.id
         FROM kpi_observations o
         JOIN pilot_kpis k ON k.id = o.kpi_id JOIN pilots p ON p.id = k.pilot_id
         LEFT JOIN people pe ON pe.id = o.person_id
         ORDER BY p.id, k.position, o.observed_on, o.id",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let observation = from_row(row)?;
        let kpi: String = row.get(7)?;
        let pilot: String = row.get(8)?;
        visit(&observation, &kpi, &pilot, row.get(9)?)?;
    }
    Ok(())
}
