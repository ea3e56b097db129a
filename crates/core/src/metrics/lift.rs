//! The pilot's lift on a KPI (DESIGN.md, "Measurement"). With a comparison group: a
//! difference-in-differences over units (people or teams) with a Welch standard error and
//! a 95% interval from the t distribution. Without one: each unit's change against its
//! baseline trend projected forward, flagged as weaker evidence. Pure functions.

use chrono::NaiveDate;

use crate::model::{Arm, Direction, LiftMethod};

// The one copy of the t distribution lives with the analytics; re-exported for callers of this module.
pub use super::analytics::stats::{t_cdf, t_quantile};

/// One KPI value of one unit on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub unit: String,
    pub arm: Arm,
    pub on: NaiveDate,
    pub value: f64,
}

/// The baseline window and the pilot window, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Windows {
    pub baseline: (NaiveDate, NaiveDate),
    pub pilot: (NaiveDate, NaiveDate),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub method: LiftMethod,
    pub effect: f64,
    pub standard_error: f64,
    pub degrees_of_freedom: f64,
    pub interval: (f64, f64),
    pub pilot_units: u32,
    pub comparison_units: u32,
    /// Mean change per unit in each group.
    pub pilot_change: f64,
    pub comparison_change: Option<f64>,
    /// Baseline slope per 30 days, per group.
    pub pilot_pre_trend: Option<f64>,
    pub comparison_pre_trend: Option<f64>,
}

/// Why the lift cannot be estimated yet, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotEstimable(pub String);

const DAYS_PER_TREND: f64 = 30.0;

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Sample variance (n - 1).
fn variance(values: &[f64]) -> f64 {
    let m = mean(values);
    values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (values.len() as f64 - 1.0)
}

fn within(on: NaiveDate, window: (NaiveDate, NaiveDate)) -> bool {
    on >= window.0 && on <= window.1
}

/// A unit's observations in each window.
struct Unit<'a> {
    arm: Arm,
    pre: Vec<&'a Observation>,
    post: Vec<&'a Observation>,
}

fn units<'a>(observations: &'a [Observation], windows: &Windows) -> Vec<Unit<'a>> {
    let mut units: Vec<(&str, Unit<'a>)> = Vec::new();
    for observation in observations {
        let index = match units
            .iter()
            .position(|(name, u)| *name == observation.unit && u.arm == observation.arm)
        {
            Some(index) => index,
            None => {
                units.push((
                    &observation.unit,
                    Unit {
                        arm: observation.arm,
                        pre: Vec::new(),
                        post: Vec::new(),
                    },
                ));
                units.len() - 1
            }
        };
        if within(observation.on, windows.baseline) {
            units[index].1.pre.push(observation);
        } else if within(observation.on, windows.pilot) {
            units[index].1.post.push(observation);
        }
    }
    units
        .into_iter()
        .map(|(_, u)| u)
        .filter(|u| !u.pre.is_empty() && !u.post.is_empty())
        .collect()
}

fn day(on: NaiveDate) -> f64 {
    (on - NaiveDate::MIN).num_days() as f64
}

fn mean_value(observations: &[&Observation]) -> f64 {
    observations.iter().map(|o| o.value).sum::<f64>() / observations.len() as f64
}

fn mean_day(observations: &[&Observation]) -> f64 {
    observations.iter().map(|o| day(o.on)).sum::<f64>() / observations.len() as f64
}

/// The slope per day within units (each unit's level removed), over their baseline
/// observations; none when no unit has observations on two different days.
fn within_unit_slope(units: &[&Unit]) -> Option<f64> {
    let mut covariance = 0.0;
    let mut spread = 0.0;
    for unit in units {
        let t = mean_day(&unit.pre);
        let y = mean_value(&unit.pre);
        for o in &unit.pre {
            covariance += (day(o.on) - t) * (o.value - y);
            spread += (day(o.on) - t).powi(2);
        }
    }
    (spread > 0.0).then(|| covariance / spread)
}

/// Difference-in-differences when there is a comparison group, otherwise pre/post against
/// the projected baseline trend.
pub fn estimate(
    observations: &[Observation],
    windows: &Windows,
    with_comparison: bool,
) -> Result<Estimate, NotEstimable> {
    let units = units(observations, windows);
    let pilot: Vec<&Unit> = units.iter().filter(|u| u.arm == Arm::Pilot).collect();
    let comparison: Vec<&Unit> = units.iter().filter(|u| u.arm == Arm::Comparison).collect();
    let enough = |group: &[&Unit], name: &str| {
        if group.len() < 2 {
            Err(NotEstimable(format!(
                "the {name} group has {} unit{} with observations in both the baseline and the \
                 pilot window; at least 2 are needed",
                group.len(),
                if group.len() == 1 { "" } else { "s" }
            )))
        } else {
            Ok(())
        }
    };
    enough(&pilot, "pilot")?;
    let pilot_trend = within_unit_slope(&pilot);
    if with_comparison {
        enough(&comparison, "comparison")?;
        let change = |u: &&Unit| mean_value(&u.post) - mean_value(&u.pre);
        let d_pilot: Vec<f64> = pilot.iter().map(change).collect();
        let d_comparison: Vec<f64> = comparison.iter().map(change).collect();
        let (n_p, n_c) = (d_pilot.len() as f64, d_comparison.len() as f64);
        let (a, b) = (variance(&d_pilot) / n_p, variance(&d_comparison) / n_c);
        let effect = mean(&d_pilot) - mean(&d_comparison);
        let standard_error = (a + b).sqrt();
        // Welch-Satterthwaite; with no spread at all, the pooled degrees of freedom.
        let degrees_of_freedom = if a + b > 0.0 {
            (a + b).powi(2) / (a.powi(2) / (n_p - 1.0) + b.powi(2) / (n_c - 1.0))
        } else {
            n_p + n_c - 2.0
        };
        let margin = t_quantile(0.975, degrees_of_freedom) * standard_error;
        Ok(Estimate {
            method: LiftMethod::DifferenceInDifferences,
            effect,
            standard_error,
            degrees_of_freedom,
            interval: (effect - margin, effect + margin),
            pilot_units: pilot.len() as u32,
            comparison_units: comparison.len() as u32,
            pilot_change: mean(&d_pilot),
            comparison_change: Some(mean(&d_comparison)),
            pilot_pre_trend: pilot_trend.map(|s| s * DAYS_PER_TREND),
            comparison_pre_trend: within_unit_slope(&comparison).map(|s| s * DAYS_PER_TREND),
        })
    } else {
        // Each unit's post mean against its pre mean carried forward along the pooled
        // baseline trend to the dates of its post observations. No trend: flat.
        let slope = pilot_trend.unwrap_or(0.0);
        let d: Vec<f64> = pilot
            .iter()
            .map(|u| {
                let projected = mean_value(&u.pre) + slope * (mean_day(&u.post) - mean_day(&u.pre));
                mean_value(&u.post) - projected
            })
            .collect();
        let n = d.len() as f64;
        let effect = mean(&d);
        let standard_error = (variance(&d) / n).sqrt();
        let degrees_of_freedom = n - 1.0;
        let margin = t_quantile(0.975, degrees_of_freedom) * standard_error;
        Ok(Estimate {
            method: LiftMethod::PrePostTrend,
            effect,
            standard_error,
            degrees_of_freedom,
            interval: (effect - margin, effect + margin),
            pilot_units: pilot.len() as u32,
            comparison_units: 0,
            pilot_change: mean(&d),
            comparison_change: None,
            pilot_pre_trend: pilot_trend.map(|s| s * DAYS_PER_TREND),
            comparison_pre_trend: None,
        })
    }
}

/// The effect turned so that positive is better, with its interval.
pub fn improvement(estimate: &Estimate, direction: Direction) -> (f64, f64, f64) {
    let (low, high) = estimate.interval;
    match direction {
        Direction::Higher => (estimate.effect, low, high),
        Direction::Lower => (-estimate.effect, -high, -low),
    }
}

/// Whether an estimate meets a success criterion: the improvement reaches the target and,
/// when the criterion asks for it, the whole 95% interval lies above zero.
pub fn meets(
    estimate: &Estimate,
    direction: Direction,
    target_lift: f64,
    interval_above_zero: bool,
) -> bool {
    let (gain, low, _) = improvement(estimate, direction);
    gain >= target_lift && (!interval_above_zero || low > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn windows() -> Windows {
        Windows {
            baseline: (d("2026-07-01"), d("2026-12-31")),
            pilot: (d("2027-01-11"), d("2027-04-11")),
        }
    }

    /// Units with a pre value and a post value each.
    fn observations(units: &[(&str, Arm, f64, f64)]) -> Vec<Observation> {
        units
            .iter()
            .flat_map(|(unit, arm, pre, post)| {
                [
                    Observation {
                        unit: (*unit).into(),
                        arm: *arm,
                        on: d("2026-10-01"),
                        value: *pre,
                    },
                    Observation {
                        unit: (*unit).into(),
                        arm: *arm,
                        on: d("2027-03-01"),
                        value: *post,
                    },
                ]
            })
            .collect()
    }

    #[test]
    fn difference_in_differences_by_hand() {
        // Pilot changes 5, 7, 9 (mean 7, var 4); comparison changes 1, 2, 3 (mean 2, var 1).
        let data = observations(&[
            ("a", Arm::Pilot, 40.0, 45.0),
            ("b", Arm::Pilot, 50.0, 57.0),
            ("c", Arm::Pilot, 60.0, 69.0),
            ("x", Arm::Comparison, 40.0, 41.0),
            ("y", Arm::Comparison, 50.0, 52.0),
            ("z", Arm::Comparison, 60.0, 63.0),
        ]);
        let e = estimate(&data, &windows(), true).unwrap();
        assert_eq!(e.method, LiftMethod::DifferenceInDifferences);
        assert!(close(e.effect, 5.0, 1e-12));
        // SE = sqrt(4/3 + 1/3); df = (5/3)^2 / ((4/3)^2/2 + (1/3)^2/2) = 2.9412
        assert!(close(e.standard_error, (5.0f64 / 3.0).sqrt(), 1e-12));
        assert!(close(e.degrees_of_freedom, 2.941_176_470_588, 1e-9));
        let margin = t_quantile(0.975, e.degrees_of_freedom) * e.standard_error;
        assert!(close(e.interval.0, 5.0 - margin, 1e-12));
        assert!(margin > 3.18 * 1.29 && margin < 3.25 * 1.3, "{margin}");
        assert_eq!((e.pilot_units, e.comparison_units), (3, 3));
        assert!(close(e.comparison_change.unwrap(), 2.0, 1e-12));
    }

    #[test]
    fn several_observations_per_window_are_averaged_per_unit() {
        let mut data = observations(&[
            ("a", Arm::Pilot, 10.0, 20.0),
            ("b", Arm::Pilot, 10.0, 22.0),
            ("x", Arm::Comparison, 10.0, 11.0),
            ("y", Arm::Comparison, 10.0, 13.0),
        ]);
        data.push(Observation {
            unit: "a".into(),
            arm: Arm::Pilot,
            on: d("2027-02-01"),
            value: 30.0,
        });
        // Outside both windows: ignored.
        data.push(Observation {
            unit: "a".into(),
            arm: Arm::Pilot,
            on: d("2027-01-05"),
            value: 1000.0,
        });
        let e = estimate(&data, &windows(), true).unwrap();
        // a: 25 - 10 = 15, b: 12; pilot mean 13.5; comparison mean 2.
        assert!(close(e.effect, 11.5, 1e-12));
    }

    #[test]
    fn too_few_units_are_refused_with_the_reason() {
        let data = observations(&[
            ("a", Arm::Pilot, 40.0, 45.0),
            ("x", Arm::Comparison, 40.0, 41.0),
            ("y", Arm::Comparison, 40.0, 41.0),
        ]);
        let error = estimate(&data, &windows(), true).unwrap_err();
        assert!(error.0.contains("pilot group has 1 unit"), "{}", error.0);
        let only_pre: Vec<Observation> = data.into_iter().step_by(2).collect();
        let error = estimate(&only_pre, &windows(), false).unwrap_err();
        assert!(error.0.contains("has 0 units"));
    }

    #[test]
    fn without_a_comparison_the_baseline_trend_is_projected() {
        // Each unit rises 0.1 a day before the pilot; in the pilot window it sits 2, 3 and 4
        // above its own trend line.
        let first = d("2026-08-01");
        let mut data = Vec::new();
        for (unit, level, bump) in [("a", 10.0, 2.0), ("b", 20.0, 3.0), ("c", 30.0, 4.0)] {
            let at = |on: NaiveDate, extra: f64| Observation {
                unit: unit.into(),
                arm: Arm::Pilot,
                on,
                value: level + 0.1 * (on - first).num_days() as f64 + extra,
            };
            for on in ["2026-08-01", "2026-09-15", "2026-11-30"] {
                data.push(at(d(on), 0.0));
            }
            data.push(at(d("2027-02-01"), bump));
            data.push(at(d("2027-03-20"), bump));
        }
        let e = estimate(&data, &windows(), false).unwrap();
        assert_eq!(e.method, LiftMethod::PrePostTrend);
        assert_eq!(e.comparison_units, 0);
        assert!(
            close(e.pilot_pre_trend.unwrap(), 3.0, 1e-9),
            "0.1 a day is 3 per 30 days"
        );
        assert!(close(e.effect, 3.0, 1e-9), "{}", e.effect);
        // d = 2, 3, 4: SE = 1 / sqrt(3), 2 degrees of freedom.
        assert!(close(e.standard_error, 1.0 / 3f64.sqrt(), 1e-9));
        assert!(close(e.degrees_of_freedom, 2.0, 1e-12));
        let margin = 4.3027 / 3f64.sqrt();
        assert!(close(e.interval.1, 3.0 + margin, 1e-3));
        // A plain pre/post change would credit the pilot with the trend as well.
        let naive_change = mean_value(
            &data
                .iter()
                .filter(|o| o.unit == "a" && o.on > first + chrono::Duration::days(150))
                .collect::<Vec<_>>(),
        ) - mean_value(
            &data
                .iter()
                .filter(|o| o.unit == "a" && o.on < d("2027-01-01"))
                .collect::<Vec<_>>(),
        );
        assert!(naive_change > 15.0, "{naive_change}");
    }

    #[test]
    fn improvement_turns_a_fall_into_a_gain_for_lower_is_better() {
        let e = Estimate {
            method: LiftMethod::DifferenceInDifferences,
            effect: -6.0,
            standard_error: 1.0,
            degrees_of_freedom: 10.0,
            interval: (-8.0, -4.0),
            pilot_units: 3,
            comparison_units: 3,
            pilot_change: -7.0,
            comparison_change: Some(-1.0),
            pilot_pre_trend: None,
            comparison_pre_trend: None,
        };
        assert_eq!(improvement(&e, Direction::Lower), (6.0, 4.0, 8.0));
        assert_eq!(improvement(&e, Direction::Higher), (-6.0, -8.0, -4.0));
        assert!(meets(&e, Direction::Lower, 5.0, true));
        assert!(!meets(&e, Direction::Lower, 6.5, true), "below the target");
        assert!(
            !meets(&e, Direction::Higher, 1.0, false),
            "the wrong direction"
        );
        let wide = Estimate {
            interval: (-13.0, 1.0),
            ..e
        };
        assert!(
            !meets(&wide, Direction::Lower, 5.0, true),
            "interval crosses zero"
        );
        assert!(meets(&wide, Direction::Lower, 5.0, false));
    }
}
