//! The compound file (OLE) an XLS workbook is stored in, checked before calamine reads it.
//! calamine 0.38 follows sector chains without looking for loops, so a chain that points
//! back at itself fills memory until the process is killed, and it slices and indexes past
//! the end of the file and of the allocation table, which panics. Here every sector it would
//! read is checked to lie whole in the file, and every chain it would follow to end, in the
//! order it reads them; a file it would refuse on its own is left for it to refuse.

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
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 if record.len() >= 4 => {
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
