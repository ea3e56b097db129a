use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::{PaperSize, WorkspaceSettings};

pub const WORKSPACE_NAME: &str = "workspace_name";
pub const CURRENCY: &str = "currency";
pub const MIN_GROUP_SIZE: &str = "min_group_size";
pub const PAPER_SIZE: &str = "paper_size";
pub const CURRENT_USER: &str = "current_user";
pub const CURRENT_USER_ID: &str = "current_user_id";
pub const DEMO_LOADED: &str = "demo_loaded";
pub const CREDIT_RATE: &str = "credit_rate";
pub const WEEKLY_LOAD_HOURS: &str = "weekly_load_hours";

/// One hour of credit per hour coached, until the workspace says otherwise.
pub const DEFAULT_CREDIT_RATE: f64 = 1.0;
/// Twelve 10-minute moments a week for each of eight reports is about 4 hours: the most a
/// first-line manager can add to a full week without something else giving way.
pub const DEFAULT_WEEKLY_LOAD_HOURS: f64 = 4.0;

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

pub fn set(tx: &Transaction, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Acts as a person on this connection only, without changing the workspace's choice: the
/// command line's `--as`. Kept in a temporary table, so every workflow that reads the
/// settings records this person and nothing is written to the file.
pub fn act_for_session(conn: &Connection, person_id: &str) -> Result<()> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS session_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    )?;
    conn.execute(
        "INSERT OR REPLACE INTO temp.session_settings (key, value) VALUES (?1, ?2)",
        params![CURRENT_USER_ID, person_id],
    )?;
    Ok(())
}

/// Ends acting for the session: the workspace's own current user acts again.
pub fn end_session(conn: &Connection) -> Result<()> {
    conn.execute_batch("DROP TABLE IF EXISTS temp.session_settings")?;
    Ok(())
}

fn session_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    let has_session: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_temp_master WHERE name = 'session_settings'",
        [],
        |row| row.get(0),
    )?;
    if !has_session {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT value FROM temp.session_settings WHERE key = ?1",
            [key],
            |row| row.get(0),
        )
        .optional()?)
}

fn person_name(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT name FROM people WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?)
}

/// The workspace settings, with defaults for anything never set.
pub fn load(conn: &Connection) -> Result<WorkspaceSettings> {
    let current_user_id = match session_get(conn, CURRENT_USER_ID)? {
        Some(id) => Some(id),
        None => get(conn, CURRENT_USER_ID)?,
    };
    // The person's name as People has it now, so a corrected name shows everywhere.
    let current_user = match &current_user_id {
        Some(id) => person_name(conn, id)?,
        None => None,
    };
    Ok(WorkspaceSettings {
        workspace_name: get(conn, WORKSPACE_NAME)?.unwrap_or_else(|| "My workspace".into()),
        currency: get(conn, CURRENCY)?.unwrap_or_else(|| "USD".into()),
        min_group_size: get(conn, MIN_GROUP_SIZE)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(5),
        paper_size: get(conn, PAPER_SIZE)?
            .and_then(|v| PaperSize::parse(&v))
            .unwrap_or(PaperSize::A4),
        current_user: match current_user {
            Some(name) => name,
            None => get(conn, CURRENT_USER)?.unwrap_or_else(default_user),
        },
        current_user_id,
        credit_rate: get(conn, CREDIT_RATE)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_CREDIT_RATE),
        weekly_load_hours: get(conn, WEEKLY_LOAD_HOURS)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_WEEKLY_LOAD_HOURS),
    })
}

/// Until someone is chosen, changes are recorded under the operating-system account.
fn default_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "local user".into())
}
