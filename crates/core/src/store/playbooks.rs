use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Error, Result};
use crate::model::{CoachingMoment, PlaybookTask, Workflow};

pub struct TaskRecord<'a> {
    pub behaviour: &'a str,
    pub moments: &'a [CoachingMoment],
    pub competency: &'a str,
    pub skill_module: &'a str,
    pub kpi_id: Option<i64>,
}

fn moments_json(moments: &[CoachingMoment]) -> String {
    serde_json::to_string(moments).unwrap_or_else(|_| "[]".into())
}

pub fn workflows_for(conn: &Connection, pilot_id: i64) -> Result<Vec<Workflow>> {
    let mut statement = conn.prepare(
        "SELECT id, position, name, template FROM pilot_workflows WHERE pilot_id = ?1 ORDER BY position",
    )?;
    let rows = statement.query_map([pilot_id], |row| {
        Ok(Workflow {
            id: row.get(0)?,
            position: row.get(1)?,
            name: row.get(2)?,
            template: row.get(3)?,
            tasks: Vec::new(),
        })
    })?;
    let mut workflows: Vec<Workflow> = rows.collect::<Result<_, _>>()?;
    let mut tasks = conn.prepare(
        "SELECT id, workflow_id, position, behaviour, moments, competency, skill_module, kpi_id
         FROM playbook_tasks WHERE workflow_id = ?1 ORDER BY position",
    )?;
    for workflow in &mut workflows {
        let rows = tasks.query_map([workflow.id], |row| {
            let moments: String = row.get(4)?;
            Ok(PlaybookTask {
                id: row.get(0)?,
                workflow_id: row.get(1)?,
                position: row.get(2)?,
                behaviour: row.get(3)?,
                moments: serde_json::from_str(&moments).unwrap_or_default(),
                competency: row.get(5)?,
                skill_module: row.get(6)?,
                kpi_id: row.get(7)?,
            })
        })?;
        workflow.tasks = rows.collect::<Result<_, _>>()?;
    }
    Ok(workflows)
}

pub fn insert_workflow(
    tx: &Transaction,
    pilot_id: i64,
    name: &str,
    template: Option<&str>,
) -> Result<i64> {
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position) + 1, 0) FROM pilot_workflows WHERE pilot_id = ?1",
        [pilot_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO pilot_workflows (pilot_id, position, name, template) VALUES (?1, ?2, ?3, ?4)",
        params![pilot_id, position, name, template],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn rename_workflow(tx: &Transaction, workflow_id: i64, name: &str) -> Result<()> {
    tx.execute(
        "UPDATE pilot_workflows SET name = ?2 WHERE id = ?1",
        params![workflow_id, name],
    )?;
    Ok(())
}

pub fn delete_workflow(tx: &Transaction, workflow_id: i64) -> Result<()> {
    tx.execute("DELETE FROM pilot_workflows WHERE id = ?1", [workflow_id])?;
    Ok(())
}

/// The pilot a workflow belongs to.
pub fn pilot_of_workflow(conn: &Connection, workflow_id: i64) -> Result<i64> {
    conn.query_row(
        "SELECT pilot_id FROM pilot_workflows WHERE id = ?1",
        [workflow_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "workflow",
        id: workflow_id.to_string(),
    })
}

/// The workflow and pilot a task belongs to.
pub fn owner_of_task(conn: &Connection, task_id: i64) -> Result<(i64, i64)> {
    conn.query_row(
        "SELECT t.workflow_id, w.pilot_id FROM playbook_tasks t
         JOIN pilot_workflows w ON w.id = t.workflow_id WHERE t.id = ?1",
        [task_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "playbook task",
        id: task_id.to_string(),
    })
}

pub fn insert_task(tx: &Transaction, workflow_id: i64, task: &TaskRecord) -> Result<i64> {
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position) + 1, 0) FROM playbook_tasks WHERE workflow_id = ?1",
        [workflow_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO playbook_tasks (workflow_id, position, behaviour, moments, competency,
                                     skill_module, kpi_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            workflow_id,
            position,
            task.behaviour,
            moments_json(task.moments),
            task.competency,
            task.skill_module,
            task.kpi_id
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update_task(tx: &Transaction, task_id: i64, task: &TaskRecord) -> Result<()> {
    tx.execute(
        "UPDATE playbook_tasks SET behaviour = ?2, moments = ?3, competency = ?4,
             skill_module = ?5, kpi_id = ?6 WHERE id = ?1",
        params![
            task_id,
            task.behaviour,
            moments_json(task.moments),
            task.competency,
            task.skill_module,
            task.kpi_id
        ],
    )?;
    Ok(())
}

pub fn delete_task(tx: &Transaction, task_id: i64) -> Result<()> {
    tx.execute("DELETE FROM playbook_tasks WHERE id = ?1", [task_id])?;
    Ok(())
}
