//! Time from an annotated work sample to its first feedback. A sample nobody has answered
//! yet is the async model failing quietly, so waiting samples are censored at their age
//! (Kaplan-Meier, as for speed-to-competency) instead of being dropped: the median of the
//! answered ones alone would look quickest exactly when most go unanswered.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::metrics::skills::speed::{summarise, Journey};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FirstFeedback {
    pub samples: u32,
    pub answered: u32,
    pub waiting: u32,
    /// Median days among answered samples only: shown beside `median_days` so the gap
    /// between them can be seen, never in its place.
    pub median_days_answered: Option<f64>,
    /// Kaplan-Meier median with waiting samples censored at their age today. None while
    /// fewer than half can be said to have been answered: the honest answer is "not yet".
    pub median_days: Option<f64>,
    /// Age in days of the oldest sample still waiting.
    pub longest_wait_days: Option<f64>,
}

/// `samples`: (sample id, date added); `feedback`: (sample id, date given). As of `today`:
/// samples added later and feedback given later are left out, so a past day's figure can
/// be recomputed. Feedback on an unknown sample is ignored; feedback dated before its
/// sample counts as same-day, since a note on a sample cannot precede it and the date is
/// an entry slip rather than a negative wait.
pub fn days_to_first_feedback(
    samples: &[(i64, NaiveDate)],
    feedback: &[(i64, NaiveDate)],
    today: NaiveDate,
) -> FirstFeedback {
    let mut first_given: BTreeMap<i64, NaiveDate> = BTreeMap::new();
    for &(sample, given) in feedback.iter().filter(|(_, given)| *given <= today) {
        first_given
            .entry(sample)
            .and_modify(|first| *first = (*first).min(given))
            .or_insert(given);
    }
    let journeys: Vec<Journey> = samples
        .iter()
        .filter(|(_, added)| *added <= today)
        .map(|(sample, added)| match first_given.get(sample) {
            Some(given) => Journey {
                days: (*given - *added).num_days().max(0) as f64,
                reached: true,
            },
            None => Journey {
                days: (today - *added).num_days() as f64,
                reached: false,
            },
        })
        .collect();
    let summary = summarise(&journeys);
    let answered_only: Vec<Journey> = journeys.iter().copied().filter(|j| j.reached).collect();
    let longest_wait_days = journeys
        .iter()
        .filter(|j| !j.reached)
        .map(|j| j.days)
        .reduce(f64::max);
    FirstFeedback {
        samples: summary.people,
        answered: summary.reached,
        waiting: summary.censored,
        median_days_answered: summarise(&answered_only).median,
        median_days: summary.median,
        longest_wait_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn waiting_samples_hold_the_median_back() {
        // Today 2025-04-30. Answered after 2, 3 and 10 days; waiting 20 and 25 days.
        // Answered only: median 3. Kaplan-Meier: S = 4/5 at 2, 3/5 at 3, 2/5 at 10, so
        // the median is 10 days: half the samples waited at least that long.
        let samples = [
            (1, d("2025-04-01")),
            (2, d("2025-04-01")),
            (3, d("2025-04-01")),
            (4, d("2025-04-10")),
            (5, d("2025-04-05")),
        ];
        let feedback = [
            (1, d("2025-04-03")),
            (2, d("2025-04-05")),
            (2, d("2025-04-04")), // listed second, given first: 3 days
            (3, d("2025-04-11")),
            (9, d("2025-04-02")), // no such sample
        ];
        let figures = days_to_first_feedback(&samples, &feedback, d("2025-04-30"));
        assert_eq!(
            (figures.samples, figures.answered, figures.waiting),
            (5, 3, 2)
        );
        assert_eq!(figures.median_days_answered, Some(3.0));
        assert_eq!(figures.median_days, Some(10.0));
        assert_eq!(figures.longest_wait_days, Some(25.0));
    }

    #[test]
    fn while_most_are_waiting_the_median_is_unknown() {
        let samples = [
            (1, d("2025-04-01")),
            (2, d("2025-04-02")),
            (3, d("2025-04-03")),
        ];
        let feedback = [(1, d("2025-04-02"))];
        let figures = days_to_first_feedback(&samples, &feedback, d("2025-04-20"));
        assert_eq!((figures.answered, figures.waiting), (1, 2));
        // The answered sample alone says 1 day, which is the flattering figure.
        assert_eq!(figures.median_days_answered, Some(1.0));
        assert_eq!(figures.median_days, None);
        assert_eq!(figures.longest_wait_days, Some(18.0));
    }

    #[test]
    fn the_future_is_left_out_and_backdated_notes_count_as_same_day() {
        let samples = [
            (1, d("2025-04-10")),
            (2, d("2025-04-12")),
            (3, d("2025-05-01")), // added after today
        ];
        let feedback = [
            (1, d("2025-04-09")), // dated before its sample
            (2, d("2025-04-25")), // after today: still waiting as of today
        ];
        let figures = days_to_first_feedback(&samples, &feedback, d("2025-04-20"));
        assert_eq!(
            (figures.samples, figures.answered, figures.waiting),
            (2, 1, 1)
        );
        assert_eq!(figures.median_days_answered, Some(0.0));
        assert_eq!(figures.longest_wait_days, Some(8.0));
    }

    #[test]
    fn no_samples_no_figures() {
        let figures = days_to_first_feedback(&[], &[], d("2025-04-20"));
        assert_eq!(
            (figures.samples, figures.answered, figures.waiting),
            (0, 0, 0)
        );
        assert_eq!(figures.median_days, None);
        assert_eq!(figures.median_days_answered, None);
        assert_eq!(figures.longest_wait_days, None);
    }
}
