//! The designer from the command line: templates, readiness as JSON, submission refused with
//! the unmet items named, a locked criterion refused after approval.

mod support;

use std::path::Path;

use support::{demo_with_template_pilot, json, ok, pilotdesk, set_baseline_and_target};

fn from_templates(db: &Path) -> i64 {
    demo_with_template_pilot(db)["id"].as_i64().unwrap()
}

#[test]
fn readiness_json_lists_three_steps_with_each_items_status_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let id = from_templates(&db).to_string();
    let readiness = json(&db, &["readiness", &id, "--json"]);
    let steps = readiness["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[0]["title"], "Prioritize and pilot");
    let items = steps[0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 11);
    assert_eq!(items[0]["key"], "objective");
    for item in steps.iter().flat_map(|s| s["items"].as_array().unwrap()) {
        assert!(
            item["status"].is_string() && !item["reason"].as_str().unwrap().is_empty(),
            "{item}"
        );
    }
    let status = |key: &str| items.iter().find(|i| i["key"] == key).unwrap()["status"].clone();
    assert_eq!(status("workflows"), "met");
    assert_eq!(status("playbooks"), "met");
    assert_eq!(status("kpis"), "not_met");
    assert_eq!(steps[1]["items"][0]["status"], "not_yet_applicable");
    assert_eq!(readiness["step1Complete"], false);
}

#[test]
fn submitting_with_unmet_items_exits_2_and_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let id = from_templates(&db).to_string();
    let output = pilotdesk(&db, &["pilot", "submit", &id]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot be submitted until every Step 1 item is met or waived"),
        "{stderr}"
    );
    for named in ["ai_agenda:", "kpis:", "cohort:", "comparison:"] {
        assert!(stderr.contains(named), "{named} is named: {stderr}");
    }
    assert!(!stderr.contains("playbooks:"), "met items are not named");
    let pilot = json(&db, &["pilot", "show", &id, "--json"]);
    assert_eq!(pilot["pilot"]["status"], "draft");
}

#[test]
fn a_complete_design_submits_and_its_criteria_lock_at_approval() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let id = from_templates(&db);
    let pid = id.to_string();
    let design = json(&db, &["pilot", "show", &pid, "--json"]);
    let kpis = design["kpis"].as_array().unwrap().clone();
    for (kpi, target) in kpis.iter().take(2).zip(["10", "5"]) {
        set_baseline_and_target(&db, &pid, kpi, target);
    }
    ok(&db, &["pilot", "kpi-remove", &kpis[2]["id"].to_string()]);
    let cohort = ok(
        &db,
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
    assert!(cohort.contains("Seed: 99"), "{cohort}");
    ok(
        &db,
        &["pilot", "basics", &pid, "--ai-agenda", "new sellers' 1:1s"],
    );
    support::set_budget_lines(&db, &pid);

    // Edit a task from the command line; unspecified fields keep their value.
    let task = design["workflows"][0]["tasks"][0].clone();
    ok(
        &db,
        &[
            "pilot",
            "task-edit",
            &task["id"].to_string(),
            "--behaviour",
            "Ask before pitching",
        ],
    );
    let after = json(&db, &["pilot", "show", &pid, "--json"]);
    let edited = &after["workflows"][0]["tasks"][0];
    assert_eq!(edited["behaviour"], "Ask before pitching");
    assert_eq!(edited["moments"], task["moments"]);

    let bad = pilotdesk(
        &db,
        &[
            "pilot",
            "task-edit",
            &task["id"].to_string(),
            "--moment",
            "Replay it|2|45",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr)
        .contains("moments.0.minutes: a micro-coaching moment takes 5 to 15 minutes"));

    ok(&db, &["pilot", "submit", &pid]);
    let by_hand = pilotdesk(
        &db,
        &[
            "pilot",
            "transition",
            &pid,
            "--to",
            "approved",
            "--reason",
            "Approved by the steering group",
        ],
    );
    assert_eq!(by_hand.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&by_hand.stderr).contains("only by a steering-group decision"));
    // The demo's steering group approves: HR, analytics, finance and a frontline leader.
    let item = json(&db, &["review", "show", &pid, "--json"])["item"]["id"].to_string();
    let members = json(&db, &["steering", "list", "--json"]);
    for function in ["hr", "analytics", "finance", "frontline"] {
        let member = members["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["function"] == function)
            .unwrap()["personId"]
            .as_str()
            .unwrap()
            .to_string();
        ok(
            &db,
            &[
                "--as", &member, "review", "vote", &item, "--choice", "approve",
            ],
        );
    }
    assert_eq!(
        json(&db, &["pilot", "show", &pid, "--json"])["pilot"]["status"],
        "approved"
    );
    let kpi = &kpis[0];
    let locked = pilotdesk(
        &db,
        &[
            "pilot",
            "kpi-set",
            &pid,
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
            "3",
        ],
    );
    assert_eq!(locked.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&locked.stderr).contains("locked when it was approved"));

    let illegal = pilotdesk(
        &db,
        &[
            "pilot",
            "transition",
            &pid,
            "--to",
            "scaled",
            "--reason",
            "skip ahead",
        ],
    );
    assert_eq!(illegal.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&illegal.stderr).contains("cannot go from Approved to Scaled"));
}

#[test]
fn templates_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let templates = json(&db, &["templates", "--json"]);
    let keys: Vec<&str> = templates
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        vec![
            "sales-onboarding",
            "customer-escalation",
            "new-manager-onboarding"
        ]
    );
}

#[test]
fn hand_picked_teams_are_set_by_team_name_and_problems_are_named_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let pid = from_templates(&db).to_string();
    let cohort = ok(
        &db,
        &[
            "pilot",
            "cohort",
            &pid,
            "--design",
            "hand_picked",
            "--pilot-team",
            "Sales East",
            "--comparison-team",
            "Sales West",
            "--comparison-team",
            "Customer Support",
        ],
    );
    assert!(
        cohort.contains("Comparison design: Hand-picked teams"),
        "{cohort}"
    );
    assert!(
        cohort.contains("pilot      E1007 Liam Fischer (Sales East, 7 reports)"),
        "{cohort}"
    );
    let design = json(&db, &["pilot", "show", &pid, "--json"]);
    assert_eq!(design["cohort"]["design"], "hand_picked");
    let arms: Vec<(String, String)> = design["cohort"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["arm"].as_str().unwrap().to_string(),
                m["team"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(arms.len(), 9);
    assert!(arms
        .iter()
        .all(|(arm, team)| (arm == "pilot") == (team == "Sales East")));

    let refused = pilotdesk(
        &db,
        &[
            "pilot",
            "cohort",
            &pid,
            "--design",
            "hand_picked",
            "--pilot-team",
            "Sales East",
            "--comparison-team",
            "Sales East",
            "--comparison-team",
            "Atlantis",
        ],
    );
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        vec![
            "pilotdesk: 2 problems need fixing",
            "  - comparisonTeams: Sales East is also a pilot team; a team belongs to one arm only",
            "  - comparisonTeams: Atlantis is not a team in People",
        ]
    );
    let unchanged = json(&db, &["pilot", "show", &pid, "--json"]);
    assert_eq!(unchanged["cohort"], design["cohort"], "nothing was written");
}
