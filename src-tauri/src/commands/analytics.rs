//! The measure half: a pilot's dashboard, the overview of every pilot, the minimum
//! detectable effects, the ROI assumptions, the hourly costs per role, the day-90 rule's
//! verdict and the results packs.

use pilotdesk_core::model::{
    Dashboard, Home, HourlyCost, HourlyCostInput, KpiMde, PackRecord, PaperSize, PortfolioOverview,
    RoiInput, RuleVerdict,
};
use pilotdesk_core::workflows::{analytics, home, packs};
use tauri::State;

use super::{today, Reply};
use crate::chosen_files::ChosenFiles;
use crate::state::AppState;

/// Kept for next time when the writer is free; while it is busy (a long import), worked
/// out on a read-only handle from the last commit instead of waiting.
#[tauri::command]
pub async fn get_dashboard(
    state: State<'_, AppState>,
    pilot_id: i64,
    month: Option<String>,
) -> Reply<Dashboard> {
    let as_of = analytics::as_of_for_month(month.as_deref(), today())?;
    Ok(match state.idle_writer()? {
        Some(mut writer) => analytics::cached_dashboard(&mut writer, pilot_id, as_of)?,
        None => analytics::kept_or_fresh_dashboard(&*state.reader()?, pilot_id, as_of)?,
    })
}

#[tauri::command]
pub async fn get_portfolio(state: State<'_, AppState>) -> Reply<PortfolioOverview> {
    Ok(analytics::portfolio(&*state.reader()?, today())?)
}

/// What needs the current user today, their own part first.
#[tauri::command]
pub async fn get_home(state: State<'_, AppState>) -> Reply<Home> {
    Ok(home::home(&*state.reader()?, today())?)
}

#[tauri::command]
pub async fn get_kpi_mdes(state: State<'_, AppState>, pilot_id: i64) -> Reply<Vec<KpiMde>> {
    Ok(analytics::kpi_mdes(
        state.reader()?.conn(),
        pilot_id,
        today(),
    )?)
}

#[tauri::command]
pub async fn get_rule_verdict(state: State<'_, AppState>, pilot_id: i64) -> Reply<RuleVerdict> {
    Ok(analytics::rule_verdict(
        &*state.reader()?,
        pilot_id,
        today(),
    )?)
}

/// Saves the ROI assumptions and answers with the dashboard as it now stands.
#[tauri::command]
pub async fn set_roi_assumptions(
    state: State<'_, AppState>,
    pilot_id: i64,
    input: RoiInput,
) -> Reply<Dashboard> {
    let mut store = state.store()?;
    analytics::set_assumptions(&mut store, pilot_id, &input)?;
    Ok(analytics::dashboard(&store, pilot_id, today())?)
}

#[tauri::command]
pub async fn list_hourly_costs(state: State<'_, AppState>) -> Reply<Vec<HourlyCost>> {
    Ok(analytics::hourly_costs(&*state.reader()?)?)
}

#[tauri::command]
pub async fn set_hourly_cost(
    state: State<'_, AppState>,
    input: HourlyCostInput,
) -> Reply<Vec<HourlyCost>> {
    Ok(analytics::set_hourly_cost(&mut *state.store()?, &input)?)
}

#[tauri::command]
pub async fn save_monthly_pack(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    pilot_id: i64,
    month: Option<String>,
    path: String,
    paper: Option<PaperSize>,
) -> Reply<PackRecord> {
    let path = chosen.allow(&path)?;
    Ok(packs::save_monthly(
        &mut *state.store()?,
        pilot_id,
        month.as_deref(),
        &path,
        paper,
        today(),
    )?)
}

#[tauri::command]
pub async fn save_outcome_pack(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    pilot_id: i64,
    day: u32,
    path: String,
    paper: Option<PaperSize>,
) -> Reply<PackRecord> {
    let path = chosen.allow(&path)?;
    Ok(packs::save_outcome(
        &mut *state.store()?,
        pilot_id,
        day,
        &path,
        paper,
        today(),
    )?)
}
