//! Asynchronous competency: micro-feedback, work samples and annotations, portfolio
//! reviews, and the people with no live check-in.

use pilotdesk_core::model::portfolio::{
    Annotation, AnnotationInput, AsyncReport, CheckInFlag, Feedback, FeedbackInput, Portfolio,
    PortfolioReview, ReviewInput, SampleAdded, SampleContent, SampleInput,
};
use pilotdesk_core::model::{PackRecord, PaperSize};
use pilotdesk_core::workflows::exports;
use pilotdesk_core::workflows::portfolio::{
    check_ins, feedback, pack, report, reviews, samples, view,
};
use tauri::State;

use super::{in_background, today, Reply};
use crate::chosen_files::ChosenFiles;
use crate::state::AppState;

#[tauri::command]
pub async fn get_person_portfolio(
    state: State<'_, AppState>,
    person_id: String,
) -> Reply<Portfolio> {
    Ok(view::portfolio(&*state.reader()?, &person_id, today())?)
}

#[tauri::command]
pub async fn give_feedback(state: State<'_, AppState>, input: FeedbackInput) -> Reply<Feedback> {
    Ok(feedback::give(&mut *state.store()?, &input, today())?)
}

#[tauri::command]
pub async fn list_feedback(
    state: State<'_, AppState>,
    person_id: Option<String>,
) -> Reply<Vec<Feedback>> {
    Ok(feedback::list(&*state.reader()?, person_id.as_deref())?)
}

/// Reads the chosen file and keeps it in the workspace, off the async workers: a sample may
/// be many megabytes.
#[tauri::command]
pub async fn add_work_sample(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenFiles>,
    input: SampleInput,
) -> Reply<SampleAdded> {
    chosen.allow(&input.path)?;
    let workspace = state.workspace()?;
    in_background(move || Ok(samples::add(&mut *workspace.writer()?, &input, today())?)).await
}

#[tauri::command]
pub async fn annotate_sample(
    state: State<'_, AppState>,
    input: AnnotationInput,
) -> Reply<Annotation> {
    Ok(samples::annotate(&mut *state.store()?, &input)?)
}

#[tauri::command]
pub async fn get_sample_content(
    state: State<'_, AppState>,
    sample_id: i64,
) -> Reply<SampleContent> {
    Ok(samples::content(&*state.reader()?, sample_id)?)
}

#[tauri::command]
pub async fn review_portfolio(
    state: State<'_, AppState>,
    input: ReviewInput,
) -> Reply<PortfolioReview> {
    Ok(reviews::review(&mut *state.store()?, &input, today())?)
}

#[tauri::command]
pub async fn list_check_in_flags(
    state: State<'_, AppState>,
    manager_id: Option<String>,
) -> Reply<Vec<CheckInFlag>> {
    Ok(check_ins::flags(
        &*state.reader()?,
        manager_id.as_deref(),
        today(),
    )?)
}

#[tauri::command]
pub async fn get_check_in_weeks(state: State<'_, AppState>) -> Reply<u32> {
    Ok(check_ins::weeks(&*state.reader()?)?)
}

#[tauri::command]
pub async fn set_check_in_weeks(state: State<'_, AppState>, weeks: u32) -> Reply<()> {
    Ok(check_ins::set_weeks(&mut *state.store()?, weeks)?)
}

/// Renders the person's portfolio pack and writes it where the save dialog said.
#[tauri::command]
pub async fn save_portfolio_pack(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    person_id: String,
    path: String,
    paper: Option<PaperSize>,
) -> Reply<PackRecord> {
    let path = chosen.allow(&path)?;
    Ok(pack::save(
        &mut *state.store()?,
        &person_id,
        &path,
        paper,
        today(),
    )?)
}

#[tauri::command]
pub async fn get_async_report(state: State<'_, AppState>, pilot_id: i64) -> Reply<AsyncReport> {
    Ok(report::report(&*state.reader()?, pilot_id, today())?)
}

/// Feedback and portfolio review scores as xAPI statements, everyone's or one person's,
/// written where the save dialog said; returns how many statements were written.
#[tauri::command]
pub async fn export_portfolio_xapi(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    person_id: Option<String>,
    path: String,
) -> Reply<u32> {
    let path = chosen.allow(&path)?;
    let workspace = state.workspace()?;
    in_background(move || {
        let path = path;
        let count =
            exports::export_portfolio_xapi(&*workspace.reader()?, &path, person_id.as_deref())?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    })
    .await
}
