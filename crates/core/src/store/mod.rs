//! Loading and saving. Reads take a `&Connection`; writes take a `&Transaction`, so every
//! change is atomic by construction. Deciding what to write is the workflows' job.

pub mod agenda;
pub mod analytics;
pub mod badges;
pub mod budget;
pub mod bulk;
pub mod changes;
pub mod checklist;
pub mod coaches;
pub mod cohort;
mod connection;
pub mod dashboard_cache;
pub mod decision_log;
pub mod decisions;
pub mod events;
pub mod evidence;
pub mod imports;
pub mod items;
pub mod kpi_series;
pub mod kpis;
pub mod lookup;
pub mod migrations;
pub mod network;
pub mod observations;
pub mod packs;
pub mod people;
pub mod person_history;
pub mod pilots;
pub mod playbooks;
pub mod portfolio;
pub mod remote_review;
pub mod risks;
pub mod settings;
pub mod skills;
pub mod steering;
pub mod trace;
pub mod tranches;
pub mod transitions;
pub mod vendors;
pub mod votes;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::Result;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The schema version found on opening; 0 means the database was created just now.
    opened_at_version: i64,
}

impl Store {
    /// Opens or creates the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        crate::export::destination::protect_workspace(path);
        let mut conn = connection::open_file(path)?;
        let found = migrations::schema_version(&conn)?;
        if found > 0 && found < migrations::latest_version() {
            // An upgrade is about to change the schema: the workspace as it was is kept.
            crate::backup::create(
                &conn,
                path,
                crate::model::BackupKind::BeforeMigration,
                chrono::Utc::now(),
            )
            .map_err(|error| {
                crate::error::Error::Conflict(format!(
                    "before upgrading {} to this version of Pilotdesk, a backup could not be \
                     made ({error}); the workspace was not changed",
                    path.display()
                ))
            })?;
        }
        let opened_at_version = migrations::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            opened_at_version,
        })
    }

    /// A read-only handle on a workspace another `Store` has opened (and migrated): reads
    /// see the last commit and never wait for a write in progress.
    pub fn open_reader(path: &Path) -> Result<Store> {
        let conn = connection::open_reader(path)?;
        let opened_at_version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            opened_at_version,
        })
    }

    /// A fresh, fully migrated database in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = connection::open_memory()?;
        let opened_at_version = migrations::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: None,
            opened_at_version,
        })
    }

    /// A fresh database in memory that speaks for the workspace at `beside`: what it writes
    /// beside its workspace (printed packs) goes beside that one. Work that must land whole
    /// is done here, then copied over with `replace_content_with`.
    pub(crate) fn scratch_beside(beside: Option<&Path>) -> Result<Store> {
        let mut store = Store::open_in_memory()?;
        store.path = beside.map(Path::to_path_buf);
        Ok(store)
    }

    /// Replaces this database's whole content with `source`'s in one write transaction
    /// (SQLite's backup API, all pages in one step): other connections, and a process killed
    /// half-way, see the old content or the new, never a mix.
    pub(crate) fn replace_content_with(&mut self, source: &Store) -> Result<()> {
        use rusqlite::backup::{Backup, StepResult};
        let backup = Backup::new(&source.conn, &mut self.conn)?;
        // -1: every page in one step, so one write transaction on this side.
        match backup.step(-1)? {
            StepResult::Done => Ok(()),
            other => Err(crate::error::Error::Conflict(format!(
                "the workspace was busy and could not be written ({other:?}); nothing was \
                 changed, try again"
            ))),
        }
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection itself, for the one step a restore takes over the whole database.
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn was_created(&self) -> bool {
        self.opened_at_version == 0
    }

    /// Starts a write transaction, taking the write lock at once so a concurrent writer
    /// waits at the start rather than failing half-way. It raises the workspace version, so
    /// results derived from the data (cached dashboards) know they are out of date.
    pub fn write(&mut self) -> Result<Transaction<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("UPDATE workspace_version SET n = n + 1 WHERE id = 1", [])?;
        Ok(tx)
    }

    /// A write transaction that leaves the workspace version as it is, for writes nothing
    /// derived depends on: keeping a computed dashboard, recording that a pack was printed.
    pub fn write_derived(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Runs a bulk write (an import or the generator) with a page cache large enough to
    /// keep the indexes it updates in memory, then returns the cache to its usual size.
    /// SQLite grows the cache only as pages are used, so a small import costs nothing.
    pub fn with_bulk_cache<T>(&mut self, work: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let usual: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", -(bulk::CACHE_MIB * 1024))?;
        let result = work(self);
        self.conn.pragma_update(None, "cache_size", usual)?;
        result
    }
}
