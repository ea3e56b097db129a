//! What the ROI rests on, as the workspace states it: per KPI the people (or deals,
//! tickets) the improvement applies to in a year and the confidence in the isolated
//! effect; per pilot the benefits listed but not monetised; per role an hour's cost.

use rusqlite::{params, Connection, Transaction};

use crate::error::Result;
use crate::model::Money;

#[derive(Debug, Clone, PartialEq)]
pub struct KpiAssumption {
    pub kpi_id: i64,
    pub affected_per_year: Option<f64>,
    pub affected_unit: Option<String>,
    pub confidence: Option<f64>,
}

pub fn for_pilot(conn: &Connection, pilot_id: i64) -> Result<Vec<KpiAssumption>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, affected_per_year, affected_unit, confidence FROM pilot_kpis
         WHERE pilot_id = ?1 ORDER BY position",
    )?;
    let rows = statement.query_map([pilot_id], |row| {
        Ok(KpiAssumption {
            kpi_id: row.get(0)?,
            affected_per_year: row.get(1)?,
            affected_unit: row.get(2)?,
            confidence: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn set(tx: &Transaction, assumption: &KpiAssumption) -> Result<()> {
    tx.execute(
        "UPDATE pilot_kpis SET affected_per_year = ?2, affected_unit = ?3, confidence = ?4
         WHERE id = ?1",
        params![
            assumption.kpi_id,
            assumption.affected_per_year,
            assumption.affected_unit,
            assumption.confidence
        ],
    )?;
    Ok(())
}

pub fn intangibles(conn: &Connection, pilot_id: i64) -> Result<Vec<String>> {
    let mut statement = conn.prepare_cached(
        "SELECT text FROM pilot_intangibles WHERE pilot_id = ?1 ORDER BY position",
    )?;
    let rows = statement.query_map([pilot_id], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn replace_intangibles(tx: &Transaction, pilot_id: i64, items: &[String]) -> Result<()> {
    tx.execute(
        "DELETE FROM pilot_intangibles WHERE pilot_id = ?1",
        [pilot_id],
    )?;
    let mut insert =
        tx.prepare("INSERT INTO pilot_intangibles (pilot_id, position, text) VALUES (?1, ?2, ?3)")?;
    for (position, text) in items.iter().enumerate() {
        insert.execute(params![pilot_id, position as i64, text])?;
    }
    Ok(())
}

/// An hour of each role's time, as set in Settings.
pub fn hourly_costs(conn: &Connection) -> Result<Vec<(String, Money)>> {
    let mut statement =
        conn.prepare_cached("SELECT role, cents FROM role_hourly_costs ORDER BY role")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, Money(row.get(1)?))))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn set_hourly_cost(tx: &Transaction, role: &str, cost: Option<Money>) -> Result<()> {
    match cost {
        Some(cost) => tx.execute(
            "INSERT INTO role_hourly_costs (role, cents) VALUES (?1, ?2)
             ON CONFLICT (role) DO UPDATE SET cents = excluded.cents",
            params![role, cost.cents()],
        )?,
        None => tx.execute("DELETE FROM role_hourly_costs WHERE role = ?1", [role])?,
    };
    Ok(())
}
