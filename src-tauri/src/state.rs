use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};

use pilotdesk_core::workflows::demo::load_full_demo;
use pilotdesk_core::{ApiError, Store};

/// The open workspace, or why it could not be opened. A refused database still starts the
/// window, so the person sees the reason instead of a vanished app.
pub struct AppState {
    workspace: Result<Arc<Workspace>, ApiError>,
}

/// One writer behind a lock, and read-only handles beside it: WAL lets a screen read the
/// last commit while a long import writes, so no screen waits on the writer's lock.
pub struct Workspace {
    path: PathBuf,
    writer: Mutex<Store>,
    idle_readers: Mutex<Vec<Store>>,
}

/// The first start of a day keeps a copy. It is read through a connection of its own, off
/// the main thread, so a large workspace (a copy of 400 MB takes a while) never delays the
/// window; a failure is reported, never fatal, and Settings › Backups shows what there is.
fn daily_backup_in_background(path: PathBuf) {
    std::thread::spawn(move || {
        let made = Store::open_reader(&path).and_then(|reader| {
            pilotdesk_core::backup::daily_if_due(reader.conn(), &path, chrono::Utc::now())
        });
        if let Err(error) = made {
            eprintln!("pilotdesk: the daily backup was not made: {error}");
        }
    });
}

impl AppState {
    pub fn open(path: &Path) -> AppState {
        let store = Store::open(path).and_then(|mut store| {
            // First start: show a newcomer a real-looking organisation and pilot.
            if store.was_created() {
                load_full_demo(&mut store, chrono::Local::now().date_naive())?;
            }
            // Workspaces made before skills existed get the shipped framework too.
            pilotdesk_core::workflows::skills::frameworks::ensure_builtin(&mut store)?;
            Ok(store)
        });
        if store.is_ok() {
            daily_backup_in_background(path.to_path_buf());
        }
        if let Err(error) = &store {
            eprintln!("pilotdesk: {}: {error}", path.display());
        }
        AppState {
            workspace: store.map_err(ApiError::from).map(|store| {
                Arc::new(Workspace {
                    path: path.to_path_buf(),
                    writer: Mutex::new(store),
                    idle_readers: Mutex::new(Vec::new()),
                })
            }),
        }
    }

    pub fn workspace(&self) -> Result<Arc<Workspace>, ApiError> {
        self.workspace.clone()
    }

    /// The writer, for commands that change the workspace (or may: a figure that caches).
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, ApiError> {
        self.workspace.as_ref().map_err(Clone::clone)?.writer()
    }

    /// The writer if no one holds it, without waiting.
    pub fn idle_writer(&self) -> Result<Option<MutexGuard<'_, Store>>, ApiError> {
        let workspace = self.workspace.as_ref().map_err(Clone::clone)?;
        Ok(match workspace.writer.try_lock() {
            Ok(writer) => Some(writer),
            Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        })
    }

    /// A read-only handle, for commands that only read.
    pub fn reader(&self) -> Result<Reader<'_>, ApiError> {
        self.workspace.as_ref().map_err(Clone::clone)?.reader()
    }
}

impl Workspace {
    pub fn writer(&self) -> Result<MutexGuard<'_, Store>, ApiError> {
        // A panic while holding the lock cannot leave a transaction half-applied (SQLite
        // rolls it back), so the store is still usable.
        Ok(self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    pub fn reader(&self) -> Result<Reader<'_>, ApiError> {
        let idle = self.idle().pop();
        let store = match idle {
            Some(store) => store,
            None => Store::open_reader(&self.path)?,
        };
        Ok(Reader {
            store: Some(store),
            workspace: self,
        })
    }

    fn idle(&self) -> MutexGuard<'_, Vec<Store>> {
        self.idle_readers
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A read-only handle lent from the workspace's pool; it goes back when dropped.
pub struct Reader<'w> {
    store: Option<Store>,
    workspace: &'w Workspace,
}

impl Deref for Reader<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        self.store
            .as_ref()
            .expect("a reader holds its store until dropped")
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        if let Some(store) = self.store.take() {
            self.workspace.idle().push(store);
        }
    }
}
