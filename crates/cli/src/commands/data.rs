//! Coaching data: imports, exports, the events log, the quick log, time credits and the
//! data generator.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use clap::{Args, Subcommand};
use pilotdesk_core::model::{
    EventFilter, EventKind, ImportKind, ImportRequest, LoadLevel, QuickLogInput,
};
use pilotdesk_core::workflows::generate::{generate, GenerateOptions};
use pilotdesk_core::workflows::{coaching, credits, exports, imports};
use pilotdesk_core::{ApiError, Error, Result, Store};

use super::Context;
use crate::output;

#[derive(Args)]
pub struct ImportArgs {
    /// A CSV file or a workbook (.xlsx).
    file: PathBuf,
    /// The workbook sheet to read; the first when left out.
    #[arg(long)]
    sheet: Option<String>,
    /// Check the file and say what would change, without writing.
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// People and the org structure (employee id, name, email, team, role, manager id, hire date).
    People(ImportArgs),
    /// Coaching events (manager, coachee, date and time, minutes, type, pilot, task, notes).
    Events(ImportArgs),
    /// KPI observations (KPI, person or team, date, value).
    Observations(ImportArgs),
    /// Progress of assigned modules (employee id, module, progress, completed on, passed,
    /// score). Each row updates an existing assignment; progress never goes backwards.
    ModuleProgress(ImportArgs),
    /// Coaching events and module progress from xAPI statements (a JSON array or a
    /// statement result): completed, passed, failed and progressed statements about a
    /// catalog module (https://pilotdesk.app/modules/<id>, or its title as the activity's
    /// name) are module progress.
    Xapi {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct EventFilterArgs {
    /// Only this pilot's events.
    #[arg(long)]
    pilot: Option<i64>,
    /// Only this manager's events (employee id).
    #[arg(long)]
    manager: Option<String>,
    /// Only this type: micro_coaching, ai_agenda, async_feedback, portfolio_review, live_check_in.
    #[arg(long, value_parser = parse_kind)]
    kind: Option<EventKind>,
    /// From this day (YYYY-MM-DD).
    #[arg(long, default_value = "")]
    from: String,
    /// To this day, included (YYYY-MM-DD).
    #[arg(long, default_value = "")]
    to: String,
}

impl EventFilterArgs {
    fn filter(&self, limit: u32, offset: u32) -> EventFilter {
        EventFilter {
            pilot_id: self.pilot,
            manager_id: self.manager.clone(),
            kind: self.kind,
            from: self.from.clone(),
            to: self.to.clone(),
            offset,
            limit,
        }
    }
}

fn parse_kind(text: &str) -> std::result::Result<EventKind, String> {
    EventKind::parse(text).ok_or_else(|| {
        format!(
            "\"{text}\" is not a type of coaching; use micro_coaching, ai_agenda, \
             async_feedback, portfolio_review or live_check_in"
        )
    })
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// People, events or observations to CSV or XLSX (by the file's extension).
    #[command(name = "people")]
    People {
        #[arg(long, value_name = "FILE.csv|FILE.xlsx")]
        out: PathBuf,
    },
    Events {
        #[arg(long, value_name = "FILE.csv|FILE.xlsx")]
        out: PathBuf,
        #[command(flatten)]
        filter: EventFilterArgs,
    },
    Observations {
        #[arg(long, value_name = "FILE.csv|FILE.xlsx")]
        out: PathBuf,
    },
    /// Every module assignment with its progress, in the columns `import module-progress`
    /// reads.
    ModuleProgress {
        #[arg(long, value_name = "FILE.csv|FILE.xlsx")]
        out: PathBuf,
    },
    /// Micro-feedback and portfolio review scores as xAPI 1.0.3 statements (a JSON array),
    /// with the competency's CASE URI as the activity.
    PortfolioXapi {
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
        /// Only this person's feedback and reviews.
        #[arg(long)]
        person: Option<String>,
    },
    /// Coaching events as xAPI 1.0.3 statements (a JSON array).
    Xapi {
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
        #[command(flatten)]
        filter: EventFilterArgs,
    },
}

#[derive(Subcommand)]
pub enum EventsCommand {
    /// The events log, latest first.
    List {
        #[command(flatten)]
        filter: EventFilterArgs,
        /// How many to show (at most 500).
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct LogArgs {
    /// The manager who coached (employee id or email).
    #[arg(long)]
    manager: String,
    /// Who was coached (employee id or email).
    #[arg(long)]
    coachee: String,
    /// micro_coaching, ai_agenda, async_feedback, portfolio_review or live_check_in.
    #[arg(long, default_value = "micro_coaching")]
    kind: String,
    /// Whole minutes, e.g. 10 (or 0:10, PT10M).
    #[arg(long, allow_hyphen_values = true)]
    minutes: String,
    #[arg(long)]
    pilot: Option<i64>,
    /// The playbook task (see `pilot show`).
    #[arg(long)]
    task: Option<i64>,
    #[arg(long, default_value = "")]
    notes: String,
    /// When it happened (YYYY-MM-DDTHH:MM); now when left out.
    #[arg(long, default_value = "")]
    at: String,
    /// Record a moment the playbook would not expect (a long micro-coaching moment, a date
    /// outside the pilot's 90 days) after reading why it was questioned.
    #[arg(long)]
    confirm: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct GenerateArgs {
    #[arg(long)]
    people: u32,
    #[arg(long)]
    events: u64,
    #[arg(long, default_value_t = 26)]
    weeks: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The last day of data (YYYY-MM-DD); yesterday when left out, so no event is later
    /// than now.
    #[arg(long, value_parser = crate::cli::date_arg)]
    end: Option<NaiveDate>,
    /// Multiplies the built-in effect on every KPI (0 for none, to check that nothing is
    /// found where there is nothing).
    #[arg(long, default_value_t = 1.0)]
    effect_scale: f64,
    #[arg(long)]
    json: bool,
}

/// Prints each problem of a refused import as `file:line:column: message`, then hands on
/// the refusal (without the list) for the usual one-line summary and exit code.
fn report_problems(error: Error, json: bool) -> Error {
    if json {
        output::json(&ApiError::from(&error));
    }
    match error {
        Error::Invalid { summary, details } if details.iter().any(|d| d.file.is_some()) => {
            for detail in &details {
                let mut place = detail.file.clone().unwrap_or_default();
                if let Some(line) = detail.line {
                    place.push_str(&format!(":{line}"));
                }
                if let Some(column) = detail.column {
                    place.push_str(&format!(":{column}"));
                }
                eprintln!("{place}: {}", detail.message);
            }
            Error::Invalid {
                summary,
                details: Vec::new(),
            }
        }
        other => other,
    }
}

pub fn import(command: ImportCommand, store: &mut Store, context: &Context) -> Result<()> {
    let (kind, file, sheet, dry_run, json) = match command {
        ImportCommand::People(a) => (ImportKind::People, a.file, a.sheet, a.dry_run, a.json),
        ImportCommand::Events(a) => (ImportKind::Events, a.file, a.sheet, a.dry_run, a.json),
        ImportCommand::Observations(a) => {
            (ImportKind::Observations, a.file, a.sheet, a.dry_run, a.json)
        }
        ImportCommand::ModuleProgress(a) => (
            ImportKind::ModuleProgress,
            a.file,
            a.sheet,
            a.dry_run,
            a.json,
        ),
        ImportCommand::Xapi {
            file,
            dry_run,
            json,
        } => (ImportKind::Xapi, file, None, dry_run, json),
    };
    let request = ImportRequest {
        kind,
        path: file.display().to_string(),
        sheet,
        mapping: Vec::new(),
        dry_run,
    };
    let summary =
        imports::import(store, &request, context.today).map_err(|e| report_problems(e, json))?;
    if json {
        output::json(&summary);
        return Ok(());
    }
    let verb = if summary.dry_run {
        "Checked (dry run, nothing written)"
    } else {
        "Imported"
    };
    outln!("{verb} {}: {}.", summary.file_name, summary.describe());
    for note in &summary.notes {
        outln!("{note}");
    }
    Ok(())
}

pub fn export(command: ExportCommand, store: &Store) -> Result<()> {
    if let ExportCommand::PortfolioXapi { out, person } = &command {
        let count = exports::export_portfolio_xapi(store, out, person.as_deref())?;
        outln!(
            "Wrote {count} xAPI statement{} to {}.",
            if count == 1 { "" } else { "s" },
            out.display()
        );
        return Ok(());
    }
    let summary = match command {
        ExportCommand::PortfolioXapi { .. } => unreachable!("handled above"),
        ExportCommand::People { out } => {
            exports::export_table(store, ImportKind::People, &out, &EventFilter::default())?
        }
        ExportCommand::Events { out, filter } => {
            exports::export_table(store, ImportKind::Events, &out, &filter.filter(0, 0))?
        }
        ExportCommand::Observations { out } => exports::export_table(
            store,
            ImportKind::Observations,
            &out,
            &EventFilter::default(),
        )?,
        ExportCommand::ModuleProgress { out } => exports::export_table(
            store,
            ImportKind::ModuleProgress,
            &out,
            &EventFilter::default(),
        )?,
        ExportCommand::Xapi { out, filter } => {
            exports::export_xapi(store, &out, &filter.filter(0, 0))?
        }
    };
    let (one, many) = summary.kind.noun();
    let noun = if summary.rows == 1 { one } else { many };
    outln!("Wrote {} {noun} to {}.", summary.rows, summary.path);
    Ok(())
}

pub fn events(command: EventsCommand, store: &Store) -> Result<()> {
    let EventsCommand::List {
        filter,
        limit,
        offset,
        json,
    } = command;
    let page = coaching::list_events(store, &filter.filter(limit, offset))?;
    if json {
        output::json(&page);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = page
        .events
        .iter()
        .map(|e| {
            vec![
                format!(
                    "{} {}",
                    pilotdesk_core::packs::dates::long_date(e.occurred_at.date()),
                    e.occurred_at.format("%H:%M")
                ),
                e.manager_name.clone(),
                e.coachee_name.clone().unwrap_or_default(),
                e.kind.label().to_string(),
                e.minutes.to_string(),
                e.pilot_name.clone().unwrap_or_default(),
            ]
        })
        .collect();
    output::table(
        &["WHEN", "MANAGER", "COACHEE", "TYPE", "MIN", "PILOT"],
        &rows,
    );
    outln!(
        "{} of {} events ({} hours in all).",
        page.events.len(),
        page.total,
        page.total_minutes / 60
    );
    Ok(())
}

pub fn log(args: LogArgs, store: &mut Store) -> Result<()> {
    let input = QuickLogInput {
        manager_id: args.manager,
        coachee_id: args.coachee,
        kind: args.kind,
        minutes: args.minutes,
        pilot_id: args.pilot,
        task_id: args.task,
        notes: args.notes,
        occurred_at: args.at,
        confirmed: args.confirm,
    };
    let now = Local::now().naive_local();
    let event = coaching::log_event(store, &input, now).map_err(|error| match error {
        Error::NeedsConfirmation { summary, details } => Error::NeedsConfirmation {
            summary: format!("{summary} (run it again with --confirm to record it)"),
            details,
        },
        other => other,
    })?;
    if args.json {
        output::json(&event);
    } else {
        outln!(
            "Logged {} minutes of {} by {} with {} at {} (event {}).",
            event.minutes,
            event.kind.label().to_lowercase(),
            event.manager_name,
            event.coachee_name.as_deref().unwrap_or("nobody"),
            format!(
                "{} {}",
                pilotdesk_core::packs::dates::long_date(event.occurred_at.date()),
                event.occurred_at.format("%H:%M")
            ),
            event.id
        );
    }
    Ok(())
}

pub fn credits(
    store: &Store,
    weeks: u32,
    pilot: Option<i64>,
    json: bool,
    context: &Context,
) -> Result<()> {
    let report = credits::time_credits(store, weeks, pilot, context.today)?;
    if json {
        output::json(&report);
        return Ok(());
    }
    outln!(
        "Time credits at {} per coaching hour; overload above {} hours a week.",
        report.credit_rate,
        report.weekly_load_hours
    );
    let mut headers = vec!["MANAGER".to_string(), "TEAM".to_string()];
    headers.extend(report.weeks.iter().map(|w| w.format("%d %b").to_string()));
    headers.extend(["HOURS".to_string(), "CREDITS".to_string()]);
    let rows: Vec<Vec<String>> = report
        .managers
        .iter()
        .map(|m| {
            let mut row = vec![m.name.clone(), m.team.clone()];
            row.extend(m.weeks.iter().map(|w| {
                let mark = match w.level {
                    LoadLevel::Over => "!",
                    LoadLevel::Near => "~",
                    _ => "",
                };
                if w.minutes == 0 {
                    "-".to_string()
                } else {
                    format!("{:.1}{mark}", w.hours)
                }
            }));
            row.push(format!("{:.1}", m.total_hours));
            row.push(format!("{:.1}", m.total_credits));
            row
        })
        .collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    output::table(&headers, &rows);
    outln!(
        "! over the threshold, ~ near it. {} managers overloaded in at least one week; {} at or near it this week.",
        report.overloaded_managers, report.at_risk_now
    );
    Ok(())
}

pub fn generate_data(args: GenerateArgs, store: &mut Store, context: &Context) -> Result<()> {
    let options = GenerateOptions {
        people: args.people,
        events: args.events,
        weeks: args.weeks,
        seed: args.seed,
        end: args
            .end
            .unwrap_or(context.today - chrono::Duration::days(1)),
        effect_scale: args.effect_scale,
    };
    let summary = generate(store, &options)?;
    if args.json {
        output::json(&summary);
        return Ok(());
    }
    outln!(
        "Generated {} people in {} teams, {} coaching events and {} KPI observations into {} \
         (seed {}).",
        summary.people,
        summary.teams,
        summary.events,
        summary.observations,
        context.db.display(),
        options.seed
    );
    outln!(
        "Pilot {} started {} ({}): {} pilot and {} comparison managers.",
        summary.pilot_id,
        pilotdesk_core::packs::dates::long_date(summary.pilot_start),
        summary.pilot_status.label(),
        summary.pilot_managers,
        summary.comparison_managers
    );
    if let Some(running) = summary.running_pilot_id {
        outln!("Pilot {running} is running, two months in.");
    }
    outln!("Pilot {} is in design.", summary.draft_pilot_id);
    for effect in &summary.effects {
        outln!(
            "  built-in effect on {}: {:+} {}",
            effect.kpi,
            effect.effect,
            effect.unit
        );
    }
    Ok(())
}
