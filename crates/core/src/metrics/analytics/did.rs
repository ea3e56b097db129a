//! The lift over units (a manager's team, a team, a state in a public data set), from each
//! unit's sums in the baseline and the pilot window (DESIGN.md, "Measurement").
//! With a comparison group: difference-in-differences, d = post mean - pre mean per unit,
//! effect = mean d (pilot) - mean d (comparison). Without one: each pilot unit's post mean
//! against its pre mean carried forward along the pooled baseline trend (weaker evidence).
//! One pass over the units: linear in their number.

use super::moments::{within_unit_slope, Moments};
use super::stats::{mean, sample_variance, t_quantile};
use crate::model::{Arm, LiftMethod};

/// One unit's sums in the baseline window (`pre`) and the pilot window (`post`).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitData {
    pub unit: String,
    pub arm: Arm,
    pub pre: Moments,
    pub post: Moments,
}

/// One unit's contribution to the effect: its d (difference-in-differences) or its gap to
/// its projected trend (pre/post).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitChange {
    pub unit: String,
    pub arm: Arm,
    pub change: f64,
}

/// A Welch standard error with its Welch–Satterthwaite degrees of freedom and the 95%
/// interval from the t distribution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Welch {
    pub standard_error: f64,
    pub degrees_of_freedom: f64,
    pub low: f64,
    pub high: f64,
}

impl Welch {
    /// The interval for a difference of two group means; none unless each group has at
    /// least two values (one unit has no spread to learn from).
    pub fn two_sample(effect: f64, pilot: &[f64], comparison: &[f64]) -> Option<Welch> {
        let (n_p, n_c) = (pilot.len() as f64, comparison.len() as f64);
        let a = sample_variance(pilot)? / n_p;
        let b = sample_variance(comparison)? / n_c;
        // With no spread at all the formula is 0/0; the pooled degrees of freedom stand in.
        let degrees_of_freedom = if a + b > 0.0 {
            (a + b).powi(2) / (a.powi(2) / (n_p - 1.0) + b.powi(2) / (n_c - 1.0))
        } else {
            n_p + n_c - 2.0
        };
        Some(Welch::around(effect, (a + b).sqrt(), degrees_of_freedom))
    }

    /// The interval for one group's mean; none for fewer than two values.
    pub fn one_sample(effect: f64, values: &[f64]) -> Option<Welch> {
        let n = values.len() as f64;
        let standard_error = (sample_variance(values)? / n).sqrt();
        Some(Welch::around(effect, standard_error, n - 1.0))
    }

    fn around(effect: f64, standard_error: f64, degrees_of_freedom: f64) -> Welch {
        let margin = t_quantile(0.975, degrees_of_freedom) * standard_error;
        Welch {
            standard_error,
            degrees_of_freedom,
            low: effect - margin,
            high: effect + margin,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// DifferenceInDifferences or PrePostTrend.
    pub method: LiftMethod,
    /// In the KPI's unit, post minus pre, pilot minus comparison.
    pub effect: f64,
    pub pilot_units: u32,
    pub comparison_units: u32,
    /// The pilot units' mean change, post mean minus pre mean, before any trend adjustment.
    pub pilot_change: f64,
    /// The comparison units' mean change; none without a comparison group.
    pub comparison_change: Option<f64>,
    /// Slope per 30 days, within units, baseline window.
    pub pilot_pre_trend: Option<f64>,
    pub comparison_pre_trend: Option<f64>,
    /// Only when it is honest: at least two units in each group (at least two pilot units
    /// without a comparison group).
    pub welch: Option<Welch>,
    /// Each unit's d (difference-in-differences) or its gap to its projected trend
    /// (pre/post), for permutation inference and charts.
    pub changes: Vec<UnitChange>,
}

/// Why the lift cannot be estimated, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotEstimable(pub String);

impl std::fmt::Display for NotEstimable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

const DAYS_PER_TREND: f64 = 30.0;

/// A unit with observations in both windows, and its means.
struct Counted<'a> {
    data: &'a UnitData,
    pre: f64,
    post: f64,
}

/// A unit counts when it has observations in both windows (and numbers in them).
fn counted(unit: &UnitData) -> Option<Counted<'_>> {
    let (pre, post) = (unit.pre.mean()?, unit.post.mean()?);
    (pre.is_finite() && post.is_finite()).then_some(Counted {
        data: unit,
        pre,
        post,
    })
}

fn missing(group: &str) -> NotEstimable {
    NotEstimable(format!(
        "no {group} unit has observations in both the baseline and the pilot window"
    ))
}

fn per_trend(slope: Option<f64>) -> Option<f64> {
    slope.map(|s| s * DAYS_PER_TREND)
}

/// Difference-in-differences when `with_comparison`, otherwise pre/post against the
/// projected baseline trend. Only units with observations in both windows count.
pub fn estimate(units: &[UnitData], with_comparison: bool) -> Result<Estimate, NotEstimable> {
    let (pilot, comparison): (Vec<Counted>, Vec<Counted>) = units
        .iter()
        .filter_map(counted)
        .partition(|u| u.data.arm == Arm::Pilot);
    if pilot.is_empty() {
        return Err(missing("pilot"));
    }
    if with_comparison && comparison.is_empty() {
        return Err(missing("comparison"));
    }
    let pilot_trend = within_unit_slope(pilot.iter().map(|u| &u.data.pre));
    let raw_change = |u: &Counted| u.post - u.pre;
    let d_pilot: Vec<f64> = pilot.iter().map(raw_change).collect();
    let pilot_change = mean(&d_pilot).unwrap_or(0.0);
    let change_of = |u: &Counted, change: f64| UnitChange {
        unit: u.data.unit.clone(),
        arm: u.data.arm,
        change,
    };

    if with_comparison {
        let d_comparison: Vec<f64> = comparison.iter().map(raw_change).collect();
        let comparison_change = mean(&d_comparison).unwrap_or(0.0);
        let effect = pilot_change - comparison_change;
        let changes = pilot
            .iter()
            .zip(&d_pilot)
            .chain(comparison.iter().zip(&d_comparison))
            .map(|(u, d)| change_of(u, *d))
            .collect();
        Ok(Estimate {
            method: LiftMethod::DifferenceInDifferences,
            effect,
            pilot_units: pilot.len() as u32,
            comparison_units: comparison.len() as u32,
            pilot_change,
            comparison_change: Some(comparison_change),
            pilot_pre_trend: per_trend(pilot_trend),
            comparison_pre_trend: per_trend(within_unit_slope(
                comparison.iter().map(|u| &u.data.pre),
            )),
            welch: Welch::two_sample(effect, &d_pilot, &d_comparison),
            changes,
        })
    } else {
        // Each unit's pre mean carried forward to the mean day of its post observations
        // along the pooled baseline trend; no trend to be seen means flat.
        let slope = pilot_trend.unwrap_or(0.0);
        let gaps: Vec<f64> = pilot
            .iter()
            .map(|u| {
                let elapsed =
                    u.data.post.mean_t().unwrap_or(0.0) - u.data.pre.mean_t().unwrap_or(0.0);
                u.post - (u.pre + slope * elapsed)
            })
            .collect();
        let effect = mean(&gaps).unwrap_or(0.0);
        Ok(Estimate {
            method: LiftMethod::PrePostTrend,
            effect,
            pilot_units: pilot.len() as u32,
            comparison_units: 0,
            pilot_change,
            comparison_change: None,
            pilot_pre_trend: per_trend(pilot_trend),
            comparison_pre_trend: None,
            welch: Welch::one_sample(effect, &gaps),
            changes: pilot
                .iter()
                .zip(&gaps)
                .map(|(u, gap)| change_of(u, *gap))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::analytics::stats::standard_normal;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    /// A unit with one observation on day 0 (pre) and one on day 100 (post).
    fn unit(name: &str, arm: Arm, pre: f64, post: f64) -> UnitData {
        let mut u = UnitData {
            unit: name.into(),
            arm,
            pre: Moments::default(),
            post: Moments::default(),
        };
        u.pre.add(0.0, pre);
        u.post.add(100.0, post);
        u
    }

    fn three_by_three() -> Vec<UnitData> {
        // Pilot changes 5, 7, 9 (mean 7, variance 4); comparison 1, 2, 3 (mean 2, variance 1).
        vec![
            unit("a", Arm::Pilot, 40.0, 45.0),
            unit("b", Arm::Pilot, 50.0, 57.0),
            unit("c", Arm::Pilot, 60.0, 69.0),
            unit("x", Arm::Comparison, 40.0, 41.0),
            unit("y", Arm::Comparison, 50.0, 52.0),
            unit("z", Arm::Comparison, 60.0, 63.0),
        ]
    }

    #[test]
    fn difference_in_differences_with_its_welch_interval_by_hand() {
        let e = estimate(&three_by_three(), true).unwrap();
        assert_eq!(e.method, LiftMethod::DifferenceInDifferences);
        assert!(close(e.effect, 5.0, 1e-12));
        assert_eq!((e.pilot_units, e.comparison_units), (3, 3));
        assert!(close(e.pilot_change, 7.0, 1e-12));
        assert!(close(e.comparison_change.unwrap(), 2.0, 1e-12));
        let w = e.welch.unwrap();
        // SE = sqrt(4/3 + 1/3) = 1.290994; df = (5/3)² / ((4/3)²/2 + (1/3)²/2) = 50/17.
        assert!(close(w.standard_error, (5.0f64 / 3.0).sqrt(), 1e-12));
        assert!(close(w.degrees_of_freedom, 50.0 / 17.0, 1e-12));
        // t(0.975, 50/17) = 3.218759 (scipy), so the margin is 4.155400.
        assert!(close(w.low, 5.0 - 4.155_400, 1e-5), "{}", w.low);
        assert!(close(w.high, 5.0 + 4.155_400, 1e-5), "{}", w.high);
        let by_unit: Vec<(&str, f64)> = e
            .changes
            .iter()
            .map(|c| (c.unit.as_str(), c.change))
            .collect();
        assert_eq!(
            by_unit,
            [
                ("a", 5.0),
                ("b", 7.0),
                ("c", 9.0),
                ("x", 1.0),
                ("y", 2.0),
                ("z", 3.0)
            ]
        );
    }

    #[test]
    fn one_pilot_unit_gets_an_estimate_but_no_interval() {
        let units = vec![
            unit("a", Arm::Pilot, 40.0, 50.0),
            unit("x", Arm::Comparison, 40.0, 41.0),
            unit("y", Arm::Comparison, 40.0, 43.0),
        ];
        let e = estimate(&units, true).unwrap();
        assert!(close(e.effect, 10.0 - 2.0, 1e-12));
        assert_eq!((e.pilot_units, e.comparison_units), (1, 2));
        assert_eq!(e.welch, None);
        // Likewise one comparison unit.
        let e = estimate(&three_by_three()[..4], true).unwrap();
        assert!(close(e.effect, 7.0 - 1.0, 1e-12));
        assert_eq!(e.welch, None);
    }

    #[test]
    fn units_missing_a_window_are_left_out_and_an_empty_group_is_refused_with_the_reason() {
        let mut units = three_by_three();
        units[0].post = Moments::default();
        let e = estimate(&units, true).unwrap();
        assert_eq!(e.pilot_units, 2);
        assert!(close(e.pilot_change, 8.0, 1e-12));

        let comparison_only: Vec<UnitData> = three_by_three().split_off(3);
        let error = estimate(&comparison_only, true).unwrap_err();
        assert_eq!(
            error.to_string(),
            "no pilot unit has observations in both the baseline and the pilot window"
        );
        let pilot_only: Vec<UnitData> = three_by_three()[..3].to_vec();
        let error = estimate(&pilot_only, true).unwrap_err();
        assert!(error.0.contains("no comparison unit"), "{}", error.0);
        assert!(estimate(&pilot_only, false).is_ok());
    }

    #[test]
    fn several_observations_per_window_are_averaged_per_unit() {
        let mut units = vec![
            unit("a", Arm::Pilot, 10.0, 20.0),
            unit("b", Arm::Pilot, 10.0, 22.0),
            unit("x", Arm::Comparison, 10.0, 11.0),
            unit("y", Arm::Comparison, 10.0, 13.0),
        ];
        units[0].post.add(120.0, 30.0);
        // a: 25 - 10 = 15, b: 12; pilot mean 13.5; comparison mean 2.
        let e = estimate(&units, true).unwrap();
        assert!(close(e.effect, 11.5, 1e-12));
    }

    #[test]
    fn the_baseline_trends_are_reported_per_30_days() {
        let mut units = three_by_three();
        // Unit a rises 1 a day in the baseline (days 0 and 10); x falls 0.5 a day.
        units[0].pre.add(10.0, 50.0);
        units[3].pre.add(10.0, 35.0);
        let e = estimate(&units, true).unwrap();
        assert!(close(e.pilot_pre_trend.unwrap(), 30.0, 1e-9));
        assert!(close(e.comparison_pre_trend.unwrap(), -15.0, 1e-9));
        let flat = estimate(&three_by_three(), true).unwrap();
        assert_eq!(
            flat.pilot_pre_trend, None,
            "one day per unit shows no trend"
        );
    }

    #[test]
    fn without_a_comparison_the_baseline_trend_is_projected() {
        // Each unit rises 0.1 a day in the baseline (days 0, 45, 120); in the pilot window
        // (days 184 and 231) it sits 2, 3 and 4 above its own trend line.
        let mut units = Vec::new();
        for (name, level, bump) in [("a", 10.0, 2.0), ("b", 20.0, 3.0), ("c", 30.0, 4.0)] {
            let mut u = UnitData {
                unit: name.into(),
                arm: Arm::Pilot,
                pre: Moments::default(),
                post: Moments::default(),
            };
            for t in [0.0, 45.0, 120.0] {
                u.pre.add(t, level + 0.1 * t);
            }
            for t in [184.0, 231.0] {
                u.post.add(t, level + 0.1 * t + bump);
            }
            units.push(u);
        }
        let e = estimate(&units, false).unwrap();
        assert_eq!(e.method, LiftMethod::PrePostTrend);
        assert_eq!((e.comparison_units, e.comparison_change), (0, None));
        assert!(close(e.pilot_pre_trend.unwrap(), 3.0, 1e-9));
        assert!(close(e.effect, 3.0, 1e-9), "{}", e.effect);
        let gaps: Vec<f64> = e.changes.iter().map(|c| c.change).collect();
        assert!(gaps
            .iter()
            .zip([2.0, 3.0, 4.0])
            .all(|(g, want)| close(*g, want, 1e-9)));
        // The plain change credits the pilot with the trend as well: mean day 55 to 207.5,
        // 15.25 of trend plus the bump of 3.
        assert!(close(e.pilot_change, 18.25, 1e-9), "{}", e.pilot_change);
        // Gaps 2, 3, 4: SE 1/sqrt(3) on 2 degrees of freedom; t(0.975, 2) = 4.302653.
        let w = e.welch.unwrap();
        assert!(close(w.standard_error, 1.0 / 3f64.sqrt(), 1e-9));
        assert!(close(w.degrees_of_freedom, 2.0, 1e-12));
        assert!(close(w.high, 3.0 + 4.302_653 / 3f64.sqrt(), 1e-5));
    }

    #[test]
    fn welch_with_no_spread_falls_back_to_pooled_degrees_of_freedom() {
        let w = Welch::two_sample(1.0, &[2.0, 2.0], &[1.0, 1.0, 1.0]).unwrap();
        assert_eq!((w.standard_error, w.degrees_of_freedom), (0.0, 3.0));
        assert_eq!((w.low, w.high), (1.0, 1.0));
        assert_eq!(Welch::two_sample(1.0, &[2.0], &[1.0, 1.0]), None);
        assert_eq!(Welch::one_sample(1.0, &[2.0]), None);
    }

    /// Whether the 95% interval of one simulated pilot covers its built-in effect of 1.5:
    /// 6 pilot and 6 comparison units, each with its own level and noise of sd 1 on each of
    /// 4 observations per window.
    fn covers_the_true_effect(seed: u64) -> bool {
        use rand::SeedableRng;
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let units: Vec<UnitData> = (0..12)
            .map(|i| {
                let arm = if i < 6 { Arm::Pilot } else { Arm::Comparison };
                let level = 50.0 + 10.0 * standard_normal(&mut rng);
                let lift = if arm == Arm::Pilot { 1.5 } else { 0.0 };
                let mut u = UnitData {
                    unit: format!("u{i}"),
                    arm,
                    pre: Moments::default(),
                    post: Moments::default(),
                };
                for day in 0..4 {
                    u.pre.add(f64::from(day), level + standard_normal(&mut rng));
                    u.post.add(
                        f64::from(100 + day),
                        level + lift + standard_normal(&mut rng),
                    );
                }
                u
            })
            .collect();
        let w = estimate(&units, true).unwrap().welch.unwrap();
        w.low <= 1.5 && 1.5 <= w.high
    }

    #[test]
    fn the_welch_interval_covers_a_known_effect_about_95_times_in_100() {
        let first_20 = (0..20).filter(|s| covers_the_true_effect(*s)).count();
        assert!(first_20 >= 18, "covered in {first_20} of 20");
        // 200 seeds tell a right interval (about 190) from one 40% too narrow (about 150)
        // or far too wide (200).
        let covered = (0..200).filter(|s| covers_the_true_effect(*s)).count();
        assert!(
            (180..=198).contains(&covered),
            "covered in {covered} of 200"
        );
    }

    #[test]
    fn many_units_are_estimated_in_one_pass() {
        // 200,000 units would take minutes with a quadratic scan.
        let units: Vec<UnitData> = (0..200_000)
            .map(|i| {
                let arm = if i % 2 == 0 {
                    Arm::Pilot
                } else {
                    Arm::Comparison
                };
                let lift = if arm == Arm::Pilot { 3.0 } else { 1.0 };
                unit(
                    &format!("u{i}"),
                    arm,
                    f64::from(i % 7),
                    f64::from(i % 7) + lift,
                )
            })
            .collect();
        let started = std::time::Instant::now();
        let e = estimate(&units, true).unwrap();
        assert!(close(e.effect, 2.0, 1e-9));
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
