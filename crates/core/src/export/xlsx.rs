//! XLSX exports: a bold, frozen header row, real Excel dates and times, numbers as numbers.
//! Rows stream to disk (constant-memory mode), so a large export does not fill memory.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::{Cell, Sink};
use crate::error::{Error, Result};

/// Excel's last row is 1,048,576; one is the header.
pub const ROWS_MAX: u32 = 1_048_575;

pub struct XlsxSink {
    workbook: Workbook,
    path: PathBuf,
    next_row: u32,
    date: Format,
    time: Format,
}

fn failed(path: &Path, error: XlsxError) -> Error {
    Error::io(path, std::io::Error::other(error.to_string()))
}

impl XlsxSink {
    pub fn create(path: &Path, sheet: &str, headers: &[&str], widths: &[f64]) -> Result<XlsxSink> {
        let mut workbook = Workbook::new();
        let header = Format::new().set_bold();
        {
            let worksheet = workbook
                .add_worksheet_with_constant_memory()
                .map_err(|e| failed(path, e))?;
            worksheet.set_name(sheet).map_err(|e| failed(path, e))?;
            for (column, width) in widths.iter().enumerate() {
                worksheet
                    .set_column_width(column as u16, *width)
                    .map_err(|e| failed(path, e))?;
            }
            for (column, title) in headers.iter().enumerate() {
                worksheet
                    .write_string_with_format(0, column as u16, *title, &header)
                    .map_err(|e| failed(path, e))?;
            }
            worksheet
                .set_freeze_panes(1, 0)
                .map_err(|e| failed(path, e))?;
        }
        Ok(XlsxSink {
            workbook,
            path: path.to_path_buf(),
            next_row: 1,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            time: Format::new().set_num_format("hh:mm"),
        })
    }

    pub fn finish(mut self) -> Result<()> {
        self.workbook
            .save(&self.path)
            .map_err(|e| failed(&self.path, e))
    }
}

impl Sink for XlsxSink {
    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        if self.next_row > ROWS_MAX {
            return Err(Error::Conflict(format!(
                "an Excel sheet holds at most {ROWS_MAX} rows; export to CSV instead"
            )));
        }
        let row = self.next_row;
        let path = self.path.clone();
        let worksheet = self
            .workbook
            .worksheet_from_index(0)
            .map_err(|e| failed(&path, e))?;
        for (column, cell) in cells.iter().enumerate() {
            let column = column as u16;
            let written = match cell {
                Cell::Text(text) if text.is_empty() => Ok(&mut *worksheet),
                Cell::Text(text) => worksheet.write_string(row, column, text),
                Cell::Int(n) => worksheet.write_number(row, column, *n as f64),
                Cell::Number(n) => worksheet.write_number(row, column, *n),
                Cell::Date(date) => worksheet.write_datetime_with_format(
                    row,
                    column,
                    ExcelDateTime::from_ymd(
                        chrono::Datelike::year(date) as u16,
                        chrono::Datelike::month(date) as u8,
                        chrono::Datelike::day(date) as u8,
                    )
                    .map_err(|e| failed(&path, e))?,
                    &self.date,
                ),
                Cell::Time(time) => worksheet.write_datetime_with_format(
                    row,
                    column,
                    ExcelDateTime::from_hms(
                        chrono::Timelike::hour(time) as u16,
                        chrono::Timelike::minute(time) as u8,
                        chrono::Timelike::second(time) as f64,
                    )
                    .map_err(|e| failed(&path, e))?,
                    &self.time,
                ),
                Cell::Empty => Ok(&mut *worksheet),
            };
            written.map_err(|e| failed(&path, e))?;
        }
        self.next_row += 1;
        Ok(())
    }
}
