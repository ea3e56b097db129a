//! Reading a CSV file or a workbook sheet into rows of text, each with the line it starts on.
//!
//! Real exports are untidy: a UTF-8 byte-order mark, ";" instead of "," (Excel in much of
//! Europe), quoted fields with line breaks inside, trailing blank lines or rows of bare
//! delimiters, and in workbooks dates as Excel serial numbers. All of that is read here, so
//! validation sees clean text and exact positions.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use sha2::{Digest, Sha256};

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
}

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

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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
                for record in rows.iter().filter(|r| r.line > self.header_line) {
                    self.check_width(record, problems);
                    visit(record, problems)?;
                }
                Ok(())
            }
            Body::Csv { start } => {
                let Format::Csv { delimiter, .. } = self.format else {
                    return Ok(());
                };
                let mut records = CsvRecords::open(&self.path, *start, delimiter)?;
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

/// A CSV record's start line and its fields' bytes.
type RawRecord<'r> = (u32, Vec<&'r [u8]>);

/// Records of a CSV file with the physical line each starts on. The csv crate skips blank
/// lines before a record and counts a CRLF's line feed with the next record, so the start
/// line is found from the record's byte offset, by a second reader that follows the first
/// through the file counting line feeds.
struct CsvRecords {
    reader: csv::Reader<BufReader<File>>,
    record: csv::ByteRecord,
    lines: LineCounter,
}

struct LineCounter {
    input: BufReader<File>,
    /// Bytes from the start of the CSV text (after a BOM).
    at: u64,
    line: u32,
}

impl LineCounter {
    /// The line of the first byte at or after `offset` that is not a line break.
    fn line_from(&mut self, offset: u64) -> std::io::Result<u32> {
        while self.at < offset {
            let buffer = self.input.fill_buf()?;
            if buffer.is_empty() {
                break;
            }
            let take = buffer.len().min((offset - self.at) as usize);
            self.line += buffer[..take].iter().filter(|b| **b == b'\n').count() as u32;
            self.input.consume(take);
            self.at += take as u64;
        }
        loop {
            let buffer = self.input.fill_buf()?;
            let breaks = buffer
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            self.line += buffer[..breaks].iter().filter(|b| **b == b'\n').count() as u32;
            let rest = buffer.len();
            self.input.consume(breaks);
            self.at += breaks as u64;
            if breaks < rest || rest == 0 {
                return Ok(self.line);
            }
        }
    }
}

fn open_from(path: &Path, start: u64) -> Result<BufReader<File>> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    file.seek(SeekFrom::Start(start))
        .map_err(|e| Error::io(path, e))?;
    Ok(BufReader::with_capacity(1 << 16, file))
}

impl CsvRecords {
    fn open(path: &Path, start: u64, delimiter: u8) -> Result<CsvRecords> {
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(1 << 16)
            .from_reader(open_from(path, start)?);
        Ok(CsvRecords {
            reader,
            record: csv::ByteRecord::new(),
            lines: LineCounter {
                input: open_from(path, start)?,
                at: 0,
                line: 1,
            },
        })
    }

    fn next_record(&mut self) -> Result<Option<RawRecord<'_>>> {
        let more = self
            .reader
            .read_byte_record(&mut self.record)
            .map_err(|e| Error::Invalid {
                summary: format!("the file could not be read as CSV: {e}"),
                details: Vec::new(),
            })?;
        if !more {
            return Ok(None);
        }
        let offset = self.record.position().map_or(0, |p| p.byte());
        let line = self.lines.line_from(offset).map_err(|e| Error::Io {
            path: "the CSV file".into(),
            source: e,
        })?;
        Ok(Some((line, self.record.iter().collect())))
    }
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
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

fn open_csv(path: &Path, name: String, head: &[u8]) -> Result<Table> {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(refuse(
            &name,
            1,
            "the file is saved as UTF-16; save it as \"CSV UTF-8\" and import that",
        ));
    }
    let bom = head.starts_with(&[0xEF, 0xBB, 0xBF]);
    let start = if bom { 3 } else { 0 };
    let delimiter = sniff_delimiter(&head[start..]);
    let mut records = CsvRecords::open(path, start as u64, delimiter)?;
    let mut header = None;
    while let Some((line, fields)) = records.next_record()? {
        let cells: Vec<String> = fields
            .iter()
            .map(|f| String::from_utf8_lossy(f).trim().to_string())
            .collect();
        if !is_blank(&cells) {
            header = Some((line, cells));
            break;
        }
    }
    let Some((header_line, headers)) = header else {
        return Err(refuse(
            &name,
            1,
            "the file is empty; its first row should name the columns",
        ));
    };
    Ok(Table {
        file_name: name,
        path: path.to_path_buf(),
        format: Format::Csv { delimiter, bom },
        headers,
        header_line,
        content_hash: file_hash(path)?,
        column_offset: 0,
        body: Body::Csv {
            start: start as u64,
        },
    })
}

/// The delimiter of the header line: the most frequent of , ; tab and | outside quotes.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0), (b'|', 0)];
    let mut quoted = false;
    let mut seen_text = false;
    for &byte in bytes.iter().take(64 * 1024) {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted && seen_text => break,
            b'\n' | b'\r' => {}
            _ if quoted => {}
            _ => {
                seen_text = true;
                if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == byte) {
                    entry.1 += 1;
                }
            }
        }
    }
    // Ties go to the comma, the standard.
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

fn open_workbook(path: &Path, name: String, bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    let cursor = std::io::Cursor::new(bytes.to_vec());
    let mut workbook = calamine::open_workbook_auto_from_rs(cursor).map_err(|e| {
        refuse(
            &name,
            1,
            format!("the workbook could not be read ({e}); save it again as .xlsx"),
        )
    })?;
    let sheets = workbook.sheet_names();
    let chosen = match sheet.map(str::trim).filter(|s| !s.is_empty()) {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.as_str() == wanted)
            .or_else(|| sheets.iter().find(|s| s.eq_ignore_ascii_case(wanted)))
            .cloned()
            .ok_or_else(|| {
                Error::invalid(vec![ErrorDetail {
                    field: Some("sheet".into()),
                    file: Some(name.clone()),
                    line: None,
                    column: None,
                    message: format!(
                        "the workbook has no sheet \"{wanted}\"; its sheets are {}",
                        sheets.join(", ")
                    ),
                }])
            })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| refuse(&name, 1, "the workbook has no sheets"))?,
    };
    let range = workbook.worksheet_range(&chosen).map_err(|e| {
        refuse(
            &name,
            1,
            format!("sheet \"{chosen}\" could not be read ({e})"),
        )
    })?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    let mut cell_problems = Vec::new();
    for (index, row) in range.rows().enumerate() {
        let line = first_row + index as u32 + 1;
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(column, cell)| {
                cell_text(cell).unwrap_or_else(|message| {
                    cell_problems.push((line, first_column + column as u32 + 1, message));
                    String::new()
                })
            })
            .collect();
        if !is_blank(&cells) || cell_problems.last().is_some_and(|p| p.0 == line) {
            rows.push(Record { line, cells });
        }
    }
    let Some(header) = rows.first().cloned() else {
        return Err(refuse(
            &name,
            1,
            format!("sheet \"{chosen}\" is empty; its first row should name the columns"),
        ));
    };
    let mut table = Table {
        file_name: name,
        path: path.to_path_buf(),
        format: Format::Workbook {
            sheet: chosen,
            sheets,
        },
        headers: header.cells.iter().map(|h| h.trim().to_string()).collect(),
        header_line: header.line,
        content_hash: sha256_hex(bytes),
        column_offset: first_column,
        body: Body::Sheet { rows },
    };
    if !cell_problems.is_empty() {
        let mut problems = table.problems();
        for (line, column, message) in cell_problems {
            problems.add(
                Place {
                    line,
                    column: Some(column),
                },
                None,
                message,
            );
        }
        return Err(problems.into_error());
    }
    // Trailing empty header cells are not columns.
    while table.headers.last().is_some_and(|h| h.is_empty()) {
        table.headers.pop();
    }
    Ok(table)
}

/// A cell as the text a CSV export of it would hold. Dates become ISO dates (with the time
/// when there is one); whole numbers lose their ".0", so an employee id typed as a number
/// reads as "1042".
fn cell_text(cell: &Data) -> std::result::Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(value) if value.is_duration() => {
            let minutes = (value.as_f64() * 24.0 * 60.0).round() as i64;
            format!("{}:{:02}", minutes / 60, minutes % 60)
        }
        Data::DateTime(value) => {
            if value.as_f64() < 1.0 && value.as_f64() >= 0.0 {
                // A time of day on its own.
                let seconds = (value.as_f64() * 86_400.0).round() as i64;
                format!(
                    "{:02}:{:02}:{:02}",
                    seconds / 3600,
                    (seconds / 60) % 60,
                    seconds % 60
                )
            } else {
                match value.as_datetime() {
                    Some(datetime) if datetime.time() == chrono::NaiveTime::MIN => {
                        datetime.date().format("%Y-%m-%d").to_string()
                    }
                    Some(datetime) => datetime.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    None => return Err("this date is outside the range Excel can hold".into()),
                }
            }
        }
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(error) => {
            return Err(format!(
                "the cell holds the Excel error {error}; fix the formula or type the value"
            ))
        }
    })
}

pub fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_commonest_outside_quotes() {
        assert_eq!(sniff_delimiter(b"id;name;team\n1;2;3"), b';');
        assert_eq!(sniff_delimiter(b"id,name,team\n"), b',');
        assert_eq!(sniff_delimiter(b"\"a;b;c\",d,e\n"), b',');
        assert_eq!(sniff_delimiter(b"id\tname\n"), b'\t');
        assert_eq!(
            sniff_delimiter(b"\n\nid;name\n"),
            b';',
            "leading blank lines"
        );
        assert_eq!(sniff_delimiter(b"single\n"), b',');
    }

    #[test]
    fn numbers_read_like_their_csv_export() {
        assert_eq!(number_text(1042.0), "1042");
        assert_eq!(number_text(74.5), "74.5");
        assert_eq!(number_text(-3.0), "-3");
    }
}
