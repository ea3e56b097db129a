//! The pilot lifecycle as a state machine (DESIGN.md, "The pilot lifecycle"). Every
//! transition is recorded with who, when, why and the checklist as it stood.

use chrono::NaiveDate;
use rusqlite::Transaction;

use crate::error::{Error, ErrorDetail, Result};
use crate::model::{PilotStatus, Readiness};
use crate::store::changes::{self, NewChange};
use crate::store::transitions::{self, NewTransition};
use crate::store::{settings, Store};

use super::design::load_design_in;
use super::timestamp_now;

use PilotStatus::*;

/// Where each status may go next.
pub fn next_statuses(from: PilotStatus) -> &'static [PilotStatus] {
    match from {
        Draft => &[Ready],
        Ready => &[Draft, Submitted],
        Submitted => &[Draft, Approved, ChangesRequested, Rejected],
        ChangesRequested => &[Draft],
        Approved => &[Running],
        Running => &[Day45Review, Stopped],
        Day45Review => &[Day90Outcome, Stopped],
        Day90Outcome => &[Scaled, Iterating, Stopped],
        Iterating => &[Draft],
        Rejected | Scaled | Stopped => &[],
    }
}

pub fn is_allowed(from: PilotStatus, to: PilotStatus) -> bool {
    next_statuses(from).contains(&to)
}

fn refuse(from: PilotStatus, to: PilotStatus) -> Error {
    let options = next_statuses(from);
    let next = if options.is_empty() {
        format!("{} is final", from.label())
    } else {
        format!(
            "from {} it can go to {}",
            from.label(),
            options
                .iter()
                .map(|s| s.label())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Error::Conflict(format!(
        "a pilot cannot go from {} to {}; {next}",
        from.label(),
        to.label()
    ))
}

/// The Step 1 items that block submission, as errors naming each item.
fn blocked_by_step1(readiness: &Readiness) -> Option<Error> {
    let blocking = readiness.blocking();
    if blocking.is_empty() {
        return None;
    }
    let details = blocking
        .iter()
        .map(|i| ErrorDetail::field(&i.key, format!("{}: {}", i.title, i.reason)))
        .collect();
    Some(Error::Invalid {
        summary: format!(
            "the pilot cannot be submitted until every Step 1 item is met or waived; {} {} not",
            blocking.len(),
            if blocking.len() == 1 { "is" } else { "are" }
        ),
        details,
    })
}

/// Records one transition inside `tx`, after checking it is legal and, where the lifecycle
/// asks for it, that Step 1 is complete.
pub(crate) fn transition_in(
    tx: &Transaction,
    pilot_id: i64,
    to: PilotStatus,
    reason: &str,
    actor: &str,
    today: NaiveDate,
) -> Result<()> {
    let design = load_design_in(tx, pilot_id, today)?;
    let from = design.pilot.status;
    if !is_allowed(from, to) {
        return Err(refuse(from, to));
    }
    if matches!(to, Ready | Submitted) {
        if let Some(error) = blocked_by_step1(&design.readiness) {
            return Err(error);
        }
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid_field("reason", "say why, in a few words"));
    }
    let now = timestamp_now();
    let evidence = serde_json::to_string(&design.readiness).unwrap_or_default();
    transitions::record(
        tx,
        &NewTransition {
            pilot_id,
            from,
            to,
            at: &now,
            actor,
            reason,
            evidence: &evidence,
        },
    )?;
    changes::append(
        tx,
        &now,
        &NewChange {
            actor,
            entity: "pilot",
            entity_id: &pilot_id.to_string(),
            action: "transition",
            summary: &format!("{} → {}: {reason}", from.label(), to.label()),
        },
    )?;
    Ok(())
}

/// Moves a pilot to `to`, recording who, when and why.
pub fn transition(
    store: &mut Store,
    pilot_id: i64,
    to: PilotStatus,
    reason: &str,
    today: NaiveDate,
) -> Result<()> {
    let actor = settings::load(store.conn())?.current_user;
    let tx = store.write()?;
    transition_in(&tx, pilot_id, to, reason, &actor, today)?;
    tx.commit()?;
    Ok(())
}

/// Submits a pilot to the steering group. A draft whose Step 1 is complete is marked ready
/// on the way, and both transitions are recorded.
pub fn submit(store: &mut Store, pilot_id: i64, reason: &str, today: NaiveDate) -> Result<()> {
    let actor = settings::load(store.conn())?.current_user;
    let reason = if reason.trim().is_empty() {
        "Submitted for steering-group review"
    } else {
        reason
    };
    let tx = store.write()?;
    let status = crate::store::pilots::get(&tx, pilot_id)?.status;
    if status == Draft {
        let readiness = load_design_in(&tx, pilot_id, today)?.readiness;
        if let Some(error) = blocked_by_step1(&readiness) {
            return Err(error);
        }
        transition_in(
            &tx,
            pilot_id,
            Ready,
            "Every Step 1 item is met or waived",
            &actor,
            today,
        )?;
    }
    transition_in(&tx, pilot_id, Submitted, reason, &actor, today)?;
    tx.commit()?;
    Ok(())
}
