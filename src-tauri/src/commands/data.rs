use std::path::Path;

use chrono::Local;
use pilotdesk_core::model::{
    CoachingEvent, EventFilter, EventPage, ExportSummary, ImportKind, ImportPreview,
    ImportProgress, ImportRecord, ImportRequest, ImportSummary, KpiDataSummary, ObservationPage,
    QuickLogInput, QuickLogOptions, TimeCreditsReport,
};
use pilotdesk_core::workflows::{coaching, credits, exports, imports, kpi_data};
use tauri::{AppHandle, Emitter, State};

use super::{in_background, today, Reply};
use crate::state::AppState;

#[tauri::command]
pub async fn preview_import(
    path: String,
    kind: ImportKind,
    sheet: Option<String>,
) -> Reply<ImportPreview> {
    Ok(imports::preview(Path::new(&path), kind, sheet.as_deref())?)
}

/// Imports on the blocking pool, telling the window how far it has read through the
/// `import-progress` event.
#[tauri::command]
pub async fn run_import(
    app: AppHandle,
    state: State<'_, AppState>,
    request: ImportRequest,
) -> Reply<ImportSummary> {
    let workspace = state.workspace()?;
    in_background(move || {
        let report = move |progress: ImportProgress| {
            // A window that has gone away needs no progress; the import carries on.
            let _ = app.emit("import-progress", progress);
        };
        Ok(imports::import_reporting(
            &mut *workspace.writer()?,
            &request,
            today(),
            report,
        )?)
    })
    .await
}

#[tauri::command]
pub async fn list_imports(state: State<'_, AppState>) -> Reply<Vec<ImportRecord>> {
    Ok(imports::list_imports(&*state.reader()?)?)
}

#[tauri::command]
pub async fn list_events(state: State<'_, AppState>, filter: EventFilter) -> Reply<EventPage> {
    Ok(coaching::list_events(&*state.reader()?, &filter)?)
}

#[tauri::command]
pub async fn quick_log_options(state: State<'_, AppState>) -> Reply<QuickLogOptions> {
    Ok(coaching::quick_log_options(&*state.reader()?)?)
}

#[tauri::command]
pub async fn log_coaching(
    state: State<'_, AppState>,
    input: QuickLogInput,
) -> Reply<CoachingEvent> {
    Ok(coaching::log_event(
        &mut *state.store()?,
        &input,
        Local::now().naive_local(),
    )?)
}

#[tauri::command]
pub async fn time_credits(
    state: State<'_, AppState>,
    weeks: u32,
    pilot_id: Option<i64>,
) -> Reply<TimeCreditsReport> {
    Ok(credits::time_credits(
        &*state.reader()?,
        weeks,
        pilot_id,
        today(),
    )?)
}

#[tauri::command]
pub async fn kpi_data(state: State<'_, AppState>) -> Reply<Vec<KpiDataSummary>> {
    Ok(kpi_data::kpi_data(&*state.reader()?)?)
}

#[tauri::command]
pub async fn kpi_observations(
    state: State<'_, AppState>,
    kpi_id: i64,
    offset: u32,
    limit: u32,
) -> Reply<ObservationPage> {
    Ok(kpi_data::kpi_observations(
        &*state.reader()?,
        kpi_id,
        offset,
        limit,
    )?)
}

#[tauri::command]
pub async fn export_data(
    state: State<'_, AppState>,
    kind: ImportKind,
    path: String,
    filter: Option<EventFilter>,
) -> Reply<ExportSummary> {
    let store = state.store()?;
    let filter = filter.unwrap_or_default();
    let path = Path::new(&path);
    Ok(match kind {
        ImportKind::Xapi => exports::export_xapi(&store, path, &filter)?,
        table => exports::export_table(&store, table, path, &filter)?,
    })
}
