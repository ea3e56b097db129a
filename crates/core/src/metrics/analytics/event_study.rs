//! The effect month by month relative to the baseline, so a reader can see whether the gap
//! opened when coaching started (and was flat before it).

use std::collections::BTreeMap;

use super::did::Welch;
use super::moments::Moments;
use super::stats::mean;
use crate::model::Arm;

/// Days in one period of the event study.
pub const PERIOD_DAYS: i64 = 30;

/// One unit's baseline mean and its sums per period.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitPeriods {
    pub unit: String,
    pub arm: Arm,
    pub baseline_mean: f64,
    /// Period k = floor((day - pilot_start) / 30): negative in the baseline, 0, 1, 2 in the
    /// pilot window.
    pub periods: BTreeMap<i32, Moments>,
}

/// The period of a day counted from the pilot's start (day 0 opens period 0).
pub fn period_of(days_since_start: i64) -> i32 {
    let period = days_since_start.div_euclid(PERIOD_DAYS);
    i32::try_from(period).unwrap_or(if period < 0 { i32::MIN } else { i32::MAX })
}

#[derive(Debug, Clone, PartialEq)]
pub struct PeriodEffect {
    pub period: i32,
    pub effect: f64,
    /// Only with at least two units in each group (two pilot units without a comparison).
    pub welch: Option<Welch>,
    pub pilot_units: u32,
    pub comparison_units: u32,
}

/// d_i(k) = mean_i(k) − baseline_mean_i; effect_k = mean over pilot units − mean over
/// comparison units, with a Welch interval when each group has two or more units.
/// Without any comparison unit in the data, effect_k is the pilot units' mean d (weaker
/// evidence, like pre/post). A period lacking one of the groups of a comparison design is
/// left out rather than shown as if it had a counterfactual.
pub fn event_study(units: &[UnitPeriods]) -> Vec<PeriodEffect> {
    let with_comparison = units.iter().any(|u| u.arm == Arm::Comparison);
    let mut by_period: BTreeMap<i32, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for unit in units {
        for (period, moments) in &unit.periods {
            let Some(mean) = moments.mean() else { continue };
            let d = mean - unit.baseline_mean;
            let groups = by_period.entry(*period).or_default();
            match unit.arm {
                Arm::Pilot => groups.0.push(d),
                Arm::Comparison => groups.1.push(d),
            }
        }
    }
    by_period
        .into_iter()
        .filter_map(|(period, (pilot, comparison))| {
            let pilot_mean = mean(&pilot)?;
            let (effect, welch) = if with_comparison {
                let effect = pilot_mean - mean(&comparison)?;
                (effect, Welch::two_sample(effect, &pilot, &comparison))
            } else {
                (pilot_mean, Welch::one_sample(pilot_mean, &pilot))
            };
            Some(PeriodEffect {
                period,
                effect,
                welch,
                pilot_units: pilot.len() as u32,
                comparison_units: comparison.len() as u32,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// A unit with one observation per period at the given values.
    fn unit(name: &str, arm: Arm, baseline_mean: f64, values: &[(i32, f64)]) -> UnitPeriods {
        let mut periods = BTreeMap::new();
        for (period, value) in values {
            let moments: &mut Moments = periods.entry(*period).or_default();
            moments.add(f64::from(*period) * 30.0, *value);
        }
        UnitPeriods {
            unit: name.into(),
            arm,
            baseline_mean,
            periods,
        }
    }

    #[test]
    fn periods_count_30_days_from_the_pilot_start() {
        assert_eq!(period_of(0), 0);
        assert_eq!(period_of(29), 0);
        assert_eq!(period_of(30), 1);
        assert_eq!(period_of(-1), -1);
        assert_eq!(period_of(-30), -1);
        assert_eq!(period_of(-31), -2);
    }

    #[test]
    fn the_gap_opens_when_coaching_starts_by_hand() {
        // Baselines 10, 20 (pilot) and 10, 30 (comparison). Before the start every unit
        // sits at its baseline give or take 1; from period 0 the pilot units gain 4 and 6
        // while the comparison units gain 1 and 1.
        let units = [
            unit("a", Arm::Pilot, 10.0, &[(-1, 11.0), (0, 14.0), (1, 15.0)]),
            unit("b", Arm::Pilot, 20.0, &[(-1, 19.0), (0, 26.0), (1, 27.0)]),
            unit(
                "x",
                Arm::Comparison,
                10.0,
                &[(-1, 10.0), (0, 11.0), (1, 12.0)],
            ),
            unit("y", Arm::Comparison, 30.0, &[(-1, 30.0), (0, 31.0)]),
        ];
        let effects = event_study(&units);
        let periods: Vec<i32> = effects.iter().map(|e| e.period).collect();
        assert_eq!(periods, [-1, 0, 1]);
        // Period -1: d = 1, -1 against 0, 0: effect 0.
        assert!(close(effects[0].effect, 0.0));
        // Period 0: d = 4, 6 against 1, 1: effect 5 - 1 = 4. Variances 2 and 0:
        // SE = sqrt(2/2 + 0) = 1 on (1)² / (1²/1) = 1 degree of freedom; t(0.975, 1) = 12.7062.
        let w = effects[1].welch.unwrap();
        assert!(close(effects[1].effect, 4.0));
        assert!(close(w.standard_error, 1.0));
        assert!(close(w.degrees_of_freedom, 1.0));
        assert!((w.high - (4.0 + 12.7062)).abs() < 1e-3, "{}", w.high);
        assert_eq!(
            (effects[1].pilot_units, effects[1].comparison_units),
            (2, 2)
        );
        // Period 1: y has no data; d = 5, 7 against 2: effect 4, no Welch with one unit.
        assert!(close(effects[2].effect, 4.0));
        assert_eq!(effects[2].welch, None);
        assert_eq!(
            (effects[2].pilot_units, effects[2].comparison_units),
            (2, 1)
        );
    }

    #[test]
    fn a_period_without_one_group_is_left_out_and_pilot_only_data_are_pre_post() {
        let units = [
            unit("a", Arm::Pilot, 10.0, &[(0, 12.0), (2, 13.0)]),
            unit("x", Arm::Comparison, 10.0, &[(0, 10.0)]),
        ];
        let effects = event_study(&units);
        assert_eq!(effects.len(), 1, "period 2 has no comparison unit");
        assert!(close(effects[0].effect, 2.0));

        let pilot_only = [
            unit("a", Arm::Pilot, 10.0, &[(0, 12.0)]),
            unit("b", Arm::Pilot, 20.0, &[(0, 24.0)]),
        ];
        let effects = event_study(&pilot_only);
        // d = 2, 4: mean 3, SE 1 on 1 degree of freedom.
        assert!(close(effects[0].effect, 3.0));
        assert!(close(effects[0].welch.unwrap().standard_error, 1.0));
        assert_eq!(effects[0].comparison_units, 0);
        assert!(event_study(&[]).is_empty());
    }
}
