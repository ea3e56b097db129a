//! One KPI of a pilot, measured: the rollup's unit-days turned into each unit's windows,
//! periods and months; the lift with the inference its design supports; the series of both
//! groups and the effect month by month; the minimum detectable effect from the baseline.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::Connection;

use crate::error::Result;
use crate::metrics::analytics::did::{self, Estimate, UnitChange, UnitData};
use crate::metrics::analytics::event_study::{self, period_of, UnitPeriods};
use crate::metrics::analytics::inference;
use crate::metrics::analytics::mde;
use crate::metrics::analytics::moments::Moments;
use crate::metrics::analytics::precision::{decimals_for_scale, figure, fixed};
use crate::metrics::analytics::stats::sample_variance;
use crate::model::{
    Arm, Direction, EvidenceStrength, Kpi, KpiMde, KpiPanel, LiftDisplay, LiftMethod, LiftReport,
    PermutationTest, RandomisationTest,
};
use crate::store::analytics::kpi_days;

use super::charts;
use super::context::PilotContext;

/// Re-draws for randomisation inference: enough for a p-value to two decimals.
pub(crate) const RANDOMISATION_DRAWS: u32 = 1000;

/// A unit's sums over the windows, periods and months the analyses need.
#[derive(Debug, Clone, Default)]
pub(crate) struct UnitSums {
    pub pre: Moments,
    pub post: Moments,
    pub first_half: Moments,
    pub second_half: Moments,
    pub periods: BTreeMap<i32, Moments>,
    pub months: BTreeMap<NaiveDate, Moments>,
}

/// The KPI's data, gathered per unit of the cohort.
pub(crate) struct KpiData {
    /// Indexed like `ctx.units.units`.
    pub sums: Vec<UnitSums>,
    /// People observed per arm per month (the most on any one day): the group behind a
    /// point of the series.
    pub people_per_month: HashMap<(Arm, NaiveDate), u32>,
    pub outside_cohort: u32,
}

pub(crate) struct KpiAnalysis {
    pub panel: KpiPanel,
    /// Each unit's change (by unit id), for the breakdown table and the scatter.
    pub changes: HashMap<String, f64>,
}

fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// Where the series starts: the baseline's start, or four months before launch.
pub(crate) fn series_start(ctx: &PilotContext, kpi: &Kpi) -> NaiveDate {
    kpi.baseline
        .as_ref()
        .map(|b| b.start.min(ctx.pilot.start_date))
        .unwrap_or(ctx.pilot.start_date - Duration::days(120))
}

pub(crate) fn gather(conn: &Connection, ctx: &PilotContext, kpi: &Kpi) -> Result<KpiData> {
    let from = series_start(ctx, kpi);
    let days = kpi_days::unit_days(conn, kpi.id, from, ctx.as_of)?;
    let post = (ctx.pilot.start_date, ctx.pilot_window_end());
    let baseline = kpi.baseline.as_ref().map(|b| (b.start, b.end));
    let middle = baseline.map(|(start, end)| start + Duration::days((end - start).num_days() / 2));
    let mut sums = vec![UnitSums::default(); ctx.units.units.len()];
    let mut people_per_day: HashMap<(Arm, NaiveDate), u32> = HashMap::new();
    let mut outside_cohort = 0u32;
    for day in &days {
        let Some(index) = ctx.units.place(&day.unit) else {
            outside_cohort += day.n;
            continue;
        };
        let arm = ctx.units.units[index].arm;
        let unit = &mut sums[index];
        let t = (day.day - ctx.pilot.start_date).num_days();
        let (tf, n) = (t as f64, f64::from(day.n));
        let add = |m: &mut Moments| m.add_day(tf, n, day.total, day.total_sq);
        if let Some((start, end)) = baseline {
            if day.day >= start && day.day <= end {
                add(&mut unit.pre);
                if middle.is_some_and(|m| day.day <= m) {
                    add(&mut unit.first_half);
                } else {
                    add(&mut unit.second_half);
                }
            }
            if day.day >= start && day.day <= post.1 {
                add(unit.periods.entry(period_of(t)).or_default());
            }
        }
        if day.day >= post.0 && day.day <= post.1 {
            add(&mut unit.post);
        }
        add(unit.months.entry(month_of(day.day)).or_default());
        *people_per_day.entry((arm, day.day)).or_default() += day.n;
    }
    let mut people_per_month: HashMap<(Arm, NaiveDate), u32> = HashMap::new();
    for ((arm, day), people) in people_per_day {
        let most = people_per_month.entry((arm, month_of(day))).or_default();
        *most = (*most).max(people);
    }
    Ok(KpiData {
        sums,
        people_per_month,
        outside_cohort,
    })
}

/// The improvement (positive is better) of an effect in the KPI's unit.
pub(crate) fn better(direction: Direction, effect: f64) -> f64 {
    match direction {
        Direction::Higher => effect,
        Direction::Lower => -effect,
    }
}

/// "6.2 days", "3.1 percentage points": a change in a KPI measured in % is in points.
pub(crate) fn with_unit(value: &str, unit: &str) -> String {
    crate::metrics::analytics::precision::with_change_unit(value, unit)
}

fn plural(count: u32, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

/// Whether the data meet the KPI's success criterion: the improvement reaches the target
/// and, when asked, the effect is shown to be above zero: by the interval's lower end, or
/// without an interval by a placebo test at the 5% level.
pub(crate) fn meets(report: &LiftReport, target: f64, above_zero: bool) -> bool {
    let shown_above_zero = match (report.improvement_low, &report.permutation) {
        (Some(low), _) => low > 0.0,
        (None, Some(test)) => test.p_value < 0.05 && report.improvement > 0.0,
        (None, None) => false,
    };
    report.improvement >= target && (!above_zero || shown_above_zero)
}

pub(crate) fn analyse(conn: &Connection, ctx: &PilotContext, kpi: &Kpi) -> Result<KpiAnalysis> {
    let data = gather(conn, ctx, kpi)?;
    let mde = design_mde(ctx, kpi, &data);
    let (lift, not_measured, changes) = match measure(ctx, kpi, &data) {
        Ok((report, changes)) => (Some(report), None, changes),
        Err(why) => (None, Some(why), HashMap::new()),
    };
    let series = charts::kpi_series(ctx, kpi, &data, lift.as_ref());
    let event_study = lift
        .as_ref()
        .and_then(|report| event_study_chart(ctx, kpi, &data, report));
    Ok(KpiAnalysis {
        panel: KpiPanel {
            kpi_id: kpi.id,
            name: kpi.name.clone(),
            unit: kpi.unit.clone(),
            direction: kpi.direction,
            criterion: kpi.criterion.as_ref().map(|c| c.rule.clone()),
            lift,
            not_measured,
            mde: Some(mde),
            series,
            event_study,
        },
        changes,
    })
}

fn unit_data(ctx: &PilotContext, data: &KpiData) -> Vec<UnitData> {
    ctx.units
        .units
        .iter()
        .zip(&data.sums)
        .filter(|(_, sums)| sums.pre.n > 0.0 || sums.post.n > 0.0)
        .map(|(unit, sums)| UnitData {
            unit: unit.id.clone(),
            arm: unit.arm,
            pre: sums.pre,
            post: sums.post,
        })
        .collect()
}

/// The lift on one KPI as of the context's day, or why it cannot be shown yet.
pub(crate) fn measure(
    ctx: &PilotContext,
    kpi: &Kpi,
    data: &KpiData,
) -> std::result::Result<(LiftReport, HashMap<String, f64>), String> {
    if kpi.baseline.is_none() {
        return Err("it has no baseline window".into());
    }
    if ctx.as_of < ctx.pilot.start_date {
        return Err(format!(
            "the pilot starts on {}",
            crate::packs::dates::long_date(ctx.pilot.start_date)
        ));
    }
    if ctx.cohort.members.is_empty() {
        return Err("no managers are in the cohort".into());
    }
    let with_comparison = ctx.with_comparison();
    let estimate = did::estimate(&unit_data(ctx, data), with_comparison).map_err(|e| e.0)?;
    let people_of: HashMap<&str, u32> = ctx
        .units
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.people))
        .collect();
    let people = |arm: Arm| -> u32 {
        estimate
            .changes
            .iter()
            .filter(|c| c.arm == arm)
            .filter_map(|c| people_of.get(c.unit.as_str()))
            .sum()
    };
    let (pilot_people, comparison_people) = (people(Arm::Pilot), people(Arm::Comparison));
    let floor = ctx.floor();
    if pilot_people < floor || (with_comparison && comparison_people < floor) {
        return Err(format!(
            "the {} group has fewer than {floor} people with data, so no figure is shown (the \
             privacy floor)",
            if pilot_people < floor {
                "pilot"
            } else {
                "comparison"
            }
        ));
    }
    let report = report(ctx, kpi, data, &estimate, pilot_people, comparison_people);
    let changes = estimate
        .changes
        .iter()
        .map(|c| (c.unit.clone(), c.change))
        .collect();
    Ok((report, changes))
}

fn evidence(ctx: &PilotContext, estimate: &Estimate) -> EvidenceStrength {
    match (estimate.method, &estimate.welch) {
        (LiftMethod::PrePostTrend, _) => EvidenceStrength::Weak,
        (_, None) => EvidenceStrength::Limited,
        (_, Some(_)) if ctx.randomised() => EvidenceStrength::Strong,
        _ => EvidenceStrength::Moderate,
    }
}

fn spread(changes: &[UnitChange]) -> Option<f64> {
    let values: Vec<f64> = changes.iter().map(|c| c.change).collect();
    sample_variance(&values).map(f64::sqrt)
}

fn report(
    ctx: &PilotContext,
    kpi: &Kpi,
    data: &KpiData,
    estimate: &Estimate,
    pilot_people: u32,
    comparison_people: u32,
) -> LiftReport {
    let direction = kpi.direction;
    let welch = estimate.welch.as_ref();
    let permutation = if welch.is_none() && estimate.method == LiftMethod::DifferenceInDifferences {
        inference::permutation(&estimate.changes)
    } else {
        None
    };
    let manager_units = estimate
        .changes
        .iter()
        .all(|c| !c.unit.starts_with("team:"));
    let randomisation = (ctx.randomised()
        && manager_units
        && estimate.method == LiftMethod::DifferenceInDifferences)
        .then(|| inference::randomisation_over(&estimate.changes, ctx.redraws(RANDOMISATION_DRAWS)))
        .flatten();
    let improvement = better(direction, estimate.effect);
    let (low, high) = match welch {
        Some(w) => {
            let (a, b) = (better(direction, w.low), better(direction, w.high));
            (Some(a.min(b)), Some(a.max(b)))
        }
        None => (None, None),
    };
    let scale = welch
        .map(|w| w.standard_error)
        .or_else(|| spread(&estimate.changes))
        .unwrap_or(estimate.effect.abs() / 5.0);
    let decimals = decimals_for_scale(scale);
    let number = |value: f64| fixed(value, decimals);
    let unit_noun = if manager_units { "team" } else { "unit" };
    let test = match (&randomisation, &permutation) {
        (Some(r), _) => Some(format!(
            "randomisation p = {} over {} re-draws of the assignment",
            p_text(r.p_value),
            fixed(f64::from(r.draws), 0)
        )),
        (None, Some(p)) => Some(format!(
            "placebo p = {}, ranked {} of {}{}",
            p_text(p.p_value),
            p.rank,
            p.of,
            if p.exhaustive { "" } else { ", sampled" }
        )),
        _ => None,
    };
    let display = LiftDisplay {
        improvement: with_unit(&number(improvement), &kpi.unit),
        interval: low
            .zip(high)
            .map(|(l, h)| format!("{} to {}", number(l), with_unit(&number(h), &kpi.unit))),
        test,
    };
    let limits = inference::limits_sentence(
        estimate.pilot_units,
        if estimate.method == LiftMethod::DifferenceInDifferences {
            estimate.comparison_units
        } else {
            0
        },
        unit_noun,
    );
    let mut excluded = Vec::new();
    if data.outside_cohort > 0 {
        excluded.push(format!(
            "{} of people or teams outside the cohort",
            plural(data.outside_cohort, "observation")
        ));
    }
    for team in &ctx.units.shared_teams {
        excluded.push(format!(
            "team-level observations of {team}, whose managers are in both groups"
        ));
    }
    let evidence = evidence(ctx, estimate);
    let mut report = LiftReport {
        kpi_id: kpi.id,
        kpi_name: kpi.name.clone(),
        unit: kpi.unit.clone(),
        direction,
        method: estimate.method,
        evidence,
        weaker_evidence: estimate.method == LiftMethod::PrePostTrend,
        effect: estimate.effect,
        interval_low: welch.map(|w| w.low),
        interval_high: welch.map(|w| w.high),
        standard_error: welch.map(|w| w.standard_error),
        degrees_of_freedom: welch.map(|w| w.degrees_of_freedom),
        improvement,
        improvement_low: low,
        improvement_high: high,
        permutation: permutation.map(|p| PermutationTest {
            p_value: p.p_value,
            rank: p.rank,
            of: p.of,
            exhaustive: p.exhaustive,
        }),
        randomisation: randomisation.map(|r| RandomisationTest {
            p_value: r.p_value,
            draws: r.draws,
        }),
        pilot_units: estimate.pilot_units,
        comparison_units: estimate.comparison_units,
        pilot_people,
        comparison_people,
        pilot_change: estimate.pilot_change,
        comparison_change: estimate.comparison_change,
        pilot_pre_trend: estimate.pilot_pre_trend,
        comparison_pre_trend: estimate.comparison_pre_trend,
        decimals: decimals as u32,
        display,
        limits,
        excluded,
        criterion: kpi.criterion.as_ref().map(|c| c.rule.clone()),
        criterion_met: false,
        summary: String::new(),
    };
    report.criterion_met = kpi
        .criterion
        .as_ref()
        .is_some_and(|c| meets(&report, c.target_lift, c.interval_above_zero));
    report.summary = summary(&report, unit_noun);
    report
}

/// Two significant digits, "< 0.001" rather than a p-value of zero: "0.002", "0.04", "0.19".
pub(crate) fn p_text(p: f64) -> String {
    if p < 0.001 {
        return "< 0.001".into();
    }
    let decimals = (1 - p.log10().floor() as i32).max(2) as usize;
    let text = fixed(p, decimals);
    let text = text.trim_end_matches('0');
    text.strip_suffix('.').unwrap_or(text).to_string()
}

fn summary(report: &LiftReport, unit_noun: &str) -> String {
    let against = if report.method == LiftMethod::DifferenceInDifferences {
        "than the comparison group"
    } else {
        "than its projected baseline trend"
    };
    let size = report.improvement.abs();
    let direction_word = if report.improvement >= 0.0 {
        "better"
    } else {
        "worse"
    };
    let decimals = report.decimals as usize;
    let mut text = format!(
        "{}: {} {direction_word} {against}",
        report.kpi_name,
        with_unit(&fixed(size, decimals), &report.unit)
    );
    if let Some(interval) = &report.display.interval {
        text.push_str(&format!(" (95% interval of the improvement {interval})"));
    }
    if let Some(test) = &report.display.test {
        text.push_str(&format!(", {test}"));
    }
    text.push_str(&format!(
        ", by {} over {}{}",
        report.method.label(),
        plural(report.pilot_units, &format!("pilot {unit_noun}")),
        if report.comparison_units > 0 {
            format!(" and {} comparison", report.comparison_units)
        } else {
            String::new()
        }
    ));
    match (&report.criterion, report.criterion_met) {
        (Some(rule), true) => text.push_str(&format!("; meets the criterion ({rule})")),
        (Some(rule), false) => text.push_str(&format!("; does not meet the criterion ({rule})")),
        (None, _) => text.push_str("; the KPI has no success criterion"),
    }
    text.push_str(&format!("; {}.", report.evidence.label()));
    text
}

fn event_study_chart(
    ctx: &PilotContext,
    kpi: &Kpi,
    data: &KpiData,
    report: &LiftReport,
) -> Option<crate::model::Chart> {
    let units: Vec<UnitPeriods> = ctx
        .units
        .units
        .iter()
        .zip(&data.sums)
        .filter_map(|(unit, sums)| {
            Some(UnitPeriods {
                unit: unit.id.clone(),
                arm: unit.arm,
                baseline_mean: sums.pre.mean()?,
                periods: sums.periods.clone(),
            })
        })
        .collect();
    let effects = event_study::event_study(&units);
    if effects.len() < 2 {
        return None;
    }
    Some(charts::event_study(ctx, kpi, &effects, report))
}

/// The smallest effect the pilot can detect on this KPI, from the spread of each unit's
/// change between the two halves of its baseline window (a change with no coaching in it).
pub(crate) fn design_mde(ctx: &PilotContext, kpi: &Kpi, data: &KpiData) -> KpiMde {
    let mut placebo = Vec::new();
    let (mut pilot_units, mut comparison_units) = (0u32, 0u32);
    for (unit, sums) in ctx.units.units.iter().zip(&data.sums) {
        if sums.pre.n == 0.0 {
            continue;
        }
        match unit.arm {
            Arm::Pilot => pilot_units += 1,
            Arm::Comparison => comparison_units += 1,
        }
        if let Some(change) = mde::split_half_change(&sums.first_half, &sums.second_half) {
            placebo.push(change);
        }
    }
    if !ctx.with_comparison() {
        comparison_units = 0;
    }
    let target = kpi.criterion.as_ref().map(|c| c.target_lift);
    let empty = |reason: String| KpiMde {
        kpi_id: kpi.id,
        effect: None,
        display: None,
        sentence: format!("Minimum detectable effect: not yet known; {reason}."),
        reason: Some(reason),
        pilot_units,
        comparison_units,
        criterion_below_mde: false,
    };
    if kpi.baseline.is_none() {
        return empty("the KPI has no baseline window".into());
    }
    if ctx.cohort.members.is_empty() {
        return empty("choose the cohort first".into());
    }
    if placebo.len() < 2 {
        return empty(
            "it needs baseline observations for at least two teams, in both halves of the \
             baseline window"
                .into(),
        );
    }
    let Some(found) = mde::minimum_detectable_effect(&placebo, pilot_units, comparison_units)
    else {
        return empty("no pilot team has baseline observations".into());
    };
    let display = with_unit(&figure(found.effect), &kpi.unit);
    let below = target.is_some_and(|t| t < found.effect);
    let groups = if comparison_units > 0 {
        format!(
            "{} and {} comparison",
            plural(pilot_units, "pilot team"),
            comparison_units
        )
    } else {
        plural(pilot_units, "pilot team")
    };
    let mut sentence = format!(
        "The pilot can detect a change of {display} or more (80% power, 5% level, {groups})."
    );
    if let (true, Some(target)) = (below, target) {
        sentence.push_str(&format!(
            " The criterion asks for {}, less than that: a real effect of that size would \
             more likely than not be missed. Add teams or ask for a larger lift.",
            with_unit(&figure(target), &kpi.unit)
        ));
    }
    KpiMde {
        kpi_id: kpi.id,
        effect: Some(found.effect),
        display: Some(display),
        reason: None,
        pilot_units,
        comparison_units,
        criterion_below_mde: below,
        sentence,
    }
}
