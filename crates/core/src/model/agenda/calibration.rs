use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AgendaContext, AgendaStatus, RejectReason};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReasonCount {
    pub reason: RejectReason,
    pub label: String,
    pub count: u32,
}

/// What happened to a group of agendas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AcceptanceFigures {
    pub generated: u32,
    /// Still waiting for the manager's decision.
    pub open: u32,
    pub accepted_as_is: u32,
    pub edited: u32,
    pub rejected: u32,
    /// (accepted as is + edited) / decided; absent before the first decision.
    pub acceptance_rate: Option<f64>,
    /// accepted as is / decided.
    pub unedited_rate: Option<f64>,
    /// The mean share of the text changed in edited agendas, 0 to 1.
    pub mean_change_share: Option<f64>,
    pub reasons: Vec<ReasonCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContextCalibration {
    pub context: AgendaContext,
    pub label: String,
    pub figures: AcceptanceFigures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ManagerCalibration {
    pub manager_id: String,
    pub manager_name: String,
    pub figures: AcceptanceFigures,
    /// Accepts nearly everything unedited over many agendas.
    pub over_reliant: bool,
    /// Why the signal is raised or not, in a sentence.
    pub reason: String,
}

/// How managers use the suggestions, so over-reliance shows before it sets in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Calibration {
    pub overall: AcceptanceFigures,
    pub by_context: Vec<ContextCalibration>,
    pub by_manager: Vec<ManagerCalibration>,
    /// The signal needs at least this many decided agendas from one manager...
    pub signal_min_agendas: u32,
    /// ...of which at least this share was accepted unedited.
    pub signal_unedited_share: f64,
    pub over_reliant_managers: u32,
}

/// One agenda as calibration counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaOutcome {
    pub manager_id: String,
    pub manager_name: String,
    pub context: AgendaContext,
    pub status: AgendaStatus,
    pub change_share: Option<f64>,
    pub reject_reason: Option<RejectReason>,
}
