//! Dates as a reader expects them on paper: "12 Jan 2027", never 2027-01-12.

use chrono::NaiveDate;

pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
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
