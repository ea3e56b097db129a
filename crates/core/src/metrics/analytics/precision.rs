//! Figures printed with the digits their scale needs: a rate of 0.0225 is never "0.0", and
//! a figure's decimals follow its uncertainty rather than a fixed format.

const MAX_SCALE_DECIMALS: usize = 6;
/// Below this, `figure` switches to scientific notation rather than print a dozen zeros.
const SMALLEST_PLAIN: f64 = 1e-9;

/// The power of ten of the leading digit of `value` once rounded to `digits` significant
/// digits (so 0.0996 to two digits, "0.10", counts as -1, not -2).
fn leading_exponent(value: f64, digits: i32) -> i32 {
    let exponent = value.abs().log10().floor() as i32;
    let decimals = digits - 1 - exponent;
    let rounded = (value.abs() * 10f64.powi(decimals)).round() / 10f64.powi(decimals);
    if rounded >= 10f64.powi(exponent + 1) {
        exponent + 1
    } else {
        exponent
    }
}

/// Decimals an estimate needs given its uncertainty (a standard error or spread): two significant digits of the scale.
/// SE 0.0038 -> 4, 1.2 -> 1, 0.25 -> 2, 15 -> 0; clamped to 0..=6. A scale of zero or one
/// that is not a number says nothing about precision: 2 decimals.
pub fn decimals_for_scale(scale: f64) -> usize {
    if !scale.is_finite() || scale == 0.0 {
        return 2;
    }
    let decimals = 1 - leading_exponent(scale, 2);
    decimals.clamp(0, MAX_SCALE_DECIMALS as i32) as usize
}

/// Three significant digits, thousands separators, never "0.0" for a non-zero value, "-0" never printed.
/// 0.0225 -> "0.0225", 10.73 -> "10.7", 1234.5 -> "1,235" (whole numbers keep every digit),
/// 0 -> "0"; below 1e-9 in scientific notation; "—" for a value that is not a number.
pub fn figure(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    if value.abs() < SMALLEST_PLAIN {
        return format!("{value:.2e}");
    }
    let decimals = (2 - leading_exponent(value, 3)).max(0) as usize;
    fixed(value, decimals)
}

/// More decimals than an f64 holds would only print noise.
const MAX_FIXED_DECIMALS: usize = 17;

/// Three significant digits like [`figure`], trailing zeros dropped, for a figure inside a
/// sentence or a formula: "6.2", "40", "0.0225", "12,346".
pub fn compact(value: f64) -> String {
    let text = figure(value);
    if text.contains('.') && !text.contains('e') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A share from 0 to 1 as a percentage with the digits its size needs: "80%", "3.5%",
/// "0.25%".
pub fn percent(share: f64) -> String {
    format!("{}%", compact(share * 100.0))
}

/// With thousands separators; "-0.00" becomes "0.00". Halves round away from zero.
/// At most 17 decimals; "—" for a value that is not a number.
/// A change in a KPI with its unit: "6.2 days", "3.1 percentage points" (a change in a
/// KPI measured in % is in points, not percent).
pub fn with_change_unit(value: &str, unit: &str) -> String {
    match unit.trim() {
        "" => value.to_string(),
        "%" => format!("{value} percentage points"),
        unit => format!("{value} {unit}"),
    }
}

pub fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let decimals = decimals.min(MAX_FIXED_DECIMALS);
    let scaled = (value.abs() * 10f64.powi(decimals as i32)).round();
    if !scaled.is_finite() {
        // Too large to carry that many decimals: its whole digits say everything.
        return fixed(value, 0);
    }
    // Every digit of the rounded magnitude, then the decimal point put back in.
    let digits = format!("{scaled:.0}");
    let digits = format!("{digits:0>width$}", width = decimals + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals);
    let mut text = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    if value < 0.0 && scaled != 0.0 {
        text.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            text.push(',');
        }
        text.push(digit);
    }
    if decimals > 0 {
        text.push('.');
        text.push_str(fraction);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_figures_drop_trailing_zeros_but_keep_the_scale() {
        assert_eq!(compact(0.0225), "0.0225");
        assert_eq!(compact(6.2), "6.2");
        assert_eq!(compact(6.237), "6.24");
        assert_eq!(compact(40.0), "40");
        assert_eq!(compact(-2.5), "-2.5");
        assert_eq!(compact(12_345.6), "12,346");
        assert_eq!(compact(-1_234_567.0), "-1,234,567");
        assert_eq!(compact(0.0), "0");
    }

    #[test]
    fn percentages_keep_small_shares_visible() {
        assert_eq!(percent(0.8), "80%");
        assert_eq!(percent(0.035), "3.5%");
        assert_eq!(percent(0.0025), "0.25%");
    }

    #[test]
    fn decimals_follow_two_significant_digits_of_the_scale() {
        assert_eq!(decimals_for_scale(0.0038), 4);
        assert_eq!(decimals_for_scale(1.2), 1);
        assert_eq!(decimals_for_scale(0.25), 2);
        assert_eq!(decimals_for_scale(15.0), 0);
        assert_eq!(decimals_for_scale(1_500.0), 0, "never negative");
        assert_eq!(decimals_for_scale(0.000_000_12), 6, "clamped at 6");
        assert_eq!(decimals_for_scale(-0.25), 2, "the sign does not matter");
        // 0.0996 is "0.10" to two significant digits: 2 decimals, not 3.
        assert_eq!(decimals_for_scale(0.0996), 2);
        assert_eq!(decimals_for_scale(0.0), 2);
        assert_eq!(decimals_for_scale(f64::NAN), 2);
    }

    #[test]
    fn figures_keep_three_significant_digits() {
        assert_eq!(figure(0.0225), "0.0225");
        assert_eq!(figure(-0.022_458_974), "-0.0225");
        assert_eq!(figure(10.73), "10.7");
        assert_eq!(figure(1_234.5), "1,235");
        assert_eq!(figure(-1_234_567.8), "-1,234,568");
        assert_eq!(figure(0.0), "0");
        assert_eq!(figure(-0.0), "0");
        assert_eq!(figure(0.000_123_4), "0.000123");
        assert_eq!(
            figure(9.996),
            "10.0",
            "rounding up to the next power of ten"
        );
        assert_eq!(figure(999.6), "1,000");
        assert_eq!(figure(100.0), "100");
        assert_eq!(figure(2.5e-12), "2.50e-12");
        assert_eq!(figure(f64::NAN), "—");
    }

    #[test]
    fn fixed_decimals_with_separators_and_no_negative_zero() {
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(fixed(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(fixed(-12_345.5, 0), "-12,346");
        assert_eq!(fixed(0.5, 0), "1", "halves round away from zero");
        assert_eq!(fixed(0.0225, 4), "0.0225");
        assert_eq!(fixed(0.0225, 1), "0.0");
        assert_eq!(fixed(999.0, 0), "999");
        assert_eq!(fixed(1_000.0, 0), "1,000");
        assert_eq!(fixed(0.07, 3), "0.070");
        assert_eq!(fixed(f64::INFINITY, 2), "—");
        assert_eq!(fixed(1.5, 400), format!("1.5{}", "0".repeat(16)));
        // 1e305 times a million overflows: the whole digits alone, grouped in threes.
        let huge = fixed(1e305, 6);
        let groups: Vec<&str> = huge.split(',').collect();
        assert!(
            groups.len() > 100 && groups[1..].iter().all(|g| g.len() == 3),
            "{huge}"
        );
        assert!(!huge.contains('.'));
    }
}
