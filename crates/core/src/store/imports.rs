//! The record of every import: what file (and its hash), when, by whom, what it changed.

use rusqlite::{params, Connection, Transaction};

use crate::error::Result;
use crate::model::ImportRecord;

pub struct NewImport<'a> {
    pub kind: &'a str,
    pub file_name: &'a str,
    pub content_hash: &'a str,
    pub at: &'a str,
    pub actor: &'a str,
}

/// Records an import before its rows are written (they point at it); the counts follow.
pub fn insert(tx: &Transaction, import: &NewImport) -> Result<i64> {
    tx.execute(
        "INSERT INTO imports (kind, file_name, content_hash, rows, inserted, updated, unchanged,
                              at, actor)
         VALUES (?1, ?2, ?3, 0, 0, 0, 0, ?4, ?5)",
        params![
            import.kind,
            import.file_name,
            import.content_hash,
            import.at,
            import.actor
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn set_counts(
    tx: &Transaction,
    id: i64,
    rows: u32,
    inserted: u32,
    updated: u32,
    unchanged: u32,
) -> Result<()> {
    tx.execute(
        "UPDATE imports SET rows = ?2, inserted = ?3, updated = ?4, unchanged = ?5 WHERE id = ?1",
        params![id, rows, inserted, updated, unchanged],
    )?;
    Ok(())
}

pub fn list(conn: &Connection) -> Result<Vec<ImportRecord>> {
    let mut statement = conn.prepare(
        "SELECT id, kind, file_name, content_hash, rows, inserted, updated, unchanged, at, actor
         FROM imports ORDER BY id DESC",
    )?;
    let rows = statement.query_map([], |r| {
        Ok(ImportRecord {
            id: r.get(0)?,
            kind: r.get(1)?,
            file_name: r.get(2)?,
            content_hash: r.get(3)?,
            rows: r.get(4)?,
            inserted: r.get(5)?,
            updated: r.get(6)?,
            unchanged: r.get(7)?,
            at: r.get(8)?,
            actor: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
