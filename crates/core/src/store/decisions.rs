use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{Error, Result};
use crate::model::{Decision, DecisionKind, VoteChoice};

pub struct NewDecision<'a> {
    pub pilot_id: i64,
    pub item_id: Option<i64>,
    pub kind: DecisionKind,
    pub outcome: &'a str,
    pub summary: &'a str,
    pub decided_at: &'a str,
    pub recorded_by: &'a str,
    pub recorded_by_id: Option<&'a str>,
    pub evidence: &'a str,
    pub log_id: i64,
}

pub fn insert(tx: &Transaction, decision: &NewDecision) -> Result<i64> {
    tx.execute(
        "INSERT INTO decisions (pilot_id, item_id, kind, outcome, summary, decided_at,
                                recorded_by, recorded_by_id, evidence, log_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            decision.pilot_id,
            decision.item_id,
            decision.kind.as_str(),
            decision.outcome,
            decision.summary,
            decision.decided_at,
            decision.recorded_by,
            decision.recorded_by_id,
            decision.evidence,
            decision.log_id
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// "Approved", "Released"...
pub fn outcome_label(outcome: &str) -> String {
    match VoteChoice::parse(outcome) {
        Some(VoteChoice::Approve) => "Approved".into(),
        Some(VoteChoice::Reject) => "Rejected".into(),
        Some(VoteChoice::RequestChanges) => "Changes requested".into(),
        Some(VoteChoice::Continue) => "Continue".into(),
        Some(VoteChoice::Stop) => "Stop".into(),
        Some(VoteChoice::Scale) => "Scale".into(),
        Some(VoteChoice::Iterate) => "Iterate".into(),
        None if outcome == "released" => "Released".into(),
        None => outcome.into(),
    }
}

fn from_row(row: &Row) -> rusqlite::Result<Decision> {
    let kind: String = row.get(4)?;
    let outcome: String = row.get(5)?;
    Ok(Decision {
        id: row.get(0)?,
        pilot_id: row.get(1)?,
        pilot_name: row.get(2)?,
        item_id: row.get(3)?,
        kind: DecisionKind::parse(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                4,
                rusqlite::types::Type::Text,
                format!("unknown decision kind {kind:?}").into(),
            )
        })?,
        outcome_label: outcome_label(&outcome),
        outcome,
        summary: row.get(6)?,
        decided_at: row.get(7)?,
        recorded_by: row.get(8)?,
        evidence: row.get(9)?,
        log_id: row.get(10)?,
    })
}

const SELECT: &str = "SELECT d.id, d.pilot_id, p.name, d.item_id, d.kind, d.outcome, d.summary,
        d.decided_at, d.recorded_by, d.evidence, d.log_id
    FROM decisions d JOIN pilots p ON p.id = d.pilot_id";

pub fn get(conn: &Connection, id: i64) -> Result<Decision> {
    conn.query_row(&format!("{SELECT} WHERE d.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "decision",
            id: id.to_string(),
        })
}

pub fn for_pilot(conn: &Connection, pilot_id: i64) -> Result<Vec<Decision>> {
    let mut statement = conn.prepare(&format!("{SELECT} WHERE d.pilot_id = ?1 ORDER BY d.id"))?;
    let rows = statement.query_map([pilot_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Newest first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<Decision>> {
    let mut statement = conn.prepare(&format!("{SELECT} ORDER BY d.id DESC LIMIT ?1"))?;
    let rows = statement.query_map([limit], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
