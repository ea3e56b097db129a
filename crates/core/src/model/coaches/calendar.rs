use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A coaching pair's cadence, as exported: a recurring event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarPair {
    pub uid: String,
    pub coach_id: String,
    pub coach_name: String,
    pub coachee_id: String,
    pub coachee_name: String,
    /// "Tuesday".
    pub weekday: String,
    /// "09:30", wall-clock time in the calendar's zone.
    pub time: String,
    pub minutes: u32,
    /// 1 for weekly, 2 for fortnightly.
    pub interval_weeks: u32,
    /// The first session of the series and how many there are.
    pub first: NaiveDate,
    pub count: u32,
    /// The sessions the cadence was read from.
    pub sessions: u32,
}

/// A pair with coaching events but no cadence to export, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkippedPair {
    pub coach_name: String,
    pub coachee_name: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarExport {
    pub path: String,
    /// The IANA zone the times are written in, e.g. "Europe/London".
    pub time_zone: String,
    pub pairs: Vec<CalendarPair>,
    pub skipped: Vec<SkippedPair>,
}
