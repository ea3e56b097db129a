//! Skills as a service: frameworks (CASE), the module catalog and purchases, assignments,
//! ratings, role requirements and the figures they add up to.

use pilotdesk_core::model::skills::{
    AssignInput, Assignment, AssignmentBoard, CompetencyChoice, FrameworkImport, FrameworkSummary,
    FrameworkView, ModuleInput, ProgressInput, Purchase, PurchaseInput, Rating, RatingInput,
    ReadinessHeatmap, RoleRequirement, RoleRequirementInput, SkillModule, SkillProfile,
    SkillsReport,
};
use pilotdesk_core::workflows::skills::{assignments, catalog, frameworks, ratings, report};
use pilotdesk_core::Error;
use tauri::State;

use super::{in_background, today, Reply};
use crate::chosen_files::ChosenFiles;
use crate::state::AppState;

#[tauri::command]
pub async fn list_frameworks(state: State<'_, AppState>) -> Reply<Vec<FrameworkSummary>> {
    Ok(frameworks::list_frameworks(&*state.reader()?)?)
}

#[tauri::command]
pub async fn get_framework(state: State<'_, AppState>, id: i64) -> Reply<FrameworkView> {
    Ok(frameworks::view_framework(&*state.reader()?, id)?)
}

/// Reads the chosen CASE package and imports it whole, or refuses it with every problem.
#[tauri::command]
pub async fn import_framework(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    path: String,
) -> Reply<FrameworkImport> {
    let path = chosen.allow(&path)?;
    let workspace = state.workspace()?;
    in_background(move || {
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let name = std::path::Path::new(&path).file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Ok(frameworks::import_framework(
            &mut *workspace.writer()?,
            &text,
            &name,
        )?)
    })
    .await
}

#[tauri::command]
pub async fn export_framework(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    id: i64,
    path: String,
) -> Reply<()> {
    let path = chosen.allow(&path)?;
    let text = frameworks::export_framework(&*state.reader()?, id)?;
    std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    Ok(())
}

#[tauri::command]
pub async fn list_competencies(state: State<'_, AppState>) -> Reply<Vec<CompetencyChoice>> {
    Ok(frameworks::competency_choices(&*state.reader()?)?)
}

#[tauri::command]
pub async fn list_modules(state: State<'_, AppState>) -> Reply<Vec<SkillModule>> {
    Ok(catalog::list_modules(&*state.reader()?, today())?)
}

#[tauri::command]
pub async fn save_module(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: ModuleInput,
) -> Reply<SkillModule> {
    Ok(catalog::save_module(
        &mut *state.store()?,
        id,
        &input,
        today(),
    )?)
}

#[tauri::command]
pub async fn buy_module(state: State<'_, AppState>, input: PurchaseInput) -> Reply<Purchase> {
    Ok(catalog::buy_module(&mut *state.store()?, &input)?)
}

#[tauri::command]
pub async fn list_purchases(
    state: State<'_, AppState>,
    pilot_id: Option<i64>,
) -> Reply<Vec<Purchase>> {
    Ok(catalog::list_purchases(&*state.reader()?, pilot_id)?)
}

#[tauri::command]
pub async fn assign_module(
    state: State<'_, AppState>,
    input: AssignInput,
) -> Reply<Vec<Assignment>> {
    Ok(assignments::assign(&mut *state.store()?, &input, today())?)
}

#[tauri::command]
pub async fn record_module_progress(
    state: State<'_, AppState>,
    input: ProgressInput,
) -> Reply<Assignment> {
    Ok(assignments::record_progress(
        &mut *state.store()?,
        &input,
        today(),
    )?)
}

#[tauri::command]
pub async fn get_assignment_board(
    state: State<'_, AppState>,
    manager_id: String,
) -> Reply<AssignmentBoard> {
    Ok(assignments::board(&*state.reader()?, &manager_id, today())?)
}

#[tauri::command]
pub async fn rate_competency(state: State<'_, AppState>, input: RatingInput) -> Reply<Rating> {
    Ok(ratings::rate(&mut *state.store()?, &input, today())?)
}

#[tauri::command]
pub async fn list_role_requirements(state: State<'_, AppState>) -> Reply<Vec<RoleRequirement>> {
    Ok(ratings::requirements(&*state.reader()?)?)
}

#[tauri::command]
pub async fn set_role_requirement(
    state: State<'_, AppState>,
    input: RoleRequirementInput,
) -> Reply<Vec<RoleRequirement>> {
    Ok(ratings::set_requirement(&mut *state.store()?, &input)?)
}

#[tauri::command]
pub async fn remove_role_requirement(
    state: State<'_, AppState>,
    role: String,
    competency_id: i64,
) -> Reply<Vec<RoleRequirement>> {
    Ok(ratings::remove_requirement(
        &mut *state.store()?,
        &role,
        competency_id,
    )?)
}

#[tauri::command]
pub async fn get_skill_profile(
    state: State<'_, AppState>,
    person_id: String,
) -> Reply<SkillProfile> {
    Ok(report::profile(&*state.reader()?, &person_id, today())?)
}

#[tauri::command]
pub async fn get_readiness_heatmap(
    state: State<'_, AppState>,
    pilot_id: Option<i64>,
) -> Reply<ReadinessHeatmap> {
    Ok(report::heatmap(&*state.reader()?, pilot_id, today())?)
}

#[tauri::command]
pub async fn get_skills_report(state: State<'_, AppState>, pilot_id: i64) -> Reply<SkillsReport> {
    Ok(report::pilot_report(&*state.reader()?, pilot_id, today())?)
}
