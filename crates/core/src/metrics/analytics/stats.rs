//! Student's t distribution and small sample summaries, without a statistics crate.

/// ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9): about 15 significant digits.
pub fn ln_gamma(x: f64) -> f64 {
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection keeps the series in its accurate range.
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = COEFFICIENTS[0];
    for (i, c) in COEFFICIENTS.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + 7.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// The continued fraction of the incomplete beta function (modified Lentz).
fn beta_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut c = 1.0;
    let mut d = 1.0 - (a + b) * x / (a + 1.0);
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..=300 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let even = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        d = 1.0 + even * d;
        d = if d.abs() < TINY { 1.0 / TINY } else { 1.0 / d };
        c = 1.0 + even / c;
        if c.abs() < TINY {
            c = TINY;
        }
        h *= d * c;
        let odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
        d = 1.0 + odd * d;
        d = if d.abs() < TINY { 1.0 / TINY } else { 1.0 / d };
        c = 1.0 + odd / c;
        if c.abs() < TINY {
            c = TINY;
        }
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// The regularised incomplete beta function I_x(a, b).
pub fn incomplete_beta(x: f64, a: f64, b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_fraction(x, a, b) / a
    } else {
        1.0 - front * beta_fraction(1.0 - x, b, a) / b
    }
}

/// P(T <= t) for Student's t with `df` degrees of freedom (any positive real).
pub fn t_cdf(t: f64, df: f64) -> f64 {
    let tail = 0.5 * incomplete_beta(df / (df + t * t), df / 2.0, 0.5);
    if t >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

/// The t value below which a share `p` of the distribution lies, by bisection on the CDF.
/// NaN for p outside (0, 1) or df not positive.
pub fn t_quantile(p: f64, df: f64) -> f64 {
    if !(0.0..1.0).contains(&p) || p == 0.0 || df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    if p < 0.5 {
        return -t_quantile(1.0 - p, df);
    }
    let mut high = 1.0;
    while t_cdf(high, df) < p {
        high *= 2.0;
        if high > 1e12 {
            return f64::INFINITY;
        }
    }
    let mut low = 0.0;
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if t_cdf(middle, df) < p {
            low = middle;
        } else {
            high = middle;
        }
        if high - low < 1e-12 {
            break;
        }
    }
    0.5 * (low + high)
}

/// The arithmetic mean; none for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The sample variance (n - 1 in the denominator); none for fewer than two values.
pub fn sample_variance(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values)?;
    let squares: f64 = values.iter().map(|v| (v - m).powi(2)).sum();
    Some(squares / (values.len() as f64 - 1.0))
}

/// Standard normal noise from a seeded generator (Box–Muller), for simulations in tests.
#[cfg(test)]
pub(crate) fn standard_normal(rng: &mut impl rand::Rng) -> f64 {
    let u: f64 = rng.gen_range(f64::EPSILON..1.0);
    let v: f64 = rng.gen();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn t_quantiles_match_the_published_tables() {
        for (df, expected) in [
            (1.0, 12.7062),
            (2.0, 4.3027),
            (3.0, 3.1824),
            (5.0, 2.5706),
            (10.0, 2.2281),
            (30.0, 2.0423),
            (120.0, 1.9799),
            (1e7, 1.9600),
        ] {
            let t = t_quantile(0.975, df);
            assert!(close(t, expected, 5e-4), "df {df}: {t} vs {expected}");
        }
        assert!(close(t_quantile(0.95, 4.0), 2.1318, 5e-4));
        assert!(close(t_quantile(0.025, 10.0), -2.2281, 5e-4));
        assert!(close(t_quantile(0.5, 7.0), 0.0, 1e-9));
        // The 80% point, used for power: 1.0607 at 2 df, 0.8416 for the normal.
        assert!(close(t_quantile(0.80, 2.0), 1.0607, 5e-4));
        assert!(close(t_quantile(0.80, 1e7), 0.8416, 5e-4));
        // Welch gives fractional degrees of freedom; the quantile falls between neighbours.
        let fractional = t_quantile(0.975, 2.5);
        assert!(fractional < 4.3027 && fractional > 3.1824, "{fractional}");
    }

    #[test]
    fn quantiles_outside_the_open_unit_interval_are_not_numbers() {
        assert!(t_quantile(0.0, 3.0).is_nan());
        assert!(t_quantile(1.0, 3.0).is_nan());
        assert!(t_quantile(0.9, 0.0).is_nan());
        assert!(t_quantile(0.9, f64::NAN).is_nan());
    }

    #[test]
    fn the_cdf_is_symmetric_and_matches_known_values() {
        assert!(close(t_cdf(0.0, 3.0), 0.5, 1e-12));
        assert!(
            close(t_cdf(1.0, 1.0), 0.75, 1e-10),
            "Cauchy: 1/2 + atan(1)/pi"
        );
        assert!(close(t_cdf(-2.0, 6.0) + t_cdf(2.0, 6.0), 1.0, 1e-12));
        assert!(close(ln_gamma(5.0), 24f64.ln(), 1e-12));
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-12
        ));
        // I_x(1, 1) is the uniform distribution function.
        assert!(close(incomplete_beta(0.3, 1.0, 1.0), 0.3, 1e-12));
    }

    #[test]
    fn mean_and_sample_variance_by_hand() {
        assert_eq!(mean(&[]), None);
        assert_eq!(mean(&[2.0, 4.0, 9.0]), Some(5.0));
        assert_eq!(sample_variance(&[3.0]), None);
        // Squares about 5: 9 + 1 + 16 = 26, over n - 1 = 2.
        assert_eq!(sample_variance(&[2.0, 4.0, 9.0]), Some(13.0));
    }
}
