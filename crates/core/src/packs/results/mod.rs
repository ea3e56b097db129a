//! The packs of the measure half: the monthly pack, the day-45 review pack and the day-90
//! outcome pack. Each is a pure function of a dashboard (and what else it prints), so the
//! charts on paper are the very charts the app draws.

mod calibration;
mod methods;
pub mod monthly;
pub mod outcome;
mod sections;
mod skills;

pub use sections::ROWS_IN_BODY;

use chrono::NaiveDate;

use crate::model::{Dashboard, Decision, ImportRecord, RuleVerdict};

/// A gate the pack asks the steering group to decide.
pub struct GateAsk {
    pub item_id: i64,
    pub due_on: NaiveDate,
    /// Open: the pack is printed before the decision it asks for.
    pub open: bool,
    pub decision: Option<Decision>,
}

/// Everything a results pack prints, loaded beforehand.
pub struct ResultsData<'a> {
    pub dashboard: &'a Dashboard,
    /// The dashboard as of the end of the month before, for "what changed".
    pub previous: Option<&'a Dashboard>,
    pub lineage: &'a [ImportRecord],
    pub workspace: &'a str,
    pub produced_on: NaiveDate,
    pub gate: Option<GateAsk>,
    /// The pre-registered rule's verdict (the day-90 outcome pack).
    pub verdict: Option<&'a RuleVerdict>,
    /// The pilot's skills figures, when it bought or assigned modules.
    pub skills: Option<&'a crate::model::skills::SkillsReport>,
    /// How managers used the AI-assisted agendas (the monthly pack), when any were made.
    pub calibration: Option<&'a crate::model::agenda::Calibration>,
    /// The organisation's coaching network in the quarter the pack reports on: know-how
    /// travels across teams or it does not, whatever the pilot.
    pub network: Option<(
        &'a crate::model::network::NetworkFigures,
        &'a crate::model::network::NetworkLayout,
    )>,
}
