//! Agendas from the command line: written offline for the demo's onboarding pilot, edited,
//! accepted or rejected, counted in `calibration --json`, printed and put in a calendar.

mod support;

use support::{json, ok, pilotdesk, refused, stderr, workspace};

/// A sales team lead of the demo and two of their reports.
const MANAGER: &str = "E1007";
const COACHEE: &str = "E1019";
const OTHER: &str = "E1009";

#[test]
fn an_agenda_is_written_decided_and_counted() {
    let (dir, db) = workspace();
    ok(&db, &["demo"]);
    // The demo's running pilot already has its managers' agendas: count from there.
    let before = json(&db, &["calibration", "--json"])["overall"].clone();
    let count = |field: &str| before[field].as_i64().unwrap();
    let agenda = json(&db, &["agenda", MANAGER, COACHEE, "--pilot", "1", "--json"]);
    let id = agenda["id"].as_i64().unwrap().to_string();
    assert_eq!(agenda["context"], "onboarding");
    assert_eq!(agenda["source"], "offline");
    assert_eq!(agenda["status"], "open");
    let again = json(&db, &["agenda", MANAGER, COACHEE, "--pilot", "1", "--json"]);
    assert_eq!(
        agenda["items"], again["items"],
        "the same inputs, the same agenda"
    );
    let other = json(&db, &["agenda", MANAGER, OTHER, "--pilot", "1", "--json"]);
    assert_ne!(agenda["items"], other["items"]);

    let human = ok(&db, &["agenda", "show", &id]);
    assert!(human.contains("1. Opening question"), "{human}");
    assert!(human.contains("Rests on:"));

    ok(
        &db,
        &[
            "agenda",
            "edit",
            &id,
            "--item",
            "2",
            "--text",
            "What did the buyer say first?",
        ],
    );
    let accepted = json(&db, &["agenda", "accept", &id, "--json"]);
    assert_eq!(accepted["status"], "edited");
    assert!(accepted["changeShare"].as_f64().unwrap() > 0.0);
    let twice = refused(&db, &["agenda", "accept", &id]);
    assert!(twice.contains("already edited"), "{twice}");

    let second = again["id"].as_i64().unwrap().to_string();
    let bad = refused(&db, &["agenda", "reject", &second, "--reason", "meh"]);
    assert!(
        bad.contains("not_relevant"),
        "the short list is named: {bad}"
    );
    ok(
        &db,
        &["agenda", "reject", &second, "--reason", "too generic"],
    );

    let third = other["id"].as_i64().unwrap().to_string();
    ok(&db, &["agenda", "accept", &third]);

    let calibration = json(&db, &["calibration", "--json"]);
    let overall = &calibration["overall"];
    assert_eq!(overall["generated"], count("generated") + 3);
    assert_eq!(overall["acceptedAsIs"], count("acceptedAsIs") + 1);
    assert_eq!(overall["edited"], count("edited") + 1);
    assert_eq!(overall["rejected"], count("rejected") + 1);
    let too_generic = |figures: &serde_json::Value| {
        figures["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["reason"] == "too_generic")
            .map_or(0, |r| r["count"].as_i64().unwrap())
    };
    assert_eq!(too_generic(overall), too_generic(&before) + 1);
    let text = ok(&db, &["calibration", "--pilot", "1"]);
    assert!(
        text.contains("3 agendas: 1 accepted as suggested, 1 edited, 1 rejected"),
        "{text}"
    );

    let card = dir.path().join("agenda.pdf");
    ok(
        &db,
        &["agenda", "card", &id, "--out", card.to_str().unwrap()],
    );
    assert!(std::fs::read(&card).unwrap().starts_with(b"%PDF"));
    let ics = dir.path().join("agenda.ics");
    ok(
        &db,
        &[
            "agenda",
            "calendar",
            &id,
            "--at",
            "2026-12-01 09:30",
            "--out",
            ics.to_str().unwrap(),
        ],
    );
    let first = std::fs::read_to_string(&ics).unwrap();
    ok(
        &db,
        &[
            "agenda",
            "calendar",
            &id,
            "--at",
            "2026-12-02 10:00",
            "--out",
            ics.to_str().unwrap(),
        ],
    );
    let moved = std::fs::read_to_string(&ics).unwrap();
    let uid = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("UID:"))
            .map(String::from)
            .unwrap()
    };
    assert_eq!(
        uid(&first),
        uid(&moved),
        "a re-export updates the same entry"
    );
    assert_ne!(first, moved);
    let wrong_time = refused(
        &db,
        &[
            "agenda",
            "calendar",
            &id,
            "--at",
            "tomorrow",
            "--out",
            ics.to_str().unwrap(),
        ],
    );
    assert!(wrong_time.contains("YYYY-MM-DD HH:MM"), "{wrong_time}");
}

#[test]
fn contexts_and_the_local_model_follow_the_settings() {
    let (_dir, db) = workspace();
    ok(&db, &["demo"]);
    let off = refused(
        &db,
        &[
            "agenda",
            MANAGER,
            COACHEE,
            "--pilot",
            "1",
            "--context",
            "conflict",
        ],
    );
    assert!(off.contains("off for conflict"), "{off}");

    let not_on = refused(
        &db,
        &[
            "agenda", MANAGER, COACHEE, "--pilot", "1", "--model", "--yes",
        ],
    );
    assert!(not_on.contains("local model is off"), "{not_on}");

    let far = refused(
        &db,
        &[
            "agenda",
            "settings",
            "--model",
            "true",
            "--endpoint",
            "http://203.0.113.7:8080/v1",
        ],
    );
    assert!(far.contains("203.0.113.7"), "{far}");
    ok(
        &db,
        &[
            "agenda",
            "settings",
            "--model",
            "true",
            "--endpoint",
            "http://127.0.0.1:9/v1",
            "--timeout",
            "2",
        ],
    );
    // Without a terminal to ask at and without --yes, the preview is shown and nothing sent.
    let output = pilotdesk(
        &db,
        &["agenda", MANAGER, COACHEE, "--pilot", "1", "--model"],
    );
    assert_eq!(output.status.code(), Some(2));
    let said = stderr(&output);
    assert!(
        said.contains("This would be sent to http://127.0.0.1:9/v1/chat/completions"),
        "{said}"
    );
    assert!(said.contains("[COACHEE]"), "{said}");
    assert!(said.contains("nothing was sent"), "{said}");
    let calibration = json(&db, &["calibration", "--pilot", "1", "--json"]);
    assert_eq!(calibration["overall"]["generated"], 0, "no agenda was made");
    // Nothing listens on port 9 here: the model is refused and the offline agenda says so.
    let fallback = json(
        &db,
        &[
            "agenda", MANAGER, COACHEE, "--pilot", "1", "--model", "--yes", "--json",
        ],
    );
    assert_eq!(fallback["source"], "fallback");
    assert!(
        fallback["sourceNote"]
            .as_str()
            .unwrap()
            .contains("offline agenda"),
        "{fallback}"
    );
}
