//! The pre-registered day-90 rule applied to the lifts measured today, for the steering
//! group to read beside its vote and for the decision record.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::metrics::analytics::verdict::{verdict, KpiOutcome};
use crate::model::{Dashboard, Direction, LiftReport, RuleVerdict};
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
        let measured = kpi::measure(&ctx, k, &data).ok().map(|(report, _)| report);
        outcomes.push(outcome(
            &k.name,
            k.direction,
            k.criterion.is_some(),
            measured.as_ref(),
        ));
    }
    Ok(verdict(&outcomes))
}

/// The rule applied to the lifts a dashboard already measured.
pub fn verdict_of(dashboard: &Dashboard) -> RuleVerdict {
    let outcomes: Vec<KpiOutcome> = dashboard
        .kpis
        .iter()
        .map(|panel| {
            outcome(
                &panel.name,
                panel.direction,
                panel.criterion.is_some(),
                panel.lift.as_ref(),
            )
        })
        .collect();
    verdict(&outcomes)
}

fn outcome(
    name: &str,
    direction: Direction,
    has_criterion: bool,
    measured: Option<&LiftReport>,
) -> KpiOutcome {
    KpiOutcome {
        lower_is_better: direction == Direction::Lower,
        kpi: name.to_string(),
        has_criterion,
        measured: measured.is_some(),
        met: measured.is_some_and(|r| r.criterion_met),
        improvement: measured.map(|r| r.improvement),
        low: measured.and_then(|r| r.improvement_low),
    }
}
