//! The pre-registered day-90 rule applied to the lifts measured today, for the steering
//! group to read beside its vote and for the decision record.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::metrics::analytics::verdict::{verdict, KpiOutcome};
use crate::model::RuleVerdict;
use crate::store::Store;

use super::context::PilotContext;
use super::kpi;

pub fn rule_verdict(store: &Store, pilot_id: i64, as_of: NaiveDate) -> Result<RuleVerdict> {
    rule_verdict_in(store.conn(), pilot_id, as_of)
}

/// The same inside a transaction: a decision records the verdict beside the group's vote.
pub(crate) fn rule_verdict_in(
    conn: &Connection,
    pilot_id: i64,
    as_of: NaiveDate,
) -> Result<RuleVerdict> {
    let ctx = PilotContext::load(conn, pilot_id, as_of)?;
    let mut outcomes = Vec::new();
    for k in &ctx.kpis {
        let data = kpi::gather(conn, &ctx, k)?;
        let measured = kpi::measure(&ctx, k, &data).ok();
        outcomes.push(KpiOutcome {
            kpi: k.name.clone(),
            has_criterion: k.criterion.is_some(),
            measured: measured.is_some(),
            met: measured.as_ref().is_some_and(|(r, _)| r.criterion_met),
            improvement: measured.as_ref().map(|(r, _)| r.improvement),
            low: measured.as_ref().and_then(|(r, _)| r.improvement_low),
        });
    }
    Ok(verdict(&outcomes))
}
