//! Coaching events as xAPI 1.0.3 statements, and the vocabulary Pilotdesk uses for them:
//! one stable verb IRI per kind of coaching, activity IRIs for pilots and playbook tasks,
//! and a registration UUID per pilot.
//!
//! A statement says: the manager (actor, identified by an account whose name is the
//! employee id) <verb> the coachee (object, an Agent), in the context of the pilot
//! (registration, grouping) and its playbook task (parent), for a duration (result).

use std::io::Write;

use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::import::events::namespace;
use crate::model::{CoachingEvent, EventKind};
use crate::store::events::{self, Filter};
use rusqlite::Connection;

pub const XAPI_VERSION: &str = "1.0.3";
/// The account home page of Pilotdesk's people: the account name is the employee id.
pub const PEOPLE_HOME_PAGE: &str = "https://pilotdesk.app/people";
const IRI_BASE: &str = "https://pilotdesk.app/xapi";

/// The verb of each kind of coaching, and how it reads.
pub fn verb(kind: EventKind) -> (&'static str, &'static str) {
    match kind {
        EventKind::MicroCoaching => (
            "https://pilotdesk.app/xapi/verbs/micro-coached",
            "micro-coached",
        ),
        EventKind::AiAgenda => (
            "https://pilotdesk.app/xapi/verbs/coached-with-ai-agenda",
            "coached with an AI-assisted agenda",
        ),
        EventKind::AsyncFeedback => (
            "https://pilotdesk.app/xapi/verbs/gave-async-feedback",
            "gave asynchronous feedback to",
        ),
        EventKind::PortfolioReview => (
            "https://pilotdesk.app/xapi/verbs/reviewed-portfolio",
            "reviewed the portfolio of",
        ),
        EventKind::LiveCheckIn => (
            "https://pilotdesk.app/xapi/verbs/checked-in-with",
            "checked in with",
        ),
    }
}

/// Verbs from the public registries that learning tools use for the same moments.
const KNOWN_VERBS: &[(&str, EventKind)] = &[
    (
        "http://id.tincanapi.com/verb/mentored",
        EventKind::MicroCoaching,
    ),
    (
        "http://id.tincanapi.com/verb/reviewed",
        EventKind::PortfolioReview,
    ),
    (
        "http://adlnet.gov/expapi/verbs/commented",
        EventKind::AsyncFeedback,
    ),
    (
        "http://adlnet.gov/expapi/verbs/responded",
        EventKind::AsyncFeedback,
    ),
    (
        "https://w3id.org/xapi/adl/verbs/reviewed",
        EventKind::PortfolioReview,
    ),
];

pub fn kind_for_verb(iri: &str) -> Option<EventKind> {
    EventKind::ALL
        .into_iter()
        .find(|k| verb(*k).0 == iri)
        .or_else(|| KNOWN_VERBS.iter().find(|(v, _)| *v == iri).map(|(_, k)| *k))
}

pub fn known_verbs() -> Vec<&'static str> {
    EventKind::ALL.iter().map(|k| verb(*k).0).collect()
}

pub fn pilot_iri(id: i64) -> String {
    format!("{IRI_BASE}/pilots/{id}")
}

pub fn task_iri(id: i64) -> String {
    format!("{IRI_BASE}/tasks/{id}")
}

/// The pilot or task id of one of Pilotdesk's activity IRIs.
pub fn parse_activity(iri: &str) -> Option<(&'static str, Option<i64>)> {
    let rest = iri.strip_prefix(IRI_BASE)?;
    if let Some(id) = rest.strip_prefix("/pilots/") {
        return Some(("pilot", id.parse().ok()));
    }
    if let Some(id) = rest.strip_prefix("/tasks/") {
        return Some(("task", id.parse().ok()));
    }
    None
}

/// The registration of a pilot's statements: the same for every event of the pilot.
pub fn registration(pilot_id: i64) -> String {
    Uuid::new_v5(&namespace(), format!("pilot/{pilot_id}").as_bytes())
        .hyphenated()
        .to_string()
}

/// "PT10M", "PT1H30M".
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

fn agent(id: &str, name: &str) -> Value {
    // Exactly one identifier per agent (xAPI 4.1.2.1): the account, whose name is the
    // employee id, because every person has one and not everyone has an email.
    json!({
        "objectType": "Agent",
        "name": name,
        "account": { "homePage": PEOPLE_HOME_PAGE, "name": id }
    })
}

fn activity(iri: String, name: &str, kind: &str) -> Value {
    json!({
        "objectType": "Activity",
        "id": iri,
        "definition": {
            "name": { "en-US": name },
            "type": format!("{IRI_BASE}/activity-types/{kind}")
        }
    })
}

pub fn statement(event: &CoachingEvent) -> Value {
    let (verb_iri, display) = verb(event.kind);
    let pilot = event.pilot_id.map(|id| {
        activity(
            pilot_iri(id),
            event.pilot_name.as_deref().unwrap_or(""),
            "pilot",
        )
    });
    let task = event.task_id.map(|id| {
        activity(
            task_iri(id),
            event.task.as_deref().unwrap_or(""),
            "playbook-task",
        )
    });
    let object = match (&event.coachee_id, &task, &pilot) {
        (Some(id), _, _) => agent(id, event.coachee_name.as_deref().unwrap_or("")),
        (None, Some(task), _) => task.clone(),
        (None, None, Some(pilot)) => pilot.clone(),
        (None, None, None) => activity(
            format!("{IRI_BASE}/activities/coaching"),
            event.kind.label(),
            "coaching-moment",
        ),
    };
    let mut context = Map::new();
    if let Some(id) = event.pilot_id {
        context.insert("registration".into(), json!(registration(id)));
    }
    context.insert("platform".into(), json!("Pilotdesk"));
    let mut activities = Map::new();
    if let Some(task) = task {
        activities.insert("parent".into(), json!([task]));
    }
    if let Some(pilot) = pilot {
        activities.insert("grouping".into(), json!([pilot]));
    }
    if !activities.is_empty() {
        context.insert("contextActivities".into(), Value::Object(activities));
    }
    let mut result = Map::new();
    result.insert("duration".into(), json!(duration(event.minutes)));
    if !event.notes.is_empty() {
        result.insert("response".into(), json!(event.notes));
    }
    json!({
        "id": event.uid,
        "actor": agent(&event.manager_id, &event.manager_name),
        "verb": { "id": verb_iri, "display": { "en-US": display } },
        "object": object,
        "context": context,
        "result": result,
        "timestamp": event.occurred_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "version": XAPI_VERSION
    })
}

/// Writes the matching events as a JSON array of statements, one statement at a time.
pub fn write(conn: &Connection, filter: &Filter, out: &mut impl Write) -> Result<u64> {
    let mut count = 0u64;
    let failed = |e: std::io::Error| Error::Io {
        path: "the export".into(),
        source: e,
    };
    out.write_all(b"[").map_err(failed)?;
    events::each(conn, filter, |event| {
        if count > 0 {
            out.write_all(b",").map_err(failed)?;
        }
        out.write_all(b"\n  ").map_err(failed)?;
        serde_json::to_writer(&mut *out, &statement(event)).map_err(|e| Error::Io {
            path: "the export".into(),
            source: e.into(),
        })?;
        count += 1;
        Ok(())
    })?;
    out.write_all(b"\n]\n").map_err(failed)?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_stable_verb() {
        let verbs = known_verbs();
        let mut unique = verbs.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), EventKind::ALL.len());
        for kind in EventKind::ALL {
            assert_eq!(kind_for_verb(verb(kind).0), Some(kind));
        }
        assert_eq!(
            verb(EventKind::MicroCoaching).0,
            "https://pilotdesk.app/xapi/verbs/micro-coached",
            "published IRIs never change"
        );
    }

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(duration(10), "PT10M");
        assert_eq!(duration(60), "PT1H");
        assert_eq!(duration(95), "PT1H35M");
    }

    #[test]
    fn activities_and_registrations_round_trip() {
        assert_eq!(parse_activity(&pilot_iri(3)), Some(("pilot", Some(3))));
        assert_eq!(parse_activity(&task_iri(12)), Some(("task", Some(12))));
        assert_eq!(parse_activity("https://example.com/course/1"), None);
        assert_eq!(registration(1), registration(1));
        assert_ne!(registration(1), registration(2));
    }
}
