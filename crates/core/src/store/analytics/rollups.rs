//! Bulk writers fill tables with the rollup triggers suspended and rebuild the rollups in
//! one pass each: a million trigger firings would cost more than the writing itself.

use rusqlite::Transaction;

use super::coaching_rebuild;
use crate::error::Result;

/// Runs `work` with the rollup triggers suspended, then rebuilds every rollup from the
/// tables, inside the caller's transaction: a failure rolls everything back together.
pub fn suspended<T>(tx: &Transaction, work: impl FnOnce() -> Result<T>) -> Result<T> {
    suspended_for(tx, &[Rollups::Kpi, Rollups::Coaching], work)
}

/// The rollups kept for one kind of row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rollups {
    /// Per KPI, unit and day, from the observations.
    Kpi,
    /// Per pilot, week and manager, per coachee and per task, from the coaching events.
    Coaching,
}

/// Runs `work` with the rollup triggers idle, then recomputes `rebuilt` from their rows:
/// for a bulk write that touches only those rows, once is far cheaper than a trigger per
/// row.
pub fn suspended_for<T>(
    tx: &Transaction,
    rebuilt: &[Rollups],
    work: impl FnOnce() -> Result<T>,
) -> Result<T> {
    tx.execute("UPDATE rollup_state SET suspended = 1 WHERE id = 1", [])?;
    let value = work()?;
    for rollups in rebuilt {
        rebuild_only(tx, *rollups)?;
    }
    tx.execute("UPDATE rollup_state SET suspended = 0 WHERE id = 1", [])?;
    Ok(value)
}

/// Recomputes every rollup from the rows they summarise.
pub fn rebuild(tx: &Transaction) -> Result<()> {
    rebuild_only(tx, Rollups::Kpi)?;
    rebuild_only(tx, Rollups::Coaching)
}

fn rebuild_only(tx: &Transaction, rollups: Rollups) -> Result<()> {
    match rollups {
        Rollups::Kpi => Ok(tx.execute_batch(KPI_ROLLUP)?),
        Rollups::Coaching => coaching_rebuild::rebuild(tx),
    }
}

const KPI_ROLLUP: &str = "DELETE FROM kpi_rollup;
         INSERT INTO kpi_rollup (kpi_id, unit, day, n, total, total_sq)
         SELECT o.kpi_id,
                CASE WHEN o.person_id IS NOT NULL THEN 'm:' || p.manager_id
                     ELSE 't:' || o.team END AS unit,
                o.observed_on, count(*), sum(o.value), sum(o.value * o.value)
         FROM kpi_observations o LEFT JOIN people p ON p.id = o.person_id
         WHERE (o.person_id IS NULL AND o.team IS NOT NULL) OR p.manager_id IS NOT NULL
         GROUP BY o.kpi_id, unit, o.observed_on;";
