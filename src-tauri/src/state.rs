use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use pilotdesk_core::workflows::demo::load_full_demo;
use pilotdesk_core::{ApiError, Store};

/// The open workspace, or why it could not be opened. A refused database still starts the
/// window, so the person sees the reason instead of a vanished app.
pub struct AppState {
    store: Result<Mutex<Store>, ApiError>,
}

impl AppState {
    pub fn open(path: &Path) -> AppState {
        let store = Store::open(path).and_then(|mut store| {
            // First start: show a newcomer a real-looking organisation and pilot.
            if store.was_created() {
                load_full_demo(&mut store, chrono::Local::now().date_naive())?;
            }
            Ok(store)
        });
        if let Err(error) = &store {
            eprintln!("pilotdesk: {}: {error}", path.display());
        }
        AppState {
            store: store.map(Mutex::new).map_err(ApiError::from),
        }
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, ApiError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave a transaction half-applied (SQLite
        // rolls it back), so the store is still usable.
        Ok(store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}
