//! AI-assisted coaching agendas: the agenda a manager takes into a 10-15 minute
//! conversation, where its suggestions came from, what the manager did with them, and the
//! workspace's rules for when suggestions are made at all.

mod calibration;
mod context;
mod record;
mod settings;

pub use calibration::{
    AcceptanceFigures, AgendaOutcome, Calibration, ContextCalibration, ManagerCalibration,
    ReasonCount,
};
pub use context::AgendaContext;
pub use record::{
    Agenda, AgendaItem, AgendaItemKind, AgendaRequest, AgendaSource, AgendaStatus, AgendaSummary,
    ItemEdit, ModelPreview, Placeholder, RejectInput, RejectReason,
};
pub use settings::{AgendaSettings, AgendaSettingsInput, ContextRule, ModelSettings};

pub mod facts;
