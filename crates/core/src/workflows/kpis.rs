//! Choosing the pilot's KPIs, their baselines and their success criteria. Criteria and
//! baselines are decided before launch and locked when the pilot is approved.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{Baseline, Direction, KpiInput, PilotStatus};
use crate::store::kpis::{self, KpiRecord};
use crate::store::{pilots, Store};

use super::design::edit;
use super::pilots::Problems;

pub const KPIS_MAX: usize = 3;

pub(crate) struct CheckedKpi {
    pub name: String,
    unit: String,
    direction: Direction,
    value_per_unit: Option<crate::model::Money>,
    data_source: String,
    pub baseline: Option<Baseline>,
    pub target_lift: Option<f64>,
    pub interval_above_zero: bool,
}

impl CheckedKpi {
    pub fn record(&self) -> KpiRecord<'_> {
        KpiRecord {
            name: &self.name,
            unit: &self.unit,
            direction: self.direction,
            value_per_unit: self.value_per_unit,
            data_source: &self.data_source,
            baseline: self.baseline.as_ref(),
            target_lift: self.target_lift,
            interval_above_zero: self.interval_above_zero,
        }
    }

    /// Whether the baseline or the success criterion differ from the KPI as it stands.
    pub fn changes_criteria_of(&self, kpi: &crate::model::Kpi) -> bool {
        kpi.baseline != self.baseline
            || kpi
                .criterion
                .as_ref()
                .map(|c| (c.target_lift, c.interval_above_zero))
                != self.target_lift.map(|t| (t, self.interval_above_zero))
    }
}

fn number(problems: &mut Problems, field: &str, text: &str, what: &str) -> Option<f64> {
    match text.trim().replace(',', "").parse::<f64>() {
        Ok(n) if n.is_finite() && n.abs() <= crate::import::values::NUMBER_MAX => Some(n),
        _ => {
            problems.add(
                field,
                format!("\"{}\" is not a number; enter the {what}", text.trim()),
            );
            None
        }
    }
}

pub(crate) fn check(input: &KpiInput, start: NaiveDate, taken: &[String]) -> Result<CheckedKpi> {
    let mut problems = Problems::default();
    let name = problems.required(
        "name",
        &input.name,
        120,
        "name the KPI, e.g. First-contact resolution",
    );
    if taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        problems.add("name", format!("the pilot already tracks \"{name}\""));
    }
    let unit = problems.required(
        "unit",
        &input.unit,
        40,
        "give the unit, e.g. %, days or points",
    );
    let direction = Direction::parse(&input.direction);
    if direction.is_none() {
        problems.add("direction", "say whether higher or lower is better");
    }
    let value_per_unit = if input.value_per_unit.trim().is_empty() {
        None
    } else {
        problems.money("valuePerUnit", &input.value_per_unit)
    };
    let data_source = input.data_source.trim().to_string();
    problems.limit("dataSource", &data_source, 200);

    let any_baseline = [
        &input.baseline_start,
        &input.baseline_end,
        &input.baseline_value,
    ]
    .iter()
    .any(|f| !f.trim().is_empty());
    let baseline = if any_baseline {
        let from = problems.date(
            "baselineStart",
            &input.baseline_start,
            "give the first day of the baseline window",
        );
        let to = problems.date(
            "baselineEnd",
            &input.baseline_end,
            "give the last day of the baseline window",
        );
        let value = if input.baseline_value.trim().is_empty() {
            problems.add("baselineValue", "give the baseline value");
            None
        } else {
            number(
                &mut problems,
                "baselineValue",
                &input.baseline_value,
                "baseline value",
            )
            .and_then(|value| {
                match crate::import::values::within_unit(value, &input.unit) {
                    Ok(value) => Some(value),
                    Err(message) => {
                        problems.add("baselineValue", message);
                        None
                    }
                }
            })
        };
        match (from, to, value) {
            (Some(from), Some(to), Some(value)) => {
                if from > to {
                    problems.add("baselineEnd", "the baseline window ends before it starts");
                } else if to >= start {
                    problems.add(
                        "baselineEnd",
                        format!(
                            "the baseline window must end before the pilot starts on {}",
                            crate::packs::dates::long_date(start)
                        ),
                    );
                }
                Some(Baseline {
                    start: from,
                    end: to,
                    value,
                })
            }
            _ => None,
        }
    } else {
        None
    };
    let target_lift = if input.target_lift.trim().is_empty() {
        None
    } else {
        match number(
            &mut problems,
            "targetLift",
            &input.target_lift,
            "target lift",
        ) {
            Some(n) if n > 0.0 => Some(n),
            Some(_) => {
                problems.add(
                    "targetLift",
                    "the target lift is an improvement, so it is above 0",
                );
                None
            }
            None => None,
        }
    };
    let direction = direction.unwrap_or(Direction::Higher);
    problems.into_result(|| CheckedKpi {
        name,
        unit,
        direction,
        value_per_unit,
        data_source,
        baseline,
        target_lift,
        interval_above_zero: input.interval_above_zero,
    })
}

/// Adds a KPI (no id) or changes one. After approval, a change to a baseline or a success
/// criterion is refused: it needs a new steering-group decision.
pub fn save_kpi(
    store: &mut Store,
    pilot_id: i64,
    input: &KpiInput,
    today: NaiveDate,
) -> Result<i64> {
    let pilot = pilots::get(store.conn(), pilot_id)?;
    let existing = kpis::for_pilot(store.conn(), pilot_id)?;
    let current = match input.id {
        Some(id) => Some(
            existing
                .iter()
                .find(|k| k.id == id)
                .ok_or(Error::NotFound {
                    entity: "KPI",
                    id: id.to_string(),
                })?,
        ),
        None => None,
    };
    let taken: Vec<String> = existing
        .iter()
        .filter(|k| Some(k.id) != input.id)
        .map(|k| k.name.clone())
        .collect();
    let checked = check(input, pilot.start_date, &taken)?;

    let locked = !matches!(
        pilot.status,
        PilotStatus::Draft
            | PilotStatus::Ready
            | PilotStatus::Submitted
            | PilotStatus::ChangesRequested
            | PilotStatus::Rejected
    );
    if locked {
        let criterion_changed = match current {
            Some(kpi) => checked.changes_criteria_of(kpi),
            None => true,
        };
        if criterion_changed {
            return Err(Error::Conflict(format!(
                "the baselines and success criteria of \"{}\" were locked when it was approved; \
                 changing them needs a new steering-group decision: propose the change for a vote \
                 (\"Propose a change\" on the KPI, or `pilotdesk review propose-change`)",
                pilot.name
            )));
        }
    }
    if current.is_none() && existing.len() >= KPIS_MAX {
        return Err(Error::invalid_field(
            "name",
            format!(
                "a pilot tracks 2 or 3 KPIs; remove one before adding \"{}\"",
                checked.name
            ),
        ));
    }

    edit(store, pilot_id, today, |tx| {
        let record = checked.record();
        match current {
            Some(kpi) => {
                kpis::update(tx, kpi.id, &record)?;
                Ok((kpi.id, format!("Edited the KPI \"{}\"", checked.name)))
            }
            None => {
                let id = kpis::insert(tx, pilot_id, &record)?;
                Ok((id, format!("Added the KPI \"{}\"", checked.name)))
            }
        }
    })
}

pub fn remove_kpi(store: &mut Store, kpi_id: i64, today: NaiveDate) -> Result<()> {
    let pilot_id = kpis::pilot_of(store.conn(), kpi_id)?;
    let tranches = crate::store::tranches::labels_for_kpi(store.conn(), kpi_id)?;
    if !tranches.is_empty() {
        return Err(Error::Conflict(format!(
            "the budget tranche{} {} depend{} on this KPI; change or remove {} first",
            if tranches.len() == 1 { "" } else { "s" },
            tranches
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(" and "),
            if tranches.len() == 1 { "s" } else { "" },
            if tranches.len() == 1 { "it" } else { "them" }
        )));
    }
    edit(store, pilot_id, today, |tx| {
        kpis::delete(tx, kpi_id)?;
        Ok(((), "Removed a KPI".into()))
    })
}
