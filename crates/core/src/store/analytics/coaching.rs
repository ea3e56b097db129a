//! Coaching as the rollups keep it: per pilot, week and coaching manager; per coachee; per
//! playbook task.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;

/// One manager's coaching in one week (weeks start on Monday).
#[derive(Debug, Clone, PartialEq)]
pub struct ManagerWeek {
    pub manager_id: String,
    pub week: NaiveDate,
    pub events: u32,
    pub minutes: u32,
    /// Distinct people this manager coached that week.
    pub coachees: u32,
}

pub const PILOT_WEEKS_SQL: &str = "SELECT manager_id, week, events, minutes, coachees
     FROM coaching_rollup WHERE pilot_id = ?1 AND week BETWEEN ?2 AND ?3";

/// The coaching logged against a pilot, per manager and week, for weeks starting between
/// two days inclusive.
pub fn pilot_weeks(
    conn: &Connection,
    pilot_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ManagerWeek>> {
    manager_weeks(conn, PILOT_WEEKS_SQL, rusqlite::params![pilot_id, from, to])
}

pub const ALL_WEEKS_SQL: &str = "SELECT manager_id, week, sum(events), sum(minutes), sum(coachees)
     FROM coaching_rollup WHERE week BETWEEN ?1 AND ?2 GROUP BY manager_id, week";

/// All coaching, in or out of any pilot, per manager and week: a manager's whole load.
pub fn all_weeks(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<ManagerWeek>> {
    manager_weeks(conn, ALL_WEEKS_SQL, rusqlite::params![from, to])
}

fn manager_weeks(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<ManagerWeek>> {
    let mut statement = conn.prepare_cached(sql)?;
    let rows = statement.query_map(params, |row| {
        Ok(ManagerWeek {
            manager_id: row.get(0)?,
            week: row.get(1)?,
            events: row.get(2)?,
            minutes: row.get(3)?,
            coachees: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Coachees' time on a pilot per role, for the coachees' share of the fully loaded cost.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleMinutes {
    pub role: String,
    pub people: u32,
    pub events: u32,
    pub minutes: u64,
}

pub const COACHEE_ROLES_SQL: &str =
    "SELECT ifnull(p.role, ''), count(*), sum(c.events), sum(c.minutes)
     FROM coachee_rollup c LEFT JOIN people p ON p.id = c.coachee_id
     WHERE c.pilot_id = ?1 GROUP BY ifnull(p.role, '') ORDER BY 1";

pub fn coachee_roles(conn: &Connection, pilot_id: i64) -> Result<Vec<RoleMinutes>> {
    let mut statement = conn.prepare_cached(COACHEE_ROLES_SQL)?;
    let rows = statement.query_map([pilot_id], |row| {
        Ok(RoleMinutes {
            role: row.get(0)?,
            people: row.get(1)?,
            events: row.get(2)?,
            minutes: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Coaching on each playbook task of a pilot (task 0: moments tied to no task).
#[derive(Debug, Clone, PartialEq)]
pub struct TaskCount {
    pub task_id: i64,
    pub events: u32,
    pub minutes: u64,
}

pub const TASKS_SQL: &str =
    "SELECT task_id, events, minutes FROM task_rollup WHERE pilot_id = ?1 ORDER BY task_id";

pub fn tasks(conn: &Connection, pilot_id: i64) -> Result<Vec<TaskCount>> {
    let mut statement = conn.prepare_cached(TASKS_SQL)?;
    let rows = statement.query_map([pilot_id], |row| {
        Ok(TaskCount {
            task_id: row.get(0)?,
            events: row.get(1)?,
            minutes: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub const MANAGER_ROLES_SQL: &str = "SELECT id, role FROM people WHERE id IN
     (SELECT DISTINCT manager_id FROM coaching_rollup WHERE pilot_id = ?1)";

/// The roles of the people who coached on a pilot, for their hourly cost.
pub fn manager_roles(
    conn: &Connection,
    pilot_id: i64,
) -> Result<std::collections::HashMap<String, String>> {
    let mut statement = conn.prepare_cached(MANAGER_ROLES_SQL)?;
    let rows = statement.query_map([pilot_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
