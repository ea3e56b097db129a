//! A coaching pair's cadence read from their sessions: the usual weekday and time, the
//! median length, weekly or fortnightly. Then the series it continues as: the first
//! session after the last one held, and how many fit before an end date.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

use crate::metrics::time_credits::week_start;

/// Fewer sessions than this say nothing about a rhythm.
pub const MIN_SESSIONS: usize = 3;

/// Start times are read to the quarter hour: 09:28 and 09:34 are both "09:30".
const QUARTER: u32 = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub at: NaiveDateTime,
    pub minutes: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cadence {
    pub weekday: Weekday,
    pub time: NaiveTime,
    pub minutes: u32,
    /// 1 for weekly, 2 for fortnightly.
    pub interval_weeks: u32,
}

fn median(mut values: Vec<u32>) -> u32 {
    values.sort_unstable();
    let n = values.len();
    if n == 0 {
        return 0;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        // The mean of the middle two, halves rounded up.
        (values[n / 2 - 1] + values[n / 2]).div_ceil(2)
    }
}

/// The most frequent key; a tie goes to the smallest, so the answer never depends on the
/// order the sessions came in.
fn mode<K: Ord + Copy>(keys: impl Iterator<Item = K>) -> Option<K> {
    let mut counts: BTreeMap<K, u32> = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_default() += 1;
    }
    let best = counts.values().copied().max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(k, _)| k)
}

fn quarter_of(time: NaiveTime) -> u32 {
    let minutes = time.hour() * 60 + time.minute();
    // Nearest quarter, an hour's end staying in the day.
    ((minutes + QUARTER / 2) / QUARTER * QUARTER).min(24 * 60 - QUARTER)
}

/// The cadence of `sessions` (any order), or why there is none.
pub fn cadence(sessions: &[Session]) -> Result<Cadence, String> {
    if sessions.len() < MIN_SESSIONS {
        return Err(format!(
            "{} session{} in the window; a cadence needs {MIN_SESSIONS}",
            sessions.len(),
            if sessions.len() == 1 { "" } else { "s" }
        ));
    }
    let weekday_number = mode(
        sessions
            .iter()
            .map(|s| s.at.weekday().num_days_from_monday()),
    )
    .unwrap_or(0);
    let on_that_day = sessions
        .iter()
        .filter(|s| s.at.weekday().num_days_from_monday() == weekday_number);
    let quarter = mode(on_that_day.map(|s| quarter_of(s.at.time()))).unwrap_or(9 * 60);
    let mut days: Vec<NaiveDate> = sessions.iter().map(|s| s.at.date()).collect();
    days.sort_unstable();
    days.dedup();
    if days.len() < 2 {
        return Err("every session was on the same day".into());
    }
    let gaps: Vec<u32> = days
        .windows(2)
        .map(|w| (w[1] - w[0]).num_days() as u32)
        .collect();
    let gap = median(gaps);
    let interval_weeks = match gap {
        0..=10 => 1,
        11..=21 => 2,
        _ => {
            return Err(format!(
                "they meet about every {gap} days; only weekly and fortnightly cadences are \
                 exported"
            ))
        }
    };
    Ok(Cadence {
        weekday: weekday_from(weekday_number),
        time: NaiveTime::from_hms_opt(quarter / 60, quarter % 60, 0).unwrap_or(NaiveTime::MIN),
        minutes: median(sessions.iter().map(|s| s.minutes).collect()).max(1),
        interval_weeks,
    })
}

fn weekday_from(days_from_monday: u32) -> Weekday {
    match days_from_monday {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The first session of the series: on the usual weekday of the week `interval` weeks
/// after the last session's week (keeping a fortnightly pair's rhythm), moved on by whole
/// intervals until it is on or after `from`.
pub fn first_session(cadence: &Cadence, last: NaiveDate, from: NaiveDate) -> NaiveDate {
    let step = Duration::weeks(i64::from(cadence.interval_weeks));
    let mut day =
        week_start(last) + step + Duration::days(i64::from(cadence.weekday.num_days_from_monday()));
    while day < from {
        day += step;
    }
    day
}

/// How many sessions of the series fall on or before `until`.
pub fn sessions_until(cadence: &Cadence, first: NaiveDate, until: NaiveDate) -> u32 {
    if until < first {
        return 0;
    }
    let step = i64::from(cadence.interval_weeks) * 7;
    ((until - first).num_days() / step + 1) as u32
}

/// RFC 5545's two letters for a weekday.
pub fn rrule_day(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The recurrence rule of a series of `count` sessions.
pub fn rrule(cadence: &Cadence, count: u32) -> String {
    let mut rule = String::from("FREQ=WEEKLY");
    if cadence.interval_weeks > 1 {
        rule.push_str(&format!(";INTERVAL={}", cadence.interval_weeks));
    }
    rule.push_str(&format!(
        ";BYDAY={};COUNT={count}",
        rrule_day(cadence.weekday)
    ));
    rule
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn session(text: &str, minutes: u32) -> Session {
        Session {
            at: at(text),
            minutes,
        }
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_weekly_pair_is_read_from_the_usual_day_time_and_median_length() {
        // Tuesdays 5, 12, 19 and 26 Jan 2027 around 09:30, one Thursday off-pattern.
        let sessions = [
            session("2027-01-05 09:28", 15),
            session("2027-01-12 09:34", 10),
            session("2027-01-14 16:00", 30),
            session("2027-01-19 09:30", 15),
            session("2027-01-26 10:00", 20),
        ];
        let got = cadence(&sessions).unwrap();
        assert_eq!(got.weekday, Weekday::Tue);
        // 09:28, 09:34 and 09:30 are 09:30 three times; 10:00 once.
        assert_eq!(got.time, NaiveTime::from_hms_opt(9, 30, 0).unwrap());
        // 10, 15, 15, 20, 30: the median is 15.
        assert_eq!(got.minutes, 15);
        // Gaps of 7, 2, 5 and 7 days: median 6, weekly.
        assert_eq!(got.interval_weeks, 1);
        // The last session was Tuesday 26 Jan; the next week's Tuesday is 2 Feb.
        assert_eq!(
            first_session(&got, day("2027-01-26"), day("2027-01-27")),
            day("2027-02-02")
        );
        // Exported on 10 Feb, the series starts that week's Tuesday... which has passed,
        // so the one after: 16 Feb.
        assert_eq!(
            first_session(&got, day("2027-01-26"), day("2027-02-10")),
            day("2027-02-16")
        );
        assert_eq!(rrule(&got, 12), "FREQ=WEEKLY;BYDAY=TU;COUNT=12");
    }

    #[test]
    fn a_fortnightly_pair_keeps_its_rhythm() {
        // Thursdays 7 and 21 Jan and 4 Feb 2027 at 14:00, 30 and 45 minutes.
        let sessions = [
            session("2027-01-07 14:00", 30),
            session("2027-01-21 14:00", 45),
            session("2027-02-04 14:05", 30),
            session("2027-02-18 13:55", 45),
        ];
        let got = cadence(&sessions).unwrap();
        assert_eq!(got.weekday, Weekday::Thu);
        assert_eq!(got.time, NaiveTime::from_hms_opt(14, 0, 0).unwrap());
        // 30, 30, 45, 45: the middle two average 37.5, rounded up to 38.
        assert_eq!(got.minutes, 38);
        assert_eq!(got.interval_weeks, 2);
        // Two weeks after the week of 18 Feb: Thursday 4 Mar.
        let first = first_session(&got, day("2027-02-18"), day("2027-02-19"));
        assert_eq!(first, day("2027-03-04"));
        // 4 Mar to 31 May: 4 Mar, 18 Mar, 1 Apr, 15 Apr, 29 Apr, 13 May, 27 May.
        assert_eq!(sessions_until(&got, first, day("2027-05-31")), 7);
        assert_eq!(sessions_until(&got, first, day("2027-05-27")), 7);
        assert_eq!(sessions_until(&got, first, day("2027-05-26")), 6);
        assert_eq!(sessions_until(&got, first, day("2027-03-03")), 0);
        assert_eq!(rrule(&got, 7), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=7");
    }

    #[test]
    fn too_few_or_too_sparse_sessions_have_no_cadence() {
        assert_eq!(
            cadence(&[
                session("2027-01-05 09:30", 15),
                session("2027-01-12 09:30", 15)
            ]),
            Err("2 sessions in the window; a cadence needs 3".into())
        );
        assert_eq!(
            cadence(&[
                session("2027-01-05 09:30", 15),
                session("2027-02-02 09:30", 15),
                session("2027-03-02 09:30", 15),
            ]),
            Err(
                "they meet about every 28 days; only weekly and fortnightly cadences are \
                 exported"
                    .into()
            )
        );
    }

    #[test]
    fn ties_go_to_the_earlier_weekday_and_time() {
        let sessions = [
            session("2027-01-06 11:00", 15), // Wednesday
            session("2027-01-11 09:00", 15), // Monday
            session("2027-01-13 10:00", 15), // Wednesday
            session("2027-01-18 09:00", 15), // Monday
        ];
        let got = cadence(&sessions).unwrap();
        assert_eq!(got.weekday, Weekday::Mon);
        assert_eq!(got.time, NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    }
}
