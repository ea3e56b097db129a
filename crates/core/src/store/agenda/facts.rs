//! What the agenda generator reads about a coaching pair: their recent moments, the
//! feedback they were given, the pilot and the KPI their task moves.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::model::agenda::facts::{KpiFacts, MomentFact};
use crate::model::EventKind;

/// The pilots whose pilot arm holds this manager's team, most recently started first.
pub fn pilots_of_manager(conn: &Connection, manager_id: &str) -> Result<Vec<i64>> {
    let mut statement = conn.prepare(
        "SELECT c.pilot_id FROM pilot_cohort c JOIN pilots p ON p.id = c.pilot_id
         WHERE c.manager_id = ?1 AND c.arm = 'pilot'
         ORDER BY p.start_date DESC, p.id DESC",
    )?;
    let rows = statement.query_map([manager_id], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The coachee's latest coaching moments, newest first.
pub fn recent_moments(conn: &Connection, coachee_id: &str, limit: u32) -> Result<Vec<MomentFact>> {
    let mut statement = conn.prepare(
        "SELECT substr(e.occurred_at, 1, 10), e.kind, e.minutes, t.behaviour, e.notes
         FROM coaching_events e LEFT JOIN playbook_tasks t ON t.id = e.task_id
         WHERE e.coachee_id = ?1
         ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?2",
    )?;
    let rows = statement.query_map(params![coachee_id, limit], |row| {
        let day: String = row.get(0)?;
        let kind: String = row.get(1)?;
        Ok((day, kind, row.get(2)?, row.get(3)?, row.get(4)?))
    })?;
    let mut moments = Vec::new();
    for row in rows {
        let (day, kind, minutes, task, notes): (String, String, u32, Option<String>, String) = row?;
        let Ok(on) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") else {
            continue;
        };
        moments.push(MomentFact {
            on,
            kind: EventKind::parse(&kind)
                .map(|k| k.label().to_string())
                .unwrap_or(kind),
            minutes,
            task,
            notes,
        });
    }
    Ok(moments)
}

/// When each playbook task was last coached with this person: the task due is the one
/// coached longest ago.
pub fn last_coached(conn: &Connection, coachee_id: &str) -> Result<HashMap<i64, String>> {
    let mut statement = conn.prepare(
        "SELECT task_id, max(occurred_at) FROM coaching_events
         WHERE coachee_id = ?1 AND task_id IS NOT NULL GROUP BY task_id",
    )?;
    let rows = statement.query_map([coachee_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn kpi(conn: &Connection, kpi_id: i64) -> Result<Option<KpiFacts>> {
    Ok(conn
        .query_row(
            "SELECT name, unit, direction FROM pilot_kpis WHERE id = ?1",
            [kpi_id],
            |row| {
                let direction: String = row.get(2)?;
                Ok(KpiFacts {
                    name: row.get(0)?,
                    unit: row.get(1)?,
                    lower_is_better: direction == "lower",
                })
            },
        )
        .optional()?)
}

/// Every person's id, name and email: what must never leave the app.
pub fn identities(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut statement = conn.prepare("SELECT id, name, email FROM people ORDER BY id")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
