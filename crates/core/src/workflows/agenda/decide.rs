//! What the manager does with an agenda: edits its items while it is open, then accepts it
//! (as is, or edited by some share) or rejects it with a reason from the short list. A
//! decided agenda is final, so calibration counts each one once.

use crate::error::{Error, Result};
use crate::metrics::agenda::change::change_share;
use crate::model::agenda::{
    Agenda, AgendaStatus, AgendaSummary, ItemEdit, RejectInput, RejectReason,
};
use crate::store::agenda::agendas;
use crate::store::Store;
use crate::workflows::pilots::Problems;
use crate::workflows::{record_change, timestamp_now};

/// A suggestion is a sentence or two said aloud.
pub const ITEM_MAX: usize = 600;
pub const NOTE_MAX: usize = 300;

pub fn get(store: &Store, id: i64) -> Result<Agenda> {
    agendas::get(store.conn(), id)?.ok_or(Error::NotFound {
        entity: "agenda",
        id: id.to_string(),
    })
}

pub fn list(store: &Store, manager_id: Option<&str>, limit: u32) -> Result<Vec<AgendaSummary>> {
    agendas::list(store.conn(), manager_id, limit)
}

fn open(store: &Store, id: i64) -> Result<Agenda> {
    let agenda = get(store, id)?;
    if agenda.status != AgendaStatus::Open {
        return Err(Error::Conflict(format!(
            "agenda {id} was already {} on {}; a decided agenda stays as it was decided",
            agenda.status.as_str(),
            agenda
                .decided_at
                .as_deref()
                .unwrap_or("")
                .get(..10)
                .unwrap_or("")
        )));
    }
    Ok(agenda)
}

pub fn edit_item(store: &mut Store, edit: &ItemEdit) -> Result<Agenda> {
    let agenda = open(store, edit.agenda_id)?;
    let mut problems = Problems::default();
    if !agenda.items.iter().any(|i| i.position == edit.position) {
        problems.add(
            "position",
            format!("agenda {} has items 1 to {}", agenda.id, agenda.items.len()),
        );
    }
    let text = problems.required(
        "text",
        &edit.text,
        ITEM_MAX,
        "write the item, or reject the agenda",
    );
    problems.into_result(|| ())?;
    let tx = store.write()?;
    agendas::set_item_text(&tx, agenda.id, edit.position, &text)?;
    record_change(
        &tx,
        "agenda",
        &agenda.id.to_string(),
        "edited",
        &format!("Item {} edited", edit.position),
    )?;
    tx.commit()?;
    get(store, agenda.id)
}

pub fn accept(store: &mut Store, id: i64) -> Result<Agenda> {
    let agenda = open(store, id)?;
    let pairs: Vec<(&str, &str)> = agenda
        .items
        .iter()
        .map(|i| (i.suggested.as_str(), i.text.as_str()))
        .collect();
    let edited = pairs.iter().any(|(suggested, kept)| suggested != kept);
    let share = change_share(&pairs);
    let now = timestamp_now();
    let tx = store.write()?;
    let by = crate::store::settings::load(&tx)?.current_user;
    agendas::decide(
        &tx,
        id,
        &agendas::Decision {
            status: if edited {
                AgendaStatus::Edited
            } else {
                AgendaStatus::Accepted
            },
            change_share: edited.then_some(share),
            reject_reason: None,
            reject_note: "",
            at: &now,
            by: &by,
        },
    )?;
    record_change(
        &tx,
        "agenda",
        &id.to_string(),
        "accepted",
        &if edited {
            format!("Accepted with {:.0}% of the text changed", share * 100.0)
        } else {
            "Accepted as suggested".to_string()
        },
    )?;
    tx.commit()?;
    get(store, id)
}

pub fn reject(store: &mut Store, input: &RejectInput) -> Result<Agenda> {
    open(store, input.agenda_id)?;
    let mut problems = Problems::default();
    let reason = RejectReason::parse(&input.reason);
    if reason.is_none() {
        let codes: Vec<&str> = RejectReason::ALL.iter().map(|r| r.as_str()).collect();
        problems.add("reason", format!("choose a reason: {}", codes.join(", ")));
    }
    let note = input.note.trim().to_string();
    if note.chars().count() > NOTE_MAX {
        problems.add("note", format!("keep the note under {NOTE_MAX} characters"));
    }
    let Some(reason) = reason else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let now = timestamp_now();
    let tx = store.write()?;
    let by = crate::store::settings::load(&tx)?.current_user;
    agendas::decide(
        &tx,
        input.agenda_id,
        &agendas::Decision {
            status: AgendaStatus::Rejected,
            change_share: None,
            reject_reason: Some(reason),
            reject_note: &note,
            at: &now,
            by: &by,
        },
    )?;
    record_change(
        &tx,
        "agenda",
        &input.agenda_id.to_string(),
        "rejected",
        &format!("Rejected: {}", reason.label()),
    )?;
    tx.commit()?;
    get(store, input.agenda_id)
}
