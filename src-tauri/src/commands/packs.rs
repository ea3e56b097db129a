use std::path::PathBuf;

use pilotdesk_core::model::{PackRecord, PaperSize};
use pilotdesk_core::workflows::packs;
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command]
pub async fn list_packs(state: State<'_, AppState>) -> Reply<Vec<PackRecord>> {
    Ok(packs::list_packs(&*state.reader()?)?)
}

#[tauri::command]
pub async fn save_proposal_pack(
    state: State<'_, AppState>,
    pilot_id: i64,
    path: String,
    paper: Option<PaperSize>,
) -> Reply<PackRecord> {
    let path = PathBuf::from(path);
    Ok(packs::save_proposal(
        &mut *state.store()?,
        pilot_id,
        &path,
        paper,
        today(),
    )?)
}

#[tauri::command]
pub async fn save_decision_pack(
    state: State<'_, AppState>,
    decision_id: i64,
    path: String,
    paper: Option<PaperSize>,
) -> Reply<PackRecord> {
    let path = PathBuf::from(path);
    Ok(packs::save_decision(
        &mut *state.store()?,
        decision_id,
        &path,
        paper,
        today(),
    )?)
}
