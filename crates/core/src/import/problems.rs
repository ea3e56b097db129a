//! Every problem a file has, each with its file, line and column.

use crate::error::{Error, ErrorDetail};

/// Past this many, problems are counted but not listed: a file that is wrong on every one
/// of a million rows is wrong in a way the first thousand already show.
pub const LISTED_MAX: usize = 1000;

/// A position in a file. `line` is the physical line a record starts on (or the sheet row);
/// `column` the 1-based field position (or sheet column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: u32,
    pub column: Option<u32>,
}

pub struct Problems {
    file: String,
    /// For workbooks: the sheet, so each problem can name its cell ("C5 on sheet People").
    sheet: Option<String>,
    listed: Vec<ErrorDetail>,
    total: usize,
}

impl Problems {
    pub fn new(file: impl Into<String>, sheet: Option<String>) -> Problems {
        Problems {
            file: file.into(),
            sheet,
            listed: Vec::new(),
            total: 0,
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn add(&mut self, place: Place, field: Option<&str>, message: impl Into<String>) {
        self.total += 1;
        if self.listed.len() >= LISTED_MAX {
            return;
        }
        let mut message = message.into();
        if let (Some(sheet), Some(column)) = (&self.sheet, place.column) {
            message.push_str(&format!(
                " (cell {}{} on sheet \"{sheet}\")",
                column_letters(column),
                place.line
            ));
        }
        self.listed.push(ErrorDetail {
            field: field.map(String::from),
            file: Some(self.file.clone()),
            line: Some(place.line),
            column: place.column,
            message,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    pub fn count(&self) -> usize {
        self.total
    }

    /// The refusal: every problem listed (up to `LISTED_MAX`), and the promise that nothing
    /// was written.
    pub fn into_error(mut self) -> Error {
        self.listed.sort_by_key(|d| (d.line, d.column));
        let total = self.total;
        let summary = match total {
            1 if self.listed.len() == 1 => {
                format!("{}; nothing was imported", self.listed[0].describe())
            }
            n if n > self.listed.len() => format!(
                "{}: {n} problems (the first {} are listed); nothing was imported",
                self.file,
                self.listed.len()
            ),
            n => format!("{}: {n} problems; nothing was imported", self.file),
        };
        Error::Invalid {
            summary,
            details: self.listed,
        }
    }
}

/// 1 -> "A", 27 -> "AA".
pub fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rest = (column - 1) % 26;
        letters.push(b'A' + rest as u8);
        column = (column - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(28), "AB");
        assert_eq!(column_letters(702), "ZZ");
        assert_eq!(column_letters(703), "AAA");
    }

    #[test]
    fn problems_past_the_listing_limit_are_counted() {
        let mut problems = Problems::new("big.csv", None);
        for line in 0..(LISTED_MAX as u32 + 5) {
            problems.add(
                Place {
                    line: line + 2,
                    column: Some(1),
                },
                None,
                "bad",
            );
        }
        let Error::Invalid { summary, details } = problems.into_error() else {
            panic!("an import problem is invalid input");
        };
        assert_eq!(details.len(), LISTED_MAX);
        assert!(summary.contains("1005 problems"), "{summary}");
        assert!(summary.contains("nothing was imported"), "{summary}");
    }

    #[test]
    fn workbook_problems_name_their_cell() {
        let mut problems = Problems::new("people.xlsx", Some("People".into()));
        problems.add(
            Place {
                line: 5,
                column: Some(3),
            },
            None,
            "not a date",
        );
        let Error::Invalid { details, .. } = problems.into_error() else {
            panic!();
        };
        assert_eq!(
            details[0].message,
            "not a date (cell C5 on sheet \"People\")"
        );
        assert_eq!((details[0].line, details[0].column), (Some(5), Some(3)));
    }
}
