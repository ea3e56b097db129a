//! An agenda taken out of the app: a one-page PDF to print, and a calendar entry for the
//! coaching pair that a re-export updates rather than duplicates.

use std::path::Path;

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};

use crate::error::{Error, Result};
use crate::export::ics;
use crate::store::{settings, Store};

const WORKSPACE_KEY: &str = "workspace_key";

/// A random id the workspace keeps for ever, so its calendar entries never collide with
/// another workspace's and survive the file being moved.
pub fn workspace_key(store: &mut Store) -> Result<String> {
    if let Some(key) = settings::get(store.conn(), WORKSPACE_KEY)? {
        return Ok(key);
    }
    let key = uuid::Uuid::new_v4().to_string();
    let tx = store.write()?;
    settings::set(&tx, WORKSPACE_KEY, &key)?;
    tx.commit()?;
    Ok(key)
}

/// Writes the whole file beside its destination, syncs it, then moves it into place: a
/// half-written card or calendar never sits where the person will open it.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::export::destination::write_whole(path, bytes)
}

pub fn card_bytes(store: &Store, id: i64, today: NaiveDate) -> Result<Vec<u8>> {
    let agenda = super::decide::get(store, id)?;
    let workspace = settings::load(store.conn())?;
    crate::packs::agenda::agenda_card(
        &agenda,
        &workspace.workspace_name,
        workspace.paper_size,
        today,
    )
}

pub fn save_card(store: &Store, id: i64, path: &Path, today: NaiveDate) -> Result<()> {
    let bytes = card_bytes(store, id, today)?;
    write_whole(path, &bytes)
}

/// "YYYY-MM-DD HH:MM" (or with a T) in this computer's time zone.
fn local_start(text: &str) -> Result<DateTime<Utc>> {
    let text = text.trim().replace('T', " ");
    let naive = NaiveDateTime::parse_from_str(&text, "%Y-%m-%d %H:%M").map_err(|_| {
        Error::invalid_field(
            "at",
            "write the start as YYYY-MM-DD HH:MM, e.g. 2026-12-01 09:30",
        )
    })?;
    crate::import::values::check_year(naive.date())
        .map_err(|message| Error::invalid_field("at", message))?;
    Local
        .from_local_datetime(&naive)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| {
            Error::invalid_field(
                "at",
                "that time does not exist here (a clock change skips it)",
            )
        })
}

pub fn calendar_text(store: &mut Store, id: i64, at: &str) -> Result<String> {
    let start = local_start(at)?;
    let agenda = super::decide::get(store, id)?;
    let key = workspace_key(store)?;
    Ok(ics::calendar(
        "-//Pilotdesk//Coaching agendas//EN",
        &[ics::agenda_event(&agenda, start, &key)],
    ))
}

pub fn save_calendar(store: &mut Store, id: i64, at: &str, path: &Path) -> Result<()> {
    let text = calendar_text(store, id, at)?;
    write_whole(path, text.as_bytes())
}
