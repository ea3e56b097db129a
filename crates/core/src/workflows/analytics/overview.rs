//! Every pilot at a glance: where it stands in its 90 days, its next gate, its first KPI and
//! its money, for the workspace overview.

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{ItemKind, ItemState, Money, PilotCard, PilotStatus, PortfolioOverview};
use crate::packs::dates::long_date;
use crate::store::{items, packs, pilots, tranches, Store};

use super::context::PilotContext;
use super::kpi;

/// Whether a pilot has reached the point where measuring it makes sense.
pub(crate) fn measurable(status: PilotStatus) -> bool {
    matches!(
        status,
        PilotStatus::Running
            | PilotStatus::Day45Review
            | PilotStatus::Day90Outcome
            | PilotStatus::Scaled
            | PilotStatus::Iterating
            | PilotStatus::Stopped
    )
}

pub fn portfolio(store: &Store, today: NaiveDate) -> Result<PortfolioOverview> {
    let conn = store.conn();
    let records = packs::list(conn)?;
    let mut cards = Vec::new();
    for summary in pilots::list(conn)? {
        let pilot = pilots::get(conn, summary.id)?;
        let gate = items::for_pilot(conn, pilot.id)?
            .into_iter()
            .filter(|i| {
                i.state == ItemState::Open
                    && matches!(
                        i.kind,
                        ItemKind::Approval | ItemKind::Day45Review | ItemKind::Day90Outcome
                    )
            })
            .min_by_key(|i| i.due_on);
        let spent = tranches::spend_for_pilot(conn, pilot.id)?
            .iter()
            .map(|s| s.amount.cents())
            .sum::<i64>();
        let has_dashboard = measurable(pilot.status);
        let headline_kpi = if has_dashboard {
            first_kpi(store, pilot.id, today)?
        } else {
            None
        };
        cards.push(PilotCard {
            pilot_id: pilot.id,
            name: pilot.name.clone(),
            status: pilot.status,
            start_date: pilot.start_date,
            end_date: pilot.end_date,
            day: (today - pilot.start_date).num_days(),
            next_gate: gate
                .as_ref()
                .map(|g| format!("{}, {}", g.kind.label(), long_date(g.due_on))),
            next_gate_overdue: gate.as_ref().is_some_and(|g| g.due_on < today),
            headline_kpi,
            budget: pilot.budget,
            spent: Money(spent),
            packs: records
                .iter()
                .filter(|r| r.pilot_id == Some(pilot.id))
                .count() as u32,
            has_dashboard,
        });
    }
    Ok(PortfolioOverview {
        as_of: today,
        pilots: cards,
    })
}

fn first_kpi(store: &Store, pilot_id: i64, today: NaiveDate) -> Result<Option<String>> {
    let conn = store.conn();
    let ctx = PilotContext::load(conn, pilot_id, today)?;
    let Some(first) = ctx.kpis.first() else {
        return Ok(None);
    };
    let data = kpi::gather(conn, &ctx, first)?;
    Ok(Some(match kpi::measure(&ctx, first, &data) {
        Ok((report, _)) => format!(
            "{}: {} {}{}",
            first.name,
            report.display.improvement,
            if report.improvement >= 0.0 {
                "better"
            } else {
                "worse"
            },
            match &report.display.interval {
                Some(interval) => format!(" (95% interval {interval})"),
                None => String::new(),
            }
        ),
        Err(why) => format!("{}: not measured yet ({why})", first.name),
    }))
}
