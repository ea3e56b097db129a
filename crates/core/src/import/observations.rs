//! KPI observations from a CSV or a workbook: which KPI, whose value (a person's or a
//! team's), which day, and the number.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::mapping::Mapping;
use super::problems::{Place, Problems};
use super::source::Table;
use super::{values, Row};
use crate::error::Result;
use crate::store::lookup::Lookup;
use crate::store::observations::ObservationRecord;

/// A person's or a team's value, never both: a person row stores the person.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Unit {
    Person(String),
    Team(String),
}

pub fn check(
    table: &Table,
    mapping: &Mapping,
    lookup: &Lookup,
    today: NaiveDate,
    problems: &mut Problems,
    mut accept: impl FnMut(ObservationRecord) -> Result<()>,
) -> Result<u32> {
    if mapping.column("personId").is_none() && mapping.column("team").is_none() {
        problems.add(
            Place {
                line: table.header_line,
                column: None,
            },
            Some("personId"),
            "no column holds the person or the team observed; name a column \"Employee ID\" \
             or \"Team\", or choose one in the mapping",
        );
    }
    let mut first_line_of: HashMap<(i64, Unit, NaiveDate), u32> = HashMap::new();
    let mut rows = 0u32;
    table.for_each(problems, |record, problems| {
        rows += 1;
        let row = Row {
            table,
            mapping,
            record,
        };
        let before = problems.count();
        let pilot_text = row.text("pilot");
        let mut pilot = None;
        if !pilot_text.is_empty() {
            match lookup.pilot(pilot_text) {
                Ok(id) => pilot = Some(id),
                Err(message) => row.problem(problems, "pilot", format!("unknown pilot: {message}")),
            }
        }
        let kpi_text = row.text("kpi");
        let mut kpi = None;
        if kpi_text.is_empty() {
            if row.has_column("kpi") {
                row.problem(problems, "kpi", "the KPI is missing");
            }
        } else if pilot.is_some() || pilot_text.is_empty() {
            match lookup.kpi(kpi_text, pilot) {
                Ok(id) => kpi = Some(id),
                Err(message) => row.problem(problems, "kpi", message),
            }
        }

        let person_text = row.text("personId");
        let team_text = row.text("team");
        let unit = if !person_text.is_empty() {
            match lookup.person(person_text) {
                Ok(id) => Some(Unit::Person(id)),
                Err(message) => {
                    row.problem(
                        problems,
                        "personId",
                        format!("unknown person {person_text}: {message}"),
                    );
                    None
                }
            }
        } else if !team_text.is_empty() {
            match lookup.teams.iter().find(|t| t.eq_ignore_ascii_case(team_text)) {
                Some(team) => Some(Unit::Team(team.clone())),
                None => {
                    row.problem(
                        problems,
                        "team",
                        format!("unknown team \"{team_text}\": no one in the workspace is in it"),
                    );
                    None
                }
            }
        } else {
            if row.has_column("personId") || row.has_column("team") {
                let key = if row.has_column("personId") {
                    "personId"
                } else {
                    "team"
                };
                row.problem(problems, key, "give the person or the team this value is for");
            }
            None
        };

        let date_text = row.text("date");
        let mut date = None;
        if date_text.is_empty() {
            if row.has_column("date") {
                row.problem(problems, "date", "the date is missing");
            }
        } else {
            match values::date(date_text, table.numeric_dates()) {
                Ok(day) if day > today => row.problem(
                    problems,
                    "date",
                    format!("the date {day} is in the future (today is {today})"),
                ),
                Ok(day) => date = Some(day),
                Err(message) => row.problem(problems, "date", message),
            }
        }
        let value_text = row.text("value");
        let mut value = None;
        if value_text.is_empty() {
            if row.has_column("value") {
                row.problem(problems, "value", "the value is missing");
            }
        } else {
            let unit = kpi.map_or("", |id| lookup.kpi_unit(id));
            match values::number(value_text, table.decimal_comma())
                .and_then(|n| values::within_unit(n, unit))
            {
                Ok(n) => value = Some(n),
                Err(message) => row.problem(problems, "value", message),
            }
        }

        if problems.count() > before {
            return Ok(());
        }
        let (Some(kpi_id), Some(unit), Some(observed_on), Some(value)) = (kpi, unit, date, value)
        else {
            return Ok(());
        };
        let key = (kpi_id, unit.clone(), observed_on);
        if let Some(first) = first_line_of.get(&key) {
            row.problem(
                problems,
                "date",
                format!(
                    "this KPI already has a value for the same {} on {observed_on}, on line {first}",
                    match unit {
                        Unit::Person(_) => "person",
                        Unit::Team(_) => "team",
                    }
                ),
            );
            return Ok(());
        }
        first_line_of.insert(key, row.line());
        if problems.is_empty() {
            let (person_id, team) = match unit {
                Unit::Person(id) => (Some(id), None),
                Unit::Team(team) => (None, Some(team)),
            };
            accept(ObservationRecord {
                kpi_id,
                person_id,
                team,
                observed_on,
                value,
            })?;
        }
        Ok(())
    })?;
    Ok(rows)
}
