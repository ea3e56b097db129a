//! The coaching rollups recomputed in one read of the events. After a bulk write of a
//! million events, counting them in memory costs a fraction of SQLite's three sorted
//! GROUP BYs over the same rows; the triggers (schema 6) keep the same figures row by row
//! otherwise, and the rollup tests compare both with a fresh SQL aggregation.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::store::events::parse_time;

#[derive(Default, Clone, Copy)]
struct Totals {
    events: i64,
    minutes: i64,
}

impl Totals {
    fn add(&mut self, minutes: i64) {
        self.events += 1;
        self.minutes += minutes;
    }
}

/// Employee ids held once each, so a million rows cost a number apiece, not a string.
#[derive(Default)]
struct Ids {
    numbers: HashMap<String, u32>,
    names: Vec<String>,
}

impl Ids {
    fn number(&mut self, id: &str) -> u32 {
        if let Some(number) = self.numbers.get(id) {
            return *number;
        }
        let number = self.names.len() as u32;
        self.names.push(id.to_owned());
        self.numbers.insert(id.to_owned(), number);
        number
    }

    fn name(&self, number: u32) -> &str {
        &self.names[number as usize]
    }
}

/// The Monday on or before the day, as the rollup's `date(…, '-6 days', 'weekday 1')`.
fn week_of(occurred_at: &str) -> rusqlite::Result<NaiveDate> {
    let day = parse_time(occurred_at)?.date();
    Ok(day - Days::new(u64::from(day.weekday().num_days_from_monday())))
}

#[derive(Default)]
struct Tally {
    ids: Ids,
    weeks: HashMap<(i64, NaiveDate, u32), (Totals, i64)>,
    coachees_seen: HashSet<(i64, NaiveDate, u32, u32)>,
    coachees: HashMap<(i64, u32), Totals>,
    tasks: HashMap<(i64, i64), Totals>,
}

impl Tally {
    fn count(&mut self, row: &rusqlite::Row) -> rusqlite::Result<()> {
        let pilot: i64 = row.get(0)?;
        let week = week_of(row.get_ref(1)?.as_str()?)?;
        let manager = self.ids.number(row.get_ref(2)?.as_str()?);
        let coachee = match row.get_ref(3)?.as_str_or_null()? {
            Some(id) => Some(self.ids.number(id)),
            None => None,
        };
        let task: i64 = row.get(4)?;
        let minutes: i64 = row.get(5)?;
        let (totals, distinct_coachees) = self.weeks.entry((pilot, week, manager)).or_default();
        totals.add(minutes);
        if let Some(coachee) = coachee {
            if self.coachees_seen.insert((pilot, week, manager, coachee)) {
                *distinct_coachees += 1;
            }
            self.coachees
                .entry((pilot, coachee))
                .or_default()
                .add(minutes);
        }
        self.tasks.entry((pilot, task)).or_default().add(minutes);
        Ok(())
    }
}

/// Replaces the week, coachee and task rollups with totals over every coaching event.
pub fn rebuild(tx: &Transaction) -> Result<()> {
    let tally = tally(tx)?;
    tx.execute_batch(
        "DELETE FROM coaching_rollup; DELETE FROM coachee_rollup; DELETE FROM task_rollup;",
    )?;
    let mut weeks: Vec<_> = tally.weeks.into_iter().collect();
    // The tables are keyed without row ids: rows in key order append instead of splitting.
    weeks.sort_unstable_by(|(a, _), (b, _)| {
        (a.0, a.1, tally.ids.name(a.2)).cmp(&(b.0, b.1, tally.ids.name(b.2)))
    });
    let mut insert = tx.prepare(
        "INSERT INTO coaching_rollup (pilot_id, week, manager_id, events, minutes, coachees)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for ((pilot, week, manager), (totals, coachees)) in weeks {
        insert.execute(params![
            pilot,
            week.format("%Y-%m-%d").to_string(),
            tally.ids.name(manager),
            totals.events,
            totals.minutes,
            coachees
        ])?;
    }
    let mut coachees: Vec<_> = tally.coachees.into_iter().collect();
    coachees.sort_unstable_by(|(a, _), (b, _)| {
        (a.0, tally.ids.name(a.1)).cmp(&(b.0, tally.ids.name(b.1)))
    });
    let mut insert = tx.prepare(
        "INSERT INTO coachee_rollup (pilot_id, coachee_id, events, minutes)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for ((pilot, coachee), totals) in coachees {
        insert.execute(params![
            pilot,
            tally.ids.name(coachee),
            totals.events,
            totals.minutes
        ])?;
    }
    let mut tasks: Vec<_> = tally.tasks.into_iter().collect();
    tasks.sort_unstable_by_key(|(key, _)| *key);
    let mut insert = tx.prepare(
        "INSERT INTO task_rollup (pilot_id, task_id, events, minutes) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for ((pilot, task), totals) in tasks {
        insert.execute(params![pilot, task, totals.events, totals.minutes])?;
    }
    Ok(())
}

fn tally(tx: &Transaction) -> Result<Tally> {
    let mut tally = Tally::default();
    let mut statement = tx.prepare(
        "SELECT ifnull(pilot_id, 0), occurred_at, manager_id, coachee_id, ifnull(task_id, 0),
                minutes
         FROM coaching_events",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        tally.count(row)?;
    }
    Ok(tally)
}

#[cfg(test)]
mod tests {
    use super::week_of;

    #[test]
    fn a_week_starts_on_the_monday_on_or_before_the_day() {
        // 2026-11-23 is a Monday.
        for (moment, monday) in [
            ("2026-11-23T00:00:00", "2026-11-23"),
            ("2026-11-29T23:59:59", "2026-11-23"),
            ("2026-11-30T08:00:00", "2026-11-30"),
            ("2026-01-01T09:00:00", "2025-12-29"),
        ] {
            assert_eq!(week_of(moment).unwrap().to_string(), monday, "{moment}");
        }
    }
}
