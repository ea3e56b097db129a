//! Coaching networks (the fifth practice): managers nominate internal coaches, who are
//! certified against the workspace's written standard from the evidence (training, hours,
//! observed sessions, coachees' feedback); coaches are matched to coachees across teams
//! without overloading anyone; each coaching pair's cadence leaves as a calendar.

pub mod calendar;
pub mod certify;
pub mod evidence;
pub mod matching;
pub mod roster;
pub mod standard;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::coaches::Coach;
use crate::model::Person;
use crate::store::coaches::roster as coaches;
use crate::store::people;
use crate::workflows::pilots::Problems;

pub use roster::readiness_facts;

/// A comment or note: a few sentences.
pub const NOTE_MAX: usize = 600;

/// The person a form names, or the problem saying there is no such person.
fn person(
    conn: &rusqlite::Connection,
    problems: &mut Problems,
    field: &str,
    id: &str,
) -> Result<Option<Person>> {
    let id = id.trim();
    if id.is_empty() {
        problems.add(field, "choose a person");
        return Ok(None);
    }
    let found = people::get(conn, id)?;
    if found.is_none() {
        problems.add(field, format!("there is no one with the id \"{id}\""));
    }
    Ok(found)
}

/// The coach a form names: nominated, and not withdrawn.
fn active_coach(conn: &rusqlite::Connection, id: &str) -> Result<Coach> {
    let id = id.trim();
    if id.is_empty() {
        return Err(Error::invalid_field("coachId", "choose a coach"));
    }
    let Some(coach) = coaches::get(conn, id)? else {
        let message = match people::get(conn, id)? {
            Some(person) => format!("{} is not a coach; nominate them first", person.name),
            None => format!("there is no one with the id \"{id}\""),
        };
        return Err(Error::invalid_field("coachId", message));
    };
    if let Some(day) = coach.withdrawn_on {
        return Err(Error::Conflict(format!(
            "{} was withdrawn as a coach on {}",
            coach.name,
            crate::packs::dates::long_date(day)
        )));
    }
    Ok(coach)
}

/// A day typed in a form, today when left empty, never in the future.
fn day_or_today(
    problems: &mut Problems,
    field: &str,
    text: &str,
    today: NaiveDate,
) -> Option<NaiveDate> {
    if text.trim().is_empty() {
        return Some(today);
    }
    let day = problems.date(field, text, "")?;
    if day > today {
        problems.add(field, "the date is in the future");
        return None;
    }
    Some(day)
}
