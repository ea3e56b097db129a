//! The no-live-check-in flag. Async feedback can feel impersonal, so the model keeps live
//! check-ins in the plan; this names the people who are getting async attention but have
//! not had a live conversation lately. People with no async activity are not flagged:
//! they are missing everything, which other figures already show.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

#[derive(Debug, Clone, PartialEq)]
pub struct PersonActivity {
    pub person: String,
    /// Feedback received, work samples added, portfolio reviews.
    pub async_dates: Vec<NaiveDate>,
    /// Live check-ins held.
    pub live_dates: Vec<NaiveDate>,
}

/// People with async activity in the last `weeks` weeks and no live check-in in them, in
/// name order. The window is the 7 × `weeks` days ending with `today`, today included;
/// dates after today are ignored, so a check-in merely booked does not clear the flag
/// until it has happened. Rows for the same person are read together.
pub fn without_live_check_in(
    activity: &[PersonActivity],
    today: NaiveDate,
    weeks: u32,
) -> Vec<String> {
    if weeks == 0 {
        return Vec::new();
    }
    let first_day = today - Duration::days(7 * i64::from(weeks) - 1);
    let in_window = |date: &NaiveDate| (first_day..=today).contains(date);
    // Per person: (async activity in the window, live check-in in the window).
    let mut seen: BTreeMap<&str, (bool, bool)> = BTreeMap::new();
    for row in activity {
        let (had_async, had_live) = seen.entry(row.person.as_str()).or_default();
        *had_async |= row.async_dates.iter().any(in_window);
        *had_live |= row.live_dates.iter().any(in_window);
    }
    seen.into_iter()
        .filter(|(_, (had_async, had_live))| *had_async && !*had_live)
        .map(|(person, _)| person.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn person(name: &str, async_dates: &[&str], live_dates: &[&str]) -> PersonActivity {
        PersonActivity {
            person: name.to_string(),
            async_dates: async_dates.iter().map(|t| d(t)).collect(),
            live_dates: live_dates.iter().map(|t| d(t)).collect(),
        }
    }

    #[test]
    fn the_flag_appears_and_clears_when_a_check_in_lands() {
        let today = d("2025-06-30");
        let without = person("ana", &["2025-06-20"], &["2025-05-01"]);
        assert_eq!(
            without_live_check_in(std::slice::from_ref(&without), today, 2),
            vec!["ana"]
        );
        let mut with = without;
        with.live_dates.push(d("2025-06-27"));
        assert!(without_live_check_in(&[with], today, 2).is_empty());
    }

    #[test]
    fn no_async_activity_is_not_flagged() {
        let today = d("2025-06-30");
        let people = [
            person("ana", &[], &[]),
            person("ben", &["2025-04-01"], &[]), // async long before the window
        ];
        assert!(without_live_check_in(&people, today, 2).is_empty());
    }

    #[test]
    fn the_window_is_seven_days_a_week_ending_today() {
        // Two weeks ending Monday 2025-06-30 run from Tuesday 2025-06-17 to 2025-06-30.
        let today = d("2025-06-30");
        let first_day = [person("ana", &["2025-06-17"], &[])];
        let day_before = [person("ana", &["2025-06-16"], &[])];
        assert_eq!(without_live_check_in(&first_day, today, 2), vec!["ana"]);
        assert!(without_live_check_in(&day_before, today, 2).is_empty());
        // A check-in on the first day counts; one the day before does not.
        let live_first_day = [person("ana", &["2025-06-30"], &["2025-06-17"])];
        let live_day_before = [person("ana", &["2025-06-30"], &["2025-06-16"])];
        assert!(without_live_check_in(&live_first_day, today, 2).is_empty());
        assert_eq!(
            without_live_check_in(&live_day_before, today, 2),
            vec!["ana"]
        );
        // Today is in the window; tomorrow's booked check-in is not yet held.
        let live_tomorrow = [person("ana", &["2025-06-30"], &["2025-07-01"])];
        assert_eq!(without_live_check_in(&live_tomorrow, today, 2), vec!["ana"]);
        assert!(without_live_check_in(&live_first_day, today, 0).is_empty());
    }

    #[test]
    fn rows_for_one_person_are_read_together_and_names_come_sorted() {
        let today = d("2025-06-30");
        let people = [
            person("cy", &["2025-06-29"], &[]),
            person("ana", &["2025-06-29"], &[]),
            person("ana", &[], &["2025-06-25"]),
            person("ben", &["2025-06-28"], &[]),
        ];
        assert_eq!(without_live_check_in(&people, today, 1), vec!["ben", "cy"]);
    }
}
