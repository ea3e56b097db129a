//! A calendar quarter, written "2026-Q3": the period the network figures are counted over
//! (DESIGN.md: density is quarterly).

use std::fmt;

use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub number: u32,
}

impl Quarter {
    /// "2026-Q3" (also "2026-q3" and "2026Q3", since people type it both ways); none for
    /// anything else, including a quarter 0 or 5.
    pub fn parse(text: &str) -> Option<Quarter> {
        let text = text.trim();
        let (year, number) = text
            .split_once(['Q', 'q'])
            .map(|(year, number)| (year.trim_end_matches('-'), number))?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) || number.len() != 1 {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let number: u32 = number.parse().ok()?;
        (1..=4)
            .contains(&number)
            .then_some(Quarter { year, number })
    }

    pub fn containing(day: NaiveDate) -> Quarter {
        Quarter {
            year: day.year(),
            number: (day.month() - 1) / 3 + 1,
        }
    }

    pub fn first_day(self) -> NaiveDate {
        // Months 1, 4, 7 and 10 always have a first day.
        NaiveDate::from_ymd_opt(self.year, (self.number - 1) * 3 + 1, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    pub fn next(self) -> Quarter {
        if self.number == 4 {
            Quarter {
                year: self.year + 1,
                number: 1,
            }
        } else {
            Quarter {
                number: self.number + 1,
                ..self
            }
        }
    }

    pub fn previous(self) -> Quarter {
        if self.number == 1 {
            Quarter {
                year: self.year - 1,
                number: 4,
            }
        } else {
            Quarter {
                number: self.number - 1,
                ..self
            }
        }
    }

    /// Every quarter from `self` to `last`, inclusive; empty when `last` comes first.
    pub fn through(self, last: Quarter) -> Vec<Quarter> {
        let mut quarters = Vec::new();
        let mut quarter = self;
        while quarter <= last {
            quarters.push(quarter);
            quarter = quarter.next();
        }
        quarters
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn quarters_read_and_print_the_same_way() {
        let q = Quarter::parse("2026-Q3").unwrap();
        assert_eq!(
            q,
            Quarter {
                year: 2026,
                number: 3
            }
        );
        assert_eq!(q.to_string(), "2026-Q3");
        assert_eq!(
            Quarter::parse(" 2026-q1 "),
            Some(Quarter {
                year: 2026,
                number: 1
            })
        );
        assert_eq!(
            Quarter::parse("2026Q4"),
            Some(Quarter {
                year: 2026,
                number: 4
            })
        );
        for bad in [
            "2026-Q0", "2026-Q5", "2026-Q", "26-Q1", "2026-Q12", "2026-03", "", "Q1",
        ] {
            assert_eq!(Quarter::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_quarter_runs_from_its_first_month_to_the_end_of_its_third() {
        let q = Quarter::parse("2024-Q1").unwrap();
        assert_eq!(
            (q.first_day(), q.last_day()),
            (d("2024-01-01"), d("2024-03-31"))
        );
        let q = Quarter::parse("2026-Q4").unwrap();
        assert_eq!(
            (q.first_day(), q.last_day()),
            (d("2026-10-01"), d("2026-12-31"))
        );
        assert_eq!(Quarter::containing(d("2026-06-30")).to_string(), "2026-Q2");
        assert_eq!(Quarter::containing(d("2026-07-01")).to_string(), "2026-Q3");
    }

    #[test]
    fn stepping_crosses_years() {
        let q = Quarter::parse("2026-Q4").unwrap();
        assert_eq!(q.next().to_string(), "2027-Q1");
        assert_eq!(q.next().previous(), q);
        let span = Quarter::parse("2025-Q3").unwrap().through(q.next());
        let names: Vec<String> = span.iter().map(|q| q.to_string()).collect();
        assert_eq!(
            names,
            ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"]
        );
        assert!(q.through(q.previous()).is_empty());
    }
}
