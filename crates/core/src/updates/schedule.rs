//! Whether an automatic update check is due.

use chrono::{DateTime, Duration, Utc};

use crate::model::{UpdateCheckEvery, UpdatePreferences};

/// Due when the chosen interval has passed since the last check, or there never was one.
/// A last check in the future (a clock set back) counts as due, so a wrong clock cannot
/// silence updates for good.
pub fn is_due(preferences: &UpdatePreferences, now: DateTime<Utc>) -> bool {
    let interval = match preferences.check_every {
        UpdateCheckEvery::Never => return false,
        UpdateCheckEvery::Day => Duration::days(1),
        UpdateCheckEvery::Week => Duration::weeks(1),
    };
    let last = preferences
        .last_checked_at
        .as_deref()
        .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
        .map(|time| time.with_timezone(&Utc));
    match last {
        None => true,
        Some(last) if last > now => true,
        Some(last) => now - last >= interval,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(every: UpdateCheckEvery, last: Option<&str>) -> UpdatePreferences {
        UpdatePreferences {
            check_every: every,
            last_checked_at: last.map(str::to_string),
        }
    }

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn weekly_checks_wait_a_full_week() {
        let prefs = checked(UpdateCheckEvery::Week, Some("2026-11-01T09:00:00Z"));
        assert!(!is_due(&prefs, at("2026-11-08T08:59:59Z")));
        assert!(is_due(&prefs, at("2026-11-08T09:00:00Z")));
    }

    #[test]
    fn daily_checks_wait_a_day() {
        let prefs = checked(UpdateCheckEvery::Day, Some("2026-11-01T09:00:00Z"));
        assert!(!is_due(&prefs, at("2026-11-02T08:00:00Z")));
        assert!(is_due(&prefs, at("2026-11-02T09:00:00Z")));
    }

    #[test]
    fn never_is_never_due_and_a_first_start_always_is() {
        assert!(!is_due(
            &checked(UpdateCheckEvery::Never, None),
            at("2026-11-01T09:00:00Z")
        ));
        assert!(is_due(
            &checked(UpdateCheckEvery::Week, None),
            at("2026-11-01T09:00:00Z")
        ));
    }

    #[test]
    fn a_clock_set_back_or_an_unreadable_time_does_not_silence_checks() {
        let future = checked(UpdateCheckEvery::Week, Some("2030-01-01T00:00:00Z"));
        assert!(is_due(&future, at("2026-11-01T09:00:00Z")));
        let garbage = checked(UpdateCheckEvery::Week, Some("last tuesday"));
        assert!(is_due(&garbage, at("2026-11-01T09:00:00Z")));
    }
}
