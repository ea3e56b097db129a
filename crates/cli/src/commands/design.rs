//! The designer's operations: workflows, playbook tasks, KPIs, cohort, budget and the
//! checklist's waivers and confirmations.

use std::path::PathBuf;

use clap::Subcommand;
use pilotdesk_core::model::{BudgetInput, CohortInput, KpiInput, MomentInput, TaskInput};
use pilotdesk_core::workflows::{budget, cohort, design, kpis, playbook};
use pilotdesk_core::{Error, Result, Store};

use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum DesignCommand {
    /// Add a workflow: typed (empty playbook) or cloned from a template.
    WorkflowAdd {
        pilot: i64,
        #[arg(
            long,
            conflicts_with = "template",
            required_unless_present = "template"
        )]
        name: Option<String>,
        #[arg(long)]
        template: Option<String>,
    },
    /// Rename a workflow (its playbook stays).
    WorkflowRename {
        workflow: i64,
        #[arg(long)]
        name: String,
    },
    /// Remove a workflow and its playbook.
    WorkflowRemove { workflow: i64 },
    /// Add a playbook task to a workflow.
    TaskAdd {
        workflow: i64,
        #[command(flatten)]
        task: TaskArgs,
    },
    /// Edit a playbook task; fields left out keep their value.
    TaskEdit {
        task: i64,
        #[command(flatten)]
        task_args: TaskArgs,
    },
    /// Remove a playbook task.
    TaskRemove { task: i64 },
    /// Add a KPI, or change one with --kpi-id.
    KpiSet {
        pilot: i64,
        #[command(flatten)]
        kpi: KpiArgs,
    },
    /// Remove a KPI; tasks that moved it keep their other links.
    KpiRemove { kpi: i64 },
    /// Choose the pilot's managers (or teams) and comparison design.
    Cohort {
        pilot: i64,
        /// randomised_waitlist, matched_teams, staggered_waves, hand_picked or none.
        #[arg(long)]
        design: String,
        /// A manager's employee id; repeat for each.
        #[arg(long = "manager", value_name = "ID")]
        managers: Vec<String>,
        /// For hand_picked: a team whose managers join the pilot arm; repeat for each.
        #[arg(long = "pilot-team", value_name = "NAME")]
        pilot_teams: Vec<String>,
        /// For hand_picked: a team whose managers join the comparison arm; repeat for each.
        #[arg(long = "comparison-team", value_name = "NAME")]
        comparison_teams: Vec<String>,
        /// Reuse a recorded seed to reproduce a random draw.
        #[arg(long, default_value = "")]
        seed: String,
    },
    /// Replace the budget with a JSON file: {"lines": [...], "time": {...}}.
    Budget {
        pilot: i64,
        #[arg(long, value_name = "FILE.json")]
        file: PathBuf,
    },
    /// Waive a checklist item with a recorded reason.
    Waive {
        pilot: i64,
        item: String,
        #[arg(long)]
        reason: String,
    },
    /// Confirm by hand a checklist item the data cannot show.
    Confirm {
        pilot: i64,
        item: String,
        #[arg(long)]
        note: String,
    },
    /// Withdraw a waiver or confirmation.
    Unmark { pilot: i64, item: String },
}

#[derive(clap::Args)]
pub struct TaskArgs {
    #[arg(long)]
    behaviour: Option<String>,
    /// A coaching moment as "prompt|times a week|minutes"; repeat for each.
    #[arg(long = "moment", value_name = "PROMPT|PER_WEEK|MINUTES")]
    moments: Vec<String>,
    #[arg(long)]
    competency: Option<String>,
    #[arg(long)]
    module: Option<String>,
    /// The id of the KPI it moves; 0 for none.
    #[arg(long)]
    kpi: Option<i64>,
}

#[derive(clap::Args)]
pub struct KpiArgs {
    #[arg(long)]
    kpi_id: Option<i64>,
    #[arg(long)]
    name: String,
    #[arg(long)]
    unit: String,
    /// higher or lower (is better).
    #[arg(long)]
    direction: String,
    #[arg(long, default_value = "")]
    value_per_unit: String,
    #[arg(long, default_value = "")]
    source: String,
    #[arg(long, default_value = "")]
    baseline_start: String,
    #[arg(long, default_value = "")]
    baseline_end: String,
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    baseline: String,
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    target_lift: String,
    /// Success does not also require the 95% interval to exclude zero.
    #[arg(long)]
    no_interval: bool,
}

impl KpiArgs {
    pub fn input(self) -> KpiInput {
        KpiInput {
            id: self.kpi_id,
            name: self.name,
            unit: self.unit,
            direction: self.direction,
            value_per_unit: self.value_per_unit,
            data_source: self.source,
            baseline_start: self.baseline_start,
            baseline_end: self.baseline_end,
            baseline_value: self.baseline,
            target_lift: self.target_lift,
            interval_above_zero: !self.no_interval,
        }
    }
}

fn moment(text: &str) -> MomentInput {
    let mut parts = text.rsplitn(3, '|');
    let minutes = parts.next().unwrap_or_default();
    let per_week = parts.next().unwrap_or_default();
    let prompt = parts.next().unwrap_or_default();
    MomentInput {
        prompt: prompt.into(),
        per_week: per_week.into(),
        minutes: minutes.into(),
    }
}

fn task_input(args: TaskArgs, base: Option<TaskInput>) -> TaskInput {
    let base = base.unwrap_or_default();
    TaskInput {
        behaviour: args.behaviour.unwrap_or(base.behaviour),
        moments: if args.moments.is_empty() {
            base.moments
        } else {
            args.moments.iter().map(|m| moment(m)).collect()
        },
        competency: args.competency.unwrap_or(base.competency),
        skill_module: args.module.unwrap_or(base.skill_module),
        kpi_id: match args.kpi {
            Some(0) => None,
            Some(id) => Some(id),
            None => base.kpi_id,
        },
    }
}

/// The task as it stands, in the form an edit starts from.
fn current_task(store: &Store, task_id: i64, context: &Context) -> Result<TaskInput> {
    let pilot_id = pilotdesk_core::store::playbooks::owner_of_task(store.conn(), task_id)?.1;
    let design = design::load_design(store, pilot_id, context.today)?;
    let task = design
        .workflows
        .iter()
        .flat_map(|w| &w.tasks)
        .find(|t| t.id == task_id)
        .ok_or(Error::NotFound {
            entity: "playbook task",
            id: task_id.to_string(),
        })?;
    Ok(TaskInput {
        behaviour: task.behaviour.clone(),
        moments: task
            .moments
            .iter()
            .map(|m| MomentInput {
                prompt: m.prompt.clone(),
                per_week: m.per_week.to_string(),
                minutes: m.minutes.to_string(),
            })
            .collect(),
        competency: task.competency.clone(),
        skill_module: task.skill_module.clone(),
        kpi_id: task.kpi_id,
    })
}

pub fn run(command: DesignCommand, store: &mut Store, context: &Context) -> Result<()> {
    let today = context.today;
    match command {
        DesignCommand::WorkflowAdd {
            pilot,
            name,
            template,
        } => {
            let id = match template {
                Some(key) => playbook::apply_template(store, pilot, &key, today)?,
                None => playbook::add_workflow(
                    store,
                    pilot,
                    name.as_deref().unwrap_or_default(),
                    today,
                )?,
            };
            outln!("Added workflow {id}.");
        }
        DesignCommand::WorkflowRename { workflow, name } => {
            playbook::rename_workflow(store, workflow, &name, today)?;
            outln!("Renamed workflow {workflow}.");
        }
        DesignCommand::WorkflowRemove { workflow } => {
            playbook::remove_workflow(store, workflow, today)?;
            outln!("Removed workflow {workflow}.");
        }
        DesignCommand::TaskAdd { workflow, task } => {
            let id = playbook::add_task(store, workflow, &task_input(task, None), today)?;
            outln!("Added task {id}.");
        }
        DesignCommand::TaskEdit { task, task_args } => {
            let base = current_task(store, task, context)?;
            playbook::update_task(store, task, &task_input(task_args, Some(base)), today)?;
            outln!("Edited task {task}.");
        }
        DesignCommand::TaskRemove { task } => {
            playbook::remove_task(store, task, today)?;
            outln!("Removed task {task}.");
        }
        DesignCommand::KpiSet { pilot, kpi } => {
            let id = kpis::save_kpi(store, pilot, &kpi.input(), today)?;
            outln!("Saved KPI {id}.");
        }
        DesignCommand::KpiRemove { kpi } => {
            kpis::remove_kpi(store, kpi, today)?;
            outln!("Removed KPI {kpi}.");
        }
        DesignCommand::Cohort {
            pilot,
            design: chosen,
            managers,
            seed,
            pilot_teams,
            comparison_teams,
        } => {
            cohort::set_cohort(
                store,
                pilot,
                &CohortInput {
                    design: chosen,
                    manager_ids: managers,
                    seed,
                    pilot_teams,
                    comparison_teams,
                },
                today,
            )?;
            let cohort = design::load_design(store, pilot, today)?.cohort;
            output::cohort_text(&cohort);
        }
        DesignCommand::Budget { pilot, file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let input: BudgetInput = serde_json::from_str(&text).map_err(|e| {
                Error::invalid(vec![pilotdesk_core::ErrorDetail {
                    field: None,
                    file: Some(file.display().to_string()),
                    line: Some(e.line() as u32),
                    column: Some(e.column() as u32),
                    message: format!("not a budget: {e}"),
                }])
            })?;
            budget::set_budget(store, pilot, &input, today)?;
            let estimate = design::load_design(store, pilot, today)?.estimate;
            outln!(
                "Updated the budget: fully loaded estimate {}.",
                estimate.total.format_plain()
            );
        }
        DesignCommand::Waive {
            pilot,
            item,
            reason,
        } => {
            design::mark_item(store, pilot, &item, "waived", &reason, today)?;
            outln!("Waived {item}.");
        }
        DesignCommand::Confirm { pilot, item, note } => {
            design::mark_item(store, pilot, &item, "confirmed", &note, today)?;
            outln!("Confirmed {item}.");
        }
        DesignCommand::Unmark { pilot, item } => {
            design::clear_mark(store, pilot, &item, today)?;
            outln!("Withdrew the mark on {item}.");
        }
    }
    Ok(())
}

pub fn readiness(store: &Store, id: i64, json: bool, context: &Context) -> Result<()> {
    let readiness = design::readiness(store, id, context.today)?;
    if json {
        output::json(&readiness);
    } else {
        output::readiness_text(&readiness);
    }
    Ok(())
}
