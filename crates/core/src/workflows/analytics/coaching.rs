//! What went into the pilot: coaching moments per manager per week against the comparison
//! group's managers, hours, the share of the cohort reached each week, the playbook tasks
//! practised, time credits and overload. Read from the coaching rollups.

use std::collections::{HashMap, HashSet};

use chrono::Duration;
use rusqlite::Connection;

use crate::error::Result;
use crate::metrics::analytics::precision::fixed;
use crate::model::{Arm, CoachingPanel, TaskPractice};
use crate::store::analytics::coaching;
use crate::store::playbooks;

use super::charts::{self, week_of};
use super::context::PilotContext;

pub(crate) struct CoachingFacts {
    pub panel: CoachingPanel,
    /// Hours each manager coached in the pilot window (pilot managers: on the pilot;
    /// comparison managers: their own coaching).
    pub hours_by_manager: HashMap<String, f64>,
    pub events_by_manager: HashMap<String, u32>,
    /// Minutes each manager coached on the pilot, for the managers' time cost.
    pub pilot_minutes_by_manager: HashMap<String, u64>,
}

pub(crate) fn coaching(conn: &Connection, ctx: &PilotContext) -> Result<CoachingFacts> {
    let start = ctx.pilot.start_date;
    let last_day = ctx.as_of.min(ctx.pilot.end_date);
    let first_week = week_of(start);
    let last_week = week_of(last_day.max(start));
    let mut weeks = Vec::new();
    let mut week = first_week;
    while week <= last_week && ctx.as_of >= start {
        weeks.push(week);
        week += Duration::days(7);
    }
    let pilot_rows = coaching::pilot_weeks(conn, ctx.pilot.id, first_week, last_week)?;
    let all_rows = coaching::all_weeks(conn, first_week, last_week)?;
    let pilot_managers: HashSet<&str> = ctx.units.managers_in(Arm::Pilot).into_iter().collect();
    let comparison_managers: HashSet<&str> = if ctx.with_comparison() {
        ctx.units.managers_in(Arm::Comparison).into_iter().collect()
    } else {
        HashSet::new()
    };
    let floor = ctx.floor();
    let pilot_people = ctx.units.people_in(Arm::Pilot);
    let comparison_people = ctx.units.people_in(Arm::Comparison);

    let mut events = 0u64;
    let mut minutes = 0u64;
    let mut per_week_pilot: HashMap<chrono::NaiveDate, (u32, u32)> = HashMap::new();
    let mut hours_by_manager: HashMap<String, f64> = HashMap::new();
    let mut events_by_manager: HashMap<String, u32> = HashMap::new();
    let mut pilot_minutes_by_manager: HashMap<String, u64> = HashMap::new();
    for row in &pilot_rows {
        events += u64::from(row.events);
        minutes += u64::from(row.minutes);
        *pilot_minutes_by_manager
            .entry(row.manager_id.clone())
            .or_default() += u64::from(row.minutes);
        if pilot_managers.contains(row.manager_id.as_str()) {
            let entry = per_week_pilot.entry(row.week).or_default();
            entry.0 += row.events;
            entry.1 += row.coachees;
            *hours_by_manager.entry(row.manager_id.clone()).or_default() +=
                f64::from(row.minutes) / 60.0;
            *events_by_manager.entry(row.manager_id.clone()).or_default() += row.events;
        }
    }
    let mut per_week_comparison: HashMap<chrono::NaiveDate, u32> = HashMap::new();
    let mut load: HashMap<(&str, chrono::NaiveDate), f64> = HashMap::new();
    for row in &all_rows {
        if comparison_managers.contains(row.manager_id.as_str()) {
            *per_week_comparison.entry(row.week).or_default() += row.events;
            *hours_by_manager.entry(row.manager_id.clone()).or_default() +=
                f64::from(row.minutes) / 60.0;
            *events_by_manager.entry(row.manager_id.clone()).or_default() += row.events;
        }
        if pilot_managers.contains(row.manager_id.as_str()) {
            *load.entry((row.manager_id.as_str(), row.week)).or_default() +=
                f64::from(row.minutes) / 60.0;
        }
    }

    let show_pilot = pilot_people >= floor && !pilot_managers.is_empty();
    let show_comparison = comparison_people >= floor && !comparison_managers.is_empty();
    let per_manager = |total: u32, managers: usize| f64::from(total) / managers.max(1) as f64;
    let pilot_series: Vec<Option<f64>> = weeks
        .iter()
        .map(|w| {
            show_pilot.then(|| {
                per_manager(
                    per_week_pilot.get(w).map_or(0, |e| e.0),
                    pilot_managers.len(),
                )
            })
        })
        .collect();
    let comparison_series: Option<Vec<Option<f64>>> =
        (!comparison_managers.is_empty()).then(|| {
            weeks
                .iter()
                .map(|w| {
                    show_comparison.then(|| {
                        per_manager(
                            per_week_comparison.get(w).copied().unwrap_or(0),
                            comparison_managers.len(),
                        )
                    })
                })
                .collect()
        });
    let weeks_elapsed = ctx.weeks_elapsed();
    let average = |values: &[Option<f64>]| {
        let known: Vec<f64> = values.iter().flatten().copied().collect();
        (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64)
    };
    let events_per_manager_week = average(&pilot_series);
    let comparison_events_per_manager_week = comparison_series.as_deref().and_then(average);
    // Only weeks already over count: the week in progress would understate the reach.
    let complete: Vec<&chrono::NaiveDate> = weeks
        .iter()
        .filter(|w| **w + Duration::days(6) <= ctx.as_of)
        .collect();
    let share_coached_weekly =
        (show_pilot && !complete.is_empty() && pilot_people > 0).then(|| {
            complete
                .iter()
                .map(|w| {
                    let reached = per_week_pilot.get(*w).map_or(0, |e| e.1);
                    (f64::from(reached) / f64::from(pilot_people)).min(1.0)
                })
                .sum::<f64>()
                / complete.len() as f64
        });

    let names: HashMap<i64, (String, String)> = playbooks::workflows_for(conn, ctx.pilot.id)?
        .into_iter()
        .flat_map(|w| {
            w.tasks
                .into_iter()
                .map(move |t| (t.id, (w.name.clone(), t.behaviour)))
        })
        .collect();
    let mut tasks: Vec<TaskPractice> = coaching::tasks(conn, ctx.pilot.id)?
        .into_iter()
        .map(|t| {
            let (workflow, behaviour) = names.get(&t.task_id).cloned().unwrap_or_else(|| {
                (
                    String::new(),
                    if t.task_id == 0 {
                        "Not tied to a playbook task".into()
                    } else {
                        "A task since removed".into()
                    },
                )
            });
            TaskPractice {
                task_id: t.task_id,
                workflow,
                behaviour,
                events: t.events,
                hours: t.minutes as f64 / 60.0,
            }
        })
        .collect();
    tasks.sort_by(|a, b| b.events.cmp(&a.events).then(a.task_id.cmp(&b.task_id)));

    let threshold = ctx.settings.weekly_load_hours;
    let over: Vec<&(&str, chrono::NaiveDate)> = load
        .iter()
        .filter(|(_, hours)| **hours > threshold)
        .map(|(key, _)| key)
        .collect();
    let overloaded_managers = over.iter().map(|(m, _)| *m).collect::<HashSet<_>>().len() as u32;
    let hours = minutes as f64 / 60.0;
    let credits = hours * ctx.settings.credit_rate;

    let weekly = charts::coaching_weekly(ctx, &weeks, &pilot_series, comparison_series.as_deref());
    let summary = summary(
        events,
        hours,
        events_per_manager_week,
        comparison_events_per_manager_week,
        share_coached_weekly,
        overloaded_managers,
        threshold,
    );
    Ok(CoachingFacts {
        panel: CoachingPanel {
            weeks_elapsed,
            pilot_managers: pilot_managers.len() as u32,
            pilot_people,
            events,
            hours,
            events_per_manager_week,
            comparison_events_per_manager_week,
            share_coached_weekly,
            tasks,
            credits,
            overloaded_manager_weeks: over.len() as u32,
            overloaded_managers,
            weekly,
            inputs_against_outcomes: None,
            summary,
        },
        hours_by_manager,
        events_by_manager,
        pilot_minutes_by_manager,
    })
}

fn summary(
    events: u64,
    hours: f64,
    per_manager: Option<f64>,
    comparison: Option<f64>,
    share: Option<f64>,
    overloaded: u32,
    threshold: f64,
) -> String {
    if events == 0 {
        return "No coaching has been logged against the pilot yet.".into();
    }
    let mut text = format!(
        "{} coaching moments, {} hours",
        fixed(events as f64, 0),
        fixed(hours, 1)
    );
    if let Some(rate) = per_manager {
        text.push_str(&format!("; {} a week per pilot manager", fixed(rate, 1)));
        if let Some(c) = comparison {
            text.push_str(&format!(" against {} in the comparison group", fixed(c, 1)));
        }
    }
    if let Some(share) = share {
        text.push_str(&format!(
            "; in a typical week {}% of the cohort was coached",
            fixed(share * 100.0, 0)
        ));
    }
    text.push_str(&match overloaded {
        0 => format!(
            "; no pilot manager went over {} hours in a week.",
            fixed(threshold, 1)
        ),
        n => format!(
            "; {n} pilot manager{} went over {} hours in a week: check their time credits.",
            if n == 1 { "" } else { "s" },
            fixed(threshold, 1)
        ),
    });
    text
}
