use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use chrono::Local;
use pilotdesk_core::model::{
    CoachingEvent, EventFilter, EventPage, ExportSummary, ImportKind, ImportPreview,
    ImportProgress, ImportRecord, ImportRequest, ImportSummary, KpiDataSummary, ObservationPage,
    QuickLogInput, QuickLogOptions, TimeCreditsReport,
};
use pilotdesk_core::workflows::{coaching, credits, exports, imports, kpi_data};
use tauri::ipc::Channel;
use tauri::State;

use super::{in_background, today, Reply};
use crate::chosen_files::ChosenFiles;
use crate::state::AppState;

#[tauri::command]
pub async fn preview_import(
    chosen: State<'_, ChosenFiles>,
    path: String,
    kind: ImportKind,
    sheet: Option<String>,
) -> Reply<ImportPreview> {
    let path = chosen.allow(&path)?;
    Ok(imports::preview(Path::new(&path), kind, sheet.as_deref())?)
}

/// The import running now, so Cancel can stop it (one at a time: the writer is one).
#[derive(Default)]
pub struct RunningImport(Mutex<Option<Arc<AtomicBool>>>);

/// Imports on the blocking pool, telling the window how far it has read, checked and
/// written through `on_progress`.
#[tauri::command]
pub async fn run_import(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenFiles>,
    running: State<'_, RunningImport>,
    request: ImportRequest,
    on_progress: Channel<ImportProgress>,
) -> Reply<ImportSummary> {
    chosen.allow(&request.path)?;
    let cancel = Arc::new(AtomicBool::new(false));
    *running.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::clone(&cancel));
    let workspace = state.workspace()?;
    in_background(move || {
        let report = move |progress: ImportProgress| {
            // A window that has gone away needs no progress; the import carries on.
            let _ = on_progress.send(progress);
        };
        Ok(imports::import_reporting(
            &mut *workspace.writer()?,
            &request,
            today(),
            report,
            cancel,
        )?)
    })
    .await
}

/// Stops the running import at its next row; its transaction rolls back, so nothing of it
/// is kept. Nothing happens when no import runs.
#[tauri::command]
pub async fn cancel_import(running: State<'_, RunningImport>) -> Reply<()> {
    if let Some(flag) = running.0.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
        flag.store(true, Ordering::Relaxed);
    }
    Ok(())
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
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    kind: ImportKind,
    path: String,
    filter: Option<EventFilter>,
) -> Reply<ExportSummary> {
    let path = chosen.allow(&path)?;
    let store = state.store()?;
    let filter = filter.unwrap_or_default();
    let path = Path::new(&path);
    Ok(match kind {
        ImportKind::Xapi => exports::export_xapi(&store, path, &filter)?,
        table => exports::export_table(&store, table, path, &filter)?,
    })
}
