use rusqlite::{params, Connection, Transaction};

use crate::error::Result;
use crate::model::{PilotStatus, Transition};

pub struct NewTransition<'a> {
    pub pilot_id: i64,
    pub from: PilotStatus,
    pub to: PilotStatus,
    pub at: &'a str,
    pub actor: &'a str,
    pub reason: &'a str,
    pub evidence: &'a str,
}

/// Records the transition and moves the pilot to its new status.
pub fn record(tx: &Transaction, transition: &NewTransition) -> Result<i64> {
    tx.execute(
        "INSERT INTO pilot_transitions (pilot_id, from_status, to_status, at, actor, reason, evidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            transition.pilot_id,
            transition.from.as_str(),
            transition.to.as_str(),
            transition.at,
            transition.actor,
            transition.reason,
            transition.evidence
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "UPDATE pilots SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![transition.pilot_id, transition.to.as_str(), transition.at],
    )?;
    Ok(id)
}

pub fn for_pilot(conn: &Connection, pilot_id: i64) -> Result<Vec<Transition>> {
    let mut statement = conn.prepare(
        "SELECT id, from_status, to_status, at, actor, reason, evidence FROM pilot_transitions
         WHERE pilot_id = ?1 ORDER BY id",
    )?;
    let rows = statement.query_map([pilot_id], |row| {
        let from: String = row.get(1)?;
        let to: String = row.get(2)?;
        Ok(Transition {
            id: row.get(0)?,
            from: PilotStatus::parse(&from).unwrap_or(PilotStatus::Draft),
            to: PilotStatus::parse(&to).unwrap_or(PilotStatus::Draft),
            at: row.get(3)?,
            actor: row.get(4)?,
            reason: row.get(5)?,
            evidence: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
