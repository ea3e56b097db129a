//! AI-assisted coaching agendas: gathered from what the workspace knows, written offline by
//! default or by the workspace's local model when it wants one, and calibrated by recording
//! what every manager did with every suggestion.

pub mod calibration;
pub mod compose;
pub mod decide;
pub mod endpoint;
pub mod gather;
pub mod http;
pub mod prompt;
pub mod redact;
mod voice;
pub mod generate;
pub mod settings;
pub mod outputs;
