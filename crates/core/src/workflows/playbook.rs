//! Editing workflows and their micro-coaching playbooks.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::model::{CoachingMoment, TaskInput, TemplateSummary};
use crate::store::playbooks::{self, TaskRecord};
use crate::store::{kpis, Store};

use super::design::{clone_template, edit};
use super::pilots::{check_workflow_names, Problems};
use super::templates;

pub const TASKS_MAX: usize = 4;
const MOMENTS_MAX: usize = 3;
/// Micro-coaching moments are short by design.
pub const MOMENT_MINUTES: std::ops::RangeInclusive<u32> = 5..=15;

pub fn list_templates() -> Vec<TemplateSummary> {
    templates::summaries()
}

fn workflow_names(conn: &Connection, pilot_id: i64) -> Result<Vec<String>> {
    Ok(playbooks::workflows_for(conn, pilot_id)?
        .into_iter()
        .map(|w| w.name)
        .collect())
}

pub fn add_workflow(store: &mut Store, pilot_id: i64, name: &str, today: NaiveDate) -> Result<i64> {
    let name = name.trim().to_string();
    let mut names = workflow_names(store.conn(), pilot_id)?;
    names.push(name.clone());
    let mut problems = Problems::default();
    if name.is_empty() {
        problems.add("workflows", "name the workflow, e.g. Customer escalation");
    }
    check_workflow_names(&mut problems, &names);
    problems.into_result(|| ())?;
    edit(store, pilot_id, today, |tx| {
        let id = playbooks::insert_workflow(tx, pilot_id, &name, None)?;
        Ok((id, format!("Added the workflow \"{name}\"")))
    })
}

pub fn apply_template(
    store: &mut Store,
    pilot_id: i64,
    key: &str,
    today: NaiveDate,
) -> Result<i64> {
    let template = templates::find(key.trim()).ok_or_else(|| {
        Error::invalid_field(
            "template",
            format!("there is no template \"{}\"", key.trim()),
        )
    })?;
    let mut names = workflow_names(store.conn(), pilot_id)?;
    names.push(template.workflow.into());
    let mut problems = Problems::default();
    check_workflow_names(&mut problems, &names);
    problems.into_result(|| ())?;
    edit(store, pilot_id, today, |tx| {
        let id = clone_template(tx, pilot_id, template)?;
        Ok((
            id,
            format!(
                "Added the \"{}\" playbook from its template",
                template.workflow
            ),
        ))
    })
}

pub fn rename_workflow(
    store: &mut Store,
    workflow_id: i64,
    name: &str,
    today: NaiveDate,
) -> Result<()> {
    let pilot_id = playbooks::pilot_of_workflow(store.conn(), workflow_id)?;
    let name = name.trim().to_string();
    let workflows = playbooks::workflows_for(store.conn(), pilot_id)?;
    let names: Vec<String> = workflows
        .iter()
        .map(|w| {
            if w.id == workflow_id {
                name.clone()
            } else {
                w.name.clone()
            }
        })
        .collect();
    let mut problems = Problems::default();
    if name.is_empty() {
        problems.add("workflows", "name the workflow");
    }
    check_workflow_names(&mut problems, &names);
    problems.into_result(|| ())?;
    edit(store, pilot_id, today, |tx| {
        playbooks::rename_workflow(tx, workflow_id, &name)?;
        Ok(((), format!("Renamed a workflow to \"{name}\"")))
    })
}

pub fn remove_workflow(store: &mut Store, workflow_id: i64, today: NaiveDate) -> Result<()> {
    let pilot_id = playbooks::pilot_of_workflow(store.conn(), workflow_id)?;
    let workflows = playbooks::workflows_for(store.conn(), pilot_id)?;
    if workflows.len() <= 1 {
        return Err(Error::Conflict(
            "a pilot keeps at least one workflow".into(),
        ));
    }
    let name = workflows
        .iter()
        .find(|w| w.id == workflow_id)
        .map(|w| w.name.clone())
        .unwrap_or_default();
    edit(store, pilot_id, today, |tx| {
        playbooks::delete_workflow(tx, workflow_id)?;
        Ok((
            (),
            format!("Removed the workflow \"{name}\" and its playbook"),
        ))
    })
}

/// Checks a task as typed; every problem is reported against its field (`moments.1.minutes`).
fn check_task(
    conn: &Connection,
    pilot_id: i64,
    input: &TaskInput,
) -> Result<(String, Vec<CoachingMoment>, String, String)> {
    let mut problems = Problems::default();
    let behaviour = problems.required(
        "behaviour",
        &input.behaviour,
        200,
        "name the behaviour to coach",
    );
    if input.moments.is_empty() {
        problems.add("moments", "add at least one coaching moment");
    } else if input.moments.len() > MOMENTS_MAX {
        problems.add(
            "moments",
            format!("keep to {MOMENTS_MAX} coaching moments or fewer"),
        );
    }
    let mut moments = Vec::new();
    for (index, moment) in input.moments.iter().enumerate() {
        let field = |name: &str| format!("moments.{index}.{name}");
        let prompt = problems.required(
            &field("prompt"),
            &moment.prompt,
            400,
            "write the prompt the manager uses",
        );
        let per_week = match moment.per_week.trim().parse::<u32>() {
            Ok(n) if (1..=7).contains(&n) => Some(n),
            _ => {
                problems.add(&field("perWeek"), "say how many times a week, from 1 to 7");
                None
            }
        };
        let minutes = match moment.minutes.trim().parse::<u32>() {
            Ok(n) if MOMENT_MINUTES.contains(&n) => Some(n),
            _ => {
                problems.add(
                    &field("minutes"),
                    "a micro-coaching moment takes 5 to 15 minutes",
                );
                None
            }
        };
        if let (Some(per_week), Some(minutes)) = (per_week, minutes) {
            moments.push(CoachingMoment {
                prompt,
                per_week,
                minutes,
            });
        }
    }
    let competency = input.competency.trim().to_string();
    problems.limit("competency", &competency, 120);
    let skill_module = input.skill_module.trim().to_string();
    problems.limit("skillModule", &skill_module, 160);
    if let Some(kpi_id) = input.kpi_id {
        match kpis::pilot_of(conn, kpi_id) {
            Ok(owner) if owner == pilot_id => {}
            _ => problems.add("kpiId", "choose one of this pilot's KPIs"),
        }
    }
    problems.into_result(|| (behaviour, moments, competency, skill_module))
}

pub fn add_task(
    store: &mut Store,
    workflow_id: i64,
    input: &TaskInput,
    today: NaiveDate,
) -> Result<i64> {
    let pilot_id = playbooks::pilot_of_workflow(store.conn(), workflow_id)?;
    let workflow = playbooks::workflows_for(store.conn(), pilot_id)?
        .into_iter()
        .find(|w| w.id == workflow_id)
        .ok_or(Error::NotFound {
            entity: "workflow",
            id: workflow_id.to_string(),
        })?;
    if workflow.tasks.len() >= TASKS_MAX {
        return Err(Error::Conflict(format!(
            "the \"{}\" playbook already has {TASKS_MAX} tasks; a playbook holds 3 or 4",
            workflow.name
        )));
    }
    let (behaviour, moments, competency, skill_module) = check_task(store.conn(), pilot_id, input)?;
    edit(store, pilot_id, today, |tx| {
        let id = playbooks::insert_task(
            tx,
            workflow_id,
            &TaskRecord {
                behaviour: &behaviour,
                moments: &moments,
                competency: &competency,
                skill_module: &skill_module,
                kpi_id: input.kpi_id,
            },
        )?;
        Ok((
            id,
            format!("Added the task \"{behaviour}\" to \"{}\"", workflow.name),
        ))
    })
}

pub fn update_task(
    store: &mut Store,
    task_id: i64,
    input: &TaskInput,
    today: NaiveDate,
) -> Result<()> {
    let (_, pilot_id) = playbooks::owner_of_task(store.conn(), task_id)?;
    let (behaviour, moments, competency, skill_module) = check_task(store.conn(), pilot_id, input)?;
    edit(store, pilot_id, today, |tx| {
        playbooks::update_task(
            tx,
            task_id,
            &TaskRecord {
                behaviour: &behaviour,
                moments: &moments,
                competency: &competency,
                skill_module: &skill_module,
                kpi_id: input.kpi_id,
            },
        )?;
        Ok(((), format!("Edited the task \"{behaviour}\"")))
    })
}

pub fn remove_task(store: &mut Store, task_id: i64, today: NaiveDate) -> Result<()> {
    let (_, pilot_id) = playbooks::owner_of_task(store.conn(), task_id)?;
    edit(store, pilot_id, today, |tx| {
        playbooks::delete_task(tx, task_id)?;
        Ok(((), "Removed a playbook task".into()))
    })
}
