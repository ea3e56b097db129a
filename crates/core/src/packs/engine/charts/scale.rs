//! Mapping values to positions, and the ticks a reader can count on: steps of 1, 2 or 5 times
//! a power of ten, and month starts on a date axis.

use chrono::{Datelike, Duration, NaiveDate};

/// A linear map from a value domain onto a range of positions.
#[derive(Debug, Clone, Copy)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f32, f32),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f32, f32)) -> Linear {
        Linear { domain, range }
    }

    pub fn at(&self, value: f64) -> f32 {
        let (d0, d1) = self.domain;
        let span = d1 - d0;
        let t = if span.abs() < f64::EPSILON {
            0.5
        } else {
            (value - d0) / span
        };
        self.range.0 + (self.range.1 - self.range.0) * t as f32
    }
}

/// Tick values that cover a nice domain, and how many decimals their labels need.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    pub values: Vec<f64>,
    pub step: f64,
    pub decimals: usize,
}

impl Ticks {
    /// The domain the ticks span, from the first tick to the last.
    pub fn domain(&self) -> (f64, f64) {
        match (self.values.first(), self.values.last()) {
            (Some(first), Some(last)) => (*first, *last),
            _ => (0.0, 1.0),
        }
    }

    pub fn labels(&self) -> Vec<String> {
        self.values
            .iter()
            .map(|v| format_number(*v, self.decimals))
            .collect()
    }
}

/// The smallest and largest finite values, widened so that an empty or flat set still has a
/// span to draw.
pub fn extent(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if lo > hi {
        return (0.0, 1.0);
    }
    if hi - lo <= hi.abs().max(lo.abs()) * 1e-9 {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        return (lo - pad, hi + pad);
    }
    (lo, hi)
}

/// A step of 1, 2 or 5 times a power of ten near `span / count`.
pub fn nice_step(span: f64, count: usize) -> f64 {
    let raw = (span / count.max(1) as f64).abs();
    if !raw.is_finite() || raw == 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let normalised = raw / magnitude;
    let factor = if normalised < 1.5 {
        1.0
    } else if normalised < 3.0 {
        2.0
    } else if normalised < 7.0 {
        5.0
    } else {
        10.0
    };
    factor * magnitude
}

/// About `count` ticks over `extent`, at a 1-2-5 step, starting and ending on a tick at or
/// beyond the data so no value falls outside the axis.
pub fn nice_ticks(extent: (f64, f64), count: usize) -> Ticks {
    let (lo, hi) = (extent.0.min(extent.1), extent.0.max(extent.1));
    let step = nice_step(hi - lo, count);
    // Whole multiples of the step, so 0.1 + 0.2 never prints as 0.30000000000000004.
    // A bound a hair past a tick (from rounding) belongs to that tick.
    let first = (lo / step + 1e-9).floor() as i64;
    let last = (hi / step - 1e-9).ceil() as i64;
    let values = (first..=last.max(first + 1))
        .map(|i| {
            let v = i as f64 * step;
            if v == 0.0 {
                0.0
            } else {
                v
            }
        })
        .collect();
    Ticks {
        values,
        step,
        decimals: decimals_for(step),
    }
}

/// Decimals that tell ticks `step` apart: 0.005 needs three, 20 needs none.
pub fn decimals_for(step: f64) -> usize {
    if step <= 0.0 || !step.is_finite() {
        return 0;
    }
    let digits = -(step.log10() + 1e-9).floor();
    digits.clamp(0.0, 10.0) as usize
}

/// A number with thousands separators and a true minus sign: "12,500", "−0.025".
pub fn format_number(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let is_zero = grouped.chars().all(|c| c == '0' || c == ',')
        && fraction
            .as_deref()
            .is_none_or(|f| f.chars().all(|c| c == '0'));
    let sign = if value < 0.0 && !is_zero { "−" } else { "" };
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Days since the common era, so dates map onto a linear scale.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// Ticks on a date axis and their labels.
#[derive(Debug, Clone, PartialEq)]
pub struct DateTicks {
    pub dates: Vec<NaiveDate>,
    pub labels: Vec<String>,
}

/// Month starts labelled "Jan 2027", every 1, 2, 3, 6 or 12 months, whichever is the first
/// whose labels keep `min_gap` points apart over `width`; weeks ("11 Jan") on a span too short
/// to hold two month starts.
pub fn date_ticks(
    start: NaiveDate,
    end: NaiveDate,
    width: f32,
    label_width: impl Fn(&str) -> f32,
    min_gap: f32,
) -> DateTicks {
    let days = (end - start).num_days().max(1) as f32;
    let month_starts = month_starts(start, end);
    let fits = |dates: &[NaiveDate], labels: &[String]| {
        dates.windows(2).zip(labels.windows(2)).all(|(d, l)| {
            let apart = width * (d[1] - d[0]).num_days() as f32 / days;
            apart >= (label_width(&l[0]) + label_width(&l[1])) / 2.0 + min_gap
        })
    };
    if month_starts.len() >= 2 {
        for step in [1u32, 2, 3, 6, 12] {
            let dates: Vec<NaiveDate> = month_starts
                .iter()
                .copied()
                .filter(|d| d.month0() % step == 0)
                .collect();
            let labels: Vec<String> = dates
                .iter()
                .map(|d| d.format("%b %Y").to_string())
                .collect();
            if fits(&dates, &labels) && (dates.len() >= 2 || step == 12) {
                return DateTicks { dates, labels };
            }
        }
        let dates: Vec<NaiveDate> = month_starts
            .iter()
            .copied()
            .filter(|d| d.month0() == 0)
            .collect();
        let labels = dates.iter().map(|d| d.format("%Y").to_string()).collect();
        return DateTicks { dates, labels };
    }
    let first_monday =
        start + Duration::days(i64::from((7 - start.weekday().num_days_from_monday()) % 7));
    for weeks in [1i64, 2, 4] {
        let dates: Vec<NaiveDate> = (0..)
            .map(|i| first_monday + Duration::days(i * 7 * weeks))
            .take_while(|d| *d <= end)
            .collect();
        let labels: Vec<String> = dates
            .iter()
            .map(|d| crate::packs::dates::short_date(*d))
            .collect();
        if fits(&dates, &labels) {
            return DateTicks { dates, labels };
        }
    }
    DateTicks {
        dates: vec![start, end],
        labels: vec![
            crate::packs::dates::long_date(start),
            crate::packs::dates::long_date(end),
        ],
    }
}

fn month_starts(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1);
    while let Some(date) = month {
        if date > end {
            break;
        }
        if date >= start {
            out.push(date);
        }
        month = date.checked_add_months(chrono::Months::new(1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(7.0, 5), 1.0);
        assert_eq!(nice_step(0.03, 5), 0.005);
        assert_eq!(nice_step(18_000.0, 5), 5_000.0);
        assert_eq!(nice_step(0.0, 5), 1.0);
    }

    #[test]
    fn ticks_cover_the_data_at_whole_steps() {
        let ticks = nice_ticks((0.13, 0.87), 4);
        assert_eq!(
            ticks.values,
            vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
        );
        assert_eq!(
            ticks.labels(),
            vec!["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]
        );
        assert_eq!(ticks.domain(), (0.0, 1.0));

        let ticks = nice_ticks((-3.2, 7.9), 5);
        assert_eq!(ticks.domain(), (-4.0, 8.0));
        assert_eq!(ticks.labels().first().map(String::as_str), Some("−4"));
        assert!(ticks.values.contains(&0.0));
    }

    #[test]
    fn small_rates_keep_the_precision_their_scale_needs() {
        let ticks = nice_ticks((0.0, 0.0225), 5);
        assert_eq!(ticks.step, 0.005);
        assert_eq!(ticks.decimals, 3);
        assert!(ticks.labels().contains(&"0.020".to_string()));
        assert!(!ticks.labels().iter().any(|l| l == "0.0"));
    }

    #[test]
    fn ticks_start_at_zero_when_the_data_do() {
        let ticks = nice_ticks((0.0, 2.2), 5);
        assert_eq!(ticks.domain(), (0.0, 2.5));
        assert_eq!(ticks.decimals, 1);
        let ticks = nice_ticks((0.0, 8.0), 8);
        assert_eq!(ticks.domain(), (0.0, 8.0));
        assert_eq!(ticks.labels().last().map(String::as_str), Some("8"));
        assert_eq!(decimals_for(1.0), 0);
        assert_eq!(decimals_for(0.1), 1);
        assert_eq!(decimals_for(50.0), 0);
    }

    #[test]
    fn a_flat_or_empty_extent_still_has_a_span() {
        assert_eq!(extent([5.0, 5.0]), (4.5, 5.5));
        assert_eq!(extent([0.0]), (-1.0, 1.0));
        assert_eq!(extent([f64::NAN]), (0.0, 1.0));
        assert_eq!(extent(Vec::<f64>::new()), (0.0, 1.0));
        assert_eq!(extent([2.0, f64::INFINITY, -1.0]), (-1.0, 2.0));
    }

    #[test]
    fn numbers_print_with_separators_and_a_minus_sign() {
        assert_eq!(format_number(18_000.0, 0), "18,000");
        assert_eq!(format_number(-1_234_567.25, 2), "−1,234,567.25");
        assert_eq!(format_number(-0.0001, 2), "0.00");
        assert_eq!(format_number(0.0225, 4), "0.0225");
        assert_eq!(format_number(999.0, 0), "999");
    }

    #[test]
    fn a_linear_scale_maps_the_domain_onto_the_range() {
        let scale = Linear::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(scale.at(0.0), 100.0);
        assert_eq!(scale.at(10.0), 0.0);
        assert_eq!(scale.at(2.5), 75.0);
        assert_eq!(Linear::new((3.0, 3.0), (0.0, 10.0)).at(3.0), 5.0);
    }

    #[test]
    fn date_ticks_are_month_starts_thinned_to_fit() {
        let width_of = |text: &str| text.len() as f32 * 4.0;
        let wide = date_ticks(date("2026-10-15"), date("2027-04-20"), 480.0, width_of, 8.0);
        assert_eq!(
            wide.labels,
            vec!["Nov 2026", "Dec 2026", "Jan 2027", "Feb 2027", "Mar 2027", "Apr 2027"]
        );

        let narrow = date_ticks(date("2026-01-01"), date("2027-12-31"), 300.0, width_of, 8.0);
        assert!(narrow.dates.len() < 24, "{:?}", narrow.labels);
        assert!(narrow.dates.len() >= 2);
        assert!(narrow.dates.iter().all(|d| d.day() == 1));
        let months: Vec<u32> = narrow.dates.iter().map(|d| d.month0()).collect();
        let step = months[1] as i64 - months[0] as i64;
        assert!([2, 3, 6, -6, -9, -10].contains(&step), "{months:?}");

        let short = date_ticks(date("2027-01-04"), date("2027-01-31"), 400.0, width_of, 8.0);
        assert_eq!(short.labels, vec!["4 Jan", "11 Jan", "18 Jan", "25 Jan"]);
    }
}
