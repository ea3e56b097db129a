use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Error, Result};
use crate::model::{Practice, Risk, RiskStatus};

pub struct RiskRecord<'a> {
    pub practice: Practice,
    pub title: &'a str,
    pub owner_id: Option<&'a str>,
    pub mitigation: &'a str,
    pub status: RiskStatus,
    pub pilot_id: Option<i64>,
}

pub fn insert(tx: &Transaction, record: &RiskRecord) -> Result<i64> {
    tx.execute(
        "INSERT INTO risks (practice, title, owner_id, mitigation, status, pilot_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            record.practice.as_str(),
            record.title,
            record.owner_id,
            record.mitigation,
            record.status.as_str(),
            record.pilot_id
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update(tx: &Transaction, id: i64, record: &RiskRecord) -> Result<()> {
    tx.execute(
        "UPDATE risks SET practice = ?2, title = ?3, owner_id = ?4, mitigation = ?5,
             status = ?6, pilot_id = ?7
         WHERE id = ?1",
        params![
            id,
            record.practice.as_str(),
            record.title,
            record.owner_id,
            record.mitigation,
            record.status.as_str(),
            record.pilot_id
        ],
    )?;
    Ok(())
}

const SELECT: &str = "SELECT r.id, r.practice, r.title, r.owner_id, p.name, r.mitigation,
        r.status, r.pilot_id
    FROM risks r LEFT JOIN people p ON p.id = r.owner_id";

fn from_row(row: &rusqlite::Row) -> rusqlite::Result<Risk> {
    let practice: String = row.get(1)?;
    let status: String = row.get(6)?;
    Ok(Risk {
        id: row.get(0)?,
        practice: Practice::parse(&practice).unwrap_or(Practice::General),
        title: row.get(2)?,
        owner_id: row.get(3)?,
        owner_name: row.get(4)?,
        mitigation: row.get(5)?,
        status: RiskStatus::parse(&status).unwrap_or(RiskStatus::Open),
        pilot_id: row.get(7)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<Risk>> {
    let mut statement = conn.prepare(&format!(
        "{SELECT} ORDER BY CASE r.status WHEN 'open' THEN 0 WHEN 'mitigated' THEN 1 ELSE 2 END, r.id"
    ))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Risk> {
    conn.query_row(&format!("{SELECT} WHERE r.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "risk",
            id: id.to_string(),
        })
}

/// Gives every risk without an owner the owner named for its practice.
pub fn assign_unowned(tx: &Transaction, practice: Practice, owner_id: &str) -> Result<()> {
    tx.execute(
        "UPDATE risks SET owner_id = ?2 WHERE practice = ?1 AND owner_id IS NULL",
        params![practice.as_str(), owner_id],
    )?;
    Ok(())
}
