//! This machine's signing identity: `pilotdesk identity show|export`.

use std::path::PathBuf;

use clap::Subcommand;
use pilotdesk_core::identity::default_path;
use pilotdesk_core::workflows::review::remote;
use pilotdesk_core::{Result, Store};

use crate::output;

#[derive(Subcommand)]
pub enum IdentityCommand {
    /// Your key's fingerprint (made on first use), to read aloud to the steering group's lead.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Write your public identity for the lead to register (never the private key).
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

pub fn run(command: IdentityCommand, store: &Store) -> Result<()> {
    let path = default_path();
    match command {
        IdentityCommand::Show { json } => {
            let (_, view) = remote::identity(store, &path)?;
            if json {
                output::json(&view);
            } else {
                if view.created_now {
                    outln!("Made a new signing key for {}.", view.name);
                }
                outln!("Fingerprint: {}", view.fingerprint);
                outln!("Kept in:     {}", view.path);
            }
        }
        IdentityCommand::Export { out } => {
            let view = remote::export_identity(store, &path, &out)?;
            outln!("Wrote your public identity to {}.", out.display());
            outln!(
                "Read the lead this fingerprint, or send it by another channel: {}",
                view.fingerprint
            );
        }
    }
    Ok(())
}
