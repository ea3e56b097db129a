//! Open Badges: `pilotdesk badge issue` signs a certification as an OpenBadgeCredential,
//! `badge verify` checks any such credential file offline and names what fails.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use pilotdesk_core::workflows::badges;
use pilotdesk_core::{Result, Store};

use super::audit::VERIFICATION_FAILED;
use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum BadgeCommand {
    /// Issue a certification as an Open Badges 3.0 credential (VC-JWT, signed with the
    /// workspace's Ed25519 key, made on the first issue). Refused for a revoked or expired
    /// certification.
    Issue {
        certification_id: i64,
        /// Write the credential to this file (e.g. coach.jwt); without it, it is printed.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Check a credential file: its structure, signature, dates, shape and claims. Exits 0
    /// when it is valid and 3, naming each failure, when it is not.
    Verify {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: BadgeCommand, store: &mut Store, context: &Context) -> Result<ExitCode> {
    match command {
        BadgeCommand::Issue {
            certification_id,
            out,
            json,
        } => {
            let badge = badges::issue(store, certification_id, context.today)?;
            if let Some(path) = &out {
                badges::write(&badge, path)?;
            }
            if json {
                output::json(&badge);
            } else if let Some(path) = &out {
                outln!(
                    "Issued {} to {} ({}, valid until {}), signed by {}.",
                    badge.credential_id,
                    badge.coach_name,
                    badge.level,
                    badge.valid_until,
                    badge.issuer_id
                );
                outln!("Wrote {}.", path.display());
            } else {
                outln!("{}", badge.credential);
            }
            Ok(ExitCode::SUCCESS)
        }
        BadgeCommand::Verify { file, json } => {
            let verification = badges::verify_file(&file, chrono::Utc::now())?;
            if json {
                output::json(&verification);
            } else if verification.valid {
                outln!("{}.", verification.summary);
                if badges::issuer_id(store)?.as_deref() == verification.issuer_id.as_deref() {
                    outln!("The issuer is this workspace.");
                }
            } else {
                eprintln!("pilotdesk: {} is not a valid credential:", file.display());
                for failure in verification.failures() {
                    eprintln!("  {failure}");
                }
            }
            Ok(if verification.valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(VERIFICATION_FAILED)
            })
        }
    }
}
