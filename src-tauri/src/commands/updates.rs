//! Updates from Settings and on start: the choice of how often, a check, an install with
//! progress, and the restart that makes an installed update take effect.

use pilotdesk_core::model::{
    UpdateCheck, UpdateCheckEvery, UpdateInstalled, UpdatePreferences, UpdateProgress,
};
use pilotdesk_core::updates;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use super::Reply;
use crate::updates::{InstallTarget, PendingUpdate};

#[tauri::command]
pub async fn get_update_preferences() -> Reply<UpdatePreferences> {
    Ok(updates::load(&updates::preferences_path())?)
}

#[tauri::command]
pub async fn set_update_check_every(check_every: UpdateCheckEvery) -> Reply<UpdatePreferences> {
    let path = updates::preferences_path();
    let mut preferences = updates::load(&path)?;
    preferences.check_every = check_every;
    updates::save(&path, &preferences)?;
    Ok(preferences)
}

/// Looks now, whatever the schedule says, and remembers when.
#[tauri::command]
pub async fn check_for_update(
    app: AppHandle,
    target: State<'_, InstallTarget>,
    pending: State<'_, PendingUpdate>,
) -> Reply<UpdateCheck> {
    let now = chrono::Utc::now();
    let checked = crate::updates::check(&app, &target, &pending, now).await?;
    let path = updates::preferences_path();
    let mut preferences = updates::load(&path)?;
    preferences.last_checked_at = Some(checked.checked_at.clone());
    updates::save(&path, &preferences)?;
    Ok(checked)
}

/// The check made on start: nothing when the schedule says it is not time yet.
#[tauri::command]
pub async fn check_for_update_if_due(
    app: AppHandle,
    target: State<'_, InstallTarget>,
    pending: State<'_, PendingUpdate>,
) -> Reply<Option<UpdateCheck>> {
    let preferences = updates::load(&updates::preferences_path())?;
    if !updates::is_due(&preferences, chrono::Utc::now()) {
        return Ok(None);
    }
    check_for_update(app, target, pending).await.map(Some)
}

#[tauri::command]
pub async fn install_update(
    pending: State<'_, PendingUpdate>,
    on_progress: Channel<UpdateProgress>,
) -> Reply<UpdateInstalled> {
    crate::updates::install(&pending, |step| {
        // A closed window stops listening; the install goes on regardless.
        let _ = on_progress.send(step);
    })
    .await
}

#[tauri::command]
pub fn restart_app(app: AppHandle) {
    app.restart();
}
