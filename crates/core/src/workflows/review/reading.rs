//! What the steering group reads: the queue, one pilot's review and the decisions.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::metrics::quorum::{self, Ballot, QuorumInput, Voter};
use crate::model::{
    Decision, DecisionKind, GovernanceItem, GovernanceQueue, ItemKind, ItemState, Pilot,
    PilotStatus, QueueEntry, QuorumStatus, ReviewFeedback, ReviewView, Vote, VoteChoice,
    VoterStanding,
};
use crate::store::items::{self, ItemRecord};
use crate::store::{decisions, pilots, steering, vendors, votes, Store};

use crate::workflows::gates;

pub(crate) fn item_view(
    conn: &Connection,
    record: ItemRecord,
    today: NaiveDate,
) -> Result<GovernanceItem> {
    let pilot = pilots::get(conn, record.pilot_id)?;
    let open = record.state == ItemState::Open;
    let (voting_open, voting_note) = if open {
        gates::voting_window(record.kind, &pilot, today)
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
/// The rule's verdict as it was recorded with a day-90 decision.
fn recorded_verdict(evidence: &str) -> Option<crate::model::RuleVerdict> {
    let value: serde_json::Value = serde_json::from_str(evidence).ok()?;
    serde_json::from_value(value.get("ruleVerdict")?.clone()).ok()
}

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
    let rule_verdict = match (focus.kind, &decision) {
        (ItemKind::Day90Outcome, Some(decision)) => recorded_verdict(&decision.evidence),
        (ItemKind::Day90Outcome, None) if focus.state == ItemState::Open => Some(
            crate::workflows::analytics::verdict::rule_verdict_in(conn, pilot_id, today)?,
        ),
        _ => None,
    };
    Ok(ReviewView {
        rule_verdict,
        status: status_of(conn, focus.id, focus.kind)?,
        design: crate::workflows::design::load_design(store, pilot_id, today)?,
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
