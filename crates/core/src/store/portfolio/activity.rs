//! When each person had asynchronous coaching and when a live check-in, for the flag that
//! notices when coaching has gone all asynchronous.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;

#[derive(Debug, Default)]
pub struct Dates {
    pub async_dates: Vec<NaiveDate>,
    pub live_dates: Vec<NaiveDate>,
}

/// Every person's async and live dates from `since` on: feedback received, samples added,
/// portfolio reviews and async coaching events; live check-ins from the coaching log.
pub fn since(conn: &Connection, since: NaiveDate) -> Result<BTreeMap<String, Dates>> {
    let mut by: BTreeMap<String, Dates> = BTreeMap::new();
    let mut statement = conn.prepare(
        "SELECT person_id, given_on, 0 FROM micro_feedback WHERE given_on >= ?1
         UNION ALL SELECT person_id, added_on, 0 FROM work_samples WHERE added_on >= ?1
         UNION ALL SELECT person_id, reviewed_on, 0 FROM portfolio_reviews WHERE reviewed_on >= ?1
         UNION ALL SELECT coachee_id, substr(occurred_at, 1, 10),
                          CASE kind WHEN 'live_check_in' THEN 1 ELSE 0 END
             FROM coaching_events
             WHERE coachee_id IS NOT NULL AND occurred_at >= ?1
               AND kind IN ('async_feedback', 'portfolio_review', 'live_check_in')",
    )?;
    let rows = statement.query_map([since], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (person, day, live) = row?;
        let Ok(day) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") else {
            continue;
        };
        let dates = by.entry(person).or_default();
        if live == 1 {
            dates.live_dates.push(day);
        } else {
            dates.async_dates.push(day);
        }
    }
    Ok(by)
}

/// Each person's last live check-in ever, for the flag's message.
pub fn last_live(conn: &Connection, person_id: &str) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT max(substr(occurred_at, 1, 10)) FROM coaching_events
         WHERE coachee_id = ?1 AND kind = 'live_check_in'",
        [person_id],
        |r| r.get(0),
    )?)
}
