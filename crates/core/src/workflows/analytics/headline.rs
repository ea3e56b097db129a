//! The dashboard's answer first: the status in one sentence and the few numbers that
//! carry it, each with its unit, period and evidence.

use crate::metrics::analytics::precision::fixed;
use crate::model::{CoachingPanel, KeyNumber, KpiPanel, RoiReport};
use crate::packs::dates::long_date;

use super::context::PilotContext;

fn primary(panels: &[KpiPanel]) -> Option<&KpiPanel> {
    panels
        .iter()
        .find(|p| p.lift.is_some())
        .or_else(|| panels.first())
}

fn kpi_phrase(panel: &KpiPanel) -> String {
    match (&panel.lift, &panel.not_measured) {
        (Some(lift), _) => {
            let word = if lift.improvement >= 0.0 {
                "better"
            } else {
                "worse"
            };
            let against = if lift.comparison_units > 0 {
                "than the comparison group"
            } else {
                "than its baseline trend"
            };
            let size = fixed(lift.improvement.abs(), lift.decimals as usize);
            let size = super::kpi::with_unit(&size, &lift.unit);
            let mut phrase = format!("{} is {size} {word} {against}", panel.name);
            if let Some(interval) = &lift.display.interval {
                phrase.push_str(&format!(" (95% interval {interval})"));
            } else if let Some(test) = &lift.display.test {
                phrase.push_str(&format!(" ({test})"));
            }
            if lift.criterion.is_some() {
                phrase.push_str(if lift.criterion_met {
                    ", meeting its criterion"
                } else {
                    ", short of its criterion"
                });
            }
            phrase
        }
        (None, Some(why)) => format!("{} cannot be measured yet: {why}", panel.name),
        (None, None) => format!("{} has no data yet", panel.name),
    }
}

pub(crate) fn headline(
    ctx: &PilotContext,
    panels: &[KpiPanel],
    coaching: &CoachingPanel,
    roi: Option<&RoiReport>,
) -> String {
    let pilot = &ctx.pilot;
    let day = ctx.day();
    if day < 0 {
        return format!(
            "\"{}\" starts on {}, in {} day{}; the dashboard fills as coaching and KPI data \
             arrive.",
            pilot.name,
            long_date(pilot.start_date),
            -day,
            if day == -1 { "" } else { "s" }
        );
    }
    let kpi = primary(panels).map(kpi_phrase);
    if ctx.as_of >= pilot.end_date {
        let met = panels
            .iter()
            .filter(|p| p.lift.as_ref().is_some_and(|l| l.criterion_met))
            .count();
        let with_criterion = panels.iter().filter(|p| p.criterion.is_some()).count();
        let mut text = format!(
            "The 90 days ended on {}: {met} of {with_criterion} KPI{} met {} success \
             criterion",
            long_date(pilot.end_date),
            if with_criterion == 1 { "" } else { "s" },
            if with_criterion == 1 { "its" } else { "their" }
        );
        if let Some(kpi) = kpi {
            text.push_str(&format!("; {kpi}"));
        }
        if let Some(roi) = roi.and_then(|r| r.figures.roi_percent) {
            text.push_str(&format!("; first-year ROI {}%", fixed(roi, 0)));
        }
        text.push('.');
        return text;
    }
    let mut text = format!("Day {day} of 90: ");
    match kpi {
        Some(kpi) => text.push_str(&kpi),
        None => text.push_str("the pilot has no KPIs yet"),
    }
    match coaching.events_per_manager_week {
        Some(rate) if coaching.events > 0 => text.push_str(&format!(
            "; pilot managers coach {} times a week each",
            fixed(rate, 1)
        )),
        _ => text.push_str("; no coaching logged yet"),
    }
    text.push('.');
    text
}

pub(crate) fn key_numbers(
    ctx: &PilotContext,
    panels: &[KpiPanel],
    coaching: &CoachingPanel,
    roi: Option<&RoiReport>,
    fully_loaded_to_date: crate::model::Money,
) -> Vec<KeyNumber> {
    let mut numbers = Vec::new();
    let day = ctx.day();
    numbers.push(KeyNumber {
        value: if day < 0 {
            format!("In {} days", -day)
        } else if ctx.as_of >= ctx.pilot.end_date {
            "Day 90".into()
        } else {
            format!("Day {day}")
        },
        label: "Of the 90-day window".into(),
        basis: format!(
            "{} to {}",
            long_date(ctx.pilot.start_date),
            long_date(ctx.pilot.end_date)
        ),
    });
    if let Some(panel) = primary(panels) {
        if let Some(lift) = &panel.lift {
            // Large type has room for "points"; the label says which KPI they are of.
            numbers.push(KeyNumber {
                value: lift
                    .display
                    .improvement
                    .replace(" percentage points", " points"),
                label: format!("Improvement in {}", panel.name),
                basis: match &lift.display.interval {
                    Some(interval) => format!("95% interval {interval}; {}", lift.evidence.label()),
                    None => format!(
                        "{}; {}",
                        lift.display
                            .test
                            .clone()
                            .unwrap_or_else(|| "no interval".into()),
                        lift.evidence.label()
                    ),
                },
            });
        }
    }
    if let Some(rate) = coaching.events_per_manager_week {
        numbers.push(KeyNumber {
            value: fixed(rate, 1),
            label: "Coaching moments per pilot manager a week".into(),
            basis: match coaching.comparison_events_per_manager_week {
                Some(c) => format!(
                    "{} in the comparison group; over {} week{}",
                    fixed(c, 1),
                    coaching.weeks_elapsed,
                    if coaching.weeks_elapsed == 1 { "" } else { "s" }
                ),
                None => format!(
                    "over {} week{}",
                    coaching.weeks_elapsed,
                    if coaching.weeks_elapsed == 1 { "" } else { "s" }
                ),
            },
        });
    }
    if let Some(share) = coaching.share_coached_weekly {
        numbers.push(KeyNumber {
            value: format!("{}%", fixed(share * 100.0, 0)),
            label: "Of the cohort coached in a typical week".into(),
            basis: format!("{} people in the pilot group", coaching.pilot_people),
        });
    }
    let currency = &ctx.settings.currency;
    match roi.and_then(|r| r.figures.roi_percent.map(|p| (r, p))) {
        Some((report, percent)) if !report.figures.benefits.is_empty() => numbers.push(KeyNumber {
            value: format!("{}%", fixed(percent, 0)),
            label: "First-year ROI".into(),
            basis: format!(
                "{} benefit against {} cost{}",
                report.figures.benefits_total.format_whole_with(currency),
                report.figures.costs_total.format_whole_with(currency),
                if report.projected {
                    ", time projected to day 90"
                } else {
                    ""
                }
            ),
        }),
        _ => numbers.push(KeyNumber {
            value: fully_loaded_to_date.format_whole_with(currency),
            label: "Fully loaded cost so far".into(),
            basis: "Spending plus the people's coaching time".into(),
        }),
    }
    numbers.truncate(5);
    numbers
}
