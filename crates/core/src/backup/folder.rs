//! Where a workspace's backups live: a folder beside it, with a manifest that records each
//! backup's kind, time, schema and content hash.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::BackupRecord;

const MANIFEST: &str = "backups.json";

/// Held while the manifest is read, changed and written: the app's daily backup runs on a
/// thread of its own and may finish while a person makes one from Settings.
pub(crate) static MANIFEST_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// "~/.local/share/pilotdesk/pilotdesk-backups" for "…/pilotdesk.sqlite3".
pub fn folder_for(workspace: &Path) -> PathBuf {
    let stem = workspace
        .file_stem()
        .map_or("workspace".into(), |s| s.to_string_lossy().into_owned());
    let parent = workspace
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent.join(format!("{stem}-backups"))
}

/// The recorded backups, oldest first; none before the first.
pub fn read(folder: &Path) -> Result<Vec<BackupRecord>> {
    let path = folder.join(MANIFEST);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(&path, e)),
    };
    serde_json::from_str(&text).map_err(|e| {
        Error::Conflict(format!(
            "{}: the list of backups cannot be read (line {}, column {}: {e}); the backup \
             files beside it are untouched",
            path.display(),
            e.line(),
            e.column()
        ))
    })
}

/// Replaces the manifest whole, through a synced temporary file.
pub fn write(folder: &Path, records: &[BackupRecord]) -> Result<()> {
    let text = serde_json::to_vec_pretty(records).unwrap_or_default();
    crate::export::destination::write_whole(&folder.join(MANIFEST), &text)
}

/// The path of a recorded backup, refusing names that would leave the folder.
pub fn file(folder: &Path, file_name: &str) -> Result<PathBuf> {
    let plain = Path::new(file_name)
        .file_name()
        .is_some_and(|n| n == std::ffi::OsStr::new(file_name));
    if !plain || file_name.starts_with('.') {
        return Err(Error::invalid_field(
            "backup",
            format!(
                "\"{file_name}\" is not the name of a backup in {}",
                folder.display()
            ),
        ));
    }
    Ok(folder.join(file_name))
}
