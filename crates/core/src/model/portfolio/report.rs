use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The asynchronous competency model at pilot level: how often feedback comes, how long a
/// work sample waits for it, portfolio quality and how it moved, promotion velocity against
/// the comparison group, and how many people have gone without a live check-in. Every figure
/// is about a group; a group under the workspace's minimum size shows none (`hidden`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AsyncReport {
    pub pilot_id: i64,
    pub pilot_name: String,
    /// The pilot's start to today (or to its end, when it has ended).
    pub from: String,
    pub to: String,
    pub min_group_size: u32,
    /// People in the pilot's teams: the direct reports of its pilot-arm managers.
    pub pilot_people: u32,
    /// The pilot group is under the minimum group size: nothing but its size is shown.
    pub hidden: bool,
    pub frequency: FeedbackFrequency,
    pub first_feedback: FirstFeedbackFigures,
    pub quality: QualityFigures,
    pub promotion: PromotionFigures,
    pub check_ins: CheckInCount,
    /// Per pilot team; a team under the minimum group size is listed with `hidden` set and
    /// no figures.
    pub teams: Vec<TeamAsync>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackFrequency {
    pub notes: u32,
    /// Notes received per person per week, everyone in the group counted.
    pub per_person_per_week: Option<f64>,
    /// Notes per calendar week, Monday first, empty weeks as 0.
    pub weekly: Vec<WeekCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekCount {
    pub week_start: String,
    pub notes: u32,
}

/// Days from a work sample to its first feedback (feedback that names the sample).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FirstFeedbackFigures {
    /// People whose samples are counted.
    pub people: u32,
    /// Fewer people than the minimum group size added samples: no figures.
    pub hidden: bool,
    pub samples: u32,
    pub answered: u32,
    pub waiting: u32,
    /// Kaplan-Meier median, waiting samples censored at their age.
    pub median_days: Option<f64>,
    /// Answered samples only: shown beside the median, never in its place.
    pub median_days_answered: Option<f64>,
    pub longest_wait_days: Option<f64>,
}

/// Mean review level over each reviewed person's latest review, and the change from each
/// person's first review to their last, over the people reviewed at least twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QualityFigures {
    pub reviewed_people: u32,
    pub mean_level: Option<f64>,
    pub top_level: u32,
    /// People with two reviews or more, over whom the change is taken.
    pub reviewed_twice: u32,
    pub first_mean: Option<f64>,
    pub last_mean: Option<f64>,
    pub change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VelocityFigures {
    pub people: u32,
    /// Under the minimum group size: no figures.
    pub hidden: bool,
    pub promoted: u32,
    pub role_changes: u32,
    pub person_years: f64,
    pub per_person_year: Option<f64>,
    pub median_days_between: Option<f64>,
    pub median_days_between_with_waiting: Option<f64>,
}

/// Role changes per person-year from the pilot's start, pilot group against comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PromotionFigures {
    pub pilot: VelocityFigures,
    pub comparison: VelocityFigures,
    /// Pilot minus comparison, per person-year; none when either is hidden or unobserved.
    pub difference: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckInCount {
    pub weeks: u32,
    /// People in the pilot's teams with async coaching and no live check-in for `weeks`.
    pub flagged: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamAsync {
    pub team: String,
    pub people: u32,
    pub hidden: bool,
    pub notes: Option<u32>,
    pub per_person_per_week: Option<f64>,
    /// None also when fewer than the minimum group size were reviewed in the team.
    pub mean_level: Option<f64>,
}
