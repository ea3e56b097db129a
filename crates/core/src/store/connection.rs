//! The one place that opens a database and sets its pragmas.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

use super::migrations;

/// How long a writer waits for another connection's lock before giving up. The app and a
/// script using the command line may touch the same file.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens (creating if needed) a database file without migrating it, after refusing a
/// database from a newer build. Nothing is written to a refused file: the version check
/// runs before the journal mode, which is persistent, is set.
pub fn open_file(path: &Path) -> Result<Connection> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags)?;
    migrations::refuse_newer(&conn)?;
    configure(&conn, true)?;
    Ok(conn)
}

/// Opens an existing, already migrated database for reading only: beside the one writer,
/// WAL lets any number of these read the last commit while a long write runs.
///
/// The file is opened as the writer opens it and the connection made query-only, rather
/// than opened read-only: every handle then shares the WAL index on the same terms, and
/// SQLite itself refuses any write through this one.
pub fn open_reader(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags)?;
    migrations::refuse_newer(&conn)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

pub fn open_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    configure(&conn, false)?;
    Ok(conn)
}

fn configure(conn: &Connection, on_disk: bool) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    if on_disk {
        // WAL lets the UI read while an import writes, and survives an app crash.
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Conflict(format!(
                "the database could not switch to write-ahead logging (it reports {mode}); \
                 is it on a network drive?"
            )));
        }
        // NORMAL is durable against application crashes in WAL mode; a power cut may lose
        // the last commit but never corrupts the file. FULL would fsync every quick-log
        // entry for no benefit a desktop user would notice.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    Ok(())
}
