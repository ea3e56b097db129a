//! Reading one value: dates, times, durations and numbers as spreadsheets write them, with
//! a message that says what is wrong in words when a value cannot be read.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

/// The longest coaching event accepted, in minutes: a working day.
pub const MINUTES_MAX: u32 = 480;

/// Excel's serial dates count days from 1899-12-30 (the 1900 leap-year bug included).
pub fn excel_serial(serial: f64) -> Option<NaiveDateTime> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    calamine::ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, false).as_datetime()
}

fn not_a_date(text: &str) -> String {
    let slashed: Vec<&str> = text.split(['/', '.']).collect();
    if slashed.len() == 3
        && slashed
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_digit()))
    {
        return format!(
            "\"{text}\" could be read day-first or month-first; write dates as YYYY-MM-DD, \
             e.g. 2026-03-04"
        );
    }
    format!("\"{text}\" is not a date; write dates as YYYY-MM-DD, e.g. 2026-03-04")
}

/// The years a date given to Pilotdesk may fall in. Pilots, coaching and KPIs live in
/// working lifetimes; the bounds keep date arithmetic (a pilot's end, a week's start) far
/// from the limits of the calendar type, where it would panic.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// Refuses a date outside `FIRST_YEAR..=LAST_YEAR`, naming it.
pub fn check_year(date: NaiveDate) -> Result<NaiveDate, String> {
    use chrono::Datelike;
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!(
            "{date} is outside the years Pilotdesk works with ({FIRST_YEAR} to {LAST_YEAR})"
        ))
    }
}

/// The largest magnitude a measured value may have: far beyond any KPI, and far enough
/// from f64's limits that sums and means over many values stay finite.
pub const NUMBER_MAX: f64 = 1e12;

/// What a KPI's unit allows: a percentage lies in 0..=100, and a count or a duration is
/// never negative. Other units (money, scores, ratios) keep the general bound only.
pub fn unit_range(unit: &str) -> Option<(f64, f64, &'static str)> {
    let unit = unit.trim().to_lowercase();
    let word = unit.trim_start_matches("number of ").trim();
    if word == "%" || word.starts_with("percent") || word == "pct" || word.ends_with(" %") {
        return Some((0.0, 100.0, "a percentage"));
    }
    const COUNTS: [&str; 14] = [
        "days", "day", "hours", "hour", "minutes", "minute", "weeks", "week", "count", "people",
        "calls", "deals", "tickets", "sessions",
    ];
    COUNTS
        .contains(&word)
        .then_some((0.0, NUMBER_MAX, "a count or a duration"))
}

/// Refuses a value its KPI's unit cannot take, saying what the unit allows.
pub fn within_unit(value: f64, unit: &str) -> Result<f64, String> {
    match unit_range(unit) {
        Some((low, high, what)) if value < low || value > high => Err(format!(
            "{value} is not possible in {}: {what} lies between {} and {}",
            unit.trim(),
            number_text(low),
            number_text(high)
        )),
        _ => Ok(value),
    }
}

fn number_text(value: f64) -> String {
    if value >= NUMBER_MAX {
        "1,000,000,000,000".into()
    } else {
        format!("{value}")
    }
}

/// A date, or a date and time, within `FIRST_YEAR..=LAST_YEAR`.
pub fn date_time(
    text: &str,
    numeric_dates: bool,
) -> Result<(NaiveDate, Option<NaiveTime>), String> {
    let (date, time) = date_time_any(text, numeric_dates)?;
    Ok((check_year(date)?, time))
}

/// A date, or a date and time. Times with a zone ("Z", "+02:00") are converted to UTC;
/// times without one are kept as the wall-clock time they state. In workbooks a bare
/// number is an Excel serial date.
fn date_time_any(
    text: &str,
    numeric_dates: bool,
) -> Result<(NaiveDate, Option<NaiveTime>), String> {
    let text = text.trim();
    if numeric_dates {
        if let Ok(serial) = text.parse::<f64>() {
            return excel_serial(serial)
                .map(|dt| {
                    let time = (dt.time() != NaiveTime::MIN).then(|| dt.time());
                    (dt.date(), time)
                })
                .ok_or_else(|| format!("{text} is not an Excel date serial"));
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok((date, None));
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y/%m/%d") {
        if text.split('/').next().is_some_and(|y| y.len() == 4) {
            return Ok((date, None));
        }
    }
    if let Ok(zoned) = DateTime::parse_from_rfc3339(text) {
        let utc = zoned.naive_utc();
        return Ok((utc.date(), Some(drop_fraction(utc.time()))));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(datetime) = NaiveDateTime::parse_from_str(text, format) {
            return Ok((datetime.date(), Some(drop_fraction(datetime.time()))));
        }
    }
    Err(not_a_date(text))
}

fn drop_fraction(time: NaiveTime) -> NaiveTime {
    time.with_nanosecond(0).unwrap_or(time)
}

use chrono::Timelike;

pub fn date(text: &str, numeric_dates: bool) -> Result<NaiveDate, String> {
    date_time(text, numeric_dates).map(|(date, _)| date)
}

/// A time of day: "09:30", "9:30:15", "14:05", or a fraction of a day in a workbook.
pub fn time(text: &str, numeric_dates: bool) -> Result<NaiveTime, String> {
    let text = text.trim();
    if numeric_dates {
        if let Ok(fraction) = text.parse::<f64>() {
            if (0.0..1.0).contains(&fraction) {
                let seconds = (fraction * 86_400.0).round() as u32;
                if let Some(time) = NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0) {
                    return Ok(time);
                }
            }
        }
    }
    for format in [
        "%H:%M:%S",
        "%H:%M",
        "%H:%M:%S%.f",
        "%I:%M %p",
        "%I:%M:%S %p",
    ] {
        if let Ok(time) = NaiveTime::parse_from_str(text, format) {
            return Ok(drop_fraction(time));
        }
    }
    Err(format!(
        "\"{text}\" is not a time of day; write it as HH:MM, e.g. 09:30 or 14:05"
    ))
}

/// An ISO 8601 duration ("PT10M", "PT1H5M", "PT90S", "P1DT2H", "PT0.5H") in seconds.
/// Negative durations ("-PT5M") are returned negative, for the caller to refuse in words.
pub fn iso_duration_seconds(text: &str) -> Result<f64, String> {
    let original = text.trim();
    let (sign, rest) = match original.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, original),
    };
    let invalid = || format!("\"{original}\" is not an ISO 8601 duration such as PT10M or PT1H30M");
    let rest = rest.strip_prefix('P').ok_or_else(invalid)?;
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut seconds = 0.0;
    let mut in_time = false;
    let mut number = String::new();
    let mut any = false;
    for c in rest.chars() {
        match c {
            'T' if !in_time && number.is_empty() => in_time = true,
            '0'..='9' | '.' | ',' => number.push(if c == ',' { '.' } else { c }),
            unit => {
                let value: f64 = number.parse().map_err(|_| invalid())?;
                number.clear();
                any = true;
                seconds += value
                    * match (unit, in_time) {
                        ('W', false) => 7.0 * 86_400.0,
                        ('D', false) => 86_400.0,
                        ('H', true) => 3600.0,
                        ('M', true) => 60.0,
                        ('S', true) => 1.0,
                        _ => return Err(invalid()),
                    };
            }
        }
    }
    if !number.is_empty() || !any {
        return Err(invalid());
    }
    Ok(sign * seconds)
}

/// Whole minutes from seconds, refusing what cannot be a coaching event.
pub fn minutes_from_seconds(seconds: f64, original: &str) -> Result<u32, String> {
    if seconds < 0.0 {
        return Err(format!(
            "the duration {original} is negative; a coaching event lasts at least one minute"
        ));
    }
    let minutes = (seconds / 60.0).round();
    if minutes < 1.0 {
        return Err(format!(
            "the duration {original} is under a minute; a coaching event lasts at least one minute"
        ));
    }
    if minutes > f64::from(MINUTES_MAX) {
        return Err(format!(
            "{original} is longer than a working day ({MINUTES_MAX} minutes); check the unit"
        ));
    }
    Ok(minutes as u32)
}

/// A duration in minutes: "15", "15 min", "0:15" (hours:minutes) or "PT15M".
pub fn minutes(text: &str) -> Result<u32, String> {
    let original = text.trim();
    let lower = original.to_ascii_lowercase();
    if lower.starts_with('p') || lower.starts_with("-p") {
        let seconds = iso_duration_seconds(&original.to_ascii_uppercase())?;
        return minutes_from_seconds(seconds, original);
    }
    if let Some((hours, mins)) = lower.split_once(':') {
        if let (Ok(hours), Ok(mins)) = (hours.trim().parse::<i64>(), mins.trim().parse::<i64>()) {
            if hours >= 0 && (0..60).contains(&mins) {
                // Checked: a huge hour count wrapped around to a small, plausible duration.
                return match hours.checked_mul(3600).and_then(|s| s.checked_add(mins * 60)) {
                    Some(seconds) => minutes_from_seconds(seconds as f64, original),
                    None => Err(format!(
                        "{original} is longer than a working day ({MINUTES_MAX} minutes); check the unit"
                    )),
                };
            }
        }
        return Err(format!(
            "\"{original}\" is not a duration; give minutes, e.g. 15, or hours:minutes, e.g. 0:15"
        ));
    }
    let number = ["minutes", "minute", "mins", "min", "m"]
        .iter()
        .find_map(|unit| lower.strip_suffix(unit))
        .unwrap_or(&lower)
        .trim();
    let value: f64 = number.parse().map_err(|_| {
        format!("\"{original}\" is not a number of minutes; give whole minutes, e.g. 15")
    })?;
    if !value.is_finite() {
        return Err(format!("\"{original}\" is not a number of minutes"));
    }
    if value < 0.0 {
        return Err(format!(
            "the duration {original} is negative; a coaching event lasts at least one minute"
        ));
    }
    if value.fract() != 0.0 {
        return Err(format!("{original} is not a whole number of minutes"));
    }
    minutes_from_seconds(value * 60.0, original)
}

/// A number as a spreadsheet writes it: "74.5", "-3", "12%" (read as 12), and with a
/// decimal comma ("74,5") in semicolon-separated files.
pub fn number(text: &str, decimal_comma: bool) -> Result<f64, String> {
    let original = text.trim();
    let mut cleaned = original
        .trim_end_matches('%')
        .trim()
        .replace([' ', '\u{a0}'], "");
    if decimal_comma && !cleaned.contains('.') {
        cleaned = cleaned.replace(',', ".");
    }
    match cleaned.parse::<f64>() {
        Ok(n) if n.is_finite() && n.abs() <= NUMBER_MAX => Ok(n),
        Ok(n) if n.is_finite() => Err(format!(
            "\"{original}\" is too large to be a measurement (Pilotdesk reads values up to \
             ±1,000,000,000,000)"
        )),
        _ => Err(format!("\"{original}\" is not a number")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_bounds_what_its_values_can_be() {
        assert!(within_unit(100.0, "%").is_ok());
        assert!(within_unit(0.0, "percent").is_ok());
        let over = within_unit(120.0, "%").unwrap_err();
        assert!(
            over.contains("a percentage lies between 0 and 100"),
            "{over}"
        );
        assert!(within_unit(-2.0, "days").is_err());
        assert!(
            within_unit(-2.0, "USD").is_ok(),
            "money can fall below zero"
        );
        assert!(within_unit(-3.5, "score").is_ok());
    }

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn iso_dates_and_date_times_are_read() {
        assert_eq!(date_time("2026-03-04", false), Ok((d("2026-03-04"), None)));
        assert_eq!(
            date_time(" 2026/03/04 ", false),
            Ok((d("2026-03-04"), None))
        );
        let nine_thirty = NaiveTime::from_hms_opt(9, 30, 0);
        assert_eq!(
            date_time("2026-03-04 09:30", false),
            Ok((d("2026-03-04"), nine_thirty))
        );
        assert_eq!(
            date_time("2026-03-04T09:30:00.250", false),
            Ok((d("2026-03-04"), nine_thirty))
        );
        assert_eq!(
            date_time("2026-03-04T11:30:00+02:00", false),
            Ok((d("2026-03-04"), nine_thirty)),
            "a zoned time is converted to UTC"
        );
    }

    #[test]
    fn ambiguous_and_broken_dates_are_refused_in_words() {
        let slashed = date_time("03/04/2026", false).unwrap_err();
        assert!(slashed.contains("day-first or month-first"), "{slashed}");
        let broken = date_time("2026-02-30", false).unwrap_err();
        assert!(broken.contains("is not a date"), "{broken}");
        assert!(
            date_time("45678", false).is_err(),
            "a serial in a CSV is not a date"
        );
    }

    #[test]
    fn excel_serials_are_dates_in_workbooks() {
        assert_eq!(date("45658", true), Ok(d("2025-01-01")));
        assert_eq!(
            date_time("45658.375", true),
            Ok((d("2025-01-01"), NaiveTime::from_hms_opt(9, 0, 0)))
        );
        assert_eq!(date("61", true), Ok(d("1900-03-01")));
        assert!(date("0", true).is_err());
        assert_eq!(
            time("0.5", true),
            Ok(NaiveTime::from_hms_opt(12, 0, 0).unwrap())
        );
    }

    #[test]
    fn durations_read_as_whole_minutes() {
        assert_eq!(minutes("15"), Ok(15));
        assert_eq!(minutes("15 min"), Ok(15));
        assert_eq!(minutes("0:15"), Ok(15));
        assert_eq!(minutes("1:30"), Ok(90));
        assert_eq!(minutes("PT10M"), Ok(10));
        assert_eq!(minutes("pt1h5m"), Ok(65));
        assert_eq!(minutes("15.0"), Ok(15));
        assert!(minutes("-5").unwrap_err().contains("negative"));
        assert!(minutes("-PT5M").unwrap_err().contains("negative"));
        assert!(minutes("0").unwrap_err().contains("at least one minute"));
        assert!(minutes("7.5").unwrap_err().contains("whole number"));
        assert!(minutes("900").unwrap_err().contains("working day"));
        assert!(minutes("ten").unwrap_err().contains("not a number"));
    }

    #[test]
    fn iso_durations() {
        assert_eq!(iso_duration_seconds("PT90S"), Ok(90.0));
        assert_eq!(iso_duration_seconds("P1DT1H"), Ok(90_000.0));
        assert_eq!(iso_duration_seconds("PT0.5H"), Ok(1800.0));
        assert_eq!(iso_duration_seconds("-PT1M"), Ok(-60.0));
        assert!(iso_duration_seconds("P").is_err());
        assert!(iso_duration_seconds("PT10").is_err());
        assert!(iso_duration_seconds("10M").is_err());
        assert!(
            iso_duration_seconds("P5M").is_err(),
            "months are not a fixed length"
        );
    }

    #[test]
    fn numbers_with_decimal_commas_and_percent_signs() {
        assert_eq!(number("74.5", false), Ok(74.5));
        assert_eq!(number("74,5", true), Ok(74.5));
        assert_eq!(number("12%", false), Ok(12.0));
        assert!(number("74,5", false).is_err());
        assert!(number("n/a", false).is_err());
        assert!(number("NaN", false).is_err());
    }

    #[test]
    fn times_of_day() {
        assert_eq!(
            time("09:30", false),
            NaiveTime::from_hms_opt(9, 30, 0).ok_or(String::new())
        );
        assert_eq!(
            time("2:05 PM", false),
            NaiveTime::from_hms_opt(14, 5, 0).ok_or(String::new())
        );
        assert!(time("25:00", false).is_err());
    }

    #[test]
    fn values_and_years_beyond_any_measurement_are_refused() {
        assert!(number("1e308", false).unwrap_err().contains("too large"));
        assert!(number("-1e308", false).unwrap_err().contains("too large"));
        assert_eq!(number("74.5", false), Ok(74.5));
        assert!(date_time("0000-01-01", false)
            .unwrap_err()
            .contains("outside the years"));
        assert!(date_time("2026-01-01", false).is_ok());
    }

    #[test]
    fn an_hour_count_too_large_to_hold_is_refused_not_wrapped() {
        let said = minutes("153722867280912931:00").unwrap_err();
        assert!(said.contains("longer than a working day"), "{said}");
        assert_eq!(minutes("0:15"), Ok(15));
    }
}
