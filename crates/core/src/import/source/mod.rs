//! Reading a CSV file or a workbook sheet into rows of text, each with the line it starts on.
//!
//! Real exports are untidy: a UTF-8 byte-order mark, ";" instead of "," (Excel in much of
//! Europe), quoted fields with line breaks inside, trailing blank lines or rows of bare
//! delimiters, and in workbooks dates as Excel serial numbers. All of that is read here, so
//! validation sees clean text and exact positions.

use std::fs::File;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

mod csv_file;
mod workbook;

use csv_file::{open_csv, open_from, CsvRecords};
pub use workbook::number_text;
use workbook::open_workbook;

use super::problems::{Place, Problems};
use crate::error::{Error, ErrorDetail, Result};

/// One row of the file after the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The physical line the record starts on (a quoted value may span lines), or the row
    /// number in a sheet.
    pub line: u32,
    pub cells: Vec<String>,
}

impl Record {
    /// The trimmed text of a cell; empty when the row is short.
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |c| c.trim())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    Csv { delimiter: u8, bom: bool },
    Workbook { sheet: String, sheets: Vec<String> },
}

enum Body {
    /// Read from the file each time it is gone through, from `start` (after a BOM), so a
    /// large file is never held in memory.
    Csv {
        start: u64,
    },
    Sheet {
        rows: Vec<Record>,
    },
}

/// A file opened for import: its header and a way to go through its rows, as often as
/// needed (validation first, then writing).
pub struct Table {
    pub file_name: String,
    pub path: PathBuf,
    pub format: Format,
    pub headers: Vec<String>,
    pub header_line: u32,
    /// SHA-256 of the file, for the import record.
    pub content_hash: String,
    /// Sheet columns left of the first used one; 0 for CSV.
    column_offset: u32,
    body: Body,
    /// Told how many rows `for_each` has read, every `PROGRESS_EVERY` rows.
    progress: Option<Box<dyn Fn(u32)>>,
    /// Set from another thread to stop reading; the import's transaction then rolls back.
    cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

/// How often, in rows, an import reports how far it has come.
pub const PROGRESS_EVERY: u32 = 20_000;

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn refuse(file: &str, line: u32, message: impl Into<String>) -> Error {
    let detail = ErrorDetail {
        field: None,
        file: Some(file.to_string()),
        line: Some(line),
        column: None,
        message: message.into(),
    };
    Error::Invalid {
        summary: format!("{file}: {}; nothing was imported", detail.message),
        details: vec![detail],
    }
}

fn is_workbook(path: &Path, bytes: &[u8]) -> bool {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(extension.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods")
        || bytes.starts_with(b"PK\x03\x04")
}

impl Table {
    /// Opens a CSV file or a workbook (the named sheet, or the first).
    pub fn open(path: &Path, sheet: Option<&str>) -> Result<Table> {
        let name = file_name(path);
        let head = read_head(path)?;
        if is_workbook(path, &head) {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            open_workbook(path, name, &bytes, sheet)
        } else {
            open_csv(path, name, &head)
        }
    }

    /// About how many rows the file holds, from the line length of its first 64 KiB rather
    /// than from reading it all. For choosing how to write, never for counting.
    pub fn rough_row_count(&self) -> u64 {
        match &self.body {
            Body::Sheet { rows } => rows.len() as u64,
            Body::Csv { start } => rough_line_count(&self.path, *start).unwrap_or(0),
        }
    }

    /// Has `for_each` call `progress` with the rows read so far as it goes.
    pub fn report_progress(&mut self, progress: impl Fn(u32) + 'static) {
        self.progress = Some(Box::new(progress));
    }

    pub fn cancel_when(&mut self, flag: std::sync::Arc<std::sync::atomic::AtomicBool>) {
        self.cancel = Some(flag);
    }

    /// Refuses to go on once the person cancelled.
    pub fn check_cancelled(&self) -> Result<()> {
        match &self.cancel {
            Some(flag) if flag.load(std::sync::atomic::Ordering::Relaxed) => {
                Err(Error::Cancelled(format!(
                    "the import of {} was cancelled; nothing was imported",
                    self.file_name
                )))
            }
            _ => Ok(()),
        }
    }

    fn record_read(&self, rows_read: u32) -> Result<()> {
        if let Some(progress) = &self.progress {
            if rows_read.is_multiple_of(PROGRESS_EVERY) {
                progress(rows_read);
            }
        }
        self.check_cancelled()
    }

    /// How the file was read, in words.
    pub fn describe_format(&self) -> String {
        match &self.format {
            Format::Csv { delimiter, bom } => {
                let separated = match delimiter {
                    b';' => "semicolon-separated",
                    b'\t' => "tab-separated",
                    b'|' => "pipe-separated",
                    _ => "comma-separated",
                };
                let encoding = if *bom { "UTF-8 with BOM" } else { "UTF-8" };
                format!("CSV, {separated}, {encoding}")
            }
            Format::Workbook { sheet, .. } => format!("Workbook, sheet \"{sheet}\""),
        }
    }

    pub fn sheet(&self) -> Option<&str> {
        match &self.format {
            Format::Workbook { sheet, .. } => Some(sheet),
            Format::Csv { .. } => None,
        }
    }

    pub fn sheets(&self) -> Vec<String> {
        match &self.format {
            Format::Workbook { sheets, .. } => sheets.clone(),
            Format::Csv { .. } => Vec::new(),
        }
    }

    /// True for workbooks, where a bare number in a date column is an Excel serial date.
    pub fn numeric_dates(&self) -> bool {
        matches!(self.format, Format::Workbook { .. })
    }

    /// True when a comma in a number is the decimal mark (semicolon-separated files).
    pub fn decimal_comma(&self) -> bool {
        matches!(
            self.format,
            Format::Csv {
                delimiter: b';',
                ..
            }
        )
    }

    /// The file column (1-based) of a header index.
    pub fn column(&self, index: usize) -> u32 {
        index as u32 + 1 + self.column_offset
    }

    /// A fresh problem list for this file.
    pub fn problems(&self) -> Problems {
        Problems::new(&self.file_name, self.sheet().map(String::from))
    }

    /// Goes through every non-blank row after the header. Rows longer than the header,
    /// and text that is not UTF-8, are reported as problems; the row is still handed on
    /// so its other problems are found too.
    pub fn for_each(
        &self,
        problems: &mut Problems,
        mut visit: impl FnMut(&Record, &mut Problems) -> Result<()>,
    ) -> Result<()> {
        match &self.body {
            Body::Sheet { rows } => {
                for (read, record) in rows
                    .iter()
                    .filter(|r| r.line > self.header_line)
                    .enumerate()
                {
                    self.check_width(record, problems);
                    visit(record, problems)?;
                    self.record_read(read as u32 + 1)?;
                }
                Ok(())
            }
            Body::Csv { start } => {
                let Format::Csv { delimiter, .. } = self.format else {
                    return Ok(());
                };
                let mut records = CsvRecords::open(&self.path, *start, delimiter)?;
                let mut read = 0;
                while let Some((line, fields)) = records.next_record()? {
                    if line <= self.header_line {
                        continue;
                    }
                    let mut cells = Vec::with_capacity(fields.len());
                    for (index, field) in fields.iter().enumerate() {
                        match std::str::from_utf8(field) {
                            Ok(text) => cells.push(text.to_string()),
                            Err(_) => {
                                problems.add(
                                    Place {
                                        line,
                                        column: Some(self.column(index)),
                                    },
                                    self.headers.get(index).map(String::as_str),
                                    "this value is not UTF-8 text; save the file as \"CSV UTF-8\"",
                                );
                                cells.push(String::from_utf8_lossy(field).into_owned());
                            }
                        }
                    }
                    let record = Record { line, cells };
                    if is_blank(&record.cells) {
                        continue;
                    }
                    self.check_width(&record, problems);
                    visit(&record, problems)?;
                    read += 1;
                    self.record_read(read)?;
                }
                if records.content_hash() != self.content_hash {
                    return Err(Error::Conflict(format!(
                        "{} changed while it was being read (it no longer holds what it held \
                         when the import began); nothing was imported, import it again",
                        self.file_name
                    )));
                }
                Ok(())
            }
        }
    }

    fn check_width(&self, record: &Record, problems: &mut Problems) {
        let width = self.headers.len();
        if let Some(extra) = record
            .cells
            .iter()
            .enumerate()
            .skip(width)
            .find(|(_, c)| !c.trim().is_empty())
        {
            problems.add(
                Place {
                    line: record.line,
                    column: Some(self.column(extra.0)),
                },
                None,
                format!(
                    "this row has {} values but the header names {width} columns; a value \
                     that contains the delimiter needs quotes",
                    record.cells.len()
                ),
            );
        }
    }

    /// The first rows, for a preview.
    pub fn first_rows(&self, count: usize) -> Result<(Vec<Record>, u32)> {
        let mut rows = Vec::new();
        let mut total = 0u32;
        let mut ignored = self.problems();
        self.for_each(&mut ignored, |record, _| {
            total += 1;
            if rows.len() < count {
                rows.push(record.clone());
            }
            Ok(())
        })?;
        Ok((rows, total))
    }
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

/// The first 64 KiB: enough to tell a workbook from a CSV, find a BOM and the delimiter.
fn read_head(path: &Path) -> Result<Vec<u8>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut head = Vec::with_capacity(64 * 1024);
    file.take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(path, e))?;
    Ok(head)
}

/// SHA-256 of a file, read in chunks.
fn file_hash(path: &Path) -> Result<String> {
    let mut input = open_from(path, 0)?;
    let mut hasher = Sha256::new();
    loop {
        let buffer = input.fill_buf().map_err(|e| Error::io(path, e))?;
        if buffer.is_empty() {
            break;
        }
        hasher.update(buffer);
        let used = buffer.len();
        input.consume(used);
    }
    Ok(crate::hashing::hex(&hasher.finalize()))
}

fn rough_line_count(path: &Path, start: u64) -> std::io::Result<u64> {
    use std::io::{Seek, SeekFrom};
    const SAMPLE: u64 = 64 * 1024;
    let mut file = File::open(path)?;
    let body = file.metadata()?.len().saturating_sub(start);
    file.seek(SeekFrom::Start(start))?;
    let mut sample = Vec::with_capacity(SAMPLE.min(body) as usize);
    file.take(SAMPLE).read_to_end(&mut sample)?;
    let lines = sample.iter().filter(|&&b| b == b'\n').count() as u64;
    if sample.is_empty() || lines == 0 {
        return Ok(u64::from(!sample.is_empty()));
    }
    Ok(body * lines / sample.len() as u64)
}
