//! Schema migrations on `PRAGMA user_version`. Append-only: a released step is never
//! edited, a new one is added at the end. Each step runs in its own transaction together
//! with the version bump, so a failed step leaves the database at the previous version.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
    /// The step rebuilds a table others refer to. SQLite's way: foreign keys off for the
    /// step (dropping the old table would otherwise cascade into its children), and a
    /// foreign-key check before the step commits.
    pub rebuilds_tables: bool,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "workspace, people, pilots, change record",
        sql: include_str!("schema/0001_workspace.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 2,
        name: "pack records",
        sql: include_str!("schema/0002_pack_records.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 3,
        name: "pilot designer: playbooks, KPIs, cohort, budget, checklist, transitions",
        sql: include_str!("schema/0003_pilot_design.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 4,
        name:
            "governance: steering group, votes, decisions, tranches, vendors, risks, decision log",
        sql: include_str!("schema/0004_governance.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 5,
        name: "coaching data: imports, event keys and sources, observation keys",
        sql: include_str!("schema/0005_coaching_data.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 6,
        name: "analytics: people history, hand-picked comparisons, ROI assumptions, rollups",
        sql: include_str!("schema/0006_analytics.sql"),
        rebuilds_tables: true,
    },
    Migration {
        version: 7,
        name: "skills: CASE frameworks, module catalog, purchases, assignments, ratings, roles",
        sql: include_str!("schema/0007_skills.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 8,
        name: "module progress imports: the import kind, and the rows each import applied",
        sql: include_str!("schema/0008_module_progress_imports.sql"),
        rebuilds_tables: true,
    },
    Migration {
        version: 9,
        name:
            "asynchronous competency: micro-feedback, work samples, annotations, portfolio reviews",
        sql: include_str!("schema/0009_async_competency.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 10,
        name: "AI-assisted coaching agendas and what managers did with them",
        sql: include_str!("schema/0010_agendas.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 11,
        name: "coaching networks: coaches, the certification standard, evidence, certifications, badges",
        sql: include_str!("schema/0011_coaching_networks.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 12,
        name: "the steering group on its own machines: member keys, review bundles, ballots",
        sql: include_str!("schema/0012_remote_review.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 13,
        name: "votes, recusals and decisions cannot be deleted",
        sql: include_str!("schema/0013_delete_guards.sql"),
        rebuilds_tables: false,
    },
    Migration {
        version: 14,
        name: "coaching received, found by coachee",
        sql: include_str!("schema/0014_coachee_index.sql"),
        rebuilds_tables: false,
    },
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Refuses a database written by a newer build. Reads only, so a refused file is untouched.
pub fn refuse_newer(conn: &Connection) -> Result<i64> {
    let found = schema_version(conn)?;
    let supported = latest_version();
    if found > supported {
        return Err(Error::DatabaseTooNew { found, supported });
    }
    Ok(found)
}

/// Brings the database up to `target`, one step at a time. Returns the version it started
/// from, so callers can tell a brand-new database (0) from an upgraded one.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<i64> {
    let started_at = refuse_newer(conn)?;
    for migration in MIGRATIONS
        .iter()
        .filter(|m| m.version > started_at && m.version <= target)
    {
        if migration.rebuilds_tables {
            // A no-op inside a transaction, so it is switched before the step begins.
            conn.pragma_update(None, "foreign_keys", false)?;
        }
        let applied = apply(conn, migration);
        if migration.rebuilds_tables {
            conn.pragma_update(None, "foreign_keys", true)?;
        }
        applied?;
    }
    Ok(started_at)
}

fn apply(conn: &mut Connection, migration: &Migration) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated between our read and the lock.
    let current: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if current >= migration.version {
        return Ok(());
    }
    tx.execute_batch(migration.sql)?;
    if migration.rebuilds_tables {
        let broken: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
                row.get(0)
            })?;
        if broken > 0 {
            return Err(Error::Conflict(format!(
                "upgrading to schema {} would leave {broken} broken reference{} between \
                 tables; the database was left at schema {current}",
                migration.version,
                if broken == 1 { "" } else { "s" }
            )));
        }
    }
    tx.pragma_update(None, "user_version", migration.version)?;
    tx.commit()?;
    Ok(())
}

pub fn migrate(conn: &mut Connection) -> Result<i64> {
    migrate_to(conn, latest_version())
}
