use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Direction;

/// The coaching network of one quarter (DESIGN.md, "Network"): who coached whom among the
/// people employed during the quarter. Every share comes with its numerator and denominator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkFigures {
    /// "2026-Q3".
    pub quarter: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub min_group_size: u32,
    /// People employed at some point of the quarter: n.
    pub people: u32,
    /// n(n-1)/2: every tie there could be.
    pub possible_ties: u64,
    /// Pairs of people with at least one coaching event between them in the quarter.
    pub ties: u32,
    /// ties / possible ties; none with fewer than two people.
    pub density: Option<f64>,
    /// People with at least one tie.
    pub reached: u32,
    /// reached / people.
    pub reach: Option<f64>,
    /// Ties whose two people are in different teams.
    pub cross_team_ties: u32,
    /// cross-team ties / ties.
    pub cross_team: Option<f64>,
    /// Coaching events behind the ties, and their hours.
    pub events: u32,
    pub hours: f64,
    /// Events of the quarter left out: no coachee, someone coaching themself, or someone
    /// not employed during the quarter.
    pub excluded_events: u32,
    /// Per team; a team under the minimum group size, and the fewest others needed so no
    /// total gives it away, show no figures (`hidden`).
    pub teams: Vec<TeamNetwork>,
    /// Everyone who coached in the quarter, most coachees first.
    pub coaches: Vec<CoachFigures>,
    /// The KPI coach impact is measured on, when there is one with person-level data.
    pub impact_kpi: Option<ImpactKpi>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamNetwork {
    pub team: String,
    pub people: u32,
    pub hidden: bool,
    /// People of the team with at least one tie.
    pub reached: Option<u32>,
    pub reach: Option<f64>,
    /// Ties between two people of the team.
    pub ties_within: Option<u32>,
    /// Ties between someone of the team and someone of another.
    pub ties_across: Option<u32>,
}

/// One coach's load and reach in the quarter, and the change in their coachees' KPI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachFigures {
    pub person_id: String,
    pub name: String,
    pub team: String,
    /// Nominated as an internal coach (and not withdrawn) during the quarter.
    pub internal: bool,
    pub events: u32,
    pub hours: f64,
    /// Distinct people coached.
    pub coachees: u32,
    /// Distinct teams of those people, the coach's own included.
    pub teams_reached: u32,
    /// Coachees from a team other than the coach's.
    pub other_team_coachees: u32,
    pub impact: Option<CoachImpact>,
}

/// The KPI change of a coach's coachees against comparable people: observational, so weaker
/// evidence whatever its interval says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachImpact {
    pub kpi_id: i64,
    /// Coachees with KPI data in both quarters.
    pub coachees: u32,
    /// Comparable people with KPI data in both quarters.
    pub comparison: u32,
    /// "the same team" or "the same role".
    pub comparison_basis: String,
    /// Coachees' mean change minus the comparison's, in the KPI's unit; none when hidden.
    pub effect: Option<f64>,
    /// The effect in the KPI's good direction (positive is better).
    pub improvement: Option<f64>,
    /// "+2.4 percentage points".
    pub display: Option<String>,
    /// "0.3 to 4.5 percentage points", with two people or more in each group.
    pub interval: Option<String>,
    /// Says plainly that this is weaker evidence, and why.
    pub evidence: String,
    /// Why no figure is shown (the privacy floor, no data), when none is.
    pub not_shown: Option<String>,
}

/// Which KPI coach impact is measured on, and why that one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImpactKpi {
    pub kpi_id: i64,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    /// The quarter before, whose mean each person's change is taken from.
    pub baseline_quarter: String,
    pub reason: String,
}
