//! The columns of each export and the rows that fill them. Header names are ones the
//! imports recognise, so an exported file imports back as it was.

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
