//! Dashboards as computed, kept per pilot and day with the workspace version they were
//! computed at (raised by every write), so an unchanged dashboard is read, not recomputed.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;

pub fn version(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT n FROM workspace_version WHERE id = 1", [], |r| {
            r.get(0)
        })?,
    )
}

/// The dashboard's JSON, if one was kept at this version.
pub fn get(
    conn: &Connection,
    pilot_id: i64,
    as_of: NaiveDate,
    version: i64,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT body FROM dashboard_cache WHERE pilot_id = ?1 AND as_of = ?2 AND version = ?3",
            params![pilot_id, as_of, version],
            |r| r.get(0),
        )
        .optional()?)
}

/// Keeps a dashboard, dropping the pilot's dashboards of older versions.
pub fn put(
    tx: &Transaction,
    pilot_id: i64,
    as_of: NaiveDate,
    version: i64,
    body: &str,
) -> Result<()> {
    tx.execute(
        "DELETE FROM dashboard_cache WHERE pilot_id = ?1 AND version <> ?2",
        params![pilot_id, version],
    )?;
    tx.execute(
        "INSERT OR REPLACE INTO dashboard_cache (pilot_id, as_of, version, body)
         VALUES (?1, ?2, ?3, ?4)",
        params![pilot_id, as_of, version, body],
    )?;
    Ok(())
}
