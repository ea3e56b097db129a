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

/// Statuses that only a steering-group decision leads to: the approval outcomes, the
/// day-45 review and the day-90 outcomes.
pub fn by_decision(to: PilotStatus) -> bool {
    matches!(
        to,
        Approved | ChangesRequested | Rejected | Day45Review | Scaled | Iterating | Stopped
    )
}

/// Where a person may move the pilot by hand.
pub fn manual_next_statuses(from: PilotStatus) -> Vec<PilotStatus> {
    next_statuses(from)
        .iter()
        .copied()
        .filter(|s| !by_decision(*s))
        .collect()
}

fn only_by_decision(name: &str, to: PilotStatus) -> Error {
    let how = match to {
        Day45Review => "the day-45 review",
        Scaled | Iterating => "the day-90 outcome",
        Stopped => "the day-45 review or the day-90 outcome",
        _ => "its review",
    };
    Error::Conflict(format!(
        "\"{name}\" can become {} only by a steering-group decision on {how}: members vote on \
         the Governance screen or with `pilotdesk review vote ITEM --choice ...`",
        to.label()
    ))
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

/// Moves a pilot to `to` by hand, recording who, when and why. The statuses a
/// steering-group decision leads to are refused: the group votes on them.
pub fn transition(
    store: &mut Store,
    pilot_id: i64,
    to: PilotStatus,
    reason: &str,
    today: NaiveDate,
) -> Result<()> {
    let actor = settings::load(store.conn())?.current_user;
    let tx = store.write()?;
    let pilot = crate::store::pilots::get(&tx, pilot_id)?;
    if is_allowed(pilot.status, to) && by_decision(to) {
        return Err(only_by_decision(&pilot.name, to));
    }
    transition_in(&tx, pilot_id, to, reason, &actor, today)?;
    super::review::after_manual_transition(&tx, pilot_id, pilot.status, to, today)?;
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
    let from = crate::store::pilots::get(&tx, pilot_id)?.status;
    transition_in(&tx, pilot_id, Submitted, reason, &actor, today)?;
    super::review::after_manual_transition(&tx, pilot_id, from, Submitted, today)?;
    tx.commit()?;
    Ok(())
}
