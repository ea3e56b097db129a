//! The steering group's reviews: submitted pilots, stage gates and criteria changes are
//! items the members vote on. A decision is taken the moment the quorum rule is met, in
//! the same transaction as the vote that met it, and it moves the pilot; a vote after the
//! decision is refused. Every vote, recusal and decision goes into the decision log.

use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, Transaction};
use serde_json::json;

use crate::error::{Error, Result};
use crate::metrics::quorum::{self, Ballot, QuorumInput, Voter};
use crate::model::{
    Decision, DecisionKind, GovernanceItem, GovernanceQueue, ItemKind, ItemState, KpiInput, Person,
    Pilot, PilotStatus, QueueEntry, QuorumStatus, ReviewFeedback, ReviewView, Tally, Vote,
    VoteChoice, VoteInput, VoterStanding,
};
use crate::packs::dates::long_date;
use crate::store::changes::{self, NewChange};
use crate::store::decisions::{self, NewDecision};
use crate::store::items::{self, ItemRecord, NewItem};
use crate::store::votes::{self, NewVote};
use crate::store::{kpis as kpi_store, pilots, steering, vendors, Store};

use super::audit::{self, Actor};
use super::gates;
use super::lifecycle::transition_in;
use super::timestamp_now;
use super::users::acting_person;

/// Recorded as the actor of the transitions a decision makes.
pub const STEERING_GROUP: &str = "Steering group";
const COMMENT_MAX: usize = 2000;
/// A criteria change is put to the group for a decision within two weeks.
const CRITERIA_CHANGE_DAYS: i64 = 14;

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

// ---- Reading ----

pub(crate) fn item_view(
    conn: &Connection,
    record: ItemRecord,
    today: NaiveDate,
) -> Result<GovernanceItem> {
    let pilot = pilots::get(conn, record.pilot_id)?;
    let open = record.state == ItemState::Open;
    let (voting_open, voting_note) = if open {
        gates::voting_window(record.kind, &pilot)
    } else {
        (false, "the item is closed".to_string())
    };
    Ok(GovernanceItem {
        overdue: gates::is_overdue(record.due_on, open, today),
        days_left: (record.due_on - today).num_days(),
        voting_open,
        voting_note,
        id: record.id,
        pilot_id: record.pilot_id,
        pilot_name: record.pilot_name,
        pilot_status: record.pilot_status,
        kind: record.kind,
        subject: record.subject,
        due_on: record.due_on,
        opened_at: record.opened_at,
        opened_by: record.opened_by,
        state: record.state,
        payload: record.payload,
        decision_id: record.decision_id,
    })
}

/// The quorum rule applied to an item's votes as they stand.
pub(crate) fn status_of(conn: &Connection, item_id: i64, kind: ItemKind) -> Result<QuorumStatus> {
    let members: Vec<Voter> = steering::members(conn)?
        .into_iter()
        .map(|m| Voter {
            person_id: m.person_id,
            function: m.function,
        })
        .collect();
    let recused: Vec<String> = votes::recusals(conn, item_id)?
        .into_iter()
        .map(|r| r.person_id)
        .collect();
    let ballots: Vec<Ballot> = votes::for_item(conn, item_id)?
        .into_iter()
        .map(|v| Ballot {
            person_id: v.person_id,
            choice: v.choice,
        })
        .collect();
    let rule = steering::rule(conn)?;
    Ok(quorum::evaluate(&QuorumInput {
        members: &members,
        recused: &recused,
        ballots: &ballots,
        rule: &rule,
        options: kind.options(),
        without_majority: kind.without_majority(),
    }))
}

fn my_vote(votes: &[Vote], person_id: Option<&str>) -> Option<Vote> {
    let person_id = person_id?;
    votes
        .iter()
        .rev()
        .find(|v| v.person_id == person_id)
        .cloned()
}

/// What the steering group has before it: submitted pilots and criteria changes, the
/// stage gates not yet decided, and the latest decisions.
pub fn queue(store: &Store, today: NaiveDate) -> Result<GovernanceQueue> {
    let conn = store.conn();
    let me = crate::store::settings::load(conn)?.current_user_id;
    let mut reviews = Vec::new();
    let mut gates = Vec::new();
    for record in items::open(conn)? {
        let status = status_of(conn, record.id, record.kind)?;
        let votes = votes::for_item(conn, record.id)?;
        let kind = record.kind;
        let entry = QueueEntry {
            my_vote: my_vote(&votes, me.as_deref()).map(|v| v.choice),
            item: item_view(conn, record, today)?,
            status,
        };
        match kind {
            ItemKind::Approval | ItemKind::CriteriaChange => reviews.push(entry),
            ItemKind::Day45Review | ItemKind::Day90Outcome => gates.push(entry),
        }
    }
    let overdue = reviews
        .iter()
        .chain(&gates)
        .filter(|e| e.item.overdue)
        .count() as u32;
    Ok(GovernanceQueue {
        reviews,
        gates,
        recent_decisions: decisions::recent(conn, 8)?,
        overdue,
    })
}

fn standing(
    conn: &Connection,
    item: &GovernanceItem,
    votes: &[Vote],
    recusals: &[crate::model::Recusal],
) -> Result<VoterStanding> {
    let settings = crate::store::settings::load(conn)?;
    let Some(person_id) = settings.current_user_id else {
        return Ok(VoterStanding {
            person_id: None,
            name: settings.current_user,
            function: None,
            can_vote: false,
            can_recuse: false,
            note: "Choose who you are to vote: only steering-group members vote".into(),
            vote: None,
            recused: false,
        });
    };
    let member = steering::member(conn, &person_id)?;
    let recused = recusals.iter().any(|r| r.person_id == person_id);
    let vote = my_vote(votes, Some(&person_id));
    let note = if member.is_none() {
        format!(
            "{} is not a member of the steering group; only members vote",
            settings.current_user
        )
    } else if recused {
        "You recused yourself from this item".into()
    } else if item.state == ItemState::Decided {
        "The decision has been taken; no more votes are accepted".into()
    } else if item.state == ItemState::Withdrawn {
        "The item was withdrawn before a decision".into()
    } else if !item.voting_open {
        format!("Voting has not opened: {}", item.voting_note)
    } else {
        String::new()
    };
    let can_vote = note.is_empty();
    Ok(VoterStanding {
        person_id: Some(person_id),
        name: settings.current_user,
        function: member.map(|m| m.function),
        can_vote,
        can_recuse: can_vote,
        note,
        vote,
        recused,
    })
}

/// The review screen of a pilot, focused on `item_id` or on the item that most needs the
/// group: an open review, then a gate open for voting, then the next gate, then the last.
pub fn review(
    store: &Store,
    pilot_id: i64,
    item_id: Option<i64>,
    today: NaiveDate,
) -> Result<ReviewView> {
    let conn = store.conn();
    let records = items::for_pilot(conn, pilot_id)?;
    let mut all = Vec::new();
    for record in records {
        all.push(item_view(conn, record, today)?);
    }
    let focus = match item_id {
        Some(id) => all
            .iter()
            .find(|i| i.id == id)
            .cloned()
            .ok_or(Error::NotFound {
                entity: "governance item of this pilot",
                id: id.to_string(),
            })?,
        None => all
            .iter()
            .find(|i| {
                i.state == ItemState::Open
                    && matches!(i.kind, ItemKind::Approval | ItemKind::CriteriaChange)
            })
            .or_else(|| {
                all.iter()
                    .find(|i| i.state == ItemState::Open && i.voting_open)
            })
            .or_else(|| all.iter().find(|i| i.state == ItemState::Open))
            .or_else(|| all.last())
            .cloned()
            .ok_or_else(|| {
                Error::Conflict(format!(
                    "\"{}\" has not been put to the steering group yet; submit it first",
                    pilots::get(conn, pilot_id)
                        .map(|p| p.name)
                        .unwrap_or_default()
                ))
            })?,
    };
    let votes = votes::for_item(conn, focus.id)?;
    let recusals = votes::recusals(conn, focus.id)?;
    let me = standing(conn, &focus, &votes, &recusals)?;
    let decision = match focus.decision_id {
        Some(id) => Some(decisions::get(conn, id)?),
        None => None,
    };
    Ok(ReviewView {
        status: status_of(conn, focus.id, focus.kind)?,
        design: super::design::load_design(store, pilot_id, today)?,
        rule: steering::rule(conn)?,
        members: steering::members(conn)?,
        decisions: decisions::for_pilot(conn, pilot_id)?,
        vendors: vendors::for_pilot(conn, pilot_id)?,
        item: focus,
        items: all,
        votes,
        recusals,
        me,
        decision,
    })
}

pub fn decision(store: &Store, id: i64) -> Result<Decision> {
    decisions::get(store.conn(), id)
}

/// Decisions about one pilot, or the latest across the workspace (newest first).
pub fn decisions(store: &Store, pilot_id: Option<i64>) -> Result<Vec<Decision>> {
    match pilot_id {
        Some(id) => decisions::for_pilot(store.conn(), id),
        None => decisions::recent(store.conn(), 1000),
    }
}

/// The group's comments when it last asked for changes, while the pilot is redesigned.
pub(crate) fn feedback(conn: &Connection, pilot: &Pilot) -> Result<Option<ReviewFeedback>> {
    if !matches!(pilot.status, PilotStatus::Draft | PilotStatus::Ready) {
        return Ok(None);
    }
    let last_approval = decisions::for_pilot(conn, pilot.id)?
        .into_iter()
        .rev()
        .find(|d| d.kind == DecisionKind::Approval);
    let Some(decision) = last_approval else {
        return Ok(None);
    };
    if decision.outcome != VoteChoice::RequestChanges.as_str() {
        return Ok(None);
    }
    let votes = match decision.item_id {
        Some(item) => votes::for_item(conn, item)?
            .into_iter()
            .filter(|v| !v.superseded && !v.recused)
            .collect(),
        None => Vec::new(),
    };
    Ok(Some(ReviewFeedback {
        decision_id: decision.id,
        decided_at: decision.decided_at,
        summary: decision.summary,
        votes,
    }))
}

// ---- Voting ----

/// Loads an item for a member's vote or recusal, refusing what the state forbids.
fn open_for(
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
                    d.decided_at
                        .get(..10)
                        .and_then(|s| s.parse().ok())
                        .map(long_date)
                        .unwrap_or(d.decided_at.clone()),
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

/// Casts the current user's vote. A member may change their vote until the decision; the
/// latest counts. When the vote meets the quorum rule, the decision is taken at once.
pub fn vote(store: &mut Store, item_id: i64, input: &VoteInput, today: NaiveDate) -> Result<Cast> {
    let person = acting_person(store.conn())?;
    let kind = items::get(store.conn(), item_id)?.kind;
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

    let tx = store.write()?;
    let (record, member) = open_for(&tx, item_id, &person, today)?;
    let actor = actor_of(&person);
    let replaced = votes::for_item(&tx, item_id)?
        .iter()
        .rev()
        .find(|v| v.person_id == person.id)
        .map(|v| v.choice);
    let summary = format!(
        "{} ({}) voted {} on the {} of \"{}\"{}{}",
        person.name,
        member.function.label(),
        choice.label().to_lowercase(),
        record.kind.label().to_lowercase(),
        record.pilot_name,
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
    let log_id = audit::record(
        &tx,
        &actor,
        "vote",
        Some(record.pilot_id),
        &summary,
        json!({
            "itemId": item_id,
            "itemKind": record.kind.as_str(),
            "function": member.function.as_str(),
            "choice": choice.as_str(),
            "comment": comment,
        }),
    )?;
    votes::insert(
        &tx,
        &NewVote {
            item_id,
            person_id: &person.id,
            function: member.function,
            choice,
            comment,
            at: &at,
            log_id,
        },
    )?;
    change(&tx, &person.name, record.pilot_id, "vote", &summary)?;
    let cast = decide_if_met(&tx, &record, &actor, today)?;
    tx.commit()?;
    Ok(cast)
}

/// The current user steps back from an item for a conflict of interest. A vote they cast
/// before no longer counts; the recusal may complete the quorum for the others.
pub fn recuse(store: &mut Store, item_id: i64, reason: &str, today: NaiveDate) -> Result<Cast> {
    let person = acting_person(store.conn())?;
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
    let tx = store.write()?;
    let (record, member) = open_for(&tx, item_id, &person, today)?;
    let actor = actor_of(&person);
    let summary = format!(
        "{} ({}) recused from the {} of \"{}\": {reason}",
        person.name,
        member.function.label(),
        record.kind.label().to_lowercase(),
        record.pilot_name
    );
    let log_id = audit::record(
        &tx,
        &actor,
        "recusal",
        Some(record.pilot_id),
        &summary,
        json!({"itemId": item_id, "function": member.function.as_str(), "reason": reason}),
    )?;
    votes::recuse(&tx, item_id, &person.id, reason, &timestamp_now(), log_id)?;
    change(&tx, &person.name, record.pilot_id, "recusal", &summary)?;
    let cast = decide_if_met(&tx, &record, &actor, today)?;
    tx.commit()?;
    Ok(cast)
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
fn decide(
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
    let evidence = json!({
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
            if let Some(status) = gates::status_after(record.kind, outcome, pilot.status) {
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

// ---- Criteria changes ----

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct CriteriaChange {
    kpi_id: i64,
    input: KpiInput,
    reason: String,
}

fn describe_criteria(kpi: &crate::model::Kpi) -> String {
    let baseline = kpi
        .baseline
        .as_ref()
        .map_or("no baseline".to_string(), |b| {
            format!(
                "baseline {} {} over {} to {}",
                b.value,
                kpi.unit,
                long_date(b.start),
                long_date(b.end)
            )
        });
    let criterion = kpi
        .criterion
        .as_ref()
        .map_or("no success criterion".to_string(), |c| c.rule.clone());
    format!("{baseline}; {criterion}")
}

/// Puts a change to a locked baseline or success criterion to the steering group. The
/// change is applied only if the group approves it.
pub fn propose_criteria_change(
    store: &mut Store,
    pilot_id: i64,
    input: &KpiInput,
    reason: &str,
    today: NaiveDate,
) -> Result<i64> {
    let pilot = pilots::get(store.conn(), pilot_id)?;
    let (open, note) = gates::voting_window(ItemKind::CriteriaChange, &pilot);
    if !open {
        return Err(Error::Conflict(format!(
            "a criteria change is voted on only while the criteria are locked by an approval; {note}"
        )));
    }
    let Some(kpi_id) = input.id else {
        return Err(Error::invalid_field(
            "id",
            "name the KPI whose criterion changes",
        ));
    };
    let kpis = kpi_store::for_pilot(store.conn(), pilot_id)?;
    let kpi = kpis
        .iter()
        .find(|k| k.id == kpi_id)
        .ok_or(Error::NotFound {
            entity: "KPI of this pilot",
            id: kpi_id.to_string(),
        })?;
    let taken: Vec<String> = kpis
        .iter()
        .filter(|k| k.id != kpi_id)
        .map(|k| k.name.clone())
        .collect();
    let checked = super::kpis::check(input, pilot.start_date, &taken)?;
    if !checked.changes_criteria_of(kpi) {
        return Err(Error::invalid_field(
            "targetLift",
            "this is the baseline and criterion the KPI already has; change one of them to propose it",
        ));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid_field(
            "reason",
            "say why the criterion should change, for the steering group to weigh",
        ));
    }
    if items::open_of_kind(store.conn(), pilot_id, ItemKind::CriteriaChange)?.is_some() {
        return Err(Error::Conflict(format!(
            "a criteria change for \"{}\" is already before the steering group; it decides that \
             one first",
            pilot.name
        )));
    }
    let mut proposed = kpi.clone();
    proposed.baseline = checked.baseline.clone();
    proposed.criterion = checked.target_lift.map(|t| crate::model::SuccessCriterion {
        target_lift: t,
        interval_above_zero: checked.interval_above_zero,
        rule: kpi_store::rule_text(
            &checked.name,
            &kpi.unit,
            kpi.direction,
            t,
            checked.interval_above_zero,
        ),
    });
    let subject = format!(
        "Change \"{}\" of \"{}\" from {} to {}",
        kpi.name,
        pilot.name,
        describe_criteria(kpi),
        describe_criteria(&proposed)
    );
    let payload = serde_json::to_string(&CriteriaChange {
        kpi_id,
        input: input.clone(),
        reason: reason.into(),
    })
    .unwrap_or_default();
    let actor = audit::actor(store.conn())?;
    let tx = store.write()?;
    let id = open_item(
        &tx,
        &actor,
        &pilot,
        ItemKind::CriteriaChange,
        &subject,
        today + Duration::days(CRITERIA_CHANGE_DAYS),
        &payload,
    )?;
    change(
        &tx,
        &actor.name,
        pilot_id,
        "criteria_change_proposed",
        &format!("{subject}. Why: {reason}"),
    )?;
    tx.commit()?;
    Ok(id)
}

fn apply_criteria_change(tx: &Transaction, record: &ItemRecord, decision_id: i64) -> Result<()> {
    let change_request: CriteriaChange = serde_json::from_str(&record.payload)
        .map_err(|e| Error::Conflict(format!("the proposed change cannot be read back: {e}")))?;
    let pilot = pilots::get(tx, record.pilot_id)?;
    let kpis = kpi_store::for_pilot(tx, pilot.id)?;
    let taken: Vec<String> = kpis
        .iter()
        .filter(|k| k.id != change_request.kpi_id)
        .map(|k| k.name.clone())
        .collect();
    let checked = super::kpis::check(&change_request.input, pilot.start_date, &taken)?;
    kpi_store::update(tx, change_request.kpi_id, &checked.record())?;
    pilots::touch(tx, pilot.id, &timestamp_now())?;
    change(
        tx,
        STEERING_GROUP,
        pilot.id,
        "criteria_changed",
        &format!(
            "Changed the criteria of \"{}\" by decision {decision_id}",
            checked.name
        ),
    )
}
