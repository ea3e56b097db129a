//! Coaching events from xAPI statements: a JSON array of statements, one statement, or a
//! statement result (`{"statements": [...], "more": "..."}`) as a learning record store
//! returns it.
//!
//! actor -> the manager; verb -> the kind of coaching; object -> the coachee (an Agent) or
//! a playbook task; context.registration and context activities -> the pilot and task;
//! result.duration -> minutes; result.response -> notes; timestamp -> when. Each problem
//! names the line and column of the value in the file.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Timelike};
use serde_json::Value;
use uuid::Uuid;

use super::events::{namespace, NOTES_MAX};
use super::json_position::{locate, Seg};
use super::problems::{Place, Problems};
use super::values;
use crate::export::xapi::{kind_for_verb, known_verbs, parse_activity, registration};
use crate::store::events::EventRecord;
use crate::store::lookup::Lookup;

pub struct Statements {
    pub events: Vec<EventRecord>,
    pub count: u32,
    /// The address of the next page of a statement result, if the store said there is one.
    pub more: Option<String>,
}

struct Checker<'a> {
    text: &'a str,
    base: Vec<Seg<'a>>,
    label: String,
    lookup: &'a Lookup,
}

impl<'a> Checker<'a> {
    fn problem(&self, problems: &mut Problems, path: &[Seg], message: impl Into<String>) {
        let full: Vec<Seg> = self
            .base
            .iter()
            .copied()
            .chain(path.iter().copied())
            .collect();
        let (line, column) = locate(self.text, &full);
        let mut field = self.label.clone();
        for seg in path {
            match seg {
                Seg::Key(k) => {
                    field.push('.');
                    field.push_str(k);
                }
                Seg::Index(i) => field.push_str(&format!("[{i}]")),
            }
        }
        problems.add(
            Place {
                line,
                column: Some(column),
            },
            Some(&field),
            message,
        );
    }

    /// The person an Agent names: by account name (the employee id) or by mbox email.
    fn agent(
        &self,
        problems: &mut Problems,
        agent: &Value,
        path: &[Seg],
        who: &str,
    ) -> Option<String> {
        if agent.get("objectType").and_then(Value::as_str) == Some("Group") {
            self.problem(
                problems,
                path,
                format!("the {who} is a group; a coaching event is between two people"),
            );
            return None;
        }
        let account = agent
            .get("account")
            .and_then(|a| a.get("name"))
            .and_then(Value::as_str);
        let mbox = agent.get("mbox").and_then(Value::as_str);
        let (text, at): (String, Vec<Seg>) = match (account, mbox) {
            (Some(name), _) => (
                name.trim().to_string(),
                [path, &[Seg::Key("account"), Seg::Key("name")]].concat(),
            ),
            (None, Some(mbox)) => (
                mbox.trim().trim_start_matches("mailto:").to_string(),
                [path, &[Seg::Key("mbox")]].concat(),
            ),
            (None, None) => {
                self.problem(
                    problems,
                    path,
                    format!(
                        "the {who} has no account or mbox; Pilotdesk matches people by \
                         account name (employee id) or email"
                    ),
                );
                return None;
            }
        };
        match self.lookup.person(&text) {
            Ok(id) => Some(id),
            Err(message) => {
                self.problem(problems, &at, format!("unknown {who} {text}: {message}"));
                None
            }
        }
    }
}

/// Reads and checks every statement. `text` is the whole file.
pub fn check(text: &str, lookup: &Lookup, today: NaiveDate, problems: &mut Problems) -> Statements {
    let mut out = Statements {
        events: Vec::new(),
        count: 0,
        more: None,
    };
    let document: Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(value) => value,
        Err(error) => {
            problems.add(
                Place {
                    line: error.line().max(1) as u32,
                    column: Some(error.column().max(1) as u32),
                },
                None,
                format!("this is not valid JSON: {error}"),
            );
            return out;
        }
    };
    let (statements, base): (Vec<&Value>, Vec<Seg>) = match &document {
        Value::Array(items) => (items.iter().collect(), vec![]),
        Value::Object(map) if map.contains_key("statements") => {
            out.more = map
                .get("more")
                .and_then(Value::as_str)
                .filter(|m| !m.trim().is_empty())
                .map(String::from);
            match map.get("statements") {
                Some(Value::Array(items)) => (items.iter().collect(), vec![Seg::Key("statements")]),
                _ => {
                    let (line, column) = locate(text, &[Seg::Key("statements")]);
                    problems.add(
                        Place {
                            line,
                            column: Some(column),
                        },
                        Some("statements"),
                        "\"statements\" must be an array of statements",
                    );
                    return out;
                }
            }
        }
        Value::Object(map) if map.contains_key("actor") => (vec![&document], Vec::new()),
        _ => {
            problems.add(
                Place {
                    line: 1,
                    column: Some(1),
                },
                None,
                "this is not a list of xAPI statements: expected a JSON array of statements \
                 or a statement result {\"statements\": [...], \"more\": \"...\"}",
            );
            return out;
        }
    };
    let single = matches!(document, Value::Object(ref m) if m.contains_key("actor"));
    let mut first_of: HashMap<String, usize> = HashMap::new();
    for (index, statement) in statements.iter().enumerate() {
        out.count += 1;
        let mut path = base.clone();
        if !single {
            path.push(Seg::Index(index));
        }
        let checker = Checker {
            text,
            base: path,
            label: if single {
                "statement".into()
            } else if base.is_empty() {
                format!("[{index}]")
            } else {
                format!("statements[{index}]")
            },
            lookup,
        };
        if let Some(event) = check_statement(&checker, statement, today, problems) {
            if let Some(first) = first_of.get(&event.uid) {
                checker.problem(
                    problems,
                    &[Seg::Key("id")],
                    format!(
                        "duplicate statement id {}: statement {} has it too",
                        event.uid,
                        first + 1
                    ),
                );
                continue;
            }
            first_of.insert(event.uid.clone(), index);
            out.events.push(event);
        }
    }
    out
}

fn check_statement(
    c: &Checker,
    statement: &Value,
    today: NaiveDate,
    problems: &mut Problems,
) -> Option<EventRecord> {
    let before = problems.count();
    if !statement.is_object() {
        c.problem(problems, &[], "a statement must be a JSON object");
        return None;
    }
    let uid = match statement.get("id") {
        None | Some(Value::Null) => Some(
            // No id: the statement's content is its identity (keys sort, so it is stable).
            Uuid::new_v5(&namespace(), statement.to_string().as_bytes())
                .hyphenated()
                .to_string(),
        ),
        Some(Value::String(id)) => match Uuid::parse_str(id) {
            Ok(uuid) => Some(uuid.hyphenated().to_string()),
            Err(_) => {
                c.problem(
                    problems,
                    &[Seg::Key("id")],
                    format!("the statement id \"{id}\" is not a UUID"),
                );
                None
            }
        },
        Some(_) => {
            c.problem(
                problems,
                &[Seg::Key("id")],
                "the statement id must be a UUID string",
            );
            None
        }
    };

    let manager = match statement.get("actor") {
        Some(actor) => c.agent(problems, actor, &[Seg::Key("actor")], "manager"),
        None => {
            c.problem(
                problems,
                &[],
                "the statement has no actor (the coaching manager)",
            );
            None
        }
    };

    let verb_iri = statement
        .get("verb")
        .and_then(|v| v.get("id"))
        .and_then(Value::as_str);
    let kind = match verb_iri {
        Some(iri) => {
            let kind = kind_for_verb(iri);
            if kind.is_none() {
                c.problem(
                    problems,
                    &[Seg::Key("verb"), Seg::Key("id")],
                    format!(
                        "the verb {iri} is not a kind of coaching Pilotdesk knows; use one of {}",
                        known_verbs().join(", ")
                    ),
                );
            }
            kind
        }
        None => {
            c.problem(
                problems,
                &[Seg::Key("verb")],
                "the statement has no verb id",
            );
            None
        }
    };

    // The object: the coachee, or the activity coached.
    let mut coachee = None;
    let mut pilot: Option<i64> = None;
    let mut task: Option<i64> = None;
    let mut activities: Vec<(Vec<Seg>, &str)> = Vec::new();
    match statement.get("object") {
        None => c.problem(
            problems,
            &[],
            "the statement has no object (the coachee or the task)",
        ),
        Some(object) => match object.get("objectType").and_then(Value::as_str) {
            Some("Agent") => coachee = c.agent(problems, object, &[Seg::Key("object")], "coachee"),
            None | Some("Activity") => {
                if let Some(id) = object.get("id").and_then(Value::as_str) {
                    activities.push((vec![Seg::Key("object"), Seg::Key("id")], id));
                }
            }
            Some(other) => c.problem(
                problems,
                &[Seg::Key("object"), Seg::Key("objectType")],
                format!(
                    "the object is a {other}; a coaching event's object is the coachee (an \
                     Agent) or an activity"
                ),
            ),
        },
    }
    if let (Some(m), Some(co)) = (&manager, &coachee) {
        if m == co {
            c.problem(
                problems,
                &[Seg::Key("object")],
                format!("{m} is both the manager and the coachee"),
            );
        }
    }

    let context = statement.get("context");
    if let Some(registration_value) = context.and_then(|x| x.get("registration")) {
        let at = [Seg::Key("context"), Seg::Key("registration")];
        match registration_value.as_str().map(Uuid::parse_str) {
            Some(Ok(uuid)) => {
                let text = uuid.hyphenated().to_string();
                // A registration of another tool is not an error: it just names no pilot.
                pilot = c
                    .lookup
                    .pilots
                    .iter()
                    .find(|p| registration(p.id) == text)
                    .map(|p| p.id);
            }
            _ => c.problem(problems, &at, "context.registration must be a UUID"),
        }
    }
    if let Some(groups) = context.and_then(|x| x.get("contextActivities")) {
        for group in ["parent", "grouping", "category", "other"] {
            match groups.get(group) {
                Some(Value::Array(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        if let Some(id) = item.get("id").and_then(Value::as_str) {
                            activities.push((
                                vec![
                                    Seg::Key("context"),
                                    Seg::Key("contextActivities"),
                                    Seg::Key(group),
                                    Seg::Index(i),
                                    Seg::Key("id"),
                                ],
                                id,
                            ));
                        }
                    }
                }
                Some(item @ Value::Object(_)) => {
                    if let Some(id) = item.get("id").and_then(Value::as_str) {
                        activities.push((
                            vec![
                                Seg::Key("context"),
                                Seg::Key("contextActivities"),
                                Seg::Key(group),
                                Seg::Key("id"),
                            ],
                            id,
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    for (at, iri) in &activities {
        match parse_activity(iri) {
            Some(("pilot", Some(id))) if c.lookup.pilots.iter().any(|p| p.id == id) => {
                if pilot.is_some_and(|p| p != id) {
                    c.problem(
                        problems,
                        at,
                        "this pilot differs from the one the registration names",
                    );
                } else {
                    pilot = Some(id);
                }
            }
            Some(("task", Some(id))) if c.lookup.tasks.contains_key(&id) => task = Some(id),
            Some((what, _)) => c.problem(
                problems,
                at,
                format!("{iri} names a {what} this workspace does not have"),
            ),
            None => {}
        }
    }
    if let Some(task_id) = task {
        let task_pilot = c.lookup.tasks[&task_id].pilot_id;
        match pilot {
            Some(p) if p != task_pilot => c.problem(
                problems,
                &[Seg::Key("context")],
                format!(
                    "task {task_id} is in the playbook of \"{}\", not of \"{}\"",
                    c.lookup.pilot_name(task_pilot),
                    c.lookup.pilot_name(p)
                ),
            ),
            _ => pilot = Some(task_pilot),
        }
    }

    let result = statement.get("result");
    let minutes = match result.and_then(|r| r.get("duration")) {
        Some(Value::String(text)) => values::iso_duration_seconds(text)
            .and_then(|s| values::minutes_from_seconds(s, text))
            .map_err(|message| {
                c.problem(
                    problems,
                    &[Seg::Key("result"), Seg::Key("duration")],
                    message,
                )
            })
            .ok(),
        _ => {
            c.problem(
                problems,
                &[Seg::Key("result")],
                "the statement has no result.duration (ISO 8601, e.g. PT10M)",
            );
            None
        }
    };
    let notes = result
        .and_then(|r| r.get("response"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim()
        .to_string();
    if notes.chars().count() > NOTES_MAX {
        c.problem(
            problems,
            &[Seg::Key("result"), Seg::Key("response")],
            format!("keep the response under {NOTES_MAX} characters"),
        );
    }

    let occurred_at = match statement
        .get("timestamp")
        .or_else(|| statement.get("stored"))
        .and_then(Value::as_str)
    {
        Some(text) => match DateTime::parse_from_rfc3339(text) {
            Ok(zoned) => {
                let utc: NaiveDateTime = zoned.naive_utc();
                let utc = utc.with_nanosecond(0).unwrap_or(utc);
                if utc.date() > today {
                    c.problem(
                        problems,
                        &[Seg::Key("timestamp")],
                        format!("the timestamp {text} is in the future (today is {today})"),
                    );
                    None
                } else {
                    Some(utc)
                }
            }
            Err(_) => {
                c.problem(
                    problems,
                    &[Seg::Key("timestamp")],
                    format!(
                        "the timestamp \"{text}\" is not an ISO 8601 date and time with a zone"
                    ),
                );
                None
            }
        },
        None => {
            c.problem(problems, &[], "the statement has no timestamp");
            None
        }
    };

    if problems.count() > before {
        return None;
    }
    Some(EventRecord {
        uid: uid?,
        manager_id: manager?,
        coachee_id: coachee,
        occurred_at: occurred_at?,
        minutes: minutes?,
        kind: kind?,
        pilot_id: pilot,
        task_id: task,
        notes,
    })
}
