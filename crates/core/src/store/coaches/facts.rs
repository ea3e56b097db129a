//! What the coaching events say about coaches: the hours each logged as the coach (the
//! events' manager), recent load, and the sessions of each coaching pair.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::metrics::coaches::cadence::Session;
use crate::model::PersonChoice;
use crate::store::events::parse_time;

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Hours each person logged as the coach from `from` through `to`.
pub fn hours_by_coach(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<String, f64>> {
    let end = to.succ_opt().unwrap_or(to);
    let mut statement = conn.prepare(
        "SELECT manager_id, sum(minutes) FROM coaching_events
         WHERE occurred_at >= ?1 AND occurred_at < ?2 GROUP BY manager_id",
    )?;
    let rows = statement.query_map(params![day_text(from), day_text(end)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, minutes) = row?;
        out.insert(id, minutes as f64 / 60.0);
    }
    Ok(out)
}

/// Hours one person logged as the coach from `from` through `to`.
pub fn hours_of(conn: &Connection, coach_id: &str, from: NaiveDate, to: NaiveDate) -> Result<f64> {
    let end = to.succ_opt().unwrap_or(to);
    let minutes: i64 = conn.query_row(
        "SELECT coalesce(sum(minutes), 0) FROM coaching_events
         WHERE manager_id = ?1 AND occurred_at >= ?2 AND occurred_at < ?3",
        params![coach_id, day_text(from), day_text(end)],
        |r| r.get(0),
    )?;
    Ok(minutes as f64 / 60.0)
}

/// The people a coach has coached, most recent first.
pub fn coachees_of(conn: &Connection, coach_id: &str) -> Result<Vec<PersonChoice>> {
    let mut statement = conn.prepare(
        "SELECT p.id, p.name, p.team, p.role FROM coaching_events e JOIN people p ON p.id = e.coachee_id
         WHERE e.manager_id = ?1 GROUP BY p.id ORDER BY max(e.occurred_at) DESC, p.name",
    )?;
    let rows = statement.query_map([coach_id], |r| {
        Ok(PersonChoice {
            id: r.get(0)?,
            name: r.get(1)?,
            team: r.get(2)?,
            role: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The kinds of event that are a meeting; feedback left in writing and portfolio reviews
/// keep no time in anyone's calendar.
pub const MEETING_KINDS: &str = "('micro_coaching', 'ai_agenda', 'live_check_in')";

/// One coaching pair's meetings.
#[derive(Debug, Clone, PartialEq)]
pub struct PairSessions {
    pub coach_id: String,
    pub coach_name: String,
    pub coachee_id: String,
    pub coachee_name: String,
    /// Oldest first.
    pub sessions: Vec<Session>,
}

/// Every pair's meetings from `from` through `to`, one pilot's when given, by coach and
/// coachee name.
pub fn pair_sessions(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    pilot_id: Option<i64>,
) -> Result<Vec<PairSessions>> {
    let end = to.succ_opt().unwrap_or(to);
    let mut statement = conn.prepare(&format!(
        "SELECT e.manager_id, m.name, e.coachee_id, c.name, e.occurred_at, e.minutes
         FROM coaching_events e JOIN people m ON m.id = e.manager_id
         JOIN people c ON c.id = e.coachee_id
         WHERE e.occurred_at >= ?1 AND e.occurred_at < ?2 AND e.kind IN {MEETING_KINDS}
           AND (?3 IS NULL OR e.pilot_id = ?3)
         ORDER BY m.name, e.manager_id, c.name, e.coachee_id, e.occurred_at"
    ))?;
    let mut rows = statement.query(params![day_text(from), day_text(end), pilot_id])?;
    let mut pairs: Vec<PairSessions> = Vec::new();
    while let Some(r) = rows.next()? {
        let coach_id: String = r.get(0)?;
        let coachee_id: String = r.get(2)?;
        let session = Session {
            at: parse_time(&r.get::<_, String>(4)?)?,
            minutes: r.get(5)?,
        };
        match pairs.last_mut() {
            Some(pair) if pair.coach_id == coach_id && pair.coachee_id == coachee_id => {
                pair.sessions.push(session)
            }
            _ => pairs.push(PairSessions {
                coach_id,
                coach_name: r.get(1)?,
                coachee_id,
                coachee_name: r.get(3)?,
                sessions: vec![session],
            }),
        }
    }
    Ok(pairs)
}
