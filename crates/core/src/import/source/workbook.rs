//! Workbook sheets (XLSX, XLS, ODS through calamine), with Excel dates and serials as text.

use std::path::Path;

use calamine::{Data, Reader};

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
        progress: None,
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
    fn numbers_read_like_their_csv_export() {
        assert_eq!(number_text(1042.0), "1042");
        assert_eq!(number_text(74.5), "74.5");
        assert_eq!(number_text(-3.0), "-3");
    }
}
