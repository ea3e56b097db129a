use pilotdesk_core::model::{
    NewPilotInput, Pilot, PilotDesign, PilotDetail, PilotStatus, PilotSummary,
};
use pilotdesk_core::workflows::{design, lifecycle, pilots};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command]
pub async fn list_pilots(state: State<'_, AppState>) -> Reply<Vec<PilotSummary>> {
    Ok(pilots::list_pilots(&*state.reader()?)?)
}

#[tauri::command]
pub async fn get_pilot_detail(state: State<'_, AppState>, id: i64) -> Reply<PilotDetail> {
    Ok(pilots::pilot_detail(&*state.reader()?, id, today())?)
}

#[tauri::command]
pub async fn validate_new_pilot(state: State<'_, AppState>, input: NewPilotInput) -> Reply<()> {
    pilots::validate_new_pilot(&*state.reader()?, &input)?;
    Ok(())
}

#[tauri::command]
pub async fn create_pilot(state: State<'_, AppState>, input: NewPilotInput) -> Reply<Pilot> {
    Ok(pilots::create_pilot(&mut *state.store()?, &input)?)
}

#[tauri::command]
pub async fn transition_pilot(
    state: State<'_, AppState>,
    pilot_id: i64,
    to: PilotStatus,
    reason: String,
) -> Reply<PilotDesign> {
    let mut store = state.store()?;
    lifecycle::transition(&mut store, pilot_id, to, &reason, today())?;
    Ok(design::load_design(&store, pilot_id, today())?)
}

#[tauri::command]
pub async fn submit_pilot(
    state: State<'_, AppState>,
    pilot_id: i64,
    reason: String,
) -> Reply<PilotDesign> {
    let mut store = state.store()?;
    lifecycle::submit(&mut store, pilot_id, &reason, today())?;
    Ok(design::load_design(&store, pilot_id, today())?)
}
