//! A person in context: the pilots they are in and on which arm, the coaching they gave and
//! received, their time credits and their skills.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::skills::SkillProfile;
use super::{CoachingEvent, Person, PilotStatus};

/// How a person takes part in a pilot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PilotPart {
    /// A manager in the cohort, who coaches their team.
    Manager,
    /// A direct report of a cohort manager.
    TeamMember,
}

/// A pilot the person is in, and on which arm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonPilot {
    pub pilot_id: i64,
    pub pilot_name: String,
    pub status: PilotStatus,
    pub part: PilotPart,
    /// "Pilot", "Waitlist" (the comparison arm of a randomised waitlist) or "Comparison".
    pub arm: String,
    /// The wave they start in, for staggered waves.
    pub wave: Option<u32>,
    /// The cohort manager they are in the pilot through: themselves, or their manager.
    pub through: String,
}

/// The coaching a person gave (as a manager or coach) and received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonCoaching {
    pub given: u32,
    pub given_minutes: u64,
    pub received: u32,
    pub received_minutes: u64,
    /// The latest moments, given or received, latest first.
    pub latest: Vec<CoachingEvent>,
}

/// A manager's coaching time over the last weeks, as time credits count it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonCredits {
    pub weeks: u32,
    pub hours: f64,
    pub credits: f64,
    pub overloaded_weeks: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonPage {
    pub person: Person,
    pub manager_name: Option<String>,
    /// Their direct reports.
    pub reports: u32,
    pub pilots: Vec<PersonPilot>,
    pub coaching: PersonCoaching,
    /// For someone who coached in the weeks the credits cover.
    pub credits: Option<PersonCredits>,
    /// Their competencies and modules, once the skills area has records for them.
    pub skills: Option<SkillProfile>,
}
