//! Printing the measure half: the monthly pack, the day-45 review pack and the day-90
//! outcome pack, from the same dashboard the app shows.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::model::{Dashboard, ItemKind, ItemState, PackKind, PackRecord, PaperSize};
use crate::packs::results::outcome::{self, Gate};
use crate::packs::results::{monthly, GateAsk, ResultsData};
use crate::packs::RenderedPack;
use crate::store::{decisions, imports, items, settings, Store};
use crate::workflows::analytics;

use super::{render_record, save};

/// The gate of a kind: the latest item, open or decided.
fn gate_ask(store: &Store, pilot_id: i64, kind: ItemKind) -> Result<Option<GateAsk>> {
    let conn = store.conn();
    let Some(item) = items::for_pilot(conn, pilot_id)?
        .into_iter()
        .rev()
        .find(|i| i.kind == kind && i.state != ItemState::Withdrawn)
    else {
        return Ok(None);
    };
    Ok(Some(GateAsk {
        item_id: item.id,
        due_on: item.due_on,
        open: item.state == ItemState::Open,
        decision: match item.decision_id {
            Some(id) => Some(decisions::get(conn, id)?),
            None => None,
        },
    }))
}

fn lineage_to(store: &Store, last_day: NaiveDate) -> Result<Vec<crate::model::ImportRecord>> {
    Ok(imports::list(store.conn())?
        .into_iter()
        .filter(|i| {
            i.at.get(..10)
                .is_some_and(|day| day <= last_day.to_string().as_str())
        })
        .collect())
}

/// The month before `as_of`'s, read to its last day; none before the pilot started.
fn previous_month(store: &Store, dashboard: &Dashboard) -> Result<Option<Dashboard>> {
    let first = dashboard.as_of.with_day(1).unwrap_or(dashboard.as_of);
    let Some(last_before) = first.pred_opt() else {
        return Ok(None);
    };
    if last_before < dashboard.start_date {
        return Ok(None);
    }
    Ok(Some(analytics::dashboard(
        store,
        dashboard.pilot_id,
        last_before,
    )?))
}

pub fn render_monthly(
    store: &Store,
    pilot_id: i64,
    month: Option<&str>,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<(RenderedPack, PackRecord)> {
    let as_of = analytics::as_of_for_month(month, today)?;
    let dashboard = analytics::kept_or_fresh_dashboard(store, pilot_id, as_of)?;
    if as_of < dashboard.start_date {
        return Err(Error::Conflict(format!(
            "\"{}\" starts on {}; a monthly pack reports on a running pilot",
            dashboard.pilot_name,
            crate::packs::dates::long_date(dashboard.start_date)
        )));
    }
    let previous = previous_month(store, &dashboard)?;
    let settings = settings::load(store.conn())?;
    let lineage = lineage_to(store, today)?;
    let next_gate = [ItemKind::Day45Review, ItemKind::Day90Outcome]
        .into_iter()
        .map(|kind| gate_ask(store, pilot_id, kind))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .filter(|g| g.open && g.due_on <= as_of + chrono::Duration::days(31))
        .min_by_key(|g| g.due_on);
    let calibration = crate::workflows::agenda::calibration::for_pilot(store, pilot_id, as_of)?;
    // The last quarter complete by the pack's date: a printed pack never counts coaching
    // after the day it reports on.
    let quarter = {
        let current = crate::model::network::Quarter::containing(as_of);
        if current.last_day() == as_of {
            current
        } else {
            current.previous()
        }
    }
    .to_string();
    let network = crate::workflows::network::for_pack(store.conn(), Some(&quarter))?;
    let document = monthly::build(&ResultsData {
        dashboard: &dashboard,
        previous: previous.as_ref(),
        lineage: &lineage,
        workspace: &settings.workspace_name,
        produced_on: today,
        gate: next_gate,
        verdict: None,
        skills: None,
        calibration: Some(&calibration),
        network: network.as_ref().map(|(figures, layout)| (figures, layout)),
    });
    render_record(
        &document,
        PackKind::Monthly,
        Some(pilot_id),
        paper,
        &settings,
    )
}

/// A rendered outcome pack, and the team breakdown for a CSV beside it when it is too long
/// to print.
pub struct OutcomePack {
    pub rendered: RenderedPack,
    pub record: PackRecord,
    pub dashboard: Dashboard,
}

/// The day an outcome pack reads its data to: the gate's day, or today before it.
fn outcome_day(pilot: &crate::model::Pilot, gate: Gate, today: NaiveDate) -> NaiveDate {
    let gate_day = match gate {
        Gate::Day45 => pilot.start_date + chrono::Duration::days(45),
        Gate::Day90 => pilot.end_date,
    };
    today.min(gate_day)
}

/// The outcome pack's content, before it is laid out on paper.
fn outcome_document(
    store: &Store,
    pilot_id: i64,
    day: u32,
    today: NaiveDate,
    teams_csv: Option<&str>,
) -> Result<(crate::packs::PackDocument, PackKind, Dashboard)> {
    let (gate, kind, pack_kind) = match day {
        45 => (Gate::Day45, ItemKind::Day45Review, PackKind::Day45Review),
        90 => (Gate::Day90, ItemKind::Day90Outcome, PackKind::Outcome),
        other => {
            return Err(Error::invalid_field(
                "day",
                format!("the outcome packs are for day 45 or day 90, not day {other}"),
            ))
        }
    };
    let pilot = crate::store::pilots::get(store.conn(), pilot_id)?;
    if today < pilot.start_date {
        return Err(Error::Conflict(format!(
            "\"{}\" starts on {}; its {} pack follows from its data",
            pilot.name,
            crate::packs::dates::long_date(pilot.start_date),
            if day == 45 { "day-45" } else { "day-90" }
        )));
    }
    let as_of = outcome_day(&pilot, gate, today);
    let dashboard = analytics::kept_or_fresh_dashboard(store, pilot_id, as_of)?;
    let verdict = match gate {
        Gate::Day90 => Some(analytics::verdict::verdict_of(&dashboard)),
        Gate::Day45 => None,
    };
    let settings = settings::load(store.conn())?;
    let lineage = lineage_to(store, today)?;
    let skills = crate::workflows::skills::report::pilot_report(store, pilot_id, as_of)?;
    let document = outcome::build(
        &ResultsData {
            dashboard: &dashboard,
            previous: None,
            lineage: &lineage,
            workspace: &settings.workspace_name,
            produced_on: today,
            gate: gate_ask(store, pilot_id, kind)?,
            verdict: verdict.as_ref(),
            skills: Some(&skills),
            calibration: None,
            network: None,
        },
        gate,
        teams_csv,
    );
    Ok((document, pack_kind, dashboard))
}

pub fn render_outcome(
    store: &Store,
    pilot_id: i64,
    day: u32,
    paper: Option<PaperSize>,
    today: NaiveDate,
    teams_csv: Option<&str>,
) -> Result<OutcomePack> {
    let (document, pack_kind, dashboard) =
        outcome_document(store, pilot_id, day, today, teams_csv)?;
    let settings = settings::load(store.conn())?;
    let (rendered, record) = render_record(&document, pack_kind, Some(pilot_id), paper, &settings)?;
    Ok(OutcomePack {
        rendered,
        record,
        dashboard,
    })
}

/// The outcome pack as one self-contained HTML page, the same content and charts: for a
/// browser to print, and the benchmark's yardstick.
pub fn outcome_html(store: &Store, pilot_id: i64, day: u32, today: NaiveDate) -> Result<String> {
    let (document, _, _) = outcome_document(store, pilot_id, day, today, None)?;
    Ok(crate::packs::html::to_html(&document))
}

pub fn save_monthly(
    store: &mut Store,
    pilot_id: i64,
    month: Option<&str>,
    out: &Path,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<PackRecord> {
    analytics::cached_dashboard(store, pilot_id, analytics::as_of_for_month(month, today)?)?;
    let (rendered, record) = render_monthly(store, pilot_id, month, paper, today)?;
    let what = format!(
        "monthly pack for {}",
        record.produced_at.get(..7).unwrap_or("")
    );
    save(store, rendered, record, out, &what)
}

/// A file beside a pack, e.g. `proposal-cohort.csv` beside `proposal.pdf`: where a table
/// too long to print goes.
pub(super) fn beside(out: &Path, what: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "pack".into());
    out.with_file_name(format!("{stem}-{what}.csv"))
}

/// Where the team breakdown goes when it is too long to print: beside the pack.
pub fn teams_csv_path(out: &Path) -> PathBuf {
    beside(out, "teams")
}

pub fn save_outcome(
    store: &mut Store,
    pilot_id: i64,
    day: u32,
    out: &Path,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<PackRecord> {
    let csv_path = teams_csv_path(out);
    let csv_name = csv_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Computed through the kept dashboards, so printing again on unchanged data is quick.
    if let (Ok(pilot), Some(gate)) = (
        crate::store::pilots::get(store.conn(), pilot_id),
        match day {
            45 => Some(Gate::Day45),
            90 => Some(Gate::Day90),
            _ => None,
        },
    ) {
        if today >= pilot.start_date {
            analytics::cached_dashboard(store, pilot_id, outcome_day(&pilot, gate, today))?;
        }
    }
    let pack = render_outcome(store, pilot_id, day, paper, today, Some(&csv_name))?;
    if pack.dashboard.units.rows.len() > crate::packs::results::ROWS_IN_BODY {
        crate::export::dashboard::write_teams_csv(&pack.dashboard, &csv_path)?;
    }
    let what = if day == 45 {
        "day-45 review pack"
    } else {
        "day-90 outcome pack"
    };
    save(store, pack.rendered, pack.record, out, what)
}
