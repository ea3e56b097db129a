//! The dashboard's charts as one description each, drawn by the UI and by the packs alike.
//! Every title states the finding; every point under the privacy floor is left out.

use chrono::{Datelike, Duration, NaiveDate};

use crate::metrics::analytics::event_study::{PeriodEffect, PERIOD_DAYS};
use crate::metrics::analytics::precision::{figure, fixed};
use crate::model::{
    Arm, Band, BarGroup, Chart, ChartBody, ComparisonDesign, CurveLine, CurvePoint, FitLine,
    IntervalRow, Kpi, KpiPanel, LiftMethod, LiftReport, Marker, Reference, ScatterPoint, Series,
    SeriesPoint, SeriesRole,
};
use crate::packs::dates::long_date;

use super::context::PilotContext;
use super::kpi::{better, with_unit, KpiData};

pub(crate) fn arm_name(design: ComparisonDesign, arm: Arm) -> &'static str {
    match (design, arm) {
        (ComparisonDesign::StaggeredWaves, Arm::Pilot) => "Wave 1",
        (ComparisonDesign::StaggeredWaves, Arm::Comparison) => "Wave 2",
        (ComparisonDesign::RandomisedWaitlist, Arm::Comparison) => "Waitlist",
        (_, Arm::Pilot) => "Pilot group",
        (_, Arm::Comparison) => "Comparison group",
    }
}

fn role(arm: Arm) -> SeriesRole {
    match arm {
        Arm::Pilot => SeriesRole::Pilot,
        Arm::Comparison => SeriesRole::Comparison,
    }
}

fn months_between(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut months = Vec::new();
    let mut month = first.with_day(1).unwrap_or(first);
    while month <= last {
        months.push(month);
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX);
    }
    months
}

/// Both groups month by month: the mean over each group's teams of the team's monthly
/// mean (the same weighting as the lift), with the windows shaded and launch marked.
pub(crate) fn kpi_series(
    ctx: &PilotContext,
    kpi: &Kpi,
    data: &KpiData,
    lift: Option<&LiftReport>,
) -> Chart {
    let floor = ctx.floor();
    let design = ctx.cohort.design;
    let mut arms = vec![Arm::Pilot];
    if ctx.with_comparison() {
        arms.push(Arm::Comparison);
    }
    let first = super::kpi::series_start(ctx, kpi);
    let months = months_between(first, ctx.as_of);
    let mut hidden = 0u32;
    let mut series = Vec::new();
    for arm in arms {
        let mut points: Vec<SeriesPoint> = Vec::new();
        let mut gap = false;
        for month in &months {
            let means: Vec<f64> = ctx
                .units
                .units
                .iter()
                .zip(&data.sums)
                .filter(|(unit, _)| unit.arm == arm)
                .filter_map(|(_, sums)| sums.months.get(month).and_then(|m| m.mean()))
                .collect();
            let people = data
                .people_per_month
                .get(&(arm, *month))
                .copied()
                .unwrap_or(0);
            if means.is_empty() {
                gap = !points.is_empty();
                continue;
            }
            if people < floor {
                hidden += 1;
                gap = !points.is_empty();
                continue;
            }
            let y = means.iter().sum::<f64>() / means.len() as f64;
            let display = match lift {
                Some(report) => fixed(y, report.decimals as usize),
                None => figure(y),
            };
            points.push(SeriesPoint {
                x: month.with_day(15).unwrap_or(*month),
                y,
                display,
                gap_before: gap,
            });
            gap = false;
        }
        if !points.is_empty() {
            series.push(Series {
                name: arm_name(design, arm).into(),
                role: role(arm),
                points,
            });
        }
    }
    let mut bands = Vec::new();
    if let Some(baseline) = &kpi.baseline {
        bands.push(Band {
            from: baseline.start,
            to: baseline.end,
            label: "Baseline".into(),
        });
    }
    bands.push(Band {
        from: ctx.pilot.start_date,
        to: ctx.pilot.end_date.min(ctx.as_of.max(ctx.pilot.start_date)),
        label: "Pilot window".into(),
    });
    let markers = vec![Marker {
        at: ctx.pilot.start_date,
        label: "Launch".into(),
    }];
    let title = series_title(kpi, lift, series.is_empty());
    let mut notes = Vec::new();
    if hidden > 0 {
        notes.push(format!(
            "{hidden} monthly point{} for fewer than {floor} people not shown (privacy floor)",
            if hidden == 1 { "" } else { "s" }
        ));
    }
    notes.push("Each point is the mean of the group's teams' monthly means".into());
    Chart {
        id: format!("kpi-{}-series", kpi.id),
        title,
        subtitle: Some(format!(
            "{}, month by month, {} to {}",
            unit_phrase(&kpi.unit),
            long_date(first),
            long_date(ctx.as_of)
        )),
        x_label: "Month".into(),
        y_label: axis_label(kpi),
        body: ChartBody::Series {
            series,
            bands,
            markers,
        },
        note: Some(format!("{}.", notes.join("; "))),
    }
}

fn unit_phrase(unit: &str) -> String {
    match unit.trim() {
        "" => "Values".into(),
        "%" => "Percent".into(),
        unit => format!("In {unit}"),
    }
}

fn axis_label(kpi: &Kpi) -> String {
    if kpi.unit.trim().is_empty() {
        kpi.name.clone()
    } else {
        format!("{} ({})", kpi.name, kpi.unit.trim())
    }
}

fn series_title(kpi: &Kpi, lift: Option<&LiftReport>, empty: bool) -> String {
    if empty {
        return format!("{}: no observations to show yet", kpi.name);
    }
    let Some(report) = lift else {
        return format!("{}: the groups month by month", kpi.name);
    };
    let size = with_unit(
        &fixed(report.improvement.abs(), report.decimals as usize),
        &report.unit,
    );
    let word = if report.improvement >= 0.0 {
        "better"
    } else {
        "worse"
    };
    if report.method == LiftMethod::PrePostTrend {
        return format!(
            "{}: {size} {word} than the pilot group's own baseline trend",
            kpi.name
        );
    }
    let drift = match (report.pilot_pre_trend, report.comparison_pre_trend) {
        (Some(p), Some(c)) => Some((p - c).abs()),
        _ => None,
    };
    match drift {
        Some(drift) if drift * 3.0 > report.effect.abs().max(f64::EPSILON) * 0.5 => format!(
            "{}: the groups were already drifting apart before launch; read the {size} gap \
             with care",
            kpi.name
        ),
        _ => format!(
            "{}: both groups moved alike before launch; since then the pilot group is {size} \
             {word}",
            kpi.name
        ),
    }
}

fn period_label(period: i32) -> String {
    let from = i64::from(period) * PERIOD_DAYS;
    let to = from + PERIOD_DAYS - 1;
    if period < 0 {
        format!("Days {from} to {to}")
    } else {
        format!("Days {from}-{to}")
    }
}

/// The effect per 30-day period relative to each team's baseline: flat before launch if the
/// groups trended alike, opening after if coaching worked.
pub(crate) fn event_study(
    ctx: &PilotContext,
    kpi: &Kpi,
    effects: &[PeriodEffect],
    report: &LiftReport,
) -> Chart {
    let decimals = report.decimals as usize;
    let rows: Vec<IntervalRow> = effects
        .iter()
        .map(|e| {
            let estimate = better(kpi.direction, e.effect);
            let (low, high) = match &e.welch {
                Some(w) => {
                    let (a, b) = (better(kpi.direction, w.low), better(kpi.direction, w.high));
                    (Some(a.min(b)), Some(a.max(b)))
                }
                None => (None, None),
            };
            IntervalRow {
                label: period_label(e.period),
                estimate,
                low,
                high,
                display: with_unit(&fixed(estimate, decimals), &kpi.unit),
                role: if e.period < 0 {
                    SeriesRole::Neutral
                } else {
                    SeriesRole::Pilot
                },
            }
        })
        .collect();
    let before: Vec<&IntervalRow> = rows
        .iter()
        .zip(effects)
        .filter(|(_, e)| e.period < 0)
        .map(|(r, _)| r)
        .collect();
    let after: Vec<&IntervalRow> = rows
        .iter()
        .zip(effects)
        .filter(|(_, e)| e.period >= 0)
        .map(|(r, _)| r)
        .collect();
    let crosses_zero = |r: &&IntervalRow| match (r.low, r.high) {
        (Some(l), Some(h)) => l <= 0.0 && h >= 0.0,
        _ => r.estimate.abs() <= report.improvement.abs() / 4.0,
    };
    let flat_before = before.iter().all(crosses_zero);
    let opened = after
        .last()
        .is_some_and(|r| r.low.map_or(r.estimate > 0.0, |l| l > 0.0));
    let title = match (flat_before, opened) {
        (true, true) => format!(
            "{}: flat before launch, the gap opened once coaching started",
            kpi.name
        ),
        (false, _) => format!(
            "{}: the groups already differed before launch, so part of the gap may not be \
             coaching",
            kpi.name
        ),
        (true, false) => format!("{}: no clear gap has opened yet", kpi.name),
    };
    Chart {
        id: format!("kpi-{}-event-study", kpi.id),
        title,
        subtitle: Some(format!(
            "Improvement per 30-day period against each team's baseline, {}; 95% intervals",
            unit_phrase(&kpi.unit).to_lowercase()
        )),
        x_label: "Days from launch".into(),
        y_label: format!("Improvement ({})", display_unit(&kpi.unit)),
        body: ChartBody::Intervals {
            rows,
            references: vec![Reference {
                value: 0.0,
                label: "No difference".into(),
            }],
        },
        note: Some(format!(
            "Day 0 is the launch, {}. Periods with too few teams for an interval show the \
             estimate alone.",
            long_date(ctx.pilot.start_date)
        )),
    }
}

fn display_unit(unit: &str) -> String {
    match unit.trim() {
        "%" => "percentage points".into(),
        "" => "KPI units".into(),
        unit => unit.into(),
    }
}

/// Every measured KPI against its success criterion: the improvement as a share of the
/// target lift, so KPIs in different units share one axis (100% = the target reached).
pub(crate) fn lift_per_kpi(kpis: &[Kpi], panels: &[KpiPanel]) -> Option<Chart> {
    let mut rows = Vec::new();
    let mut met = 0;
    for (kpi, panel) in kpis.iter().zip(panels) {
        let Some(report) = &panel.lift else { continue };
        let Some(target) = kpi
            .criterion
            .as_ref()
            .map(|c| c.target_lift)
            .filter(|t| *t > 0.0)
        else {
            continue;
        };
        let share = |value: f64| value / target * 100.0;
        if report.criterion_met {
            met += 1;
        }
        rows.push(IntervalRow {
            label: kpi.name.clone(),
            estimate: share(report.improvement),
            low: report.improvement_low.map(share),
            high: report.improvement_high.map(share),
            display: format!(
                "{} ({}% of the target)",
                report.display.improvement,
                fixed(share(report.improvement), 0)
            ),
            role: SeriesRole::Pilot,
        });
    }
    if rows.is_empty() {
        return None;
    }
    let total = rows.len();
    Some(Chart {
        id: "lift-per-kpi".into(),
        title: format!(
            "{met} of {total} KPI{} met {} success criterion",
            if total == 1 { "" } else { "s" },
            if total == 1 { "its" } else { "their" }
        ),
        subtitle: Some(
            "Improvement as a share of each KPI's target lift, with its 95% interval".into(),
        ),
        x_label: "KPI".into(),
        y_label: "Share of the target lift (%)".into(),
        body: ChartBody::Intervals {
            rows,
            references: vec![
                Reference {
                    value: 0.0,
                    label: "No change".into(),
                },
                Reference {
                    value: 100.0,
                    label: "Target".into(),
                },
            ],
        },
        note: Some(
            "A KPI shown without an interval had too few teams for one; its placebo test is in \
             the KPI's section."
                .into(),
        ),
    })
}

/// Coaching per manager per week in each group.
pub(crate) fn coaching_weekly(
    ctx: &PilotContext,
    weeks: &[NaiveDate],
    pilot: &[Option<f64>],
    comparison: Option<&[Option<f64>]>,
) -> Chart {
    let categories: Vec<String> = weeks
        .iter()
        .map(|w| crate::packs::dates::short_date(*w))
        .collect();
    let group = |arm: Arm, values: &[Option<f64>]| BarGroup {
        name: format!("{} managers", arm_name(ctx.cohort.design, arm)),
        role: role(arm),
        values: values.to_vec(),
        displays: values
            .iter()
            .map(|v| v.map(|v| fixed(v, 1)).unwrap_or_default())
            .collect(),
    };
    let mut groups = vec![group(Arm::Pilot, pilot)];
    if let Some(values) = comparison {
        groups.push(group(Arm::Comparison, values));
    }
    let mean = |values: &[Option<f64>]| {
        let known: Vec<f64> = values.iter().flatten().copied().collect();
        (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64)
    };
    let title = match (mean(pilot), comparison.and_then(mean)) {
        (Some(p), Some(c)) if c > 0.0 => format!(
            "Pilot managers coach {} times as often as their peers: {} moments a week each",
            fixed(p / c, 1),
            fixed(p, 1)
        ),
        (Some(p), _) => format!(
            "Pilot managers log {} coaching moments a week each",
            fixed(p, 1)
        ),
        _ => "No coaching logged in the pilot window yet".into(),
    };
    Chart {
        id: "coaching-weekly".into(),
        title,
        subtitle: Some("Coaching moments per manager, week by week (weeks start on Monday)".into()),
        x_label: "Week".into(),
        y_label: "Moments per manager".into(),
        body: ChartBody::Bars {
            categories,
            groups,
            references: Vec::new(),
        },
        note: Some("Groups under the privacy floor are not shown.".into()),
    }
}

/// Each team's coaching hours per person against its change on the first measured KPI.
pub(crate) fn inputs_against_outcomes(
    kpi: &KpiPanel,
    points: &[(Arm, f64, f64)],
    decimals: usize,
) -> Option<Chart> {
    if points.len() < 3 {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.1).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.2).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.1 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.1 - mean_x) * (p.2 - mean_y)).sum();
    let fit = (sxx > 0.0).then(|| {
        let slope = sxy / sxx;
        FitLine {
            slope,
            intercept: mean_y - slope * mean_x,
            label: format!(
                "{} per extra coaching hour",
                with_unit(&fixed(slope, decimals + 1), &kpi.unit)
            ),
        }
    });
    let title = match &fit {
        Some(f) if f.slope > 0.0 => {
            format!("Teams that were coached more improved more on {}", kpi.name)
        }
        Some(_) => format!(
            "More coaching did not go with more improvement on {}",
            kpi.name
        ),
        None => format!("Coaching hours and {} by team", kpi.name),
    };
    Some(Chart {
        id: "inputs-against-outcomes".into(),
        title,
        subtitle: Some(format!(
            "One point per team: coaching hours per person in the pilot window, and the team's \
             improvement in {}",
            display_unit(&kpi.unit)
        )),
        x_label: "Coaching hours per person".into(),
        y_label: format!("Improvement ({})", display_unit(&kpi.unit)),
        body: ChartBody::Scatter {
            points: points
                .iter()
                .map(|(arm, x, y)| ScatterPoint {
                    x: *x,
                    y: *y,
                    role: role(*arm),
                })
                .collect(),
            fit,
        },
        note: Some(
            "Teams under the privacy floor, and as many more as keep them from being worked \
             out, are not shown. An association, not proof: teams that coach more may differ in \
             other ways."
                .into(),
        ),
    })
}

/// Money against the budget: committed, released, spent and the coaching time so far.
pub(crate) fn cost_to_date(bars: &[(String, f64, String)], title: String, currency: &str) -> Chart {
    Chart {
        id: "cost-to-date".into(),
        title,
        subtitle: Some("Budget, tranches and the time of the people involved, to date".into()),
        x_label: String::new(),
        y_label: format!("Amount ({currency})"),
        body: ChartBody::Bars {
            categories: bars.iter().map(|b| b.0.clone()).collect(),
            groups: vec![BarGroup {
                name: "Amount".into(),
                role: SeriesRole::Neutral,
                values: bars.iter().map(|b| Some(b.1)).collect(),
                displays: bars.iter().map(|b| b.2.clone()).collect(),
            }],
            references: Vec::new(),
        },
        note: None,
    }
}

/// Cost against benefit: the fully loaded cost beside the first-year benefit at the low end
/// of the interval, the central estimate and the high end.
pub(crate) fn cost_against_benefit(
    bars: &[(String, f64, String, SeriesRole)],
    currency: &str,
    title: String,
) -> Chart {
    Chart {
        id: "cost-against-benefit".into(),
        title,
        subtitle: Some(
            "Fully loaded cost against the first-year benefit, adjusted for confidence".into(),
        ),
        x_label: String::new(),
        y_label: format!("Amount ({currency})"),
        body: ChartBody::Bars {
            categories: bars.iter().map(|b| b.0.clone()).collect(),
            groups: vec![BarGroup {
                name: "Amount".into(),
                role: SeriesRole::Neutral,
                values: bars.iter().map(|b| Some(b.1)).collect(),
                displays: bars.iter().map(|b| b.2.clone()).collect(),
            }],
            references: Vec::new(),
        },
        note: None,
    }
}

/// ROI % as the measured effects are scaled, with break-even and the measured effect marked.
pub(crate) fn roi_sensitivity(
    points: &[(f64, f64)],
    break_even_scale: Option<f64>,
    title: String,
) -> Chart {
    let mut x_references = vec![Reference {
        value: 1.0,
        label: "Measured effect".into(),
    }];
    if let Some(scale) = break_even_scale.filter(|s| s.is_finite() && *s >= 0.0) {
        x_references.push(Reference {
            value: scale,
            label: format!("Break-even ({}% of the effect)", fixed(scale * 100.0, 0)),
        });
    }
    Chart {
        id: "roi-sensitivity".into(),
        title,
        subtitle: Some("ROI if the true effects were a share of those measured".into()),
        x_label: "Share of the measured effect".into(),
        y_label: "ROI (%)".into(),
        body: ChartBody::Curve {
            lines: vec![CurveLine {
                name: "ROI".into(),
                role: SeriesRole::Pilot,
                points: points
                    .iter()
                    .map(|(x, y)| CurvePoint { x: *x, y: *y })
                    .collect(),
            }],
            references: vec![Reference {
                value: 0.0,
                label: "Break-even".into(),
            }],
            x_references,
        },
        note: None,
    }
}

/// The first day of the week `day` falls in (Monday).
pub(crate) fn week_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}
