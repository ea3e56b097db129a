//! Coaching events from xAPI statements: a JSON array of statements, one statement, or a
//! statement result (`{"statements": [...], "more": "..."}`) as a learning record store
//! returns it.
//!
//! actor -> the manager; verb -> the kind of coaching; object -> the coachee (an Agent) or
//! a playbook task; context.registration and context activities -> the pilot and task;
//! result.duration -> minutes; result.response -> notes; timestamp -> when. Each problem
//! names the line and column of the value in the file.
//!
//! Module progress: a statement whose verb is ADL's completed, passed, failed or progressed
//! (`http://adlnet.gov/expapi/verbs/...`) and whose object is an Activity is about a catalog
//! module, not a coaching event. The activity names the module by its id,
//! `https://pilotdesk.app/modules/<module id>`, or by `definition.name` (in any language)
//! equal to the module's title. actor -> the learner (account name = employee id, or mbox
//! email); completed or result.completion true -> 100% and completed on the timestamp's
//! day (as written, in its own zone); passed / failed or result.success -> passed;
//! result.score.scaled (0 to 1) -> the score as a percentage, else result.score.raw (as a
//! percentage of min..max when max is given, as it is otherwise);
//! result.extensions["https://w3id.org/xapi/cmi5/result/extensions/progress"] (0 to 100)
//! -> progress. The learner must have the module assigned. A file may mix both kinds; it is
//! all or nothing across them. Statements about one assignment apply in timestamp order,
//! and progress never goes backwards unless the statement (by id) was imported before.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Timelike};
use serde_json::Value;
use uuid::Uuid;

use super::events::{namespace, NOTES_MAX};
use super::json_position::{locate, Locator, Seg};
use super::module_progress::{AssignmentKey, Modules, ProgressUpdate, Step, MODULE_IRI_BASE};
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
    /// Statements about modules; what they change is kept in the `Modules` they were
    /// checked against (`Modules::changes`).
    pub module_statements: u32,
    /// Module statements that change an assignment's progress.
    pub module_changed: u32,
    /// Module statements imported before whose assignment has changed since.
    pub module_known_moved_on: u32,
}

/// The verbs of module progress (ADL's registry), the same verbs cmi5 uses.
pub const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
pub const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
pub const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
pub const PROGRESSED: &str = "http://adlnet.gov/expapi/verbs/progressed";
/// cmi5's result extension for how far a learner is, an integer percentage.
pub const CMI5_PROGRESS: &str = "https://w3id.org/xapi/cmi5/result/extensions/progress";

/// A module statement, checked, waiting to be applied in timestamp order.
struct ModuleStatement<'a> {
    base: Vec<Seg<'a>>,
    label: String,
    index: usize,
    key: AssignmentKey,
    at: NaiveDateTime,
    update: ProgressUpdate,
    fingerprint: String,
    /// The statement gives progress (so a backwards step is reported there).
    gives_progress: bool,
}

struct Checker<'a> {
    locator: &'a Locator<'a>,
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
        let (line, column) = self.locator.locate(&full);
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
            let why = if who == "learner" {
                "module progress is one person's"
            } else {
                "a coaching event is between two people"
            };
            self.problem(problems, path, format!("the {who} is a group; {why}"));
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

/// Reads and checks every statement. `text` is the whole file. Module statements are
/// applied to `modules` as they are checked.
pub fn check(
    text: &str,
    lookup: &Lookup,
    modules: &mut Modules,
    today: NaiveDate,
    problems: &mut Problems,
) -> Statements {
    let mut out = Statements {
        events: Vec::new(),
        count: 0,
        more: None,
        module_statements: 0,
        module_changed: 0,
        module_known_moved_on: 0,
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
    let locator = Locator::new(text, &base);
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let mut module_statements: Vec<ModuleStatement> = Vec::new();
    for (index, statement) in statements.iter().enumerate() {
        out.count += 1;
        let mut path = base.clone();
        if !single {
            path.push(Seg::Index(index));
        }
        let checker = Checker {
            locator: &locator,
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
        if is_module_statement(statement) {
            out.module_statements += 1;
            let Some((uid, module_statement)) =
                check_module_statement(&checker, statement, index, modules, today, problems)
            else {
                continue;
            };
            if let Some(first) = first_of.get(&uid) {
                checker.problem(
                    problems,
                    &[Seg::Key("id")],
                    format!(
                        "duplicate statement id {uid}: statement {} has it too",
                        first + 1
                    ),
                );
                continue;
            }
            first_of.insert(uid, index);
            module_statements.push(module_statement);
            continue;
        }
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
    apply_module_statements(
        &locator,
        lookup,
        modules,
        module_statements,
        &mut out,
        problems,
    );
    out
}

/// Applies the module statements to their assignments in timestamp order (file order
/// among equals), reporting any that would take progress backwards.
fn apply_module_statements<'a>(
    locator: &'a Locator<'a>,
    lookup: &'a Lookup,
    modules: &mut Modules,
    mut statements: Vec<ModuleStatement<'a>>,
    out: &mut Statements,
    problems: &mut Problems,
) {
    statements.sort_by_key(|s| (s.key, s.at, s.index));
    for statement in &statements {
        match modules.apply(statement.key, &statement.update, &statement.fingerprint) {
            Step::Applied { changed } => out.module_changed += u32::from(changed),
            Step::Known { moved_on } => out.module_known_moved_on += u32::from(moved_on),
            Step::Behind { recorded } => {
                let checker = Checker {
                    locator,
                    base: statement.base.clone(),
                    label: statement.label.clone(),
                    lookup,
                };
                let at: &[Seg] = if statement.gives_progress {
                    &[
                        Seg::Key("result"),
                        Seg::Key("extensions"),
                        Seg::Key(CMI5_PROGRESS),
                    ]
                } else {
                    &[Seg::Key("result")]
                };
                checker.problem(
                    problems,
                    at,
                    format!(
                        "the progress would go backwards: {} is at {recorded}% (recorded, or \
                         by an earlier statement in this file), this statement says {}%; \
                         progress never goes down on import",
                        modules.describe(lookup, statement.key),
                        statement.update.progress.unwrap_or(0)
                    ),
                );
            }
        }
    }
}

fn is_module_verb(iri: &str) -> bool {
    [COMPLETED, PASSED, FAILED, PROGRESSED].contains(&iri)
}

/// A statement with a module verb about an activity: module progress, not coaching.
fn is_module_statement(statement: &Value) -> bool {
    let verb = statement
        .get("verb")
        .and_then(|v| v.get("id"))
        .and_then(Value::as_str);
    let activity = statement.get("object").is_some_and(|object| {
        object.is_object()
            && matches!(
                object.get("objectType").and_then(Value::as_str),
                None | Some("Activity")
            )
    });
    verb.is_some_and(is_module_verb) && activity
}

/// The statement's id as a UUID, or one made from its content when it has none.
fn statement_uid(c: &Checker, statement: &Value, problems: &mut Problems) -> Option<String> {
    match statement.get("id") {
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
    }
}

/// When the statement happened: its timestamp (or, without one, when it was stored).
fn statement_time(
    c: &Checker,
    statement: &Value,
    today: NaiveDate,
    problems: &mut Problems,
) -> Option<DateTime<chrono::FixedOffset>> {
    match statement
        .get("timestamp")
        .or_else(|| statement.get("stored"))
        .and_then(Value::as_str)
    {
        Some(text) => match DateTime::parse_from_rfc3339(text) {
            Ok(zoned) if crate::import::values::check_year(zoned.naive_utc().date()).is_err() => {
                let message = crate::import::values::check_year(zoned.naive_utc().date())
                    .err()
                    .unwrap_or_default();
                c.problem(problems, &[Seg::Key("timestamp")], message);
                None
            }
            Ok(zoned) if zoned.naive_utc().date() > today => {
                c.problem(
                    problems,
                    &[Seg::Key("timestamp")],
                    format!("the timestamp {text} is in the future (today is {today})"),
                );
                None
            }
            Ok(zoned) => Some(zoned),
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
    }
}

/// A boolean of the result, when it is there.
fn result_flag(
    c: &Checker,
    result: Option<&Value>,
    key: &'static str,
    problems: &mut Problems,
) -> Option<bool> {
    match result.and_then(|r| r.get(key)) {
        None | Some(Value::Null) => None,
        Some(Value::Bool(flag)) => Some(*flag),
        Some(_) => {
            c.problem(
                problems,
                &[Seg::Key("result"), Seg::Key(key)],
                format!("result.{key} must be true or false"),
            );
            None
        }
    }
}

/// The score as a percentage: scaled (0 to 1) times 100, or raw, as a percentage of its
/// min..max when max is given.
fn module_score(c: &Checker, result: Option<&Value>, problems: &mut Problems) -> Option<f64> {
    let score = result.and_then(|r| r.get("score"))?;
    let at = |key: &'static str| [Seg::Key("result"), Seg::Key("score"), Seg::Key(key)];
    let number = |key: &'static str, problems: &mut Problems| match score.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => match value.as_f64() {
            Some(n) if n.is_finite() => Ok(Some(n)),
            _ => {
                c.problem(
                    problems,
                    &at(key),
                    format!("result.score.{key} must be a number"),
                );
                Err(())
            }
        },
    };
    let round = |n: f64| (n * 100.0).round() / 100.0;
    let scaled = number("scaled", problems).ok()?;
    if let Some(scaled) = scaled {
        if !(0.0..=1.0).contains(&scaled) {
            c.problem(
                problems,
                &at("scaled"),
                format!(
                    "result.score.scaled is {scaled}; Pilotdesk reads it as a fraction from 0 \
                     to 1 and stores it as a percentage"
                ),
            );
            return None;
        }
        return Some(round(scaled * 100.0));
    }
    let raw = number("raw", problems).ok()??;
    let max = number("max", problems).ok()?;
    let min = number("min", problems).ok()?;
    let Some(max) = max else {
        return Some(raw);
    };
    let min = min.unwrap_or(0.0);
    if max <= min {
        c.problem(
            problems,
            &at("max"),
            format!("result.score.max ({max}) must be above min ({min})"),
        );
        return None;
    }
    if raw < min || raw > max {
        c.problem(
            problems,
            &at("raw"),
            format!("result.score.raw ({raw}) must lie between min ({min}) and max ({max})"),
        );
        return None;
    }
    Some(round((raw - min) / (max - min) * 100.0))
}

/// How far the learner is, from cmi5's progress extension.
fn module_progress(c: &Checker, result: Option<&Value>, problems: &mut Problems) -> Option<u32> {
    let value = result
        .and_then(|r| r.get("extensions"))
        .and_then(|e| e.get(CMI5_PROGRESS))?;
    match value.as_f64() {
        Some(n) if (0.0..=100.0).contains(&n) => Some(n.round() as u32),
        _ => {
            c.problem(
                problems,
                &[
                    Seg::Key("result"),
                    Seg::Key("extensions"),
                    Seg::Key(CMI5_PROGRESS),
                ],
                format!("the progress {value} is not a percentage from 0 to 100"),
            );
            None
        }
    }
}

/// The module an activity names: by its id (`https://pilotdesk.app/modules/<id>`) or by a
/// `definition.name` equal to a module's title.
fn activity_module(
    c: &Checker,
    object: &Value,
    modules: &Modules,
    problems: &mut Problems,
) -> Option<i64> {
    let iri = object.get("id").and_then(Value::as_str);
    if let Some(rest) = iri.and_then(|i| i.strip_prefix(MODULE_IRI_BASE)) {
        let id = rest.trim_end_matches('/').parse::<i64>().ok();
        return match id {
            Some(id) if modules.has_module(id) => Some(id),
            _ => {
                c.problem(
                    problems,
                    &[Seg::Key("object"), Seg::Key("id")],
                    format!(
                        "{} names a module this workspace's catalog does not have; a module's \
                         activity id is {MODULE_IRI_BASE}<module id>",
                        iri.unwrap_or_default()
                    ),
                );
                None
            }
        };
    }
    if let Some(Value::Object(names)) = object.get("definition").and_then(|d| d.get("name")) {
        if let Some(id) = names
            .values()
            .filter_map(Value::as_str)
            .find_map(|name| modules.by_title(name))
        {
            return Some(id);
        }
    }
    let at: &[Seg] = if iri.is_some() {
        &[Seg::Key("object"), Seg::Key("id")]
    } else {
        &[Seg::Key("object")]
    };
    c.problem(
        problems,
        at,
        format!(
            "the activity {} is not a module of the catalog: a completed, passed, failed or \
             progressed statement about an activity is module progress, and Pilotdesk knows a \
             module by the activity id {MODULE_IRI_BASE}<module id> or by a definition.name \
             equal to the module's title",
            iri.unwrap_or("without an id")
        ),
    );
    None
}

/// Checks a module statement: the learner, the module and their assignment, the result and
/// the timestamp. Returns the statement's id and what it says.
fn check_module_statement<'a>(
    c: &Checker<'a>,
    statement: &Value,
    index: usize,
    modules: &Modules,
    today: NaiveDate,
    problems: &mut Problems,
) -> Option<(String, ModuleStatement<'a>)> {
    let before = problems.count();
    let uid = statement_uid(c, statement, problems);
    let verb = statement
        .get("verb")
        .and_then(|v| v.get("id"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let learner = match statement.get("actor") {
        Some(actor) => c.agent(problems, actor, &[Seg::Key("actor")], "learner"),
        None => {
            c.problem(problems, &[], "the statement has no actor (the learner)");
            None
        }
    };
    let object = statement.get("object").unwrap_or(&Value::Null);
    let module = activity_module(c, object, modules, problems);

    let result = statement.get("result");
    let completion = result_flag(c, result, "completion", problems);
    let success = result_flag(c, result, "success", problems);
    let verb_at = [Seg::Key("verb"), Seg::Key("id")];
    match (verb, completion, success) {
        (COMPLETED, Some(false), _) => c.problem(
            problems,
            &[Seg::Key("result"), Seg::Key("completion")],
            "a completed statement cannot say result.completion false",
        ),
        (PASSED, _, Some(false)) => c.problem(
            problems,
            &[Seg::Key("result"), Seg::Key("success")],
            "a passed statement cannot say result.success false",
        ),
        (FAILED, _, Some(true)) => c.problem(
            problems,
            &[Seg::Key("result"), Seg::Key("success")],
            "a failed statement cannot say result.success true",
        ),
        _ => {}
    }
    let passed = match verb {
        PASSED => Some(true),
        FAILED => Some(false),
        _ => success,
    };
    let completed = verb == COMPLETED || completion == Some(true);
    let score = module_score(c, result, problems);
    let progress = module_progress(c, result, problems);
    if verb == PROGRESSED && progress.is_none() && !completed && problems.count() == before {
        c.problem(
            problems,
            &verb_at,
            format!(
                "a progressed statement says how far the learner is: give \
                 result.extensions[\"{CMI5_PROGRESS}\"] from 0 to 100"
            ),
        );
    }
    if let (true, Some(p)) = (completed, progress) {
        if p < 100 {
            c.problem(
                problems,
                &[
                    Seg::Key("result"),
                    Seg::Key("extensions"),
                    Seg::Key(CMI5_PROGRESS),
                ],
                format!("a completed module is 100% done, but the progress says {p}"),
            );
        }
    }
    let time = statement_time(c, statement, today, problems);

    let (Some(learner), Some(module)) = (learner, module) else {
        return None;
    };
    let key = match modules.assignment(c.lookup, module, &learner) {
        Ok(key) => key,
        Err(message) => {
            let at: &[Seg] = if object.get("id").is_some() {
                &[Seg::Key("object"), Seg::Key("id")]
            } else {
                &[Seg::Key("object")]
            };
            c.problem(problems, at, message);
            return None;
        }
    };
    let time = time?;
    // The day as the statement writes it, in its own zone: a learner finishing late in the
    // evening finished that day.
    let day = time.date_naive();
    let completed_on = completed.then_some(day);
    if completed && day > today {
        c.problem(
            problems,
            &[Seg::Key("timestamp")],
            format!("the completion day {day} is in the future (today is {today})"),
        );
    } else if completed && day < modules.assigned_on(key) {
        c.problem(
            problems,
            &[Seg::Key("timestamp")],
            format!(
                "{} was assigned on {}; a completion on {day} cannot come before it",
                modules.describe(c.lookup, key),
                modules.assigned_on(key)
            ),
        );
    }
    if problems.count() > before {
        return None;
    }
    let uid = uid?;
    let update = ProgressUpdate {
        progress: if completed { Some(100) } else { progress },
        completed_on,
        passed,
        score,
    };
    let statement = ModuleStatement {
        base: c.base.clone(),
        label: c.label.clone(),
        index,
        key,
        at: time.naive_utc(),
        update,
        fingerprint: format!("xapi:{uid}"),
        gives_progress: progress.is_some(),
    };
    Some((uid, statement))
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
    let uid = statement_uid(c, statement, problems);

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

    let occurred_at = statement_time(c, statement, today, problems).map(|zoned| {
        let utc: NaiveDateTime = zoned.naive_utc();
        utc.with_nanosecond(0).unwrap_or(utc)
    });

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
