//! Assigning modules to a person or a whole team, and recording how far they have got.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::skills::{AssignInput, Assignment, AssignmentBoard, BoardPerson, ProgressInput};
use crate::store::skills::assignments::{self, NewAssignment, ProgressRecord, Scope};
use crate::store::skills::catalog;
use crate::store::{people, pilots, Store};
use crate::workflows::pilots::Problems;

use super::report::warnings_for;
use super::{record_change, timestamp_now};

/// Assigns a module to one person or to everyone in a team (those who have not left).
/// Returns the assignments made or renewed.
pub fn assign(store: &mut Store, input: &AssignInput, today: NaiveDate) -> Result<Vec<Assignment>> {
    let conn = store.conn();
    let module = catalog::module(conn, input.module_id)?;
    let mut problems = Problems::default();
    let person = input
        .person_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let team = input
        .team
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let everyone = people::list(conn)?;
    let current = |p: &&crate::model::Person| p.leaving_date.is_none_or(|d| d >= today);
    let chosen: Vec<String> = match (person, team) {
        (Some(_), Some(_)) => {
            problems.add("personId", "assign to one person or to a team, not both");
            Vec::new()
        }
        (None, None) => {
            problems.add("personId", "choose a person or a team");
            Vec::new()
        }
        (Some(id), None) => match everyone.iter().find(|p| p.id == id) {
            Some(p) => vec![p.id.clone()],
            None => {
                problems.add("personId", format!("there is no one with the id \"{id}\""));
                Vec::new()
            }
        },
        (None, Some(name)) => {
            let members: Vec<String> = everyone
                .iter()
                .filter(|p| p.team.eq_ignore_ascii_case(name))
                .filter(current)
                .map(|p| p.id.clone())
                .collect();
            if members.is_empty() {
                problems.add("team", format!("no one is in a team called \"{name}\""));
            }
            members
        }
    };
    let due = problems.date("dueOn", &input.due_on, "choose a due date");
    if let Some(due) = due {
        if due < today {
            problems.add("dueOn", "the due date has passed; choose today or later");
        }
    }
    if let Some(pilot) = input.pilot_id {
        if pilots::get(conn, pilot).is_err() {
            problems.add("pilotId", format!("there is no pilot {pilot}"));
        }
    }
    let Some(due) = due else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let now = timestamp_now();
    let tx = store.write()?;
    let actor = crate::store::settings::load(&tx)?.current_user;
    let mut new = 0;
    for id in &chosen {
        let made = assignments::upsert(
            &tx,
            &NewAssignment {
                module_id: module.id,
                person_id: id,
                pilot_id: input.pilot_id,
                by: &actor,
                on: today,
                due,
            },
            &now,
        )?;
        if made {
            new += 1;
        }
    }
    let whom = match team {
        Some(team) => format!("the {team} team ({} people)", chosen.len()),
        None => chosen.first().cloned().unwrap_or_default(),
    };
    record_change(
        &tx,
        "module",
        &module.id.to_string(),
        "assigned",
        &format!(
            "Assigned \"{}\" to {whom}, due {due}{}",
            module.title,
            if new < chosen.len() {
                format!("; {} already had it", chosen.len() - new)
            } else {
                String::new()
            }
        ),
    )?;
    tx.commit()?;
    let all = assignments::load(store.conn(), Scope::All, today)?;
    Ok(all
        .into_iter()
        .filter(|a| a.module_id == module.id && chosen.contains(&a.person_id))
        .collect())
}

/// Progress typed by hand. Completion needs a date; a completed module is 100%.
pub fn record_progress(
    store: &mut Store,
    input: &ProgressInput,
    today: NaiveDate,
) -> Result<Assignment> {
    let Some(assignment) =
        assignments::load(store.conn(), Scope::One(input.assignment_id), today)?.pop()
    else {
        return Err(Error::NotFound {
            entity: "assignment",
            id: input.assignment_id.to_string(),
        });
    };
    let mut problems = Problems::default();
    let completed_on = if input.completed_on.trim().is_empty() {
        None
    } else {
        problems.date("completedOn", &input.completed_on, "")
    };
    if let Some(day) = completed_on {
        if day > today {
            problems.add("completedOn", "the completion date is in the future");
        } else if day.to_string() < assignment.assigned_on {
            problems.add(
                "completedOn",
                format!(
                    "the module was assigned on {}; completion cannot come before it",
                    assignment.assigned_on
                ),
            );
        }
    }
    let progress = if completed_on.is_some() {
        Some(100)
    } else {
        match input.progress.trim().trim_end_matches('%').parse::<u32>() {
            Ok(p) if p <= 100 => Some(p),
            _ => {
                problems.add(
                    "progress",
                    "give the progress as a percentage from 0 to 100",
                );
                None
            }
        }
    };
    let score = if input.score.trim().is_empty() {
        None
    } else {
        match input.score.trim().replace(',', ".").parse::<f64>() {
            Ok(s) if s.is_finite() => Some(s),
            _ => {
                problems.add("score", "give the score as a number, or leave it empty");
                None
            }
        }
    };
    let Some(progress) = progress else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let now = timestamp_now();
    let tx = store.write()?;
    assignments::record_progress(
        &tx,
        assignment.id,
        &ProgressRecord {
            progress,
            completed_on,
            passed: input.passed,
            score,
            source: "hand",
        },
        &now,
    )?;
    record_change(
        &tx,
        "assignment",
        &assignment.id.to_string(),
        "progress",
        &match completed_on {
            Some(day) => format!(
                "{} completed \"{}\" on {day}",
                assignment.person_name, assignment.module_title
            ),
            None => format!(
                "{} is {progress}% through \"{}\"",
                assignment.person_name, assignment.module_title
            ),
        },
    )?;
    tx.commit()?;
    assignments::load(store.conn(), Scope::One(assignment.id), today)?
        .pop()
        .ok_or_else(|| Error::NotFound {
            entity: "assignment",
            id: assignment.id.to_string(),
        })
}

pub fn list_assignments(
    store: &Store,
    person: Option<&str>,
    today: NaiveDate,
) -> Result<Vec<Assignment>> {
    assignments::load(
        store.conn(),
        person.map_or(Scope::All, Scope::Person),
        today,
    )
}

/// A manager's direct reports and what each is assigned, with the signs of a fragmented path.
pub fn board(store: &Store, manager_id: &str, today: NaiveDate) -> Result<AssignmentBoard> {
    let conn = store.conn();
    let (manager, reports) = people::managers_with_reports(conn)?
        .into_iter()
        .find(|(m, _)| m.id == manager_id)
        .ok_or_else(|| Error::NotFound {
            entity: "manager",
            id: manager_id.to_string(),
        })?;
    let mut assigned = assignments::load(conn, Scope::ReportsOf(manager_id), today)?;
    let warnings = warnings_for(conn, None, &assigned)?;
    let people = reports
        .into_iter()
        .filter(|p| p.leaving_date.is_none_or(|d| d >= today))
        .map(|p| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                assigned.drain(..).partition(|a| a.person_id == p.id);
            assigned = rest;
            BoardPerson {
                id: p.id,
                name: p.name,
                role: p.role,
                assignments: mine,
            }
        })
        .collect();
    Ok(AssignmentBoard {
        manager_id: manager.id,
        manager_name: manager.name,
        team: manager.team,
        people,
        warnings,
    })
}
