mod support;

use std::collections::{HashMap, HashSet};

use pilotdesk_core::model::PilotStatus;
use pilotdesk_core::workflows::demo::{demo_organisation, demo_start_date, load_demo, DemoOutcome};
use pilotdesk_core::workflows::{pilots, workspace};
use pilotdesk_core::Store;
use support::date;

#[test]
fn the_demo_organisation_is_eighty_people_in_six_teams_with_a_sound_hierarchy() {
    let people = demo_organisation();
    assert_eq!(people.len(), 80);
    let teams: HashSet<&str> = people.iter().map(|p| p.team.as_str()).collect();
    assert_eq!(teams.len(), 6, "{teams:?}");

    let ids: HashSet<&str> = people.iter().map(|p| p.id.as_str()).collect();
    let names: HashSet<&str> = people.iter().map(|p| p.name.as_str()).collect();
    let emails: HashSet<&str> = people.iter().map(|p| p.email.as_str()).collect();
    assert_eq!((ids.len(), names.len(), emails.len()), (80, 80, 80));
    assert!(people
        .iter()
        .all(|p| p.email.is_ascii() && p.email.contains('@')));

    let manager_of: HashMap<&str, Option<&str>> = people
        .iter()
        .map(|p| (p.id.as_str(), p.manager_id.as_deref()))
        .collect();
    let roots: Vec<&str> = people
        .iter()
        .filter(|p| p.manager_id.is_none())
        .map(|p| p.role.as_str())
        .collect();
    assert_eq!(roots, vec!["Chief Operating Officer"]);
    for person in &people {
        // Walking up the chain reaches the top within the organisation's depth: no cycles.
        let mut current = person.id.as_str();
        let mut steps = 0;
        while let Some(Some(manager)) = manager_of.get(current) {
            assert!(
                ids.contains(manager),
                "{} reports to unknown {manager}",
                person.id
            );
            current = manager;
            steps += 1;
            assert!(steps < 10, "cycle above {}", person.id);
        }
    }
    let managers: HashSet<&str> = people
        .iter()
        .filter_map(|p| p.manager_id.as_deref())
        .collect();
    assert!(
        managers.len() >= 15,
        "enough managers to coach: {}",
        managers.len()
    );
}

#[test]
fn loading_the_demo_creates_people_and_one_draft_pilot_and_is_idempotent() {
    let mut store = Store::open_in_memory().unwrap();
    let today = date("2026-11-23");
    let DemoOutcome::Loaded { people, pilot } = load_demo(&mut store, today).unwrap() else {
        panic!("an empty workspace takes the demo");
    };
    assert_eq!(people, 80);
    assert_eq!(pilot.status, PilotStatus::Draft);
    assert_eq!(
        pilot.start_date,
        date("2026-12-14"),
        "the Monday three weeks out"
    );
    assert_eq!(pilot.sponsor, "Marcus Oyelaran");
    assert_eq!(
        pilot.workflows,
        vec!["Sales onboarding", "Customer escalation"]
    );

    let overview = workspace::overview(&store).unwrap();
    assert_eq!(overview.people_count, 80);
    assert_eq!(overview.teams.len(), 6);
    assert_eq!(
        overview.settings.workspace_name,
        "Meridian Logistics (demo)"
    );
    let lead = demo_organisation()
        .into_iter()
        .find(|p| p.role == "L&D Lead")
        .unwrap();
    assert_eq!(overview.settings.current_user, lead.name);

    assert_eq!(
        load_demo(&mut store, today).unwrap(),
        DemoOutcome::AlreadyLoaded
    );
    assert_eq!(pilots::list_pilots(&store).unwrap().len(), 1);
}

#[test]
fn the_demo_refuses_a_workspace_that_holds_other_data() {
    let mut store = Store::open_in_memory().unwrap();
    pilots::create_pilot(&mut store, &support::pilot_input("Mine")).unwrap();
    let error = load_demo(&mut store, date("2026-11-23")).unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert_eq!(workspace::overview(&store).unwrap().people_count, 0);
}

#[test]
fn the_demo_pilot_always_starts_on_a_monday_at_least_three_weeks_out() {
    use chrono::Datelike;
    for offset in 0..14 {
        let today = date("2026-11-23") + chrono::Duration::days(offset);
        let start = demo_start_date(today);
        assert_eq!(start.weekday(), chrono::Weekday::Mon);
        let lead = (start - today).num_days();
        assert!((21..28).contains(&lead), "{today}: {lead} days");
    }
}

#[test]
fn a_demo_that_fails_half_way_leaves_the_workspace_empty_and_loads_whole_afterwards() {
    use pilotdesk_core::workflows::demo::load_full_demo;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meridian.sqlite3");
    // The story prints packs into `meridian-packs/`; a file in its place fails it late,
    // after the organisation, the pilots and most of the story were written.
    let blocker = dir.path().join("meridian-packs");
    std::fs::write(&blocker, "not a folder").unwrap();
    let today = date("2026-11-30");

    let mut store = Store::open(&path).unwrap();
    assert!(load_full_demo(&mut store, today).is_err());
    drop(store);
    let store = Store::open(&path).unwrap();
    let count = |table: &str| -> i64 {
        store
            .conn()
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        (count("people"), count("pilots"), count("coaching_events")),
        (0, 0, 0),
        "nothing of the failed demo was kept"
    );
    drop(store);

    std::fs::remove_file(&blocker).unwrap();
    let mut store = Store::open(&path).unwrap();
    assert!(matches!(
        load_full_demo(&mut store, today).unwrap(),
        DemoOutcome::Loaded { people: 80, .. }
    ));
    drop(store);
    let store = Store::open(&path).unwrap();
    let journal: String = store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        journal, "wal",
        "the copied demo keeps the workspace's journal"
    );
    let pilots: i64 = store
        .conn()
        .query_row("SELECT COUNT(*) FROM pilots", [], |r| r.get(0))
        .unwrap();
    assert!(pilots >= 3, "the whole story is there: {pilots} pilots");
    let integrity: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}
