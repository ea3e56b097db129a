//! One module per area; each owns its arguments and runs them against the core.

pub mod agenda;
pub mod analytics;
pub mod audit;
pub mod backup;
pub mod badge;
pub mod ballots;
pub mod budget;
pub mod coach;
pub mod data;
pub mod design;
pub mod identity;
pub mod network;
pub mod pack;
pub mod pilot;
pub mod portfolio;
pub mod register;
pub mod review;
pub mod skills;
pub mod steering;
pub mod user;
pub mod workspace;

use std::path::Path;
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use pilotdesk_core::paths::default_db_path;
use pilotdesk_core::{Result, Store};

use crate::cli::{Cli, Command};

/// What every command may need besides its arguments.
pub struct Context<'a> {
    pub db: &'a Path,
    pub today: NaiveDate,
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let path = cli.db.unwrap_or_else(default_db_path);
    let mut store = Store::open(&path)?;
    pilotdesk_core::workflows::skills::frameworks::ensure_builtin(&mut store)?;
    // A diagnostic for benchmarks: the statements this command runs, with their values.
    if let Some(trace) = std::env::var_os("PILOTDESK_TRACE_SQL") {
        pilotdesk_core::store::trace::statements_to(store.conn(), Path::new(&trace))?;
    }
    if let Some(person) = &cli.act_as {
        pilotdesk_core::workflows::users::act_for_session(&store, person)?;
    }
    let context = Context {
        db: &path,
        today: Local::now().date_naive(),
    };
    let done = match cli.command {
        Command::Demo { as_of } => workspace::demo(&mut store, as_of, &context),
        Command::Pilot(command) => pilot::run(*command, &mut store, &context),
        Command::Readiness { id, json } => design::readiness(&store, id, json, &context),
        Command::Templates { json } => workspace::templates(json),
        Command::Managers { json } => workspace::managers(&store, json),
        Command::People(command) => workspace::people(command, &store, &context),
        Command::Pack(command) => pack::run(command, &mut store, &context),
        Command::Packs { json } => pack::list(&store, json),
        Command::Import(command) => data::import(command, &mut store, &context),
        Command::Export(command) => data::export(command, &store),
        Command::Events(command) => data::events(command, &store),
        Command::Log(args) => data::log(args, &mut store),
        Command::Credits { weeks, pilot, json } => {
            data::credits(&store, weeks, pilot, json, &context)
        }
        Command::Imports { json } => workspace::imports(&store, json),
        Command::Generate(args) => data::generate_data(args, &mut store, &context),
        Command::Info { json } => workspace::info(&store, json, &context),
        Command::User(command) => user::run(command, &mut store, &context),
        Command::Steering(command) => steering::run(command, &mut store),
        Command::Identity(command) => identity::run(command, &store),
        Command::Backup(command) => return backup::run(command, &mut store, &context),
        Command::Review(command) => review::run(command, &mut store, &context),
        Command::Tranche(command) => budget::run(command, &mut store, &context),
        Command::Lift { kpi, json } => budget::measure(&store, kpi, json, &context),
        Command::Vendor(command) => register::vendor(command, &mut store),
        Command::Risk(command) => register::risk(command, &mut store),
        Command::Audit(command) => return audit::run(command, &store),
        Command::Coach(command) => coach::coach(command, &mut store, &context),
        Command::Match(args) => coach::match_coaches(args, &store, &context),
        Command::Calendar(command) => coach::calendar(command, &mut store, &context),
        Command::Badge(command) => return badge::run(command, &mut store, &context),
        Command::Dashboard(args) => analytics::dashboard(args, &mut store, &context),
        Command::Roi(args) => analytics::roi(args, &mut store, &context),
        Command::Mde { pilot, json } => analytics::mde(&store, pilot, json, &context),
        Command::Overview { json } => analytics::overview(&store, json, &context),
        Command::Home { json } => analytics::home(&store, json, &context),
        Command::Costs(command) => analytics::costs(command, &mut store),
        Command::Framework(command) => skills::framework(command, &mut store),
        Command::Module(command) => skills::module(command, &mut store, &context),
        Command::Assign(args) => skills::assign(args, &mut store, &context),
        Command::Progress(args) => skills::progress(args, &mut store, &context),
        Command::Rate(args) => skills::rate(args, &mut store, &context),
        Command::Role(command) => skills::role(command, &mut store),
        Command::Skills(args) => skills::skills(args, &store, &context),
        Command::Agenda(args) => agenda::agenda(args, &mut store, &context),
        Command::Calibration { pilot, json } => {
            agenda::calibration_report(pilot, json, &store, &context)
        }
        Command::Feedback(command) => portfolio::feedback(command, &mut store, &context),
        Command::Sample(command) => portfolio::sample(command, &mut store, &context),
        Command::ReviewPortfolio(args) => portfolio::review(args, &mut store, &context),
        Command::AsyncReport { pilot, json } => {
            portfolio::async_report(pilot, json, &store, &context)
        }
        Command::Portfolio { person, json } => {
            portfolio::portfolio(&person, json, &store, &context)
        }
        Command::CheckIns { manager, json } => {
            portfolio::check_ins(manager, json, &store, &context)
        }
        Command::Network(args) => network::network(args, &store),
    };
    done.map(|()| ExitCode::SUCCESS)
}
