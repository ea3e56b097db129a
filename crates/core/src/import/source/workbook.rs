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

/// The compound file (OLE) an XLS workbook is stored in, checked before calamine reads it.
/// calamine 0.38 follows sector chains without looking for loops, so a chain that points
/// back at itself fills memory until the process is killed, and it slices and indexes past
/// the end of the file and of the allocation table, which panics. Here every sector it would
/// read is checked to lie whole in the file, and every chain it would follow to end, in the
/// order it reads them; a file it would refuse on its own is left for it to refuse.
mod compound_file {
    use std::collections::HashSet;

    const SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    const RESERVED: u32 = 0xFFFF_FFFA;
    const DIFSECT: u32 = 0xFFFF_FFFC;
    const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
    /// Streams under this size live in the mini stream, in 64-byte sectors.
    const MINI_CUTOFF: usize = 4096;
    /// The streams calamine reads from an XLS.
    const STREAMS: [&str; 4] = [
        "Workbook",
        "Book",
        "\u{5}SummaryInformation",
        "\u{5}DocumentSummaryInformation",
    ];

    type Check<T> = std::result::Result<T, &'static str>;

    fn u16_at(bytes: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([bytes[at], bytes[at + 1]])
    }

    fn u32_at(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
    }

    fn u32s(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
        bytes.chunks_exact(4).map(|c| u32_at(c, 0))
    }

    /// Sectors of `size` bytes and the table that chains them.
    struct Sectors<'a> {
        data: &'a [u8],
        size: usize,
        table: Vec<u32>,
    }

    impl Sectors<'_> {
        fn sector(&self, id: u32) -> Check<&[u8]> {
            let start = id as usize * self.size;
            self.data
                .get(start..start + self.size)
                .ok_or("a sector lies past the end of the file")
        }

        /// The bytes of the chain from `id`, up to `len`, as calamine gathers them.
        fn chain(&self, mut id: u32, len: usize) -> Check<Vec<u8>> {
            let mut out = Vec::new();
            let mut seen = HashSet::new();
            while id != END_OF_CHAIN {
                let sector = self.sector(id)?;
                out.extend_from_slice(&sector[..sector.len().min(len - out.len())]);
                if out.len() >= len {
                    break;
                }
                if !seen.insert(id) {
                    return Err("a sector chain loops back on itself");
                }
                id = *self
                    .table
                    .get(id as usize)
                    .ok_or("a sector chain leaves the allocation table")?;
            }
            Ok(out)
        }
    }

    pub(super) fn check(bytes: &[u8]) -> Check<()> {
        if bytes.len() < 512 || !bytes.starts_with(SIGNATURE) || u16_at(bytes, 32) != 6 {
            return Ok(());
        }
        let (size, large) = match u16_at(bytes, 30) {
            9 => (512, false),
            12 if bytes.len() >= 4096 => (4096, true),
            _ => return Ok(()),
        };
        let version = u16_at(bytes, 26);
        let mut sectors = Sectors {
            data: &bytes[size..],
            size,
            table: Vec::new(),
        };
        // The DIFAT lists the FAT's sectors: 109 in the header, the rest in a chain of its own.
        let mut difat: Vec<u32> = u32s(&bytes[76..512]).collect();
        let mut id = u32_at(bytes, 68);
        let mut hops = 0;
        while id < RESERVED {
            hops += 1;
            if hops > bytes.len() / size + 1 {
                return Ok(());
            }
            difat.extend(u32s(sectors.sector(id)?));
            id = difat.pop().unwrap_or(END_OF_CHAIN);
        }
        for id in difat.into_iter().filter(|id| *id < DIFSECT) {
            let fat: Vec<u32> = u32s(sectors.sector(id)?).collect();
            sectors.table.extend(fat);
        }
        let directory = sectors.chain(u32_at(bytes, 48), usize::MAX)?;
        let entries: Vec<(String, u32, usize)> = directory
            .chunks_exact(128)
            .map(|entry| {
                let name: Vec<u16> = entry[..64].chunks_exact(2).map(|c| u16_at(c, 0)).collect();
                let name = String::from_utf16_lossy(&name);
                let name = name.split('\0').next().unwrap_or_default().to_string();
                let len = if large {
                    u64::from_le_bytes(entry[120..128].try_into().unwrap_or_default()) as usize
                } else {
                    u32_at(entry, 120) as usize
                };
                (name, u32_at(entry, 116), len)
            })
            .collect();
        let Some(&(_, root_start, root_len)) = entries.first() else {
            return Ok(());
        };
        if version != 3 && root_start == END_OF_CHAIN {
            return Ok(());
        }
        let mini_fat_len = u32_at(bytes, 64) as usize;
        let (mini_stream, mini_table) = if mini_fat_len > 0 {
            let stream = sectors.chain(root_start, root_len)?;
            let table = sectors.chain(u32_at(bytes, 60), mini_fat_len.saturating_mul(size))?;
            (stream, u32s(&table).collect())
        } else {
            (Vec::new(), Vec::new())
        };
        let mini = Sectors {
            data: &mini_stream,
            size: 64,
            table: mini_table,
        };
        let mut workbook = None;
        for wanted in STREAMS {
            let found = entries
                .iter()
                .find(|(name, _, _)| name.eq_ignore_ascii_case(wanted));
            if let Some(&(_, start, len)) = found {
                let stream = if len < MINI_CUTOFF {
                    mini.chain(start, len)?
                } else {
                    sectors.chain(start, len)?
                };
                if workbook.is_none() && matches!(wanted, "Workbook" | "Book") {
                    workbook = Some(stream);
                }
            }
        }
        workbook.map_or(Ok(()), |stream| sheets(&stream))
    }

    /// The records of a BIFF stream from its start, as calamine splits them.
    fn records(mut stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
        std::iter::from_fn(move || {
            let len = u16_at(stream.get(..4)?, 2) as usize;
            let record = stream.get(4..4 + len)?;
            let kind = u16_at(stream, 0);
            stream = &stream[4 + len..];
            Some((kind, record))
        })
    }

    /// calamine finds each sheet where its BoundSheet record says, which may be past the end
    /// of the stream (it slices there and panics), and reserves memory for the cells a sheet's
    /// Dimensions record declares before reading one: a last row before the first made that
    /// count wrap to billions and the process abort on the allocation.
    fn sheets(stream: &[u8]) -> Check<()> {
        let mut starts = Vec::new();
        for (kind, record) in records(stream) {
            match kind {
                // An encrypted workbook, which calamine refuses itself.
                0x002F if record.len() >= 2 && u16_at(record, 0) != 0 => return Ok(()),
                0x0085 if record.len() >= 4 => starts.push(u32_at(record, 0) as usize),
                0x000A => break,
                _ => {}
            }
        }
        for start in starts {
            let sheet = stream
                .get(start..)
                .ok_or("a sheet starts past the end of the workbook")?;
            cells(sheet)?;
        }
        Ok(())
    }

    /// calamine gathers a sheet's cells when it opens the workbook, then reserves memory for
    /// the whole box they span: one cell in column 65,535 and one in row 65,535 asked for
    /// 132 GB. The cell records are walked as calamine walks them (charts embedded in the
    /// sheet skipped, up to its end) and a box above `MAX_CELLS` is refused. A real XLS
    /// holds 256 columns by 65,536 rows, fewer cells than that, so none is refused.
    fn cells(sheet: &[u8]) -> Check<()> {
        let mut rows = (u32::MAX, 0);
        let mut columns = (u32::MAX, 0);
        let mut seen_sheet_start = false;
        let mut depth = 0usize;
        for (kind, record) in records(sheet) {
            if depth > 0 {
                match kind {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let (row, first, last) = match kind {
                0x0809 if seen_sheet_start => {
                    depth += 1;
                    continue;
                }
                0x0809 => {
                    seen_sheet_start = true;
                    continue;
                }
                0x000A => break,
                0x0200 => {
                    dimensions(record)?;
                    continue;
                }
                // Number, Label, RString, BoolErr, Rk, LabelSst and Formula: one cell.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006
                    if record.len() >= 4 =>
                {
                    let column = u16_at(record, 2);
                    (u16_at(record, 0), column, column)
                }
                // MulRk: a row of cells from its first column, six bytes each.
                0x00BD if record.len() >= 6 => {
                    let first = u16_at(record, 2);
                    let count = (record.len() - 6).div_ceil(6) as u32;
                    let last = (u32::from(first) + count.max(1) - 1).min(u32::from(u16::MAX));
                    (u16_at(record, 0), first, last as u16)
                }
                _ => continue,
            };
            rows = (rows.0.min(row.into()), rows.1.max(row.into()));
            columns = (columns.0.min(first.into()), columns.1.max(last.into()));
        }
        if rows.0 > rows.1 {
            return Ok(());
        }
        let span = u64::from(rows.1 - rows.0 + 1) * u64::from(columns.1 - columns.0 + 1);
        if span > super::MAX_CELLS as u64 {
            return Err("a sheet's cells span more rows and columns than Pilotdesk reads");
        }
        Ok(())
    }

    /// A Dimensions record as calamine reads it: first row, last row + 1, first column, last
    /// column + 1, the rows in 32 bits from BIFF8 on.
    fn dimensions(record: &[u8]) -> Check<()> {
        let (first_row, end_row, first_column, end_column) = match record.len() {
            10 => (
                u32::from(u16_at(record, 0)),
                u32::from(u16_at(record, 2)),
                u32::from(u16_at(record, 4)),
                u32::from(u16_at(record, 6)),
            ),
            14 | 16 => (
                u32_at(record, 0),
                u32_at(record, 4),
                u32::from(u16_at(record, 8)),
                u32::from(u16_at(record, 10)),
            ),
            _ => return Ok(()),
        };
        if end_row == 0 || end_column == 0 {
            return Ok(());
        }
        let first_column = if first_column > 0xFF || end_column < first_column {
            0
        } else {
            first_column
        };
        if end_row <= first_row || end_column <= first_column {
            return Err("a sheet's dimensions end before they start");
        }
        let cells = u64::from(end_row - first_row) * u64::from(end_column - first_column);
        if cells > super::MAX_CELLS as u64 {
            return Err("a sheet declares more cells than Pilotdesk reads");
        }
        Ok(())
    }
}

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
