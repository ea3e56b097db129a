//! Coach impact on one KPI, for every coach of the quarter: each person's mean in the
//! quarter against the quarter before, the coach's coachees against comparable people.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::metrics::analytics::precision::{decimals_for_scale, fixed};
use crate::metrics::network::graph::CoachLoad;
use crate::metrics::network::impact::{self, PersonKpi, Population};
use crate::model::network::{CoachImpact, ImpactKpi};
use crate::store::network as store;
use crate::workflows::analytics::kpi::{better, with_unit};

use super::load::Network;

/// The KPI to measure coach impact on: the one asked for, or else the one with the most
/// observations over the quarter and the one before, among those with data about people.
/// None when no KPI has any.
pub(crate) fn choose_kpi(
    conn: &Connection,
    network: &Network,
    asked: Option<i64>,
) -> Result<Option<ImpactKpi>> {
    let before = network.quarter.previous();
    let (from, to) = (before.first_day(), network.quarter.last_day());
    let kpis = store::kpis_with_person_data(conn, from, to)?;
    let chosen = match asked {
        Some(id) => Some(kpis.iter().find(|k| k.id == id).ok_or_else(|| {
            Error::invalid_field(
                "kpi",
                format!(
                    "KPI {id} has no observations about people in {before} or {}; coach \
                     impact needs them",
                    network.quarter
                ),
            )
        })?),
        None => kpis.first(),
    };
    Ok(chosen.map(|k| ImpactKpi {
        kpi_id: k.id,
        name: k.name.clone(),
        unit: k.unit.clone(),
        direction: k.direction,
        baseline_quarter: before.to_string(),
        reason: match asked {
            Some(_) => "the KPI asked for".to_string(),
            None => format!(
                "the KPI with the most observations in {before} and {} ({})",
                network.quarter,
                fixed(k.observations as f64, 0)
            ),
        },
    }))
}

/// Each person's observations in the quarter before and the quarter, by person index.
fn person_data(conn: &Connection, network: &Network, kpi_id: i64) -> Result<Vec<PersonKpi>> {
    let index = network.index_of();
    let start = network.quarter.first_day();
    let before = network.quarter.previous().first_day();
    let mut data = vec![PersonKpi::default(); network.people.len()];
    store::each_person_observation(
        conn,
        kpi_id,
        before,
        network.quarter.last_day(),
        |person, day: NaiveDate, value| {
            let Some(&i) = index.get(person) else {
                return;
            };
            // Only the means are used; the day is kept as the lift keeps it, from a nearby
            // origin.
            let t = (day - start).num_days() as f64;
            let person = &mut data[i as usize];
            if day < start {
                person.pre.add(t, value);
            } else {
                person.post.add(t, value);
            }
        },
    )?;
    Ok(data)
}

fn groups(of: &[u32], count: usize) -> Vec<Vec<u32>> {
    let mut groups = vec![Vec::new(); count];
    for (person, &group) in of.iter().enumerate() {
        groups[group as usize].push(person as u32);
    }
    groups
}

/// Every coach's impact, in the order of `loads`.
pub(crate) fn impacts(
    conn: &Connection,
    network: &Network,
    kpi: &ImpactKpi,
    loads: &[CoachLoad],
    floor: u32,
) -> Result<Vec<CoachImpact>> {
    let changes: Vec<Option<f64>> = person_data(conn, network, kpi.kpi_id)?
        .iter()
        .map(PersonKpi::change)
        .collect();
    let by_team = groups(&network.team_of, network.teams.len());
    let by_role = groups(&network.role_of, network.roles.len());
    let population = Population {
        team_of: &network.team_of,
        role_of: &network.role_of,
        by_team: &by_team,
        by_role: &by_role,
    };
    let evidence = |basis: &str| {
        format!(
            "Weaker evidence: observational. Coachees were not assigned to this coach and no \
             comparison was designed; they are compared with people in {basis} not coached by \
             them, each person's mean in {} against {}.",
            network.quarter, kpi.baseline_quarter
        )
    };
    Ok(loads
        .iter()
        .map(|load| {
            let comparison = impact::comparable(
                &population,
                load.coach,
                &load.coachees,
                |p| changes[p as usize].is_some(),
                floor,
            );
            let measured = impact::impact(&load.coachees, &comparison, &changes, floor);
            let basis = comparison.basis.label();
            let mut shown = CoachImpact {
                kpi_id: kpi.kpi_id,
                coachees: measured.coachees,
                comparison: measured.comparison,
                comparison_basis: basis.to_string(),
                effect: None,
                improvement: None,
                display: None,
                interval: None,
                evidence: evidence(basis),
                not_shown: measured.why.clone(),
            };
            if let Some(estimate) = &measured.estimate {
                let scale = estimate
                    .welch
                    .map(|w| w.standard_error)
                    .or(estimate.spread)
                    .unwrap_or(estimate.effect.abs() / 5.0);
                let decimals = decimals_for_scale(scale);
                let improvement = better(kpi.direction, estimate.effect);
                let signed = |v: f64| {
                    let text = fixed(v, decimals);
                    if v > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
                        format!("+{text}")
                    } else {
                        text
                    }
                };
                shown.effect = Some(estimate.effect);
                shown.improvement = Some(improvement);
                shown.display = Some(with_unit(&signed(improvement), &kpi.unit));
                shown.interval = estimate.welch.map(|w| {
                    let (a, b) = (better(kpi.direction, w.low), better(kpi.direction, w.high));
                    format!(
                        "{} to {}",
                        signed(a.min(b)),
                        with_unit(&signed(a.max(b)), &kpi.unit)
                    )
                });
            }
            shown
        })
        .collect())
}
