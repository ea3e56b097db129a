//! Outcome-based funding: a pilot's budget is split into tranches, each released only by
//! a recorded decision that its condition was met (a KPI's success criterion, shown by the
//! measured lift, or the pilot's approval), and spent only once released.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

use crate::error::{Error, Result};
use crate::metrics::ledger::{self, TrancheAmounts};
use crate::model::{
    ConditionCheck, DecisionKind, Kpi, Ledger, Money, Pilot, PilotStatus, SpendInput, Tranche,
    TrancheInput, TrancheLine, TrancheRelease, VoteChoice,
};
use crate::packs::dates::{long_date, long_date_of};
use crate::store::changes::{self, NewChange};
use crate::store::decisions::{self, NewDecision};
use crate::store::tranches::{self as store, NewSpend, TrancheRecord};
use crate::store::{kpis, pilots, steering, Store};

use super::audit::{self, Actor};
use super::design::edit;
use super::pilots::{parse_date, Problems};
use super::timestamp_now;
use super::users::acting_person;

const LABEL_MAX: usize = 80;

/// "The steering group approved…" in the middle of a sentence; quotes and names stay.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

fn condition_text(kpi_id: Option<i64>, kpis: &[Kpi]) -> String {
    match kpi_id {
        None => "Released when the steering group approves the pilot".into(),
        Some(id) => match kpis.iter().find(|k| k.id == id) {
            Some(kpi) => match &kpi.criterion {
                Some(c) => format!("{} meets its success criterion: {}", kpi.name, c.rule),
                None => format!("{} meets its success criterion (not set yet)", kpi.name),
            },
            None => "A KPI that no longer exists".into(),
        },
    }
}

fn tranche_from(record: &TrancheRecord, kpis: &[Kpi]) -> Tranche {
    Tranche {
        id: record.id,
        pilot_id: record.pilot_id,
        position: record.position,
        label: record.label.clone(),
        amount: record.amount,
        kpi_id: record.kpi_id,
        condition: condition_text(record.kpi_id, kpis),
        release: record
            .release_decision_id
            .map(|decision_id| TrancheRelease {
                decision_id,
                at: record.released_at.clone().unwrap_or_default(),
                by: record.released_by.clone().unwrap_or_default(),
            }),
        spent: record.spent,
    }
}

/// Whether the data show a tranche's condition met, today.
pub(crate) fn check_condition(
    conn: &Connection,
    pilot: &Pilot,
    kpi_id: Option<i64>,
    kpis: &[Kpi],
    today: NaiveDate,
) -> Result<ConditionCheck> {
    let Some(kpi_id) = kpi_id else {
        let approval = decisions::for_pilot(conn, pilot.id)?
            .into_iter()
            .rev()
            .find(|d| {
                d.kind == DecisionKind::Approval && d.outcome == VoteChoice::Approve.as_str()
            });
        return Ok(match approval {
            Some(d) => ConditionCheck {
                met: true,
                explanation: format!(
                    "The steering group approved the pilot (decision {}, {})",
                    d.id,
                    long_date_of(&d.decided_at).unwrap_or_default()
                ),
                lift: None,
            },
            None => ConditionCheck {
                met: false,
                explanation: "The steering group has not approved the pilot".into(),
                lift: None,
            },
        });
    };
    let Some(kpi) = kpis.iter().find(|k| k.id == kpi_id) else {
        return Ok(ConditionCheck {
            met: false,
            explanation: "The KPI this tranche depended on no longer exists".into(),
            lift: None,
        });
    };
    let Some(criterion) = &kpi.criterion else {
        return Ok(ConditionCheck {
            met: false,
            explanation: format!("\"{}\" has no success criterion yet", kpi.name),
            lift: None,
        });
    };
    Ok(match super::lift::measure_kpi(conn, pilot, kpi, today) {
        Ok(report) => ConditionCheck {
            met: report.criterion_met,
            explanation: format!(
                "\"{}\": measured improvement {} ({}, {}); criterion: {}; {}",
                kpi.name,
                report.display.improvement,
                match (&report.display.interval, &report.display.test) {
                    (Some(interval), _) => format!("95% interval {interval}"),
                    (None, Some(test)) => test.clone(),
                    (None, None) => "no interval: too few teams".into(),
                },
                report.method.label(),
                criterion.rule,
                if report.criterion_met {
                    "met"
                } else {
                    "not met"
                }
            ),
            lift: Some(report),
        },
        Err(why) => ConditionCheck {
            met: false,
            explanation: format!(
                "\"{}\": the lift cannot be measured yet ({why}); criterion: {}",
                kpi.name, criterion.rule
            ),
            lift: None,
        },
    })
}

/// A pilot's ledger: its tranches with their conditions checked, and the spending.
pub fn ledger(store: &Store, pilot_id: i64, today: NaiveDate) -> Result<Ledger> {
    let conn = store.conn();
    let pilot = pilots::get(conn, pilot_id)?;
    let kpis = kpis::for_pilot(conn, pilot_id)?;
    let records = store::for_pilot(conn, pilot_id)?;
    let purchases = super::skills::catalog::list_purchases(store, Some(pilot_id))?;
    let mut lines = Vec::new();
    for record in &records {
        let tranche = tranche_from(record, &kpis);
        let check = if tranche.release.is_some() {
            ConditionCheck {
                met: true,
                explanation: format!(
                    "Released by decision {}",
                    record.release_decision_id.unwrap_or_default()
                ),
                lift: None,
            }
        } else {
            check_condition(conn, &pilot, record.kpi_id, &kpis, today)?
        };
        lines.push(TrancheLine { tranche, check });
    }
    let totals = ledger::totals(
        pilot.budget,
        &records
            .iter()
            .map(|r| TrancheAmounts {
                amount: r.amount,
                released: r.release_decision_id.is_some(),
                spent: r.spent,
            })
            .collect::<Vec<_>>(),
    );
    Ok(Ledger {
        pilot_id,
        pilot_name: pilot.name.clone(),
        budget: pilot.budget,
        committed: totals.committed,
        released: totals.released,
        spent: totals.spent,
        unallocated: totals.unallocated,
        available: totals.available,
        tranches: lines,
        spend: store::spend_for_pilot(conn, pilot_id)?,
        module_purchases_total: Money(purchases.iter().map(|p| p.total.cents()).sum()),
        module_purchases: purchases,
        plan_editable: matches!(pilot.status, PilotStatus::Draft | PilotStatus::Ready),
        kpis,
    })
}

/// Every pilot's ledger, for the governance budget screen.
pub fn ledgers(store: &Store, today: NaiveDate) -> Result<Vec<Ledger>> {
    pilots::list(store.conn())?
        .iter()
        .map(|p| ledger(store, p.id, today))
        .collect()
}

struct CheckedTranche {
    label: String,
    amount: Money,
    kpi_id: Option<i64>,
}

fn check(
    conn: &Connection,
    pilot_id: i64,
    input: &TrancheInput,
    replacing: Option<i64>,
) -> Result<CheckedTranche> {
    let pilot = pilots::get(conn, pilot_id)?;
    let mut problems = Problems::default();
    let label = problems.required(
        "label",
        &input.label,
        LABEL_MAX,
        "name the tranche, e.g. \"Outcome tranche\"",
    );
    let amount = problems.money("amount", &input.amount);
    if amount == Some(Money(0)) {
        problems.add("amount", "a tranche releases more than nothing");
    }
    let kpis = kpis::for_pilot(conn, pilot_id)?;
    if let Some(id) = input.kpi_id {
        if !kpis.iter().any(|k| k.id == id) {
            problems.add("kpiId", format!("KPI {id} is not one of this pilot's KPIs"));
        }
    }
    if let Some(amount) = amount.filter(|a| a.cents() > 0) {
        let others: i64 = store::for_pilot(conn, pilot_id)?
            .iter()
            .filter(|t| Some(t.id) != replacing)
            .map(|t| t.amount.cents())
            .sum();
        let total = Money(others + amount.cents());
        if total > pilot.budget {
            let currency = crate::store::settings::load(conn)?.currency;
            problems.add(
                "amount",
                format!(
                    "the tranches would add up to {}, more than the pilot's committed budget of {}",
                    total.format_with(&currency),
                    pilot.budget.format_with(&currency)
                ),
            );
        }
    }
    problems.into_result(|| CheckedTranche {
        label,
        amount: amount.unwrap_or_default(),
        kpi_id: input.kpi_id,
    })
}

/// Adds a tranche to the plan; only while the design is open (Draft or Ready).
pub fn add_tranche(
    store: &mut Store,
    pilot_id: i64,
    input: &TrancheInput,
    today: NaiveDate,
) -> Result<i64> {
    let checked = check(store.conn(), pilot_id, input, None)?;
    let kpis = kpis::for_pilot(store.conn(), pilot_id)?;
    let condition = condition_text(checked.kpi_id, &kpis);
    edit(store, pilot_id, today, |tx| {
        let id = store::insert(tx, pilot_id, &checked.label, checked.amount, checked.kpi_id)?;
        Ok((
            id,
            format!(
                "Added the budget tranche \"{}\" ({}): {}",
                checked.label,
                checked.amount.format_plain(),
                condition.to_lowercase()
            ),
        ))
    })
}

pub fn update_tranche(
    store: &mut Store,
    tranche_id: i64,
    input: &TrancheInput,
    today: NaiveDate,
) -> Result<()> {
    let record = store::get(store.conn(), tranche_id)?;
    let checked = check(store.conn(), record.pilot_id, input, Some(tranche_id))?;
    edit(store, record.pilot_id, today, |tx| {
        store::update(
            tx,
            tranche_id,
            &checked.label,
            checked.amount,
            checked.kpi_id,
        )?;
        Ok((
            (),
            format!("Changed the budget tranche \"{}\"", checked.label),
        ))
    })
}

pub fn remove_tranche(store: &mut Store, tranche_id: i64, today: NaiveDate) -> Result<()> {
    let record = store::get(store.conn(), tranche_id)?;
    edit(store, record.pilot_id, today, |tx| {
        store::delete(tx, tranche_id)?;
        Ok((
            (),
            format!("Removed the budget tranche \"{}\"", record.label),
        ))
    })
}

/// Releases a tranche: a steering-group member records the decision that its condition was
/// met. Refused, naming the KPI, the measured lift and the criterion, when the data do not
/// show it met.
pub fn release_tranche(
    store: &mut Store,
    tranche_id: i64,
    note: &str,
    today: NaiveDate,
) -> Result<i64> {
    let person = acting_person(store.conn())?;
    let member = steering::member(store.conn(), &person.id)?.ok_or_else(|| {
        Error::Conflict(format!(
            "{} is not a member of the steering group; only a member can record the decision \
             to release a tranche",
            person.name
        ))
    })?;
    let record = store::get(store.conn(), tranche_id)?;
    if let Some(decision) = record.release_decision_id {
        return Err(Error::Conflict(format!(
            "\"{}\" was already released by decision {decision}",
            record.label
        )));
    }
    let pilot = pilots::get(store.conn(), record.pilot_id)?;
    let kpis = kpis::for_pilot(store.conn(), pilot.id)?;
    let check = check_condition(store.conn(), &pilot, record.kpi_id, &kpis, today)?;
    if !check.met {
        return Err(Error::Conflict(format!(
            "the tranche \"{}\" cannot be released: its condition is not met. {}",
            record.label, check.explanation
        )));
    }
    let currency = crate::store::settings::load(store.conn())?.currency;
    let note = note.trim();
    let summary = format!(
        "Released the tranche \"{}\" of \"{}\" ({}). Its condition is met: {}.{}",
        record.label,
        pilot.name,
        record.amount.format_with(&currency),
        lower_first(&check.explanation),
        if note.is_empty() {
            String::new()
        } else {
            format!(" Note: {note}")
        }
    );
    let evidence = serde_json::to_string(&check).unwrap_or_default();
    let actor = Actor {
        name: person.name.clone(),
        id: Some(person.id.clone()),
    };
    let tx = store.write()?;
    let log_id = audit::record(
        &tx,
        &actor,
        "tranche_release",
        Some(pilot.id),
        &summary,
        json!({
            "trancheId": tranche_id,
            "label": record.label,
            "amountCents": record.amount.cents(),
            "function": member.function.as_str(),
            "condition": check.explanation,
            "note": note,
        }),
    )?;
    let decided_at = timestamp_now();
    let decision_id = decisions::insert(
        &tx,
        &NewDecision {
            pilot_id: pilot.id,
            item_id: None,
            kind: DecisionKind::TrancheRelease,
            outcome: "released",
            summary: &summary,
            decided_at: &decided_at,
            recorded_by: &person.name,
            recorded_by_id: Some(&person.id),
            evidence: &evidence,
            log_id,
        },
    )?;
    store::mark_released(&tx, tranche_id, decision_id)?;
    changes::append(
        &tx,
        &decided_at,
        &NewChange {
            actor: &person.name,
            entity: "pilot",
            entity_id: &pilot.id.to_string(),
            action: "tranche_released",
            summary: &summary,
        },
    )?;
    tx.commit()?;
    Ok(decision_id)
}

/// Records money spent out of a released tranche.
pub fn record_spend(store: &mut Store, tranche_id: i64, input: &SpendInput) -> Result<i64> {
    let record = store::get(store.conn(), tranche_id)?;
    let mut problems = Problems::default();
    let amount = problems.money("amount", &input.amount);
    if amount == Some(Money(0)) {
        problems.add("amount", "enter the amount spent");
    }
    let spent_on = if input.spent_on.trim().is_empty() {
        problems.add("spentOn", "give the date it was spent");
        None
    } else {
        parse_date(&input.spent_on)
            .map_err(|m| problems.add("spentOn", m))
            .ok()
    };
    let description = problems.required(
        "description",
        &input.description,
        200,
        "say what it paid for, e.g. \"Vendor invoice 2027-014\"",
    );
    let (Some(amount), Some(spent_on)) = (amount, spent_on) else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let currency = crate::store::settings::load(store.conn())?.currency;
    let left = ledger::spendable(&TrancheAmounts {
        amount: record.amount,
        released: record.release_decision_id.is_some(),
        spent: record.spent,
    });
    if record.release_decision_id.is_none() {
        return Err(Error::Conflict(format!(
            "\"{}\" has not been released; money is spent only from a released tranche",
            record.label
        )));
    }
    if amount > left {
        return Err(Error::invalid_field(
            "amount",
            format!(
                "only {} of \"{}\" is left to spend",
                left.format_with(&currency),
                record.label
            ),
        ));
    }
    let actor = crate::store::settings::load(store.conn())?.current_user;
    let now = timestamp_now();
    let tx = store.write()?;
    let id = store::insert_spend(
        &tx,
        &NewSpend {
            tranche_id,
            spent_on,
            amount,
            description: &description,
            recorded_at: &now,
            recorded_by: &actor,
        },
    )?;
    changes::append(
        &tx,
        &now,
        &NewChange {
            actor: &actor,
            entity: "pilot",
            entity_id: &record.pilot_id.to_string(),
            action: "spend_recorded",
            summary: &format!(
                "Spent {} from \"{}\" on {}: {description}",
                amount.format_with(&currency),
                record.label,
                long_date(spent_on)
            ),
        },
    )?;
    tx.commit()?;
    Ok(id)
}
