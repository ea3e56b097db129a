//! The steering group's reviews: submitted pilots, stage gates and criteria changes are
//! items the members vote on. A decision is taken the moment the quorum rule is met, in
//! the same transaction as the vote that met it, and it moves the pilot; a vote after the
//! decision is refused. Every vote, recusal and decision goes into the decision log.

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::json;

use crate::error::Result;
use crate::model::{ItemKind, ItemState, Pilot, PilotStatus, QuorumStatus};
use crate::packs::dates::long_date;
use crate::store::changes::{self, NewChange};
use crate::store::items::{self, ItemRecord, NewItem};
use crate::store::pilots;

use super::audit::{self, Actor};
use super::timestamp_now;

mod criteria;
mod deciding;
mod reading;
pub mod remote;
mod voting;

pub use criteria::propose_criteria_change;
pub use reading::{decision, decisions, queue, review};
pub(crate) use reading::{feedback, status_of};
pub use voting::{recuse, vote};

/// Recorded as the actor of the transitions a decision makes.
pub const STEERING_GROUP: &str = "Steering group";
const COMMENT_MAX: usize = 2000;

/// What a vote or a recusal left behind: where the item stands and the decision, if the
/// quorum rule is now met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cast {
    pub status: QuorumStatus,
    pub decision_id: Option<i64>,
}

fn change(tx: &Transaction, actor: &str, pilot_id: i64, action: &str, summary: &str) -> Result<()> {
    changes::append(
        tx,
        &timestamp_now(),
        &NewChange {
            actor,
            entity: "pilot",
            entity_id: &pilot_id.to_string(),
            action,
            summary,
        },
    )?;
    Ok(())
}

/// Puts a question to the steering group and records that it was put.
pub(crate) fn open_item(
    tx: &Transaction,
    actor: &Actor,
    pilot: &Pilot,
    kind: ItemKind,
    subject: &str,
    due_on: NaiveDate,
    payload: &str,
) -> Result<i64> {
    let id = items::insert(
        tx,
        &NewItem {
            pilot_id: pilot.id,
            kind,
            subject,
            due_on,
            opened_at: &timestamp_now(),
            opened_by: &actor.name,
            payload,
        },
    )?;
    audit::record(
        tx,
        actor,
        "item_opened",
        Some(pilot.id),
        &format!("Put to the steering group: {subject}"),
        json!({"itemId": id, "kind": kind.as_str(), "dueOn": due_on.to_string()}),
    )?;
    Ok(id)
}

fn close_item(tx: &Transaction, actor: &Actor, item: &ItemRecord, why: &str) -> Result<()> {
    items::set_state(tx, item.id, ItemState::Withdrawn)?;
    audit::record(
        tx,
        actor,
        "item_withdrawn",
        Some(item.pilot_id),
        &format!("Withdrawn before a decision: {} ({why})", item.subject),
        json!({"itemId": item.id, "kind": item.kind.as_str()}),
    )?;
    Ok(())
}

/// What a hand-made transition means for the steering group: submitting puts the pilot
/// in its queue, withdrawing a submitted pilot takes it out.
pub(crate) fn after_manual_transition(
    tx: &Transaction,
    pilot_id: i64,
    from: PilotStatus,
    to: PilotStatus,
    _today: NaiveDate,
) -> Result<()> {
    let actor = audit::actor(tx)?;
    let pilot = pilots::get(tx, pilot_id)?;
    if to == PilotStatus::Submitted
        && items::open_of_kind(tx, pilot_id, ItemKind::Approval)?.is_none()
    {
        let workflows: Vec<String> = pilot.workflows.iter().map(|w| w.to_lowercase()).collect();
        open_item(
            tx,
            &actor,
            &pilot,
            ItemKind::Approval,
            &format!(
                "Approve \"{}\": a 90-day pilot in {}, starting {}",
                pilot.name,
                workflows.join(" and "),
                long_date(pilot.start_date)
            ),
            crate::packs::proposal::decision_due(pilot.start_date),
            "{}",
        )?;
    }
    if from == PilotStatus::Submitted && to == PilotStatus::Draft {
        if let Some(item) = items::open_of_kind(tx, pilot_id, ItemKind::Approval)? {
            close_item(tx, &actor, &item, "the pilot was withdrawn to Draft")?;
        }
    }
    Ok(())
}
