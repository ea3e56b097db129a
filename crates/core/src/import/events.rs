//! Coaching events from a CSV or a workbook: every row checked against the workspace.
//!
//! Each event gets a UUID key. With an event-id column it comes from that id (a UUID as it
//! is, any other id hashed); without one, from the row's content, so the same row always
//! gives the same key and a re-import changes nothing.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use uuid::Uuid;

use super::mapping::Mapping;
use super::problems::{Place, Problems};
use super::source::Table;
use super::{values, Row};
use crate::error::Result;
use crate::model::EventKind;
use crate::store::events::{format_time, EventRecord};
use crate::store::lookup::Lookup;

pub const NOTES_MAX: usize = 2000;

/// The namespace of every UUID Pilotdesk derives (version 5), so keys are stable across
/// machines and runs.
pub fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://pilotdesk.app/")
}

/// The key of an event given its id in another system.
pub fn uid_for_id(id: &str) -> String {
    match Uuid::parse_str(id) {
        Ok(uuid) => uuid.hyphenated().to_string(),
        Err(_) => Uuid::new_v5(&namespace(), format!("event-id:{id}").as_bytes())
            .hyphenated()
            .to_string(),
    }
}

/// The key of an event with no id of its own: a hash of everything it says.
pub fn uid_for_content(event: &EventRecord) -> String {
    let content = format!(
        "event:{}|{}|{}|{}|{}|{}|{}|{}",
        event.manager_id,
        event.coachee_id.as_deref().unwrap_or(""),
        format_time(event.occurred_at),
        event.minutes,
        event.kind.as_str(),
        event.pilot_id.map(|p| p.to_string()).unwrap_or_default(),
        event.task_id.map(|t| t.to_string()).unwrap_or_default(),
        event.notes
    );
    Uuid::new_v5(&namespace(), content.as_bytes())
        .hyphenated()
        .to_string()
}

/// Goes through every row; hands each valid event to `accept`. Problems are collected, not
/// returned early, so a file's every problem is found in one pass.
pub fn check(
    table: &Table,
    mapping: &Mapping,
    lookup: &Lookup,
    today: NaiveDate,
    problems: &mut Problems,
    mut accept: impl FnMut(EventRecord) -> Result<()>,
) -> Result<u32> {
    // Keyed by the UUID's 128 bits: a million events cost 16 bytes a key, not a string.
    let mut first_line_of: HashMap<u128, u32> = HashMap::new();
    let key = |uid: &str| Uuid::parse_str(uid).map_or(0, |u| u.as_u128());
    let mut rows = 0u32;
    table.for_each(problems, |record, problems| {
        rows += 1;
        let row = Row {
            table,
            mapping,
            record,
        };
        // Duplicate ids are found whatever else is wrong with the rows.
        let id = row.text("eventId");
        if !id.is_empty() {
            let uid = key(&uid_for_id(id));
            if let Some(first) = first_line_of.get(&uid) {
                row.problem(
                    problems,
                    "eventId",
                    format!("duplicate event id {id}: it is already on line {first}"),
                );
                return Ok(());
            }
            first_line_of.insert(uid, row.line());
        }
        let Some(event) = check_row(&row, lookup, today, problems) else {
            return Ok(());
        };
        if id.is_empty() {
            if let Some(first) = first_line_of.get(&key(&event.uid)) {
                problems.add(
                    Place {
                        line: row.line(),
                        column: None,
                    },
                    None,
                    format!(
                        "this row repeats line {first} exactly; add an event id column if both \
                         events are real"
                    ),
                );
                return Ok(());
            }
        }
        first_line_of.insert(key(&event.uid), row.line());
        if problems.is_empty() {
            accept(event)?;
        }
        Ok(())
    })?;
    Ok(rows)
}

fn person(
    row: &Row,
    problems: &mut Problems,
    lookup: &Lookup,
    key: &str,
    who: &str,
) -> Option<String> {
    let text = row.text(key);
    if text.is_empty() {
        return None;
    }
    match lookup.person(text) {
        Ok(id) => Some(id),
        Err(message) => {
            row.problem(problems, key, format!("unknown {who} {text}: {message}"));
            None
        }
    }
}

fn check_row(
    row: &Row,
    lookup: &Lookup,
    today: NaiveDate,
    problems: &mut Problems,
) -> Option<EventRecord> {
    let before = problems.count();
    let manager = person(row, problems, lookup, "managerId", "manager");
    if row.has_column("managerId") && row.text("managerId").is_empty() {
        row.problem(problems, "managerId", "the manager is missing");
    }
    let coachee = person(row, problems, lookup, "coacheeId", "coachee");
    if let (Some(m), Some(c)) = (&manager, &coachee) {
        if m == c {
            row.problem(
                problems,
                "coacheeId",
                format!("{m} is both the manager and the coachee"),
            );
        }
    }

    let date_text = row.text("date");
    let mut when = None;
    if date_text.is_empty() {
        if row.has_column("date") {
            row.problem(problems, "date", "the date is missing");
        }
    } else {
        match values::date_time(date_text, row.table.numeric_dates()) {
            Ok((date, _)) if date > today => row.problem(
                problems,
                "date",
                format!("the date {date} is in the future (today is {today})"),
            ),
            Ok((date, time)) => when = Some((date, time)),
            Err(message) => row.problem(problems, "date", message),
        }
    }
    let time_text = row.text("time");
    let mut time_of_day = None;
    if !time_text.is_empty() {
        match values::time(time_text, row.table.numeric_dates()) {
            Ok(time) => time_of_day = Some(time),
            Err(message) => row.problem(problems, "time", message),
        }
    }

    let minutes_text = row.text("minutes");
    let minutes = if minutes_text.is_empty() {
        if row.has_column("minutes") {
            row.problem(problems, "minutes", "the duration is missing");
        }
        None
    } else {
        values::minutes(minutes_text)
            .map_err(|message| row.problem(problems, "minutes", message))
            .ok()
    };

    let kind_text = row.text("kind");
    let kind = if kind_text.is_empty() {
        if row.has_column("kind") {
            row.problem(problems, "kind", "the type of coaching is missing");
        }
        None
    } else {
        let kind = EventKind::parse(kind_text);
        if kind.is_none() {
            row.problem(
                problems,
                "kind",
                format!(
                    "unknown type \"{kind_text}\"; use {}",
                    EventKind::accepted()
                ),
            );
        }
        kind
    };

    let pilot_text = row.text("pilot");
    let mut pilot = None;
    let mut pilot_failed = false;
    if !pilot_text.is_empty() {
        match lookup.pilot(pilot_text) {
            Ok(id) => pilot = Some(id),
            Err(message) => {
                pilot_failed = true;
                row.problem(problems, "pilot", format!("unknown pilot: {message}"));
            }
        }
    }
    let task_text = row.text("task");
    let mut task = None;
    if !task_text.is_empty() && !pilot_failed {
        match lookup.task(task_text, pilot) {
            Ok((id, task_pilot)) => {
                task = Some(id);
                pilot = Some(task_pilot);
            }
            Err(message) => row.problem(problems, "task", format!("unknown task: {message}")),
        }
    }

    let notes = row.text("notes").to_string();
    if notes.chars().count() > NOTES_MAX {
        row.problem(
            problems,
            "notes",
            format!("keep notes under {NOTES_MAX} characters"),
        );
    }

    if problems.count() > before {
        return None;
    }
    let (date, time_in_date) = when?;
    let time = time_of_day.or(time_in_date).unwrap_or(NaiveTime::MIN);
    let mut event = EventRecord {
        uid: String::new(),
        manager_id: manager?,
        coachee_id: coachee,
        occurred_at: date.and_time(time),
        minutes: minutes?,
        kind: kind?,
        pilot_id: pilot,
        task_id: task,
        notes,
    };
    let id = row.text("eventId");
    event.uid = if id.is_empty() {
        uid_for_content(&event)
    } else {
        uid_for_id(id)
    };
    Some(event)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_stable_uuids() {
        let uuid = "6F1C9D2E-0A4B-4C3D-9E8F-112233445566";
        assert_eq!(uid_for_id(uuid), uuid.to_lowercase());
        assert_eq!(uid_for_id("EV-1"), uid_for_id("EV-1"));
        assert_ne!(uid_for_id("EV-1"), uid_for_id("EV-2"));
        assert_eq!(uid_for_id("EV-1").len(), 36);
    }
}
