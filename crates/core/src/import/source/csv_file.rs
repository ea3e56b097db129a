//! CSV files: read from disk record by record, each with the physical line it starts on.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use sha2::{Digest, Sha256};

use super::{file_hash, is_blank, refuse, Body, Format, Table};
use crate::error::{Error, Result};

/// A CSV record's start line and its fields' bytes.
type RawRecord<'r> = (u32, Vec<&'r [u8]>);

/// Records of a CSV file with the physical line each starts on. The csv crate skips blank
/// lines before a record and counts a CRLF's line feed with the next record, so the start
/// line is found from the record's byte offset, by a second reader that follows the first
/// through the file counting line feeds.
pub(super) struct CsvRecords {
    reader: csv::Reader<Hashing<BufReader<File>>>,
    record: csv::ByteRecord,
    lines: LineCounter,
}

/// Hashes every byte the CSV reader takes, so the rows an import checks and writes can be
/// matched to the content hash it records: a file changed on disk while it was imported is
/// caught instead of recorded under the hash of what it held before.
pub(super) struct Hashing<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.hasher.update(&buffer[..read]);
        Ok(read)
    }
}

struct LineCounter {
    input: BufReader<File>,
    /// Bytes from the start of the CSV text (after a BOM).
    at: u64,
    line: u32,
    /// The last byte counted was a CR. The csv crate ends a record at a CR alone (old Mac
    /// files), so a CR is a line break of its own unless the LF of a CRLF follows it.
    after_cr: bool,
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
            let counted = count_lines(&buffer[..take], &mut self.after_cr);
            self.line += counted;
            self.input.consume(take);
            self.at += take as u64;
        }
        loop {
            let buffer = self.input.fill_buf()?;
            let breaks = buffer
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let counted = count_lines(&buffer[..breaks], &mut self.after_cr);
            self.line += counted;
            let rest = buffer.len();
            self.input.consume(breaks);
            self.at += breaks as u64;
            if breaks < rest || rest == 0 {
                // A CR just before the record is a break whatever follows it.
                return Ok(self.line + u32::from(self.after_cr));
            }
        }
    }
}

/// The line breaks in `bytes`: LF, CRLF, or CR alone. `after_cr` carries a CR at the end of
/// one buffer over to the next, where an LF makes it a CRLF.
fn count_lines(bytes: &[u8], after_cr: &mut bool) -> u32 {
    let mut lines = 0;
    for &byte in bytes {
        if byte == b'\n' || *after_cr {
            lines += 1;
        }
        *after_cr = byte == b'\r';
    }
    lines
}

pub(super) fn open_from(path: &Path, start: u64) -> Result<BufReader<File>> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    file.seek(SeekFrom::Start(start))
        .map_err(|e| Error::io(path, e))?;
    Ok(BufReader::with_capacity(1 << 16, file))
}

impl CsvRecords {
    pub(super) fn open(path: &Path, start: u64, delimiter: u8) -> Result<CsvRecords> {
        let mut hasher = Sha256::new();
        // The bytes before `start` are a byte order mark, which opening the file checked.
        hasher.update(&[0xEF, 0xBB, 0xBF][..start.min(3) as usize]);
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(1 << 16)
            .from_reader(Hashing {
                inner: open_from(path, start)?,
                hasher,
            });
        Ok(CsvRecords {
            reader,
            record: csv::ByteRecord::new(),
            lines: LineCounter {
                input: open_from(path, start)?,
                at: 0,
                line: 1,
                after_cr: false,
            },
        })
    }

    /// The hash of everything read so far; once every record was read, the file's.
    pub(super) fn content_hash(&self) -> String {
        crate::hashing::hex(&self.reader.get_ref().hasher.clone().finalize())
    }

    pub(super) fn next_record(&mut self) -> Result<Option<RawRecord<'_>>> {
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

pub(super) fn open_csv(path: &Path, name: String, head: &[u8]) -> Result<Table> {
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
        progress: None,
        cancel: None,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of_rows(bytes: &[u8]) -> Vec<u32> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rows.csv");
        std::fs::write(&path, bytes).unwrap();
        let table = Table::open(&path, None).unwrap();
        let mut lines = Vec::new();
        table
            .for_each(&mut table.problems(), |record, _| {
                lines.push(record.line);
                Ok(())
            })
            .unwrap();
        lines
    }

    #[test]
    fn a_carriage_return_alone_ends_a_line() {
        // Found by the csv_reader fuzz target: the csv crate ends a record at a lone CR, so
        // the line count must too, or two records share a line and a row on the header's
        // line is skipped as if it were the header.
        assert_eq!(lines_of_rows(b"\xb5\ne\r\xff"), vec![2, 3]);
        // Excel for Mac's "CSV (Macintosh)": every row was lost.
        assert_eq!(lines_of_rows(b"id,name\rA1,Ann\r\rA2,Ben\r"), vec![2, 4]);
        assert_eq!(lines_of_rows(b"id\r\nA1\r\n\r\nA2\n\rA3"), vec![2, 4, 6]);
    }

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

    fn rows_of(table: &Table) -> Result<Vec<Vec<String>>> {
        let mut problems = table.problems();
        let mut rows = Vec::new();
        table.for_each(&mut problems, |record, _| {
            rows.push(record.cells.clone());
            Ok(())
        })?;
        Ok(rows)
    }

    #[test]
    fn the_rows_read_are_the_rows_the_recorded_hash_stands_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.csv");
        std::fs::write(&path, "\u{feff}id,minutes\n1,10\n2,20\n").unwrap();
        let table = Table::open(&path, None).unwrap();
        assert_eq!(rows_of(&table).unwrap().len(), 2);
        assert_eq!(table.content_hash, file_hash(&path).unwrap());

        // Saved again by a spreadsheet between the check and the write.
        std::fs::write(&path, "\u{feff}id,minutes\n1,10\n2,20\n3,999\n").unwrap();
        let error = rows_of(&table).unwrap_err();
        assert_eq!(error.code(), "conflict");
        assert!(
            error
                .to_string()
                .contains("events.csv changed while it was being read"),
            "{error}"
        );
    }
}
