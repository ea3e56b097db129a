//! What each cohort team looks like for the balance table: its size, role mix, tenure at
//! launch and baseline on the first KPI.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::metrics::analytics::balance::TeamFacts;
use crate::model::{Arm, Kpi};

pub fn team_facts(
    conn: &Connection,
    pilot_id: i64,
    start: NaiveDate,
    kpi: Option<&Kpi>,
) -> Result<Vec<TeamFacts>> {
    let mut statement = conn.prepare_cached(
        "SELECT c.manager_id, c.arm, p.role, p.hire_date
         FROM pilot_cohort c LEFT JOIN people p ON p.manager_id = c.manager_id
         WHERE c.pilot_id = ?1 ORDER BY c.manager_id",
    )?;
    let mut teams: BTreeMap<String, TeamFacts> = BTreeMap::new();
    let rows = statement.query_map([pilot_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, Option<String>>(2)?,
            row.get::<_, Option<NaiveDate>>(3)?,
        ))
    })?;
    for row in rows {
        let (manager, arm, role, hired) = row?;
        let team = teams.entry(manager).or_insert_with(|| TeamFacts {
            arm: Arm::parse(&arm).unwrap_or(Arm::Pilot),
            size: 0,
            roles: BTreeMap::new(),
            tenure_years: Vec::new(),
            baseline: None,
        });
        // A manager without reports comes back once with no person.
        let Some(role) = role else { continue };
        team.size += 1;
        if !role.trim().is_empty() {
            *team.roles.entry(role).or_default() += 1;
        }
        if let Some(hired) = hired.filter(|d| *d <= start) {
            team.tenure_years
                .push((start - hired).num_days() as f64 / 365.25);
        }
    }
    if let Some(baseline) = kpi.and_then(|k| k.baseline.as_ref().map(|b| (k.id, b))) {
        let mut statement = conn.prepare_cached(
            "SELECT substr(unit, 3), sum(total) / sum(n) FROM kpi_rollup
             WHERE kpi_id = ?1 AND unit LIKE 'm:%' AND day BETWEEN ?2 AND ?3 GROUP BY unit",
        )?;
        let rows = statement.query_map(
            rusqlite::params![baseline.0, baseline.1.start, baseline.1.end],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, f64>(1)?)),
        )?;
        for row in rows {
            let (manager, mean) = row?;
            if let Some(team) = teams.get_mut(&manager) {
                team.baseline = Some(mean);
            }
        }
    }
    Ok(teams.into_values().collect())
}
