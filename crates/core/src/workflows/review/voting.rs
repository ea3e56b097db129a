//! Votes and recusals, and the decision taken the moment the quorum rule is met.

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::json;

use crate::error::{Error, Result};
use crate::model::{ItemKind, ItemState, Person, VoteChoice, VoteInput};
use crate::packs::dates::long_date_of;
use crate::store::decisions;
use crate::store::items::{self, ItemRecord};
use crate::store::remote_review::{self, NewBallot};
use crate::store::votes::{self, NewRecusal, NewVote};
use crate::store::{pilots, steering, Store};

use super::deciding::decide;
use super::reading::{item_view, status_of};
use super::{change, Cast, COMMENT_MAX};
use crate::workflows::audit::{self, Actor};
use crate::workflows::timestamp_now;
use crate::workflows::users::acting_person;

/// Loads an item for a member's vote or recusal, refusing what the state forbids.
pub(crate) fn open_for(
    tx: &Transaction,
    item_id: i64,
    person: &Person,
    today: NaiveDate,
) -> Result<(ItemRecord, crate::model::SteeringMember)> {
    let member = steering::member(tx, &person.id)?.ok_or_else(|| {
        Error::Conflict(format!(
            "{} is not a member of the steering group; only members vote (add them under \
             Governance › Steering group, or `pilotdesk steering add {} --function ...`)",
            person.name, person.id
        ))
    })?;
    let record = items::get(tx, item_id)?;
    match record.state {
        ItemState::Decided => {
            let decision = match record.decision_id {
                Some(id) => Some(decisions::get(tx, id)?),
                None => None,
            };
            return Err(Error::Conflict(match decision {
                Some(d) => format!(
                    "the steering group already decided this on {} ({}); a vote after the \
                     decision is refused",
                    long_date_of(&d.decided_at).unwrap_or(d.decided_at.clone()),
                    d.outcome_label.to_lowercase()
                ),
                None => {
                    "the steering group already decided this; a vote after the decision is refused"
                        .into()
                }
            }));
        }
        ItemState::Withdrawn => {
            return Err(Error::Conflict(
                "this item was withdrawn before a decision; there is nothing to vote on".into(),
            ))
        }
        ItemState::Open => {}
    }
    let pilot = pilots::get(tx, record.pilot_id)?;
    let view = item_view(tx, record.clone(), today)?;
    if !view.voting_open {
        return Err(Error::Conflict(format!(
            "voting on the {} of \"{}\" has not opened: {}",
            record.kind.label().to_lowercase(),
            pilot.name,
            view.voting_note
        )));
    }
    if votes::recusals(tx, item_id)?
        .iter()
        .any(|r| r.person_id == person.id)
    {
        return Err(Error::Conflict(format!(
            "{} recused from this item and cannot vote on it",
            person.name
        )));
    }
    Ok((record, member))
}

fn actor_of(person: &Person) -> Actor {
    Actor {
        name: person.name.clone(),
        id: Some(person.id.clone()),
    }
}

/// The choice a member may make on an item of `kind`, read from what they typed.
pub(crate) fn checked_choice(kind: ItemKind, input: &VoteInput) -> Result<(VoteChoice, String)> {
    let options = kind.options();
    let choice = VoteChoice::parse(&input.choice)
        .filter(|c| options.contains(c))
        .ok_or_else(|| {
            Error::invalid_field(
                "choice",
                format!(
                    "choose {} for the {}",
                    options
                        .iter()
                        .map(|o| o.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    kind.label().to_lowercase()
                ),
            )
        })?;
    let comment = input.comment.trim();
    if comment.chars().count() > COMMENT_MAX {
        return Err(Error::invalid_field(
            "comment",
            format!("keep the comment under {COMMENT_MAX} characters"),
        ));
    }
    let dissent = matches!(
        choice,
        VoteChoice::Reject | VoteChoice::RequestChanges | VoteChoice::Stop
    );
    if dissent && comment.is_empty() {
        return Err(Error::invalid_field(
            "comment",
            format!(
                "say why you vote to {}, so the pilot's designers know what to change",
                choice.label().to_lowercase()
            ),
        ));
    }
    Ok((choice, comment.to_string()))
}

/// A recusal's reason, checked.
pub(crate) fn checked_reason(reason: &str) -> Result<String> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid_field(
            "reason",
            "name the conflict of interest, e.g. \"I sponsor this pilot\"",
        ));
    }
    if reason.chars().count() > COMMENT_MAX {
        return Err(Error::invalid_field(
            "reason",
            format!("keep the reason under {COMMENT_MAX} characters"),
        ));
    }
    Ok(reason.to_string())
}

/// A signed ballot a vote or recusal arrives in: recorded with its log entry, which carries
/// the proof (`details` joins the entry's own).
pub(crate) struct BallotProof<'a> {
    pub details: serde_json::Value,
    pub ballot: NewBallot<'a>,
}

/// Keeps the ballot a vote or recusal arrived in, pointing at the log entry that records it.
fn record_ballot(tx: &Transaction, log_id: i64, proof: Option<BallotProof>) -> Result<Option<i64>> {
    match proof {
        Some(proof) => Ok(Some(remote_review::insert_ballot(
            tx,
            &NewBallot {
                log_id,
                ..proof.ballot
            },
        )?)),
        None => Ok(None),
    }
}

/// Casts the current user's vote. A member may change their vote until the decision; the
/// latest counts. When the vote meets the quorum rule, the decision is taken at once.
pub fn vote(store: &mut Store, item_id: i64, input: &VoteInput, today: NaiveDate) -> Result<Cast> {
    let person = acting_person(store.conn())?;
    let kind = items::get(store.conn(), item_id)?.kind;
    let (choice, comment) = checked_choice(kind, input)?;
    let tx = store.write()?;
    let cast = vote_in(&tx, &person, item_id, choice, &comment, today, None)?;
    tx.commit()?;
    Ok(cast.0)
}

/// Records a member's vote inside the caller's transaction, as cast in the app or by a
/// signed ballot; the quorum counts both alike. Returns the ballot's id when there was one.
pub(crate) fn vote_in(
    tx: &Transaction,
    person: &Person,
    item_id: i64,
    choice: VoteChoice,
    comment: &str,
    today: NaiveDate,
    proof: Option<BallotProof>,
) -> Result<(Cast, Option<i64>)> {
    let (record, member) = open_for(tx, item_id, person, today)?;
    let actor = actor_of(person);
    let replaced = votes::for_item(tx, item_id)?
        .iter()
        .rev()
        .find(|v| v.person_id == person.id)
        .map(|v| v.choice);
    let summary = format!(
        "{} ({}) voted {} on the {} of \"{}\"{}{}{}",
        person.name,
        member.function.label(),
        choice.label().to_lowercase(),
        record.kind.label().to_lowercase(),
        record.pilot_name,
        proof
            .as_ref()
            .map(|p| format!(" by signed ballot (key {})", p.ballot.fingerprint))
            .unwrap_or_default(),
        replaced
            .map(|r| format!(", replacing their vote to {}", r.label().to_lowercase()))
            .unwrap_or_default(),
        if comment.is_empty() {
            String::new()
        } else {
            format!(": {comment}")
        }
    );
    let at = timestamp_now();
    let mut details = json!({
        "itemId": item_id,
        "itemKind": record.kind.as_str(),
        "function": member.function.as_str(),
        "choice": choice.as_str(),
        "comment": comment,
    });
    if let Some(proof) = &proof {
        details["ballot"] = proof.details.clone();
    }
    let log_id = audit::record(tx, &actor, "vote", Some(record.pilot_id), &summary, details)?;
    let ballot_id = record_ballot(tx, log_id, proof)?;
    votes::insert(
        tx,
        &NewVote {
            item_id,
            ballot_id,
            person_id: &person.id,
            function: member.function,
            choice,
            comment,
            at: &at,
            log_id,
        },
    )?;
    change(tx, &person.name, record.pilot_id, "vote", &summary)?;
    Ok((decide_if_met(tx, &record, &actor, today)?, ballot_id))
}

/// The current user steps back from an item for a conflict of interest. A vote they cast
/// before no longer counts; the recusal may complete the quorum for the others.
pub fn recuse(store: &mut Store, item_id: i64, reason: &str, today: NaiveDate) -> Result<Cast> {
    let person = acting_person(store.conn())?;
    let reason = checked_reason(reason)?;
    let tx = store.write()?;
    let cast = recuse_in(&tx, &person, item_id, &reason, today, None)?;
    tx.commit()?;
    Ok(cast.0)
}

pub(crate) fn recuse_in(
    tx: &Transaction,
    person: &Person,
    item_id: i64,
    reason: &str,
    today: NaiveDate,
    proof: Option<BallotProof>,
) -> Result<(Cast, Option<i64>)> {
    let (record, member) = open_for(tx, item_id, person, today)?;
    let actor = actor_of(person);
    let summary = format!(
        "{} ({}) recused from the {} of \"{}\"{}: {reason}",
        person.name,
        member.function.label(),
        record.kind.label().to_lowercase(),
        record.pilot_name,
        proof
            .as_ref()
            .map(|p| format!(" by signed ballot (key {})", p.ballot.fingerprint))
            .unwrap_or_default(),
    );
    let mut details =
        json!({"itemId": item_id, "function": member.function.as_str(), "reason": reason});
    if let Some(proof) = &proof {
        details["ballot"] = proof.details.clone();
    }
    let log_id = audit::record(
        tx,
        &actor,
        "recusal",
        Some(record.pilot_id),
        &summary,
        details,
    )?;
    let ballot_id = record_ballot(tx, log_id, proof)?;
    votes::recuse(
        tx,
        &NewRecusal {
            item_id,
            person_id: &person.id,
            reason,
            at: &timestamp_now(),
            log_id,
            ballot_id,
        },
    )?;
    change(tx, &person.name, record.pilot_id, "recusal", &summary)?;
    Ok((decide_if_met(tx, &record, &actor, today)?, ballot_id))
}

fn decide_if_met(
    tx: &Transaction,
    record: &ItemRecord,
    actor: &Actor,
    today: NaiveDate,
) -> Result<Cast> {
    let status = status_of(tx, record.id, record.kind)?;
    let decision_id = match status.outcome {
        Some(outcome) => Some(decide(tx, record, &status, outcome, actor, today)?),
        None => None,
    };
    Ok(Cast {
        status,
        decision_id,
    })
}
