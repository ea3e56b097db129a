use chrono::Local;
use pilotdesk_core::model::NewPilotInput;
use pilotdesk_core::paths::default_db_path;
use pilotdesk_core::workflows::demo::{load_demo, DemoOutcome};
use pilotdesk_core::workflows::{packs, pilots, workspace};
use pilotdesk_core::{Result, Store};

use crate::args::{Cli, Command, PackCommand, PeopleCommand, PilotCommand};
use crate::output;

pub fn run(cli: Cli) -> Result<()> {
    let path = cli.db.unwrap_or_else(default_db_path);
    let mut store = Store::open(&path)?;
    let today = Local::now().date_naive();
    match cli.command {
        Command::Demo => match load_demo(&mut store, today)? {
            DemoOutcome::Loaded { people, pilot } => println!(
                "Loaded the demo workspace into {}: {people} people and the draft pilot \"{}\" (id {}).",
                path.display(),
                pilot.name,
                pilot.id
            ),
            DemoOutcome::AlreadyLoaded => {
                println!("The demo workspace is already loaded in {}.", path.display())
            }
        },
        Command::Pilot(PilotCommand::Create(args)) => {
            let pilot = pilots::create_pilot(
                &mut store,
                &NewPilotInput {
                    name: args.name,
                    objective: args.objective,
                    workflows: args.workflows,
                    start_date: args.start,
                    sponsor: args.sponsor,
                    budget: args.budget,
                },
            )?;
            if args.json {
                output::json(&pilot);
            } else {
                println!("Created draft pilot {} \"{}\".", pilot.id, pilot.name);
            }
        }
        Command::Pilot(PilotCommand::List { json }) => {
            let list = pilots::list_pilots(&store)?;
            if json {
                output::json(&list);
            } else if list.is_empty() {
                println!("No pilots yet. Create one with `pilotdesk pilot create`.");
            } else {
                output::table(
                    &["ID", "NAME", "STATUS", "START", "END", "SPONSOR", "WORKFLOWS"],
                    &output::pilot_rows(&list),
                );
            }
        }
        Command::Pilot(PilotCommand::Show { id, json }) => {
            let pilot = pilots::get_pilot(&store, id)?;
            if json {
                output::json(&pilot);
            } else {
                let currency = workspace::overview(&store)?.settings.currency;
                output::pilot_text(&pilot, &currency);
            }
        }
        Command::People(PeopleCommand::List { json }) => {
            let people = workspace::list_people(&store)?;
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
        }
        Command::Pack(PackCommand::Proposal { id, out, paper }) => {
            let record = packs::save_proposal(&mut store, id, &out, paper, today)?;
            println!(
                "Wrote {} ({} pages, content hash {}).",
                out.display(),
                record.pages,
                pilotdesk_core::packs::short_hash(&record.content_hash)
            );
        }
        Command::Packs { json } => {
            let records = packs::list_packs(&store)?;
            if json {
                output::json(&records);
            } else {
                let rows: Vec<Vec<String>> = records
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_string(),
                            r.title.clone(),
                            r.subject.clone(),
                            r.produced_at.clone(),
                            pilotdesk_core::packs::short_hash(&r.content_hash).to_string(),
                            r.path.clone().unwrap_or_default(),
                        ]
                    })
                    .collect();
                output::table(&["ID", "PACK", "PILOT", "PRODUCED", "HASH", "FILE"], &rows);
            }
        }
        Command::Info { json } => {
            let overview = workspace::overview(&store)?;
            if json {
                output::json(&overview);
            } else {
                println!("Workspace  {}", overview.settings.workspace_name);
                println!("Database   {}", path.display());
                println!("Schema     version {}", overview.schema_version);
                println!("People     {} in {} teams", overview.people_count, overview.teams.len());
                println!("Pilots     {}", overview.pilot_count);
                println!("Acting as  {}", overview.settings.current_user);
            }
        }
    }
    Ok(())
}
