//! The decision the quorum rule reached: recorded with its evidence, and applied to the pilot.

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::json;

use crate::error::Result;
use crate::model::{ItemKind, ItemState, PilotStatus, QuorumStatus, Tally, VoteChoice};
use crate::store::decisions::{self, NewDecision};
use crate::store::items::{self, ItemRecord};
use crate::store::{pilots, steering, votes};
use crate::workflows::audit::{self, Actor};
use crate::workflows::gates;
use crate::workflows::lifecycle::transition_in;
use crate::workflows::timestamp_now;

use super::criteria::apply_criteria_change;
use super::{change, close_item, STEERING_GROUP};

fn tally_text(tally: &[Tally]) -> String {
    tally
        .iter()
        .filter(|t| t.count > 0)
        .map(|t| format!("{} {}", t.count, t.choice.label().to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn decision_sentence(kind: ItemKind, outcome: VoteChoice, pilot: &str, subject: &str) -> String {
    use VoteChoice::*;
    match (kind, outcome) {
        (ItemKind::Approval, Approve) => format!("Approved \"{pilot}\""),
        (ItemKind::Approval, Reject) => format!("Rejected \"{pilot}\""),
        (ItemKind::Approval, _) => format!("Returned \"{pilot}\" for changes"),
        (ItemKind::Day45Review, Stop) => format!("Stopped \"{pilot}\" at its day-45 review"),
        (ItemKind::Day45Review, _) => format!("Continued \"{pilot}\" after its day-45 review"),
        (ItemKind::Day90Outcome, Scale) => format!("Decided to scale \"{pilot}\""),
        (ItemKind::Day90Outcome, Stop) => format!("Decided to stop \"{pilot}\" at day 90"),
        (ItemKind::Day90Outcome, _) => format!("Decided to iterate on \"{pilot}\""),
        (ItemKind::CriteriaChange, Approve) => format!("Approved a criteria change: {subject}"),
        (ItemKind::CriteriaChange, _) => format!("Rejected a criteria change: {subject}"),
    }
}

/// Takes the decision the quorum rule reached: records it with its evidence, closes the
/// item and applies what it decides.
pub(super) fn decide(
    tx: &Transaction,
    record: &ItemRecord,
    status: &QuorumStatus,
    outcome: VoteChoice,
    actor: &Actor,
    today: NaiveDate,
) -> Result<i64> {
    let votes = votes::for_item(tx, record.id)?;
    let recusals = votes::recusals(tx, record.id)?;
    let rule = steering::rule(tx)?;
    let mut summary = format!(
        "{}: {} of {} eligible member{}",
        decision_sentence(record.kind, outcome, &record.pilot_name, &record.subject),
        tally_text(&status.tally),
        status.eligible,
        if status.eligible == 1 { "" } else { "s" }
    );
    if status.recused > 0 {
        summary.push_str(&format!(" ({} recused)", status.recused));
    }
    summary.push('.');
    if status.without_majority {
        summary.push_str(&format!(
            " No option reached {} votes, so the cautious outcome applies.",
            status.needed
        ));
    }
    let counted: Vec<serde_json::Value> = votes
        .iter()
        .filter(|v| !v.superseded && !v.recused)
        .map(|v| {
            json!({"name": v.name, "personId": v.person_id, "function": v.function.as_str(),
                   "choice": v.choice.as_str(), "comment": v.comment, "at": v.at})
        })
        .collect();
    // The day-90 outcome is recorded with what the rule registered before launch said,
    // beside the group's vote, on the data as they stand at the decision.
    let verdict = if record.kind == ItemKind::Day90Outcome {
        Some(crate::workflows::analytics::verdict::rule_verdict_in(
            tx,
            record.pilot_id,
            today,
        )?)
    } else {
        None
    };
    if let Some(verdict) = &verdict {
        summary.push_str(&format!(
            " The rule registered before launch said: {}.",
            verdict.choice.label().to_lowercase()
        ));
    }
    let evidence = json!({
        "ruleVerdict": verdict,
        "rule": rule.description,
        "eligible": status.eligible,
        "needed": status.needed,
        "withoutMajority": status.without_majority,
        "tally": status.tally.iter().map(|t| json!({"choice": t.choice.as_str(), "count": t.count})).collect::<Vec<_>>(),
        "votes": counted,
        "recusals": recusals.iter().map(|r| json!({"name": r.name, "reason": r.reason})).collect::<Vec<_>>(),
    });
    let at = timestamp_now();
    let log_id = audit::record(
        tx,
        actor,
        "decision",
        Some(record.pilot_id),
        &summary,
        json!({"itemId": record.id, "kind": record.kind.as_str(), "outcome": outcome.as_str(), "evidence": evidence}),
    )?;
    let decision_id = decisions::insert(
        tx,
        &NewDecision {
            pilot_id: record.pilot_id,
            item_id: Some(record.id),
            kind: record.kind.into(),
            outcome: outcome.as_str(),
            summary: &summary,
            decided_at: &at,
            recorded_by: &actor.name,
            recorded_by_id: actor.id.as_deref(),
            evidence: &evidence.to_string(),
            log_id,
        },
    )?;
    items::set_state(tx, record.id, ItemState::Decided)?;
    change(tx, STEERING_GROUP, record.pilot_id, "decision", &summary)?;
    apply(tx, record, outcome, decision_id, actor, today)?;
    Ok(decision_id)
}

/// What a decision does to the pilot.
fn apply(
    tx: &Transaction,
    record: &ItemRecord,
    outcome: VoteChoice,
    decision_id: i64,
    actor: &Actor,
    today: NaiveDate,
) -> Result<()> {
    let pilot = pilots::get(tx, record.pilot_id)?;
    let reason = format!(
        "Steering-group decision {decision_id}: {}",
        outcome.past_tense()
    );
    let to =
        |status: PilotStatus| transition_in(tx, pilot.id, status, &reason, STEERING_GROUP, today);
    match (record.kind, outcome) {
        (ItemKind::Approval, VoteChoice::Approve) => {
            to(PilotStatus::Approved)?;
            gates::open_gates(tx, actor, &pilots::get(tx, pilot.id)?)?;
        }
        (ItemKind::Approval, VoteChoice::Reject) => to(PilotStatus::Rejected)?,
        (ItemKind::Approval, _) => {
            to(PilotStatus::ChangesRequested)?;
            transition_in(
                tx,
                pilot.id,
                PilotStatus::Draft,
                &format!(
                    "Returned to Draft with the steering group's comments (decision {decision_id})"
                ),
                STEERING_GROUP,
                today,
            )?;
        }
        (ItemKind::Day45Review | ItemKind::Day90Outcome, _) => {
            // The gate opened by the calendar, so the pilot reaches its day-90 outcome on
            // the way to what the group decided, and both steps are on record.
            if record.kind == ItemKind::Day90Outcome && pilot.status == PilotStatus::Day45Review {
                transition_in(
                    tx,
                    pilot.id,
                    PilotStatus::Day90Outcome,
                    &format!(
                        "The 90-day window ended on {}",
                        crate::packs::dates::long_date(pilot.end_date)
                    ),
                    STEERING_GROUP,
                    today,
                )?;
            }
            let status = pilots::get(tx, pilot.id)?.status;
            if let Some(status) = gates::status_after(record.kind, outcome, status) {
                to(status)?;
            }
            if matches!(
                outcome,
                VoteChoice::Stop | VoteChoice::Scale | VoteChoice::Iterate
            ) {
                for other in items::for_pilot(tx, pilot.id)? {
                    if other.state == ItemState::Open && other.id != record.id {
                        close_item(
                            tx,
                            actor,
                            &other,
                            &format!("the pilot was decided: {}", outcome.past_tense()),
                        )?;
                    }
                }
            }
        }
        (ItemKind::CriteriaChange, VoteChoice::Approve) => {
            apply_criteria_change(tx, record, decision_id)?
        }
        (ItemKind::CriteriaChange, _) => {}
    }
    Ok(())
}
