//! AI-assisted agendas: settings, the preview of what would leave the app, generating
//! (the model is asked with no hold on the workspace), decisions, calibration, and the
//! card and calendar entry written where the save dialog said.

use pilotdesk_core::model::agenda::{
    Agenda, AgendaRequest, AgendaSettings, AgendaSettingsInput, AgendaSummary, Calibration,
    ItemEdit, ModelPreview, RejectInput,
};
use pilotdesk_core::workflows::agenda::{calibration, decide, generate, outputs, settings};
use tauri::State;

use super::{in_background, today, Reply};
use crate::chosen_files::ChosenFiles;
use crate::state::AppState;

#[tauri::command]
pub async fn get_agenda_settings(state: State<'_, AppState>) -> Reply<AgendaSettings> {
    Ok(settings::load(&*state.reader()?)?)
}

#[tauri::command]
pub async fn update_agenda_settings(
    state: State<'_, AppState>,
    input: AgendaSettingsInput,
) -> Reply<AgendaSettings> {
    Ok(settings::update(&mut *state.store()?, &input)?)
}

#[tauri::command]
pub async fn preview_agenda_request(
    state: State<'_, AppState>,
    request: AgendaRequest,
) -> Reply<ModelPreview> {
    Ok(generate::preview(&*state.reader()?, &request, today())?)
}

/// Reads, then asks the model (up to its timeout) holding nothing, then writes.
#[tauri::command]
pub async fn generate_agenda(state: State<'_, AppState>, request: AgendaRequest) -> Reply<Agenda> {
    let workspace = state.workspace()?;
    in_background(move || {
        let plan = generate::plan(&*workspace.reader()?, &request, today())?;
        let answer = generate::answer(&plan);
        Ok(generate::save(&mut *workspace.writer()?, &plan, answer)?)
    })
    .await
}

#[tauri::command]
pub async fn get_agenda(state: State<'_, AppState>, id: i64) -> Reply<Agenda> {
    Ok(decide::get(&*state.reader()?, id)?)
}

#[tauri::command]
pub async fn list_agendas(
    state: State<'_, AppState>,
    manager_id: Option<String>,
) -> Reply<Vec<AgendaSummary>> {
    Ok(decide::list(&*state.reader()?, manager_id.as_deref(), 50)?)
}

#[tauri::command]
pub async fn edit_agenda_item(state: State<'_, AppState>, edit: ItemEdit) -> Reply<Agenda> {
    Ok(decide::edit_item(&mut *state.store()?, &edit)?)
}

#[tauri::command]
pub async fn accept_agenda(state: State<'_, AppState>, id: i64) -> Reply<Agenda> {
    Ok(decide::accept(&mut *state.store()?, id)?)
}

#[tauri::command]
pub async fn reject_agenda(state: State<'_, AppState>, input: RejectInput) -> Reply<Agenda> {
    Ok(decide::reject(&mut *state.store()?, &input)?)
}

#[tauri::command]
pub async fn get_calibration(
    state: State<'_, AppState>,
    pilot_id: Option<i64>,
) -> Reply<Calibration> {
    let store = state.reader()?;
    Ok(match pilot_id {
        Some(pilot) => calibration::for_pilot(&store, pilot, today())?,
        None => calibration::workspace(&store)?,
    })
}

#[tauri::command]
pub async fn save_agenda_card(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    id: i64,
    path: String,
) -> Reply<()> {
    let path = chosen.allow(&path)?;
    Ok(outputs::save_card(&*state.reader()?, id, &path, today())?)
}

#[tauri::command]
pub async fn save_agenda_calendar(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    id: i64,
    at: String,
    path: String,
) -> Reply<()> {
    let path = chosen.allow(&path)?;
    Ok(outputs::save_calendar(
        &mut *state.store()?,
        id,
        &at,
        &path,
    )?)
}
