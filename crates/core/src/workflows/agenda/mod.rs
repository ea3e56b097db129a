//! AI-assisted coaching agendas: gathered from what the workspace knows, written offline by
//! default or by the workspace's local model when it wants one, and calibrated by recording
//! what every manager did with every suggestion.

pub mod calibration;
pub mod compose;
pub mod decide;
pub mod endpoint;
pub mod gather;
pub mod generate;
pub mod http;
pub mod outputs;
pub mod prompt;
pub mod redact;
pub mod settings;
mod voice;
