//! Time credits per manager per week, so overload shows before it hurts.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::metrics::time_credits::{report, weeks_ending, DayLoad, ManagerInfo};
use crate::model::TimeCreditsReport;
use crate::store::{events, people, settings, Store};

pub const WEEKS_DEFAULT: u32 = 8;
pub const WEEKS_MAX: u32 = 26;

/// The `weeks` weeks up to and including this one, for all events or one pilot's.
pub fn time_credits(
    store: &Store,
    weeks: u32,
    pilot_id: Option<i64>,
    today: NaiveDate,
) -> Result<TimeCreditsReport> {
    credits_report(store, weeks, pilot_id, None, today)
}

/// The same for one manager alone, for their page.
pub fn manager_credits(
    store: &Store,
    weeks: u32,
    manager_id: &str,
    today: NaiveDate,
) -> Result<TimeCreditsReport> {
    credits_report(store, weeks, None, Some(manager_id), today)
}

fn credits_report(
    store: &Store,
    weeks: u32,
    pilot_id: Option<i64>,
    manager_id: Option<&str>,
    today: NaiveDate,
) -> Result<TimeCreditsReport> {
    let weeks = match weeks {
        0 => WEEKS_DEFAULT,
        n if n <= WEEKS_MAX => n,
        _ => {
            return Err(Error::invalid_field(
                "weeks",
                format!("show at most {WEEKS_MAX} weeks"),
            ))
        }
    };
    let conn = store.conn();
    let settings = settings::load(conn)?;
    let mondays = weeks_ending(today, weeks);
    let first = mondays[0];
    let last = *mondays.last().unwrap_or(&first) + chrono::Duration::days(6);
    let days: Vec<DayLoad> =
        events::minutes_per_manager_day(conn, first, last, pilot_id, manager_id)?
            .into_iter()
            .map(|(manager_id, day, events, minutes)| DayLoad {
                manager_id,
                day,
                events,
                minutes,
            })
            .collect();
    let mut reports: BTreeMap<String, u32> = BTreeMap::new();
    let everyone = people::list(conn)?;
    for person in &everyone {
        if let Some(manager) = &person.manager_id {
            *reports.entry(manager.clone()).or_default() += 1;
        }
    }
    let managers: BTreeMap<String, ManagerInfo> = everyone
        .into_iter()
        .map(|p| {
            let count = reports.get(&p.id).copied().unwrap_or(0);
            (
                p.id,
                ManagerInfo {
                    name: p.name,
                    team: p.team,
                    reports: count,
                },
            )
        })
        .collect();
    Ok(report(
        &days,
        &managers,
        &mondays,
        settings.credit_rate,
        settings.weekly_load_hours,
    ))
}
