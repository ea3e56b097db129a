use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An amount in minor units (cents) of the workspace currency. Integers, so totals and
/// ledgers never drift by a rounding error. Serialises as the bare number.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize, TS,
)]
pub struct Money(pub i64);

impl Money {
    pub fn cents(self) -> i64 {
        self.0
    }

    /// Parses what a person types: "25000", "25,000", "25 000.50", "$25,000".
    /// Returns a sentence fit for a field error when it cannot.
    pub fn parse(text: &str) -> Result<Money, String> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '_' | '\u{a0}' | '$' | '€' | '£'))
            .collect();
        if cleaned.is_empty() {
            return Err("enter an amount, e.g. 25000".into());
        }
        if cleaned.starts_with('-') {
            return Err("the amount cannot be negative".into());
        }
        let (whole, fraction) = match cleaned.split_once('.') {
            Some((w, f)) => (w, f),
            None => (cleaned.as_str(), ""),
        };
        let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !digits_only(whole) || !digits_only(fraction) {
            return Err(format!(
                "\"{}\" is not an amount; use digits, e.g. 25000",
                text.trim()
            ));
        }
        if fraction.len() > 2 {
            return Err("use at most two decimal places".into());
        }
        let whole: i64 = whole
            .parse()
            .ok()
            .filter(|w| *w <= 1_000_000_000_000)
            .ok_or_else(|| "the amount is too large".to_string())?;
        let fraction_cents: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().unwrap_or(0) * 10,
            _ => fraction.parse::<i64>().unwrap_or(0),
        };
        Ok(Money(whole * 100 + fraction_cents))
    }

    /// "12,500" or "12,500.50" with thousands separators, no currency sign.
    pub fn format_plain(self) -> String {
        let negative = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let whole = abs / 100;
        let cents = abs % 100;
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (index, ch) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let sign = if negative { "-" } else { "" };
        if cents == 0 {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}.{cents:02}")
        }
    }

    /// Rounded to whole units, for prose and headline figures: "USD 28,283".
    pub fn format_whole_with(self, currency: &str) -> String {
        let rounded = (self.0 as f64 / 100.0).round() as i64 * 100;
        Money(rounded).format_with(currency)
    }

    /// "USD 12,500": the currency code first, unambiguous on paper.
    pub fn format_with(self, currency: &str) -> String {
        format!("{currency} {}", self.format_plain())
    }
}

#[cfg(test)]
mod tests {
    use super::Money;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Money::parse("25000"), Ok(Money(2_500_000)));
        assert_eq!(Money::parse(" 25,000.5 "), Ok(Money(2_500_050)));
        assert_eq!(Money::parse("$1 200.75"), Ok(Money(120_075)));
        assert_eq!(Money::parse("0"), Ok(Money(0)));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert!(Money::parse("").is_err());
        assert!(Money::parse("-5").unwrap_err().contains("negative"));
        assert!(Money::parse("12k").unwrap_err().contains("not an amount"));
        assert!(Money::parse("1.234").unwrap_err().contains("two decimal"));
        assert!(Money::parse("99999999999999999").is_err());
    }

    #[test]
    fn formats_with_thousands_separators() {
        assert_eq!(Money(2_500_000).format_plain(), "25,000");
        assert_eq!(Money(123_456_789).format_plain(), "1,234,567.89");
        assert_eq!(Money(50).format_with("EUR"), "EUR 0.50");
        assert_eq!(Money(-100_000).format_plain(), "-1,000");
        assert_eq!(Money(2_828_250).format_whole_with("USD"), "USD 28,283");
    }
}
