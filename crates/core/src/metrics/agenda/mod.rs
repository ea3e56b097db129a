//! Calibration of AI-assisted agendas: how much of what was suggested managers kept.

pub mod calibration;
pub mod change;
