//! Competency ratings at a level of the framework's scale, and what each role requires.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::skills::{Rater, Rating, RatingInput, RoleRequirement, RoleRequirementInput};
use crate::store::skills::{frameworks, ratings};
use crate::store::{people, Store};
use crate::workflows::pilots::Problems;

use super::record_change;
use crate::workflows::timestamp_now;

/// The competency and level a form names, checked against the competency's own scale.
fn competency_and_level(
    store: &Store,
    problems: &mut Problems,
    competency_id: Option<i64>,
    level: &str,
    level_field: &str,
) -> Result<Option<(i64, u32, String)>> {
    let choices = frameworks::choices(store.conn())?;
    let Some(choice) = competency_id.and_then(|id| choices.into_iter().find(|c| c.id == id)) else {
        problems.add("competencyId", "choose a competency from a framework");
        return Ok(None);
    };
    let top = choice.levels.iter().map(|l| l.level).max().unwrap_or(0);
    match level.trim().parse::<u32>() {
        Ok(n) if (1..=top).contains(&n) => Ok(Some((choice.id, n, choice.label))),
        _ => {
            let scale: Vec<String> = choice
                .levels
                .iter()
                .map(|l| format!("{} {}", l.level, l.label))
                .collect();
            problems.add(
                level_field,
                format!(
                    "choose a level of \"{}\": {}",
                    choice.label,
                    scale.join(", ")
                ),
            );
            Ok(None)
        }
    }
}

pub fn rate(store: &mut Store, input: &RatingInput, today: NaiveDate) -> Result<Rating> {
    let mut problems = Problems::default();
    let person = people::get(store.conn(), input.person_id.trim())?;
    if person.is_none() {
        problems.add(
            "personId",
            format!("there is no one with the id \"{}\"", input.person_id.trim()),
        );
    }
    let chosen = competency_and_level(
        store,
        &mut problems,
        input.competency_id,
        &input.level,
        "level",
    )?;
    let rater = Rater::parse(&input.rater);
    if rater.is_none() {
        problems.add("rater", "say who rated: self, manager or assessor");
    }
    let rated_on = problems.date("ratedOn", &input.rated_on, "give the day of the rating");
    if rated_on.is_some_and(|d| d > today) {
        problems.add("ratedOn", "the rating's date is in the future");
    }
    problems.limit("evidence", &input.evidence, 2000);
    let (Some(person), Some((competency_id, level, label)), Some(rater), Some(rated_on)) =
        (person, chosen, rater, rated_on)
    else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let now = timestamp_now();
    let tx = store.write()?;
    let actor = crate::store::settings::load(&tx)?.current_user;
    let id = ratings::insert(
        &tx,
        &ratings::RatingRecord {
            person_id: &person.id,
            competency_id,
            level,
            rater,
            rated_by: &actor,
            rated_on,
            evidence: input.evidence.trim(),
        },
        &now,
    )?;
    record_change(
        &tx,
        "rating",
        &id.to_string(),
        "created",
        &format!(
            "Rated {} at level {level} on \"{label}\" ({})",
            person.name,
            rater.as_str()
        ),
    )?;
    tx.commit()?;
    ratings::load(store.conn(), Some(&person.id))?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| Error::NotFound {
            entity: "rating",
            id: id.to_string(),
        })
}

pub fn set_requirement(
    store: &mut Store,
    input: &RoleRequirementInput,
) -> Result<Vec<RoleRequirement>> {
    let mut problems = Problems::default();
    let role = problems.required("role", &input.role, 120, "name the role");
    let known_roles: Vec<String> = {
        let mut roles: Vec<String> = people::list(store.conn())?
            .into_iter()
            .map(|p| p.role)
            .collect();
        roles.sort();
        roles.dedup();
        roles
    };
    let role = known_roles
        .iter()
        .find(|r| r.eq_ignore_ascii_case(&role))
        .cloned()
        .unwrap_or(role);
    let chosen = competency_and_level(
        store,
        &mut problems,
        input.competency_id,
        &input.level,
        "level",
    )?;
    let Some((competency_id, level, label)) = chosen else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let tx = store.write()?;
    ratings::set_requirement(&tx, &role, competency_id, level)?;
    record_change(
        &tx,
        "role",
        &role,
        "requirement",
        &format!("The {role} role requires \"{label}\" at level {level}"),
    )?;
    tx.commit()?;
    ratings::requirements(store.conn())
}

pub fn remove_requirement(
    store: &mut Store,
    role: &str,
    competency_id: i64,
) -> Result<Vec<RoleRequirement>> {
    let tx = store.write()?;
    if ratings::remove_requirement(&tx, role, competency_id)? == 0 {
        return Err(Error::NotFound {
            entity: "requirement",
            id: format!("{role} / {competency_id}"),
        });
    }
    record_change(
        &tx,
        "role",
        role,
        "requirement",
        &format!("Removed a requirement of the {role} role"),
    )?;
    tx.commit()?;
    ratings::requirements(store.conn())
}

pub fn requirements(store: &Store) -> Result<Vec<RoleRequirement>> {
    ratings::requirements(store.conn())
}
