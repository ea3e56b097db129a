//! Progress of module assignments from a CSV or a workbook: whose (employee id or email),
//! which module (catalog title or id), how far (percent), the day it was completed, passed
//! or not, and the score. The rules xAPI module statements share live here too: what is
//! recorded, how a row merges into it, and when a row would take progress backwards.
//!
//! A row only updates an assignment that exists: progress of a module nobody assigned is a
//! problem, not a new assignment. A cell left empty says nothing, so what is recorded
//! stands (an empty "Passed" does not erase a pass). Progress never goes down on import: a
//! row below what is recorded is a problem, unless it is a row an import already applied
//! (the same values for the same assignment, or the same xAPI statement id), which changes
//! nothing, so importing a file again is harmless even after the progress has moved on.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::mapping::Mapping;
use super::problems::{Place, Problems};
use super::source::Table;
use super::{values, Row};
use crate::error::Result;
use crate::store::lookup::Lookup;
use crate::store::skills::assignments;

/// The activity IRI of a catalog module in xAPI statements: this base and the module id.
pub const MODULE_IRI_BASE: &str = "https://pilotdesk.app/modules/";

pub fn module_iri(id: i64) -> String {
    format!("{MODULE_IRI_BASE}{id}")
}

/// An assignment's progress: as recorded, or as it stands after the rows applied so far.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressState {
    pub progress: u32,
    pub completed_on: Option<NaiveDate>,
    pub passed: Option<bool>,
    pub score: Option<f64>,
}

/// What one row or statement says; none where it says nothing, so the recorded value stands.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgressUpdate {
    pub progress: Option<u32>,
    pub completed_on: Option<NaiveDate>,
    pub passed: Option<bool>,
    pub score: Option<f64>,
}

impl ProgressUpdate {
    /// A CSV row's identity for an assignment: the values it states.
    pub fn fingerprint(&self) -> String {
        let text = |v: Option<String>| v.unwrap_or_default();
        format!(
            "row:progress={};completed={};passed={};score={}",
            text(self.progress.map(|p| p.to_string())),
            text(self.completed_on.map(|d| d.to_string())),
            text(self.passed.map(|p| p.to_string())),
            text(self.score.map(|s| s.to_string())),
        )
    }
}

impl ProgressState {
    /// The state after `update`: a completion date makes the module 100% done.
    pub fn merged(&self, update: &ProgressUpdate) -> ProgressState {
        let progress = if update.completed_on.is_some() {
            100
        } else {
            update.progress.unwrap_or(self.progress)
        };
        ProgressState {
            progress,
            completed_on: update.completed_on.or(self.completed_on),
            passed: update.passed.or(self.passed),
            score: update.score.or(self.score),
        }
    }
}

/// What applying a row did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Applied; `changed` when the assignment's progress is different for it.
    Applied { changed: bool },
    /// An import applied this very row before: it changes nothing. `moved_on` when what is
    /// recorded has changed since.
    Known { moved_on: bool },
    /// The row would take the progress down from `recorded` percent: a problem.
    Behind { recorded: u32 },
}

struct Tracked {
    id: i64,
    module_id: i64,
    person_id: String,
    assigned_on: NaiveDate,
    recorded: ProgressState,
    current: ProgressState,
    seen: HashSet<String>,
    applied: Vec<String>,
}

/// An assignment an import changes: its new progress (none when only rows are remembered)
/// and the fingerprints of the rows applied to it.
pub struct ProgressChange {
    pub assignment_id: i64,
    pub state: Option<ProgressState>,
    pub fingerprints: Vec<String>,
}

/// The catalog and the assignments with their recorded progress, loaded once per import;
/// rows are applied to it in memory as they are checked.
pub struct Modules {
    titles: Vec<(i64, String)>,
    by_key: HashMap<(i64, String), usize>,
    tracked: Vec<Tracked>,
}

/// An assignment found for a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AssignmentKey(usize);

impl Modules {
    pub fn load(conn: &Connection) -> Result<Modules> {
        let titles = crate::store::skills::catalog::modules(conn)?
            .into_iter()
            .map(|m| (m.id, m.title))
            .collect();
        let mut seen = assignments::applied_rows(conn)?;
        let mut by_key = HashMap::new();
        let mut tracked = Vec::new();
        for a in assignments::recorded_progress(conn)? {
            let state = ProgressState {
                progress: a.progress,
                completed_on: a.completed_on,
                passed: a.passed,
                score: a.score,
            };
            by_key.insert((a.module_id, a.person_id.clone()), tracked.len());
            tracked.push(Tracked {
                id: a.id,
                module_id: a.module_id,
                person_id: a.person_id,
                assigned_on: a.assigned_on,
                recorded: state.clone(),
                current: state,
                seen: seen.remove(&a.id).unwrap_or_default(),
                applied: Vec::new(),
            });
        }
        Ok(Modules {
            titles,
            by_key,
            tracked,
        })
    }

    /// A module by its catalog id or its title (any case).
    pub fn module(&self, text: &str) -> std::result::Result<i64, String> {
        let text = text.trim();
        if let Ok(id) = text.parse::<i64>() {
            if self.has_module(id) {
                return Ok(id);
            }
        }
        if let Some(id) = self.by_title(text) {
            return Ok(id);
        }
        Err(if self.titles.is_empty() {
            format!(
                "there is no module \"{text}\": the catalog is empty; add the module to the \
                 catalog and assign it first"
            )
        } else {
            format!(
                "there is no module \"{text}\" in the catalog (by title or id); the catalog \
                 has {}",
                self.catalog_list()
            )
        })
    }

    pub fn by_title(&self, title: &str) -> Option<i64> {
        let title = title.trim();
        self.titles
            .iter()
            .find(|(_, t)| t.eq_ignore_ascii_case(title))
            .map(|(id, _)| *id)
    }

    pub fn has_module(&self, id: i64) -> bool {
        self.titles.iter().any(|(m, _)| *m == id)
    }

    pub fn title(&self, id: i64) -> &str {
        self.titles
            .iter()
            .find(|(m, _)| *m == id)
            .map_or("", |(_, t)| t.as_str())
    }

    fn catalog_list(&self) -> String {
        const SHOWN: usize = 8;
        let mut names: Vec<String> = self
            .titles
            .iter()
            .take(SHOWN)
            .map(|(id, t)| format!("\"{t}\" ({id})"))
            .collect();
        if self.titles.len() > SHOWN {
            names.push(format!("and {} more", self.titles.len() - SHOWN));
        }
        names.join(", ")
    }

    /// The person's assignment of the module, or what to do about there being none.
    pub fn assignment(
        &self,
        lookup: &Lookup,
        module_id: i64,
        person_id: &str,
    ) -> std::result::Result<AssignmentKey, String> {
        if let Some(index) = self.by_key.get(&(module_id, person_id.to_string())) {
            return Ok(AssignmentKey(*index));
        }
        let title = self.title(module_id);
        let who = match lookup.people.get(person_id) {
            Some(person) => format!("{} ({person_id})", person.name),
            None => person_id.to_string(),
        };
        Err(format!(
            "{who} is not assigned \"{title}\", so there is no progress to record; assign the \
             module to them first (Skills, Assignments; or pilotdesk assign \"{title}\" \
             --person {person_id} --due YYYY-MM-DD), then import the file again"
        ))
    }

    pub fn assigned_on(&self, key: AssignmentKey) -> NaiveDate {
        self.tracked[key.0].assigned_on
    }

    /// Who and what, for messages: "Mei Walsh on \"Tier-1 diagnostics\"".
    pub fn describe(&self, lookup: &Lookup, key: AssignmentKey) -> String {
        let t = &self.tracked[key.0];
        let who = lookup
            .people
            .get(&t.person_id)
            .map_or(t.person_id.as_str(), |p| p.name.as_str());
        format!("{who} on \"{}\"", self.title(t.module_id))
    }

    /// Applies a row to the assignment as it stands after the rows before it.
    pub fn apply(
        &mut self,
        key: AssignmentKey,
        update: &ProgressUpdate,
        fingerprint: &str,
    ) -> Step {
        let t = &mut self.tracked[key.0];
        if t.seen.contains(fingerprint) {
            let next = t.current.merged(update);
            return Step::Known {
                moved_on: next != t.current,
            };
        }
        let next = t.current.merged(update);
        if next.progress < t.current.progress {
            return Step::Behind {
                recorded: t.current.progress,
            };
        }
        let changed = next != t.current;
        t.current = next;
        t.seen.insert(fingerprint.to_string());
        t.applied.push(fingerprint.to_string());
        Step::Applied { changed }
    }

    /// What the import writes: every assignment whose progress changed or that had rows
    /// applied.
    pub fn changes(&self) -> Vec<ProgressChange> {
        self.tracked
            .iter()
            .filter(|t| !t.applied.is_empty())
            .map(|t| ProgressChange {
                assignment_id: t.id,
                state: (t.current != t.recorded).then(|| t.current.clone()),
                fingerprints: t.applied.clone(),
            })
            .collect()
    }
}

/// Writes the changes an import's check worked out: the new progress with its source, and
/// the rows applied, so importing them again changes nothing. Returns how many assignments
/// changed.
pub fn write_changes(
    tx: &rusqlite::Transaction,
    changes: &[ProgressChange],
    source: &'static str,
    import_id: Option<i64>,
    now: &str,
) -> Result<u64> {
    let mut changed = 0;
    for change in changes {
        if let Some(state) = &change.state {
            assignments::record_progress(
                tx,
                change.assignment_id,
                &assignments::ProgressRecord {
                    progress: state.progress,
                    completed_on: state.completed_on,
                    passed: state.passed,
                    score: state.score,
                    source,
                },
                now,
            )?;
            changed += 1;
        }
        for fingerprint in &change.fingerprints {
            assignments::remember_row(tx, change.assignment_id, fingerprint, import_id)?;
        }
    }
    Ok(changed)
}

/// "yes", "no", "true", "false", "pass", "fail" and their kin.
pub fn passed(text: &str) -> std::result::Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "pass" | "passed" | "1" => Ok(true),
        "no" | "n" | "false" | "fail" | "failed" | "0" => Ok(false),
        _ => Err(format!(
            "\"{}\" is not a pass or a fail; write yes, no, true, false, pass or fail (or \
             leave it empty)",
            text.trim()
        )),
    }
}

/// A percentage from 0 to 100, rounded to a whole percent.
pub fn percent(text: &str, decimal_comma: bool) -> std::result::Result<u32, String> {
    let n = values::number(text, decimal_comma)?;
    if !(0.0..=100.0).contains(&n) {
        return Err(format!(
            "the progress {} is not a percentage from 0 to 100",
            text.trim()
        ));
    }
    if n > 0.0 && n < 1.0 {
        return Err(format!(
            "the progress {} reads as less than 1%; if it means {}%, write {} (a cell \
             formatted as a percentage holds a fraction)",
            text.trim(),
            values_text(n * 100.0),
            values_text(n * 100.0)
        ));
    }
    Ok(n.round() as u32)
}

fn values_text(n: f64) -> String {
    crate::import::source::number_text((n * 100.0).round() / 100.0)
}

/// What checking a file found: its rows, how many change an assignment, and how many are
/// rows imported before whose assignment has changed since (left as they are).
#[derive(Debug, Clone, Copy, Default)]
pub struct Checked {
    pub rows: u32,
    pub changed: u32,
    pub known_moved_on: u32,
}

pub fn check(
    table: &Table,
    mapping: &Mapping,
    lookup: &Lookup,
    modules: &mut Modules,
    today: NaiveDate,
    problems: &mut Problems,
) -> Result<Checked> {
    if mapping.column("progress").is_none() && mapping.column("completedOn").is_none() {
        problems.add(
            Place {
                line: table.header_line,
                column: None,
            },
            Some("progress"),
            "no column holds the progress or the completion date; name a column \"Progress\" \
             or \"Completed on\", or choose one in the mapping",
        );
    }
    let mut first_line_of: HashMap<AssignmentKey, u32> = HashMap::new();
    let mut checked = Checked::default();
    table.for_each(problems, |record, problems| {
        checked.rows += 1;
        let row = Row {
            table,
            mapping,
            record,
        };
        let before = problems.count();

        let person_text = row.text("personId");
        let mut person = None;
        if person_text.is_empty() {
            if row.has_column("personId") {
                row.problem(problems, "personId", "the employee id is missing");
            }
        } else {
            match lookup.person(person_text) {
                Ok(id) => person = Some(id),
                Err(message) => row.problem(
                    problems,
                    "personId",
                    format!("unknown person {person_text}: {message}"),
                ),
            }
        }

        let module_text = row.text("module");
        let mut module = None;
        if module_text.is_empty() {
            if row.has_column("module") {
                row.problem(problems, "module", "the module is missing");
            }
        } else {
            match modules.module(module_text) {
                Ok(id) => module = Some(id),
                Err(message) => row.problem(problems, "module", message),
            }
        }

        let progress_text = row.text("progress");
        let mut progress = None;
        if !progress_text.is_empty() {
            match percent(progress_text, table.decimal_comma()) {
                Ok(p) => progress = Some(p),
                Err(message) => row.problem(problems, "progress", message),
            }
        }

        let completed_text = row.text("completedOn");
        let mut completed_on = None;
        if !completed_text.is_empty() {
            match values::date(completed_text, table.numeric_dates()) {
                Ok(day) if day > today => row.problem(
                    problems,
                    "completedOn",
                    format!("the completion date {day} is in the future (today is {today})"),
                ),
                Ok(day) => completed_on = Some(day),
                Err(message) => row.problem(problems, "completedOn", message),
            }
        }
        if progress_text.is_empty() && completed_text.is_empty() {
            let key = if row.has_column("progress") {
                "progress"
            } else {
                "completedOn"
            };
            if row.has_column(key) {
                row.problem(
                    problems,
                    key,
                    "give the progress (a percentage from 0 to 100) or the completion date",
                );
            }
        }
        if let (Some(p), Some(day)) = (progress, completed_on) {
            if p < 100 {
                row.problem(
                    problems,
                    "progress",
                    format!(
                        "a module completed on {day} is 100% done, but this row says {p}%; \
                         write 100, or leave the completion date empty"
                    ),
                );
            }
        }

        let passed_text = row.text("passed");
        let mut passed_value = None;
        if !passed_text.is_empty() {
            match passed(passed_text) {
                Ok(p) => passed_value = Some(p),
                Err(message) => row.problem(problems, "passed", message),
            }
        }

        let score_text = row.text("score");
        let mut score = None;
        if !score_text.is_empty() {
            match values::number(score_text, table.decimal_comma()) {
                Ok(s) if s < 0.0 => row.problem(
                    problems,
                    "score",
                    format!("the score {score_text} is below zero"),
                ),
                Ok(s) => score = Some(s),
                Err(message) => row.problem(problems, "score", message),
            }
        }

        let (Some(person), Some(module)) = (person, module) else {
            return Ok(());
        };
        let key = match modules.assignment(lookup, module, &person) {
            Ok(key) => key,
            Err(message) => {
                row.problem(problems, "module", message);
                return Ok(());
            }
        };
        if let Some(first) = first_line_of.get(&key) {
            row.problem(
                problems,
                "module",
                format!(
                    "{} already has a row on line {first}; give one row per person and module",
                    modules.describe(lookup, key)
                ),
            );
            return Ok(());
        }
        first_line_of.insert(key, row.line());
        if let Some(day) = completed_on {
            let assigned_on = modules.assigned_on(key);
            if day < assigned_on {
                row.problem(
                    problems,
                    "completedOn",
                    format!(
                        "the module was assigned on {assigned_on}; a completion on {day} \
                         cannot come before it"
                    ),
                );
            }
        }
        if problems.count() > before {
            return Ok(());
        }
        let update = ProgressUpdate {
            progress,
            completed_on,
            passed: passed_value,
            score,
        };
        match modules.apply(key, &update, &update.fingerprint()) {
            Step::Applied { changed } => checked.changed += u32::from(changed),
            Step::Known { moved_on } => checked.known_moved_on += u32::from(moved_on),
            Step::Behind { recorded } => {
                let said = update.progress.unwrap_or(0);
                row.problem(
                    problems,
                    if row.has_column("progress") {
                        "progress"
                    } else {
                        "completedOn"
                    },
                    format!(
                        "the progress would go backwards: {} is recorded at {recorded}%, this \
                         row says {said}%; progress never goes down on import. Leave out a \
                         row that is older than what is recorded, or correct the record by \
                         hand first",
                        modules.describe(lookup, key)
                    ),
                );
            }
        }
        Ok(())
    })?;
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_and_fails_are_read_in_the_usual_words() {
        for yes in ["yes", "Y", "TRUE", "pass", "Passed", "1"] {
            assert_eq!(passed(yes), Ok(true), "{yes}");
        }
        for no in ["no", "n", "False", "FAIL", "failed", "0"] {
            assert_eq!(passed(no), Ok(false), "{no}");
        }
        assert!(passed("maybe").unwrap_err().contains("yes, no"));
    }

    #[test]
    fn progress_is_a_whole_percentage() {
        assert_eq!(percent("80", false), Ok(80));
        assert_eq!(percent("80%", false), Ok(80));
        assert_eq!(percent("66,67", true), Ok(67));
        assert_eq!(percent("0", false), Ok(0));
        assert!(percent("101", false).is_err());
        assert!(percent("-5", false).is_err());
        let fraction = percent("0.8", false).unwrap_err();
        assert!(fraction.contains("write 80"), "{fraction}");
    }

    #[test]
    fn a_completion_makes_the_module_done_and_empty_cells_keep_what_is_recorded() {
        let recorded = ProgressState {
            progress: 40,
            completed_on: None,
            passed: Some(true),
            score: Some(70.0),
        };
        let done = recorded.merged(&ProgressUpdate {
            completed_on: NaiveDate::from_ymd_opt(2026, 3, 4),
            ..ProgressUpdate::default()
        });
        assert_eq!(done.progress, 100);
        assert_eq!((done.passed, done.score), (Some(true), Some(70.0)));
    }
}
