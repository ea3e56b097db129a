use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    BudgetEstimate, BudgetLine, ChecklistMark, Cohort, Kpi, Pilot, PilotStatus, Readiness,
    ReviewFeedback, TimeCosts, Transition, Workflow,
};

/// Everything the designer, the checklist and the proposal pack need about one pilot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotDesign {
    pub pilot: Pilot,
    pub workflows: Vec<Workflow>,
    pub kpis: Vec<Kpi>,
    pub cohort: Cohort,
    pub budget_lines: Vec<BudgetLine>,
    /// Skill modules bought from the catalog for this pilot: vendor fees in its budget,
    /// recorded under Skills rather than typed here.
    pub purchase_lines: Vec<BudgetLine>,
    pub time_costs: TimeCosts,
    pub estimate: BudgetEstimate,
    pub marks: Vec<ChecklistMark>,
    pub readiness: Readiness,
    pub transitions: Vec<Transition>,
    /// Once approved, baselines and success criteria cannot change without a new decision.
    pub criteria_locked: bool,
    /// The design can be edited only in Draft or Ready.
    pub editable: bool,
    /// Where the pilot may be moved next by hand; the steering group's decisions take it
    /// to the others.
    pub next_statuses: Vec<PilotStatus>,
    /// The steering group's comments when it asked for changes, while the pilot is being
    /// redesigned.
    pub feedback: Option<ReviewFeedback>,
    /// Each KPI's minimum detectable effect, from its baseline data and the cohort.
    pub mdes: Vec<super::KpiMde>,
}

/// What the data says beyond the design itself, for Step 2 of the checklist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// Coaching events of this pilot in the last 14 days.
    pub recent_events: u32,
    /// Observations since the start date, per KPI id.
    pub observations_per_kpi: Vec<(i64, u32)>,
}
