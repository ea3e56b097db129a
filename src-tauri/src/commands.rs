//! Thin commands: take the arguments, call the core, map its error to `ApiError`.
//! Async, so they run off the main thread and never freeze the window.

use std::path::PathBuf;

use chrono::Local;
use pilotdesk_core::model::{
    NewPilotInput, PackRecord, PaperSize, Person, Pilot, PilotDetail, PilotSummary, SettingsInput,
    WorkspaceOverview, WorkspaceSettings,
};
use pilotdesk_core::workflows::{packs, pilots, settings, workspace};
use pilotdesk_core::ApiError;
use tauri::State;

use crate::state::AppState;

type Reply<T> = Result<T, ApiError>;

fn today() -> chrono::NaiveDate {
    Local::now().date_naive()
}

#[tauri::command]
pub async fn get_overview(state: State<'_, AppState>) -> Reply<WorkspaceOverview> {
    Ok(workspace::overview(&*state.store()?)?)
}

#[tauri::command]
pub async fn list_pilots(state: State<'_, AppState>) -> Reply<Vec<PilotSummary>> {
    Ok(pilots::list_pilots(&*state.store()?)?)
}

#[tauri::command]
pub async fn get_pilot_detail(state: State<'_, AppState>, id: i64) -> Reply<PilotDetail> {
    Ok(pilots::pilot_detail(&*state.store()?, id, today())?)
}

#[tauri::command]
pub async fn validate_new_pilot(state: State<'_, AppState>, input: NewPilotInput) -> Reply<()> {
    pilots::validate_new_pilot(&*state.store()?, &input)?;
    Ok(())
}

#[tauri::command]
pub async fn create_pilot(state: State<'_, AppState>, input: NewPilotInput) -> Reply<Pilot> {
    Ok(pilots::create_pilot(&mut *state.store()?, &input)?)
}

#[tauri::command]
pub async fn list_people(state: State<'_, AppState>) -> Reply<Vec<Person>> {
    Ok(workspace::list_people(&*state.store()?)?)
}

#[tauri::command]
pub async fn list_packs(state: State<'_, AppState>) -> Reply<Vec<PackRecord>> {
    Ok(packs::list_packs(&*state.store()?)?)
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
pub async fn update_settings(
    state: State<'_, AppState>,
    input: SettingsInput,
) -> Reply<WorkspaceSettings> {
    Ok(settings::update_settings(&mut *state.store()?, &input)?)
}
