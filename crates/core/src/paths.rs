//! Where the workspace lives unless told otherwise.

use std::path::PathBuf;

/// Overrides the database location for the app and the command line (tests use it).
pub const DB_ENV: &str = "PILOTDESK_DB";

/// `$XDG_DATA_HOME/pilotdesk/pilotdesk.sqlite3` (normally `~/.local/share/...`), or the
/// file named by `PILOTDESK_DB`.
pub fn default_db_path() -> PathBuf {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("pilotdesk")
        .join("pilotdesk.sqlite3")
}
