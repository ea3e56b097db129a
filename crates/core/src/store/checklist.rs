use rusqlite::{params, Connection, Transaction};

use crate::error::Result;
use crate::model::ChecklistMark;

pub fn marks_for(conn: &Connection, pilot_id: i64) -> Result<Vec<ChecklistMark>> {
    let mut statement = conn.prepare(
        "SELECT item, kind, reason, by_whom, at FROM checklist_marks WHERE pilot_id = ?1 ORDER BY item",
    )?;
    let rows = statement.query_map([pilot_id], |row| {
        Ok(ChecklistMark {
            item: row.get(0)?,
            kind: row.get(1)?,
            reason: row.get(2)?,
            by: row.get(3)?,
            at: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn set(tx: &Transaction, pilot_id: i64, mark: &ChecklistMark) -> Result<()> {
    tx.execute(
        "INSERT INTO checklist_marks (pilot_id, item, kind, reason, by_whom, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (pilot_id, item) DO UPDATE SET kind = excluded.kind,
             reason = excluded.reason, by_whom = excluded.by_whom, at = excluded.at",
        params![
            pilot_id,
            mark.item,
            mark.kind,
            mark.reason,
            mark.by,
            mark.at
        ],
    )?;
    Ok(())
}

pub fn clear(tx: &Transaction, pilot_id: i64, item: &str) -> Result<bool> {
    Ok(tx.execute(
        "DELETE FROM checklist_marks WHERE pilot_id = ?1 AND item = ?2",
        params![pilot_id, item],
    )? > 0)
}
