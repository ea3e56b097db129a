//! The steering group on its own machines: `pilotdesk review send|open|vote-file|receive|
//! ballots`. The lead sends an item as a signed bundle; a member answers with a signed
//! ballot; the lead receives the ballots.

use std::path::PathBuf;

use clap::Subcommand;
use pilotdesk_core::identity::default_path;
use pilotdesk_core::model::{BallotStatus, VoteInput};
use pilotdesk_core::workflows::review::remote;
use pilotdesk_core::{Result, Store};

use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum RemoteCommand {
    /// Write an open item as a signed review bundle for members to vote on their own machines.
    Send {
        item: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Read a review bundle: the item, the pilot, the roster and where you stand on it.
    Open {
        file: PathBuf,
        /// Also write the pack it carries to this file.
        #[arg(long, value_name = "PDF")]
        pack: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Answer a bundle with a signed ballot file for the lead.
    VoteFile {
        file: PathBuf,
        /// A choice the item offers, or "recuse" (the comment is then the reason).
        #[arg(long)]
        choice: String,
        #[arg(long, default_value = "")]
        comment: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Receive ballot files: each is checked, then counted or refused with its reason.
    Receive {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// The ballots received, counted and refused, newest first.
    Ballots {
        #[arg(long)]
        item: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: RemoteCommand, store: &mut Store, context: &Context) -> Result<()> {
    let identity_path = default_path();
    match command {
        RemoteCommand::Send { item, out } => {
            let (identity, _) = remote::identity(store, &identity_path)?;
            let sent = remote::send_bundle(store, &identity, item, &out, context.today)?;
            outln!(
                "Wrote version {} of the review bundle to {}, signed with your key {}.",
                sent.version,
                out.display(),
                identity.fingerprint()
            );
            outln!("Members who can vote by ballot: {}.", join(&sent.with_keys));
            if !sent.without_keys.is_empty() {
                outln!(
                    "No registered key (they vote in the app): {}.",
                    join(&sent.without_keys)
                );
            }
        }
        RemoteCommand::Open { file, pack, json } => {
            let (identity, _) = remote::identity(store, &identity_path)?;
            let view = remote::open_bundle(store, &identity, &file)?;
            if let Some(pack) = &pack {
                remote::save_bundle_pack(&file, pack)?;
            }
            if json {
                output::json(&view);
            } else {
                outln!("{} (version {})", view.subject, view.version);
                outln!(
                    "Sent by {} on {}, signed with key {}.",
                    view.sender_name,
                    output::date_text(&view.sent_at),
                    view.sender_fingerprint
                );
                outln!("Decision due: {}", output::date_text(&view.due_on));
                outln!(
                    "Choices: {}",
                    view.options
                        .iter()
                        .map(|o| o.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                match (&view.me, &view.cannot_vote) {
                    (Some(me), _) => outln!(
                        "You are on the roster as {} ({}).",
                        me.name,
                        me.function.label()
                    ),
                    (None, Some(why)) => outln!("{why}"),
                    (None, None) => {}
                }
                for cast in &view.cast {
                    outln!(
                        "You answered {} on {}{}.",
                        cast.choice,
                        output::date_text(&cast.cast_at),
                        if cast.comment.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", cast.comment)
                        }
                    );
                }
                if let Some(pack) = &pack {
                    outln!("Wrote the pack to {}.", pack.display());
                }
            }
        }
        RemoteCommand::VoteFile {
            file,
            choice,
            comment,
            out,
        } => {
            let (identity, _) = remote::identity(store, &identity_path)?;
            let cast = remote::vote_file(
                store,
                &identity,
                &file,
                &VoteInput { choice, comment },
                &out,
            )?;
            outln!(
                "Wrote your signed ballot ({}) to {}; send it to the lead.",
                cast.choice,
                out.display()
            );
        }
        RemoteCommand::Receive { files, json } => {
            let receipts = remote::receive_ballots(store, &files, context.today)?;
            if json {
                output::json(&receipts);
            } else {
                for receipt in &receipts {
                    match receipt.status {
                        BallotStatus::Counted => {
                            outln!(
                                "{}: counted, {} voted {} (key {}).",
                                receipt.file_name,
                                receipt.member_name.as_deref().unwrap_or("?"),
                                receipt.choice,
                                receipt.fingerprint
                            );
                            if let Some(quorum) = &receipt.quorum {
                                outln!("  {}", quorum.explanation);
                            }
                            if let Some(id) = receipt.decision_id {
                                outln!("  Decision {id} recorded.");
                            }
                        }
                        BallotStatus::Refused => {
                            outln!("{}: refused: {}", receipt.file_name, receipt.reason)
                        }
                    }
                }
            }
        }
        RemoteCommand::Ballots { item, json } => {
            let receipts = remote::received_ballots(store, item)?;
            if json {
                output::json(&receipts);
            } else {
                let rows: Vec<Vec<String>> = receipts
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_string(),
                            output::date_text(&r.received_at),
                            r.file_name.clone(),
                            r.member_name.clone().unwrap_or_default(),
                            r.choice.clone(),
                            match r.status {
                                BallotStatus::Counted => "counted".into(),
                                BallotStatus::Refused => format!("refused: {}", r.reason),
                            },
                        ]
                    })
                    .collect();
                output::table(
                    &["ID", "RECEIVED", "FILE", "MEMBER", "CHOICE", "STATUS"],
                    &rows,
                );
            }
        }
    }
    Ok(())
}

fn join(names: &[String]) -> String {
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}
