//! AI-assisted agendas: `pilotdesk agenda MANAGER COACHEE`, its decisions, its settings,
//! and `pilotdesk calibration`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand};
use pilotdesk_core::model::agenda::{
    Agenda, AgendaRequest, AgendaSettings, AgendaSettingsInput, AgendaStatus, Calibration,
    ItemEdit, RejectInput,
};
use pilotdesk_core::workflows::agenda::{calibration, decide, generate, outputs, settings};
use pilotdesk_core::{Error, Result, Store};

use super::Context;
use crate::output;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct AgendaArgs {
    #[command(subcommand)]
    command: Option<AgendaCommand>,
    /// The manager's person id.
    #[arg(required = true)]
    manager: Option<String>,
    /// The coachee's person id.
    #[arg(required = true)]
    coachee: Option<String>,
    /// A playbook task's id; without it, the task coached longest ago with this person.
    #[arg(long)]
    task: Option<i64>,
    /// The pilot's id; without it, the task's pilot or the manager's.
    #[arg(long)]
    pilot: Option<i64>,
    /// onboarding, skill_practice, performance_conversation or conflict.
    #[arg(long, default_value = "")]
    context: String,
    /// Ask the workspace's local model; what would be sent is shown first.
    #[arg(long)]
    model: bool,
    /// With --model: show what would be sent and stop.
    #[arg(long, requires = "model")]
    preview: bool,
    /// With --model: send without asking.
    #[arg(long, requires = "model")]
    yes: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum AgendaCommand {
    /// Accept an agenda as it stands: as suggested, or with the edits made to it.
    Accept {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Change one item's words before accepting.
    Edit {
        id: i64,
        /// The item's number, as `agenda show` lists it.
        #[arg(long)]
        item: u32,
        #[arg(long)]
        text: String,
    },
    /// Set an agenda aside: not_relevant, wrong_facts, wrong_tone, too_generic or not_now.
    Reject {
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    List {
        #[arg(long)]
        manager: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// The agenda as a one-page PDF to print.
    Card {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// The agenda as a calendar entry (.ics); exporting it again updates the same entry.
    Calendar {
        id: i64,
        /// When the conversation starts, local time: YYYY-MM-DD HH:MM.
        #[arg(long)]
        at: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Where suggestions are allowed, and the local model.
    Settings(SettingsArgs),
}

#[derive(Args)]
pub struct SettingsArgs {
    /// Contexts to allow, comma-separated (replaces the list).
    #[arg(long)]
    allow: Option<String>,
    /// Turn the local model on or off.
    #[arg(long)]
    model: Option<bool>,
    /// The model's base URL, e.g. http://127.0.0.1:8080/v1.
    #[arg(long)]
    endpoint: Option<String>,
    /// The model name the server expects.
    #[arg(long = "model-name")]
    model_name: Option<String>,
    #[arg(long)]
    timeout: Option<u32>,
    /// Hosts other than this computer that may be asked, comma-separated (replaces the list).
    #[arg(long = "allow-hosts")]
    allow_hosts: Option<String>,
    #[arg(long)]
    json: bool,
}

fn print_agenda(agenda: &Agenda) {
    outln!(
        "Agenda {} · {} with {} · {} · {} minutes · {}",
        agenda.id,
        agenda.manager_name,
        agenda.coachee_name,
        agenda.context.label(),
        agenda.minutes,
        agenda.status.as_str()
    );
    if let Some(task) = &agenda.task {
        outln!("Playbook task: {task}");
    }
    if !agenda.source_note.is_empty() {
        outln!("{}", agenda.source_note);
    }
    outln!("");
    for item in &agenda.items {
        let edited = if item.text != item.suggested {
            " (edited)"
        } else {
            ""
        };
        outln!("{}. {}{edited}", item.position, item.kind.label());
        outln!("   {}", item.text);
    }
    outln!("");
    outln!("Rests on:");
    for line in &agenda.basis {
        outln!("  - {line}");
    }
    match agenda.status {
        AgendaStatus::Open => outln!(
            "\nAccept with `pilotdesk agenda accept {0}`, change an item with `agenda edit {0} --item N --text ...`, or `agenda reject {0} --reason ...`.",
            agenda.id
        ),
        AgendaStatus::Edited => outln!(
            "\nAccepted with {:.0}% of the text changed.",
            agenda.change_share.unwrap_or(0.0) * 100.0
        ),
        AgendaStatus::Rejected => outln!(
            "\nRejected: {}{}",
            agenda.reject_reason.map(|r| r.label()).unwrap_or(""),
            if agenda.reject_note.is_empty() { String::new() } else { format!(" ({})", agenda.reject_note) }
        ),
        AgendaStatus::Accepted => outln!("\nAccepted as suggested."),
    }
}

fn show(agenda: &Agenda, json: bool) {
    if json {
        output::json(agenda);
    } else {
        print_agenda(agenda);
    }
}

/// Shows what would leave the app and asks before sending; `--yes` skips the question,
/// and without a terminal to ask at, nothing is sent.
fn confirm_model(
    store: &Store,
    request: &AgendaRequest,
    args: &AgendaArgs,
    context: &Context,
) -> Result<Option<String>> {
    let preview = generate::preview(store, request, context.today)?;
    eprintln!("This would be sent to {}:\n{}\n", preview.url, preview.body);
    for placeholder in &preview.placeholders {
        eprintln!(
            "  {} stands for {}",
            placeholder.token, placeholder.stands_for
        );
    }
    if args.preview {
        return Ok(None);
    }
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::Conflict(
                "nothing was sent: add --yes to send to the local model without being asked".into(),
            ));
        }
        eprint!("Send this to the local model? [y/N] ");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            return Err(Error::Conflict("nothing was sent".into()));
        }
    }
    Ok(Some(preview.hash))
}

pub fn agenda(args: AgendaArgs, store: &mut Store, context: &Context) -> Result<()> {
    if let Some(command) = args.command {
        return run(command, store, context);
    }
    let mut request = AgendaRequest {
        manager_id: args.manager.clone().unwrap_or_default(),
        coachee_id: args.coachee.clone().unwrap_or_default(),
        pilot_id: args.pilot,
        task_id: args.task,
        context: args.context.clone(),
        use_model: args.model,
        preview_hash: None,
    };
    if args.model {
        match confirm_model(store, &request, &args, context)? {
            Some(hash) => request.preview_hash = Some(hash),
            None => return Ok(()),
        }
    }
    let agenda = generate::generate(store, &request, context.today)?;
    if agenda.source == pilotdesk_core::model::agenda::AgendaSource::Fallback && !args.json {
        eprintln!("{}", agenda.source_note);
    }
    show(&agenda, args.json);
    Ok(())
}

fn run(command: AgendaCommand, store: &mut Store, context: &Context) -> Result<()> {
    match command {
        AgendaCommand::Accept { id, json } => show(&decide::accept(store, id)?, json),
        AgendaCommand::Edit { id, item, text } => {
            let agenda = decide::edit_item(
                store,
                &ItemEdit {
                    agenda_id: id,
                    position: item,
                    text,
                },
            )?;
            outln!(
                "Item {item} of agenda {} changed; accept it when it reads right.",
                agenda.id
            );
        }
        AgendaCommand::Reject { id, reason, note } => {
            let agenda = decide::reject(
                store,
                &RejectInput {
                    agenda_id: id,
                    reason,
                    note,
                },
            )?;
            outln!(
                "Agenda {} rejected: {}.",
                agenda.id,
                agenda.reject_reason.map(|r| r.label()).unwrap_or("")
            );
        }
        AgendaCommand::Show { id, json } => show(&decide::get(store, id)?, json),
        AgendaCommand::List {
            manager,
            limit,
            json,
        } => {
            let list = decide::list(store, manager.as_deref(), limit)?;
            if json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|a| {
                        vec![
                            a.id.to_string(),
                            output::date_text(&a.created_at),
                            a.manager_name.clone(),
                            a.coachee_name.clone(),
                            a.context.label().into(),
                            a.source.as_str().into(),
                            a.status.as_str().into(),
                        ]
                    })
                    .collect();
                output::table(
                    &[
                        "ID", "DAY", "MANAGER", "COACHEE", "CONTEXT", "SOURCE", "STATUS",
                    ],
                    &rows,
                );
            }
        }
        AgendaCommand::Card { id, out } => {
            outputs::save_card(store, id, &out, context.today)?;
            outln!("Agenda {id} written to {}", out.display());
        }
        AgendaCommand::Calendar { id, at, out } => {
            outputs::save_calendar(store, id, &at, &out)?;
            outln!(
                "Agenda {id} written to {} as a calendar entry",
                out.display()
            );
        }
        AgendaCommand::Settings(args) => agenda_settings(args, store)?,
    }
    Ok(())
}

fn agenda_settings(args: SettingsArgs, store: &mut Store) -> Result<()> {
    let current = settings::load(store)?;
    let changing = args.allow.is_some()
        || args.model.is_some()
        || args.endpoint.is_some()
        || args.model_name.is_some()
        || args.timeout.is_some()
        || args.allow_hosts.is_some();
    let shown = if changing {
        let input = AgendaSettingsInput {
            allowed_contexts: match &args.allow {
                Some(list) => list
                    .split(',')
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty())
                    .collect(),
                None => current
                    .contexts
                    .iter()
                    .filter(|r| r.allowed)
                    .map(|r| r.context.as_str().to_string())
                    .collect(),
            },
            model_enabled: args.model.unwrap_or(current.model.enabled),
            endpoint: args.endpoint.unwrap_or(current.model.endpoint),
            model: args.model_name.unwrap_or(current.model.model),
            timeout_seconds: args
                .timeout
                .unwrap_or(current.model.timeout_seconds)
                .to_string(),
            allowed_hosts: args
                .allow_hosts
                .unwrap_or_else(|| current.model.allowed_hosts.join(",")),
        };
        settings::update(store, &input)?
    } else {
        current
    };
    if args.json {
        output::json(&shown);
    } else {
        print_settings(&shown);
    }
    Ok(())
}

fn print_settings(settings: &AgendaSettings) {
    for rule in &settings.contexts {
        outln!(
            "{:<26} {}{}",
            rule.label,
            if rule.allowed {
                "suggestions on"
            } else {
                "off"
            },
            if rule.low_risk { "" } else { " (higher risk)" }
        );
    }
    let model = &settings.model;
    outln!(
        "Local model: {} · {} · model \"{}\" · {} s timeout · other hosts allowed: {}",
        if model.enabled { "on" } else { "off" },
        model.endpoint,
        model.model,
        model.timeout_seconds,
        if model.allowed_hosts.is_empty() {
            "none".to_string()
        } else {
            model.allowed_hosts.join(", ")
        }
    );
}

fn percent(value: Option<f64>) -> String {
    value
        .map(|v| format!("{:.0}%", v * 100.0))
        .unwrap_or_else(|| "–".into())
}

pub fn calibration_report(
    pilot: Option<i64>,
    json: bool,
    store: &Store,
    context: &Context,
) -> Result<()> {
    let report: Calibration = match pilot {
        Some(pilot) => calibration::for_pilot(store, pilot, context.today)?,
        None => calibration::workspace(store)?,
    };
    if json {
        output::json(&report);
        return Ok(());
    }
    let o = &report.overall;
    outln!(
        "{} agendas: {} accepted as suggested, {} edited, {} rejected, {} open; acceptance {}",
        o.generated,
        o.accepted_as_is,
        o.edited,
        o.rejected,
        o.open,
        percent(o.acceptance_rate)
    );
    let mut rows: Vec<Vec<String>> = report
        .by_context
        .iter()
        .map(|c| {
            vec![
                c.label.clone(),
                c.figures.generated.to_string(),
                c.figures.accepted_as_is.to_string(),
                c.figures.edited.to_string(),
                c.figures.rejected.to_string(),
                percent(c.figures.acceptance_rate),
            ]
        })
        .collect();
    output::table(
        &[
            "CONTEXT",
            "AGENDAS",
            "AS IS",
            "EDITED",
            "REJECTED",
            "ACCEPTANCE",
        ],
        &rows,
    );
    outln!("");
    rows = report
        .by_manager
        .iter()
        .map(|m| {
            vec![
                m.manager_name.clone(),
                m.figures.generated.to_string(),
                percent(m.figures.unedited_rate),
                if m.over_reliant {
                    "OVER-RELIANT".into()
                } else {
                    String::new()
                },
                m.reason.clone(),
            ]
        })
        .collect();
    output::table(&["MANAGER", "AGENDAS", "UNEDITED", "SIGNAL", "WHY"], &rows);
    Ok(())
}
