//! The coaching record: the events log and the quick log, where a manager records a
//! coaching moment from the keyboard in seconds.

use chrono::{NaiveDate, NaiveDateTime};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::import::values;
use crate::model::{
    CoachingEvent, EventFilter, EventKind, EventPage, EventSource, ManagerChoice, PersonChoice,
    PilotChoice, PilotStatus, QuickLogInput, QuickLogOptions, TaskChoice,
};
use crate::store::changes::{self, NewChange};
use crate::store::events::{self, EventRecord, EventWriter, Filter};
use crate::store::{cohort, lookup, people, pilots, playbooks, settings, Store};

use super::pilots::Problems;
use super::quick_log_checks;
use super::timestamp_now;

const PAGE_DEFAULT: u32 = 100;
const PAGE_MAX: u32 = 500;

fn day(problems: &mut Problems, field: &str, text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => match crate::import::values::check_year(date) {
            Ok(date) => Some(date),
            Err(message) => {
                problems.add(field, message);
                None
            }
        },
        Err(_) => {
            problems.add(field, format!("\"{text}\" is not a date; use YYYY-MM-DD"));
            None
        }
    }
}

/// The events log's filter, checked.
pub fn check_filter(input: &EventFilter) -> Result<Filter> {
    let mut problems = Problems::default();
    let from = day(&mut problems, "from", &input.from);
    let to = day(&mut problems, "to", &input.to);
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            problems.add("to", "the range ends before it starts");
        }
    }
    problems.into_result(|| Filter {
        pilot_id: input.pilot_id,
        manager_id: input
            .manager_id
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(String::from),
        kind: input.kind,
        from,
        to,
    })
}

/// A page of the events log, latest first, with what the whole filtered set adds up to.
pub fn list_events(store: &Store, input: &EventFilter) -> Result<EventPage> {
    let filter = check_filter(input)?;
    let limit = match input.limit {
        0 => PAGE_DEFAULT,
        n => n.min(PAGE_MAX),
    };
    let (total, total_minutes) = events::totals(store.conn(), &filter)?;
    Ok(EventPage {
        total,
        total_minutes,
        offset: input.offset,
        limit,
        events: events::page(store.conn(), &filter, input.offset, limit)?,
    })
}

/// What the quick log offers: managers and their reports, pilots and their tasks, and the
/// manager to start with (the current user, when they manage people).
pub fn quick_log_options(store: &Store) -> Result<QuickLogOptions> {
    let conn = store.conn();
    let current_user = settings::load(conn)?.current_user;
    let managers: Vec<ManagerChoice> = people::managers_with_reports(conn)?
        .into_iter()
        .map(|(manager, reports)| ManagerChoice {
            id: manager.id,
            name: manager.name,
            team: manager.team,
            reports: reports
                .into_iter()
                .map(|p| PersonChoice {
                    id: p.id,
                    name: p.name,
                    team: p.team,
                    role: p.role,
                })
                .collect(),
        })
        .collect();
    let default_manager = managers
        .iter()
        .find(|m| m.id == current_user || m.name.eq_ignore_ascii_case(&current_user))
        .map(|m| m.id.clone());
    let mut choices = Vec::new();
    for pilot in pilots::list(conn)? {
        if matches!(
            pilot.status,
            PilotStatus::Rejected | PilotStatus::Stopped | PilotStatus::Scaled
        ) {
            continue;
        }
        let tasks = playbooks::workflows_for(conn, pilot.id)?
            .into_iter()
            .flat_map(|w| {
                let workflow = w.name.clone();
                w.tasks.into_iter().map(move |t| TaskChoice {
                    id: t.id,
                    workflow: workflow.clone(),
                    behaviour: t.behaviour,
                })
            })
            .collect();
        let managers = cohort::load(conn, pilot.id)?
            .members
            .into_iter()
            .filter(|m| m.arm == crate::model::Arm::Pilot)
            .map(|m| m.manager_id)
            .collect();
        choices.push(PilotChoice {
            id: pilot.id,
            name: pilot.name,
            status: pilot.status,
            tasks,
            managers,
        });
    }
    // Running pilots first: that is where moments are logged.
    choices.sort_by_key(|p| {
        !matches!(
            p.status,
            PilotStatus::Running | PilotStatus::Day45Review | PilotStatus::Day90Outcome
        )
    });
    Ok(QuickLogOptions {
        managers,
        pilots: choices,
        default_manager,
    })
}

/// What about a moment the playbook would not expect, from its task and pilot.
fn unexpected(
    store: &Store,
    kind: EventKind,
    minutes: u32,
    on: NaiveDate,
    pilot: Option<i64>,
    task: Option<i64>,
) -> Result<Vec<crate::error::ErrorDetail>> {
    let Some(pilot_id) = pilot else {
        return Ok(quick_log_checks::surprises(
            kind,
            minutes,
            on,
            &quick_log_checks::Expected {
                task: None,
                pilot: None,
            },
        ));
    };
    let pilot = pilots::get(store.conn(), pilot_id)?;
    let chosen = playbooks::workflows_for(store.conn(), pilot_id)?
        .into_iter()
        .flat_map(|w| w.tasks)
        .find(|t| Some(t.id) == task);
    let task_minutes = chosen
        .as_ref()
        .and_then(|t| t.moments.iter().map(|m| m.minutes).max())
        .map(|minutes| {
            (
                chosen.as_ref().map_or("", |t| t.behaviour.as_str()),
                minutes,
            )
        });
    Ok(quick_log_checks::surprises(
        kind,
        minutes,
        on,
        &quick_log_checks::Expected {
            task: task_minutes,
            pilot: Some((&pilot.name, pilot.start_date, pilot.end_date)),
        },
    ))
}

/// Records one coaching moment as typed in the quick log. Every problem is named at its
/// field, so the dialog keeps what was typed and shows where to look.
pub fn log_event(
    store: &mut Store,
    input: &QuickLogInput,
    now: NaiveDateTime,
) -> Result<CoachingEvent> {
    let lookup = lookup::load(store.conn())?;
    let mut problems = Problems::default();
    let manager = input.manager_id.trim();
    let manager = if manager.is_empty() {
        problems.add("managerId", "choose the manager who coached");
        None
    } else {
        match lookup.person(manager) {
            Ok(id) => Some(id),
            Err(message) => {
                problems.add("managerId", message);
                None
            }
        }
    };
    let coachee = input.coachee_id.trim();
    let coachee = if coachee.is_empty() {
        problems.add("coacheeId", "choose who was coached");
        None
    } else {
        match lookup.person(coachee) {
            Ok(id) if Some(&id) == manager.as_ref() => {
                problems.add("coacheeId", "the coachee cannot be the manager");
                None
            }
            Ok(id) => Some(id),
            Err(message) => {
                problems.add("coacheeId", message);
                None
            }
        }
    };
    let kind = EventKind::parse(&input.kind);
    if kind.is_none() {
        problems.add("kind", format!("choose a type: {}", EventKind::accepted()));
    }
    let minutes = if input.minutes.trim().is_empty() {
        problems.add("minutes", "say how many minutes it took");
        None
    } else {
        values::minutes(&input.minutes)
            .map_err(|m| problems.add("minutes", m))
            .ok()
    };
    let mut pilot = input.pilot_id;
    if let Some(id) = pilot {
        if !lookup.pilots.iter().any(|p| p.id == id) {
            problems.add("pilotId", format!("there is no pilot {id}"));
            pilot = None;
        }
    }
    let mut task = None;
    if let Some(id) = input.task_id {
        match lookup.task(&id.to_string(), pilot) {
            Ok((task_id, task_pilot)) => {
                task = Some(task_id);
                pilot = Some(task_pilot);
            }
            Err(message) => problems.add("taskId", message),
        }
    }
    let notes = input.notes.trim().to_string();
    problems.limit("notes", &notes, crate::import::events::NOTES_MAX);
    let occurred_at = if input.occurred_at.trim().is_empty() {
        Some(now)
    } else {
        match values::date_time(&input.occurred_at, false) {
            Ok((date, _)) if date > now.date() => {
                problems.add(
                    "occurredAt",
                    "a coaching moment cannot be logged ahead of time",
                );
                None
            }
            Ok((date, time)) => Some(date.and_time(time.unwrap_or(chrono::NaiveTime::MIN))),
            Err(message) => {
                problems.add("occurredAt", message);
                None
            }
        }
    };
    if !problems.is_empty() {
        return Err(Error::invalid(problems.0));
    }
    let (Some(manager), Some(coachee), Some(kind), Some(minutes), Some(occurred_at)) =
        (manager, coachee, kind, minutes, occurred_at)
    else {
        return Err(Error::invalid(problems.0));
    };

    if !input.confirmed {
        let surprises = unexpected(store, kind, minutes, occurred_at.date(), pilot, task)?;
        if !surprises.is_empty() {
            return Err(Error::needs_confirmation(surprises));
        }
    }

    let record = EventRecord {
        uid: Uuid::new_v4().hyphenated().to_string(),
        manager_id: manager,
        coachee_id: Some(coachee),
        occurred_at,
        minutes,
        kind,
        pilot_id: pilot,
        task_id: task,
        notes,
    };
    let actor = settings::load(store.conn())?.current_user;
    let tx = store.write()?;
    let mut writer = EventWriter::new(&tx, EventSource::QuickLog, None)?;
    writer.write(&record)?;
    writer.finish()?;
    let id = tx.last_insert_rowid();
    let manager_name = lookup
        .people
        .get(&record.manager_id)
        .map_or("", |p| p.name.as_str());
    let coachee_name = record
        .coachee_id
        .as_ref()
        .and_then(|c| lookup.people.get(c))
        .map_or("", |p| p.name.as_str());
    changes::append(
        &tx,
        &timestamp_now(),
        &NewChange {
            actor: &actor,
            entity: "coaching_event",
            entity_id: &id.to_string(),
            action: "logged",
            summary: &format!(
                "Logged {} minutes of {} by {manager_name} with {coachee_name}",
                record.minutes,
                record.kind.label().to_lowercase()
            ),
        },
    )?;
    tx.commit()?;
    events::get(store.conn(), id)
}
