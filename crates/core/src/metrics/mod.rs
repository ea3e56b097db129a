//! Figures computed from plain data: pure functions, no database, no clock.

pub mod agenda;
pub mod analytics;
pub mod assignment;
pub mod ballots;
pub mod budget;
pub mod chain;
pub mod coaches;
pub mod ledger;
pub mod log_rows;
pub mod network;
pub mod portfolio;
pub mod quorum;
pub mod skills;
pub mod time_credits;
mod timeline;

pub use timeline::{pilot_phase, PilotPhase};
