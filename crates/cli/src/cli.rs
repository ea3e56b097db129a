use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands::{pack::PackCommand, pilot::PilotCommand, workspace::PeopleCommand};

#[derive(Parser)]
#[command(
    name = "pilotdesk",
    version,
    about = "Design, govern and prove 90-day manager-led coaching pilots",
    long_about = "Design, govern and prove 90-day manager-led coaching pilots.\n\n\
                  Works on the same workspace as the desktop app: by default the database in \
                  your data folder, or the file given by --db or PILOTDESK_DB."
)]
pub struct Cli {
    /// The workspace database (created if missing).
    #[arg(long, global = true, value_name = "FILE")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Load the demo organisation and its draft pilot into an empty workspace.
    Demo,
    /// Create, design, submit and move pilots through their lifecycle.
    #[command(subcommand)]
    Pilot(Box<PilotCommand>),
    /// The readiness checklist of a pilot: three steps, each item with its status and reason.
    Readiness {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// The built-in micro-coaching playbook templates.
    Templates {
        #[arg(long)]
        json: bool,
    },
    /// Everyone who manages someone: the candidates for a pilot's cohort.
    Managers {
        #[arg(long)]
        json: bool,
    },
    /// The people of the organisation.
    #[command(subcommand)]
    People(PeopleCommand),
    /// Produce a printable pack.
    #[command(subcommand)]
    Pack(PackCommand),
    /// The packs produced so far, with their content hashes.
    Packs {
        #[arg(long)]
        json: bool,
    },
    /// Where the workspace is and what it holds.
    Info {
        #[arg(long)]
        json: bool,
    },
}
