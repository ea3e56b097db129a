//! CSV exports: UTF-8 with a byte-order mark (so Excel shows "Zoë" as Zoë), comma-separated,
//! quoted where needed.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::{Cell, Sink};
use crate::error::{Error, Result};

pub struct CsvSink {
    writer: csv::Writer<BufWriter<File>>,
    path: String,
}

impl CsvSink {
    pub fn create(path: &Path, headers: &[&str]) -> Result<CsvSink> {
        let file = File::create(path).map_err(|e| Error::io(path, e))?;
        let mut buffered = BufWriter::with_capacity(1 << 16, file);
        buffered
            .write_all(b"\xEF\xBB\xBF")
            .map_err(|e| Error::io(path, e))?;
        let mut writer = csv::WriterBuilder::new().from_writer(buffered);
        writer
            .write_record(headers)
            .map_err(|e| csv_error(path, e))?;
        Ok(CsvSink {
            writer,
            path: path.display().to_string(),
        })
    }

    pub fn finish(mut self) -> Result<()> {
        self.writer.flush().map_err(|e| Error::Io {
            path: self.path.clone(),
            source: e,
        })
    }
}

fn csv_error(path: impl AsRef<Path>, error: csv::Error) -> Error {
    Error::io(path, std::io::Error::other(error.to_string()))
}

impl Sink for CsvSink {
    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        self.writer
            .write_record(cells.iter().map(Cell::to_text))
            .map_err(|e| csv_error(&self.path, e))
    }
}
