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
