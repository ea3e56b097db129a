//! Time credits: coaching hours turned into credits at the workspace's rate, per manager
//! per week, with each week's load against the overload threshold. Manager overload is
//! the first pitfall of manager-led coaching, so a week nearing the threshold is flagged
//! before one goes over it.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::model::{LoadLevel, ManagerCredits, TimeCreditsReport, WeekLoad};

/// From this share of the threshold a week is "near" overload.
pub const NEAR_SHARE: f64 = 0.8;

/// Coaching a manager did on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct DayLoad {
    pub manager_id: String,
    pub day: NaiveDate,
    pub events: u32,
    pub minutes: u32,
}

/// Who a manager is, for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ManagerInfo {
    pub name: String,
    pub team: String,
    pub reports: u32,
}

/// The Monday of the week a day falls in.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The Mondays of the `count` weeks ending with the week of `last_day`, oldest first.
pub fn weeks_ending(last_day: NaiveDate, count: u32) -> Vec<NaiveDate> {
    let last = week_start(last_day);
    (0..count)
        .rev()
        .map(|back| last - Duration::weeks(i64::from(back)))
        .collect()
}

pub fn level(hours: f64, threshold: f64) -> LoadLevel {
    if hours <= 0.0 {
        LoadLevel::None
    } else if hours > threshold {
        LoadLevel::Over
    } else if hours >= threshold * NEAR_SHARE {
        LoadLevel::Near
    } else {
        LoadLevel::Ok
    }
}

/// The report over `weeks` (Mondays, oldest first). Days outside them are ignored;
/// managers with no coaching in them are left out.
pub fn report(
    days: &[DayLoad],
    managers: &BTreeMap<String, ManagerInfo>,
    weeks: &[NaiveDate],
    credit_rate: f64,
    weekly_load_hours: f64,
) -> TimeCreditsReport {
    let mut per_manager: BTreeMap<&str, Vec<(u32, u32)>> = BTreeMap::new();
    for day in days {
        let Some(week) = weeks.iter().position(|w| *w == week_start(day.day)) else {
            continue;
        };
        let slots = per_manager
            .entry(day.manager_id.as_str())
            .or_insert_with(|| vec![(0, 0); weeks.len()]);
        slots[week].0 += day.events;
        slots[week].1 += day.minutes;
    }
    let mut rows: Vec<ManagerCredits> = per_manager
        .into_iter()
        .map(|(id, slots)| {
            let info = managers.get(id);
            let weeks: Vec<WeekLoad> = slots
                .iter()
                .zip(weeks)
                .map(|(&(events, minutes), &week_start)| {
                    let hours = f64::from(minutes) / 60.0;
                    WeekLoad {
                        week_start,
                        events,
                        minutes,
                        hours,
                        credits: hours * credit_rate,
                        level: level(hours, weekly_load_hours),
                    }
                })
                .collect();
            let total_hours: f64 = weeks.iter().map(|w| w.hours).sum();
            ManagerCredits {
                manager_id: id.to_string(),
                name: info.map_or_else(|| id.to_string(), |i| i.name.clone()),
                team: info.map(|i| i.team.clone()).unwrap_or_default(),
                reports: info.map_or(0, |i| i.reports),
                total_hours,
                total_credits: total_hours * credit_rate,
                peak_hours: weeks.iter().map(|w| w.hours).fold(0.0, f64::max),
                overloaded_weeks: weeks.iter().filter(|w| w.level == LoadLevel::Over).count()
                    as u32,
                weeks,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.overloaded_weeks
            .cmp(&a.overloaded_weeks)
            .then(b.peak_hours.total_cmp(&a.peak_hours))
            .then(a.name.cmp(&b.name))
    });
    let total_hours: f64 = rows.iter().map(|m| m.total_hours).sum();
    TimeCreditsReport {
        credit_rate,
        weekly_load_hours,
        weeks: weeks.to_vec(),
        overloaded_managers: rows.iter().filter(|m| m.overloaded_weeks > 0).count() as u32,
        at_risk_now: rows
            .iter()
            .filter(|m| {
                m.weeks
                    .last()
                    .is_some_and(|w| matches!(w.level, LoadLevel::Near | LoadLevel::Over))
            })
            .count() as u32,
        total_credits: total_hours * credit_rate,
        total_hours,
        managers: rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn day(manager: &str, date: &str, minutes: u32) -> DayLoad {
        DayLoad {
            manager_id: manager.into(),
            day: d(date),
            events: 1,
            minutes,
        }
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(d("2026-03-04")), d("2026-03-02"), "a Wednesday");
        assert_eq!(week_start(d("2026-03-02")), d("2026-03-02"), "a Monday");
        assert_eq!(week_start(d("2026-03-08")), d("2026-03-02"), "a Sunday");
        assert_eq!(
            weeks_ending(d("2026-03-04"), 3),
            vec![d("2026-02-16"), d("2026-02-23"), d("2026-03-02")]
        );
    }

    #[test]
    fn hours_become_credits_at_the_rate_and_load_is_judged_per_week() {
        let weeks = weeks_ending(d("2026-03-08"), 2);
        let days = vec![
            day("M1", "2026-02-23", 120),
            day("M1", "2026-02-25", 180), // 5 h in week 1: over a 4 h threshold
            day("M1", "2026-03-03", 200), // 3 h 20 in week 2: near (>= 3.2 h)
            day("M2", "2026-03-04", 60),
            day("M2", "2026-01-05", 600), // outside the window
        ];
        let managers = BTreeMap::from([(
            "M1".to_string(),
            ManagerInfo {
                name: "Ada".into(),
                team: "Ops".into(),
                reports: 6,
            },
        )]);
        let report = report(&days, &managers, &weeks, 0.5, 4.0);
        assert_eq!(report.managers.len(), 2);
        let ada = &report.managers[0];
        assert_eq!(ada.name, "Ada");
        assert_eq!(ada.weeks[0].minutes, 300);
        assert_eq!(ada.weeks[0].level, LoadLevel::Over);
        assert_eq!(ada.weeks[1].level, LoadLevel::Near);
        assert!((ada.total_hours - 500.0 / 60.0).abs() < 1e-9);
        assert!(
            (ada.total_credits - 500.0 / 120.0).abs() < 1e-9,
            "half a credit per hour"
        );
        assert_eq!(ada.overloaded_weeks, 1);
        let other = &report.managers[1];
        assert_eq!(other.name, "M2", "an unknown manager is named by id");
        assert_eq!(other.weeks[0].level, LoadLevel::None);
        assert_eq!(other.weeks[1].level, LoadLevel::Ok);
        assert_eq!(report.overloaded_managers, 1);
        assert_eq!(report.at_risk_now, 1);
        assert!((report.total_hours - 560.0 / 60.0).abs() < 1e-9);
    }

    #[test]
    fn the_threshold_itself_is_not_overload() {
        assert_eq!(level(4.0, 4.0), LoadLevel::Near);
        assert_eq!(level(4.01, 4.0), LoadLevel::Over);
        assert_eq!(level(3.19, 4.0), LoadLevel::Ok);
        assert_eq!(level(0.0, 4.0), LoadLevel::None);
    }
}
