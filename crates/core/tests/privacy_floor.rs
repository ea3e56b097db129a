//! The privacy floor: a team of four in a pilot must not appear anywhere (the dashboard's
//! JSON, the team breakdown's CSV, the printed outcome pack), and no total may give it away
//! (complementary suppression: whatever is hidden in a group adds up to at least the floor).

mod support;

use std::fmt::Write as _;

use pilotdesk_core::model::{Arm, CohortInput, ImportKind, KpiInput, NewPilotInput};
use pilotdesk_core::workflows::{analytics, cohort, imports, kpis, packs, pilots};
use pilotdesk_core::Store;
use support::{date, import_request, pdf_text, write_file};

const SMALL_MANAGER: &str = "Quinn Smallgroup";
const SMALL_TEAM: &str = "Tiny Crew";

/// (team, manager name, reports) for the pilot teams, then the comparison teams.
const PILOT_TEAMS: &[(&str, &str, u32)] = &[
    ("North", "Ada North", 8),
    (SMALL_TEAM, SMALL_MANAGER, 4),
    ("East", "Eli East", 7),
];
const COMPARISON_TEAMS: &[(&str, &str, u32)] = &[
    ("South", "Sam South", 9),
    ("West", "Wu West", 6),
    ("Central", "Cy Central", 8),
];

/// A small organisation with one team of four in the pilot group, a hand-picked pilot, a KPI
/// with weekly observations and coaching logged; returns the store and the pilot's id.
fn workspace(dir: &tempfile::TempDir) -> (Store, i64) {
    let today = date("2027-04-20");
    let mut store = Store::open_in_memory().unwrap();
    let mut people = String::from("employeeId,name,email,team,role,managerId,hireDate\n");
    people.push_str("L1,Lee Lead,lee@x.example,Leadership,Director,,2015-01-05\n");
    let mut reports: Vec<(String, String, bool)> = Vec::new(); // (id, manager id, pilot)
    for (index, (team, manager, size)) in PILOT_TEAMS.iter().chain(COMPARISON_TEAMS).enumerate() {
        let manager_id = format!("M{index}");
        let _ = writeln!(
            people,
            "{manager_id},{manager},m{index}@x.example,{team},Team Lead,L1,2018-03-01"
        );
        for n in 0..*size {
            let id = format!("P{index}{n:02}");
            let _ = writeln!(
                people,
                "{id},Person {index}-{n},p{index}{n}@x.example,{team},Agent,{manager_id},2021-06-01"
            );
            reports.push((id, manager_id.clone(), index < PILOT_TEAMS.len()));
        }
    }
    let path = write_file(dir, "people.csv", &people);
    imports::import(
        &mut store,
        &import_request(ImportKind::People, &path),
        today,
    )
    .unwrap();

    let pilot = pilots::create_pilot(
        &mut store,
        &NewPilotInput {
            name: "Escalation coaching".into(),
            objective: "Resolve more escalations at first contact.".into(),
            workflows: vec!["Customer escalation".into()],
            start_date: "2027-01-11".into(),
            sponsor: "Lee Lead".into(),
            budget: "10000".into(),
            templates: vec![],
        },
    )
    .unwrap();
    kpis::save_kpi(
        &mut store,
        pilot.id,
        &KpiInput {
            id: None,
            name: "First-contact resolution".into(),
            unit: "%".into(),
            direction: "higher".into(),
            value_per_unit: "400".into(),
            data_source: "Service desk".into(),
            baseline_start: "2026-10-01".into(),
            baseline_end: "2027-01-10".into(),
            baseline_value: "70".into(),
            target_lift: "3".into(),
            interval_above_zero: true,
        },
        date("2026-11-29"),
    )
    .unwrap();
    cohort::set_cohort(
        &mut store,
        pilot.id,
        &CohortInput {
            design: "hand_picked".into(),
            manager_ids: vec![],
            seed: String::new(),
            pilot_teams: PILOT_TEAMS.iter().map(|t| t.0.to_string()).collect(),
            comparison_teams: COMPARISON_TEAMS.iter().map(|t| t.0.to_string()).collect(),
        },
        date("2026-11-29"),
    )
    .unwrap();

    // Weekly observations: every person a level of their own, the pilot teams 4 points up
    // once coaching starts; and a coaching moment a week for each pilot report.
    let mut observations = String::from("kpi,employeeId,date,value\n");
    let mut events = String::from("eventId,managerId,coacheeId,occurredAt,minutes,kind,pilot\n");
    let mut day = date("2026-10-02");
    let mut week = 0;
    while day <= date("2027-04-09") {
        for (n, (id, manager, in_pilot)) in reports.iter().enumerate() {
            let noise = ((n * 7 + week * 3) % 5) as f64 - 2.0;
            let lift = if *in_pilot && day >= date("2027-01-11") {
                4.0
            } else {
                0.0
            };
            let value = 68.0 + (n % 6) as f64 + noise + lift;
            let _ = writeln!(observations, "First-contact resolution,{id},{day},{value}");
            if *in_pilot && day >= date("2027-01-11") {
                let _ = writeln!(
                    events,
                    "e-{id}-{week},{manager},{id},{day} 10:00,15,micro_coaching,Escalation coaching"
                );
            }
        }
        day += chrono::Duration::days(7);
        week += 1;
    }
    let path = write_file(dir, "observations.csv", &observations);
    imports::import(
        &mut store,
        &import_request(ImportKind::Observations, &path),
        today,
    )
    .unwrap();
    let path = write_file(dir, "events.csv", &events);
    imports::import(
        &mut store,
        &import_request(ImportKind::Events, &path),
        today,
    )
    .unwrap();
    (store, pilot.id)
}

fn assert_absent(text: &str, place: &str) {
    for secret in [SMALL_MANAGER, SMALL_TEAM] {
        assert!(!text.contains(secret), "{secret} appears in {place}");
    }
}

#[test]
fn a_team_of_four_appears_nowhere_and_no_total_reveals_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, pilot_id) = workspace(&dir);
    let as_of = date("2027-04-12");
    let dashboard = analytics::dashboard(&store, pilot_id, as_of).unwrap();

    // The pilot group as a whole (19 people) is measured; the lift is there.
    let lift = dashboard.kpis[0].lift.as_ref().expect("the lift is shown");
    assert_eq!(lift.pilot_people, 19);
    assert!(lift.improvement > 3.0, "{}", lift.improvement);

    // Nothing about the team of four in the JSON.
    let json = serde_json::to_string(&dashboard).unwrap();
    assert_absent(&json, "the dashboard JSON");

    // No total reveals it: in each group, the people of the hidden rows add up to at least
    // the floor (so the group total minus the rows shown is never a group under it), and at
    // least two rows are hidden wherever any is.
    let floor = dashboard.min_group_size;
    for (arm, teams) in [
        (Arm::Pilot, PILOT_TEAMS),
        (Arm::Comparison, COMPARISON_TEAMS),
    ] {
        let total: u32 = teams.iter().map(|t| t.2).sum();
        let shown: Vec<_> = dashboard
            .units
            .rows
            .iter()
            .filter(|r| r.arm == arm)
            .collect();
        let hidden_people = total - shown.iter().map(|r| r.people).sum::<u32>();
        let hidden_rows = teams.len() - shown.len();
        if hidden_rows > 0 {
            assert!(hidden_rows >= 2, "{arm:?}: one row hidden alone");
            assert!(
                hidden_people >= floor,
                "{arm:?}: {hidden_people} people hidden"
            );
        }
    }
    assert!(dashboard.units.hidden >= 2);
    assert!(!dashboard.privacy_notes.is_empty());

    // Nor in the team breakdown's CSV.
    let csv = dir.path().join("teams.csv");
    pilotdesk_core::export::dashboard::write_teams_csv(&dashboard, &csv).unwrap();
    let csv_text = std::fs::read_to_string(&csv).unwrap();
    assert_absent(&csv_text, "the teams CSV");
    assert!(csv_text.contains("South"), "the teams shown are in the CSV");

    // Nor in the printed outcome pack.
    let pdf = dir.path().join("outcome.pdf");
    packs::save_outcome(&mut store, pilot_id, 90, &pdf, None, date("2027-04-20")).unwrap();
    let text = pdf_text(&pdf);
    assert_absent(&text, "the outcome pack");
    assert!(text.contains("First-contact resolution"));
    assert!(
        text.contains("not shown"),
        "the pack says something was held back"
    );
}
