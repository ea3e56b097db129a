use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands::analytics::{CostsCommand, DashboardArgs, RoiArgs};
use crate::commands::data::{EventsCommand, ExportCommand, GenerateArgs, ImportCommand, LogArgs};
use crate::commands::{
    agenda::AgendaArgs,
    audit::AuditCommand,
    badge::BadgeCommand,
    budget::TrancheCommand,
    coach::{CalendarCommand, CoachCommand, MatchArgs},
    network::NetworkArgs,
    pack::PackCommand,
    pilot::PilotCommand,
    portfolio::{FeedbackCommand, ReviewArgs, SampleCommand},
    register::{RiskCommand, VendorCommand},
    review::ReviewCommand,
    skills::{
        AssignArgs, FrameworkCommand, ModuleCommand, ProgressArgs, RateArgs, RoleCommand,
        SkillsArgs,
    },
    steering::SteeringCommand,
    user::UserCommand,
    workspace::PeopleCommand,
};

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

    /// Act as this person from People for this command only; recorded on every vote and
    /// change it makes. Without it, the workspace's current user acts.
    #[arg(long = "as", global = true, value_name = "PERSON_ID")]
    pub act_as: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Load the demo into an empty workspace: the organisation, a pilot in design, one
    /// running with two months of data and one finished with its day-90 outcome pack.
    Demo {
        /// Load it as it stood on this day (YYYY-MM-DD; today when left out).
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        as_of: Option<chrono::NaiveDate>,
    },
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
    /// Import people, coaching events, KPI observations, module progress or xAPI statements.
    /// A file with problems is refused whole: each is printed as file:line:column: message.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export people, events, observations or module progress to CSV or XLSX, or events as
    /// xAPI statements.
    #[command(subcommand)]
    Export(ExportCommand),
    /// The coaching events log.
    #[command(subcommand)]
    Events(EventsCommand),
    /// Log a coaching moment.
    Log(LogArgs),
    /// Time credits and coaching load per manager per week.
    Credits {
        /// How many weeks, up to this one (at most 26).
        #[arg(long, default_value_t = 8)]
        weeks: u32,
        #[arg(long)]
        pilot: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// The imports so far: file, content hash, when, by whom, what changed.
    Imports {
        #[arg(long)]
        json: bool,
    },
    /// Write a synthetic organisation, a running pilot, coaching events and KPI
    /// observations with a known built-in effect into an empty workspace.
    Generate(GenerateArgs),
    /// Where the workspace is and what it holds.
    Info {
        #[arg(long)]
        json: bool,
    },
    /// Who is acting: recorded on every vote and change.
    #[command(subcommand)]
    User(UserCommand),
    /// The steering group's members and its quorum rule.
    #[command(subcommand)]
    Steering(SteeringCommand),
    /// Backups of the workspace: make one, list them, check them, put one back.
    #[command(subcommand)]
    Backup(crate::commands::backup::BackupCommand),
    /// This machine's signing identity: its fingerprint, and the public file for the lead.
    #[command(subcommand)]
    Identity(crate::commands::identity::IdentityCommand),
    /// The steering group's reviews: the queue, votes, recusals and decisions.
    #[command(subcommand)]
    Review(ReviewCommand),
    /// Outcome-based budget tranches: plan, release on a met condition, spend.
    #[command(subcommand)]
    Tranche(TrancheCommand),
    /// A pilot's measured lift on one KPI, with its method and 95% interval.
    Lift {
        kpi: i64,
        #[arg(long)]
        json: bool,
    },
    /// Vendor proposals with their privacy checklist.
    #[command(subcommand)]
    Vendor(VendorCommand),
    /// The risk register.
    #[command(subcommand)]
    Risk(RiskCommand),
    /// The tamper-evident decision log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Internal coaches: nominate, record training, observed sessions and coachees'
    /// feedback, see progress against the certification standard, certify.
    #[command(subcommand)]
    Coach(CoachCommand),
    /// Coaches for a coachee from another team, ranked by the competency to build, the
    /// coach's certified level and load, each with its reasons.
    Match(MatchArgs),
    /// Each coaching pair's cadence as an iCalendar file.
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// Open Badges 3.0 credentials for certified coaches: issue one, or verify a file.
    #[command(subcommand)]
    Badge(BadgeCommand),
    /// A running or finished pilot's dashboard: lift per KPI with its evidence, coaching,
    /// cost, ROI and cohort-level flight risk (privacy floor applied).
    Dashboard(DashboardArgs),
    /// A pilot's Phillips ROI with the assumptions it rests on; set them with --kpi.
    Roi(RoiArgs),
    /// The minimum detectable effect of each KPI (80% power, 5% level).
    Mde {
        pilot: i64,
        #[arg(long)]
        json: bool,
    },
    /// What needs you today: the votes you owe, the verdicts and packs for pilots you
    /// sponsor, and every pilot's day and next gate, your own part first.
    Home {
        #[arg(long)]
        json: bool,
    },
    /// Every pilot at a glance: day, next gate, first KPI.
    Overview {
        #[arg(long)]
        json: bool,
    },
    /// What an hour of each role's time costs, for the fully loaded cost.
    #[command(subcommand)]
    Costs(CostsCommand),
    /// Competency frameworks as 1EdTech CASE packages: import, export, list, show.
    #[command(subcommand)]
    Framework(FrameworkCommand),
    /// The vendor skill-module catalog and its purchases.
    #[command(subcommand)]
    Module(ModuleCommand),
    /// Assign a module to a person or a whole team, with a due date.
    Assign(AssignArgs),
    /// Record progress or completion of an assignment by hand.
    Progress(ProgressArgs),
    /// Rate a person on a competency at a level of its framework's scale.
    Rate(RateArgs),
    /// What each role requires: competencies at levels.
    #[command(subcommand)]
    Role(RoleCommand),
    /// Skills figures: a pilot's, one person's profile, or readiness per team.
    Skills(SkillsArgs),
    /// A 10-15 minute coaching agenda for a manager and a coachee, written offline (or by
    /// the workspace's local model with --model); and what the manager did with it.
    Agenda(AgendaArgs),
    /// How managers use suggested agendas: acceptance by context and by manager, and the
    /// over-reliance signal.
    Calibration {
        /// Only this pilot's agendas, up to today.
        #[arg(long)]
        pilot: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Micro-feedback: short notes to a person about a competency.
    #[command(subcommand)]
    Feedback(FeedbackCommand),
    /// Work samples in a person's portfolio, and annotations on them.
    #[command(subcommand)]
    Sample(SampleCommand),
    /// Review a person's portfolio: a level and a comment per competency.
    ReviewPortfolio(ReviewArgs),
    /// One person's portfolio: samples, feedback, reviews and the reviewers' agreement.
    Portfolio {
        person: String,
        #[arg(long)]
        json: bool,
    },
    /// A pilot's asynchronous competency figures: feedback frequency, time to first
    /// feedback, portfolio quality, promotion velocity against the comparison group and the
    /// people without a live check-in; the privacy floor on every group.
    AsyncReport {
        /// The pilot's id.
        pilot: i64,
        #[arg(long)]
        json: bool,
    },
    /// People with asynchronous coaching and no live check-in for the set number of weeks.
    CheckIns {
        #[arg(long)]
        manager: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The coaching network of a quarter: density, reach and cross-team transfer with their
    /// denominators, and each coach's load, reach and impact (weaker evidence).
    Network(NetworkArgs),
}

/// A date argument: YYYY-MM-DD within the years Pilotdesk works with, so no later date
/// arithmetic can overflow.
pub fn date_arg(text: &str) -> Result<chrono::NaiveDate, String> {
    pilotdesk_core::workflows::pilots::parse_date(text)
}
