use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::coach::{Certification, Coach, CoachStatus};
use super::evidence::{CoachFeedback, CoachObservation};
use super::standard::{CoachLevel, Standard};
use crate::model::PersonChoice;

/// The criteria of the standard, in the order a coach meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKey {
    Training,
    Hours,
    Observations,
    ObservationScore,
    FeedbackCount,
    FeedbackRating,
}

impl CriterionKey {
    pub fn label(self) -> &'static str {
        match self {
            CriterionKey::Training => "Coach training completed",
            CriterionKey::Hours => "Coaching hours logged",
            CriterionKey::Observations => "Sessions observed by a certified assessor",
            CriterionKey::ObservationScore => "Mean observation score",
            CriterionKey::FeedbackCount => "Coachee feedback received",
            CriterionKey::FeedbackRating => "Mean coachee rating",
        }
    }
}

/// One criterion of a level, evaluated from the data, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CriterionProgress {
    pub key: CriterionKey,
    pub label: String,
    pub met: bool,
    /// "12 of 20 hours logged".
    pub reason: String,
    /// Where the coach is, and what the level asks, for a progress bar.
    pub value: f64,
    pub required: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LevelProgress {
    pub level: CoachLevel,
    pub criteria: Vec<CriterionProgress>,
    /// Every criterion met.
    pub met: bool,
    /// Why certifying at this level is refused now, naming what is missing; none when the
    /// coach may be certified at it.
    pub blocked: Option<String>,
}

/// Everything a coach's page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachProgress {
    pub coach: Coach,
    pub status: CoachStatus,
    pub standard: Standard,
    pub levels: Vec<LevelProgress>,
    /// The valid certification, highest level first when there are two.
    pub current: Option<Certification>,
    /// Every certification, newest first.
    pub certifications: Vec<Certification>,
    pub observations: Vec<CoachObservation>,
    pub feedback: Vec<CoachFeedback>,
    /// Coaching hours logged within the evidence window.
    pub hours: f64,
    /// Who may observe and score this coach's sessions today.
    pub assessors: Vec<PersonChoice>,
    /// People this coach has coached, for the feedback form.
    pub coachees: Vec<PersonChoice>,
}
