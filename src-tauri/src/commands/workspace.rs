use pilotdesk_core::model::{
    Person, PersonHistory, PersonPage, SettingsInput, WorkspaceOverview, WorkspaceSettings,
};
use pilotdesk_core::workflows::{person_page, settings, workspace};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command]
pub async fn get_overview(state: State<'_, AppState>) -> Reply<WorkspaceOverview> {
    Ok(workspace::overview(&*state.reader()?)?)
}

#[tauri::command]
pub async fn list_people(state: State<'_, AppState>) -> Reply<Vec<Person>> {
    Ok(workspace::list_people(&*state.reader()?)?)
}

/// A person in context: pilots and arm, coaching, time credits, skills.
#[tauri::command]
pub async fn get_person_page(state: State<'_, AppState>, person_id: String) -> Reply<PersonPage> {
    Ok(person_page::person_page(
        &*state.reader()?,
        &person_id,
        super::today(),
    )?)
}

#[tauri::command]
pub async fn get_person_history(
    state: State<'_, AppState>,
    person_id: String,
) -> Reply<PersonHistory> {
    Ok(workspace::person_history(&*state.reader()?, &person_id)?)
}

#[tauri::command]
pub async fn update_settings(
    state: State<'_, AppState>,
    input: SettingsInput,
) -> Reply<WorkspaceSettings> {
    Ok(settings::update_settings(&mut *state.store()?, &input)?)
}
