use std::collections::BTreeMap;

use rusqlite::{params, Connection, Transaction};

use crate::error::Result;
use crate::model::{Arm, Cohort, CohortMember, ComparisonDesign, ManagerCandidate};

pub struct MemberRecord {
    pub manager_id: String,
    pub arm: Arm,
    pub wave: Option<u32>,
    pub matched_with: Option<String>,
    pub match_distance: Option<f64>,
}

pub fn load(conn: &Connection, pilot_id: i64) -> Result<Cohort> {
    let (design, seed): (String, Option<i64>) = conn.query_row(
        "SELECT comparison_design, assignment_seed FROM pilots WHERE id = ?1",
        [pilot_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut statement = conn.prepare(
        "SELECT c.manager_id, p.name, p.team,
                (SELECT count(*) FROM people r WHERE r.manager_id = c.manager_id),
                c.arm, c.wave, c.matched_with, c.match_distance
         FROM pilot_cohort c JOIN people p ON p.id = c.manager_id
         WHERE c.pilot_id = ?1
         ORDER BY c.arm DESC, coalesce(c.wave, 0), p.name",
    )?;
    let rows = statement.query_map([pilot_id], |row| {
        let arm: String = row.get(4)?;
        Ok(CohortMember {
            manager_id: row.get(0)?,
            manager_name: row.get(1)?,
            team: row.get(2)?,
            team_size: row.get(3)?,
            arm: Arm::parse(&arm).unwrap_or(Arm::Pilot),
            wave: row.get(5)?,
            matched_with: row.get(6)?,
            match_distance: row.get(7)?,
        })
    })?;
    Ok(Cohort {
        design: ComparisonDesign::parse(&design).unwrap_or(ComparisonDesign::None),
        // Seeds are u64 stored bit for bit in SQLite's i64; shown as text so JavaScript
        // numbers cannot round them.
        seed: seed.map(|s| (s as u64).to_string()),
        members: rows.collect::<Result<_, _>>()?,
    })
}

pub fn replace(
    tx: &Transaction,
    pilot_id: i64,
    design: ComparisonDesign,
    seed: Option<u64>,
    members: &[MemberRecord],
) -> Result<()> {
    tx.execute(
        "UPDATE pilots SET comparison_design = ?2, assignment_seed = ?3 WHERE id = ?1",
        params![pilot_id, design.as_str(), seed.map(|s| s as i64)],
    )?;
    tx.execute("DELETE FROM pilot_cohort WHERE pilot_id = ?1", [pilot_id])?;
    let mut insert = tx.prepare(
        "INSERT INTO pilot_cohort (pilot_id, manager_id, arm, wave, matched_with, match_distance)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for member in members {
        insert.execute(params![
            pilot_id,
            member.manager_id,
            member.arm.as_str(),
            member.wave,
            member.matched_with,
            member.match_distance
        ])?;
    }
    Ok(())
}

/// Everyone who manages at least one person, with their team size.
pub fn manager_candidates(conn: &Connection) -> Result<Vec<ManagerCandidate>> {
    let mut statement = conn.prepare(
        "SELECT m.id, m.name, m.role, m.team, count(r.id)
         FROM people m JOIN people r ON r.manager_id = m.id
         GROUP BY m.id ORDER BY m.team, m.name",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(ManagerCandidate {
            id: row.get(0)?,
            name: row.get(1)?,
            role: row.get(2)?,
            team: row.get(3)?,
            team_size: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Role headcounts among each manager's direct reports.
pub fn report_roles(conn: &Connection) -> Result<BTreeMap<String, BTreeMap<String, u32>>> {
    let mut statement = conn.prepare(
        "SELECT manager_id, role, count(*) FROM people WHERE manager_id IS NOT NULL
         GROUP BY manager_id, role",
    )?;
    let mut roles: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, u32>(2)?,
        ))
    })?;
    for row in rows {
        let (manager, role, count) = row?;
        roles.entry(manager).or_default().insert(role, count);
    }
    Ok(roles)
}

/// Each manager's team mean of a KPI's observations within its baseline window.
pub fn team_baselines(conn: &Connection, kpi_id: i64) -> Result<BTreeMap<String, f64>> {
    let mut statement = conn.prepare(
        "SELECT p.manager_id, avg(o.value)
         FROM kpi_observations o JOIN people p ON p.id = o.person_id
         JOIN pilot_kpis k ON k.id = o.kpi_id
         WHERE o.kpi_id = ?1 AND p.manager_id IS NOT NULL
           AND (k.baseline_start IS NULL OR o.observed_on >= k.baseline_start)
           AND (k.baseline_end IS NULL OR o.observed_on <= k.baseline_end)
         GROUP BY p.manager_id",
    )?;
    let rows = statement.query_map([kpi_id], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, f64>(1)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
