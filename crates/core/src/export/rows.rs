//! The columns of each export and the rows that fill them. Header names are ones the
//! imports recognise, so an exported file imports back as it was.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Cell, Sink};
use crate::error::Result;
use crate::store::events::{self, Filter};
use crate::store::{observations, people};

pub const PEOPLE_HEADERS: &[&str] = &[
    "Employee ID",
    "Name",
    "Email",
    "Team",
    "Role",
    "Manager ID",
    "Hire date",
    "Leaving date",
];
pub const PEOPLE_WIDTHS: &[f64] = &[12.0, 26.0, 34.0, 20.0, 28.0, 12.0, 12.0, 12.0];

pub const EVENT_HEADERS: &[&str] = &[
    "Event ID",
    "Manager ID",
    "Manager name",
    "Coachee ID",
    "Coachee name",
    "Date",
    "Time",
    "Minutes",
    "Type",
    "Pilot ID",
    "Pilot name",
    "Task ID",
    "Task name",
    "Notes",
    "Source",
];
pub const EVENT_WIDTHS: &[f64] = &[
    38.0, 12.0, 24.0, 12.0, 24.0, 12.0, 8.0, 9.0, 20.0, 9.0, 30.0, 9.0, 40.0, 40.0, 10.0,
];

pub const OBSERVATION_HEADERS: &[&str] = &[
    "Pilot ID",
    "Pilot name",
    "KPI ID",
    "KPI name",
    "Employee ID",
    "Person name",
    "Team",
    "Date",
    "Value",
];
pub const OBSERVATION_WIDTHS: &[f64] = &[9.0, 30.0, 8.0, 34.0, 12.0, 24.0, 20.0, 12.0, 10.0];

/// The module progress import reads "Employee ID", "Module ID", "Progress", "Completed on",
/// "Passed" and "Score"; the rest is there for people to read.
pub const MODULE_PROGRESS_HEADERS: &[&str] = &[
    "Employee ID",
    "Person name",
    "Team",
    "Module ID",
    "Module",
    "Assigned on",
    "Due on",
    "Progress",
    "Completed on",
    "Passed",
    "Score",
    "Source",
];
pub const MODULE_PROGRESS_WIDTHS: &[f64] = &[
    12.0, 24.0, 20.0, 10.0, 34.0, 12.0, 12.0, 9.0, 12.0, 8.0, 8.0, 8.0,
];

pub fn people(conn: &Connection, sink: &mut impl Sink) -> Result<u64> {
    let mut count = 0;
    for person in people::list(conn)? {
        sink.row(&[
            Cell::text(person.id),
            Cell::text(person.name),
            Cell::text(person.email),
            Cell::text(person.team),
            Cell::text(person.role),
            Cell::optional(person.manager_id),
            person.hire_date.map_or(Cell::Empty, Cell::Date),
            person.leaving_date.map_or(Cell::Empty, Cell::Date),
        ])?;
        count += 1;
    }
    Ok(count)
}

pub fn events(conn: &Connection, filter: &Filter, sink: &mut impl Sink) -> Result<u64> {
    let mut count = 0;
    events::each(conn, filter, |event| {
        sink.row(&[
            Cell::text(event.uid.as_str()),
            Cell::text(event.manager_id.as_str()),
            Cell::text(event.manager_name.as_str()),
            Cell::optional(event.coachee_id.as_deref()),
            Cell::optional(event.coachee_name.as_deref()),
            Cell::Date(event.occurred_at.date()),
            Cell::Time(event.occurred_at.time()),
            Cell::Int(i64::from(event.minutes)),
            Cell::text(event.kind.label()),
            event.pilot_id.map_or(Cell::Empty, Cell::Int),
            Cell::optional(event.pilot_name.as_deref()),
            event.task_id.map_or(Cell::Empty, Cell::Int),
            Cell::optional(event.task.as_deref()),
            Cell::text(event.notes.as_str()),
            Cell::text(event.source.label()),
        ])?;
        count += 1;
        Ok(())
    })?;
    Ok(count)
}

pub fn observations(conn: &Connection, sink: &mut impl Sink) -> Result<u64> {
    let mut count = 0;
    observations::each(conn, |observation, kpi, pilot, pilot_id| {
        sink.row(&[
            Cell::Int(pilot_id),
            Cell::text(pilot),
            Cell::Int(observation.kpi_id),
            Cell::text(kpi),
            Cell::optional(observation.person_id.as_deref()),
            Cell::optional(observation.person_name.as_deref()),
            Cell::optional(observation.team.as_deref()),
            Cell::Date(observation.observed_on),
            Cell::Number(observation.value),
        ])?;
        count += 1;
        Ok(())
    })?;
    Ok(count)
}

/// Every assignment with its progress, by person and module.
pub fn module_progress(conn: &Connection, sink: &mut impl Sink) -> Result<u64> {
    let mut count = 0;
    let mut statement = conn.prepare(
        "SELECT a.person_id, p.name, p.team, a.module_id, m.title, a.assigned_on, a.due_on,
                a.progress, a.completed_on, a.passed, a.score, a.source
         FROM module_assignments a JOIN skill_modules m ON m.id = a.module_id
         JOIN people p ON p.id = a.person_id
         ORDER BY p.name, a.person_id, m.title",
    )?;
    let mut rows = statement.query([])?;
    while let Some(r) = rows.next()? {
        let date = |i: usize| -> rusqlite::Result<Cell> {
            Ok(r.get::<_, Option<NaiveDate>>(i)?
                .map_or(Cell::Empty, Cell::Date))
        };
        sink.row(&[
            Cell::text(r.get::<_, String>(0)?),
            Cell::text(r.get::<_, String>(1)?),
            Cell::text(r.get::<_, String>(2)?),
            Cell::Int(r.get(3)?),
            Cell::text(r.get::<_, String>(4)?),
            date(5)?,
            date(6)?,
            Cell::Int(r.get(7)?),
            date(8)?,
            match r.get::<_, Option<bool>>(9)? {
                Some(true) => Cell::text("yes"),
                Some(false) => Cell::text("no"),
                None => Cell::Empty,
            },
            r.get::<_, Option<f64>>(10)?
                .map_or(Cell::Empty, Cell::Number),
            Cell::text(r.get::<_, String>(11)?),
        ])?;
        count += 1;
    }
    Ok(count)
}
