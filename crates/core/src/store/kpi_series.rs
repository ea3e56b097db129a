//! KPI observations as the lift reads them: each with the person's manager and team, so
//! the workflow can place it in a cohort arm.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;

#[derive(Debug, Clone, PartialEq)]
pub struct ObservationRow {
    pub person_id: Option<String>,
    /// The person's manager, for person-level observations.
    pub manager_id: Option<String>,
    /// The team of a team-level observation.
    pub team: Option<String>,
    pub observed_on: NaiveDate,
    pub value: f64,
}

pub fn for_kpi(conn: &Connection, kpi_id: i64) -> Result<Vec<ObservationRow>> {
    let mut statement = conn.prepare(
        "SELECT o.person_id, p.manager_id, CASE WHEN o.person_id IS NULL THEN o.team END,
                o.observed_on, o.value
         FROM kpi_observations o LEFT JOIN people p ON p.id = o.person_id
         WHERE o.kpi_id = ?1 ORDER BY o.observed_on, o.id",
    )?;
    let rows = statement.query_map([kpi_id], |row| {
        Ok(ObservationRow {
            person_id: row.get(0)?,
            manager_id: row.get(1)?,
            team: row.get(2)?,
            observed_on: row.get(3)?,
            value: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
