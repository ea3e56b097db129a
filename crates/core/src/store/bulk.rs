//! Writing a great many rows at once.

use rusqlite::Transaction;

use crate::error::Result;

/// The page cache for bulk writes, in MiB: enough for the indexes of a million events.
pub const CACHE_MIB: i64 = 128;

/// Runs `work` with the indexes of `tables` dropped, then builds them again from their
/// recorded definitions, inside the caller's transaction. Building an index by sorting
/// once is far faster than updating it a million times at random places, and a failure
/// rolls the drop back with everything else. Only for tables `work` fills from empty: the
/// unique indexes are not there to refuse duplicates meanwhile.
pub fn without_indexes<T>(
    tx: &Transaction,
    tables: &[&str],
    work: impl FnOnce() -> Result<T>,
) -> Result<T> {
    let mut indexes: Vec<(String, String)> = Vec::new();
    for table in tables {
        let mut statement = tx.prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name",
        )?;
        let rows = statement.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for row in rows {
            indexes.push(row?);
        }
    }
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    let value = work()?;
    for (_, sql) in &indexes {
        tx.execute_batch(sql)?;
    }
    Ok(value)
}
