//! What a hostile-input and tampering review found, each reproduced through the binary and
//! kept from coming back: writing a pack or an export over the workspace itself.

mod support;

use support::{ok, pilotdesk, refused, workspace};

#[test]
fn a_pack_or_export_aimed_at_the_workspace_or_its_journal_is_refused_and_the_workspace_survives() {
    let (dir, db) = workspace();
    ok(&db, &["demo"]);
    let before = ok(&db, &["audit", "verify"]);
    let name = |suffix: &str| format!("{}{suffix}", db.display());
    for (args, target) in [
        (vec!["pack", "proposal", "1", "--out"], name("")),
        (vec!["export", "xapi", "--out"], name("-wal")),
        (vec!["export", "portfolio-xapi", "--out"], name("-shm")),
        (vec!["export", "xapi", "--out"], name("")),
        (vec!["pack", "decision", "1", "--out"], name("")),
    ] {
        let mut args = args.clone();
        args.push(&target);
        let said = refused(&db, &args);
        assert!(said.contains("the workspace itself"), "{args:?}: {said}");
    }
    // The same file reached through another spelling of its folder.
    let detour = dir.path().join(".").join(db.file_name().unwrap());
    let said = refused(&db, &["export", "xapi", "--out", detour.to_str().unwrap()]);
    assert!(said.contains("the workspace itself"), "{said}");

    assert_eq!(
        ok(&db, &["audit", "verify"]),
        before,
        "the workspace is intact"
    );
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A normal destination still works.
    let out = dir.path().join("people.csv");
    ok(&db, &["export", "people", "--out", out.to_str().unwrap()]);
    assert!(pilotdesk(&db, &["audit", "verify"]).status.success());
}

#[test]
fn years_far_outside_working_lifetimes_are_refused_instead_of_panicking() {
    let (_dir, db) = workspace();
    ok(&db, &["demo"]);
    let created = pilotdesk(
        &db,
        &[
            "pilot",
            "create",
            "--name",
            "Far future",
            "--start",
            "+262142-10-15",
            "--sponsor",
            "Dana Whitfield",
            "--budget",
            "1000",
            "--workflow",
            "Onboarding",
        ],
    );
    assert_eq!(created.status.code(), Some(2), "refused, not a panic");
    let said = String::from_utf8_lossy(&created.stderr);
    assert!(
        said.contains("not a date") || said.contains("outside the years"),
        "{said}"
    );
    let said = refused(
        &db,
        &[
            "pilot",
            "create",
            "--name",
            "Ancient",
            "--start",
            "0000-01-01",
            "--sponsor",
            "Dana Whitfield",
            "--budget",
            "1000",
            "--workflow",
            "Onboarding",
        ],
    );
    assert!(
        said.contains("outside the years Pilotdesk works with (1900 to 2200)"),
        "{said}"
    );
    let generated = pilotdesk(&db, &["generate", "--pilot", "1", "--end=-262143-01-01"]);
    assert_eq!(
        generated.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&generated.stderr)
    );
    let (_dir2, fresh) = workspace();
    let demo = pilotdesk(&fresh, &["demo", "--as-of", "9999-12-31"]);
    assert_eq!(demo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&demo.stderr).contains("outside the years"));
}

#[test]
fn budget_lines_too_large_to_add_up_are_refused_and_the_pilot_still_shows() {
    let (dir, db) = workspace();
    ok(&db, &["demo"]);
    let line = |cost: &str| {
        serde_json::json!({"category": "vendor", "description": "Seats", "pricing": "per_seat",
                           "unitCost": cost, "quantity": "100000"})
    };
    let budget = serde_json::json!({
        "lines": [line("1000000000000"), line("1000000000000")],
        "time": {"managerHoursPerWeek": "", "managerHourlyCost": "", "coachCount": "",
                 "coachHoursPerWeek": "", "coachHourlyCost": "", "coacheeHoursPerWeek": "",
                 "coacheeHourlyCost": ""}
    });
    let file = dir.path().join("budget.json");
    std::fs::write(&file, budget.to_string()).unwrap();
    let said = refused(
        &db,
        &["pilot", "budget", "1", "--file", file.to_str().unwrap()],
    );
    assert!(said.contains("more than 1,000,000,000 in all"), "{said}");
    let shown = pilotdesk(&db, &["pilot", "show", "1", "--json"]);
    assert!(
        shown.status.success(),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
}
