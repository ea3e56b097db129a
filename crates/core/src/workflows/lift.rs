//! Measuring a pilot's lift on one KPI, for the command line's `lift`, the tranche
//! conditions and the steering group's evidence: the same measurement the dashboard makes
//! (`analytics::kpi`), over the rollups.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::model::{Kpi, LiftReport, Pilot};
use crate::store::{kpis, Store};

use super::analytics::kpi;

/// Measures the lift of a pilot on one of its KPIs, as of `today`. An error says in words
/// why it cannot be measured yet.
pub fn measure(store: &Store, kpi_id: i64, today: NaiveDate) -> Result<LiftReport> {
    let pilot_id = kpis::pilot_of(store.conn(), kpi_id)?;
    let pilot = crate::store::pilots::get(store.conn(), pilot_id)?;
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
    let ctx = super::analytics::context::PilotContext::load(conn, pilot.id, today)
        .map_err(|e| e.to_string())?;
    let data = kpi::gather(conn, &ctx, kpi).map_err(|e| e.to_string())?;
    kpi::measure(&ctx, kpi, &data).map(|(report, _)| report)
}
