//! Skills as a service: `pilotdesk framework ...`, `module ...`, `assign`, `progress`,
//! `rate`, `role ...` and `skills`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use pilotdesk_core::model::skills::{
    AssignInput, ModuleInput, ModuleTargetInput, ProgressInput, PurchaseInput, RatingInput,
    RoleRequirementInput,
};
use pilotdesk_core::workflows::skills::{assignments, catalog, frameworks, ratings, report};
use pilotdesk_core::{Error, Result, Store};

use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum FrameworkCommand {
    /// Import a 1EdTech CASE 1.1 package (CFPackage JSON). A package already here (same
    /// CFDocument identifier) is updated, not duplicated.
    Import { file: PathBuf },
    /// Export a framework as a CASE package.
    Export {
        /// The framework's id, identifier or title.
        framework: String,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// The competency tree with each level's behavioural descriptor.
    Show {
        framework: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ModuleCommand {
    /// Add a vendor's module to the catalog.
    Add(ModuleArgs),
    List {
        #[arg(long)]
        json: bool,
    },
    /// Buy seats of a module for a period: a vendor fee in the pilot's budget and ROI.
    Buy {
        /// The module's id or title.
        module: String,
        /// Seats (per seat per month) or learners (per module); not asked for a site licence.
        #[arg(long, default_value = "")]
        seats: String,
        #[arg(long)]
        months: String,
        /// The day the seats start (YYYY-MM-DD).
        #[arg(long)]
        starts: String,
        #[arg(long)]
        pilot: Option<i64>,
    },
    /// Purchases so far.
    Purchases {
        #[arg(long)]
        pilot: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct ModuleArgs {
    #[arg(long)]
    title: String,
    /// A vendor from `pilotdesk vendor list`.
    #[arg(long)]
    vendor: String,
    #[arg(long)]
    hours: String,
    /// self_paced, live_online, in_person or blended.
    #[arg(long)]
    delivery: String,
    /// per_seat_month, per_module or site_licence.
    #[arg(long)]
    pricing: String,
    #[arg(long)]
    price: String,
    /// A competency it builds and the target level, as CODE=LEVEL (e.g. CE.2=3); repeat it.
    #[arg(long = "builds", value_name = "COMPETENCY=LEVEL")]
    builds: Vec<String>,
}

#[derive(Args)]
pub struct AssignArgs {
    /// The module's id or title.
    module: String,
    #[arg(long, conflicts_with = "team")]
    person: Option<String>,
    /// Everyone in this team.
    #[arg(long)]
    team: Option<String>,
    #[arg(long)]
    due: String,
    #[arg(long)]
    pilot: Option<i64>,
}

#[derive(Args)]
pub struct ProgressArgs {
    /// The assignment's id (see `pilotdesk skills --person ID`).
    assignment: i64,
    #[arg(long, default_value = "")]
    progress: String,
    /// The day it was completed (YYYY-MM-DD): the module is then 100% done.
    #[arg(long, default_value = "")]
    completed: String,
    #[arg(long)]
    passed: Option<bool>,
    #[arg(long, default_value = "")]
    score: String,
}

#[derive(Args)]
pub struct RateArgs {
    person: String,
    /// The competency's code (e.g. CE.2), name or id.
    competency: String,
    level: String,
    /// self, manager or assessor.
    #[arg(long, default_value = "manager")]
    rater: String,
    /// The day of the rating (today when left out).
    #[arg(long)]
    on: Option<String>,
    #[arg(long, default_value = "")]
    evidence: String,
}

#[derive(Subcommand)]
pub enum RoleCommand {
    /// A role requires a competency at a level.
    Require {
        role: String,
        competency: String,
        level: String,
    },
    /// The role no longer requires the competency.
    Drop { role: String, competency: String },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct SkillsArgs {
    /// A pilot: completion, speed-to-competency, readiness, purchases, cost per competency.
    pilot: Option<i64>,
    /// One person's skills profile instead.
    #[arg(long, conflicts_with = "pilot")]
    person: Option<String>,
    /// Role readiness per team and competency instead.
    #[arg(long, conflicts_with_all = ["pilot", "person"])]
    heatmap: bool,
    #[arg(long)]
    json: bool,
}

pub fn framework(command: FrameworkCommand, store: &mut Store) -> Result<()> {
    match command {
        FrameworkCommand::Import { file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let done = frameworks::import_framework(store, &text, &file.display().to_string())?;
            let f = &done.framework;
            if done.updated {
                outln!(
                    "Updated \"{}\" (framework {}): {} added, {} changed, {} removed, {} kept aside as still in use.",
                    f.title, f.id, done.added, done.changed, done.removed, done.retired
                );
            } else {
                outln!(
                    "Imported \"{}\" as framework {}: {} competencies, {} levels.",
                    f.title,
                    f.id,
                    f.competencies,
                    f.levels
                );
            }
        }
        FrameworkCommand::Export { framework, out } => {
            let id = frameworks::find_framework(store, &framework)?;
            let text = frameworks::export_framework(store, id)?;
            match out {
                Some(path) => {
                    std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
                    outln!("Wrote {}.", path.display());
                }
                None => outln!("{text}"),
            }
        }
        FrameworkCommand::List { json } => {
            let list = frameworks::list_frameworks(store)?;
            if json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|f| {
                        vec![
                            f.id.to_string(),
                            f.title.clone(),
                            f.version.clone(),
                            f.competencies.to_string(),
                            f.levels.to_string(),
                            if f.builtin { "built in" } else { "imported" }.into(),
                        ]
                    })
                    .collect();
                output::table(
                    &["ID", "TITLE", "VERSION", "ITEMS", "LEVELS", "SOURCE"],
                    &rows,
                );
            }
        }
        FrameworkCommand::Show { framework, json } => {
            let id = frameworks::find_framework(store, &framework)?;
            let view = frameworks::view_framework(store, id)?;
            if json {
                output::json(&view);
                return Ok(());
            }
            outln!("{} {}", view.summary.title, view.summary.version);
            for c in &view.competencies {
                let indent = "  ".repeat(c.depth as usize);
                outln!("{indent}{} {}", c.human_coding, c.statement);
                for l in &c.levels {
                    outln!("{indent}    {} {}: {}", l.level, l.label, l.descriptor);
                }
            }
        }
    }
    Ok(())
}

fn targets(store: &Store, builds: &[String]) -> Result<Vec<ModuleTargetInput>> {
    builds
        .iter()
        .map(|b| {
            let (competency, level) = b.rsplit_once('=').ok_or_else(|| {
                Error::invalid_field(
                    "builds",
                    format!("\"{b}\": write it as CODE=LEVEL, e.g. CE.2=3"),
                )
            })?;
            Ok(ModuleTargetInput {
                competency_id: Some(frameworks::find_competency(store, competency)?),
                target_level: level.trim().into(),
            })
        })
        .collect()
}

pub fn module(command: ModuleCommand, store: &mut Store, context: &Context) -> Result<()> {
    match command {
        ModuleCommand::Add(args) => {
            let input = ModuleInput {
                targets: targets(store, &args.builds)?,
                title: args.title,
                vendor: args.vendor,
                duration_hours: args.hours,
                delivery: args.delivery,
                pricing: args.pricing,
                price: args.price,
            };
            let saved = catalog::save_module(store, None, &input, context.today)?;
            outln!(
                "Added module {}: \"{}\" from {}.",
                saved.id,
                saved.title,
                saved.vendor
            );
        }
        ModuleCommand::List { json } => {
            let list = catalog::list_modules(store, context.today)?;
            if json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|m| {
                        vec![
                            m.id.to_string(),
                            m.title.clone(),
                            m.vendor.clone(),
                            format!("{} {}", m.price.format_plain(), m.pricing.label()),
                            match m.seats_bought {
                                Some(bought) => format!("{} of {bought}", m.seats_used),
                                None => format!("{} (site licence)", m.seats_used),
                            },
                            m.targets
                                .iter()
                                .map(|t| format!("{} → {}", t.competency, t.target_level))
                                .collect::<Vec<_>>()
                                .join("; "),
                        ]
                    })
                    .collect();
                output::table(
                    &["ID", "TITLE", "VENDOR", "PRICE", "SEATS USED", "BUILDS"],
                    &rows,
                );
            }
        }
        ModuleCommand::Buy {
            module,
            seats,
            months,
            starts,
            pilot,
        } => {
            let module_id = catalog::find_module(store, &module)?;
            let bought = catalog::buy_module(
                store,
                &PurchaseInput {
                    module_id,
                    pilot_id: pilot,
                    seats,
                    months,
                    starts_on: starts,
                },
            )?;
            outln!(
                "Bought \"{}\": {} = {}, {} to {}.",
                bought.module_title,
                bought.basis,
                bought.total.format_plain(),
                output::date_text(&bought.starts_on),
                output::date_text(&bought.ends_on)
            );
        }
        ModuleCommand::Purchases { pilot, json } => {
            let list = catalog::list_purchases(store, pilot)?;
            if json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|p| {
                        vec![
                            p.id.to_string(),
                            p.module_title.clone(),
                            p.basis.clone(),
                            p.total.format_plain(),
                            format!(
                                "{} to {}",
                                output::date_text(&p.starts_on),
                                output::date_text(&p.ends_on)
                            ),
                            p.pilot_name.clone().unwrap_or_default(),
                        ]
                    })
                    .collect();
                output::table(
                    &["ID", "MODULE", "BASIS", "TOTAL", "PERIOD", "PILOT"],
                    &rows,
                );
            }
        }
    }
    Ok(())
}

pub fn assign(args: AssignArgs, store: &mut Store, context: &Context) -> Result<()> {
    let module_id = catalog::find_module(store, &args.module)?;
    let made = assignments::assign(
        store,
        &AssignInput {
            module_id,
            person_id: args.person,
            team: args.team,
            pilot_id: args.pilot,
            due_on: args.due,
        },
        context.today,
    )?;
    for a in &made {
        outln!(
            "Assignment {}: \"{}\" for {} ({}), due {}.",
            a.id,
            a.module_title,
            a.person_name,
            a.person_id,
            a.due_on
        );
    }
    Ok(())
}

pub fn progress(args: ProgressArgs, store: &mut Store, context: &Context) -> Result<()> {
    let saved = assignments::record_progress(
        store,
        &ProgressInput {
            assignment_id: args.assignment,
            progress: args.progress,
            completed_on: args.completed,
            passed: args.passed,
            score: args.score,
        },
        context.today,
    )?;
    match &saved.completed_on {
        Some(day) => outln!(
            "{} completed \"{}\" on {day}.",
            saved.person_name,
            saved.module_title
        ),
        None => outln!(
            "{} is {}% through \"{}\".",
            saved.person_name,
            saved.progress,
            saved.module_title
        ),
    }
    Ok(())
}

pub fn rate(args: RateArgs, store: &mut Store, context: &Context) -> Result<()> {
    let competency = frameworks::find_competency(store, &args.competency)?;
    let saved = ratings::rate(
        store,
        &RatingInput {
            person_id: args.person,
            competency_id: Some(competency),
            level: args.level,
            rater: args.rater,
            rated_on: args.on.unwrap_or_else(|| context.today.to_string()),
            evidence: args.evidence,
        },
        context.today,
    )?;
    outln!(
        "Rated {} at level {} ({}) on \"{}\", {}.",
        saved.person_id,
        saved.level,
        saved.level_label,
        saved.competency,
        saved.rated_on
    );
    Ok(())
}

pub fn role(command: RoleCommand, store: &mut Store) -> Result<()> {
    let list = match command {
        RoleCommand::Require {
            role,
            competency,
            level,
        } => {
            let competency_id = Some(frameworks::find_competency(store, &competency)?);
            ratings::set_requirement(
                store,
                &RoleRequirementInput {
                    role,
                    competency_id,
                    level,
                },
            )?;
            return Ok(());
        }
        RoleCommand::Drop { role, competency } => {
            let id = frameworks::find_competency(store, &competency)?;
            ratings::remove_requirement(store, &role, id)?;
            return Ok(());
        }
        RoleCommand::List { json } => {
            let list = ratings::requirements(store)?;
            if json {
                output::json(&list);
                return Ok(());
            }
            list
        }
    };
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|r| {
            vec![
                r.role.clone(),
                r.competency.clone(),
                format!("{} {}", r.level, r.level_label),
            ]
        })
        .collect();
    output::table(&["ROLE", "COMPETENCY", "LEVEL"], &rows);
    Ok(())
}

fn percent(share: Option<f64>) -> String {
    share.map_or("–".into(), |s| format!("{:.0}%", s * 100.0))
}

pub fn skills(args: SkillsArgs, store: &Store, context: &Context) -> Result<()> {
    if let Some(person) = args.person {
        let profile = report::profile(store, &person, context.today)?;
        if args.json {
            output::json(&profile);
            return Ok(());
        }
        outln!(
            "{} ({}), {} in {}: role readiness {}",
            profile.name,
            profile.person_id,
            profile.role,
            profile.team,
            percent(profile.readiness)
        );
        for r in &profile.requirements {
            outln!(
                "  {} {}: needs {}, {}",
                if r.met { "✓" } else { "·" },
                r.requirement.competency,
                r.requirement.level,
                r.current.map_or("not rated".into(), |c| format!("at {c}"))
            );
        }
        for a in &profile.assignments {
            outln!(
                "  assignment {}: \"{}\" {}%, due {}",
                a.id,
                a.module_title,
                a.progress,
                a.due_on
            );
        }
        for w in &profile.warnings {
            outln!("  warning: {}", w.message);
        }
        return Ok(());
    }
    if args.heatmap {
        let map = report::heatmap(store, None, context.today)?;
        if args.json {
            output::json(&map);
            return Ok(());
        }
        let mut headers = vec!["TEAM".to_string(), "READY".to_string()];
        headers.extend(map.columns.iter().map(|c| c.code.clone()));
        let rows: Vec<Vec<String>> = map
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    r.team.clone(),
                    if r.suppressed {
                        "under the privacy floor".into()
                    } else {
                        percent(r.readiness)
                    },
                ];
                row.extend(r.cells.iter().map(|c| percent(c.share)));
                row
            })
            .collect();
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        output::table(&headers, &rows);
        return Ok(());
    }
    let Some(pilot) = args.pilot else {
        return Err(Error::invalid_field(
            "pilot",
            "name a pilot, or use --person or --heatmap",
        ));
    };
    let report = report::pilot_report(store, pilot, context.today)?;
    if args.json {
        output::json(&report);
        return Ok(());
    }
    outln!(
        "{} assignments; role readiness {}; {} spent on modules; {} competencies gained{}",
        report.assignments,
        percent(report.readiness),
        report.spend.format_plain(),
        report.competencies_gained,
        report
            .cost_per_competency_gained
            .map_or(String::new(), |c| format!(" ({} each)", c.format_plain()))
    );
    let rows: Vec<Vec<String>> = report
        .speed
        .iter()
        .map(|s| {
            let days = |d: Option<f64>| d.map_or("not yet".into(), |d| format!("{d:.0} days"));
            vec![
                s.competency.clone(),
                format!("{} of {}", s.reached, s.people),
                days(s.median_days),
                format!(
                    "{} – {}",
                    days(s.quartile_low_days),
                    days(s.quartile_high_days)
                ),
            ]
        })
        .collect();
    output::table(&["COMPETENCY", "REACHED", "MEDIAN", "QUARTILES"], &rows);
    for w in &report.warnings {
        outln!("warning: {}", w.message);
    }
    Ok(())
}
