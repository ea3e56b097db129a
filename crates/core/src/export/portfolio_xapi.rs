//! Micro-feedback and portfolio review scores as xAPI 1.0.3 statements, with the competency
//! as the activity: its id is the competency's CASE URI, so a learning record store that
//! knows the framework files the statement under the same competency.
//!
//! Who is the actor follows what the verb says the actor did:
//! - Feedback: the author `commented` on the competency (ADL verb); the result's response
//!   is the note. The person who received it is in `context.extensions` under
//!   `https://pilotdesk.app/xapi/extensions/recipient`, as an Agent.
//! - A review score: the person reviewed `scored` (ADL verb: "a numerical value related to
//!   an Activity was achieved") on the competency, with `result.score` raw = the level,
//!   min = 1, max = the top of the competency's scale, scaled = raw / max, and the
//!   reviewer's comment as the response. The reviewer is `context.instructor`, where xAPI
//!   puts whoever assessed the actor, so the learner is the actor of every score, as
//!   learning record stores expect of results.
//!
//! People are Agents with one identifier, an account on Pilotdesk's people home page whose
//! name is the employee id. Authors and reviewers are recorded by the name they act under;
//! when exactly one person in People has that name they get the same account, otherwise an
//! account on `https://pilotdesk.app/users` named by that name.
//!
//! Statement ids are UUID v5 of the record's id in Pilotdesk's namespace, so exporting again
//! gives every statement the id it had, and a store that already holds it keeps one copy.

use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::import::events::namespace;
use crate::model::portfolio::{Feedback, PortfolioReview, ReviewScore};
use crate::model::Person;

use super::xapi::{PEOPLE_HOME_PAGE, XAPI_VERSION};

pub const COMMENTED: &str = "http://adlnet.gov/expapi/verbs/commented";
pub const SCORED: &str = "http://adlnet.gov/expapi/verbs/scored";
pub const RECIPIENT: &str = "https://pilotdesk.app/xapi/extensions/recipient";
pub const USERS_HOME_PAGE: &str = "https://pilotdesk.app/users";
const COMPETENCY_TYPE: &str = "https://pilotdesk.app/xapi/activity-types/competency";

/// A competency as an xAPI activity: its CASE URI, code and name, and its scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetencyActivity {
    pub uri: String,
    /// "CE.2 Structured troubleshooting".
    pub name: String,
    pub statement: String,
    pub top_level: u32,
}

/// Everything the statements name, loaded beforehand.
pub struct Names<'a> {
    pub people: &'a HashMap<String, Person>,
    pub competencies: &'a HashMap<i64, CompetencyActivity>,
}

pub fn feedback_id(feedback_id: i64) -> String {
    Uuid::new_v5(&namespace(), format!("feedback/{feedback_id}").as_bytes())
        .hyphenated()
        .to_string()
}

pub fn score_id(review_id: i64, competency_id: i64) -> String {
    Uuid::new_v5(
        &namespace(),
        format!("review/{review_id}/competency/{competency_id}").as_bytes(),
    )
    .hyphenated()
    .to_string()
}

fn person_agent(person: &Person) -> Value {
    json!({
        "objectType": "Agent",
        "name": person.name,
        "account": { "homePage": PEOPLE_HOME_PAGE, "name": person.id }
    })
}

/// An author or reviewer, known by the name they acted under.
fn named_agent(names: &Names, name: &str) -> Value {
    let mut matches = names.people.values().filter(|p| p.name == name);
    match (matches.next(), matches.next()) {
        (Some(person), None) => person_agent(person),
        _ => json!({
            "objectType": "Agent",
            "name": name,
            "account": { "homePage": USERS_HOME_PAGE, "name": name }
        }),
    }
}

fn recipient(names: &Names, person_id: &str) -> Value {
    match names.people.get(person_id) {
        Some(person) => person_agent(person),
        None => json!({
            "objectType": "Agent",
            "account": { "homePage": PEOPLE_HOME_PAGE, "name": person_id }
        }),
    }
}

fn activity(names: &Names, competency_id: i64, label: &str) -> Value {
    match names.competencies.get(&competency_id) {
        Some(c) => json!({
            "objectType": "Activity",
            "id": c.uri,
            "definition": {
                "name": { "en-US": c.name },
                "description": { "en-US": c.statement },
                "type": COMPETENCY_TYPE
            }
        }),
        None => json!({
            "objectType": "Activity",
            "id": format!("https://pilotdesk.app/xapi/competencies/{competency_id}"),
            "definition": { "name": { "en-US": label }, "type": COMPETENCY_TYPE }
        }),
    }
}

/// The day as an xAPI timestamp: feedback and reviews are dated, not timed, so midnight UTC.
fn timestamp(day: &str) -> String {
    match day.get(..10).and_then(|d| d.parse::<NaiveDate>().ok()) {
        Some(day) => format!("{day}T00:00:00Z"),
        None => day.to_string(),
    }
}

pub fn feedback_statement(feedback: &Feedback, names: &Names) -> Value {
    let mut extensions = Map::new();
    extensions.insert(RECIPIENT.into(), recipient(names, &feedback.person_id));
    extensions.insert(
        "https://pilotdesk.app/xapi/extensions/author-role".into(),
        json!(feedback.author_role.as_str()),
    );
    let mut context = Map::new();
    context.insert("platform".into(), json!("Pilotdesk"));
    if let Some(task) = feedback.task_id {
        context.insert(
            "contextActivities".into(),
            json!({ "parent": [{
                "objectType": "Activity",
                "id": super::xapi::task_iri(task),
                "definition": {
                    "name": { "en-US": feedback.task.clone().unwrap_or_default() },
                    "type": "https://pilotdesk.app/xapi/activity-types/playbook-task"
                }
            }] }),
        );
    }
    context.insert("extensions".into(), Value::Object(extensions));
    json!({
        "id": feedback_id(feedback.id),
        "actor": named_agent(names, &feedback.author),
        "verb": { "id": COMMENTED, "display": { "en-US": "commented" } },
        "object": activity(names, feedback.competency_id, &feedback.competency),
        "result": { "response": feedback.note },
        "context": context,
        "timestamp": timestamp(&feedback.given_on),
        "version": XAPI_VERSION
    })
}

pub fn score_statement(review: &PortfolioReview, score: &ReviewScore, names: &Names) -> Value {
    let top = names
        .competencies
        .get(&score.competency_id)
        .map_or(score.level, |c| c.top_level)
        .max(score.level)
        .max(1);
    let mut result = Map::new();
    result.insert(
        "score".into(),
        json!({
            "raw": score.level,
            "min": 1,
            "max": top,
            "scaled": f64::from(score.level) / f64::from(top)
        }),
    );
    if !score.comment.is_empty() {
        result.insert("response".into(), json!(score.comment));
    }
    json!({
        "id": score_id(review.id, score.competency_id),
        "actor": recipient(names, &review.person_id),
        "verb": { "id": SCORED, "display": { "en-US": "scored" } },
        "object": activity(names, score.competency_id, &score.competency),
        "result": result,
        "context": {
            "instructor": named_agent(names, &review.reviewer),
            "platform": "Pilotdesk",
            "extensions": {
                "https://pilotdesk.app/xapi/extensions/portfolio-review": review.id,
                "https://pilotdesk.app/xapi/extensions/level-label": score.level_label
            }
        },
        "timestamp": timestamp(&review.reviewed_on),
        "version": XAPI_VERSION
    })
}

/// Every statement for the feedback and reviews given, feedback first, oldest first.
pub fn statements(feedback: &[Feedback], reviews: &[PortfolioReview], names: &Names) -> Vec<Value> {
    let mut out: Vec<Value> = feedback
        .iter()
        .rev()
        .map(|f| feedback_statement(f, names))
        .collect();
    for review in reviews {
        for score in &review.scores {
            out.push(score_statement(review, score, names));
        }
    }
    out
}

/// Loads the competencies' CASE URIs, names and scales.
pub fn competencies(conn: &Connection) -> Result<HashMap<i64, CompetencyActivity>> {
    let levels = crate::store::skills::frameworks::levels(conn)?;
    let mut statement = conn.prepare(&format!(
        "SELECT c.id, c.uri, c.human_coding, {}, c.statement FROM competencies c",
        crate::store::skills::frameworks::NAME_SQL
    ))?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, uri, code, name, statement) = row?;
        let top_level = levels
            .get(&id)
            .and_then(|l| l.iter().map(|l| l.level).max())
            .unwrap_or(0);
        out.insert(
            id,
            CompetencyActivity {
                uri,
                name: crate::store::skills::frameworks::label(&code, &name),
                statement,
                top_level,
            },
        );
    }
    Ok(out)
}

/// Writes the statements as one JSON array; returns how many.
pub fn write(statements: &[Value], out: &mut impl Write) -> Result<u64> {
    let failed = |e: std::io::Error| Error::Io {
        path: "the export".into(),
        source: e,
    };
    serde_json::to_writer_pretty(&mut *out, statements).map_err(|e| failed(e.into()))?;
    out.write_all(b"\n").map_err(failed)?;
    Ok(statements.len() as u64)
}
