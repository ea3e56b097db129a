use rusqlite::{params, Connection, Row, Transaction};

use crate::error::Result;
use crate::model::{PackKind, PackRecord, PaperSize};

pub fn insert(tx: &Transaction, record: &PackRecord) -> Result<i64> {
    tx.execute(
        "INSERT INTO pack_records (kind, pilot_id, title, subject, produced_at, produced_by,
                                   content_hash, pages, paper_size, path)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            record.kind.as_str(),
            record.pilot_id,
            record.title,
            record.subject,
            record.produced_at,
            record.produced_by,
            record.content_hash,
            record.pages,
            record.paper_size.as_str(),
            record.path
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn from_row(row: &Row) -> rusqlite::Result<PackRecord> {
    let kind: String = row.get(1)?;
    let paper: String = row.get(9)?;
    let bad = |what: &str, value: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown {what} {value:?}").into(),
        )
    };
    Ok(PackRecord {
        id: row.get(0)?,
        kind: PackKind::parse(&kind).ok_or_else(|| bad("pack kind", &kind))?,
        pilot_id: row.get(2)?,
        title: row.get(3)?,
        subject: row.get(4)?,
        produced_at: row.get(5)?,
        produced_by: row.get(6)?,
        content_hash: row.get(7)?,
        pages: row.get(8)?,
        paper_size: PaperSize::parse(&paper).ok_or_else(|| bad("paper size", &paper))?,
        path: row.get(10)?,
    })
}

const COLUMNS: &str = "id, kind, pilot_id, title, subject, produced_at, produced_by, \
                       content_hash, pages, paper_size, path";

pub fn list(conn: &Connection) -> Result<Vec<PackRecord>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM pack_records ORDER BY id DESC"
    ))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<PackRecord> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM pack_records WHERE id = ?1"),
        [id],
        from_row,
    )
    .map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => crate::Error::NotFound {
            entity: "pack record",
            id: id.to_string(),
        },
        other => other.into(),
    })
}
