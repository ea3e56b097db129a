//! What coaching looks like in the generated data: when it happens, what kind, how long.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::model::EventKind;

/// A working day between `from` and `to` and a time between 08:00 and 17:45.
pub(super) fn working_moment(
    rng: &mut ChaCha8Rng,
    from: NaiveDate,
    to: NaiveDate,
) -> chrono::NaiveDateTime {
    let span = (to - from).num_days().max(0);
    loop {
        let day = from + Duration::days(rng.gen_range(0..=span));
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && span >= 7 {
            continue;
        }
        let minute = rng.gen_range(8 * 60..(17 * 60 + 46));
        let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or(NaiveTime::MIN);
        return day.and_time(time);
    }
}

pub(super) fn pick_kind(rng: &mut ChaCha8Rng, in_pilot: bool) -> EventKind {
    let roll: f64 = rng.gen();
    let table: &[(f64, EventKind)] = if in_pilot {
        &[
            (0.70, EventKind::MicroCoaching),
            (0.80, EventKind::AiAgenda),
            (0.90, EventKind::AsyncFeedback),
            (0.95, EventKind::PortfolioReview),
            (1.00, EventKind::LiveCheckIn),
        ]
    } else {
        &[
            (0.50, EventKind::LiveCheckIn),
            (0.70, EventKind::AsyncFeedback),
            (0.85, EventKind::PortfolioReview),
            (1.00, EventKind::MicroCoaching),
        ]
    };
    table
        .iter()
        .find(|(p, _)| roll < *p)
        .map_or(EventKind::LiveCheckIn, |(_, k)| *k)
}

pub(super) fn minutes_for(rng: &mut ChaCha8Rng, kind: EventKind) -> u32 {
    match kind {
        EventKind::MicroCoaching => rng.gen_range(5..=15),
        EventKind::AiAgenda => rng.gen_range(10..=20),
        EventKind::AsyncFeedback => rng.gen_range(5..=10),
        EventKind::PortfolioReview => rng.gen_range(20..=45),
        EventKind::LiveCheckIn => rng.gen_range(15..=30),
    }
}

pub(super) const NOTES: &[&str] = &[
    "Replayed the discovery call; agreed two questions to try tomorrow.",
    "Walked through the escalation; next time name the impact first.",
    "Quick check on the mutual action plan before the buyer meeting.",
    "Feedback on the recorded demo: slow down at pricing.",
];
