//! Imports: reading CSV, workbook and xAPI files, matching their columns, and validating
//! every row against the workspace before anything is written.
//!
//! - `source`: the file as rows of text with exact lines (CSV quirks, workbook cells).
//! - `mapping`: which column holds which field.
//! - `values`: dates, times, durations and numbers as spreadsheets write them.
//! - `people`, `events`, `observations`, `module_progress`, `xapi`: validation of each kind,
//!   reporting every problem with its file, line and column.
//!
//! Writing is the workflows' job (`workflows::imports`): all or nothing, in one transaction.

pub mod case;
pub mod events;
pub mod json_position;
pub mod mapping;
pub mod module_progress;
pub mod observations;
pub mod people;
pub mod problems;
pub mod source;
pub mod values;
pub mod work_sample;
pub mod xapi;

use mapping::Mapping;
use problems::{Place, Problems};
use source::{Record, Table};

/// One row seen through the mapping: a field's text and where it sits in the file.
pub(crate) struct Row<'a> {
    pub table: &'a Table,
    pub mapping: &'a Mapping,
    pub record: &'a Record,
}

impl<'a> Row<'a> {
    /// The trimmed text of a field; empty when the field has no column or the cell is empty.
    pub fn text(&self, key: &str) -> &'a str {
        self.mapping
            .column(key)
            .map_or("", |column| self.record.cell(column))
    }

    pub fn has_column(&self, key: &str) -> bool {
        self.mapping.column(key).is_some()
    }

    pub fn place(&self, key: &str) -> Place {
        Place {
            line: self.record.line,
            column: self.mapping.column(key).map(|c| self.table.column(c)),
        }
    }

    pub fn line(&self) -> u32 {
        self.record.line
    }

    /// Records a problem at a field's cell, naming the column as the file names it.
    pub fn problem(&self, problems: &mut Problems, key: &str, message: impl Into<String>) {
        let header = self
            .mapping
            .column(key)
            .and_then(|c| self.table.headers.get(c))
            .map(String::as_str);
        problems.add(self.place(key), header, message);
    }
}
