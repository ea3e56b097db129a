//! The `pilotdesk` binary as a script would use it: exit codes, stderr, JSON and files.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::{pilotdesk, stderr, stdout, workspace};

#[test]
fn demo_then_list_prints_the_demo_pilot_as_json() {
    let (_dir, db) = workspace();
    let demo = pilotdesk(&db, &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    assert!(stdout(&demo).contains("80 people"));

    let list = pilotdesk(&db, &["pilot", "list", "--json"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let pilots: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    let pilots = pilots.as_array().unwrap();
    // A pilot in each state: in design, running with two months of data, finished.
    let by_name = |name: &str| {
        pilots
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("the demo has \"{name}\""))
    };
    assert_eq!(pilots.len(), 3);
    let draft = by_name("Sales onboarding coaching pilot");
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["sponsor"], "Marcus Oyelaran");
    assert_eq!(
        by_name("Support escalation pilot")["status"],
        "day45_review"
    );
    assert_eq!(by_name("Sales pipeline coaching pilot")["status"], "scaled");

    // The finished pilot's day-90 outcome pack is on record and beside the workspace.
    let packs: serde_json::Value =
        serde_json::from_str(&stdout(&pilotdesk(&db, &["packs", "--json"]))).unwrap();
    let outcome = packs
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "outcome")
        .expect("the outcome pack is recorded");
    let path = outcome["path"].as_str().unwrap();
    assert!(Path::new(path).exists(), "{path}");
    assert!(path.contains("x-packs"), "beside x.db: {path}");

    // The demo as of a day still to come is refused.
    let (_dir2, db2) = workspace();
    let future = pilotdesk(&db2, &["demo", "--as-of", "2199-01-01"]);
    assert_eq!(future.status.code(), Some(2), "{}", stderr(&future));
    assert!(stderr(&future).contains("has not come yet"));

    let again = pilotdesk(&db, &["demo"]);
    assert!(again.status.success());
    assert!(stdout(&again).contains("already loaded"));
}

#[test]
fn bad_usage_exits_2_with_a_message() {
    let (_dir, db) = workspace();
    for args in [
        vec!["pilot", "frobnicate"],
        vec!["pilot", "show", "not-a-number"],
        vec!["pack", "proposal", "1"],
        vec!["pack", "proposal", "1", "--out", "x.pdf", "--paper", "A3"],
        vec!["no-such-command"],
    ] {
        let output = pilotdesk(&db, &args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            !stderr(&output).trim().is_empty(),
            "{args:?} explains itself"
        );
    }
    let paper = pilotdesk(
        &db,
        &["pack", "proposal", "1", "--out", "x.pdf", "--paper", "A3"],
    );
    assert!(stderr(&paper).contains("use a4 or letter"));
}

#[test]
fn bad_input_exits_2_and_names_every_field() {
    let (_dir, db) = workspace();
    let output = pilotdesk(
        &db,
        &[
            "pilot",
            "create",
            "--name",
            "",
            "--workflow",
            "Onboarding",
            "--start",
            "2026-13-01",
            "--sponsor",
            "Dana",
            "--budget",
            "-5",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("3 problems"), "{message}");
    assert!(message.contains("name: give the pilot a name"), "{message}");
    assert!(
        message.contains("startDate: \"2026-13-01\" is not a date"),
        "{message}"
    );
    assert!(
        message.contains("budget: the amount cannot be negative"),
        "{message}"
    );

    let list = pilotdesk(&db, &["pilot", "list", "--json"]);
    assert_eq!(stdout(&list).trim(), "[]", "nothing was written");
}

#[test]
fn create_show_and_missing_pilot() {
    let (_dir, db) = workspace();
    let created = pilotdesk(
        &db,
        &[
            "pilot",
            "create",
            "--name",
            "Escalation pilot",
            "--workflow",
            "Customer escalation",
            "--workflow",
            "Sales onboarding",
            "--start",
            "2027-01-11",
            "--sponsor",
            "Priya Raman",
            "--budget",
            "9,500",
            "--json",
        ],
    );
    assert!(created.status.success(), "{}", stderr(&created));
    let pilot: serde_json::Value = serde_json::from_str(&stdout(&created)).unwrap();
    assert_eq!(pilot["endDate"], "2027-04-11");
    assert_eq!(pilot["budget"], 950_000);

    let id = pilot["id"].to_string();
    let shown = pilotdesk(&db, &["pilot", "show", &id]);
    assert!(
        stdout(&shown).contains("11 Jan 2027 to 11 Apr 2027"),
        "{}",
        stdout(&shown)
    );

    let missing = pilotdesk(&db, &["pilot", "show", "404", "--json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("pilot 404 was not found"));
}

#[test]
fn pack_proposal_writes_a_pdf_and_records_it() {
    let (dir, db) = workspace();
    assert!(pilotdesk(&db, &["demo"]).status.success());
    let out = dir.path().join("proposal.pdf");
    let output = pilotdesk(
        &db,
        &["pack", "proposal", "1", "--out", &out.to_string_lossy()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("content hash"));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));

    let packs = pilotdesk(&db, &["packs", "--json"]);
    let records: serde_json::Value = serde_json::from_str(&stdout(&packs)).unwrap();
    assert_eq!(records[0]["kind"], "proposal");
    assert_eq!(records[0]["path"], out.to_string_lossy().as_ref());
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let (_dir, db) = workspace();
    {
        let conn = rusqlite_free_sqlite(&db);
        drop(conn);
    }
    let before = std::fs::read(&db).unwrap();
    let output = pilotdesk(&db, &["pilot", "list"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("newer Pilotdesk"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// Writes a database stamped with a far-future schema version using the sqlite3 shell the
/// setup script installs, so this test does not depend on the core's own code.
fn rusqlite_free_sqlite(path: &Path) -> Output {
    let output = Command::new("sqlite3")
        .arg(path)
        .arg("CREATE TABLE t (x); PRAGMA user_version = 1000;")
        .output()
        .expect("sqlite3 is installed by scripts/setup");
    assert!(output.status.success());
    output
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let (_dir, db) = workspace();
    let generated = pilotdesk(&db, &["generate", "--people", "3000", "--events", "10"]);
    assert!(generated.status.success(), "{}", stderr(&generated));
    // Far more than a pipe holds, so the writer is still writing when the reader goes.
    let mut child = Command::new(env!("CARGO_BIN_EXE_pilotdesk"))
        .arg("--db")
        .arg(&db)
        .args(["people", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("ID"), "{first}");
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
}

#[test]
fn dates_in_words_follow_the_locale_and_json_keeps_iso() {
    let (_dir, db) = workspace();
    assert!(pilotdesk(&db, &["demo"]).status.success());
    let decisions = |locale: &str| {
        stdout(&support::pilotdesk_in_locale(
            &db,
            locale,
            &["review", "decisions"],
        ))
    };
    let day_first = decisions("C.UTF-8");
    let month_first = decisions("en_US.UTF-8");
    let british = decisions("en_GB.UTF-8");
    let (day, month) = (
        regex_like(&day_first, |w| {
            w[0].parse::<u32>().is_ok() && w[1].len() == 3
        }),
        regex_like(&month_first, |w| w[0].len() == 3 && w[1].ends_with(',')),
    );
    assert!(day, "day first without a locale: {day_first}");
    assert!(month, "month first in en_US: {month_first}");
    assert_eq!(british, day_first, "en_GB writes the day first too");

    // JSON keeps ISO dates whatever the locale.
    let json = stdout(&support::pilotdesk_in_locale(
        &db,
        "en_US.UTF-8",
        &["review", "decisions", "--json"],
    ));
    assert!(json.contains("\"decidedAt\": \"20"), "{json}");
}

/// Whether any two words in a row of `text` pass `test`, e.g. "14" "Dec".
fn regex_like(text: &str, test: impl Fn(&[&str]) -> bool) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(test)
}
