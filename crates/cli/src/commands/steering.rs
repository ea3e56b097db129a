//! The steering group and its quorum rule: `pilotdesk steering ...`.

use clap::Subcommand;
use pilotdesk_core::model::QuorumRuleInput;
use pilotdesk_core::workflows::steering;
use pilotdesk_core::{Result, Store};

use crate::output;

#[derive(Subcommand)]
pub enum SteeringCommand {
    /// The members, their functions and the quorum rule.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a person to the steering group, or change their function.
    Add {
        person_id: String,
        /// hr, analytics, finance, frontline or other.
        #[arg(long)]
        function: String,
    },
    /// Register a member's signing key from the public identity they sent, once the
    /// fingerprint they read to you matches it.
    AddKey {
        person_id: String,
        /// The file from `pilotdesk identity export` on the member's machine.
        #[arg(long, value_name = "FILE")]
        file: std::path::PathBuf,
        /// The fingerprint the member read aloud or sent separately.
        #[arg(long)]
        fingerprint: String,
    },
    /// Take a person off the steering group; their past votes stay on record.
    Remove { person_id: String },
    /// Show the quorum rule, or change it when any option is given.
    Quorum {
        /// A function that must cast at least one vote; repeat for each. "none" for none.
        #[arg(long = "require", value_name = "FUNCTION")]
        require: Vec<String>,
        /// majority, two_thirds or unanimous.
        #[arg(long)]
        threshold: Option<String>,
        /// eligible_members (everyone not recused) or votes_cast.
        #[arg(long)]
        basis: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: SteeringCommand, store: &mut Store) -> Result<()> {
    match command {
        SteeringCommand::List { json } => {
            let members = steering::members(store)?;
            let rule = steering::rule(store)?;
            if json {
                output::json(&serde_json::json!({"members": members, "rule": rule}));
            } else {
                let rows: Vec<Vec<String>> = members
                    .iter()
                    .map(|m| {
                        vec![
                            m.person_id.clone(),
                            m.name.clone(),
                            m.function.label().into(),
                            m.role.clone(),
                        ]
                    })
                    .collect();
                output::table(&["ID", "NAME", "FUNCTION", "ROLE"], &rows);
                outln!("Quorum: {}", rule.description);
            }
        }
        SteeringCommand::Add {
            person_id,
            function,
        } => {
            let member = steering::add_member(store, &person_id, &function)?;
            outln!(
                "{} is on the steering group for {}.",
                member.name,
                member.function.label()
            );
        }
        SteeringCommand::AddKey {
            person_id,
            file,
            fingerprint,
        } => {
            let key = pilotdesk_core::workflows::review::remote::add_member_key(
                store,
                &pilotdesk_core::model::MemberKeyInput {
                    person_id,
                    path: file.display().to_string(),
                    confirmed_fingerprint: fingerprint,
                },
            )?;
            outln!(
                "Registered {}'s key {}; their signed ballots now count.",
                key.name,
                key.fingerprint
            );
        }
        SteeringCommand::Remove { person_id } => {
            steering::remove_member(store, &person_id)?;
            outln!("{person_id} left the steering group.");
        }
        SteeringCommand::Quorum {
            require,
            threshold,
            basis,
            json,
        } => {
            let current = steering::rule(store)?;
            let rule = if require.is_empty() && threshold.is_none() && basis.is_none() {
                current
            } else {
                let functions = if require.is_empty() {
                    current
                        .required_functions
                        .iter()
                        .map(|f| f.as_str().to_string())
                        .collect()
                } else {
                    require.into_iter().filter(|f| f != "none").collect()
                };
                steering::set_rule(
                    store,
                    &QuorumRuleInput {
                        required_functions: functions,
                        threshold: threshold.unwrap_or_else(|| current.threshold.as_str().into()),
                        basis: basis.unwrap_or_else(|| current.basis.as_str().into()),
                    },
                )?
            };
            if json {
                output::json(&rule);
            } else {
                outln!("{}", rule.description);
            }
        }
    }
    Ok(())
}
