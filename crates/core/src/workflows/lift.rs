//! Measuring a pilot's lift on a KPI from its observations: each observation is placed in
//! the pilot or the comparison group through the cohort (people by their manager, teams by
//! their managers' group), then `metrics::lift` estimates the effect.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::metrics::lift::{self, Observation, Windows};
use crate::model::{Arm, ComparisonDesign, Kpi, LiftMethod, LiftReport, Pilot};
use crate::store::{cohort, kpi_series, kpis, pilots, Store};

use super::gates::REVIEW_DAY;

/// One decimal, always, so an estimate and its interval read alike: "10.7", "11.0".
pub fn figure(value: f64) -> String {
    let text = format!("{value:.1}");
    // -0.0 reads as a sign error to a person.
    if text == "-0.0" {
        "0.0".into()
    } else {
        text
    }
}

/// "2.4 days" or "3.1 percentage points".
pub fn with_unit(value: f64, unit: &str) -> String {
    let unit = if unit.trim() == "%" {
        "percentage points"
    } else {
        unit
    };
    format!("{} {unit}", figure(value))
}

/// Measures the lift of a pilot on one of its KPIs, as of `today`. An error says in words
/// why it cannot be measured yet.
pub fn measure(store: &Store, kpi_id: i64, today: NaiveDate) -> Result<LiftReport> {
    let pilot_id = kpis::pilot_of(store.conn(), kpi_id)?;
    let pilot = pilots::get(store.conn(), pilot_id)?;
    let kpi = kpis::for_pilot(store.conn(), pilot_id)?
        .into_iter()
        .find(|k| k.id == kpi_id)
        .ok_or(Error::NotFound {
            entity: "KPI",
            id: kpi_id.to_string(),
        })?;
    measure_kpi(store.conn(), &pilot, &kpi, today).map_err(|why| {
        Error::Conflict(format!(
            "the lift on \"{}\" cannot be measured yet: {why}",
            kpi.name
        ))
    })
}

/// The same, with the reason as plain words for callers that report it themselves.
pub(crate) fn measure_kpi(
    conn: &Connection,
    pilot: &Pilot,
    kpi: &Kpi,
    today: NaiveDate,
) -> std::result::Result<LiftReport, String> {
    let baseline = kpi
        .baseline
        .as_ref()
        .ok_or("it has no baseline window".to_string())?;
    if today < pilot.start_date {
        return Err(format!(
            "the pilot starts on {}",
            crate::packs::dates::long_date(pilot.start_date)
        ));
    }
    let cohort = cohort::load(conn, pilot.id).map_err(|e| e.to_string())?;
    // Staggered waves compare wave 1 with wave 2 only until wave 2 starts at day 45.
    let pilot_end = match cohort.design {
        ComparisonDesign::StaggeredWaves => pilot.start_date + Duration::days(REVIEW_DAY - 1),
        _ => pilot.end_date,
    }
    .min(today);
    let windows = Windows {
        baseline: (baseline.start, baseline.end),
        pilot: (pilot.start_date, pilot_end),
    };
    let arm_of_manager: BTreeMap<&str, Arm> = cohort
        .members
        .iter()
        .map(|m| (m.manager_id.as_str(), m.arm))
        .collect();
    let mut arms_of_team: BTreeMap<&str, Vec<Arm>> = BTreeMap::new();
    for member in &cohort.members {
        let arms = arms_of_team.entry(member.team.as_str()).or_default();
        if !arms.contains(&member.arm) {
            arms.push(member.arm);
        }
    }

    let rows = kpi_series::for_kpi(conn, kpi.id).map_err(|e| e.to_string())?;
    let mut observations = Vec::new();
    let mut outside_cohort = 0u32;
    let mut shared_teams: Vec<String> = Vec::new();
    for row in &rows {
        let placed = match (&row.person_id, &row.team) {
            (Some(person), _) => row
                .manager_id
                .as_deref()
                .and_then(|m| arm_of_manager.get(m))
                .map(|arm| (person.clone(), *arm)),
            (None, Some(team)) => match arms_of_team.get(team.as_str()).map(Vec::as_slice) {
                Some([arm]) => Some((format!("team {team}"), *arm)),
                Some(_) => {
                    if !shared_teams.contains(team) {
                        shared_teams.push(team.clone());
                    }
                    continue;
                }
                None => None,
            },
            (None, None) => None,
        };
        match placed {
            Some((unit, arm)) => observations.push(Observation {
                unit,
                arm,
                on: row.observed_on,
                value: row.value,
            }),
            None => outside_cohort += 1,
        }
    }
    let mut excluded = Vec::new();
    if outside_cohort > 0 {
        excluded.push(format!(
            "{outside_cohort} observation{} of people or teams outside the cohort",
            if outside_cohort == 1 { "" } else { "s" }
        ));
    }
    for team in &shared_teams {
        excluded.push(format!(
            "team-level observations of {team}, whose managers are in both groups"
        ));
    }

    let with_comparison = cohort.design != ComparisonDesign::None
        && cohort.members.iter().any(|m| m.arm == Arm::Comparison);
    let estimate = lift::estimate(&observations, &windows, with_comparison).map_err(|e| e.0)?;
    let (improvement, low, high) = lift::improvement(&estimate, kpi.direction);
    let (criterion, met) = match &kpi.criterion {
        Some(c) => (
            Some(c.rule.clone()),
            lift::meets(
                &estimate,
                kpi.direction,
                c.target_lift,
                c.interval_above_zero,
            ),
        ),
        None => (None, false),
    };
    let weaker = estimate.method == LiftMethod::PrePostTrend;
    let summary = format!(
        "{}: an improvement of {} (95% interval {} to {}) by {}, over {} pilot{} unit{}{}{}",
        kpi.name,
        with_unit(improvement, &kpi.unit),
        figure(low),
        with_unit(high, &kpi.unit),
        estimate.method.label(),
        estimate.pilot_units,
        if estimate.comparison_units > 0 {
            format!(" and {} comparison", estimate.comparison_units)
        } else {
            String::new()
        },
        if estimate.pilot_units + estimate.comparison_units == 1 {
            ""
        } else {
            "s"
        },
        match &criterion {
            Some(rule) if met => format!("; meets the criterion ({rule})"),
            Some(rule) => format!("; does not meet the criterion ({rule})"),
            None => "; the KPI has no success criterion".into(),
        },
        if weaker { "; weaker evidence" } else { "" }
    );
    Ok(LiftReport {
        kpi_id: kpi.id,
        kpi_name: kpi.name.clone(),
        unit: kpi.unit.clone(),
        method: estimate.method,
        weaker_evidence: weaker,
        effect: estimate.effect,
        standard_error: estimate.standard_error,
        degrees_of_freedom: estimate.degrees_of_freedom,
        interval_low: estimate.interval.0,
        interval_high: estimate.interval.1,
        improvement,
        improvement_low: low,
        improvement_high: high,
        pilot_units: estimate.pilot_units,
        comparison_units: estimate.comparison_units,
        pilot_pre_trend: estimate.pilot_pre_trend,
        comparison_pre_trend: estimate.comparison_pre_trend,
        excluded,
        criterion,
        criterion_met: met,
        summary,
    })
}
