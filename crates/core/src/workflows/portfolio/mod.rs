//! Asynchronous competency (the sixth practice): micro-feedback, work samples with their
//! annotations, portfolio reviews and their agreement, and the flag that notices when a
//! person's coaching has gone all asynchronous.

pub mod check_ins;
pub mod feedback;
pub mod pack;
pub mod report;
pub mod reviews;
pub mod samples;
pub mod view;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::store::{people, Store};
use crate::workflows::pilots::Problems;

/// A person named in a form, or the problem saying there is no such person.
fn person(
    store: &Store,
    problems: &mut Problems,
    id: &str,
) -> Result<Option<crate::model::Person>> {
    let found = people::get(store.conn(), id.trim())?;
    if found.is_none() {
        problems.add(
            "personId",
            format!("there is no one with the id \"{}\"", id.trim()),
        );
    }
    Ok(found)
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

/// The competency a form names, when it is one of a framework's.
fn competency(
    store: &Store,
    problems: &mut Problems,
    field: &str,
    id: Option<i64>,
) -> Result<Option<i64>> {
    let known = id.is_some_and(|id| {
        crate::store::skills::frameworks::names(store.conn())
            .map(|names| names.contains_key(&id))
            .unwrap_or(false)
    });
    if !known {
        problems.add(field, "choose a competency from a framework");
        return Ok(None);
    }
    Ok(id)
}

fn not_found(entity: &'static str, id: impl ToString) -> Error {
    Error::NotFound {
        entity,
        id: id.to_string(),
    }
}
