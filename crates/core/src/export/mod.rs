//! Exports: people, coaching events, KPI observations and module progress as CSV or XLSX,
//! and events as xAPI statements. Columns are named as the imports read them, so an export
//! imports back unchanged. A file is written beside its target and moved into place when complete, so
//! a failed export never leaves half a file.

pub mod case;
pub mod cohort;
pub mod csv;
pub mod dashboard;
pub mod destination;
pub mod ics;
pub mod portfolio_xapi;
pub mod rows;
pub mod xapi;
pub mod xlsx;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};

use crate::error::{Error, Result};

/// One cell of an exported row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Number(f64),
    Date(NaiveDate),
    Time(NaiveTime),
    Empty,
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    pub fn optional(value: Option<impl Into<String>>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Text(v.into()))
    }

    /// The cell as CSV text: ISO dates, times without seconds when they are zero.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Number(n) => crate::import::source::number_text(*n),
            Cell::Date(date) => date.format("%Y-%m-%d").to_string(),
            Cell::Time(time) => time_text(*time),
            Cell::Empty => String::new(),
        }
    }
}

pub fn time_text(time: NaiveTime) -> String {
    use chrono::Timelike;
    if time.second() == 0 {
        time.format("%H:%M").to_string()
    } else {
        time.format("%H:%M:%S").to_string()
    }
}

/// Where rows go: a CSV writer or a worksheet.
pub trait Sink {
    fn row(&mut self, cells: &[Cell]) -> Result<()>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    pub fn of(path: &Path) -> Result<FileFormat> {
        match path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .as_deref()
        {
            Some("csv") => Ok(FileFormat::Csv),
            Some("xlsx") => Ok(FileFormat::Xlsx),
            _ => Err(Error::invalid_field(
                "out",
                format!(
                    "{} needs a .csv or .xlsx name, so the format is clear",
                    path.display()
                ),
            )),
        }
    }
}

/// A new temporary file beside `path` for an export to be written into, refused when
/// `path` is the workspace itself (see `destination`).
pub fn partial_path(path: &Path) -> Result<PathBuf> {
    let (partial, _) = destination::create_partial(path)?;
    Ok(partial)
}

/// Moves a finished export into place.
pub fn finish(partial: &Path, path: &Path) -> Result<()> {
    destination::finish(partial, path)
}
