//! The pilot dashboard: what the L&D lead, the steering group and the packs read about a
//! running or finished pilot, computed once by the core and drawn by the UI and the PDFs.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{FlightRisk, RoiReport};
use crate::model::{Chart, ComparisonDesign, Direction, LiftReport, Money, PilotStatus};

/// One of the few numbers that carry a page, with its unit, period and evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeyNumber {
    pub value: String,
    pub label: String,
    pub basis: String,
}

/// The minimum detectable effect beside a KPI's success criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiMde {
    pub kpi_id: i64,
    /// In the KPI's unit; none when it cannot be computed yet, with the reason.
    pub effect: Option<f64>,
    pub display: Option<String>,
    pub reason: Option<String>,
    pub pilot_units: u32,
    pub comparison_units: u32,
    /// The criterion asks for less than the pilot can detect.
    pub criterion_below_mde: bool,
    /// The sentence shown beside the criterion.
    pub sentence: String,
}

/// One KPI on the dashboard: its measured lift (or why not yet), its series and its
/// effect month by month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiPanel {
    pub kpi_id: i64,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub criterion: Option<String>,
    pub lift: Option<LiftReport>,
    /// Why the lift cannot be measured yet, when it cannot.
    pub not_measured: Option<String>,
    pub mde: Option<KpiMde>,
    /// Both groups month by month, the baseline and pilot windows marked.
    pub series: Chart,
    /// The effect per 30-day period relative to the baseline, with intervals.
    pub event_study: Option<Chart>,
}

/// A playbook task and how often it was practised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskPractice {
    pub task_id: i64,
    pub workflow: String,
    pub behaviour: String,
    pub events: u32,
    pub hours: f64,
}

/// What went into the pilot: coaching moments, hours, reach and load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachingPanel {
    pub weeks_elapsed: u32,
    pub pilot_managers: u32,
    pub pilot_people: u32,
    pub events: u64,
    pub hours: f64,
    pub events_per_manager_week: Option<f64>,
    /// The comparison group's managers' own coaching, for contrast (business as usual).
    pub comparison_events_per_manager_week: Option<f64>,
    /// In a typical week of the pilot, the share of the cohort coached at least once.
    pub share_coached_weekly: Option<f64>,
    pub tasks: Vec<TaskPractice>,
    pub credits: f64,
    /// Manager-weeks over the workspace's weekly load threshold.
    pub overloaded_manager_weeks: u32,
    /// Pilot managers over the threshold in at least one week.
    pub overloaded_managers: u32,
    pub weekly: Chart,
    /// Each team's coaching hours against its change on the first KPI.
    pub inputs_against_outcomes: Option<Chart>,
    pub summary: String,
}

/// Money against the budget and the tranches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CostPanel {
    pub budget: Money,
    pub planned_lines: Money,
    pub tranches_committed: Money,
    pub released: Money,
    pub spent: Money,
    /// The coaching time so far at the hourly costs of the roles involved.
    pub time_to_date: Money,
    /// Spent plus time so far.
    pub fully_loaded_to_date: Money,
    pub tranches: Vec<TrancheStatus>,
    pub chart: Chart,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrancheStatus {
    pub label: String,
    pub amount: Money,
    pub condition: String,
    pub released: bool,
    /// Whether the data meet the condition today.
    pub met: bool,
    pub explanation: String,
}

/// One team (a unit of the analysis) in the breakdown table; hidden under the privacy
/// floor, with complementary suppression, so no row or total gives a small group away.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitRow {
    pub label: String,
    pub arm: crate::model::Arm,
    pub people: u32,
    pub coaching_hours: f64,
    pub events: u32,
    /// The unit's change on each KPI, in the order of the panels; none without data.
    pub changes: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitTable {
    pub kpis: Vec<String>,
    pub rows: Vec<UnitRow>,
    /// Rows left out under the privacy floor (primary and complementary), counted only.
    pub hidden: u32,
    pub note: String,
}

/// The dashboard of one pilot as of a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub pilot_id: i64,
    pub pilot_name: String,
    pub status: PilotStatus,
    pub design: ComparisonDesign,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    /// The data are read up to this day: today, or the end of the month asked for.
    pub as_of: NaiveDate,
    /// YYYY-MM.
    pub month: String,
    /// Day N of the 90-day window (negative before launch).
    pub day: i64,
    pub currency: String,
    pub min_group_size: u32,
    /// The status in one sentence.
    pub headline: String,
    pub key_numbers: Vec<KeyNumber>,
    pub kpis: Vec<KpiPanel>,
    /// Lift per KPI with intervals, in one chart.
    pub lift_chart: Option<Chart>,
    pub coaching: CoachingPanel,
    pub impact_per_hour: Option<KeyNumber>,
    pub cost: CostPanel,
    pub roi: Option<RoiReport>,
    pub flight_risk: FlightRisk,
    pub units: UnitTable,
    /// What the privacy floor held back, without saying who.
    pub privacy_notes: Vec<String>,
}

/// A pilot in the workspace overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotCard {
    pub pilot_id: i64,
    pub name: String,
    pub status: PilotStatus,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub day: i64,
    /// The next gate and its day, e.g. "Day-45 review, 25 Feb 2027".
    pub next_gate: Option<String>,
    pub next_gate_overdue: bool,
    /// The first KPI's lift in a few words, with its evidence.
    pub headline_kpi: Option<String>,
    pub budget: Money,
    pub spent: Money,
    pub packs: u32,
    pub has_dashboard: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioOverview {
    pub as_of: NaiveDate,
    pub pilots: Vec<PilotCard>,
}
