//! The designer. Every edit answers with the whole design as it now stands, so the window's
//! checklist follows each change.

use pilotdesk_core::model::{
    BasicsInput, BudgetInput, CohortInput, KpiInput, ManagerCandidate, PilotDesign, TaskInput,
    TemplateSummary,
};
use pilotdesk_core::store::{kpis as kpi_store, playbooks};
use pilotdesk_core::workflows::{budget, cohort, design, kpis, playbook};
use pilotdesk_core::{Result, Store};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

/// Applies an edit and answers with the pilot's design afterwards.
fn edit_then_load(
    state: &AppState,
    pilot_id: impl FnOnce(&Store) -> Result<i64>,
    apply: impl FnOnce(&mut Store) -> Result<()>,
) -> Reply<PilotDesign> {
    let mut store = state.store()?;
    let pilot_id = pilot_id(&store)?;
    apply(&mut store)?;
    Ok(design::load_design(&store, pilot_id, today())?)
}

#[tauri::command]
pub async fn get_pilot_design(state: State<'_, AppState>, pilot_id: i64) -> Reply<PilotDesign> {
    Ok(design::load_design(&*state.reader()?, pilot_id, today())?)
}

#[tauri::command]
pub async fn list_templates() -> Reply<Vec<TemplateSummary>> {
    Ok(playbook::list_templates())
}

#[tauri::command]
pub async fn list_manager_candidates(state: State<'_, AppState>) -> Reply<Vec<ManagerCandidate>> {
    Ok(cohort::manager_candidates(&*state.reader()?)?)
}

#[tauri::command]
pub async fn update_basics(
    state: State<'_, AppState>,
    pilot_id: i64,
    input: BasicsInput,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |_| Ok(pilot_id),
        |s| design::update_basics(s, pilot_id, &input, today()),
    )
}

#[tauri::command]
pub async fn add_workflow(
    state: State<'_, AppState>,
    pilot_id: i64,
    name: String,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |_| Ok(pilot_id),
        |s| playbook::add_workflow(s, pilot_id, &name, today()).map(drop),
    )
}

#[tauri::command]
pub async fn apply_template(
    state: State<'_, AppState>,
    pilot_id: i64,
    key: String,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |_| Ok(pilot_id),
        |s| playbook::apply_template(s, pilot_id, &key, today()).map(drop),
    )
}

#[tauri::command]
pub async fn rename_workflow(
    state: State<'_, AppState>,
    workflow_id: i64,
    name: String,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |s| playbooks::pilot_of_workflow(s.conn(), workflow_id),
        |s| playbook::rename_workflow(s, workflow_id, &name, today()),
    )
}

#[tauri::command]
pub async fn remove_workflow(state: State<'_, AppState>, workflow_id: i64) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |s| playbooks::pilot_of_workflow(s.conn(), workflow_id),
        |s| playbook::remove_workflow(s, workflow_id, today()),
    )
}

#[tauri::command]
pub async fn add_task(
    state: State<'_, AppState>,
    workflow_id: i64,
    input: TaskInput,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |s| playbooks::pilot_of_workflow(s.conn(), workflow_id),
        |s| playbook::add_task(s, workflow_id, &input, today()).map(drop),
    )
}

#[tauri::command]
pub async fn update_task(
    state: State<'_, AppState>,
    task_id: i64,
    input: TaskInput,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |s| playbooks::owner_of_task(s.conn(), task_id).map(|(_, pilot)| pilot),
        |s| playbook::update_task(s, task_id, &input, today()),
    )
}

#[tauri::command]
pub async fn remove_task(state: State<'_, AppState>, task_id: i64) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |s| playbooks::owner_of_task(s.conn(), task_id).map(|(_, pilot)| pilot),
        |s| playbook::remove_task(s, task_id, today()),
    )
}

#[tauri::command]
pub async fn save_kpi(
    state: State<'_, AppState>,
    pilot_id: i64,
    input: KpiInput,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |_| Ok(pilot_id),
        |s| kpis::save_kpi(s, pilot_id, &input, today()).map(drop),
    )
}

#[tauri::command]
pub async fn remove_kpi(state: State<'_, AppState>, kpi_id: i64) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |s| kpi_store::pilot_of(s.conn(), kpi_id),
        |s| kpis::remove_kpi(s, kpi_id, today()),
    )
}

#[tauri::command]
pub async fn set_cohort(
    state: State<'_, AppState>,
    pilot_id: i64,
    input: CohortInput,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |_| Ok(pilot_id),
        |s| cohort::set_cohort(s, pilot_id, &input, today()),
    )
}

#[tauri::command]
pub async fn set_budget(
    state: State<'_, AppState>,
    pilot_id: i64,
    input: BudgetInput,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |_| Ok(pilot_id),
        |s| budget::set_budget(s, pilot_id, &input, today()),
    )
}

#[tauri::command]
pub async fn mark_checklist_item(
    state: State<'_, AppState>,
    pilot_id: i64,
    item: String,
    kind: String,
    reason: String,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |_| Ok(pilot_id),
        |s| design::mark_item(s, pilot_id, &item, &kind, &reason, today()),
    )
}

#[tauri::command]
pub async fn clear_checklist_mark(
    state: State<'_, AppState>,
    pilot_id: i64,
    item: String,
) -> Reply<PilotDesign> {
    edit_then_load(
        &state,
        |_| Ok(pilot_id),
        |s| design::clear_mark(s, pilot_id, &item, today()),
    )
}
