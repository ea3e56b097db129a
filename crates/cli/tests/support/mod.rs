//! Running the `pilotdesk` binary as a script would, for every command-line test.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `pilotdesk --db DB ARGS...`, ignoring any workspace set in the environment. Dates
/// are written day first ("14 Dec 2026") whatever the machine's locale, as the tests expect.
pub fn pilotdesk(db: &Path, args: &[&str]) -> Output {
    pilotdesk_in_locale(db, "C.UTF-8", args)
}

/// The same under a locale, e.g. "en_US.UTF-8", where dates put the month first.
pub fn pilotdesk_in_locale(db: &Path, locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pilotdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PILOTDESK_DB")
        .env("LC_ALL", locale)
        .output()
        .expect("the pilotdesk binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// What a command that must succeed printed.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let output = pilotdesk(db, args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

/// What a command refused as the user's mistake (exit 2) said on stderr.
pub fn refused(db: &Path, args: &[&str]) -> String {
    let output = pilotdesk(db, args);
    assert_eq!(output.status.code(), Some(2), "{args:?} is refused");
    stderr(&output)
}

pub fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(db, args)).expect("JSON output")
}

/// A temporary folder and a workspace path inside it (created by the first command).
pub fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    (dir, db)
}

/// The demo workspace with a pilot cloned from the sales-onboarding and customer-escalation
/// templates; returns the pilot as `pilot from-template --json` printed it.
pub fn demo_with_template_pilot(db: &Path) -> serde_json::Value {
    ok(db, &["demo"]);
    json(
        db,
        &[
            "pilot",
            "from-template",
            "--template",
            "sales-onboarding",
            "--template",
            "customer-escalation",
            "--name",
            "Sales and service coaching",
            "--start",
            "2099-01-12",
            "--sponsor",
            "Marcus Oyelaran",
            "--budget",
            "20000",
            "--objective",
            "Shorten time to first deal and lift first-contact resolution.",
            "--json",
        ],
    )
}

/// Gives a KPI (as `pilot show --json` prints it) a baseline of 40 over the second half of
/// 2098 and a target lift, keeping its name, unit and direction.
pub fn set_baseline_and_target(db: &Path, pilot: &str, kpi: &serde_json::Value, target: &str) {
    ok(
        db,
        &[
            "pilot",
            "kpi-set",
            pilot,
            "--kpi-id",
            &kpi["id"].to_string(),
            "--name",
            kpi["name"].as_str().unwrap(),
            "--unit",
            kpi["unit"].as_str().unwrap(),
            "--direction",
            kpi["direction"].as_str().unwrap(),
            "--baseline-start",
            "2098-07-01",
            "--baseline-end",
            "2098-12-31",
            "--baseline",
            "40",
            "--target-lift",
            target,
        ],
    );
}

/// The demo, and a pilot from two templates with Step 1 complete. Returns the pilot's id
/// and its first KPI.
pub fn ready_pilot(db: &Path) -> (String, serde_json::Value) {
    let pilot = demo_with_template_pilot(db);
    let pid = pilot["id"].to_string();
    let design = json(db, &["pilot", "show", &pid, "--json"]);
    let kpis = design["kpis"].as_array().unwrap().clone();
    for (kpi, target) in kpis.iter().take(2).zip(["10", "5"]) {
        set_baseline_and_target(db, &pid, kpi, target);
    }
    ok(db, &["pilot", "kpi-remove", &kpis[2]["id"].to_string()]);
    ok(
        db,
        &[
            "pilot",
            "cohort",
            &pid,
            "--design",
            "randomised_waitlist",
            "--manager",
            "E1007",
            "--manager",
            "E1008",
            "--manager",
            "E1024",
            "--manager",
            "E1025",
            "--seed",
            "99",
        ],
    );
    ok(
        db,
        &["pilot", "basics", &pid, "--ai-agenda", "new sellers' 1:1s"],
    );
    set_budget_lines(db, &pid);
    let first = json(db, &["pilot", "show", &pid, "--json"])["kpis"][0].clone();
    (pid, first)
}

/// What the committed budget buys, line by line: a budget without lines is not complete.
pub fn set_budget_lines(db: &Path, pid: &str) {
    let budget = db.with_extension("budget.json");
    std::fs::write(
        &budget,
        r#"{"lines": [
            {"category": "tooling", "description": "Prompt cards", "pricing": "fixed", "unitCost": "6000", "quantity": "1"},
            {"category": "analytics", "description": "KPI extracts", "pricing": "fixed", "unitCost": "9000", "quantity": "1"}
        ], "time": {"managerHoursPerWeek": "1.5", "managerHourlyCost": "70", "coachCount": "0",
            "coachHoursPerWeek": "0", "coachHourlyCost": "0", "coacheeHoursPerWeek": "0.5",
            "coacheeHourlyCost": "45"}}"#,
    )
    .unwrap();
    ok(
        db,
        &["pilot", "budget", pid, "--file", budget.to_str().unwrap()],
    );
}
