//! The certification standard, one row per version.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Error, Result};
use crate::model::coaches::{Standard, StandardCriteria};

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<(u32, String, String, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn parse(
    (version, name, json, created_at, created_by): (u32, String, String, String, String),
) -> Result<Standard> {
    let criteria: StandardCriteria = serde_json::from_str(&json).map_err(|e| {
        Error::Conflict(format!(
            "the certification standard version {version} cannot be read ({e}); set a new \
             version"
        ))
    })?;
    Ok(Standard {
        version,
        name,
        criteria,
        created_at,
        created_by,
    })
}

const COLUMNS: &str = "version, name, criteria_json, created_at, created_by";

/// The newest version, when the workspace has one.
pub fn latest(conn: &Connection) -> Result<Option<Standard>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM certification_standards ORDER BY version DESC LIMIT 1"),
        [],
        from_row,
    )
    .optional()?
    .map(parse)
    .transpose()
}

pub fn get(conn: &Connection, version: u32) -> Result<Option<Standard>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM certification_standards WHERE version = ?1"),
        [version],
        from_row,
    )
    .optional()?
    .map(parse)
    .transpose()
}

pub fn insert(tx: &Transaction, standard: &Standard) -> Result<()> {
    let json = serde_json::to_string(&standard.criteria)
        .map_err(|e| Error::Conflict(format!("the standard cannot be written: {e}")))?;
    tx.execute(
        "INSERT INTO certification_standards (version, name, criteria_json, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            standard.version,
            standard.name,
            json,
            standard.created_at,
            standard.created_by
        ],
    )?;
    Ok(())
}
