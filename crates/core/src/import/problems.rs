//! Every problem a file has, each with its file, line and column.

use std::collections::HashMap;

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
    listed: Vec<Listed>,
    /// The same problem (field, column and message) seen again is counted on its first
    /// listing rather than listed again: a file with 30,000 rows naming one unknown pilot has
    /// one problem, on 30,000 lines.
    seen: HashMap<(Option<String>, Option<u32>, String), usize>,
    total: usize,
}

/// A problem as first found, and the lines it was found on again.
struct Listed {
    field: Option<String>,
    place: Place,
    message: String,
    /// The first few lines after the first, to name in the grouped message.
    more_lines: Vec<u32>,
    repeats: usize,
}

/// How many lines of a repeated problem are named before "…".
const LINES_NAMED: usize = 6;

impl Problems {
    pub fn new(file: impl Into<String>, sheet: Option<String>) -> Problems {
        Problems {
            file: file.into(),
            sheet,
            listed: Vec::new(),
            seen: HashMap::new(),
            total: 0,
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn add(&mut self, place: Place, field: Option<&str>, message: impl Into<String>) {
        self.total += 1;
        let message = message.into();
        let key = (field.map(String::from), place.column, message);
        if let Some(&index) = self.seen.get(&key) {
            let listed = &mut self.listed[index];
            listed.repeats += 1;
            if listed.more_lines.len() < LINES_NAMED {
                listed.more_lines.push(place.line);
            }
            return;
        }
        if self.listed.len() >= LISTED_MAX {
            return;
        }
        let (field, _, message) = key.clone();
        self.seen.insert(key, self.listed.len());
        self.listed.push(Listed {
            field,
            place,
            message,
            more_lines: Vec::new(),
            repeats: 0,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    pub fn count(&self) -> usize {
        self.total
    }

    fn detail(&self, listed: Listed) -> ErrorDetail {
        let mut message = listed.message;
        if listed.repeats > 0 {
            let mut lines: Vec<String> = std::iter::once(listed.place.line)
                .chain(listed.more_lines)
                .map(|line| thousands(line as usize))
                .collect();
            if listed.repeats + 1 > lines.len() {
                lines.push("…".into());
            }
            message = format!(
                "{message}, on {} lines: {}",
                thousands(listed.repeats + 1),
                lines.join(", ")
            );
        }
        if let (Some(sheet), Some(column)) = (&self.sheet, listed.place.column) {
            if listed.repeats > 0 {
                message.push_str(&format!(
                    " (column {} on sheet \"{sheet}\")",
                    column_letters(column)
                ));
            } else {
                message.push_str(&format!(
                    " (cell {}{} on sheet \"{sheet}\")",
                    column_letters(column),
                    listed.place.line
                ));
            }
        }
        ErrorDetail {
            field: listed.field,
            file: Some(self.file.clone()),
            line: Some(listed.place.line),
            column: listed.place.column,
            message,
        }
    }

    /// The refusal: every different problem listed (up to `LISTED_MAX`), a repeated one once
    /// with the lines it is on, and the promise that nothing was written.
    pub fn into_error(mut self) -> Error {
        let mut listed = std::mem::take(&mut self.listed);
        listed.sort_by_key(|l| (l.place.line, l.place.column));
        let kinds = listed.len();
        let counted: usize = listed.iter().map(|l| l.repeats + 1).sum();
        let details: Vec<ErrorDetail> = listed.into_iter().map(|l| self.detail(l)).collect();
        let total = self.total;
        let summary = match total {
            1 if details.len() == 1 => {
                format!("{}; nothing was imported", details[0].describe())
            }
            n if n > counted => format!(
                "{}: {} problems (the first {kinds} different ones are listed); nothing was \
                 imported",
                self.file,
                thousands(n)
            ),
            n if kinds < n => format!(
                "{}: {} problems, {kinds} different; nothing was imported",
                self.file,
                thousands(n)
            ),
            n => format!("{}: {n} problems; nothing was imported", self.file),
        };
        Error::Invalid { summary, details }
    }
}

/// 30117 -> "30,117".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
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
                format!("bad value {line}"),
            );
        }
        let Error::Invalid { summary, details } = problems.into_error() else {
            panic!("an import problem is invalid input");
        };
        assert_eq!(details.len(), LISTED_MAX);
        assert!(summary.contains("1,005 problems"), "{summary}");
        assert!(summary.contains("nothing was imported"), "{summary}");
    }

    #[test]
    fn a_repeated_problem_is_listed_once_with_its_count_and_first_lines() {
        let mut problems = Problems::new("events.csv", None);
        for line in (9_937..9_937 + 2 * 30_117).step_by(2) {
            problems.add(
                Place {
                    line,
                    column: Some(3),
                },
                Some("pilot"),
                "unknown pilot: there is no pilot \"1\" (by id or name)",
            );
        }
        problems.add(
            Place {
                line: 12,
                column: Some(2),
            },
            Some("minutes"),
            "\"abc\" is not a number",
        );
        let Error::Invalid { summary, details } = problems.into_error() else {
            panic!("an import problem is invalid input");
        };
        assert_eq!(details.len(), 2, "{details:?}");
        assert_eq!(
            details[0].line,
            Some(12),
            "sorted by where each first appears"
        );
        assert_eq!(
            details[1].message,
            "unknown pilot: there is no pilot \"1\" (by id or name), on 30,117 lines: 9,937, \
             9,939, 9,941, 9,943, 9,945, 9,947, 9,949, …"
        );
        assert_eq!(details[1].line, Some(9_937));
        assert!(
            summary.contains("30,118 problems, 2 different"),
            "{summary}"
        );
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
