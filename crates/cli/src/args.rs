use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
    /// Create, list and show pilots.
    #[command(subcommand)]
    Pilot(PilotCommand),
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

#[derive(Subcommand)]
pub enum PilotCommand {
    /// Create a draft pilot.
    Create(CreatePilot),
    /// List pilots, newest start first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one pilot.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct CreatePilot {
    #[arg(long)]
    pub name: String,
    /// A high-impact workflow; repeat for each (two is recommended).
    #[arg(long = "workflow", value_name = "WORKFLOW", required = true)]
    pub workflows: Vec<String>,
    /// Day 0 of the 90-day window, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: String,
    /// The one senior sponsor who owns the outcome.
    #[arg(long)]
    pub sponsor: String,
    /// Committed tooling and analytics budget, e.g. 25000.
    // A typed "-5" reaches the core, which explains why it is refused.
    #[arg(long, allow_hyphen_values = true)]
    pub budget: String,
    /// What the pilot sets out to prove, in one sentence.
    #[arg(long, default_value = "")]
    pub objective: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum PeopleCommand {
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum PackCommand {
    /// The pilot proposal the steering group reads before approving.
    Proposal {
        /// The pilot's id (see `pilot list`).
        id: i64,
        /// Where to write the PDF.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// a4 or letter; the workspace setting when left out.
        #[arg(long, value_parser = parse_paper)]
        paper: Option<pilotdesk_core::model::PaperSize>,
    },
}

fn parse_paper(text: &str) -> Result<pilotdesk_core::model::PaperSize, String> {
    pilotdesk_core::model::PaperSize::parse(text)
        .ok_or_else(|| format!("\"{text}\" is not a paper size; use a4 or letter"))
}
