//! Figures computed from plain data: pure functions, no database, no clock.

mod timeline;

pub use timeline::{pilot_phase, PilotPhase};
