//! Live check-ins stay in the plan: people with asynchronous coaching and no live check-in
//! for the workspace's number of weeks.

use chrono::{Duration, NaiveDate};

use crate::error::Result;
use crate::metrics::portfolio::check_ins::{without_live_check_in, PersonActivity};
use crate::model::portfolio::CheckInFlag;
use crate::store::portfolio::activity;
use crate::store::{people, settings, Store};

pub const CHECK_IN_WEEKS: &str = "check_in_weeks";
pub const DEFAULT_CHECK_IN_WEEKS: u32 = 3;

pub fn weeks(store: &Store) -> Result<u32> {
    weeks_in(store.conn())
}

pub(crate) fn weeks_in(conn: &rusqlite::Connection) -> Result<u32> {
    Ok(settings::get(conn, CHECK_IN_WEEKS)?
        .and_then(|v| v.parse().ok())
        .filter(|w| (1..=26).contains(w))
        .unwrap_or(DEFAULT_CHECK_IN_WEEKS))
}

pub fn set_weeks(store: &mut Store, weeks: u32) -> Result<()> {
    if !(1..=26).contains(&weeks) {
        return Err(crate::error::Error::invalid_field(
            "checkInWeeks",
            "choose between 1 and 26 weeks",
        ));
    }
    let tx = store.write()?;
    settings::set(&tx, CHECK_IN_WEEKS, &weeks.to_string())?;
    tx.commit()?;
    Ok(())
}

/// Everyone flagged today; one manager's reports when `manager_id` is given.
pub fn flags(
    store: &Store,
    manager_id: Option<&str>,
    today: NaiveDate,
) -> Result<Vec<CheckInFlag>> {
    flags_in(store.conn(), manager_id, today)
}

/// The same through any connection or transaction.
pub(crate) fn flags_in(
    conn: &rusqlite::Connection,
    manager_id: Option<&str>,
    today: NaiveDate,
) -> Result<Vec<CheckInFlag>> {
    let weeks = weeks_in(conn)?;
    let since = today - Duration::weeks(i64::from(weeks));
    let by_person = activity::since(conn, since)?;
    let activity: Vec<PersonActivity> = by_person
        .into_iter()
        .map(|(person, dates)| PersonActivity {
            person,
            async_dates: dates.async_dates,
            live_dates: dates.live_dates,
        })
        .collect();
    let everyone = people::by_id(conn)?;
    let mut out = Vec::new();
    for person_id in without_live_check_in(&activity, today, weeks) {
        let Some(person) = everyone.get(&person_id) else {
            continue;
        };
        if manager_id.is_some_and(|m| person.manager_id.as_deref() != Some(m)) {
            continue;
        }
        let async_items = activity
            .iter()
            .find(|a| a.person == person_id)
            .map_or(0, |a| {
                a.async_dates.iter().filter(|d| **d >= since).count() as u32
            });
        out.push(CheckInFlag {
            last_live_check_in: activity::last_live(conn, &person_id)?,
            person_id,
            name: person.name.clone(),
            manager_id: person.manager_id.clone(),
            weeks,
            async_items,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}
