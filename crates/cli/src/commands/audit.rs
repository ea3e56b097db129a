//! The decision log: `pilotdesk audit verify` checks its hash chain, `audit log` prints it.

use std::process::ExitCode;

use clap::Subcommand;
use pilotdesk_core::workflows::audit;
use pilotdesk_core::{Result, Store};

use crate::output;

/// The exit code when the log does not verify: distinct from usage (2) and machine (1)
/// errors, so scripts can tell tampering from a typo.
pub const VERIFICATION_FAILED: u8 = 3;

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check the decision log's hash chain from its first entry to its last. Exits 0 when
    /// it verifies and 3, naming the first broken entry, when it does not.
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// The decision log, oldest first, with each entry's hash.
    Log {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: AuditCommand, store: &Store) -> Result<ExitCode> {
    match command {
        AuditCommand::Verify { json } => {
            let verdict = audit::verify(store)?;
            if json {
                output::json(&verdict);
            } else if verdict.verified {
                outln!("{}.", verdict.summary);
            } else {
                eprintln!("pilotdesk: {}", verdict.summary);
            }
            Ok(if verdict.verified {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(VERIFICATION_FAILED)
            })
        }
        AuditCommand::Log { json } => {
            let mut log = audit::decision_log(store)?;
            // The command line prints the whole log, oldest first.
            log.entries = pilotdesk_core::store::decision_log::all(store.conn())?;
            if json {
                output::json(&log);
            } else {
                for entry in &log.entries {
                    outln!(
                        "{:>4}  {}  {}  {}…",
                        entry.id,
                        entry.at,
                        entry.actor,
                        pilotdesk_core::hashing::short(&entry.hash, 12)
                    );
                    outln!("      {}", entry.summary);
                }
                outln!("{}", log.verdict.summary);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
