//! Promotion velocity from dated role changes: how often people move up, per year they
//! were observed. A rate per person-year rather than a count, because a pilot group and a
//! comparison group are rarely watched for the same length of time.

use chrono::NaiveDate;

use crate::metrics::skills::speed::{summarise, Journey};

const DAYS_PER_YEAR: f64 = 365.25;

/// One person's role history.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRoles {
    pub person: String,
    /// Dates of role changes.
    pub role_changes: Vec<NaiveDate>,
    /// Hire date, or the start of the history when it was imported later.
    pub start: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Velocity {
    /// People observed for at least a day before `until`.
    pub people: u32,
    /// People with at least one role change.
    pub promoted: u32,
    pub role_changes: u32,
    pub person_years: f64,
    /// Median days between successive role changes, the first measured from the start.
    /// Completed intervals only, so people still waiting for a move do not count.
    pub median_days_between: Option<f64>,
    /// The same with each open interval (last change or start, to `until`) censored, as
    /// speed-to-competency does: never below the completed-only median, and None while
    /// fewer than half the intervals can be said to have ended in a move.
    pub median_days_between_with_waiting: Option<f64>,
    /// Role changes per person-year: a rate of 0.25 is one move every four years.
    pub per_person_year: Option<f64>,
}

/// Velocity over each person's history from `start` to `until`. Changes outside that span
/// are left out; changes on one date count once, because a promotion is often recorded as
/// a new title and a new grade on the same day.
pub fn velocity(people: &[PersonRoles], until: NaiveDate) -> Velocity {
    let mut observed = 0;
    let mut promoted = 0;
    let mut role_changes = 0;
    let mut person_days = 0;
    let mut intervals: Vec<Journey> = Vec::new();
    for history in people.iter().filter(|p| p.start < until) {
        observed += 1;
        person_days += (until - history.start).num_days();
        let mut changes: Vec<NaiveDate> = history
            .role_changes
            .iter()
            .copied()
            .filter(|date| (history.start..=until).contains(date))
            .collect();
        changes.sort();
        changes.dedup();
        if !changes.is_empty() {
            promoted += 1;
        }
        role_changes += changes.len() as u32;
        let mut previous = history.start;
        for change in changes {
            intervals.push(Journey {
                days: (change - previous).num_days() as f64,
                reached: true,
            });
            previous = change;
        }
        if previous < until {
            intervals.push(Journey {
                days: (until - previous).num_days() as f64,
                reached: false,
            });
        }
    }
    let completed: Vec<Journey> = intervals.iter().copied().filter(|i| i.reached).collect();
    let person_years = person_days as f64 / DAYS_PER_YEAR;
    Velocity {
        people: observed,
        promoted,
        role_changes,
        person_years,
        median_days_between: summarise(&completed).median,
        median_days_between_with_waiting: summarise(&intervals).median,
        per_person_year: (person_years > 0.0).then(|| f64::from(role_changes) / person_years),
    }
}

/// The pilot's role changes per person-year minus the comparison group's: positive when
/// the pilot group moves up faster. None when either group was never observed.
pub fn compare(pilot: &Velocity, comparison: &Velocity) -> Option<f64> {
    Some(pilot.per_person_year? - comparison.per_person_year?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn history(person: &str, start: &str, changes: &[&str]) -> PersonRoles {
        PersonRoles {
            person: person.to_string(),
            role_changes: changes.iter().map(|c| d(c)).collect(),
            start: d(start),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn velocity_by_hand() {
        // Until 2025-01-01. Ana from 2021-01-01 (1461 days), moved 2022-01-01 (365 days
        // in) and 2023-07-02 (547 days later). Ben from 2023-01-01 (731 days), moved
        // 2024-01-01 (365 days in). Cy from 2024-01-01 (366 days), no move.
        // 3 changes over (1461 + 731 + 366) / 365.25 = 2558 / 365.25 person-years.
        // Completed intervals 365, 365, 547: median 365.
        // With the open ones (Ana 549, Ben 366, Cy 366 censored): at 365, 2 of 6 move,
        // S = 4/6; the two at 366 leave; at 547, 1 of the 2 left moves, S = 1/3: median 547.
        let people = [
            history("ana", "2021-01-01", &["2023-07-02", "2022-01-01"]),
            history("ben", "2023-01-01", &["2024-01-01", "2024-01-01"]),
            history("cy", "2024-01-01", &[]),
        ];
        let v = velocity(&people, d("2025-01-01"));
        assert_eq!((v.people, v.promoted, v.role_changes), (3, 2, 3));
        assert!(close(v.person_years, 2558.0 / 365.25));
        assert!(close(v.per_person_year.unwrap(), 3.0 * 365.25 / 2558.0));
        assert_eq!(v.median_days_between, Some(365.0));
        assert_eq!(v.median_days_between_with_waiting, Some(547.0));
    }

    #[test]
    fn changes_outside_the_history_and_people_not_yet_started_are_left_out() {
        let people = [
            history(
                "ana",
                "2024-01-01",
                &["2023-06-01", "2024-07-01", "2025-03-01"],
            ),
            history("ben", "2025-02-01", &["2025-02-15"]),
        ];
        let v = velocity(&people, d("2025-01-01"));
        assert_eq!((v.people, v.promoted, v.role_changes), (1, 1, 1));
        assert!(close(v.person_years, 366.0 / 365.25));
        // 2024-01-01 to 2024-07-01 is 182 days.
        assert_eq!(v.median_days_between, Some(182.0));
    }

    #[test]
    fn nobody_observed_has_no_rate() {
        let v = velocity(&[], d("2025-01-01"));
        assert_eq!((v.people, v.per_person_year), (0, None));
        assert_eq!(v.median_days_between, None);
    }

    #[test]
    fn the_comparison_is_a_difference_in_rates() {
        // Pilot: 2 changes in 4 person-years (0.5); comparison: 1 in 4 (0.25).
        let pilot = [
            history("a", "2021-01-01", &["2022-01-01", "2023-01-01"]),
            history("b", "2021-01-01", &[]),
        ];
        let comparison = [
            history("c", "2021-01-01", &["2022-06-01"]),
            history("d", "2021-01-01", &[]),
        ];
        let until = d("2023-01-01");
        let (p, c) = (velocity(&pilot, until), velocity(&comparison, until));
        // 2021-01-01 to 2023-01-01 is 730 days each: 1460 person-days.
        let years = 1460.0 / 365.25;
        assert!(close(compare(&p, &c).unwrap(), 2.0 / years - 1.0 / years));
        assert_eq!(compare(&p, &velocity(&[], until)), None);
    }
}
