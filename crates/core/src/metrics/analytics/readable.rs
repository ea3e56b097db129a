//! Numbers as a person reads them in a formula or a table cell: the digits their scale needs
//! (a rate of 0.0225 never prints as "0.0"), with thousands grouped.

const SIGNIFICANT_DIGITS: i32 = 3;

/// Three significant digits but never fewer than the whole part, trailing zeros dropped:
/// "6.2", "0.0225", "40", "12,346".
pub(crate) fn number(value: f64) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    if value == 0.0 {
        return "0".into();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (SIGNIFICANT_DIGITS - 1 - magnitude).clamp(0, 12) as usize;
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text.as_str()
    };
    group_thousands(text)
}

/// A share from 0 to 1 as a percentage with the digits its size needs: "80%", "3.5%", "0.25%".
pub(crate) fn percent(share: f64) -> String {
    format!("{}%", number(share * 100.0))
}

fn group_thousands(text: &str) -> String {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{number, percent};

    #[test]
    fn keeps_the_digits_the_scale_needs() {
        assert_eq!(number(0.0225), "0.0225");
        assert_eq!(number(6.2), "6.2");
        assert_eq!(number(6.237), "6.24");
        assert_eq!(number(40.0), "40");
        assert_eq!(number(-2.5), "-2.5");
        assert_eq!(number(12_345.6), "12,346");
        assert_eq!(number(-1_234_567.0), "-1,234,567");
        assert_eq!(number(0.0), "0");
    }

    #[test]
    fn percentages_keep_small_shares_visible() {
        assert_eq!(percent(0.8), "80%");
        assert_eq!(percent(0.035), "3.5%");
        assert_eq!(percent(0.0025), "0.25%");
    }
}
