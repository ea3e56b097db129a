//! Bulk writers fill tables with the rollup triggers suspended and rebuild the rollups in
//! one pass each: a million trigger firings would cost more than the writing itself.

use rusqlite::Transaction;

use crate::error::Result;

/// Runs `work` with the rollup triggers suspended, then rebuilds every rollup from the
/// tables, inside the caller's transaction: a failure rolls everything back together.
pub fn suspended<T>(tx: &Transaction, work: impl FnOnce() -> Result<T>) -> Result<T> {
    tx.execute("UPDATE rollup_state SET suspended = 1 WHERE id = 1", [])?;
    let value = work()?;
    rebuild(tx)?;
    tx.execute("UPDATE rollup_state SET suspended = 0 WHERE id = 1", [])?;
    Ok(value)
}

/// Recomputes every rollup from the rows they summarise.
pub fn rebuild(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "DELETE FROM kpi_rollup;
         INSERT INTO kpi_rollup (kpi_id, unit, day, n, total, total_sq)
         SELECT o.kpi_id,
                CASE WHEN o.person_id IS NOT NULL THEN 'm:' || p.manager_id
                     ELSE 't:' || o.team END AS unit,
                o.observed_on, count(*), sum(o.value), sum(o.value * o.value)
         FROM kpi_observations o LEFT JOIN people p ON p.id = o.person_id
         WHERE (o.person_id IS NULL AND o.team IS NOT NULL) OR p.manager_id IS NOT NULL
         GROUP BY o.kpi_id, unit, o.observed_on;

         DELETE FROM coaching_rollup;
         INSERT INTO coaching_rollup (pilot_id, week, manager_id, events, minutes, coachees)
         SELECT ifnull(pilot_id, 0), date(occurred_at, '-6 days', 'weekday 1') AS week,
                manager_id, count(*), sum(minutes), count(DISTINCT coachee_id)
         FROM coaching_events GROUP BY ifnull(pilot_id, 0), week, manager_id;

         DELETE FROM coachee_rollup;
         INSERT INTO coachee_rollup (pilot_id, coachee_id, events, minutes)
         SELECT ifnull(pilot_id, 0), coachee_id, count(*), sum(minutes)
         FROM coaching_events WHERE coachee_id IS NOT NULL
         GROUP BY ifnull(pilot_id, 0), coachee_id;

         DELETE FROM task_rollup;
         INSERT INTO task_rollup (pilot_id, task_id, events, minutes)
         SELECT ifnull(pilot_id, 0), ifnull(task_id, 0), count(*), sum(minutes)
         FROM coaching_events GROUP BY ifnull(pilot_id, 0), ifnull(task_id, 0);",
    )?;
    Ok(())
}
