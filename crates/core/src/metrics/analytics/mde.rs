//! The minimum detectable effect at design time: the smallest true effect the pilot would
//! find with 80% power in a two-sided test at the 5% level, from the noise in the baseline.

use super::moments::Moments;
use super::stats::{sample_variance, t_quantile};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mde {
    /// In the KPI's unit.
    pub effect: f64,
    /// The spread (sample standard deviation) of a change with no coaching in it.
    pub sd_change: f64,
    pub pilot_units: u32,
    /// 0 = no comparison group.
    pub comparison_units: u32,
    pub degrees_of_freedom: f64,
}

/// `placebo_changes`: per unit, the mean of the second half of its baseline window minus the first half
/// (a change with no coaching in it: the noise a pilot's change must beat). comparison_units 0 = no comparison group.
///
/// MDE = (t(0.975, df) + t(0.80, df)) × sd × sqrt(1/n_p + 1/n_c), or sqrt(1/n_p) without a
/// comparison group. The degrees of freedom are the pooled two-sample test's, n_p + n_c − 2
/// (n_p − 1 without a comparison), at least 1: at design time both groups are drawn from the
/// same baseline spread, so there is no second variance for a Welch correction to weigh.
/// t quantiles rather than normal ones because pilots have few units: with 2 + 2 teams the
/// normal values (1.96 + 0.84) would promise an effect about half the size the pilot can
/// really see. None without at least two placebo changes or without pilot units.
pub fn minimum_detectable_effect(
    placebo_changes: &[f64],
    pilot_units: u32,
    comparison_units: u32,
) -> Option<Mde> {
    if pilot_units == 0 || placebo_changes.iter().any(|c| !c.is_finite()) {
        return None;
    }
    let sd_change = sample_variance(placebo_changes)?.sqrt();
    let n_p = f64::from(pilot_units);
    let (spread, degrees_of_freedom) = if comparison_units == 0 {
        ((1.0 / n_p).sqrt(), (n_p - 1.0).max(1.0))
    } else {
        let n_c = f64::from(comparison_units);
        ((1.0 / n_p + 1.0 / n_c).sqrt(), (n_p + n_c - 2.0).max(1.0))
    };
    let multiplier = t_quantile(0.975, degrees_of_freedom) + t_quantile(0.80, degrees_of_freedom);
    Some(Mde {
        effect: multiplier * sd_change * spread,
        sd_change,
        pilot_units,
        comparison_units,
        degrees_of_freedom,
    })
}

/// The second half's mean minus the first half's; none when a half has no observations.
pub fn split_half_change(first: &Moments, second: &Moments) -> Option<f64> {
    Some(second.mean()? - first.mean()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn the_mde_by_hand_with_a_comparison_group() {
        // Placebo changes -2, 0, 2, 4: mean 1, squares 9 + 1 + 1 + 9 = 20, variance 20/3.
        // 10 + 10 units: df 18, t(0.975, 18) = 2.100922, t(0.80, 18) = 0.862049 (scipy);
        // MDE = 2.962971 × 2.581989 × sqrt(0.2) = 3.421344.
        let m = minimum_detectable_effect(&[-2.0, 0.0, 2.0, 4.0], 10, 10).unwrap();
        assert!(close(m.sd_change, (20.0f64 / 3.0).sqrt(), 1e-12));
        assert_eq!(m.degrees_of_freedom, 18.0);
        assert!(close(m.effect, 3.421_344, 1e-5), "{}", m.effect);
        assert_eq!((m.pilot_units, m.comparison_units), (10, 10));
    }

    #[test]
    fn the_mde_by_hand_without_a_comparison_group_and_with_tiny_groups() {
        // 4 pilot units alone: df 3, t(0.975, 3) = 3.182446, t(0.80, 3) = 0.978472;
        // MDE = 4.160919 × 2.581989 × sqrt(1/4) = 5.371723.
        let m = minimum_detectable_effect(&[-2.0, 0.0, 2.0, 4.0], 4, 0).unwrap();
        assert_eq!(m.degrees_of_freedom, 3.0);
        assert!(close(m.effect, 5.371_723, 1e-5), "{}", m.effect);
        // One pilot unit alone still has at least one degree of freedom.
        let one = minimum_detectable_effect(&[1.0, 3.0], 1, 0).unwrap();
        assert_eq!(one.degrees_of_freedom, 1.0);
        // 1 + 1 units: df would be 0, so 1; fewer units always mean a larger MDE.
        let pair = minimum_detectable_effect(&[1.0, 3.0], 1, 1).unwrap();
        assert_eq!(pair.degrees_of_freedom, 1.0);
        let more = minimum_detectable_effect(&[1.0, 3.0], 20, 20).unwrap();
        assert!(pair.effect > 10.0 * more.effect);
    }

    #[test]
    fn no_mde_without_noise_to_measure_or_pilot_units() {
        assert_eq!(minimum_detectable_effect(&[1.0], 5, 5), None);
        assert_eq!(minimum_detectable_effect(&[1.0, 2.0], 0, 5), None);
        assert_eq!(minimum_detectable_effect(&[1.0, f64::NAN], 5, 5), None);
    }

    #[test]
    fn a_split_half_change_is_the_second_mean_minus_the_first() {
        let mut first = Moments::default();
        first.add(0.0, 10.0);
        first.add(5.0, 12.0);
        let mut second = Moments::default();
        second.add(60.0, 15.0);
        assert_eq!(split_half_change(&first, &second), Some(4.0));
        assert_eq!(split_half_change(&first, &Moments::default()), None);
    }
}
