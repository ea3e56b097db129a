use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{Error, Result};
use crate::model::{ItemKind, ItemState, PilotStatus};

/// An item as stored; workflows add what depends on today and the pilot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRecord {
    pub id: i64,
    pub pilot_id: i64,
    pub pilot_name: String,
    pub pilot_status: PilotStatus,
    pub kind: ItemKind,
    pub subject: String,
    pub due_on: NaiveDate,
    pub opened_at: String,
    pub opened_by: String,
    pub state: ItemState,
    pub payload: String,
    pub decision_id: Option<i64>,
}

pub struct NewItem<'a> {
    pub pilot_id: i64,
    pub kind: ItemKind,
    pub subject: &'a str,
    pub due_on: NaiveDate,
    pub opened_at: &'a str,
    pub opened_by: &'a str,
    pub payload: &'a str,
}

pub fn insert(tx: &Transaction, item: &NewItem) -> Result<i64> {
    tx.execute(
        "INSERT INTO governance_items (pilot_id, kind, subject, due_on, opened_at, opened_by, payload)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            item.pilot_id,
            item.kind.as_str(),
            item.subject,
            item.due_on,
            item.opened_at,
            item.opened_by,
            item.payload
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn set_state(tx: &Transaction, id: i64, state: ItemState) -> Result<()> {
    tx.execute(
        "UPDATE governance_items SET state = ?2 WHERE id = ?1",
        params![id, state.as_str()],
    )?;
    Ok(())
}

fn bad(what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unknown {what} {value:?}").into(),
    )
}

fn from_row(row: &Row) -> rusqlite::Result<ItemRecord> {
    let kind: String = row.get(4)?;
    let state: String = row.get(9)?;
    let status: String = row.get(3)?;
    Ok(ItemRecord {
        id: row.get(0)?,
        pilot_id: row.get(1)?,
        pilot_name: row.get(2)?,
        pilot_status: PilotStatus::parse(&status).ok_or_else(|| bad("status", &status))?,
        kind: ItemKind::parse(&kind).ok_or_else(|| bad("item kind", &kind))?,
        subject: row.get(5)?,
        due_on: row.get(6)?,
        opened_at: row.get(7)?,
        opened_by: row.get(8)?,
        state: ItemState::parse(&state).ok_or_else(|| bad("item state", &state))?,
        payload: row.get(10)?,
        decision_id: row.get(11)?,
    })
}

const SELECT: &str = "SELECT i.id, i.pilot_id, p.name, p.status, i.kind, i.subject, i.due_on,
        i.opened_at, i.opened_by, i.state, i.payload,
        (SELECT d.id FROM decisions d WHERE d.item_id = i.id)
    FROM governance_items i JOIN pilots p ON p.id = i.pilot_id";

pub fn get(conn: &Connection, id: i64) -> Result<ItemRecord> {
    conn.query_row(&format!("{SELECT} WHERE i.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "governance item",
            id: id.to_string(),
        })
}

pub fn for_pilot(conn: &Connection, pilot_id: i64) -> Result<Vec<ItemRecord>> {
    let mut statement = conn.prepare(&format!("{SELECT} WHERE i.pilot_id = ?1 ORDER BY i.id"))?;
    let rows = statement.query_map([pilot_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn open(conn: &Connection) -> Result<Vec<ItemRecord>> {
    let mut statement = conn.prepare(&format!(
        "{SELECT} WHERE i.state = 'open' ORDER BY i.due_on, i.id"
    ))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The pilot's open item of a kind, if any.
pub fn open_of_kind(
    conn: &Connection,
    pilot_id: i64,
    kind: ItemKind,
) -> Result<Option<ItemRecord>> {
    Ok(for_pilot(conn, pilot_id)?
        .into_iter()
        .find(|i| i.kind == kind && i.state == ItemState::Open))
}
