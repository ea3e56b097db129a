//! Workbook sheets (XLSX, XLS, ODS through calamine), with Excel dates and serials as text.

use std::path::Path;

use std::collections::BTreeMap;

use calamine::{Data, Reader, Sheets};

use super::super::problems::Place;
use super::{is_blank, refuse, Body, Format, Record, Table};
use crate::error::{Error, ErrorDetail, Result};
use crate::hashing::sha256_hex;

pub(super) fn open_workbook(
    path: &Path,
    name: String,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Table> {
    if let Err(why) = compound_file::check(bytes) {
        return Err(refuse(
            &name,
            1,
            format!("the workbook could not be read ({why}); save it again as .xlsx"),
        ));
    }
    let (sheets, chosen, cells) = guarded(&name, || read_cells(&name, bytes, sheet))?;
    let first_column = cells.iter().map(|c| c.1).min().unwrap_or(0);
    let width = cells
        .iter()
        .map(|c| c.1 + 1 - first_column)
        .max()
        .unwrap_or(0) as usize;
    let mut by_row: BTreeMap<u32, Vec<(u32, Data)>> = BTreeMap::new();
    for (row, column, value) in cells {
        by_row.entry(row).or_default().push((column, value));
    }
    let mut rows = Vec::new();
    let mut cell_problems = Vec::new();
    // Only rows that hold something are read, so a cell far down a sheet costs one row.
    for (row, row_cells) in by_row {
        let line = row + 1;
        let mut cells = vec![String::new(); width];
        let mut problem = false;
        for (column, value) in row_cells {
            cells[(column - first_column) as usize] = cell_text(&value).unwrap_or_else(|message| {
                problem = true;
                cell_problems.push((line, column + 1, message));
                String::new()
            });
        }
        if !is_blank(&cells) || problem {
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
        progress: None,
        cancel: None,
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

/// Everything calamine reads: the sheet names, the sheet chosen and its filled cells.
type SheetCells = (Vec<String>, String, Vec<(u32, u32, Data)>);

fn read_cells(name: &str, bytes: &[u8], sheet: Option<&str>) -> Result<SheetCells> {
    let cursor = std::io::Cursor::new(bytes.to_vec());
    let mut workbook = calamine::open_workbook_auto_from_rs(cursor).map_err(|e| {
        refuse(
            name,
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
                    file: Some(name.to_string()),
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
            .ok_or_else(|| refuse(name, 1, "the workbook has no sheets"))?,
    };
    let cells = sheet_cells(&mut workbook, &chosen).map_err(|why| refuse(name, 1, why))?;
    Ok((sheets, chosen, cells))
}

/// calamine indexes XLS records without bounds checks in more places than `compound_file`
/// checks ahead of it (the fuzzer found a shared-string table read past the end of its
/// record), and a panic there is a file Pilotdesk cannot read, not a reason to close the app.
/// The reader touches nothing but its own copy of the bytes, so nothing is left half-done.
fn guarded<T>(name: &str, read: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(refuse(
            name,
            1,
            "the workbook could not be read (a record in it is malformed); save it again as \
             .xlsx",
        ))
    })
}

/// The XLS container and records, checked before calamine reads them.
mod compound_file;

/// The most cells and columns a sheet may hold. Far beyond any people, events or
/// observations export, and small enough that reading one never exhausts memory.
pub const MAX_CELLS: usize = 20_000_000;
pub const MAX_COLUMNS: u32 = 1_000;

/// Excel's name of a column: 0 is A, 26 is AA.
fn column_name(mut column: u32) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The sheet's non-empty cells as (row, column, value), read one by one where the format
/// allows. A sheet's size is what its cells span, and calamine's ranges reserve memory for
/// all of it: one cell at the far corner of an XLSX asked for 549 GB. So the XLSX and XLSB
/// readers stream cells, and any cell beyond the column limit, or too many cells, refuse the
/// sheet with a clear message.
fn sheet_cells<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    sheet: &str,
) -> std::result::Result<Vec<(u32, u32, Data)>, String> {
    let unreadable =
        |e: &dyn std::fmt::Display| format!("sheet \"{sheet}\" could not be read ({e})");
    let mut cells = Vec::new();
    let mut keep = |row: u32, column: u32, value: Data| -> std::result::Result<(), String> {
        if matches!(value, Data::Empty) {
            return Ok(());
        }
        if column >= MAX_COLUMNS {
            return Err(format!(
                "sheet \"{sheet}\" has a value in cell {}{}, beyond column {} (Pilotdesk reads \
                 up to {MAX_COLUMNS} columns); delete what sits far to the right and save again",
                column_name(column),
                row + 1,
                column_name(MAX_COLUMNS - 1)
            ));
        }
        if cells.len() >= MAX_CELLS {
            return Err(format!(
                "sheet \"{sheet}\" holds more than {MAX_CELLS} filled cells; split the file or \
                 export it as CSV"
            ));
        }
        cells.push((row, column, value));
        Ok(())
    };
    match workbook {
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx
                .worksheet_cells_reader(sheet)
                .map_err(|e| unreadable(&e))?;
            while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
                let (row, column) = cell.get_position();
                keep(row, column, Data::from(cell.get_value().clone()))?;
            }
        }
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb
                .worksheet_cells_reader(sheet)
                .map_err(|e| unreadable(&e))?;
            while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
                let (row, column) = cell.get_position();
                keep(row, column, Data::from(cell.get_value().clone()))?;
            }
        }
        // XLS is bounded by its format (65,536 rows by 256 columns); ODS repeats are
        // expanded by calamine within its own limits.
        other => {
            let range = other.worksheet_range(sheet).map_err(|e| unreadable(&e))?;
            let (start_row, start_column) = range.start().unwrap_or((0, 0));
            for (row, column, value) in range.used_cells() {
                keep(
                    start_row + row as u32,
                    start_column + column as u32,
                    value.clone(),
                )?;
            }
        }
    }
    Ok(cells)
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

    fn open_xls(bytes: &[u8]) -> Result<Table> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("staff.xls");
        std::fs::write(&path, bytes).unwrap();
        Table::open(&path, None)
    }

    #[test]
    fn a_broken_xls_is_refused_before_calamine_loops_or_panics_on_it() {
        // Found by the workbook_reader fuzz target. The first names its directory through a
        // sector chain that points back at itself: calamine followed it until the process was
        // killed for memory. The second names a FAT sector past the end of the file: calamine
        // sliced past its data and panicked. The third has a sheet whose Dimensions end before
        // they start: calamine's cell count wrapped and it asked for terabytes. The fourth has
        // cells in column 65,535 and row 65,535: calamine reserved 132 GB for the box between.
        for bytes in [
            &include_bytes!("../../../tests/fixtures/fuzz/xls-chain-loop.xls")[..],
            &include_bytes!("../../../tests/fixtures/fuzz/xls-sector-past-end.xls")[..],
            &include_bytes!("../../../tests/fixtures/fuzz/xls-dimensions-end-before-start.xls")[..],
            &include_bytes!("../../../tests/fixtures/fuzz/xls-cells-span-132-gb.xls")[..],
        ] {
            let error = open_xls(bytes).err().expect("refused").to_string();
            assert!(error.contains("could not be read"), "{error}");
        }
        let sound = open_xls(include_bytes!("../../../tests/fixtures/fuzz/staff.xls")).unwrap();
        assert_eq!(sound.sheets(), vec!["Readme", "Staff"]);
    }

    #[test]
    fn a_panic_inside_calamine_refuses_the_workbook_instead_of_closing_the_app() {
        // Found by the workbook_reader fuzz target: a shared-string table whose last string
        // header claims four bytes where its record holds three. calamine slices past the
        // record and panics, a place the compound-file check does not reach.
        let bytes = include_bytes!("../../../tests/fixtures/fuzz/xls-sst-string-past-record.xls");
        let error = open_xls(bytes).err().expect("refused").to_string();
        assert!(error.contains("a record in it is malformed"), "{error}");
        assert!(error.contains("staff.xls"), "{error}");
    }

    #[test]
    fn numbers_read_like_their_csv_export() {
        assert_eq!(number_text(1042.0), "1042");
        assert_eq!(number_text(74.5), "74.5");
        assert_eq!(number_text(-3.0), "-3");
    }
}
