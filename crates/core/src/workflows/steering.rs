//! The steering group: its members, their functions and the quorum rule. Each change is
//! recorded in the decision log, since it changes who decides.

use rusqlite::Transaction;
use serde_json::json;

use crate::error::{Error, Result};
use crate::model::{
    MemberFunction, QuorumRule, QuorumRuleInput, SteeringMember, Threshold, VoteBasis,
};
use crate::store::changes::{self, NewChange};
use crate::store::{people, steering, Store};

use super::audit::{self, Actor};
use super::pilots::Problems;
use super::timestamp_now;

pub fn members(store: &Store) -> Result<Vec<SteeringMember>> {
    steering::members(store.conn())
}

pub fn rule(store: &Store) -> Result<QuorumRule> {
    steering::rule(store.conn())
}

fn parse_function(text: &str) -> Result<MemberFunction> {
    MemberFunction::parse(text).ok_or_else(|| {
        Error::invalid_field(
            "function",
            format!(
                "\"{}\" is not a function; choose hr, analytics, finance, frontline or other",
                text.trim()
            ),
        )
    })
}

pub(crate) fn add_member_in(
    tx: &Transaction,
    actor: &Actor,
    person_id: &str,
    function: MemberFunction,
) -> Result<SteeringMember> {
    let person = people::get(tx, person_id)?.ok_or_else(|| {
        Error::invalid_field(
            "personId",
            format!("there is no one with the id \"{person_id}\" in People"),
        )
    })?;
    let now = timestamp_now();
    let before = steering::member(tx, &person.id)?;
    if before.as_ref().is_some_and(|m| m.function == function) {
        return Err(Error::Conflict(format!(
            "{} is already a member of the steering group for {}",
            person.name,
            function.label()
        )));
    }
    steering::add(tx, &person.id, function, &now)?;
    let summary = match &before {
        Some(old) => format!(
            "{} now represents {} on the steering group (was {})",
            person.name,
            function.label(),
            old.function.label()
        ),
        None => format!(
            "{} joined the steering group for {}",
            person.name,
            function.label()
        ),
    };
    audit::record(
        tx,
        actor,
        "member_added",
        None,
        &summary,
        json!({"personId": person.id, "name": person.name, "function": function.as_str()}),
    )?;
    changes::append(
        tx,
        &now,
        &NewChange {
            actor: &actor.name,
            entity: "steering_group",
            entity_id: &person.id,
            action: "member_added",
            summary: &summary,
        },
    )?;
    steering::member(tx, &person.id)?.ok_or_else(|| Error::NotFound {
        entity: "steering member",
        id: person.id.clone(),
    })
}

/// Adds a person to the steering group for a function, or changes their function.
pub fn add_member(store: &mut Store, person_id: &str, function: &str) -> Result<SteeringMember> {
    let function = parse_function(function)?;
    let actor = audit::actor(store.conn())?;
    let tx = store.write()?;
    let member = add_member_in(&tx, &actor, person_id.trim(), function)?;
    tx.commit()?;
    Ok(member)
}

/// Takes a person off the steering group. Their past votes stay on record; on items not
/// yet decided they no longer count.
pub fn remove_member(store: &mut Store, person_id: &str) -> Result<()> {
    let person_id = person_id.trim();
    let actor = audit::actor(store.conn())?;
    let tx = store.write()?;
    let member = steering::member(&tx, person_id)?.ok_or_else(|| {
        Error::Conflict(format!("{person_id} is not a member of the steering group"))
    })?;
    let now = timestamp_now();
    steering::remove(&tx, person_id, &now)?;
    let summary = format!(
        "{} left the steering group ({})",
        member.name,
        member.function.label()
    );
    audit::record(
        &tx,
        &actor,
        "member_removed",
        None,
        &summary,
        json!({"personId": member.person_id, "name": member.name, "function": member.function.as_str()}),
    )?;
    changes::append(
        &tx,
        &now,
        &NewChange {
            actor: &actor.name,
            entity: "steering_group",
            entity_id: person_id,
            action: "member_removed",
            summary: &summary,
        },
    )?;
    tx.commit()?;
    Ok(())
}

/// Changes the quorum rule. It applies to items not yet decided.
pub fn set_rule(store: &mut Store, input: &QuorumRuleInput) -> Result<QuorumRule> {
    let mut problems = Problems::default();
    let mut functions = Vec::new();
    for text in &input.required_functions {
        match MemberFunction::parse(text) {
            Some(f) if !functions.contains(&f) => functions.push(f),
            Some(_) => problems.add(
                "requiredFunctions",
                format!("{} is listed twice", text.trim()),
            ),
            None => problems.add(
                "requiredFunctions",
                format!(
                    "\"{}\" is not a function; choose hr, analytics, finance, frontline or other",
                    text.trim()
                ),
            ),
        }
    }
    functions.sort();
    let threshold = Threshold::parse(&input.threshold);
    if threshold.is_none() {
        problems.add("threshold", "choose majority, two_thirds or unanimous");
    }
    let basis = VoteBasis::parse(&input.basis);
    if basis.is_none() {
        problems.add("basis", "choose eligible_members or votes_cast");
    }
    let (Some(threshold), Some(basis)) = (threshold, basis) else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let rule = QuorumRule::new(functions, threshold, basis);
    let actor = audit::actor(store.conn())?;
    let tx = store.write()?;
    let before = steering::rule(&tx)?;
    if before == rule {
        return Err(Error::Conflict(
            "the quorum rule is already exactly this".into(),
        ));
    }
    steering::set_rule(&tx, &rule)?;
    let summary = format!("Changed the quorum rule: {}", rule.description);
    audit::record(
        &tx,
        &actor,
        "quorum_changed",
        None,
        &summary,
        json!({"before": before.description, "after": rule.description}),
    )?;
    changes::append(
        &tx,
        &timestamp_now(),
        &NewChange {
            actor: &actor.name,
            entity: "steering_group",
            entity_id: "quorum_rule",
            action: "quorum_changed",
            summary: &summary,
        },
    )?;
    tx.commit()?;
    Ok(rule)
}
