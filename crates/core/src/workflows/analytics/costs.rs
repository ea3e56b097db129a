//! The fully loaded cost of a pilot: the budget lines (vendor fees, tooling, analytics),
//! the money recorded as spent, and the time of managers, coaches and coachees from the
//! coaching logged, at each role's hourly cost (Settings) or the pilot's own rates.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::error::Result;
use crate::metrics::analytics::precision::fixed;
use crate::model::{BudgetCategory, CostCategory, CostPanel, Money, TimeCosts, TrancheStatus};
use crate::store::analytics::{assumptions, coaching};
use crate::store::{budget, Store};

use super::charts;
use super::context::PilotContext;

/// What an hour of each role costs: the role's own rate from Settings, else the pilot's
/// budget rates for managers, internal coaches and coachees.
pub(crate) struct Rates {
    by_role: HashMap<String, Money>,
    pilot: TimeCosts,
}

impl Rates {
    pub fn load(conn: &Connection, pilot_id: i64) -> Result<Rates> {
        Ok(Rates {
            by_role: assumptions::hourly_costs(conn)?.into_iter().collect(),
            pilot: budget::time_for(conn, pilot_id)?,
        })
    }

    fn is_coach(role: &str) -> bool {
        role.to_lowercase().contains("coach")
    }

    fn coaching(&self, role: &str) -> Money {
        self.by_role
            .get(role)
            .copied()
            .unwrap_or(if Self::is_coach(role) {
                self.pilot.coach_hourly_cost
            } else {
                self.pilot.manager_hourly_cost
            })
    }

    fn coachee(&self, role: &str) -> Money {
        self.by_role
            .get(role)
            .copied()
            .unwrap_or(self.pilot.coachee_hourly_cost)
    }
}

/// One line of the time cost, in minor units.
pub(crate) struct TimeLine {
    pub category: CostCategory,
    pub label: String,
    pub amount: f64,
    pub basis: String,
}

fn rate_basis(hours: f64, amount: f64, rates: &[Money], currency: &str) -> String {
    let mut distinct: Vec<Money> = rates.to_vec();
    distinct.sort();
    distinct.dedup();
    match distinct.as_slice() {
        [] => format!("{} h", fixed(hours, 1)),
        [one] => format!("{} h × {}/h", fixed(hours, 1), one.format_with(currency)),
        _ => format!(
            "{} h at each role's hourly cost (on average {}/h)",
            fixed(hours, 1),
            Money((amount / hours.max(f64::EPSILON)).round() as i64).format_with(currency)
        ),
    }
}

/// The time of the people involved so far: coaching managers and internal coaches by the
/// minutes they logged on the pilot, coachees by theirs.
pub(crate) fn time_to_date(
    conn: &Connection,
    ctx: &PilotContext,
    minutes_by_manager: &HashMap<String, u64>,
) -> Result<Vec<TimeLine>> {
    let rates = Rates::load(conn, ctx.pilot.id)?;
    let roles = coaching::manager_roles(conn, ctx.pilot.id)?;
    let currency = &ctx.settings.currency;
    let mut lines = Vec::new();
    for (category, label, coaches) in [
        (CostCategory::ManagerTime, "Managers' coaching time", false),
        (CostCategory::CoachTime, "Internal coaches' time", true),
    ] {
        let (mut hours, mut amount, mut used) = (0.0, 0.0, Vec::new());
        for (manager, minutes) in minutes_by_manager {
            let role = roles.get(manager).map(String::as_str).unwrap_or("");
            if Rates::is_coach(role) != coaches {
                continue;
            }
            let rate = rates.coaching(role);
            let h = *minutes as f64 / 60.0;
            hours += h;
            amount += h * rate.cents() as f64;
            used.push(rate);
        }
        if hours > 0.0 {
            lines.push(TimeLine {
                category,
                label: label.into(),
                amount,
                basis: rate_basis(hours, amount, &used, currency),
            });
        }
    }
    let (mut hours, mut amount, mut used) = (0.0, 0.0, Vec::new());
    for row in coaching::coachee_roles(conn, ctx.pilot.id)? {
        let rate = rates.coachee(&row.role);
        let h = row.minutes as f64 / 60.0;
        hours += h;
        amount += h * rate.cents() as f64;
        used.push(rate);
    }
    if hours > 0.0 {
        lines.push(TimeLine {
            category: CostCategory::CoacheeTime,
            label: "Coachees' time".into(),
            amount,
            basis: rate_basis(hours, amount, &used, currency),
        });
    }
    Ok(lines)
}

/// Vendor fees, tooling and analytics as planned in the budget lines and bought from the
/// module catalog, per category.
pub(crate) fn planned_lines(
    conn: &Connection,
    pilot_id: i64,
) -> Result<Vec<(CostCategory, String, f64, String)>> {
    let mut totals: Vec<(CostCategory, String, f64, String)> = Vec::new();
    let purchases = crate::workflows::skills::catalog::budget_lines(conn, pilot_id)?;
    for line in budget::lines_for(conn, pilot_id)?
        .into_iter()
        .chain(purchases)
    {
        let category = match line.category {
            BudgetCategory::Vendor => CostCategory::Vendor,
            BudgetCategory::Tooling => CostCategory::Tooling,
            BudgetCategory::Analytics => CostCategory::Analytics,
        };
        let amount = line.unit_cost.cents() as f64 * f64::from(line.quantity);
        totals.push((
            category,
            format!("{}: {}", line.category.label(), line.description),
            amount,
            format!("{} × {}", line.quantity, line.pricing.label()),
        ));
    }
    Ok(totals)
}

pub(crate) fn cost_panel(
    store: &Store,
    ctx: &PilotContext,
    time: &[TimeLine],
) -> Result<CostPanel> {
    let conn = store.conn();
    let currency = &ctx.settings.currency;
    let ledger = crate::workflows::tranches::ledger(store, ctx.pilot.id, ctx.as_of)?;
    let planned: f64 = planned_lines(conn, ctx.pilot.id)?.iter().map(|l| l.2).sum();
    let time_to_date = Money(time.iter().map(|l| l.amount).sum::<f64>().round() as i64);
    let fully_loaded = Money(ledger.spent.cents() + time_to_date.cents());
    let tranches = ledger
        .tranches
        .iter()
        .map(|line| TrancheStatus {
            label: line.tranche.label.clone(),
            amount: line.tranche.amount,
            condition: line.tranche.condition.clone(),
            released: line.tranche.release.is_some(),
            met: line.check.met,
            explanation: line.check.explanation.clone(),
        })
        .collect::<Vec<_>>();
    let money = |m: Money| m.format_whole_with(currency);
    let bars = vec![
        (
            "Committed budget".to_string(),
            ledger.budget.cents() as f64,
            money(ledger.budget),
        ),
        (
            "Released".to_string(),
            ledger.released.cents() as f64,
            money(ledger.released),
        ),
        (
            "Spent".to_string(),
            ledger.spent.cents() as f64,
            money(ledger.spent),
        ),
        (
            "Coaching time".to_string(),
            time_to_date.cents() as f64,
            money(time_to_date),
        ),
    ];
    let share = if ledger.budget.cents() > 0 {
        Some(ledger.spent.cents() as f64 / ledger.budget.cents() as f64 * 100.0)
    } else {
        None
    };
    let title = match share {
        Some(share) => format!(
            "{}% of the committed budget spent; the people's coaching time adds {}",
            fixed(share, 0),
            money(time_to_date)
        ),
        None => format!(
            "No budget committed; the people's coaching time so far is worth {}",
            money(time_to_date)
        ),
    };
    let released_tranches = tranches.iter().filter(|t| t.released).count();
    let summary = format!(
        "{} spent of {} committed ({} of {} tranche{} released); with the coaching time of \
         the people involved the fully loaded cost so far is {}.",
        money(ledger.spent),
        money(ledger.budget),
        released_tranches,
        tranches.len(),
        if tranches.len() == 1 { "" } else { "s" },
        money(fully_loaded)
    );
    Ok(CostPanel {
        budget: ledger.budget,
        planned_lines: Money(planned.round() as i64),
        tranches_committed: ledger.committed,
        released: ledger.released,
        spent: ledger.spent,
        time_to_date,
        fully_loaded_to_date: fully_loaded,
        tranches,
        chart: charts::cost_to_date(&bars, title, currency),
        summary,
    })
}
