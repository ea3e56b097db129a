//! Coaching data from the command line: imports that print every problem as
//! file:line:column and exit 2 with nothing written, exports, the events log, the quick
//! log, time credits and the generator.

mod support;

use std::path::{Path, PathBuf};

use support::{json, ok, pilotdesk};

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_bad_file_prints_every_problem_as_file_line_column_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["demo"]);
    let before = ok(&db, &["people", "list", "--json"]);
    let bad = file(
        &dir,
        "people.csv",
        "Employee ID,Name,Team,Manager ID,Hire date\n\
         X1,Xena,Ops,E1001,2020-01-01\n\
         X1,Xena again,Ops,E1001,2020-01-01\n\
         X2,Xu,Ops,GHOST,2199-01-01\n",
    );
    let output = pilotdesk(&db, &["import", "people", arg(&bad)]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        vec![
            "people.csv:3:1: duplicate employee id X1: it is already on line 2",
            "people.csv:4:4: unknown manager GHOST: no one with that employee id is in the file or the workspace",
            "people.csv:4:5: the hire date 2199-01-01 is in the future",
            "pilotdesk: people.csv: 3 problems; nothing was imported",
        ],
        "{stderr}"
    );
    assert_eq!(
        ok(&db, &["people", "list", "--json"]),
        before,
        "nothing was written"
    );

    let refused = pilotdesk(&db, &["import", "people", arg(&bad), "--json"]);
    assert_eq!(refused.status.code(), Some(2));
    let error: serde_json::Value = serde_json::from_slice(&refused.stdout).unwrap();
    assert_eq!(error["code"], "invalid_input");
    assert_eq!(error["details"].as_array().unwrap().len(), 3);
    assert_eq!(error["details"][1]["line"], 4);
    assert_eq!(error["details"][1]["column"], 4);

    let missing = pilotdesk(&db, &["import", "people", "/nonexistent/people.csv"]);
    assert_eq!(
        missing.status.code(),
        Some(1),
        "a missing file is the machine's problem"
    );
}

#[test]
fn a_good_file_imports_once_and_a_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["demo"]);
    // The demo's own data arrived as imports already.
    let imports_before = json(&db, &["imports", "--json"]).as_array().unwrap().len();
    let good = file(
        &dir,
        "people.csv",
        "Employee ID;Name;Team;Manager ID\nX1;Xena;Ops;E1001\nX2;Xu;Ops;X1\n",
    );
    let dry = ok(&db, &["import", "people", arg(&good), "--dry-run"]);
    assert!(dry.contains("dry run, nothing written"), "{dry}");
    assert!(
        dry.contains("2 people: 2 new, 0 changed, 0 unchanged"),
        "{dry}"
    );
    let people = json(&db, &["people", "list", "--json"]);
    assert_eq!(people.as_array().unwrap().len(), 80);

    let summary = json(&db, &["import", "people", arg(&good), "--json"]);
    assert_eq!(summary["inserted"], 2);
    assert!(summary["importId"].is_number());
    let again = ok(&db, &["import", "people", arg(&good)]);
    assert!(again.contains("0 new, 0 changed, 2 unchanged"), "{again}");
    assert!(again.contains("Nothing changed"), "{again}");
    let imports = json(&db, &["imports", "--json"]);
    assert_eq!(
        imports.as_array().unwrap().len(),
        imports_before + 1,
        "a re-import records nothing"
    );
}

#[test]
fn events_are_logged_listed_credited_and_round_trip_through_xapi() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["demo"]);
    // The demo's running and finished pilots come with their coaching already logged.
    let before = json(&db, &["events", "list", "--json"]);
    let (events_before, minutes_before) = (
        before["total"].as_u64().unwrap(),
        before["totalMinutes"].as_u64().unwrap(),
    );
    let events = file(
        &dir,
        "events.csv",
        "Manager,Coachee,Date,Minutes,Type,Pilot,Task\n\
         E1060,E1061,2025-06-02 09:30,10,micro-coaching,1,1\n\
         E1040,E1041,2025-06-03 10:00,20,live check-in,,\n",
    );
    ok(&db, &["import", "events", arg(&events)]);
    let logged = json(
        &db,
        &[
            "log",
            "--manager",
            "E1060",
            "--coachee",
            "E1062",
            "--kind",
            "micro_coaching",
            "--minutes",
            "10",
            "--pilot",
            "1",
            "--task",
            "2",
            // The demo's pilot starts in three weeks: a moment before it is confirmed.
            "--confirm",
            "--json",
        ],
    );
    assert_eq!(logged["source"], "quick_log");
    assert_eq!(logged["taskId"], 2);

    let page = json(&db, &["events", "list", "--pilot", "1", "--json"]);
    assert_eq!(page["total"], 2);
    let all = json(&db, &["events", "list", "--json"]);
    assert_eq!(all["total"], events_before + 3);
    assert_eq!(all["totalMinutes"], minutes_before + 40);
    let text = ok(&db, &["events", "list", "--manager", "E1040"]);
    assert!(text.contains("Live check-in"), "{text}");

    let credits = json(&db, &["credits", "--weeks", "2", "--pilot", "1", "--json"]);
    assert_eq!(credits["managers"][0]["managerId"], "E1060");
    assert_eq!(credits["managers"][0]["weeks"][1]["minutes"], 10);
    assert_eq!(credits["creditRate"], 1.0);

    let statements = dir.path().join("statements.json");
    let wrote = ok(&db, &["export", "xapi", "--out", arg(&statements)]);
    assert!(
        wrote.contains(&format!("Wrote {} xAPI statements", events_before + 3)),
        "{wrote}"
    );
    let fresh = dir.path().join("fresh.db");
    ok(&fresh, &["demo"]);
    let imported = json(&fresh, &["import", "xapi", arg(&statements), "--json"]);
    assert_eq!(imported["inserted"], 3);
    let exported_again = dir.path().join("again.json");
    ok(&fresh, &["export", "xapi", "--out", arg(&exported_again)]);
    assert_eq!(
        std::fs::read_to_string(&statements).unwrap(),
        std::fs::read_to_string(&exported_again).unwrap(),
        "the same events export as the same statements"
    );

    let bad_kind = pilotdesk(&db, &["events", "list", "--kind", "coffee"]);
    assert_eq!(bad_kind.status.code(), Some(2));
    let bad_log = pilotdesk(
        &db,
        &[
            "log",
            "--manager",
            "E1060",
            "--coachee",
            "E1060",
            "--minutes",
            "-5",
        ],
    );
    assert_eq!(bad_log.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad_log.stderr);
    assert!(
        stderr.contains("coacheeId: the coachee cannot be the manager"),
        "{stderr}"
    );
    assert!(
        stderr.contains("minutes: the duration -5 is negative"),
        "{stderr}"
    );
}

#[test]
fn exports_write_csv_and_xlsx_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&db, &["demo"]);
    for name in [
        "people.csv",
        "people.xlsx",
        "events.csv",
        "observations.xlsx",
    ] {
        let kind = name.split('.').next().unwrap();
        let out = dir.path().join(name);
        ok(&db, &["export", kind, "--out", arg(&out)]);
        assert!(out.exists(), "{name}");
    }
    let csv = std::fs::read_to_string(dir.path().join("people.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}Employee ID,Name,Email,Team,Role,Manager ID,Hire date"));
    assert_eq!(csv.lines().count(), 81);
    let xlsx = std::fs::read(dir.path().join("people.xlsx")).unwrap();
    assert!(xlsx.starts_with(b"PK"), "an XLSX is a zip file");
    let wrong = pilotdesk(&db, &["export", "people", "--out", "people.pdf"]);
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn the_generator_gives_the_same_data_for_the_same_seed() {
    let dir = tempfile::tempdir().unwrap();
    let mut exports = Vec::new();
    for (name, seed) in [("a.db", "5"), ("b.db", "5"), ("c.db", "6")] {
        let db = dir.path().join(name);
        let summary = json(
            &db,
            &[
                "generate",
                "--people",
                "120",
                "--events",
                "800",
                "--weeks",
                "8",
                "--seed",
                seed,
                "--end",
                "2026-06-30",
                "--json",
            ],
        );
        assert_eq!(summary["people"], 120);
        assert_eq!(summary["events"], 800);
        assert_eq!(summary["effects"].as_array().unwrap().len(), 3);
        let out = dir.path().join(format!("{name}.csv"));
        ok(&db, &["export", "events", "--out", arg(&out)]);
        exports.push(std::fs::read(&out).unwrap());
    }
    assert_eq!(exports[0], exports[1]);
    assert_ne!(exports[0], exports[2]);

    let again = pilotdesk(
        &dir.path().join("a.db"),
        &["generate", "--people", "120", "--events", "10"],
    );
    assert_eq!(again.status.code(), Some(2), "only into an empty workspace");
}

#[test]
fn people_history_shows_a_dated_promotion_and_the_leaving_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let first = file(
        &dir,
        "people.csv",
        "Employee ID,Name,Team,Role,Manager ID,Hire date,Leaving date\n\
         M1,Maya Field,Sales,Sales Manager,,2018-03-01,\n\
         A1,Ada Brook,Sales,Account Executive,M1,2022-01-10,2099-01-31\n",
    );
    ok(&db, &["import", "people", arg(&first)]);
    let promoted = file(
        &dir,
        "people-later.csv",
        "Employee ID,Name,Team,Role,Manager ID,Hire date,Leaving date\n\
         M1,Maya Field,Sales,Sales Manager,,2018-03-01,\n\
         A1,Ada Brook,Sales,Senior Account Executive,M1,2022-01-10,2099-01-31\n",
    );
    ok(&db, &["import", "people", arg(&promoted)]);
    ok(&db, &["import", "people", arg(&promoted)]);

    let history = json(&db, &["people", "history", "A1", "--json"]);
    assert_eq!(history["person"]["leavingDate"], "2099-01-31");
    let entries = history["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{history}");
    assert_eq!(entries[0]["validFrom"], "2022-01-10");
    assert_eq!(entries[0]["changes"], serde_json::json!(["joined"]));
    assert_eq!(entries[0]["managerName"], "Maya Field");
    let today = chrono::Local::now().date_naive().to_string();
    assert_eq!(entries[1]["validFrom"], today.as_str());
    assert_eq!(entries[1]["changes"], serde_json::json!(["role"]));
    assert_eq!(entries[1]["role"], "Senior Account Executive");
    assert!(entries[1]["importId"].is_number());

    let text = ok(&db, &["people", "history", "A1"]);
    assert!(
        text.contains("Ada Brook (A1), Senior Account Executive in Sales"),
        "{text}"
    );
    assert!(
        text.contains("Hired 10 Jan 2022, leaving date 31 Jan 2099"),
        "{text}"
    );
    assert!(text.contains(&format!("{today}  role")), "{text}");

    let unknown = pilotdesk(&db, &["people", "history", "NOBODY"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("person NOBODY was not found"));
}
