//! A zone's VTIMEZONE: its offsets and clock changes over the years a calendar spans, so
//! a calendar program needs no zone database of its own to place a recurring entry.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::{escape, floating};

/// history needs them.
pub(super) fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, rest) = (s / 3600, s / 60 % 60, s % 60);
    if rest == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{rest:02}")
    }
}

/// A change of a zone's offset: when (UTC), from what to what, and what it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Transition {
    at: NaiveDateTime,
    from: i32,
    to: i32,
    name: String,
    daylight: bool,
}

impl Transition {
    /// Its start in the local time of the offset it leaves, as VTIMEZONE wants it.
    fn local_start(&self) -> NaiveDateTime {
        self.at + Duration::seconds(i64::from(self.from))
    }
}

fn observance(zone: Tz, at: NaiveDateTime) -> (i32, String, bool) {
    let offset = zone.offset_from_utc_datetime(&at);
    (
        offset.fix().local_minus_utc(),
        offset.abbreviation().unwrap_or_default().to_string(),
        !offset.dst_offset().is_zero(),
    )
}

/// Every change of offset from the start of `from_year` to the end of `to_year`: day by
/// day to find the day, then to the second within it.
fn transitions(zone: Tz, from_year: i32, to_year: i32) -> Vec<Transition> {
    let start = |year: i32| {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .unwrap_or(NaiveDate::MIN)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
    };
    let end = start(to_year + 1);
    let mut at = start(from_year);
    let mut out = Vec::new();
    while at < end {
        let next = at + Duration::days(1);
        let (before, _, _) = observance(zone, at);
        if observance(zone, next).0 != before {
            let (mut lo, mut hi) = (0i64, 86_400i64);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if observance(zone, at + Duration::seconds(mid)).0 == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let when = at + Duration::seconds(hi);
            let (to, name, daylight) = observance(zone, when);
            out.push(Transition {
                at: when,
                from: before,
                to,
                name,
                daylight,
            });
        }
        at = next;
    }
    out
}

/// "-1SU" for the last Sunday of its month, "2SU" for the second; both when it is both.
fn weekday_rules(day: NaiveDate) -> (Option<String>, String) {
    let code = crate::metrics::coaches::cadence::rrule_day(day.weekday());
    let days_in_month = NaiveDate::from_ymd_opt(day.year(), day.month(), 1)
        .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
        .map_or(31, |next| next.pred_opt().map_or(31, |last| last.day()));
    let last = (day.day() + 7 > days_in_month).then(|| format!("-1{code}"));
    (last, format!("{}{code}", (day.day() - 1) / 7 + 1))
}

/// The yearly rule all of `group` follow (same month, weekday rule and time, one a year
/// through `to_year`), if there is one.
fn yearly_rule(group: &[&Transition], to_year: i32) -> Option<String> {
    let first = group.first()?;
    let years_run_on = group
        .windows(2)
        .all(|w| w[1].local_start().year() == w[0].local_start().year() + 1)
        && group.last()?.local_start().year() == to_year;
    if !years_run_on || group.len() < 2 {
        return None;
    }
    let start = first.local_start();
    let same_day = |t: &&Transition| {
        let s = t.local_start();
        s.month() == start.month() && s.time() == start.time()
    };
    if !group.iter().all(same_day) {
        return None;
    }
    let rules: Vec<(Option<String>, String)> = group
        .iter()
        .map(|t| weekday_rules(t.local_start().date()))
        .collect();
    let by_day = if rules
        .iter()
        .all(|(last, _)| last.is_some() && *last == rules[0].0)
    {
        rules[0].0.clone()?
    } else if rules.iter().all(|(_, nth)| *nth == rules[0].1) {
        rules[0].1.clone()
    } else {
        return None;
    };
    Some(format!(
        "FREQ=YEARLY;BYMONTH={};BYDAY={by_day}",
        start.month()
    ))
}

/// The VTIMEZONE block of `zone` (its lines, unfolded) describing its offsets from
/// `from_year` through `to_year`: each kind of change as a yearly rule when the changes
/// follow one, else as the list of their dates; a zone that never changes as one
/// STANDARD observance.
pub fn vtimezone(zone: Tz, from_year: i32, to_year: i32) -> Vec<String> {
    let mut out = vec![
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{}", zone.name()),
    ];
    let found = transitions(zone, from_year, to_year);
    if found.is_empty() {
        let at = NaiveDate::from_ymd_opt(from_year, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        let (offset, name, _) = observance(zone, at);
        out.extend([
            "BEGIN:STANDARD".to_string(),
            "DTSTART:19700101T000000".to_string(),
            format!("TZOFFSETFROM:{}", offset_text(offset)),
            format!("TZOFFSETTO:{}", offset_text(offset)),
        ]);
        if !name.is_empty() {
            out.push(format!("TZNAME:{}", escape(&name)));
        }
        out.push("END:STANDARD".to_string());
    }
    // Grouped by what the change is, in order of first appearance.
    let mut groups: Vec<Vec<&Transition>> = Vec::new();
    for t in &found {
        let same = |g: &&mut Vec<&Transition>| {
            let o = g[0];
            (o.from, o.to, &o.name, o.daylight) == (t.from, t.to, &t.name, t.daylight)
        };
        match groups.iter_mut().find(same) {
            Some(group) => group.push(t),
            None => groups.push(vec![t]),
        }
    }
    for group in groups {
        let first = group[0];
        let kind = if first.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        out.push(format!("BEGIN:{kind}"));
        out.push(format!("DTSTART:{}", floating(first.local_start())));
        match yearly_rule(&group, to_year) {
            Some(rule) => out.push(format!("RRULE:{rule}")),
            None => {
                for t in &group[1..] {
                    out.push(format!("RDATE:{}", floating(t.local_start())));
                }
            }
        }
        out.push(format!("TZOFFSETFROM:{}", offset_text(first.from)));
        out.push(format!("TZOFFSETTO:{}", offset_text(first.to)));
        if !first.name.is_empty() {
            out.push(format!("TZNAME:{}", escape(&first.name)));
        }
        out.push(format!("END:{kind}"));
    }
    out.push("END:VTIMEZONE".to_string());
    out
}
