//! The pilot designer: loading a pilot's whole design and editing it. Every edit runs in
//! one transaction with its change record; a Ready pilot that an edit leaves with Step 1
//! incomplete goes back to Draft, recorded like any other transition.

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use crate::error::{Error, Result};
use crate::metrics::budget::{estimate, Headcount};
use crate::model::{Arm, BasicsInput, ChecklistMark, Money, PilotDesign, PilotStatus};
use crate::store::changes::{self, NewChange};
use crate::store::kpis::KpiRecord;
use crate::store::playbooks::TaskRecord;
use crate::store::{
    budget, checklist, cohort, evidence, kpis, pilots, playbooks, settings, transitions, Store,
};

use super::lifecycle::transition_in;
use super::readiness::{self, ReadinessInput};
use super::templates::Template;
use super::timestamp_now;

fn criteria_locked(status: PilotStatus) -> bool {
    matches!(
        status,
        PilotStatus::Approved
            | PilotStatus::Running
            | PilotStatus::Day45Review
            | PilotStatus::Day90Outcome
            | PilotStatus::Scaled
            | PilotStatus::Iterating
            | PilotStatus::Stopped
    )
}

fn editable(status: PilotStatus) -> bool {
    matches!(status, PilotStatus::Draft | PilotStatus::Ready)
}

/// Loads everything about a pilot's design through any connection or transaction.
pub(crate) fn load_design_in(
    conn: &Connection,
    pilot_id: i64,
    today: NaiveDate,
) -> Result<PilotDesign> {
    let pilot = pilots::get(conn, pilot_id)?;
    let workflows = playbooks::workflows_for(conn, pilot_id)?;
    let kpis = kpis::for_pilot(conn, pilot_id)?;
    let cohort = cohort::load(conn, pilot_id)?;
    let budget_lines = budget::lines_for(conn, pilot_id)?;
    let time_costs = budget::time_for(conn, pilot_id)?;
    let marks = checklist::marks_for(conn, pilot_id)?;
    let transitions = transitions::for_pilot(conn, pilot_id)?;
    let evidence = evidence::for_pilot(conn, pilot_id, pilot.start_date, today)?;
    let currency = settings::load(conn)?.currency;

    let pilot_arm = cohort.members.iter().filter(|m| m.arm == Arm::Pilot);
    let headcount = Headcount {
        managers: pilot_arm.clone().count() as u32,
        coachees: pilot_arm.map(|m| m.team_size).sum(),
    };
    let purchase_lines = super::skills::catalog::budget_lines(conn, pilot_id)?;
    let all_lines: Vec<_> = budget_lines
        .iter()
        .chain(&purchase_lines)
        .cloned()
        .collect();
    let skills = super::skills::catalog::readiness_facts(conn, pilot_id, today)?;
    let estimate = estimate(&all_lines, &time_costs, headcount, pilot.budget, &currency);
    let mdes = super::analytics::kpi_mdes(conn, pilot_id, today)?;
    let check_ins = check_in_facts(conn, &cohort, today)?;
    let agenda_contexts: Vec<_> = crate::store::agenda::settings::load(conn)?
        .contexts
        .into_iter()
        .filter(|rule| rule.allowed)
        .map(|rule| rule.context)
        .collect();
    let coaches = super::coaches::readiness_facts(conn, &cohort, today)?;
    let readiness = readiness::evaluate(&ReadinessInput {
        pilot: &pilot,
        workflows: &workflows,
        kpis: &kpis,
        cohort: &cohort,
        budget_lines: &all_lines,
        marks: &marks,
        transitions: &transitions,
        evidence: &evidence,
        mdes: &mdes,
        currency: &currency,
        today,
        skills: &skills,
        check_ins: &check_ins,
        agenda_contexts: &agenda_contexts,
        coaches: &coaches,
    });
    Ok(PilotDesign {
        mdes,
        criteria_locked: criteria_locked(pilot.status),
        editable: editable(pilot.status),
        next_statuses: super::lifecycle::manual_next_statuses(pilot.status),
        feedback: super::review::feedback(conn, &pilot)?,
        pilot,
        workflows,
        kpis,
        cohort,
        budget_lines,
        purchase_lines,
        time_costs,
        estimate,
        marks,
        readiness,
        transitions,
    })
}

/// How many people in the pilot's teams (the direct reports of its pilot-arm managers) are
/// flagged today for async coaching without a live check-in.
fn check_in_facts(
    conn: &Connection,
    cohort: &crate::model::Cohort,
    today: NaiveDate,
) -> Result<readiness::CheckInFacts> {
    let managers: std::collections::BTreeSet<&str> = cohort
        .members
        .iter()
        .filter(|m| m.arm == Arm::Pilot)
        .map(|m| m.manager_id.as_str())
        .collect();
    let flagged = super::portfolio::check_ins::flags_in(conn, None, today)?
        .into_iter()
        .filter(|f| {
            f.manager_id
                .as_deref()
                .is_some_and(|m| managers.contains(m))
        })
        .count() as u32;
    Ok(readiness::CheckInFacts {
        weeks: super::portfolio::check_ins::weeks_in(conn)?,
        flagged,
    })
}

pub fn load_design(store: &Store, pilot_id: i64, today: NaiveDate) -> Result<PilotDesign> {
    load_design_in(store.conn(), pilot_id, today)
}

pub fn readiness(
    store: &Store,
    pilot_id: i64,
    today: NaiveDate,
) -> Result<crate::model::Readiness> {
    Ok(load_design(store, pilot_id, today)?.readiness)
}

/// Refuses to edit a pilot that has left Draft and Ready.
fn ensure_editable(name: &str, status: PilotStatus) -> Result<()> {
    if editable(status) {
        return Ok(());
    }
    let why = if criteria_locked(status) {
        "its design was locked when it was approved"
    } else if status == PilotStatus::Submitted {
        "it is with the steering group; withdraw it to Draft to change it"
    } else {
        "its design can change only in Draft or Ready"
    };
    Err(Error::Conflict(format!(
        "\"{name}\" is {}: {why}",
        status.label().to_lowercase()
    )))
}

/// Runs one design edit: checks the pilot may be edited, applies the change, records it and
/// sends a Ready pilot back to Draft if Step 1 is no longer complete.
pub(crate) fn edit<T>(
    store: &mut Store,
    pilot_id: i64,
    today: NaiveDate,
    apply: impl FnOnce(&Transaction) -> Result<(T, String)>,
) -> Result<T> {
    let actor = settings::load(store.conn())?.current_user;
    let tx = store.write()?;
    let pilot = pilots::get(&tx, pilot_id)?;
    ensure_editable(&pilot.name, pilot.status)?;
    let (value, summary) = apply(&tx)?;
    let now = timestamp_now();
    pilots::touch(&tx, pilot_id, &now)?;
    changes::append(
        &tx,
        &now,
        &NewChange {
            actor: &actor,
            entity: "pilot",
            entity_id: &pilot_id.to_string(),
            action: "design_changed",
            summary: &summary,
        },
    )?;
    if pilot.status == PilotStatus::Ready {
        let readiness = load_design_in(&tx, pilot_id, today)?.readiness;
        if !readiness.step1_complete {
            let missing: Vec<String> = readiness
                .blocking()
                .iter()
                .map(|i| i.title.to_lowercase())
                .collect();
            transition_in(
                &tx,
                pilot_id,
                PilotStatus::Draft,
                &format!("Step 1 is no longer complete ({})", missing.join("; ")),
                &actor,
                today,
            )?;
        }
    }
    tx.commit()?;
    Ok(value)
}

pub fn update_basics(
    store: &mut Store,
    pilot_id: i64,
    input: &BasicsInput,
    today: NaiveDate,
) -> Result<()> {
    let checked = super::pilots::check_basics_input(store.conn(), pilot_id, input)?;
    edit(store, pilot_id, today, |tx| {
        pilots::update_basics(tx, pilot_id, &checked.record(), &timestamp_now())?;
        Ok(((), "Updated the pilot's basics".into()))
    })
}

/// Adds a built-in template's workflow, its playbook and the KPIs it names (those the pilot
/// does not have yet, up to three).
pub(crate) fn clone_template(tx: &Transaction, pilot_id: i64, template: &Template) -> Result<i64> {
    let mut existing = kpis::for_pilot(tx, pilot_id)?;
    for kpi in template.kpis {
        if existing
            .iter()
            .any(|k| k.name.eq_ignore_ascii_case(kpi.name))
            || existing.len() >= 3
        {
            continue;
        }
        kpis::insert(
            tx,
            pilot_id,
            &KpiRecord {
                name: kpi.name,
                unit: kpi.unit,
                direction: kpi.direction,
                value_per_unit: kpi.value_per_unit.map(Money),
                data_source: kpi.data_source,
                baseline: None,
                target_lift: None,
                interval_above_zero: true,
            },
        )?;
        existing = kpis::for_pilot(tx, pilot_id)?;
    }
    let workflow_id =
        playbooks::insert_workflow(tx, pilot_id, template.workflow, Some(template.key))?;
    for task in template.tasks {
        let moments: Vec<crate::model::CoachingMoment> = task
            .moments
            .iter()
            .map(|m| crate::model::CoachingMoment {
                prompt: m.prompt.into(),
                per_week: m.per_week,
                minutes: m.minutes,
            })
            .collect();
        let kpi_id = existing.iter().find(|k| k.name == task.kpi).map(|k| k.id);
        playbooks::insert_task(
            tx,
            workflow_id,
            &TaskRecord {
                behaviour: task.behaviour,
                moments: &moments,
                competency: task.competency,
                skill_module: task.skill_module,
                kpi_id,
            },
        )?;
    }
    Ok(workflow_id)
}

/// Waives a checklist item with a reason, or confirms by hand an item the data cannot show.
pub fn mark_item(
    store: &mut Store,
    pilot_id: i64,
    item: &str,
    kind: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<()> {
    let Some(&(step, key, title, by_hand)) = readiness::item(item) else {
        return Err(Error::invalid_field(
            "item",
            format!(
                "there is no checklist item \"{item}\"; items are {}",
                readiness::ITEMS
                    .iter()
                    .map(|i| i.1)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    };
    if !matches!(kind, "waived" | "confirmed") {
        return Err(Error::invalid_field("kind", "choose waived or confirmed"));
    }
    if kind == "confirmed" && !by_hand {
        return Err(Error::invalid_field(
            "kind",
            format!("\"{title}\" is read from the data; it can be waived, not confirmed by hand"),
        ));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid_field(
            "reason",
            if kind == "waived" {
                "a waiver needs a recorded reason"
            } else {
                "say what was done, e.g. where the dashboard is published"
            },
        ));
    }
    if kind == "waived" {
        let current = readiness(store, pilot_id, today)?;
        if current
            .items()
            .any(|i| i.key == key && i.status == crate::model::ItemStatus::Met)
        {
            return Err(Error::Conflict(format!(
                "\"{title}\" is met; only an unmet item needs a waiver"
            )));
        }
    }
    let actor = settings::load(store.conn())?.current_user;
    let apply = |tx: &Transaction| -> Result<((), String)> {
        checklist::set(
            tx,
            pilot_id,
            &ChecklistMark {
                item: key.into(),
                kind: kind.into(),
                reason: reason.into(),
                by: actor.clone(),
                at: timestamp_now(),
            },
        )?;
        let verb = if kind == "waived" {
            "Waived"
        } else {
            "Confirmed"
        };
        Ok(((), format!("{verb} \"{title}\": {reason}")))
    };
    if step == 1 {
        edit(store, pilot_id, today, apply)
    } else {
        record_outside_design(store, pilot_id, &actor, apply)
    }
}

/// Removes a waiver or confirmation.
pub fn clear_mark(store: &mut Store, pilot_id: i64, item: &str, today: NaiveDate) -> Result<()> {
    let Some(&(step, key, title, _)) = readiness::item(item) else {
        return Err(Error::invalid_field(
            "item",
            format!("there is no checklist item \"{item}\""),
        ));
    };
    let actor = settings::load(store.conn())?.current_user;
    let apply = |tx: &Transaction| -> Result<((), String)> {
        if !checklist::clear(tx, pilot_id, key)? {
            return Err(Error::Conflict(format!(
                "\"{title}\" is neither waived nor confirmed"
            )));
        }
        Ok((
            (),
            format!("Withdrew the waiver or confirmation of \"{title}\""),
        ))
    };
    if step == 1 {
        edit(store, pilot_id, today, apply)
    } else {
        record_outside_design(store, pilot_id, &actor, apply)
    }
}

/// Step 2 and 3 marks are made while the pilot runs, when its design is no longer open.
fn record_outside_design(
    store: &mut Store,
    pilot_id: i64,
    actor: &str,
    apply: impl FnOnce(&Transaction) -> Result<((), String)>,
) -> Result<()> {
    let tx = store.write()?;
    pilots::get(&tx, pilot_id)?;
    let ((), summary) = apply(&tx)?;
    changes::append(
        &tx,
        &timestamp_now(),
        &NewChange {
            actor,
            entity: "pilot",
            entity_id: &pilot_id.to_string(),
            action: "checklist",
            summary: &summary,
        },
    )?;
    tx.commit()?;
    Ok(())
}
