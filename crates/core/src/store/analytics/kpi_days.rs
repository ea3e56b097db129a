//! A KPI's observations as the rollup keeps them: per unit (a manager's team or a team)
//! and day, the count, the total and the total of squares.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;

/// What a unit key in the rollup names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKey {
    /// The direct reports of a manager, by the manager's id.
    Manager(String),
    /// A team, for observations recorded for the team as a whole.
    Team(String),
}

impl UnitKey {
    fn parse(text: &str) -> Option<UnitKey> {
        if let Some(id) = text.strip_prefix("m:") {
            Some(UnitKey::Manager(id.to_string()))
        } else {
            text.strip_prefix("t:")
                .map(|t| UnitKey::Team(t.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_days_read_like_the_general_parser() {
        for text in ["2026-01-31", "2024-02-29", "1999-12-01"] {
            assert_eq!(iso_day(text), text.parse().ok(), "{text}");
        }
        assert_eq!(iso_day("2026-02-30"), None);
        assert_eq!(iso_day("2026-1-5"), "2026-1-5".parse().ok());
        assert_eq!(iso_day("20x6-01-05"), None);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitDay {
    pub unit: UnitKey,
    pub day: NaiveDate,
    /// Observations that day, one per person (or one for the team).
    pub n: u32,
    pub total: f64,
    pub total_sq: f64,
}

/// The SQL the dashboard runs for one KPI, kept here so the benchmark can hand the very
/// same statement to the `sqlite3` shell.
pub const KPI_DAYS_SQL: &str = "SELECT unit, day, n, total, total_sq FROM kpi_rollup
     WHERE kpi_id = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY unit, day";

/// Every unit-day of a KPI between two days, inclusive, ordered by unit and day.
pub fn unit_days(
    conn: &Connection,
    kpi_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<UnitDay>> {
    let mut statement = conn.prepare_cached(KPI_DAYS_SQL)?;
    let mut rows = statement.query(rusqlite::params![kpi_id, from, to])?;
    let mut days = Vec::new();
    // Rows come ordered by unit: the key is made once per unit, not once per row.
    let mut last: Option<(String, UnitKey)> = None;
    while let Some(row) = rows.next()? {
        let text = text_at(row, 0)?;
        let unit = match &last {
            Some((previous, key)) if previous == text => key.clone(),
            _ => {
                let Some(key) = UnitKey::parse(text) else {
                    continue;
                };
                last = Some((text.to_string(), key.clone()));
                key
            }
        };
        let day = text_at(row, 1)?;
        let Some(day) = iso_day(day) else {
            continue;
        };
        days.push(UnitDay {
            unit,
            day,
            n: row.get(2)?,
            total: row.get(3)?,
            total_sq: row.get(4)?,
        });
    }
    Ok(days)
}

/// A text column, borrowed rather than copied.
fn text_at<'r>(row: &'r rusqlite::Row, index: usize) -> Result<&'r str> {
    row.get_ref(index)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
            .into()
    })
}

/// "YYYY-MM-DD" as a date, without the general date parser: a KPI's rollup has a row per
/// unit and day, and parsing each one generically costs more than reading it.
pub(crate) fn iso_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return text.parse().ok();
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range].iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

/// The first and last day a KPI has data, if any.
pub fn data_span(conn: &Connection, kpi_id: i64) -> Result<Option<(NaiveDate, NaiveDate)>> {
    let (first, last): (Option<NaiveDate>, Option<NaiveDate>) = conn.query_row(
        "SELECT min(day), max(day) FROM kpi_rollup WHERE kpi_id = ?1",
        [kpi_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(first.zip(last))
}
