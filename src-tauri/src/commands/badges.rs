//! Open Badges: saving a certification's credential where the save dialog said, and
//! verifying a credential file the person chose.

use pilotdesk_core::model::badges::{BadgeVerification, IssuedBadge};
use pilotdesk_core::workflows::badges;
use tauri::State;

use super::{today, Reply};
use crate::chosen_files::ChosenFiles;
use crate::state::AppState;

/// Writes the certification's badge (issuing it first if it has none yet).
#[tauri::command]
pub async fn save_badge(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    certification_id: i64,
    path: String,
) -> Reply<IssuedBadge> {
    let path = chosen.allow(&path)?;
    Ok(badges::save(
        &mut *state.store()?,
        certification_id,
        &path,
        today(),
    )?)
}

/// Checks any credential file; needs nothing from the workspace.
#[tauri::command]
pub async fn verify_badge(
    chosen: State<'_, ChosenFiles>,
    path: String,
) -> Reply<BadgeVerification> {
    let path = chosen.allow(&path)?;
    Ok(badges::verify_file(&path, chrono::Utc::now())?)
}
