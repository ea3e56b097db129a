//! Backups from Settings: list, make, check and restore, through the core's backup module.

use pilotdesk_core::backup::{self, folder};
use pilotdesk_core::model::{BackupCheck, BackupKind, BackupList, BackupRecord, RestoreReport};
use pilotdesk_core::{ApiError, Error};
use tauri::State;

use super::Reply;
use crate::state::AppState;

fn workspace_path(store: &pilotdesk_core::Store) -> Result<std::path::PathBuf, ApiError> {
    store
        .path()
        .map(std::path::Path::to_path_buf)
        .ok_or_else(|| {
            ApiError::from(Error::Conflict(
                "a workspace in memory has no backups".into(),
            ))
        })
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Reply<BackupList> {
    let path = workspace_path(&*state.reader()?)?;
    Ok(BackupList {
        folder: folder::folder_for(&path).display().to_string(),
        backups: backup::list(&path)?,
    })
}

#[tauri::command]
pub async fn create_backup(state: State<'_, AppState>) -> Reply<BackupRecord> {
    let store = state.store()?;
    let path = workspace_path(&store)?;
    Ok(backup::create(
        store.conn(),
        &path,
        BackupKind::Manual,
        chrono::Utc::now(),
    )?)
}

#[tauri::command]
pub async fn verify_backup(state: State<'_, AppState>, file_name: String) -> Reply<BackupCheck> {
    let path = workspace_path(&*state.reader()?)?;
    Ok(backup::verify(&path, &file_name)?)
}

/// Replaces the workspace with a backup; every screen reloads afterwards.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, file_name: String) -> Reply<RestoreReport> {
    let mut store = state.store()?;
    Ok(backup::restore(&mut store, &file_name, chrono::Utc::now())?)
}
