use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Error, Result};
use crate::model::{Money, SpendEntry};

/// A tranche as stored; the condition's words and its check are the workflow's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrancheRecord {
    pub id: i64,
    pub pilot_id: i64,
    pub position: u32,
    pub label: String,
    pub amount: Money,
    pub kpi_id: Option<i64>,
    pub release_decision_id: Option<i64>,
    pub released_at: Option<String>,
    pub released_by: Option<String>,
    pub spent: Money,
}

const SELECT: &str = "SELECT t.id, t.pilot_id, t.position, t.label, t.amount_cents, t.kpi_id,
        t.release_decision_id, d.decided_at, d.recorded_by,
        (SELECT coalesce(sum(s.amount_cents), 0) FROM tranche_spend s WHERE s.tranche_id = t.id)
    FROM budget_tranches t LEFT JOIN decisions d ON d.id = t.release_decision_id";

fn from_row(row: &rusqlite::Row) -> rusqlite::Result<TrancheRecord> {
    Ok(TrancheRecord {
        id: row.get(0)?,
        pilot_id: row.get(1)?,
        position: row.get(2)?,
        label: row.get(3)?,
        amount: Money(row.get(4)?),
        kpi_id: row.get(5)?,
        release_decision_id: row.get(6)?,
        released_at: row.get(7)?,
        released_by: row.get(8)?,
        spent: Money(row.get(9)?),
    })
}

pub fn for_pilot(conn: &Connection, pilot_id: i64) -> Result<Vec<TrancheRecord>> {
    let mut statement = conn.prepare(&format!(
        "{SELECT} WHERE t.pilot_id = ?1 ORDER BY t.position"
    ))?;
    let rows = statement.query_map([pilot_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<TrancheRecord> {
    conn.query_row(&format!("{SELECT} WHERE t.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "tranche",
            id: id.to_string(),
        })
}

/// Pilots that have at least one tranche.
pub fn pilots_with_tranches(conn: &Connection) -> Result<Vec<i64>> {
    let mut statement =
        conn.prepare("SELECT DISTINCT pilot_id FROM budget_tranches ORDER BY pilot_id")?;
    let rows = statement.query_map([], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The tranches that depend on a KPI.
pub fn labels_for_kpi(conn: &Connection, kpi_id: i64) -> Result<Vec<String>> {
    let mut statement =
        conn.prepare("SELECT label FROM budget_tranches WHERE kpi_id = ?1 ORDER BY position")?;
    let rows = statement.query_map([kpi_id], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn insert(
    tx: &Transaction,
    pilot_id: i64,
    label: &str,
    amount: Money,
    kpi_id: Option<i64>,
) -> Result<i64> {
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position) + 1, 0) FROM budget_tranches WHERE pilot_id = ?1",
        [pilot_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO budget_tranches (pilot_id, position, label, amount_cents, kpi_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![pilot_id, position, label, amount.cents(), kpi_id],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update(
    tx: &Transaction,
    id: i64,
    label: &str,
    amount: Money,
    kpi_id: Option<i64>,
) -> Result<()> {
    tx.execute(
        "UPDATE budget_tranches SET label = ?2, amount_cents = ?3, kpi_id = ?4 WHERE id = ?1",
        params![id, label, amount.cents(), kpi_id],
    )?;
    Ok(())
}

pub fn delete(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute("DELETE FROM budget_tranches WHERE id = ?1", [id])?;
    Ok(())
}

pub fn mark_released(tx: &Transaction, id: i64, decision_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE budget_tranches SET release_decision_id = ?2 WHERE id = ?1",
        params![id, decision_id],
    )?;
    Ok(())
}

pub struct NewSpend<'a> {
    pub tranche_id: i64,
    pub spent_on: NaiveDate,
    pub amount: Money,
    pub description: &'a str,
    pub recorded_at: &'a str,
    pub recorded_by: &'a str,
}

pub fn insert_spend(tx: &Transaction, spend: &NewSpend) -> Result<i64> {
    tx.execute(
        "INSERT INTO tranche_spend (tranche_id, spent_on, amount_cents, description, recorded_at,
                                    recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            spend.tranche_id,
            spend.spent_on,
            spend.amount.cents(),
            spend.description,
            spend.recorded_at,
            spend.recorded_by
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn spend_for_pilot(conn: &Connection, pilot_id: i64) -> Result<Vec<SpendEntry>> {
    let mut statement = conn.prepare(
        "SELECT s.id, s.tranche_id, s.spent_on, s.amount_cents, s.description, s.recorded_at,
                s.recorded_by
         FROM tranche_spend s JOIN budget_tranches t ON t.id = s.tranche_id
         WHERE t.pilot_id = ?1 ORDER BY s.spent_on, s.id",
    )?;
    let rows = statement.query_map([pilot_id], |row| {
        Ok(SpendEntry {
            id: row.get(0)?,
            tranche_id: row.get(1)?,
            spent_on: row.get(2)?,
            amount: Money(row.get(3)?),
            description: row.get(4)?,
            recorded_at: row.get(5)?,
            recorded_by: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
