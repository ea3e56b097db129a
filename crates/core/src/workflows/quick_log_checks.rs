//! What the quick log asks a person to confirm before recording: a moment the playbook
//! would not expect. Each is plausible (a long session logged under the wrong type, a date
//! typed a month early), so it is asked about, never refused outright.

use chrono::NaiveDate;

use crate::error::ErrorDetail;
use crate::model::EventKind;
use crate::packs::dates::long_date;

/// The longest micro-coaching moment the playbook expects when no task says otherwise: its
/// range is 5 to 15 minutes, and twice the top of it leaves room for a moment that ran on.
pub const MICRO_COACHING_MAX_MINUTES: u32 = 30;

/// The playbook facts a moment is checked against.
pub struct Expected<'a> {
    /// The chosen task's behaviour and its longest moment, in minutes.
    pub task: Option<(&'a str, u32)>,
    /// The chosen pilot's name and 90-day window.
    pub pilot: Option<(&'a str, NaiveDate, NaiveDate)>,
}

/// Every surprise, named at the field a person would change.
pub fn surprises(
    kind: EventKind,
    minutes: u32,
    on: NaiveDate,
    expected: &Expected,
) -> Vec<ErrorDetail> {
    let mut found = Vec::new();
    if kind == EventKind::MicroCoaching {
        let limit = expected
            .task
            .map_or(MICRO_COACHING_MAX_MINUTES, |(_, task_minutes)| {
                MICRO_COACHING_MAX_MINUTES.max(task_minutes.saturating_mul(2))
            });
        if minutes > limit {
            let playbook = match expected.task {
                Some((behaviour, task_minutes)) => {
                    format!("the playbook gives \"{behaviour}\" {task_minutes} minutes")
                }
                None => "the playbook's moments take 5 to 15 minutes".to_string(),
            };
            found.push(ErrorDetail::field(
                "minutes",
                format!(
                    "{minutes} minutes is long for micro-coaching: {playbook}, and more than \
                     {limit} is not expected. If it was a live check-in, choose that type; \
                     otherwise confirm it."
                ),
            ));
        }
    }
    if let Some((name, start, end)) = expected.pilot {
        if on < start {
            found.push(ErrorDetail::field(
                "occurredAt",
                format!(
                    "\"{name}\" starts on {}; a moment on {} comes before it, so the pilot's \
                     figures count it as baseline, not coaching. Check the date, or confirm it.",
                    long_date(start),
                    long_date(on)
                ),
            ));
        } else if on > end {
            found.push(ErrorDetail::field(
                "occurredAt",
                format!(
                    "\"{name}\" ended on {}; a moment on {} comes after its 90 days, so the \
                     pilot's figures leave it out. Check the date, or confirm it.",
                    long_date(end),
                    long_date(on)
                ),
            ));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    const NOTHING: Expected = Expected {
        task: None,
        pilot: None,
    };

    #[test]
    fn an_hour_of_micro_coaching_is_asked_about_and_a_quarter_hour_is_not() {
        let on = day("2027-02-01");
        let found = surprises(EventKind::MicroCoaching, 60, on, &NOTHING);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field.as_deref(), Some("minutes"));
        assert!(found[0]
            .message
            .contains("60 minutes is long for micro-coaching"));
        assert!(surprises(EventKind::MicroCoaching, 15, on, &NOTHING).is_empty());
        assert!(surprises(EventKind::MicroCoaching, 30, on, &NOTHING).is_empty());
        assert_eq!(
            surprises(EventKind::MicroCoaching, 31, on, &NOTHING).len(),
            1
        );
        // A live check-in may take an hour.
        assert!(surprises(EventKind::LiveCheckIn, 60, on, &NOTHING).is_empty());
    }

    #[test]
    fn a_task_that_takes_longer_moves_the_limit_and_is_named() {
        let on = day("2027-02-01");
        let long_task = Expected {
            task: Some(("Walk through a difficult call", 25)),
            pilot: None,
        };
        assert!(surprises(EventKind::MicroCoaching, 50, on, &long_task).is_empty());
        let found = surprises(EventKind::MicroCoaching, 51, on, &long_task);
        assert!(found[0]
            .message
            .contains("\"Walk through a difficult call\" 25 minutes"));
        assert!(found[0].message.contains("more than 50"));
    }

    #[test]
    fn a_moment_outside_the_pilot_window_is_asked_about() {
        let pilot = Expected {
            task: None,
            pilot: Some(("Onboarding", day("2027-01-04"), day("2027-04-04"))),
        };
        let before = surprises(EventKind::LiveCheckIn, 20, day("2027-01-03"), &pilot);
        assert_eq!(before[0].field.as_deref(), Some("occurredAt"));
        assert!(before[0].message.contains("starts on 4 Jan 2027"));
        assert!(before[0].message.contains("3 Jan 2027 comes before it"));
        assert!(surprises(EventKind::LiveCheckIn, 20, day("2027-01-04"), &pilot).is_empty());
        assert!(surprises(EventKind::LiveCheckIn, 20, day("2027-04-04"), &pilot).is_empty());
        let after = surprises(EventKind::LiveCheckIn, 20, day("2027-04-05"), &pilot);
        assert!(after[0].message.contains("ended on 4 Apr 2027"));
    }
}
