//! The entries Pilotdesk writes: an agenda, and the stable UIDs that let a re-export
//! update an entry instead of adding a second one.

use chrono::{DateTime, Utc};

use super::IcsEvent;
use crate::model::agenda::Agenda;

/// A short, stable stand-in for the workspace, so two workspaces' agenda 12 are two entries.
fn workspace_tag(workspace_key: &str) -> String {
    crate::hashing::sha256_hex(workspace_key.as_bytes())[..12].to_string()
}

/// The UID an agenda keeps however often it is exported.
pub fn agenda_uid(agenda_id: i64, workspace_key: &str) -> String {
    format!(
        "agenda-{agenda_id}-{}@pilotdesk",
        workspace_tag(workspace_key)
    )
}

/// The UID a coaching pair's recurring entry keeps however often it is exported, whatever
/// its cadence becomes: the pair's ids are hashed, so they do not leave in the file.
pub fn pair_uid(coach_id: &str, coachee_id: &str, workspace_key: &str) -> String {
    let pair = crate::hashing::sha256_hex(format!("{coach_id}\u{0}{coachee_id}").as_bytes());
    format!(
        "pair-{}-{}@pilotdesk",
        &pair[..16],
        workspace_tag(workspace_key)
    )
}

/// The stamp of an agenda's current version: its decision when it has one (an edit is a
/// decision, so an edited agenda replaces the entry exported before it), else its creation.
fn agenda_stamp(agenda: &Agenda, start: DateTime<Utc>) -> DateTime<Utc> {
    agenda
        .decided_at
        .as_deref()
        .into_iter()
        .chain(std::iter::once(agenda.created_at.as_str()))
        .filter_map(|text| DateTime::parse_from_rfc3339(text).ok())
        .map(|at| at.with_timezone(&Utc))
        .max()
        .unwrap_or(start)
}

fn minutes_text(minutes: u32) -> String {
    format!("{minutes} min")
}

/// The agenda as a calendar entry for the manager and the coachee, starting at `start`.
/// `workspace_key` names the workspace (its file path or id) so UIDs never collide.
pub fn agenda_event(agenda: &Agenda, start: DateTime<Utc>, workspace_key: &str) -> IcsEvent {
    let mut summary = format!(
        "Coaching: {} with {}",
        agenda.manager_name, agenda.coachee_name
    );
    if let Some(task) = agenda.task.as_deref().filter(|t| !t.trim().is_empty()) {
        summary.push_str(&format!(" – {}", task.trim()));
    }
    let mut description = format!(
        "{} agenda, {}",
        agenda.context.label(),
        minutes_text(agenda.minutes)
    );
    if let Some(pilot) = &agenda.pilot_name {
        description.push_str(&format!(", {pilot}"));
    }
    description.push('\n');
    for item in &agenda.items {
        description.push_str(&format!(
            "\n{}. {} ({}): {}",
            item.position,
            item.kind.label(),
            minutes_text(item.kind.minutes()),
            item.text.trim()
        ));
    }
    IcsEvent {
        uid: agenda_uid(agenda.id, workspace_key),
        summary,
        description,
        location: None,
        start,
        minutes: agenda.minutes,
        rrule: None,
        stamp: agenda_stamp(agenda, start),
        zone: None,
    }
}
