//! Thin commands: take the arguments, call the core, map its error to `ApiError`.
//! Async, so they run off the main thread and never freeze the window. Commands that only
//! read take a read-only handle (`AppState::reader`), so they answer while a write runs;
//! long work (imports, packs) runs on the blocking pool (`in_background`), so it never
//! holds one of the async workers every other command needs.

pub mod agenda;
pub mod analytics;
pub mod backup;
pub mod badges;
pub mod ballots;
pub mod coaches;
pub mod data;
pub mod design;
pub mod files;
pub mod governance;
pub mod network;
pub mod packs;
pub mod pilots;
pub mod portfolio;
pub mod skills;
pub mod updates;
pub mod workspace;

use chrono::{Local, NaiveDate};
use pilotdesk_core::ApiError;

pub type Reply<T> = Result<T, ApiError>;

/// Runs `work` on the runtime's pool for blocking work and waits for it without blocking.
pub async fn in_background<T: Send + 'static>(
    work: impl FnOnce() -> Reply<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|error| ApiError {
            code: "internal".into(),
            message: format!("the work stopped before it finished: {error}"),
            details: Vec::new(),
        })?
}

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}
