//! The minimum detectable effect of each KPI at design time, from the baseline data and the
//! cohort: shown beside every success criterion in the designer, the readiness checklist
//! and the proposal pack.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::model::KpiMde;

use super::context::PilotContext;
use super::kpi;

pub fn kpi_mdes(conn: &Connection, pilot_id: i64, today: NaiveDate) -> Result<Vec<KpiMde>> {
    let ctx = PilotContext::load(conn, pilot_id, today)?;
    ctx.kpis
        .iter()
        .map(|k| Ok(kpi::design_mde(&ctx, k, &kpi::gather(conn, &ctx, k)?)))
        .collect()
}
