//! A KPI's observations as the rollup keeps them: per unit (a manager's team or a team)
//! and day, the count, the total and the total of squares.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;

/// What a unit key in the rollup names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKey {
    /// The direct reports of a manager, by the manager's id.
    Manager(String),
    /// A team, for observations recorded for the team as a whole.
    Team(String),
}

impl UnitKey {
    fn parse(text: &str) -> Option<UnitKey> {
        if let Some(id) = text.strip_prefix("m:") {
            Some(UnitKey::Manager(id.to_string()))
        } else {
            text.strip_prefix("t:")
                .map(|t| UnitKey::Team(t.to_string()))
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitDay {
    pub unit: UnitKey,
    pub day: NaiveDate,
    /// Observations that day, one per person (or one for the team).
    pub n: u32,
    pub total: f64,
    pub total_sq: f64,
}

/// The SQL the dashboard runs for one KPI, kept here so the benchmark can hand the very
/// same statement to the `sqlite3` shell.
pub const KPI_DAYS_SQL: &str = "SELECT unit, day, n, total, total_sq FROM kpi_rollup
     WHERE kpi_id = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY unit, day";

/// Every unit-day of a KPI between two days, inclusive, ordered by unit and day.
pub fn unit_days(
    conn: &Connection,
    kpi_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<UnitDay>> {
    let mut statement = conn.prepare_cached(KPI_DAYS_SQL)?;
    let mut rows = statement.query(rusqlite::params![kpi_id, from, to])?;
    let mut days = Vec::new();
    while let Some(row) = rows.next()? {
        let unit: String = row.get(0)?;
        let Some(unit) = UnitKey::parse(&unit) else {
            continue;
        };
        days.push(UnitDay {
            unit,
            day: row.get(1)?,
            n: row.get(2)?,
            total: row.get(3)?,
            total_sq: row.get(4)?,
        });
    }
    Ok(days)
}

/// The first and last day a KPI has data, if any.
pub fn data_span(conn: &Connection, kpi_id: i64) -> Result<Option<(NaiveDate, NaiveDate)>> {
    let (first, last): (Option<NaiveDate>, Option<NaiveDate>) = conn.query_row(
        "SELECT min(day), max(day) FROM kpi_rollup WHERE kpi_id = ?1",
        [kpi_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(first.zip(last))
}
