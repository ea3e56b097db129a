//! The plain rows the pilot-level async report is computed from.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;

/// (person, day given, the sample it is about)
pub fn feedback(conn: &Connection) -> Result<Vec<(String, NaiveDate, Option<i64>)>> {
    let mut statement =
        conn.prepare("SELECT person_id, given_on, sample_id FROM micro_feedback ORDER BY id")?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (sample, person, day added)
pub fn samples(conn: &Connection) -> Result<Vec<(i64, String, NaiveDate)>> {
    let mut statement =
        conn.prepare("SELECT id, person_id, added_on FROM work_samples ORDER BY id")?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (person, day reviewed, levels scored), oldest review first.
pub fn reviews(conn: &Connection) -> Result<Vec<(String, NaiveDate, Vec<u32>)>> {
    let mut statement = conn.prepare(
        "SELECT r.id, r.person_id, r.reviewed_on, s.level FROM portfolio_reviews r
         JOIN review_scores s ON s.review_id = r.id ORDER BY r.reviewed_on, r.id",
    )?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, NaiveDate>(2)?,
            r.get::<_, u32>(3)?,
        ))
    })?;
    let mut out: Vec<(i64, String, NaiveDate, Vec<u32>)> = Vec::new();
    for row in rows {
        let (id, person, day, level) = row?;
        match out.last_mut() {
            Some(last) if last.0 == id => last.3.push(level),
            _ => out.push((id, person, day, vec![level])),
        }
    }
    Ok(out
        .into_iter()
        .map(|(_, person, day, levels)| (person, day, levels))
        .collect())
}

/// Each person's first dated history entry and the dates of their role changes.
pub fn role_changes(conn: &Connection) -> Result<BTreeMap<String, (NaiveDate, Vec<NaiveDate>)>> {
    let mut statement = conn.prepare(
        "SELECT person_id, valid_from, change FROM person_history ORDER BY person_id, valid_from, id",
    )?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, NaiveDate>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out: BTreeMap<String, (NaiveDate, Vec<NaiveDate>)> = BTreeMap::new();
    for row in rows {
        let (person, day, change) = row?;
        let entry = out.entry(person).or_insert((day, Vec::new()));
        if change.split(',').any(|c| c.trim() == "role") {
            entry.1.push(day);
        }
    }
    Ok(out)
}
