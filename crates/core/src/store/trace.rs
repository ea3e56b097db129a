//! A diagnostic: every SQL statement a connection runs, written out with its parameters
//! filled in, so a benchmark can hand the very same statements to the `sqlite3` shell.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Mutex;

use rusqlite::trace::{TraceEvent, TraceEventCodes};
use rusqlite::Connection;

use crate::error::{Error, Result};

/// Where statements go; SQLite's trace hook takes a plain function, so the file is global.
static SINK: Mutex<Option<BufWriter<File>>> = Mutex::new(None);

fn record(event: TraceEvent<'_>) {
    if let TraceEvent::Profile(statement, _) = event {
        let sql = statement
            .expanded_sql()
            .unwrap_or_else(|| statement.sql().into_owned());
        if let Ok(mut sink) = SINK.lock() {
            if let Some(file) = sink.as_mut() {
                let _ = writeln!(file, "{};", sql.trim().trim_end_matches(';'));
                let _ = file.flush();
            }
        }
    }
}

/// Writes every statement `conn` completes from now on to `path`, one per line.
pub fn statements_to(conn: &Connection, path: &Path) -> Result<()> {
    let file = File::create(path).map_err(|e| Error::io(path, e))?;
    if let Ok(mut sink) = SINK.lock() {
        *sink = Some(BufWriter::new(file));
    }
    conn.trace_v2(TraceEventCodes::SQLITE_TRACE_PROFILE, Some(record));
    Ok(())
}
