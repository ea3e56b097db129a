use rusqlite::{params, Connection, Transaction};

use crate::error::Result;
use crate::model::ChangeRecord;

pub struct NewChange<'a> {
    pub actor: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub action: &'a str,
    pub summary: &'a str,
}

pub fn append(tx: &Transaction, at: &str, change: &NewChange) -> Result<i64> {
    tx.execute(
        "INSERT INTO change_log (at, actor, entity, entity_id, action, summary)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            at,
            change.actor,
            change.entity,
            change.entity_id,
            change.action,
            change.summary
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn for_entity(conn: &Connection, entity: &str, entity_id: &str) -> Result<Vec<ChangeRecord>> {
    let mut statement = conn.prepare(
        "SELECT id, at, actor, entity, entity_id, action, summary FROM change_log
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
    )?;
    let rows = statement.query_map(params![entity, entity_id], |row| {
        Ok(ChangeRecord {
            id: row.get(0)?,
            at: row.get(1)?,
            actor: row.get(2)?,
            entity: row.get(3)?,
            entity_id: row.get(4)?,
            action: row.get(5)?,
            summary: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
