//! The dashboard's breakdown by team as CSV: the table too long to print in a pack, written
//! beside it. Only the rows the dashboard shows: the privacy floor has been applied already.

use std::path::Path;

use super::csv::CsvSink;
use super::{finish, partial_path, Cell, Sink};
use crate::error::Result;
use crate::model::{Arm, Dashboard};

pub fn write_teams_csv(dashboard: &Dashboard, path: &Path) -> Result<u64> {
    let units = &dashboard.units;
    let mut headers: Vec<String> = ["team", "group", "people", "coachingHours", "moments"]
        .into_iter()
        .map(String::from)
        .collect();
    headers.extend(units.kpis.iter().map(|k| format!("change: {k}")));
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let partial = partial_path(path)?;
    let written = (|| {
        let mut sink = CsvSink::create(&partial, &headers)?;
        for row in &units.rows {
            let mut cells = vec![
                Cell::text(&row.label),
                Cell::text(match row.arm {
                    Arm::Pilot => "pilot",
                    Arm::Comparison => "comparison",
                }),
                Cell::Int(i64::from(row.people)),
                Cell::Number((row.coaching_hours * 100.0).round() / 100.0),
                Cell::Int(i64::from(row.events)),
            ];
            cells.extend(row.changes.iter().map(|c| {
                c.map_or(Cell::Empty, |c| {
                    Cell::Number((c * 10_000.0).round() / 10_000.0)
                })
            }));
            sink.row(&cells)?;
        }
        sink.finish()
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(error);
    }
    finish(&partial, path)?;
    Ok(units.rows.len() as u64)
}
