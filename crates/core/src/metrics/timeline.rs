use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::PILOT_LENGTH_DAYS;

/// Where today falls in a pilot's 90-day window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum PilotPhase {
    /// `days` until day 0.
    NotStarted { days: i64 },
    /// Day 0 to day 90.
    InWindow { day: i64 },
    /// `days` since day 90.
    Ended { days: i64 },
}

pub fn pilot_phase(start: NaiveDate, today: NaiveDate) -> PilotPhase {
    let day = (today - start).num_days();
    if day < 0 {
        PilotPhase::NotStarted { days: -day }
    } else if day <= PILOT_LENGTH_DAYS {
        PilotPhase::InWindow { day }
    } else {
        PilotPhase::Ended {
            days: day - PILOT_LENGTH_DAYS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn phases_around_the_window() {
        let start = date("2027-01-11");
        assert_eq!(
            pilot_phase(start, date("2027-01-01")),
            PilotPhase::NotStarted { days: 10 }
        );
        assert_eq!(pilot_phase(start, start), PilotPhase::InWindow { day: 0 });
        assert_eq!(
            pilot_phase(start, date("2027-04-11")),
            PilotPhase::InWindow { day: 90 }
        );
        assert_eq!(
            pilot_phase(start, date("2027-04-13")),
            PilotPhase::Ended { days: 2 }
        );
    }
}
