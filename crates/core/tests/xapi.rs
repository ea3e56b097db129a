//! xAPI: statements exported from the events are valid 1.0.3 statements, and importing
//! them back gives the same events.

mod support;

use pilotdesk_core::model::{CoachingEvent, EventFilter, ImportKind};
use pilotdesk_core::workflows::coaching::list_events;
use pilotdesk_core::workflows::exports::export_xapi;
use pilotdesk_core::workflows::imports::import;
use pilotdesk_core::Store;
use serde_json::Value;
use support::{date, demo_store, import_request, problems, snapshot, write_file};

fn today() -> chrono::NaiveDate {
    date("2026-11-23")
}

const EVENTS: &str = "Event ID,Manager ID,Coachee ID,Date,Time,Minutes,Type,Pilot,Task,Notes\n\
    ev-1,E1060,E1061,2026-11-02,09:30,10,Micro-coaching,1,1,Replayed the call\n\
    ev-2,E1060,E1062,2026-11-03,14:05,95,async feedback,1,,\n\
    ev-3,E1040,E1041,2026-11-04,10:00,20,live check-in,,,\n\
    ev-4,E1040,E1041,2026-11-05,16:45,30,portfolio review,,,\n\
    ev-5,E1007,E1009,2026-11-06,08:15,12,AI-assisted agenda,1,3,\n";

fn store_with_events(dir: &tempfile::TempDir) -> Store {
    let mut store = demo_store();
    let path = write_file(dir, "events.csv", EVENTS);
    import(
        &mut store,
        &import_request(ImportKind::Events, &path),
        today(),
    )
    .unwrap();
    store
}

fn events(store: &Store) -> Vec<CoachingEvent> {
    let mut events = list_events(store, &EventFilter::default()).unwrap().events;
    events.sort_by(|a, b| a.uid.cmp(&b.uid));
    events
}

/// What makes two events the same event (the row id and source are the workspace's own).
fn essence(event: &CoachingEvent) -> String {
    format!(
        "{} {} {:?} {} {} {:?} {:?} {:?} {}",
        event.uid,
        event.manager_id,
        event.coachee_id,
        event.occurred_at,
        event.minutes,
        event.kind,
        event.pilot_id,
        event.task_id,
        event.notes
    )
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && text.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
        && !text.chars().any(|c| c.is_ascii_uppercase())
        && matches!(groups[3].chars().next(), Some('8' | '9' | 'a' | 'b'))
}

#[test]
fn exported_statements_are_valid_xapi() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_events(&dir);
    let path = dir.path().join("statements.json");
    let summary = export_xapi(&store, &path, &EventFilter::default()).unwrap();
    assert_eq!(summary.rows, 5);
    let statements: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(statements.len(), 5);
    let mut verbs = std::collections::BTreeMap::new();
    for statement in &statements {
        let id = statement["id"].as_str().unwrap();
        assert!(is_uuid(id), "{id}");
        let actor = &statement["actor"];
        assert_eq!(actor["objectType"], "Agent");
        let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"]
            .iter()
            .filter(|k| actor.get(**k).is_some())
            .count();
        assert_eq!(identifiers, 1, "exactly one inverse functional identifier");
        assert!(actor["account"]["homePage"]
            .as_str()
            .unwrap()
            .starts_with("https://"));
        let verb = statement["verb"]["id"].as_str().unwrap();
        assert!(
            verb.starts_with("https://pilotdesk.app/xapi/verbs/"),
            "{verb}"
        );
        assert!(statement["verb"]["display"]["en-US"].is_string());
        assert!(statement["object"]["objectType"].is_string());
        let timestamp = statement["timestamp"].as_str().unwrap();
        chrono::DateTime::parse_from_rfc3339(timestamp).unwrap_or_else(|_| panic!("{timestamp}"));
        let duration = statement["result"]["duration"].as_str().unwrap();
        assert!(duration.starts_with("PT"), "{duration}");
        assert_eq!(statement["version"], "1.0.3");
        if let Some(registration) = statement["context"]["registration"].as_str() {
            assert!(is_uuid(registration));
        }
        verbs.insert(statement["verb"]["id"].as_str().unwrap().to_string(), ());
    }
    assert_eq!(verbs.len(), 5, "five kinds, five verbs");
    let first = statements
        .iter()
        .find(|s| s["result"]["response"] == "Replayed the call")
        .unwrap();
    assert_eq!(first["object"]["account"]["name"], "E1061");
    assert_eq!(first["timestamp"], "2026-11-02T09:30:00Z");
    assert_eq!(first["result"]["duration"], "PT10M");
    assert_eq!(
        first["context"]["contextActivities"]["parent"][0]["id"],
        "https://pilotdesk.app/xapi/tasks/1"
    );
    assert_eq!(
        first["context"]["contextActivities"]["grouping"][0]["id"],
        "https://pilotdesk.app/xapi/pilots/1"
    );
    let long = statements
        .iter()
        .find(|s| s["result"]["duration"] == "PT1H35M");
    assert!(long.is_some(), "95 minutes");
}

#[test]
fn importing_exported_statements_gives_the_same_events() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_events(&dir);
    let path = dir.path().join("statements.json");
    export_xapi(&store, &path, &EventFilter::default()).unwrap();

    let mut fresh = demo_store();
    let summary = import(
        &mut fresh,
        &import_request(ImportKind::Xapi, &path),
        today(),
    )
    .unwrap();
    assert_eq!((summary.rows, summary.inserted), (5, 5));
    let original: Vec<String> = events(&store).iter().map(essence).collect();
    let imported: Vec<String> = events(&fresh).iter().map(essence).collect();
    assert_eq!(imported, original);

    // Back into the workspace they came from: the same keys, so nothing changes.
    let mut store = store;
    let before = snapshot(&store);
    let again = import(
        &mut store,
        &import_request(ImportKind::Xapi, &path),
        today(),
    )
    .unwrap();
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 5));
    assert_eq!(snapshot(&store), before);
}

#[test]
fn statements_from_a_learning_record_store_import() {
    // A statement result page, actors by email, a foreign registration and verb aliases.
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "lrs-page.json",
        r#"{"statements": [
  {"id": "8f1c7a52-3b9e-4c1d-9a47-2e5b6c8d9f01",
   "actor": {"objectType": "Agent", "mbox": "mailto:MEI.WALSH@meridian-logistics.example"},
   "verb": {"id": "http://id.tincanapi.com/verb/mentored", "display": {"en-US": "mentored"}},
   "object": {"objectType": "Agent", "account": {"homePage": "https://hr.example", "name": "E1061"}},
   "context": {"registration": "0f0e0d0c-0b0a-4908-8706-050403020100"},
   "result": {"duration": "PT0H12M30S", "response": "Call review"},
   "timestamp": "2026-11-02T11:30:00+02:00"}
 ],
 "more": "/xapi/statements?more=page2"}"#,
    );
    let mut store = demo_store();
    let summary = import(
        &mut store,
        &import_request(ImportKind::Xapi, &path),
        today(),
    )
    .unwrap();
    assert_eq!(summary.inserted, 1);
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("/xapi/statements?more=page2")),
        "{:?}",
        summary.notes
    );
    let event = &events(&store)[0];
    assert_eq!(
        event.manager_id, "E1060",
        "matched by email, whatever its case"
    );
    assert_eq!(event.coachee_id.as_deref(), Some("E1061"));
    assert_eq!(event.minutes, 13, "12 min 30 s rounds to 13");
    assert_eq!(
        event.occurred_at.to_string(),
        "2026-11-02 09:30:00",
        "converted to UTC"
    );
    assert_eq!(
        event.pilot_id, None,
        "another tool's registration names no pilot"
    );
    assert_eq!(event.notes, "Call review");
    assert_eq!(event.uid, "8f1c7a52-3b9e-4c1d-9a47-2e5b6c8d9f01");
}

#[test]
fn bad_statements_are_reported_at_their_line_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"[
  {"id": "not-a-uuid",
   "actor": {"account": {"homePage": "https://pilotdesk.app/people", "name": "E1060"}},
   "verb": {"id": "http://example.com/verbs/waved"},
   "object": {"objectType": "Agent", "account": {"homePage": "https://pilotdesk.app/people", "name": "E1061"}},
   "result": {"duration": "PT10M"},
   "timestamp": "2026-11-02T09:30:00Z"},
  {"actor": {"mbox": "mailto:ghost@nowhere.example"},
   "verb": {"id": "https://pilotdesk.app/xapi/verbs/micro-coached"},
   "object": {"objectType": "Agent", "account": {"homePage": "https://pilotdesk.app/people", "name": "E1061"}},
   "result": {"duration": "-PT5M"},
   "timestamp": "2030-01-01T09:30:00Z"},
  {"actor": {"account": {"homePage": "https://pilotdesk.app/people", "name": "E1060"}},
   "verb": {"id": "https://pilotdesk.app/xapi/verbs/checked-in-with"},
   "object": {"objectType": "Agent", "account": {"homePage": "https://pilotdesk.app/people", "name": "E1062"}},
   "context": {"contextActivities": {"parent": [{"id": "https://pilotdesk.app/xapi/tasks/999"}]}},
   "timestamp": "2026-11-02T09:30:00Z"}
]"#;
    let path = write_file(&dir, "bad.json", text);
    let mut store = demo_store();
    let before = snapshot(&store);
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::Xapi, &path),
            today(),
        )
        .unwrap_err(),
    );
    let expected: &[(u32, &str)] = &[
        (2, "the statement id \"not-a-uuid\" is not a UUID"),
        (
            4,
            "the verb http://example.com/verbs/waved is not a kind of coaching",
        ),
        (8, "unknown manager ghost@nowhere.example"),
        (11, "the duration -PT5M is negative"),
        (12, "the timestamp 2030-01-01T09:30:00Z is in the future"),
        (13, "no result.duration"),
        (16, "names a task this workspace does not have"),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((line, _, message), (want_line, want)) in found.iter().zip(expected) {
        assert_eq!(*line, Some(*want_line), "{message}");
        assert!(message.contains(want), "line {want_line}: {message}");
    }
    // The column points at the value itself.
    let id_problem = &found[0];
    assert_eq!(id_problem.1, Some(10), "\"not-a-uuid\" starts in column 10");
    assert_eq!(snapshot(&store), before);

    let broken = write_file(&dir, "broken.json", "[\n  {\"id\": }\n]");
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::Xapi, &broken),
            today(),
        )
        .unwrap_err(),
    );
    assert_eq!(found[0].0, Some(2));
    assert!(found[0].2.contains("not valid JSON"));
}

/// A statement dated in year 0 (valid RFC 3339) is refused at its timestamp, like any
/// date outside the years Pilotdesk works with.
#[test]
fn a_statement_from_year_zero_is_refused_at_its_timestamp() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_events(&dir);
    let path = dir.path().join("statements.json");
    export_xapi(&store, &path, &EventFilter::default()).unwrap();
    let mut statements: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    statements[0]["timestamp"] = Value::from("0000-06-01T09:30:00Z");
    std::fs::write(&path, serde_json::to_string_pretty(&statements).unwrap()).unwrap();

    let mut fresh = demo_store();
    let before = snapshot(&fresh);
    let found = problems(
        import(
            &mut fresh,
            &import_request(ImportKind::Xapi, &path),
            today(),
        )
        .unwrap_err(),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .2
            .contains("outside the years Pilotdesk works with (1900 to 2200)"),
        "{found:#?}"
    );
    assert!(found[0].0.is_some(), "the problem names its line");
    assert_eq!(snapshot(&fresh), before);
}
