use chrono::NaiveDate;
use clap::Subcommand;
use pilotdesk_core::model::PilotPart;
use pilotdesk_core::packs::dates::long_date;
use pilotdesk_core::workflows::demo::{load_full_demo, DemoOutcome};
use pilotdesk_core::workflows::{cohort, imports, person_page, playbook, workspace};
use pilotdesk_core::{Error, Result, Store};

use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum PeopleCommand {
    /// Everyone, by team.
    List {
        #[arg(long)]
        json: bool,
    },
    /// A person in context: their pilots and arm, the coaching they gave and received,
    /// their time credits and skills.
    Show {
        person_id: String,
        #[arg(long)]
        json: bool,
    },
    /// A person's dated team, role and manager history, and their leaving date.
    History {
        person_id: String,
        #[arg(long)]
        json: bool,
    },
}

/// Loads the demo as it stood on `as_of` (today when left out): the organisation, a pilot
/// in design, one running with two months of data and one finished with its outcome pack.
pub fn demo(store: &mut Store, as_of: Option<NaiveDate>, context: &Context) -> Result<()> {
    let day = match as_of {
        Some(day) if day > context.today => {
            return Err(Error::invalid_field(
                "asOf",
                format!("{day} has not come yet; the demo can be loaded as of today or earlier"),
            ))
        }
        Some(day) => day,
        None => context.today,
    };
    match load_full_demo(store, day)? {
        DemoOutcome::Loaded { people, pilot } => outln!(
            "Loaded the demo workspace into {}: {people} people, the draft pilot \"{}\" (id {}), \
             a running pilot with two months of data and a finished one with its day-90 \
             outcome pack.",
            context.db.display(),
            pilot.name,
            pilot.id
        ),
        DemoOutcome::AlreadyLoaded => {
            outln!(
                "The demo workspace is already loaded in {}.",
                context.db.display()
            )
        }
    }
    Ok(())
}

pub fn templates(json: bool) -> Result<()> {
    let templates = playbook::list_templates();
    if json {
        output::json(&templates);
        return Ok(());
    }
    for template in templates {
        outln!("{}  ({})", template.workflow, template.key);
        outln!("  {}", template.summary);
        for task in &template.tasks {
            outln!("  - {task}");
        }
        outln!("  KPIs: {}", template.kpis.join("; "));
        outln!();
    }
    Ok(())
}

pub fn managers(store: &Store, json: bool) -> Result<()> {
    let managers = cohort::manager_candidates(store)?;
    if json {
        output::json(&managers);
    } else {
        let rows: Vec<Vec<String>> = managers
            .iter()
            .map(|m| {
                vec![
                    m.id.clone(),
                    m.name.clone(),
                    m.role.clone(),
                    m.team.clone(),
                    m.team_size.to_string(),
                ]
            })
            .collect();
        output::table(&["ID", "NAME", "ROLE", "TEAM", "REPORTS"], &rows);
    }
    Ok(())
}

pub fn people(command: PeopleCommand, store: &Store, context: &Context) -> Result<()> {
    match command {
        PeopleCommand::List { json } => list_people(store, json),
        PeopleCommand::History { person_id, json } => person_history(store, &person_id, json),
        PeopleCommand::Show { person_id, json } => person_page(store, &person_id, json, context),
    }
}

fn person_page(store: &Store, person_id: &str, json: bool, context: &Context) -> Result<()> {
    let page = person_page::person_page(store, person_id, context.today)?;
    if json {
        output::json(&page);
        return Ok(());
    }
    let person = &page.person;
    outln!(
        "{} ({}), {} in {}",
        person.name,
        person.id,
        person.role,
        person.team
    );
    if let Some(manager) = &page.manager_name {
        outln!("Reports to {manager}; {} direct reports", page.reports);
    }
    outln!();
    if page.pilots.is_empty() {
        outln!("In no pilot.");
    }
    for pilot in &page.pilots {
        let part = match pilot.part {
            PilotPart::Manager => "a manager".to_string(),
            PilotPart::TeamMember => format!("in {}'s team", pilot.through),
        };
        let wave = pilot
            .wave
            .map(|w| format!(", wave {w}"))
            .unwrap_or_default();
        outln!(
            "{} ({}): {part}, {} arm{wave}",
            pilot.pilot_name,
            pilot.status.label(),
            pilot.arm
        );
    }
    let coaching = &page.coaching;
    outln!();
    outln!(
        "Coaching given: {} moments, {} min; received: {} moments, {} min",
        coaching.given,
        coaching.given_minutes,
        coaching.received,
        coaching.received_minutes
    );
    if let Some(credits) = &page.credits {
        outln!(
            "Time credits, last {} weeks: {:.1} h coached, {:.1} credits, {} overloaded weeks",
            credits.weeks,
            credits.hours,
            credits.credits,
            credits.overloaded_weeks
        );
    }
    if let Some(skills) = &page.skills {
        outln!(
            "Skills: {} modules assigned, {} ratings{}",
            skills.assignments.len(),
            skills.ratings.len(),
            skills
                .readiness
                .map(|r| format!(", {:.0}% ready for their role", r * 100.0))
                .unwrap_or_default()
        );
    }
    Ok(())
}

fn person_history(store: &Store, person_id: &str, json: bool) -> Result<()> {
    let history = workspace::person_history(store, person_id)?;
    if json {
        output::json(&history);
        return Ok(());
    }
    let person = &history.person;
    outln!(
        "{} ({}), {} in {}",
        person.name,
        person.id,
        person.role,
        person.team
    );
    match (person.hire_date, person.leaving_date) {
        (Some(hired), Some(left)) => outln!(
            "Hired {}, leaving date {}",
            long_date(hired),
            long_date(left)
        ),
        (Some(hired), None) => outln!("Hired {}", long_date(hired)),
        (None, Some(left)) => outln!("Leaving date {}", long_date(left)),
        (None, None) => {}
    }
    outln!();
    let rows: Vec<Vec<String>> = history
        .entries
        .iter()
        .map(|entry| {
            let manager = match (&entry.manager_name, &entry.manager_id) {
                (Some(name), Some(id)) => format!("{name} ({id})"),
                (None, Some(id)) => id.clone(),
                _ => "-".into(),
            };
            vec![
                entry.valid_from.to_string(),
                entry
                    .changes
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                entry.team.clone(),
                entry.role.clone(),
                manager,
                entry.import_id.map(|id| id.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    output::table(
        &["FROM", "CHANGE", "TEAM", "ROLE", "MANAGER", "IMPORT"],
        &rows,
    );
    Ok(())
}

fn list_people(store: &Store, json: bool) -> Result<()> {
    let people = workspace::list_people(store)?;
    if json {
        output::json(&people);
    } else {
        let rows: Vec<Vec<String>> = people
            .iter()
            .map(|p| {
                vec![
                    p.id.clone(),
                    p.name.clone(),
                    p.team.clone(),
                    p.role.clone(),
                    p.manager_id.clone().unwrap_or_default(),
                ]
            })
            .collect();
        output::table(&["ID", "NAME", "TEAM", "ROLE", "MANAGER"], &rows);
    }
    Ok(())
}

pub fn info(store: &Store, json: bool, context: &Context) -> Result<()> {
    let overview = workspace::overview(store)?;
    if json {
        output::json(&overview);
    } else {
        outln!("Workspace  {}", overview.settings.workspace_name);
        outln!("Database   {}", context.db.display());
        outln!("Schema     version {}", overview.schema_version);
        outln!(
            "People     {} in {} teams",
            overview.people_count,
            overview.teams.len()
        );
        outln!("Pilots     {}", overview.pilot_count);
        outln!(
            "Acting as  {}{}",
            overview.settings.current_user,
            overview
                .settings
                .current_user_id
                .as_deref()
                .map(|id| format!(" ({id})"))
                .unwrap_or_else(|| " (no one chosen from People yet)".into())
        );
    }
    Ok(())
}

pub fn imports(store: &Store, json: bool) -> Result<()> {
    let records = imports::list_imports(store)?;
    if json {
        output::json(&records);
    } else {
        let rows: Vec<Vec<String>> = records
            .iter()
            .map(|r| {
                vec![
                    r.id.to_string(),
                    r.at.clone(),
                    r.kind.clone(),
                    r.file_name.clone(),
                    format!(
                        "{} new, {} changed, {} unchanged",
                        r.inserted, r.updated, r.unchanged
                    ),
                    pilotdesk_core::hashing::short(&r.content_hash, 12).to_string(),
                    r.actor.clone(),
                ]
            })
            .collect();
        output::table(&["ID", "WHEN", "KIND", "FILE", "ROWS", "HASH", "BY"], &rows);
    }
    Ok(())
}
