//! Backups of the workspace: `pilotdesk backup create|list|verify|restore`.

use clap::Subcommand;
use pilotdesk_core::backup::{self, folder};
use pilotdesk_core::model::BackupKind;
use pilotdesk_core::{Result, Store};

use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum BackupCommand {
    /// Copy the workspace now, checked and recorded with its content hash.
    Create {
        #[arg(long)]
        json: bool,
    },
    /// The workspace's backups, newest first, and the folder they are kept in.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Check backups again (all of them when none is named): SQLite's integrity check and
    /// the content hash recorded when each was made. Exits 3 when one is damaged.
    Verify {
        /// A backup's file name, as `backup list` shows it.
        file: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Put a backup back: checked on a copy first, the workspace as it stands kept as a
    /// backup of its own, then replaced in one step.
    Restore {
        /// A backup's file name, as `backup list` shows it.
        file: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(
    command: BackupCommand,
    store: &mut Store,
    context: &Context,
) -> Result<std::process::ExitCode> {
    let workspace = context.db.to_path_buf();
    let now = chrono::Utc::now();
    match command {
        BackupCommand::Create { json } => {
            let record = backup::create(store.conn(), &workspace, BackupKind::Manual, now)?;
            if json {
                output::json(&record);
            } else {
                outln!(
                    "Backed up the workspace to {} ({} bytes, content hash {}).",
                    folder::folder_for(&workspace)
                        .join(&record.file_name)
                        .display(),
                    record.bytes,
                    pilotdesk_core::hashing::short(&record.content_hash, 16)
                );
            }
        }
        BackupCommand::List { json } => {
            let records = backup::list(&workspace)?;
            if json {
                output::json(&records);
            } else if records.is_empty() {
                outln!("No backups yet; `pilotdesk backup create` makes one.");
            } else {
                let rows: Vec<Vec<String>> = records
                    .iter()
                    .map(|r| {
                        vec![
                            r.file_name.clone(),
                            r.kind.label().to_string(),
                            pilotdesk_core::packs::dates::date_time_of(&r.created_at),
                            r.schema_version.to_string(),
                            pilotdesk_core::hashing::short(&r.content_hash, 16).to_string(),
                        ]
                    })
                    .collect();
                output::table(&["FILE", "KIND", "MADE (UTC)", "SCHEMA", "CONTENT"], &rows);
                outln!("Kept in {}", folder::folder_for(&workspace).display());
            }
        }
        BackupCommand::Verify { file, json } => {
            let names: Vec<String> = match file {
                Some(name) => vec![name],
                None => backup::list(&workspace)?
                    .into_iter()
                    .map(|r| r.file_name)
                    .collect(),
            };
            let checks = names
                .iter()
                .map(|name| backup::verify(&workspace, name))
                .collect::<Result<Vec<_>>>()?;
            if json {
                output::json(&checks);
            } else {
                for check in &checks {
                    outln!("{}: {}", check.file_name, check.message);
                }
            }
            if checks.iter().any(|c| !c.ok) {
                return Ok(std::process::ExitCode::from(3));
            }
        }
        BackupCommand::Restore { file, json } => {
            let report = backup::restore(store, &file, now)?;
            if json {
                output::json(&report);
            } else {
                outln!(
                    "Restored {} (content hash {}). The workspace as it was is kept as {}.",
                    report.restored.file_name,
                    pilotdesk_core::hashing::short(&report.content_hash, 16),
                    report.kept.file_name
                );
            }
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}
