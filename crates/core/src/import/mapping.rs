//! Which column holds which field: detected from the header names, or chosen by a person.

use super::problems::{Place, Problems};
use crate::error::{Error, ErrorDetail, Result};
use crate::model::{FieldMapping, FieldSpec, ImportKind};

/// A field an import fills, with the header names it is known by (most specific first).
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub required: bool,
    pub hint: &'static str,
    pub aliases: &'static [&'static str],
}

const fn field(
    key: &'static str,
    label: &'static str,
    required: bool,
    hint: &'static str,
    aliases: &'static [&'static str],
) -> Field {
    Field {
        key,
        label,
        required,
        hint,
        aliases,
    }
}

pub const PEOPLE: &[Field] = &[
    field(
        "employeeId",
        "Employee ID",
        true,
        "The id from the HR system, e.g. E1042",
        &[
            "employee id",
            "emp id",
            "employee number",
            "employee no",
            "person id",
            "worker id",
            "staff id",
            "id",
        ],
    ),
    field(
        "name",
        "Name",
        true,
        "Full name",
        &["name", "full name", "employee name", "display name"],
    ),
    field(
        "email",
        "Email",
        false,
        "Work email address",
        &["email", "e-mail", "email address", "work email", "mail"],
    ),
    field(
        "team",
        "Team",
        true,
        "Team or department",
        &[
            "team",
            "department",
            "dept",
            "org unit",
            "organisation unit",
            "organization unit",
            "unit",
            "group",
        ],
    ),
    field(
        "role",
        "Role",
        false,
        "Job title",
        &["role", "job title", "title", "position", "job"],
    ),
    field(
        "managerId",
        "Manager ID",
        false,
        "The manager's employee id; empty at the top",
        &[
            "manager id",
            "manager employee id",
            "supervisor id",
            "line manager id",
            "reports to",
            "manager",
            "supervisor",
            "line manager",
        ],
    ),
    field(
        "hireDate",
        "Hire date",
        false,
        "YYYY-MM-DD or an Excel date",
        &[
            "hire date",
            "date hired",
            "hired",
            "start date",
            "joined",
            "joining date",
            "date of joining",
        ],
    ),
    field(
        "leavingDate",
        "Leaving date",
        false,
        "The last day with the organisation, when they have left; YYYY-MM-DD or an Excel date",
        &[
            "leaving date",
            "leave date",
            "date left",
            "termination date",
            "terminated",
            "exit date",
            "separation date",
            "last day",
            "last working day",
            "end date",
            "left",
        ],
    ),
];

pub const EVENTS: &[Field] = &[
    field(
        "eventId",
        "Event ID",
        false,
        "Your system's id for the event; without one, a row's content identifies it",
        &[
            "event id",
            "statement id",
            "external id",
            "uid",
            "uuid",
            "id",
        ],
    ),
    field(
        "managerId",
        "Manager",
        true,
        "The coaching manager's employee id (or email)",
        &[
            "manager id",
            "manager employee id",
            "coach id",
            "manager",
            "coach",
        ],
    ),
    field(
        "coacheeId",
        "Coachee",
        false,
        "The coachee's employee id (or email)",
        &[
            "coachee id",
            "coachee employee id",
            "coachee",
            "report id",
            "employee id",
            "person id",
            "report",
        ],
    ),
    field(
        "date",
        "Date",
        true,
        "YYYY-MM-DD, with the time if there is no time column",
        &[
            "date",
            "date and time",
            "datetime",
            "date time",
            "occurred at",
            "occurred",
            "timestamp",
            "when",
            "start",
        ],
    ),
    field(
        "time",
        "Time",
        false,
        "HH:MM",
        &["time", "start time", "time of day"],
    ),
    field(
        "minutes",
        "Minutes",
        true,
        "Duration in whole minutes, e.g. 10",
        &[
            "minutes",
            "duration minutes",
            "duration min",
            "duration",
            "mins",
            "length",
        ],
    ),
    field(
        "kind",
        "Type",
        true,
        "micro-coaching, AI-assisted agenda, async feedback, portfolio review or live check-in",
        &["type", "kind", "event type", "coaching type", "activity"],
    ),
    field(
        "pilot",
        "Pilot",
        false,
        "The pilot's id or name",
        &["pilot id", "pilot", "pilot name"],
    ),
    field(
        "task",
        "Task",
        false,
        "The task's id, or its behaviour as written in the playbook",
        &[
            "task id",
            "playbook task id",
            "task",
            "playbook task",
            "task name",
            "behaviour",
            "behavior",
        ],
    ),
    field(
        "notes",
        "Notes",
        false,
        "Free text",
        &["notes", "note", "comments", "comment", "description"],
    ),
];

pub const OBSERVATIONS: &[Field] = &[
    field(
        "kpi",
        "KPI",
        true,
        "The KPI's id or name",
        &[
            "kpi id",
            "kpi",
            "kpi name",
            "metric",
            "measure",
            "indicator",
        ],
    ),
    field(
        "pilot",
        "Pilot",
        false,
        "The pilot's id or name, when KPI names repeat across pilots",
        &["pilot id", "pilot", "pilot name"],
    ),
    field(
        "personId",
        "Person",
        false,
        "The employee id of the person observed",
        &["employee id", "person id", "employee", "person"],
    ),
    field(
        "team",
        "Team",
        false,
        "The team observed, when the value is a team's",
        &["team", "team name"],
    ),
    field(
        "date",
        "Date",
        true,
        "YYYY-MM-DD or an Excel date",
        &[
            "date",
            "observed on",
            "observation date",
            "observed",
            "day",
            "week",
            "period",
        ],
    ),
    field(
        "value",
        "Value",
        true,
        "A number in the KPI's unit",
        &["value", "kpi value", "measurement", "score", "result"],
    ),
];

pub const MODULE_PROGRESS: &[Field] = &[
    field(
        "personId",
        "Employee ID",
        true,
        "The learner's employee id (or email)",
        &[
            "employee id",
            "emp id",
            "employee number",
            "employee no",
            "person id",
            "learner id",
            "user id",
            "staff id",
            "employee",
            "person",
            "learner",
            "email",
            "e-mail",
        ],
    ),
    field(
        "module",
        "Module",
        true,
        "The module's title as in the catalog, or its id",
        &[
            "module id",
            "module",
            "module title",
            "module name",
            "course id",
            "course",
            "course title",
            "course name",
        ],
    ),
    field(
        "progress",
        "Progress",
        false,
        "Percent done, 0 to 100 (e.g. 80 or 80%); may be empty when the module is completed",
        &[
            "progress",
            "progress percent",
            "percent complete",
            "percentage complete",
            "completion percent",
            "completion percentage",
            "complete",
            "percent",
        ],
    ),
    field(
        "completedOn",
        "Completed on",
        false,
        "The day it was completed, YYYY-MM-DD or an Excel date; the module is then 100% done",
        &[
            "completed on",
            "completion date",
            "completed date",
            "date completed",
            "completed at",
            "finished on",
            "date finished",
        ],
    ),
    field(
        "passed",
        "Passed",
        false,
        "yes or no (true/false, pass/fail)",
        &["passed", "pass", "pass fail", "passed failed", "outcome"],
    ),
    field(
        "score",
        "Score",
        false,
        "A number, e.g. a percentage score",
        &[
            "score",
            "final score",
            "assessment score",
            "test score",
            "grade",
            "mark",
            "result",
        ],
    ),
];

pub fn fields(kind: ImportKind) -> &'static [Field] {
    match kind {
        ImportKind::People => PEOPLE,
        ImportKind::Events => EVENTS,
        ImportKind::Observations => OBSERVATIONS,
        ImportKind::ModuleProgress => MODULE_PROGRESS,
        ImportKind::Xapi => &[],
    }
}

/// "Employee ID", "employee_id" and "EmployeeId" all read as "employeeid".
pub fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The column of each field, found by its header name.
pub fn detect(fields: &[Field], headers: &[String]) -> Vec<Option<usize>> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut taken = vec![false; headers.len()];
    let mut columns = vec![None; fields.len()];
    // Exact names first for every field, so "Manager ID" is not lost to a looser alias of
    // an earlier field.
    for (position, field) in fields.iter().enumerate() {
        for alias in field.aliases {
            let alias = normalise(alias);
            if let Some(index) = (0..headers.len()).find(|&i| !taken[i] && normalised[i] == alias) {
                columns[position] = Some(index);
                taken[index] = true;
                break;
            }
        }
    }
    columns
}

/// The columns to read: the person's choice where given, the detected column otherwise.
#[derive(Debug, Clone)]
pub struct Mapping {
    keys: Vec<&'static str>,
    columns: Vec<Option<usize>>,
}

impl Mapping {
    pub fn column(&self, key: &str) -> Option<usize> {
        self.keys
            .iter()
            .position(|k| *k == key)
            .and_then(|i| self.columns[i])
    }
}

/// Applies a chosen mapping over the detected one. A mapping that names an unknown field,
/// a column the file does not have or one column for two fields is refused outright; a
/// required field with no column is a problem of the file, listed with the others.
pub fn resolve(
    kind: ImportKind,
    headers: &[String],
    header_line: u32,
    chosen: &[FieldMapping],
    problems: &mut Problems,
) -> Result<Mapping> {
    let fields = fields(kind);
    let mut columns = detect(fields, headers);
    let mut refused = Vec::new();
    for choice in chosen {
        let Some(position) = fields.iter().position(|f| f.key == choice.field) else {
            refused.push(ErrorDetail::field(
                "mapping",
                format!(
                    "there is no field \"{}\" in a {} import",
                    choice.field,
                    kind.as_str()
                ),
            ));
            continue;
        };
        match choice.column {
            Some(column) if column as usize >= headers.len() => {
                refused.push(ErrorDetail::field(
                    "mapping",
                    format!(
                        "{} is mapped to column {}, but the file has {} columns",
                        fields[position].label,
                        column + 1,
                        headers.len()
                    ),
                ));
            }
            column => columns[position] = column.map(|c| c as usize),
        }
    }
    for (position, column) in columns.iter().enumerate() {
        if let Some(column) = column {
            if let Some(earlier) = columns[..position].iter().position(|c| c == &Some(*column)) {
                refused.push(ErrorDetail::field(
                    "mapping",
                    format!(
                        "column \"{}\" is mapped to both {} and {}; choose one",
                        headers[*column], fields[earlier].label, fields[position].label
                    ),
                ));
            }
        }
    }
    if !refused.is_empty() {
        return Err(Error::invalid(refused));
    }
    for (field, column) in fields.iter().zip(&columns) {
        if field.required && column.is_none() {
            problems.add(
                Place {
                    line: header_line,
                    column: None,
                },
                Some(field.key),
                format!(
                    "no column holds the {}; name a column \"{}\" or choose one in the mapping",
                    field.label.to_lowercase(),
                    field.label
                ),
            );
        }
    }
    Ok(Mapping {
        keys: fields.iter().map(|f| f.key).collect(),
        columns,
    })
}

/// The fields with their detected columns, for the mapping step.
pub fn specs(kind: ImportKind, headers: &[String]) -> Vec<FieldSpec> {
    let fields = fields(kind);
    fields
        .iter()
        .zip(detect(fields, headers))
        .map(|(field, column)| FieldSpec {
            key: field.key.into(),
            label: field.label.into(),
            required: field.required,
            hint: field.hint.into(),
            column: column.map(|c| c as u32),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_are_matched_by_name_whatever_their_spelling() {
        let found = detect(
            PEOPLE,
            &headers(&[
                "EMAIL",
                "Full Name",
                "employee_id",
                "Dept",
                "Job Title",
                "Reports To",
                "Date Hired",
            ]),
        );
        assert_eq!(
            found,
            vec![
                Some(2),
                Some(1),
                Some(0),
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                None
            ]
        );
        let leaving = detect(
            PEOPLE,
            &headers(&["Employee ID", "Start date", "Termination Date"]),
        );
        assert_eq!((leaving[6], leaving[7]), (Some(1), Some(2)));
    }

    #[test]
    fn a_specific_name_wins_over_a_loose_one() {
        let found = detect(
            EVENTS,
            &headers(&[
                "Manager",
                "Manager ID",
                "Coachee",
                "Date",
                "Minutes",
                "Type",
            ]),
        );
        assert_eq!(found[1], Some(1), "Manager ID, not the manager's name");
        assert_eq!(found[2], Some(2));
    }

    #[test]
    fn module_progress_columns_are_found_by_their_usual_names() {
        let found = detect(
            MODULE_PROGRESS,
            &headers(&[
                "Employee ID",
                "Person name",
                "Module ID",
                "Module",
                "Progress %",
                "Completed on",
                "Passed",
                "Score",
            ]),
        );
        assert_eq!(
            found,
            vec![Some(0), Some(2), Some(4), Some(5), Some(6), Some(7)],
            "the module's id wins over its title, as an export names both"
        );
        let lms = detect(
            MODULE_PROGRESS,
            &headers(&["Learner", "Course", "Percent complete", "Completion date"]),
        );
        assert_eq!(lms, vec![Some(0), Some(1), Some(2), Some(3), None, None]);
    }

    #[test]
    fn a_chosen_mapping_overrides_and_is_checked() {
        let headers = headers(&["Person", "Who", "Dept"]);
        let mut problems = Problems::new("x.csv", None);
        let mapping = resolve(
            ImportKind::People,
            &headers,
            1,
            &[
                FieldMapping {
                    field: "employeeId".into(),
                    column: Some(0),
                },
                FieldMapping {
                    field: "name".into(),
                    column: Some(1),
                },
            ],
            &mut problems,
        )
        .unwrap();
        assert_eq!(mapping.column("employeeId"), Some(0));
        assert_eq!(mapping.column("team"), Some(2));
        assert!(problems.is_empty());

        let twice = resolve(
            ImportKind::People,
            &headers,
            1,
            &[FieldMapping {
                field: "name".into(),
                column: Some(2),
            }],
            &mut Problems::new("x.csv", None),
        )
        .unwrap_err();
        assert!(twice.to_string().contains("mapped to both"), "{twice}");
        let unknown = resolve(
            ImportKind::People,
            &headers,
            1,
            &[FieldMapping {
                field: "shoeSize".into(),
                column: Some(9),
            }],
            &mut Problems::new("x.csv", None),
        )
        .unwrap_err();
        assert_eq!(unknown.code(), "invalid_input");
    }

    #[test]
    fn a_missing_required_column_is_a_problem_of_the_file() {
        let mut problems = Problems::new("x.csv", None);
        resolve(
            ImportKind::People,
            &headers(&["Name", "Team"]),
            3,
            &[],
            &mut problems,
        )
        .unwrap();
        assert_eq!(problems.count(), 1);
        let crate::Error::Invalid { details, .. } = problems.into_error() else {
            panic!()
        };
        assert_eq!(details[0].line, Some(3));
        assert!(
            details[0].message.contains("employee id"),
            "{}",
            details[0].message
        );
    }
}
