//! The pilot dashboard, assembled: every KPI measured, the coaching that went in, the money,
//! the ROI, the cohort's flight-risk signals and the breakdown by team, with the privacy
//! floor applied throughout.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{Arm, Dashboard, KeyNumber};
use crate::store::{dashboard_cache, Store};

use super::charts;
use super::coaching::coaching;
use super::context::PilotContext;
use super::costs::{cost_panel, time_to_date};
use super::flight::flight_risk;
use super::headline::{headline, key_numbers};
use super::kpi::{self, KpiAnalysis};
use super::roi::{roi_report, RoiInputs};
use super::units_table::{unit_table, UnitInputs};

/// The dashboard as last kept if nothing in the workspace changed since, otherwise computed
/// afresh (and not kept): for readers that do not write, like the packs.
pub fn kept_or_fresh_dashboard(
    store: &Store,
    pilot_id: i64,
    as_of: NaiveDate,
) -> Result<Dashboard> {
    let version = dashboard_cache::version(store.conn())?;
    if let Some(body) = dashboard_cache::get(store.conn(), pilot_id, as_of, version)? {
        if let Ok(kept) = serde_json::from_str::<Dashboard>(&body) {
            return Ok(kept);
        }
    }
    dashboard(store, pilot_id, as_of)
}

/// The dashboard as last computed if nothing in the workspace changed since, otherwise
/// computed afresh and kept: reopening an unchanged dashboard reads one row.
pub fn cached_dashboard(store: &mut Store, pilot_id: i64, as_of: NaiveDate) -> Result<Dashboard> {
    let version = dashboard_cache::version(store.conn())?;
    if let Some(body) = dashboard_cache::get(store.conn(), pilot_id, as_of, version)? {
        if let Ok(kept) = serde_json::from_str::<Dashboard>(&body) {
            return Ok(kept);
        }
    }
    let fresh = dashboard(store, pilot_id, as_of)?;
    // Keeping it is a convenience: a workspace that cannot be written to (a read-only
    // copy, a busy writer) still gets its dashboard.
    if let Ok(body) = serde_json::to_string(&fresh) {
        let _ = keep(store, pilot_id, as_of, version, &body);
    }
    Ok(fresh)
}

fn keep(
    store: &mut Store,
    pilot_id: i64,
    as_of: NaiveDate,
    version: i64,
    body: &str,
) -> Result<()> {
    let tx = store.write_derived()?;
    dashboard_cache::put(&tx, pilot_id, as_of, version, body)?;
    tx.commit()?;
    Ok(())
}

/// The dashboard of a pilot with its data read up to `as_of`.
pub fn dashboard(store: &Store, pilot_id: i64, as_of: NaiveDate) -> Result<Dashboard> {
    let conn = store.conn();
    let ctx = PilotContext::load(conn, pilot_id, as_of)?;
    let analyses: Vec<KpiAnalysis> = ctx
        .kpis
        .iter()
        .map(|k| kpi::analyse(conn, &ctx, k))
        .collect::<Result<_>>()?;
    let mut facts = coaching(conn, &ctx)?;
    let (units, hidden_units) = unit_table(
        &ctx,
        &UnitInputs {
            kpi_names: ctx.kpis.iter().map(|k| k.name.clone()).collect(),
            changes: analyses.iter().map(|a| &a.changes).collect(),
            hours_by_manager: &facts.hours_by_manager,
            events_by_manager: &facts.events_by_manager,
        },
    );
    facts.panel.inputs_against_outcomes =
        inputs_against_outcomes(&ctx, &analyses, &facts, &hidden_units);
    let panels: Vec<_> = analyses.into_iter().map(|a| a.panel).collect();
    let time = time_to_date(conn, &ctx, &facts.pilot_minutes_by_manager)?;
    let cost = cost_panel(store, &ctx, &time)?;
    let roi = roi_report(
        conn,
        &ctx,
        &RoiInputs {
            panels: &panels,
            time: &time,
            spent: cost.spent,
            hours: facts.panel.hours,
        },
    )?;
    let flight_risk = flight_risk(conn, &ctx)?;
    let impact_per_hour = roi.as_ref().and_then(|r| {
        r.impact_per_hour.map(|value| KeyNumber {
            value: value.format_whole_with(&ctx.settings.currency),
            label: "Monetised benefit per coaching hour".into(),
            basis: "First-year benefit, adjusted for confidence, over the coaching hours logged"
                .into(),
        })
    });
    let mut privacy_notes = Vec::new();
    if units.hidden > 0 {
        privacy_notes.push(units.note.clone());
    }
    for arm in [Arm::Pilot, Arm::Comparison] {
        let people = ctx.units.people_in(arm);
        if people > 0 && people < ctx.floor() {
            privacy_notes.push(format!(
                "The {} group has fewer than {} people: none of its figures are shown.",
                if arm == Arm::Pilot {
                    "pilot"
                } else {
                    "comparison"
                },
                ctx.floor()
            ));
        }
    }
    Ok(Dashboard {
        pilot_id,
        pilot_name: ctx.pilot.name.clone(),
        status: ctx.pilot.status,
        design: ctx.cohort.design,
        start_date: ctx.pilot.start_date,
        end_date: ctx.pilot.end_date,
        as_of,
        month: as_of.format("%Y-%m").to_string(),
        day: ctx.day(),
        currency: ctx.settings.currency.clone(),
        min_group_size: ctx.floor(),
        headline: headline(&ctx, &panels, &facts.panel, roi.as_ref()),
        key_numbers: key_numbers(
            &ctx,
            &panels,
            &facts.panel,
            roi.as_ref(),
            cost.fully_loaded_to_date,
        ),
        lift_chart: charts::lift_per_kpi(&ctx.kpis, &panels),
        kpis: panels,
        coaching: facts.panel,
        impact_per_hour,
        cost,
        roi,
        flight_risk,
        units,
        privacy_notes,
    })
}

/// Each visible team's coaching hours per person against its change on the first KPI
/// that could be measured, in the KPI's good direction.
fn inputs_against_outcomes(
    ctx: &PilotContext,
    analyses: &[KpiAnalysis],
    facts: &super::coaching::CoachingFacts,
    hidden_units: &[String],
) -> Option<crate::model::Chart> {
    let analysis = analyses.iter().find(|a| a.panel.lift.is_some())?;
    let lift = analysis.panel.lift.as_ref()?;
    let hidden: HashSet<&String> = hidden_units.iter().collect();
    let points: Vec<(Arm, f64, f64)> = ctx
        .units
        .units
        .iter()
        .filter(|u| u.manager_id.is_some() && u.people > 0 && !hidden.contains(&u.id))
        .filter_map(|u| {
            let change = analysis.changes.get(&u.id)?;
            let hours = facts
                .hours_by_manager
                .get(u.manager_id.as_deref()?)
                .copied()
                .unwrap_or(0.0);
            Some((
                u.arm,
                hours / f64::from(u.people),
                kpi::better(analysis.panel.direction, *change),
            ))
        })
        .collect();
    charts::inputs_against_outcomes(&analysis.panel, &points, lift.decimals as usize)
}
