//! Who is acting: `pilotdesk user show|set|add`.

use clap::Subcommand;
use pilotdesk_core::model::PersonInput;
use pilotdesk_core::workflows::users;
use pilotdesk_core::{Result, Store};

use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Who is acting, and their steering-group function if any.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Act as a person from People from now on (see `pilotdesk people list`).
    Set { person_id: String },
    /// Add a person to People on the spot and, with --act, act as them.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        team: String,
        #[arg(long)]
        role: String,
        /// Their employee id; one is made up when left out.
        #[arg(long, default_value = "")]
        id: String,
        #[arg(long)]
        act: bool,
    },
}

pub fn run(command: UserCommand, store: &mut Store, context: &Context) -> Result<()> {
    match command {
        UserCommand::Show { json } => {
            let user = users::current_user(store)?;
            if json {
                output::json(&user);
            } else {
                match &user.person {
                    Some(person) => outln!(
                        "Acting as {} ({}, {}, {}){}",
                        person.name,
                        person.id,
                        person.role,
                        person.team,
                        user.steering_function
                            .map(|f| format!("; steering group: {}", f.label()))
                            .unwrap_or_default()
                    ),
                    None => outln!(
                        "No one is chosen yet; changes are recorded as \"{}\". Choose with \
                         `pilotdesk user set PERSON_ID`.",
                        user.name
                    ),
                }
            }
        }
        UserCommand::Set { person_id } => {
            let user = users::choose_user(store, &person_id)?;
            outln!("Acting as {} from now on.", user.name);
        }
        UserCommand::Add {
            name,
            email,
            team,
            role,
            id,
            act,
        } => {
            let person = users::add_person(
                store,
                &PersonInput {
                    id,
                    name,
                    email,
                    team,
                    role,
                },
                context.today,
            )?;
            outln!("Added {} ({}) to People.", person.name, person.id);
            if act {
                users::choose_user(store, &person.id)?;
                outln!("Acting as {} from now on.", person.name);
            }
        }
    }
    Ok(())
}
