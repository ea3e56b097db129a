use clap::{Args, Subcommand};
use pilotdesk_core::model::{BasicsInput, NewPilotInput, PilotStatus};
use pilotdesk_core::workflows::{design as core_design, lifecycle, pilots, workspace};
use pilotdesk_core::{Result, Store};

use super::design::{self, DesignCommand};
use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum PilotCommand {
    /// Create a draft pilot from typed workflows and/or templates.
    Create(CreatePilot),
    /// Create a draft pilot from built-in playbook templates (see `pilotdesk templates`).
    FromTemplate(CreatePilot),
    /// List pilots, newest start first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one pilot; with --json, the whole design.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Change a pilot's basics; fields left out keep their value.
    Basics(BasicsArgs),
    /// Submit a pilot to the steering group; refused until Step 1 is met or waived.
    Submit {
        id: i64,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Move a pilot to another lifecycle status, recording why.
    Transition {
        id: i64,
        /// e.g. ready, draft, approved, running, day45_review, day90_outcome, scaled.
        #[arg(long, value_parser = parse_status)]
        to: PilotStatus,
        #[arg(long)]
        reason: String,
    },
    #[command(flatten)]
    Design(DesignCommand),
}

#[derive(Args)]
pub struct CreatePilot {
    #[arg(long)]
    pub name: String,
    /// A high-impact workflow with an empty playbook; repeat for each.
    #[arg(long = "workflow", value_name = "WORKFLOW")]
    pub workflows: Vec<String>,
    /// A built-in template to clone (its workflow, playbook and KPIs); repeat for each.
    #[arg(long = "template", value_name = "KEY")]
    pub templates: Vec<String>,
    /// Day 0 of the 90-day window, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: String,
    /// The one senior sponsor who owns the outcome.
    #[arg(long)]
    pub sponsor: String,
    /// Committed tooling and analytics budget, e.g. 25000.
    // A typed "-5" reaches the core, which explains why it is refused.
    #[arg(long, allow_hyphen_values = true)]
    pub budget: String,
    /// What the pilot sets out to prove, in one sentence.
    #[arg(long, default_value = "")]
    pub objective: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct BasicsArgs {
    id: i64,
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    objective: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    start: Option<String>,
    #[arg(long)]
    sponsor: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    budget: Option<String>,
    /// Where AI-assisted agendas are used, e.g. "onboarding 1:1s"; "" to remove.
    #[arg(long)]
    ai_agenda: Option<String>,
}

fn parse_status(text: &str) -> std::result::Result<PilotStatus, String> {
    PilotStatus::parse(text).ok_or_else(|| {
        format!(
            "\"{text}\" is not a status; use one of {}",
            PilotStatus::ALL
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

fn create(store: &mut Store, args: CreatePilot, from_template: bool) -> Result<()> {
    if from_template && args.templates.is_empty() {
        return Err(pilotdesk_core::Error::invalid_field(
            "templates",
            "name at least one --template (see `pilotdesk templates`)",
        ));
    }
    let pilot = pilots::create_pilot(
        store,
        &NewPilotInput {
            name: args.name,
            objective: args.objective,
            workflows: args.workflows,
            start_date: args.start,
            sponsor: args.sponsor,
            budget: args.budget,
            templates: args.templates,
        },
    )?;
    if args.json {
        output::json(&pilot);
    } else {
        outln!("Created draft pilot {} \"{}\".", pilot.id, pilot.name);
    }
    Ok(())
}

pub fn run(command: PilotCommand, store: &mut Store, context: &Context) -> Result<()> {
    match command {
        PilotCommand::Create(args) => create(store, args, false),
        PilotCommand::FromTemplate(args) => create(store, args, true),
        PilotCommand::List { json } => {
            let list = pilots::list_pilots(store)?;
            if json {
                output::json(&list);
            } else if list.is_empty() {
                outln!("No pilots yet. Create one with `pilotdesk pilot create`.");
            } else {
                output::table(
                    &[
                        "ID",
                        "NAME",
                        "STATUS",
                        "START",
                        "END",
                        "SPONSOR",
                        "WORKFLOWS",
                    ],
                    &output::pilot_rows(&list),
                );
            }
            Ok(())
        }
        PilotCommand::Show { id, json } => {
            let design = core_design::load_design(store, id, context.today)?;
            if json {
                output::json(&design);
            } else {
                let currency = workspace::overview(store)?.settings.currency;
                output::design_text(&design, &currency);
            }
            Ok(())
        }
        PilotCommand::Basics(args) => {
            let pilot = pilots::get_pilot(store, args.id)?;
            let input = BasicsInput {
                name: args.name.unwrap_or(pilot.name),
                objective: args.objective.unwrap_or(pilot.objective),
                start_date: args.start.unwrap_or_else(|| pilot.start_date.to_string()),
                sponsor: args.sponsor.unwrap_or(pilot.sponsor),
                budget: args.budget.unwrap_or_else(|| pilot.budget.format_plain()),
                ai_agenda: args.ai_agenda.unwrap_or(pilot.ai_agenda),
            };
            core_design::update_basics(store, args.id, &input, context.today)?;
            outln!("Updated the basics of pilot {}.", args.id);
            Ok(())
        }
        PilotCommand::Submit { id, reason } => {
            lifecycle::submit(store, id, &reason, context.today)?;
            outln!("Submitted pilot {id} to the steering group.");
            Ok(())
        }
        PilotCommand::Transition { id, to, reason } => {
            lifecycle::transition(store, id, to, &reason, context.today)?;
            outln!("Pilot {id} is now {}.", to.label());
            Ok(())
        }
        PilotCommand::Design(command) => design::run(command, store, context),
    }
}
