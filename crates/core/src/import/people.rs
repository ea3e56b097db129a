//! People and the org structure: every row checked, then the file as a whole (duplicate
//! ids, managers nobody knows, reporting lines that go round in a circle).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::mapping::Mapping;
use super::problems::Problems;
use super::source::Table;
use super::{values, Row};
use crate::error::Result;
use crate::model::Person;

const ID_MAX: usize = 64;
const TEXT_MAX: usize = 200;

/// A person read from the file, and the line they are on.
pub struct PersonRow {
    pub line: u32,
    pub person: Person,
}

/// Checks every row. `existing` is the workspace's organisation: a manager may be someone
/// already in the workspace rather than in this file.
pub fn check(
    table: &Table,
    mapping: &Mapping,
    existing: &HashMap<String, Person>,
    today: NaiveDate,
    problems: &mut Problems,
) -> Result<Vec<PersonRow>> {
    let mut rows: Vec<PersonRow> = Vec::new();
    let mut first_line_of: HashMap<String, u32> = HashMap::new();
    let mut email_lines: HashMap<String, (u32, String)> = HashMap::new();
    // Where each row's manager id sits, for the checks that need the whole file.
    let mut manager_places = Vec::new();

    table.for_each(problems, |record, problems| {
        let row = Row {
            table,
            mapping,
            record,
        };
        let id = row.text("employeeId").to_string();
        if row.has_column("employeeId") {
            if id.is_empty() {
                row.problem(problems, "employeeId", "the employee id is missing");
            } else if id.chars().count() > ID_MAX {
                row.problem(
                    problems,
                    "employeeId",
                    format!("an employee id has at most {ID_MAX} characters"),
                );
            } else if let Some(first) = first_line_of.get(&id) {
                row.problem(
                    problems,
                    "employeeId",
                    format!("duplicate employee id {id}: it is already on line {first}"),
                );
            } else {
                first_line_of.insert(id.clone(), record.line);
            }
        }
        let name = row.text("name").to_string();
        if row.has_column("name") && name.is_empty() {
            row.problem(problems, "name", "the name is missing");
        }
        limit(&row, problems, "name", &name);
        let email = row.text("email").to_string();
        if !email.is_empty() {
            if !looks_like_email(&email) {
                row.problem(
                    problems,
                    "email",
                    format!("\"{email}\" is not an email address"),
                );
            } else if let Some((line, other)) = email_lines.get(&email.to_lowercase()) {
                row.problem(
                    problems,
                    "email",
                    format!("{email} is also the email of {other} on line {line}"),
                );
            } else {
                email_lines.insert(email.to_lowercase(), (record.line, id.clone()));
            }
        }
        let team = row.text("team").to_string();
        if row.has_column("team") && team.is_empty() {
            row.problem(
                problems,
                "team",
                "the team is missing; everyone belongs to a team",
            );
        }
        limit(&row, problems, "team", &team);
        let role = row.text("role").to_string();
        limit(&row, problems, "role", &role);
        let manager = row.text("managerId");
        let manager_id = (!manager.is_empty()).then(|| manager.to_string());
        let hire_date = date(&row, problems, "hireDate", |date| {
            (date > today).then(|| format!("the hire date {date} is in the future"))
        });
        // A leaving date still to come is someone serving their notice, so it is kept.
        let leaving_date = date(&row, problems, "leavingDate", |_| None);
        let mut person = Person {
            id,
            name,
            email,
            team,
            role,
            manager_id,
            hire_date,
            leaving_date,
        };
        // A column the file does not have leaves what the workspace knows as it is: an
        // export without hire dates must not erase them.
        if let Some(known) = existing.get(&person.id) {
            if !row.has_column("email") {
                person.email = known.email.clone();
            }
            if !row.has_column("role") {
                person.role = known.role.clone();
            }
            if !row.has_column("managerId") {
                person.manager_id = known.manager_id.clone();
            }
            if !row.has_column("hireDate") {
                person.hire_date = known.hire_date;
            }
            if !row.has_column("leavingDate") {
                person.leaving_date = known.leaving_date;
            }
        }
        if let (Some(hired), Some(left)) = (person.hire_date, person.leaving_date) {
            if left < hired {
                // Blame the column the file has: the other date may be the workspace's.
                let key = if row.has_column("leavingDate") {
                    "leavingDate"
                } else {
                    "hireDate"
                };
                row.problem(
                    problems,
                    key,
                    format!("the leaving date {left} is before the hire date {hired}"),
                );
            }
        }
        manager_places.push(row.place("managerId"));
        rows.push(PersonRow {
            line: record.line,
            person,
        });
        Ok(())
    })?;

    let manager_header = mapping
        .column("managerId")
        .and_then(|c| table.headers.get(c))
        .map(String::as_str);
    let in_file: HashSet<&str> = rows.iter().map(|r| r.person.id.as_str()).collect();
    for (row, place) in rows.iter().zip(&manager_places) {
        if let Some(manager) = &row.person.manager_id {
            if !in_file.contains(manager.as_str()) && !existing.contains_key(manager) {
                problems.add(
                    *place,
                    manager_header,
                    format!(
                        "unknown manager {manager}: no one with that employee id is in the \
                         file or the workspace"
                    ),
                );
            }
        }
    }
    for cycle in cycles(&rows, existing) {
        let first = cycle[0];
        let chain: Vec<&str> = cycle
            .iter()
            .map(|&i| rows[i].person.id.as_str())
            .chain(std::iter::once(rows[first].person.id.as_str()))
            .collect();
        let message = if cycle.len() == 1 {
            format!("{} is their own manager", chain[0])
        } else {
            let lines: Vec<String> = cycle.iter().map(|&i| rows[i].line.to_string()).collect();
            format!(
                "manager cycle: {} (lines {}); someone in it must report outside it",
                chain.join(" reports to "),
                lines.join(", ")
            )
        };
        problems.add(manager_places[first], manager_header, message);
    }
    Ok(rows)
}

/// An optional date column: empty is none; a date `refuse` objects to, or text that is not
/// a date, is a problem of its cell.
fn date(
    row: &Row,
    problems: &mut Problems,
    key: &str,
    refuse: impl Fn(NaiveDate) -> Option<String>,
) -> Option<NaiveDate> {
    let text = row.text(key);
    if text.is_empty() {
        return None;
    }
    match values::date(text, row.table.numeric_dates()) {
        Ok(date) => match refuse(date) {
            Some(message) => {
                row.problem(problems, key, message);
                None
            }
            None => Some(date),
        },
        Err(message) => {
            row.problem(problems, key, message);
            None
        }
    }
}

fn limit(row: &Row, problems: &mut Problems, key: &str, text: &str) {
    if text.chars().count() > TEXT_MAX {
        row.problem(
            problems,
            key,
            format!("keep it under {TEXT_MAX} characters"),
        );
    }
}

fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.chars().any(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

/// Reporting lines that loop, each once, as indexes of file rows starting with the earliest
/// row in the file. The file's rows replace the workspace's people with the same id, so a
/// file can also close a loop through someone already in the workspace.
fn cycles(rows: &[PersonRow], existing: &HashMap<String, Person>) -> Vec<Vec<usize>> {
    let row_of: HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.person.id.as_str(), i))
        .collect();
    let manager_of = |id: &str| -> Option<String> {
        match row_of.get(id) {
            Some(&i) => rows[i].person.manager_id.clone(),
            None => existing.get(id).and_then(|p| p.manager_id.clone()),
        }
    };
    let mut settled: HashSet<String> = HashSet::new();
    let mut found = Vec::new();
    for start in rows {
        if settled.contains(&start.person.id) {
            continue;
        }
        let mut path: Vec<String> = Vec::new();
        let mut on_path: HashMap<String, usize> = HashMap::new();
        let mut current = Some(start.person.id.clone());
        while let Some(id) = current {
            if settled.contains(&id) {
                break;
            }
            if let Some(&at) = on_path.get(&id) {
                let members: Vec<usize> = path[at..]
                    .iter()
                    .filter_map(|m| row_of.get(m.as_str()).copied())
                    .collect();
                if !members.is_empty() {
                    let earliest = members
                        .iter()
                        .position(|m| m == members.iter().min().unwrap_or(m))
                        .unwrap_or(0);
                    let mut ordered = members.clone();
                    ordered.rotate_left(earliest);
                    found.push(ordered);
                }
                break;
            }
            on_path.insert(id.clone(), path.len());
            path.push(id.clone());
            current = manager_of(&id);
        }
        settled.extend(path);
    }
    found.sort_by_key(|cycle| cycle[0]);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_checked_loosely() {
        assert!(looks_like_email("ada@x.example"));
        assert!(!looks_like_email("ada"));
        assert!(!looks_like_email("ada@x"));
        assert!(!looks_like_email("a da@x.example"));
        assert!(!looks_like_email("@x.example"));
    }
}
