//! Who was in each cohort manager's team when the pilot started, for the flight-risk
//! signals: their arm, their leaving date and the days they moved team or manager since.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, Result};
use crate::metrics::analytics::flight_risk::PersonAtStart;
use crate::model::Arm;

/// The people under each cohort manager on the pilot's start date. Each person's manager on
/// that day comes from their history (the last entry from that day or before); someone
/// with no entry that early is placed by their current manager. People hired after the
/// start, or gone before it, were not there and are left out. One query: a person's
/// entries are found through `person_history_by_person`.
pub fn people_at_start(conn: &Connection, pilot_id: i64) -> Result<Vec<PersonAtStart>> {
    let start: NaiveDate = conn
        .query_row(
            "SELECT start_date FROM pilots WHERE id = ?1",
            [pilot_id],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "pilot",
            id: pilot_id.to_string(),
        })?;
    let mut statement = conn.prepare_cached(
        // `at_start` is '' for an entry with no manager, NULL when there is no entry.
        "WITH placed AS (
             SELECT p.id, p.leaving_date, p.manager_id AS current_manager,
                    (SELECT ifnull(h.manager_id, '') FROM person_history h
                     WHERE h.person_id = p.id AND h.valid_from <= ?2
                     ORDER BY h.valid_from DESC, h.id DESC LIMIT 1) AS at_start
             FROM people p
             WHERE (p.hire_date IS NULL OR p.hire_date <= ?2)
               AND (p.leaving_date IS NULL OR p.leaving_date >= ?2)
         )
         SELECT c.arm, placed.leaving_date,
                (SELECT group_concat(h.valid_from) FROM person_history h
                 WHERE h.person_id = placed.id AND h.valid_from > ?2
                   AND (instr(h.change, 'team') > 0 OR instr(h.change, 'manager') > 0))
         FROM placed
         JOIN pilot_cohort c ON c.pilot_id = ?1
          AND c.manager_id = CASE WHEN placed.at_start IS NULL THEN placed.current_manager
                                  ELSE nullif(placed.at_start, '') END",
    )?;
    let rows = statement.query_map(rusqlite::params![pilot_id, start], |row| {
        let arm: String = row.get(0)?;
        let moves: Option<String> = row.get(2)?;
        Ok((arm, row.get::<_, Option<NaiveDate>>(1)?, moves))
    })?;
    let mut people = Vec::new();
    for row in rows {
        let (arm, left_on, moves) = row?;
        let Some(arm) = Arm::parse(&arm) else {
            continue;
        };
        let mut moved_on: Vec<NaiveDate> = moves
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter_map(|day| day.parse().ok())
            .collect();
        moved_on.sort_unstable();
        people.push(PersonAtStart {
            arm,
            left_on,
            moved_on,
        });
    }
    Ok(people)
}
