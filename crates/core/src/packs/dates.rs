//! Dates as a reader expects them, on paper, in the window and in the command line's words:
//! "12 Jan 2027" (or "Jan 12, 2027" where the locale puts the month first), never
//! 2027-01-12. JSON and exports keep ISO dates.

use std::sync::atomic::{AtomicU8, Ordering};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The order a person reads a date in, from their locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    /// "12 Jan 2027": most of the world.
    #[default]
    DayMonthYear,
    /// "Jan 12, 2027": the United States and a few others.
    MonthDayYear,
}

/// Territories whose dates put the month first.
const MONTH_FIRST: &[&str] = &[
    "US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI",
];

impl DateStyle {
    /// From a POSIX locale name such as "en_US.UTF-8" or a BCP 47 tag such as "en-US".
    pub fn from_locale(name: &str) -> DateStyle {
        let name = name.split(['.', '@']).next().unwrap_or("");
        let territory = name.split(['_', '-']).nth(1).unwrap_or("");
        if MONTH_FIRST
            .iter()
            .any(|t| t.eq_ignore_ascii_case(territory))
        {
            DateStyle::MonthDayYear
        } else {
            DateStyle::DayMonthYear
        }
    }

    /// The locale that governs dates in this process: LC_ALL, then LC_TIME, then LANG.
    pub fn from_environment() -> DateStyle {
        ["LC_ALL", "LC_TIME", "LANG"]
            .iter()
            .filter_map(|key| std::env::var(key).ok())
            .find(|value| !value.is_empty())
            .map_or(DateStyle::default(), |value| DateStyle::from_locale(&value))
    }
}

static STYLE: AtomicU8 = AtomicU8::new(0);

/// Sets how this process writes dates; the command line and the app set it once at start
/// from the person's locale, so the window, the command line and the packs agree.
pub fn set_style(style: DateStyle) {
    STYLE.store(style as u8, Ordering::Relaxed);
}

pub fn style() -> DateStyle {
    match STYLE.load(Ordering::Relaxed) {
        1 => DateStyle::MonthDayYear,
        _ => DateStyle::DayMonthYear,
    }
}

pub fn long_date(date: NaiveDate) -> String {
    long_date_in(style(), date)
}

pub fn long_date_in(style: DateStyle, date: NaiveDate) -> String {
    match style {
        DateStyle::DayMonthYear => date.format("%-d %b %Y").to_string(),
        DateStyle::MonthDayYear => date.format("%b %-d, %Y").to_string(),
    }
}

/// The day of a stored timestamp ("2027-01-12T09:30:00Z"), as `long_date` prints it; none
/// when the text does not start with a date.
pub fn long_date_of(timestamp: &str) -> Option<String> {
    timestamp
        .get(..10)
        .and_then(|day| day.parse::<NaiveDate>().ok())
        .map(long_date)
}

/// A stored timestamp's day and its hour and minute, as a person reads them: "12 Jan 2027
/// 09:30". Text that is not a timestamp is returned as it is.
pub fn date_time_of(timestamp: &str) -> String {
    let time = timestamp
        .get(11..16)
        .filter(|t| t.as_bytes().get(2) == Some(&b':'));
    match (long_date_of(timestamp), time) {
        (Some(day), Some(time)) => format!("{day} {time}"),
        (Some(day), None) => day,
        _ => timestamp.to_string(),
    }
}

pub fn short_date(date: NaiveDate) -> String {
    short_date_in(style(), date)
}

pub fn short_date_in(style: DateStyle, date: NaiveDate) -> String {
    match style {
        DateStyle::DayMonthYear => date.format("%-d %b").to_string(),
        DateStyle::MonthDayYear => date.format("%b %-d").to_string(),
    }
}

/// "12 Jan – 12 Apr 2027", or with both years when the range crosses a year.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    date_range_in(style(), start, end)
}

pub fn date_range_in(style: DateStyle, start: NaiveDate, end: NaiveDate) -> String {
    if start.format("%Y").to_string() == end.format("%Y").to_string() {
        format!(
            "{} – {}",
            short_date_in(style, start),
            long_date_in(style, end)
        )
    } else {
        format!(
            "{} – {}",
            long_date_in(style, start),
            long_date_in(style, end)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_locale_decides_whether_the_day_or_the_month_comes_first() {
        assert_eq!(
            DateStyle::from_locale("en_US.UTF-8"),
            DateStyle::MonthDayYear
        );
        assert_eq!(DateStyle::from_locale("en-US"), DateStyle::MonthDayYear);
        assert_eq!(
            DateStyle::from_locale("en_GB.UTF-8"),
            DateStyle::DayMonthYear
        );
        assert_eq!(
            DateStyle::from_locale("de_DE@euro"),
            DateStyle::DayMonthYear
        );
        assert_eq!(DateStyle::from_locale("C.UTF-8"), DateStyle::DayMonthYear);
        assert_eq!(DateStyle::from_locale(""), DateStyle::DayMonthYear);
    }

    #[test]
    fn each_style_writes_days_ranges_and_timestamps_one_way() {
        let (start, end) = (day("2027-01-12"), day("2027-04-12"));
        let dmy = DateStyle::DayMonthYear;
        let mdy = DateStyle::MonthDayYear;
        assert_eq!(long_date_in(dmy, start), "12 Jan 2027");
        assert_eq!(long_date_in(mdy, start), "Jan 12, 2027");
        assert_eq!(date_range_in(dmy, start, end), "12 Jan – 12 Apr 2027");
        assert_eq!(date_range_in(mdy, start, end), "Jan 12 – Apr 12, 2027");
        assert_eq!(
            date_range_in(mdy, day("2026-12-01"), day("2027-03-01")),
            "Dec 1, 2026 – Mar 1, 2027"
        );
        assert_eq!(date_time_of("2027-01-12T09:30:00Z"), "12 Jan 2027 09:30");
        assert_eq!(date_time_of("2027-01-12"), "12 Jan 2027");
        assert_eq!(date_time_of("soon"), "soon");
    }
}
