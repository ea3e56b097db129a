//! A pilot's cohort as CSV: the roster a proposal pack leaves out when it is long.

use std::path::Path;

use super::csv::CsvSink;
use super::{finish, partial_path, Cell, Sink};
use crate::error::Result;
use crate::model::{Arm, Cohort};

pub fn write_cohort_csv(cohort: &Cohort, path: &Path) -> Result<u64> {
    let partial = partial_path(path)?;
    let written = (|| {
        let mut sink = CsvSink::create(
            &partial,
            &[
                "group",
                "wave",
                "managerId",
                "manager",
                "team",
                "people",
                "matchedWith",
            ],
        )?;
        for member in &cohort.members {
            sink.row(&[
                Cell::text(match member.arm {
                    Arm::Pilot => "pilot",
                    Arm::Comparison => "comparison",
                }),
                member.wave.map_or(Cell::Empty, |w| Cell::Int(i64::from(w))),
                Cell::text(&member.manager_id),
                Cell::text(&member.manager_name),
                Cell::text(&member.team),
                Cell::Int(i64::from(member.team_size)),
                Cell::optional(member.matched_with.clone()),
            ])?;
        }
        sink.finish()
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(error);
    }
    finish(&partial, path)?;
    Ok(cohort.members.len() as u64)
}
