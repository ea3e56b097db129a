//! The tamper-evident decision log: every vote, recusal, decision, tranche release and
//! change to the steering group is appended with a hash chained to the entry before, and
//! `verify` checks the chain from the first entry to the last.

use rusqlite::{Connection, Transaction};
use serde_json::Value;

use crate::error::Result;
use crate::metrics::ballots::{self, LoggedEntry};
use crate::metrics::chain;
use crate::metrics::log_rows;
use crate::model::{ChainVerdict, DecisionLog};
use crate::store::decision_log::{self, NewEntry};
use crate::store::{settings, votes, Store};

use super::timestamp_now;

/// Who a log entry is recorded under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Actor {
    pub name: String,
    pub id: Option<String>,
}

pub(crate) fn actor(conn: &Connection) -> Result<Actor> {
    let settings = settings::load(conn)?;
    Ok(Actor {
        name: settings.current_user,
        id: settings.current_user_id,
    })
}

/// Appends one entry inside the caller's transaction; returns its id.
pub(crate) fn record(
    tx: &Transaction,
    actor: &Actor,
    kind: &str,
    pilot_id: Option<i64>,
    summary: &str,
    details: Value,
) -> Result<i64> {
    decision_log::append(
        tx,
        &NewEntry {
            at: &timestamp_now(),
            actor: &actor.name,
            actor_id: actor.id.as_deref(),
            kind,
            pilot_id,
            summary,
            details,
        },
    )
}

/// Checks the chain; then that every vote, recusal and decision matches its log entry one to
/// one and field by field (so a deleted or replaced row is noticed, and a log cut short at
/// its end too); then every signed ballot's signature and key.
pub fn verify(store: &Store) -> Result<ChainVerdict> {
    verify_conn(store.conn())
}

pub(crate) fn verify_conn(conn: &Connection) -> Result<ChainVerdict> {
    let entries = decision_log::all(conn)?;
    let verdict = chain::verify(&decision_log::links(&entries));
    if !verdict.verified {
        return Ok(verdict);
    }
    let contents: Vec<(i64, Value)> = entries
        .iter()
        .map(|e| {
            (
                e.id,
                serde_json::from_str(&e.content).unwrap_or(Value::Null),
            )
        })
        .collect();
    let logged: Vec<LoggedEntry> = contents
        .iter()
        .map(|(id, content)| LoggedEntry { id: *id, content })
        .collect();
    if let Some((id, reason)) = log_rows::first_mismatch(&logged, &votes::recorded_rows(conn)?) {
        return Ok(chain::broken(entries.len(), id, reason));
    }
    if let Some((id, reason)) = ballots::first_unproven(&logged) {
        return Ok(chain::broken(entries.len(), id, reason));
    }
    Ok(verdict)
}

/// Entries a screen shows; the verdict always covers the whole log.
pub const SHOWN_ENTRIES: usize = 500;

/// The log, newest first (the latest `SHOWN_ENTRIES`), with the verification of all of it.
pub fn decision_log(store: &Store) -> Result<DecisionLog> {
    let verdict = verify(store)?;
    let mut entries = decision_log::all(store.conn())?;
    entries.reverse();
    entries.truncate(SHOWN_ENTRIES);
    Ok(DecisionLog { verdict, entries })
}
