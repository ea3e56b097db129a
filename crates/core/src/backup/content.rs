//! The workspace's content as one hash: every table's rows, in order. A backup restored
//! into a workspace gives the same hash, whatever pages SQLite laid it out in.

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use sha2::{Digest, Sha256};

use crate::error::Result;

pub fn content_hash(conn: &Connection) -> Result<String> {
    let mut hasher = Sha256::new();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    hasher.update(format!("schema {version}\n").as_bytes());
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master
             WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        hasher.update(format!("table {table}\n").as_bytes());
        let quoted = table.replace('"', "\"\"");
        // Tables WITHOUT ROWID have none to order by; their primary key orders them, and
        // ordering by every column gives the same order.
        let mut statement =
            match conn.prepare(&format!("SELECT * FROM \"{quoted}\" ORDER BY rowid")) {
                Ok(statement) => statement,
                Err(_) => {
                    let columns = conn
                        .prepare(&format!("SELECT * FROM \"{quoted}\""))?
                        .column_count();
                    let order: Vec<String> = (1..=columns).map(|i| i.to_string()).collect();
                    conn.prepare(&format!(
                        "SELECT * FROM \"{quoted}\" ORDER BY {}",
                        order.join(", ")
                    ))?
                }
            };
        let columns = statement.column_count();
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            for index in 0..columns {
                // A tag before each value keeps 1 and "1", or "" and NULL, apart.
                match row.get_ref(index)? {
                    ValueRef::Null => hasher.update(b"n"),
                    ValueRef::Integer(i) => {
                        hasher.update(b"i");
                        hasher.update(i.to_le_bytes());
                    }
                    ValueRef::Real(f) => {
                        hasher.update(b"r");
                        hasher.update(f.to_bits().to_le_bytes());
                    }
                    ValueRef::Text(t) => {
                        hasher.update(b"t");
                        hasher.update((t.len() as u64).to_le_bytes());
                        hasher.update(t);
                    }
                    ValueRef::Blob(b) => {
                        hasher.update(b"b");
                        hasher.update((b.len() as u64).to_le_bytes());
                        hasher.update(b);
                    }
                }
            }
            hasher.update(b"\n");
        }
    }
    Ok(crate::hashing::hex(&hasher.finalize()))
}
