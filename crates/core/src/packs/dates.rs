//! Dates as a reader expects them on paper: "12 Jan 2027", never 2027-01-12.

use chrono::NaiveDate;

pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// The day of a stored timestamp ("2027-01-12T09:30:00Z"), as `long_date` prints it; none
/// when the text does not start with a date.
pub fn long_date_of(timestamp: &str) -> Option<String> {
    timestamp
        .get(..10)
        .and_then(|day| day.parse::<NaiveDate>().ok())
        .map(long_date)
}

pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b").to_string()
}

/// "12 Jan – 12 Apr 2027", or with both years when the range crosses a year.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    if start.format("%Y").to_string() == end.format("%Y").to_string() {
        format!("{} – {}", short_date(start), long_date(end))
    } else {
        format!("{} – {}", long_date(start), long_date(end))
    }
}
