//! Putting a backup back: copied to a new file first and checked there (whole, not from a
//! newer Pilotdesk, the content it was recorded with), the workspace as it stands kept as a
//! backup of its own, then the copy written over the workspace in one transaction through
//! SQLite's backup API, so other connections see the old or the new workspace, never half.

use chrono::{DateTime, Utc};
use rusqlite::MAIN_DB;

use crate::error::{Error, Result};
use crate::model::{BackupKind, RestoreReport};
use crate::store::{migrations, Store};

use super::content::content_hash;
use super::{folder, snapshot};

pub fn restore(store: &mut Store, file_name: &str, now: DateTime<Utc>) -> Result<RestoreReport> {
    let workspace = store
        .path()
        .map(std::path::Path::to_path_buf)
        .ok_or_else(|| Error::Conflict("a workspace in memory has no backups".into()))?;
    let record = snapshot::record_of(&workspace, file_name)?;
    let source = folder::file(&folder::folder_for(&workspace), file_name)?;

    // 1. A fresh copy beside the workspace, checked before anything else is touched.
    let (copy_path, file) = crate::export::destination::create_partial(
        &workspace.with_file_name(format!(".restoring-{file_name}")),
    )?;
    drop(file);
    let outcome = (|| {
        let checked = (|| {
            std::fs::copy(&source, &copy_path).map_err(|e| Error::io(&source, e))?;
            let copy = rusqlite::Connection::open(&copy_path)?;
            migrations::refuse_newer(&copy)?;
            let integrity = snapshot::integrity(&copy)?;
            if integrity != "ok" {
                return Err(Error::Conflict(format!(
                    "it failed SQLite's integrity check ({integrity})"
                )));
            }
            if content_hash(&copy)? != record.content_hash {
                return Err(Error::Conflict(
                    "it no longer holds what was recorded when it was made (its content hash \
                     differs)"
                        .into(),
                ));
            }
            Ok(())
        })();
        match checked {
            Ok(()) => {}
            // Refused as a newer database is, with the same words.
            Err(error @ Error::DatabaseTooNew { .. }) => return Err(error),
            Err(error) => {
                return Err(Error::Conflict(format!(
                    "{file_name} cannot be restored: {error}; the workspace was not touched"
                )))
            }
        }

        // 2. The workspace as it stands, kept.
        let kept = snapshot::create(store.conn(), &workspace, BackupKind::BeforeRestore, now)?;

        // 3. One step: the checked copy replaces the workspace's content.
        store
            .conn_mut()
            .restore(MAIN_DB, &copy_path, None::<fn(rusqlite::backup::Progress)>)?;
        let restored_hash = content_hash(store.conn())?;
        if restored_hash != record.content_hash {
            return Err(Error::Conflict(format!(
                "the restored workspace does not match {file_name}; the workspace as it was is \
                 kept as {}",
                kept.file_name
            )));
        }
        // An older backup is brought up to this build's schema, as opening it would.
        migrations::migrate(store.conn_mut())?;
        Ok(RestoreReport {
            restored: record.clone(),
            kept,
            content_hash: restored_hash,
        })
    })();
    let _ = std::fs::remove_file(&copy_path);
    outcome
}
