use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::Evidence;

/// What the recorded data says for Step 2, as of `today`.
pub fn for_pilot(
    conn: &Connection,
    pilot_id: i64,
    start: NaiveDate,
    today: NaiveDate,
) -> Result<Evidence> {
    let since = (today - chrono::Duration::days(14)).max(start);
    let recent_events: u32 = conn.query_row(
        "SELECT count(*) FROM coaching_events WHERE pilot_id = ?1 AND date(occurred_at) >= ?2
           AND date(occurred_at) <= ?3",
        params![pilot_id, since, today],
        |r| r.get(0),
    )?;
    let mut statement = conn.prepare(
        "SELECT k.id, (SELECT count(*) FROM kpi_observations o
                       WHERE o.kpi_id = k.id AND o.observed_on >= ?2)
         FROM pilot_kpis k WHERE k.pilot_id = ?1 ORDER BY k.position",
    )?;
    let rows = statement.query_map(params![pilot_id, start], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(Evidence {
        recent_events,
        observations_per_kpi: rows.collect::<Result<_, _>>()?,
    })
}
