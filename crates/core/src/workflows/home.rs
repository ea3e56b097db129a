//! The home screen: each part a person plays, and what it asks of them today. The lead sees
//! every pilot's day, gate, KPI and money; a steering-group member the votes they owe and
//! the gates due; a sponsor the verdicts and packs waiting for them. The part the current
//! user plays comes first.

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{
    DecisionKind, GovernanceQueue, Home, HomeRole, InboxEntry, PilotStatus, QueueEntry,
    SponsorEntry, SponsorPack,
};
use crate::packs::dates::long_date_of;
use crate::store::{decisions, packs, pilots, Store};

use super::analytics::overview;
use super::review;
use super::users;

pub fn home(store: &Store, today: NaiveDate) -> Result<Home> {
    let user = users::current_user(store)?;
    let name = user.person.as_ref().map(|p| p.name.clone());
    let overview = overview::portfolio(store, today)?;
    let inbox = match (&user.steering_function, &user.person) {
        (Some(_), Some(person)) => inbox(&review::queue(store, today)?, &person.id),
        _ => Vec::new(),
    };
    let sponsored = match &name {
        Some(name) => sponsored(store, name)?,
        None => Vec::new(),
    };
    let roles = order(user.steering_function.is_some(), !sponsored.is_empty());
    Ok(Home {
        first_name: name
            .as_deref()
            .and_then(|n| n.split_whitespace().next())
            .unwrap_or_default()
            .to_string(),
        roles,
        overview,
        inbox,
        sponsored,
    })
}

/// The sponsor's part first when they sponsor a pilot, then the member's, then the lead's:
/// a sponsor or member who also designs pilots still sees their own decisions first.
fn order(member: bool, sponsor: bool) -> Vec<HomeRole> {
    let mut roles = Vec::new();
    if sponsor {
        roles.push(HomeRole::Sponsor);
    }
    if member {
        roles.push(HomeRole::Member);
    }
    roles.push(HomeRole::Lead);
    roles
}

/// What a member owes: reviews and gates still open, those awaiting their vote or overdue
/// first, then the soonest due.
fn inbox(queue: &GovernanceQueue, member_id: &str) -> Vec<InboxEntry> {
    let mut entries: Vec<InboxEntry> = queue
        .reviews
        .iter()
        .chain(&queue.gates)
        .map(|entry| inbox_entry(entry, member_id))
        .collect();
    entries.sort_by_key(|e| (!(e.owes_vote || e.overdue), e.due_on, e.item_id));
    entries
}

fn inbox_entry(entry: &QueueEntry, member_id: &str) -> InboxEntry {
    let item = &entry.item;
    let status = &entry.status;
    InboxEntry {
        item_id: item.id,
        pilot_id: item.pilot_id,
        pilot_name: item.pilot_name.clone(),
        kind: item.kind,
        subject: item.subject.clone(),
        due_on: item.due_on,
        days_left: item.days_left,
        overdue: item.overdue,
        owes_vote: item.voting_open
            && entry.my_vote.is_none()
            // Eligible members yet to vote, by person id: a member who stepped back is not.
            && status.yet_to_vote.iter().any(|id| id == member_id),
        my_vote: entry.my_vote,
        progress: format!(
            "{} of {} eligible {} voted",
            status.voted,
            status.eligible,
            if status.eligible == 1 {
                "member has"
            } else {
                "members have"
            }
        ),
    }
}

/// The pilots whose sponsor is this person, by name as the pilot records it.
fn sponsored(store: &Store, name: &str) -> Result<Vec<SponsorEntry>> {
    let conn = store.conn();
    let records = packs::list(conn)?;
    let mut entries = Vec::new();
    for summary in pilots::list(conn)? {
        if !summary.sponsor.trim().eq_ignore_ascii_case(name.trim()) {
            continue;
        }
        let outcome = decisions::for_pilot(conn, summary.id)?
            .into_iter()
            .filter(|d| d.kind == DecisionKind::Day90Outcome)
            .max_by_key(|d| d.id);
        let mut packs: Vec<SponsorPack> = records
            .iter()
            .filter(|r| r.pilot_id == Some(summary.id))
            .map(|r| SponsorPack {
                pack_id: r.id,
                kind: r.kind,
                title: r.title.clone(),
                produced_at: r.produced_at.clone(),
            })
            .collect();
        packs.sort_by(|a, b| {
            b.produced_at
                .cmp(&a.produced_at)
                .then(b.pack_id.cmp(&a.pack_id))
        });
        entries.push(SponsorEntry {
            pilot_id: summary.id,
            pilot_name: summary.name.clone(),
            status: summary.status,
            verdict: outcome.as_ref().map(|d| d.outcome_label.clone()),
            verdict_on: outcome.as_ref().and_then(|d| long_date_of(&d.decided_at)),
            waiting_for: waiting_for(summary.status, &summary.end_date.to_string()),
            packs,
        });
    }
    Ok(entries)
}

fn waiting_for(status: PilotStatus, end: &str) -> String {
    let end = long_date_of(end).unwrap_or_default();
    match status {
        PilotStatus::Draft | PilotStatus::Ready | PilotStatus::ChangesRequested => {
            "The lead is still designing it; nothing is asked of you yet.".into()
        }
        PilotStatus::Submitted => "The steering group is reviewing the proposal.".into(),
        PilotStatus::Rejected => "The steering group rejected the proposal.".into(),
        PilotStatus::Approved | PilotStatus::Running | PilotStatus::Day45Review => {
            format!("The day-90 outcome, when the pilot ends on {end}.")
        }
        PilotStatus::Day90Outcome => {
            "The steering group's day-90 decision: scale, iterate or stop.".into()
        }
        PilotStatus::Scaled | PilotStatus::Iterating | PilotStatus::Stopped => {
            "Decided; the outcome pack records it.".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_part_the_user_plays_comes_first_and_the_lead_view_is_always_there() {
        assert_eq!(order(false, false), vec![HomeRole::Lead]);
        assert_eq!(order(true, false), vec![HomeRole::Member, HomeRole::Lead]);
        assert_eq!(
            order(true, true),
            vec![HomeRole::Sponsor, HomeRole::Member, HomeRole::Lead]
        );
    }
}
