//! Coaching networks: the coaches and their certification against the standard, matching
//! coaches to a coachee across teams, and each coaching pair's cadence as a calendar.

use pilotdesk_core::model::coaches::{
    CalendarExport, Certification, CertifyInput, Coach, CoachFeedback, CoachFeedbackInput,
    CoachObservation, CoachObservationInput, CoachProgress, CoachSummary, MatchReport,
    NominateInput, Standard, TrainingInput,
};
use pilotdesk_core::workflows::coaches::{calendar, certify, evidence, matching, roster, standard};
use tauri::State;

use super::{today, Reply};
use crate::chosen_files::ChosenFiles;
use crate::state::AppState;

#[tauri::command]
pub async fn list_coaches(state: State<'_, AppState>) -> Reply<Vec<CoachSummary>> {
    Ok(roster::list(&*state.reader()?, today())?)
}

#[tauri::command]
pub async fn get_coach_progress(
    state: State<'_, AppState>,
    coach_id: String,
) -> Reply<CoachProgress> {
    Ok(roster::progress(&*state.reader()?, &coach_id, today())?)
}

#[tauri::command]
pub async fn get_coach_standard(state: State<'_, AppState>) -> Reply<Standard> {
    Ok(standard::current(&*state.reader()?)?)
}

#[tauri::command]
pub async fn nominate_coach(state: State<'_, AppState>, input: NominateInput) -> Reply<Coach> {
    Ok(roster::nominate(&mut *state.store()?, &input, today())?)
}

#[tauri::command]
pub async fn record_coach_training(
    state: State<'_, AppState>,
    input: TrainingInput,
) -> Reply<Coach> {
    Ok(roster::train(&mut *state.store()?, &input, today())?)
}

#[tauri::command]
pub async fn record_coach_observation(
    state: State<'_, AppState>,
    input: CoachObservationInput,
) -> Reply<CoachObservation> {
    Ok(evidence::observe(&mut *state.store()?, &input, today())?)
}

#[tauri::command]
pub async fn record_coach_feedback(
    state: State<'_, AppState>,
    input: CoachFeedbackInput,
) -> Reply<CoachFeedback> {
    Ok(evidence::feedback(&mut *state.store()?, &input, today())?)
}

#[tauri::command]
pub async fn certify_coach(
    state: State<'_, AppState>,
    input: CertifyInput,
) -> Reply<Certification> {
    Ok(certify::certify(&mut *state.store()?, &input, today())?)
}

#[tauri::command]
pub async fn match_coaches(state: State<'_, AppState>, coachee_id: String) -> Reply<MatchReport> {
    Ok(matching::suggest(&*state.reader()?, &coachee_id, today())?)
}

/// Writes every coaching pair's cadence (one pilot's when given) where the save dialog
/// said, in this computer's time zone.
#[tauri::command]
pub async fn save_coaching_calendar(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    path: String,
    pilot_id: Option<i64>,
) -> Reply<CalendarExport> {
    let path = chosen.allow(&path)?;
    Ok(calendar::export(
        &mut *state.store()?,
        &path,
        pilot_id,
        calendar::workspace_zone(),
        today(),
        chrono::Utc::now(),
    )?)
}
