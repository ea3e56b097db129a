//! The breakdown by team: each unit's people, coaching and change on every KPI, with the
//! privacy floor applied across each group so that neither a row nor a total minus the
//! rows shown gives away a group under the floor.

use std::collections::HashMap;

use crate::metrics::analytics::privacy::hidden_cells_grouped;
use crate::model::{Arm, UnitRow, UnitTable};

use super::context::PilotContext;

pub(crate) struct UnitInputs<'a> {
    pub kpi_names: Vec<String>,
    /// Per KPI, each unit's change by unit id.
    pub changes: Vec<&'a HashMap<String, f64>>,
    pub hours_by_manager: &'a HashMap<String, f64>,
    pub events_by_manager: &'a HashMap<String, u32>,
}

/// The rows to show, and which units (by id) are hidden.
pub(crate) fn unit_table(ctx: &PilotContext, inputs: &UnitInputs) -> (UnitTable, Vec<String>) {
    let floor = ctx.floor();
    // Only manager units have a known headcount of their own; team units repeat them.
    let units: Vec<&super::context::UnitInfo> = ctx
        .units
        .units
        .iter()
        .filter(|u| u.manager_id.is_some())
        .collect();
    let arms = [Arm::Pilot, Arm::Comparison];
    let groups: Vec<Vec<&super::context::UnitInfo>> = arms
        .iter()
        .map(|arm| units.iter().copied().filter(|u| u.arm == *arm).collect())
        .collect();
    // A team with nothing to report (no KPI data, no coaching: a manager of managers, say)
    // is no row at all, so it is neither hidden nor used to hide another.
    let reported = |unit: &super::context::UnitInfo| {
        let manager = unit.manager_id.as_deref().unwrap_or_default();
        inputs.changes.iter().any(|c| c.contains_key(&unit.id))
            || inputs
                .events_by_manager
                .get(manager)
                .is_some_and(|e| *e > 0)
    };
    let groups: Vec<Vec<&super::context::UnitInfo>> = groups
        .into_iter()
        .map(|g| g.into_iter().filter(|u| reported(u)).collect())
        .collect();
    let sizes: Vec<Vec<u32>> = groups
        .iter()
        .map(|g| g.iter().map(|u| u.people).collect())
        .collect();
    let hidden = hidden_cells_grouped(&sizes, floor);
    let mut rows = Vec::new();
    let mut hidden_ids = Vec::new();
    for (group, hidden) in groups.iter().zip(&hidden) {
        for (unit, hide) in group.iter().zip(hidden) {
            if *hide {
                hidden_ids.push(unit.id.clone());
                continue;
            }
            let manager = unit.manager_id.as_deref().unwrap_or_default();
            rows.push(UnitRow {
                label: unit.label.clone(),
                arm: unit.arm,
                people: unit.people,
                coaching_hours: inputs.hours_by_manager.get(manager).copied().unwrap_or(0.0),
                events: inputs.events_by_manager.get(manager).copied().unwrap_or(0),
                changes: inputs
                    .changes
                    .iter()
                    .map(|c| c.get(&unit.id).copied())
                    .collect(),
            });
        }
    }
    let count = hidden_ids.len() as u32;
    let note = match count {
        0 => format!("Every team has at least {floor} people; all are shown."),
        n => format!(
            "{n} team{} not shown: fewer than {floor} people, or held back so that the totals \
             cannot reveal one that is.",
            if n == 1 { " is" } else { "s are" }
        ),
    };
    (
        UnitTable {
            kpis: inputs.kpi_names.clone(),
            rows,
            hidden: count,
            note,
        },
        hidden_ids,
    )
}
