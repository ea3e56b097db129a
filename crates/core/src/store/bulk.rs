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
    set_aside(tx, tables, Indexes::All, work)
}

/// Like `without_indexes`, but the unique indexes stay, so rows already in the table are
/// still found by their key while the others are set aside: for a bulk write into a
/// table that already holds rows.
pub fn without_secondary_indexes<T>(
    tx: &Transaction,
    tables: &[&str],
    work: impl FnOnce() -> Result<T>,
) -> Result<T> {
    set_aside(tx, tables, Indexes::Secondary, work)
}

/// Whether a write of about `incoming` rows into a table of `existing` is worth setting
/// indexes and rollup triggers aside for. Rebuilding them costs a pass over every row, old
/// and new, so it pays only when the file dwarfs the table: a first big import, never the
/// same file again.
pub fn worth_setting_aside(existing: u64, incoming: u64) -> bool {
    incoming >= 10_000 && incoming >= existing.saturating_mul(4)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Indexes {
    All,
    Secondary,
}

fn set_aside<T>(
    tx: &Transaction,
    tables: &[&str],
    which: Indexes,
    work: impl FnOnce() -> Result<T>,
) -> Result<T> {
    let mut indexes: Vec<(String, String)> = Vec::new();
    for table in tables {
        let mut statement = tx.prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL
               AND (?2 OR sql NOT LIKE 'CREATE UNIQUE INDEX%') ORDER BY name",
        )?;
        let rows = statement.query_map(rusqlite::params![table, which == Indexes::All], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
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

#[cfg(test)]
mod tests {
    use super::worth_setting_aside;

    #[test]
    fn only_a_file_that_dwarfs_its_table_sets_the_indexes_aside() {
        assert!(worth_setting_aside(0, 1_000_000), "a first big import");
        assert!(
            worth_setting_aside(9_082, 1_000_000),
            "a big import beside a few rows"
        );
        assert!(
            !worth_setting_aside(0, 9_999),
            "a small file, even into an empty table"
        );
        assert!(
            !worth_setting_aside(1_009_082, 1_009_082),
            "the same file again: rebuilding would cost more than the lookups"
        );
        assert!(!worth_setting_aside(300_000, 1_000_000));
    }
}
