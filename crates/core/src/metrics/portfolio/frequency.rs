//! Async feedback frequency: how many feedback notes a person receives per week. Recorded
//! micro-feedback only replaces a conversation if it keeps coming, so the figure is a
//! rate over the whole cohort and a weekly series that shows when it dries up.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use crate::metrics::time_credits::week_start;

/// Mean notes received per person per week over a window of `days`. `counts` holds
/// (person, notes received); `people` is the whole cohort, so someone who received
/// nothing still counts (and usually has no row). None without people or days.
pub fn per_person_per_week(counts: &[(String, u32)], people: u32, days: u32) -> Option<f64> {
    if people == 0 || days == 0 {
        return None;
    }
    let notes: f64 = counts.iter().map(|(_, notes)| f64::from(*notes)).sum();
    let weeks = f64::from(days) / 7.0;
    Some(notes / f64::from(people) / weeks)
}

/// Notes per calendar week (Monday first) for the days `from..=to`, one row per week from
/// the week of `from` to the week of `to`, empty weeks as 0 so a gap shows as a gap
/// rather than vanishing from the chart. Dates outside the window are left out, so a
/// first or last week cut by the window counts only its days inside it. Empty when `to`
/// is before `from`.
pub fn weekly_counts(dates: &[NaiveDate], from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, u32)> {
    if to < from {
        return Vec::new();
    }
    let mut weeks: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    let mut monday = week_start(from);
    while monday <= to {
        weeks.insert(monday, 0);
        monday += Duration::weeks(1);
    }
    for date in dates.iter().filter(|d| (from..=to).contains(*d)) {
        *weeks.entry(week_start(*date)).or_default() += 1;
    }
    weeks.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn the_rate_counts_people_who_received_nothing() {
        // 6 + 3 + 3 = 12 notes over 4 weeks (28 days) among 3 people: 12 / 3 / 4 = 1.
        let counts = [
            ("ana".to_string(), 6),
            ("ben".to_string(), 3),
            ("cy".to_string(), 3),
        ];
        assert!(close(per_person_per_week(&counts, 3, 28).unwrap(), 1.0));
        // Two more people in the cohort who received nothing: 12 / 5 / 4 = 0.6.
        assert!(close(per_person_per_week(&counts, 5, 28).unwrap(), 0.6));
        // 90 days is 90/7 weeks: 12 / 3 / (90/7) = 28/90.
        assert!(close(
            per_person_per_week(&counts, 3, 90).unwrap(),
            28.0 / 90.0
        ));
    }

    #[test]
    fn no_people_or_no_days_has_no_rate() {
        let counts = [("ana".to_string(), 6)];
        assert_eq!(per_person_per_week(&counts, 0, 28), None);
        assert_eq!(per_person_per_week(&counts, 3, 0), None);
        assert_eq!(per_person_per_week(&[], 3, 28), Some(0.0));
    }

    #[test]
    fn weeks_run_monday_to_sunday_and_empty_weeks_stay() {
        // 2025-03-05 is a Wednesday; its week starts Monday 2025-03-03. The window ends
        // Tuesday 2025-03-25, in the week of Monday 2025-03-24.
        let dates = [
            d("2025-03-05"),
            d("2025-03-09"), // Sunday: still the first week
            d("2025-03-10"), // Monday: the second week
            d("2025-03-25"),
            d("2025-03-04"), // before the window
            d("2025-03-26"), // after it
        ];
        let weeks = weekly_counts(&dates, d("2025-03-05"), d("2025-03-25"));
        assert_eq!(
            weeks,
            vec![
                (d("2025-03-03"), 2),
                (d("2025-03-10"), 1),
                (d("2025-03-17"), 0),
                (d("2025-03-24"), 1),
            ]
        );
    }

    #[test]
    fn a_one_day_window_and_a_backwards_one() {
        let monday = d("2025-03-10");
        assert_eq!(weekly_counts(&[monday], monday, monday), vec![(monday, 1)]);
        assert_eq!(
            weekly_counts(&[], d("2025-03-16"), d("2025-03-16")),
            vec![(monday, 0)]
        );
        assert!(weekly_counts(&[monday], d("2025-03-11"), monday).is_empty());
    }
}
