//! Making and checking backups with SQLite's online backup API, which copies a consistent
//! snapshot while the workspace stays open and in use.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, MAIN_DB};

use crate::error::{Error, Result};
use crate::model::{BackupCheck, BackupKind, BackupRecord};

use super::{content::content_hash, folder, rotation};

/// Copies the workspace into its backups folder, checks the copy, records it with its
/// content hash, and lets go of backups the rotation no longer keeps.
pub fn create(
    conn: &Connection,
    workspace: &Path,
    kind: BackupKind,
    now: DateTime<Utc>,
) -> Result<BackupRecord> {
    let folder = folder::folder_for(workspace);
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    let stem = workspace
        .file_stem()
        .map_or("workspace".into(), |s| s.to_string_lossy().into_owned());
    let mut file_name = format!(
        "{stem}-{}-{}.sqlite3",
        now.format("%Y%m%d-%H%M%S"),
        kind.as_str()
    );
    let mut n = 2;
    while folder.join(&file_name).exists() {
        file_name = format!(
            "{stem}-{}-{}-{n}.sqlite3",
            now.format("%Y%m%d-%H%M%S"),
            kind.as_str()
        );
        n += 1;
    }
    let target = folder.join(&file_name);
    let (partial, file) = crate::export::destination::create_partial(&target)?;
    drop(file);
    let made = (|| {
        conn.backup(MAIN_DB, &partial, None)?;
        // A backup is one self-contained file: no write-ahead log beside it to lose.
        Connection::open(&partial)?.pragma_update(None, "journal_mode", "delete")?;
        let copy = open_read_only(&partial)?;
        let integrity = integrity(&copy)?;
        if integrity != "ok" {
            return Err(Error::Conflict(format!(
                "the backup copy failed SQLite's integrity check ({integrity}); it was not kept"
            )));
        }
        let record = BackupRecord {
            file_name: file_name.clone(),
            kind,
            created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            schema_version: copy.query_row("PRAGMA user_version", [], |r| r.get(0))?,
            content_hash: content_hash(&copy)?,
            bytes: std::fs::metadata(&partial).map_or(0, |m| m.len()),
        };
        drop(copy);
        crate::export::destination::finish(&partial, &target)?;
        Ok(record)
    })();
    let record = match made {
        Ok(record) => record,
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
    };
    let _manifest = folder::MANIFEST_LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut records = folder::read(&folder)?;
    records.push(record.clone());
    let removed = rotation::to_remove(&records);
    records.retain(|r| !removed.contains(&r.file_name));
    folder::write(&folder, &records)?;
    for name in removed {
        // A file already gone needs no deleting; the manifest no longer lists it.
        let _ = std::fs::remove_file(folder.join(name));
    }
    Ok(record)
}

/// A daily backup, unless one was already made today.
pub fn daily_if_due(
    conn: &Connection,
    workspace: &Path,
    now: DateTime<Utc>,
) -> Result<Option<BackupRecord>> {
    let today = now.date_naive().to_string();
    let done = folder::read(&folder::folder_for(workspace))?
        .iter()
        .any(|r| r.kind == BackupKind::Daily && r.created_at.starts_with(&today));
    if done {
        return Ok(None);
    }
    create(conn, workspace, BackupKind::Daily, now).map(Some)
}

/// The workspace's backups, newest first.
pub fn list(workspace: &Path) -> Result<Vec<BackupRecord>> {
    let mut records = folder::read(&folder::folder_for(workspace))?;
    records.reverse();
    Ok(records)
}

pub(crate) fn record_of(workspace: &Path, file_name: &str) -> Result<BackupRecord> {
    folder::read(&folder::folder_for(workspace))?
        .into_iter()
        .find(|r| r.file_name == file_name)
        .ok_or_else(|| Error::NotFound {
            entity: "backup",
            id: file_name.to_string(),
        })
}

/// Checks a backup again: the file is there, SQLite finds it whole, and its content is what
/// was recorded when it was made.
pub fn verify(workspace: &Path, file_name: &str) -> Result<BackupCheck> {
    let record = record_of(workspace, file_name)?;
    let path = folder::file(&folder::folder_for(workspace), file_name)?;
    let found = (|| -> Result<String> {
        if !path.is_file() {
            return Ok(format!("{} is missing", path.display()));
        }
        let copy = open_read_only(&path)?;
        let integrity = integrity(&copy)?;
        if integrity != "ok" {
            return Ok(format!("SQLite's integrity check failed: {integrity}"));
        }
        let hash = content_hash(&copy)?;
        if hash != record.content_hash {
            return Ok(format!(
                "its content changed since it was made (content hash {} now, {} recorded)",
                crate::hashing::short(&hash, 16),
                crate::hashing::short(&record.content_hash, 16)
            ));
        }
        Ok(String::new())
    })()
    .unwrap_or_else(|error| format!("it cannot be read as a database: {error}"));
    Ok(BackupCheck {
        file_name: file_name.to_string(),
        ok: found.is_empty(),
        message: if found.is_empty() {
            format!(
                "Intact: SQLite's integrity check passes and the content hash {} matches.",
                crate::hashing::short(&record.content_hash, 16)
            )
        } else {
            format!("Damaged: {found}.")
        },
    })
}

pub(crate) fn open_read_only(path: &Path) -> Result<Connection> {
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

pub(crate) fn integrity(conn: &Connection) -> Result<String> {
    let lines: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines.join("; "))
}
