use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::{json, Value};

use crate::error::Result;
use crate::metrics::chain::{entry_hash, ChainLink, GENESIS};
use crate::model::LogEntry;

pub struct NewEntry<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub actor_id: Option<&'a str>,
    /// e.g. "vote", "decision", "recusal".
    pub kind: &'a str,
    pub pilot_id: Option<i64>,
    pub summary: &'a str,
    /// Everything else worth keeping, e.g. the choice and the comment.
    pub details: Value,
}

/// Appends an entry chained to the last one. Runs inside the caller's transaction, which
/// holds the write lock, so no other writer can slip an entry in between.
pub fn append(tx: &Transaction, entry: &NewEntry) -> Result<i64> {
    let prev_hash: String = tx
        .query_row(
            "SELECT hash FROM decision_log ORDER BY id DESC LIMIT 1",
            [],
            |row| row.get(0),
        )
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string());
    // serde_json orders object keys, so the same entry always serialises the same way.
    let content = json!({
        "at": entry.at,
        "actor": entry.actor,
        "actor_id": entry.actor_id,
        "kind": entry.kind,
        "pilot_id": entry.pilot_id,
        "summary": entry.summary,
        "details": entry.details,
    })
    .to_string();
    let hash = entry_hash(&prev_hash, &content);
    tx.execute(
        "INSERT INTO decision_log (at, actor, actor_id, kind, pilot_id, summary, content,
                                   prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            entry.at,
            entry.actor,
            entry.actor_id,
            entry.kind,
            entry.pilot_id,
            entry.summary,
            content,
            prev_hash,
            hash
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

const COLUMNS: &str = "id, at, actor, actor_id, kind, pilot_id, summary, content, prev_hash, hash";

fn from_row(row: &rusqlite::Row) -> rusqlite::Result<LogEntry> {
    Ok(LogEntry {
        id: row.get(0)?,
        at: row.get(1)?,
        actor: row.get(2)?,
        actor_id: row.get(3)?,
        kind: row.get(4)?,
        pilot_id: row.get(5)?,
        summary: row.get(6)?,
        content: row.get(7)?,
        prev_hash: row.get(8)?,
        hash: row.get(9)?,
    })
}

/// Oldest first.
pub fn all(conn: &Connection) -> Result<Vec<LogEntry>> {
    let mut statement = conn.prepare(&format!("SELECT {COLUMNS} FROM decision_log ORDER BY id"))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<LogEntry>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM decision_log WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// The rows as the chain check reads them: each column that repeats a field of the
/// content is compared with it.
pub fn links(entries: &[LogEntry]) -> Vec<ChainLink> {
    entries
        .iter()
        .map(|e| ChainLink {
            id: e.id,
            content: e.content.clone(),
            prev_hash: e.prev_hash.clone(),
            hash: e.hash.clone(),
            columns: vec![
                ("at", json!(e.at)),
                ("actor", json!(e.actor)),
                ("actor_id", json!(e.actor_id)),
                ("kind", json!(e.kind)),
                ("pilot_id", json!(e.pilot_id)),
                ("summary", json!(e.summary)),
            ],
        })
        .collect()
}
