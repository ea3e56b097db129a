use pilotdesk_core::model::{PackRecord, PaperSize};
use pilotdesk_core::workflows::packs;
use pilotdesk_core::ApiError;
use tauri::State;

use super::{today, Reply};
use crate::chosen_files::ChosenFiles;
use crate::state::AppState;

#[tauri::command]
pub async fn list_packs(state: State<'_, AppState>) -> Reply<Vec<PackRecord>> {
    Ok(packs::list_packs(&*state.reader()?)?)
}

/// Opens a pack the app saved in the system's PDF viewer.
#[tauri::command]
pub async fn open_pack(state: State<'_, AppState>, pack_id: i64) -> Reply<()> {
    let path = packs::saved_file(&*state.reader()?, pack_id)?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| opener_error(&path, e))
}

/// Shows a pack the app saved in the file manager.
#[tauri::command]
pub async fn show_pack_in_folder(state: State<'_, AppState>, pack_id: i64) -> Reply<()> {
    let path = packs::saved_file(&*state.reader()?, pack_id)?;
    tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| opener_error(&path, e))
}

fn opener_error(path: &std::path::Path, error: tauri_plugin_opener::Error) -> ApiError {
    ApiError {
        code: "io".into(),
        message: format!("{}: the system could not open it ({error})", path.display()),
        details: Vec::new(),
    }
}

#[tauri::command]
pub async fn save_proposal_pack(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    pilot_id: i64,
    path: String,
    paper: Option<PaperSize>,
) -> Reply<PackRecord> {
    let path = chosen.allow(&path)?;
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
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    decision_id: i64,
    path: String,
    paper: Option<PaperSize>,
) -> Reply<PackRecord> {
    let path = chosen.allow(&path)?;
    Ok(packs::save_decision(
        &mut *state.store()?,
        decision_id,
        &path,
        paper,
        today(),
    )?)
}
