//! The coaching network on a small organisation built by hand, so every figure can be
//! worked out on paper (below) and asserted exactly.
//!
//! Quarter 2026-Q3 (1 July to 30 September). People, by team:
//!   Sales   S1 (manages S2, S3, S4), S2, S3, S4      4 people
//!   Support U1 (manages U2, U3; internal coach), U2, U3  3 people
//!   Ops     O1 (manages O2), O2                      2 people
//! Not counted: L1 (Sales) left on 30 June; J1 (Ops) was hired on 15 October.
//! n = 9, so n(n-1)/2 = 36 possible ties.
//!
//! Coaching events (coach -> coachee):
//!   S1->S2 twice, S2->S1 once     one tie S1-S2 (within Sales; both directions count once)
//!   S1->S3                        tie S1-S3 (within Sales)
//!   U1->U2                        tie U1-U2 (within Support)
//!   U1->S4                        tie U1-S4 (across)
//!   U1->O2                        tie U1-O2 (across)
//!   S3->U3 at 2026-09-30 23:59:59 tie S3-U3 (across; the last second of the quarter)
//!   O1->O1, S1->L1, S1 with no coachee: left out (3 events)
//!   S3->U3 on 30 June and S4->O1 on 1 October: other quarters
//! Ties = 6, density = 6/36 = 1/6. Reached: everyone but O1, 8 of 9. Across teams: 3 of 6
//! ties, 1/2. Events counted: 8.
mod support;

use pilotdesk_core::model::network::Quarter;
use pilotdesk_core::model::Person;
use pilotdesk_core::workflows::network;
use pilotdesk_core::Store;
use support::date;

fn person(id: &str, team: &str, manager: Option<&str>) -> Person {
    Person {
        id: id.into(),
        name: format!("Person {id}"),
        email: format!("{}@example.org", id.to_lowercase()),
        team: team.into(),
        role: if manager.is_some() { "Agent" } else { "Lead" }.into(),
        manager_id: manager.map(String::from),
        hire_date: Some(date("2025-01-06")),
        leaving_date: None,
    }
}

fn event(store: &Store, n: u32, coach: &str, coachee: Option<&str>, at: &str) {
    store
        .conn()
        .execute(
            "INSERT INTO coaching_events (uid, manager_id, coachee_id, occurred_at, minutes, kind,
                 notes, source)
             VALUES (printf('00000000-0000-0000-0000-%012d', ?1), ?2, ?3, ?4, 30,
                 'micro_coaching', '', 'quick_log')",
            rusqlite::params![n, coach, coachee, at],
        )
        .unwrap();
}

fn organisation(floor: u32) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let tx = store.write().unwrap();
    let day = date("2025-01-06");
    let mut people = vec![
        person("S1", "Sales", None),
        person("S2", "Sales", Some("S1")),
        person("S3", "Sales", Some("S1")),
        person("S4", "Sales", Some("S1")),
        person("U1", "Support", None),
        person("U2", "Support", Some("U1")),
        person("U3", "Support", Some("U1")),
        person("O1", "Ops", None),
        person("O2", "Ops", Some("O1")),
    ];
    let mut leaver = person("L1", "Sales", Some("S1"));
    leaver.leaving_date = Some(date("2026-06-30"));
    let mut joiner = person("J1", "Ops", Some("O1"));
    joiner.hire_date = Some(date("2026-10-15"));
    people.extend([leaver, joiner]);
    for p in &people {
        pilotdesk_core::store::people::insert(&tx, p, day).unwrap();
    }
    pilotdesk_core::store::settings::set(&tx, "min_group_size", &floor.to_string()).unwrap();
    tx.execute(
        "INSERT INTO coaches (person_id, nominated_by, nominated_on) VALUES ('U1', 'S1', '2026-01-05')",
        [],
    )
    .unwrap();
    tx.commit().unwrap();
    let events: [(&str, Option<&str>, &str); 13] = [
        ("S1", Some("S2"), "2026-07-02T09:00:00"),
        ("S1", Some("S2"), "2026-08-12T10:00:00"),
        ("S2", Some("S1"), "2026-08-20T11:00:00"),
        ("S1", Some("S3"), "2026-07-15T09:30:00"),
        ("U1", Some("U2"), "2026-07-01T08:00:00"),
        ("U1", Some("S4"), "2026-09-01T14:00:00"),
        ("U1", Some("O2"), "2026-09-02T14:00:00"),
        ("S3", Some("U3"), "2026-09-30T23:59:59"),
        ("O1", Some("O1"), "2026-08-01T09:00:00"),
        ("S1", Some("L1"), "2026-08-01T09:00:00"),
        ("S1", None, "2026-08-03T09:00:00"),
        ("S3", Some("U3"), "2026-06-30T17:00:00"),
        ("S4", Some("O1"), "2026-10-01T08:00:00"),
    ];
    for (n, (coach, coachee, at)) in events.iter().enumerate() {
        event(&store, n as u32 + 1, coach, *coachee, at);
    }
    store
}

#[test]
fn density_reach_and_cross_team_transfer_match_the_hand_count() {
    let store = organisation(5);
    let f = network::figures(store.conn(), "2026-Q3", None).unwrap();
    assert_eq!(f.people, 9);
    assert_eq!(f.possible_ties, 36);
    assert_eq!(f.ties, 6);
    assert_eq!(f.density, Some(6.0 / 36.0));
    assert_eq!(f.reached, 8);
    assert_eq!(f.reach, Some(8.0 / 9.0));
    assert_eq!(f.cross_team_ties, 3);
    assert_eq!(f.cross_team, Some(0.5));
    assert_eq!((f.events, f.excluded_events), (8, 3));
    assert_eq!(f.hours, 4.0);
    assert_eq!((f.from, f.to), (date("2026-07-01"), date("2026-09-30")));
}

#[test]
fn the_coach_with_the_widest_reach_comes_first() {
    let store = organisation(5);
    let f = network::figures(store.conn(), "2026-Q3", None).unwrap();
    let ids: Vec<&str> = f.coaches.iter().map(|c| c.person_id.as_str()).collect();
    // U1: 3 coachees in 3 teams; S1: 2 in 1; S2 and S3 one each, in one team, for the same
    // half hour: by id.
    assert_eq!(ids, ["U1", "S1", "S2", "S3"]);
    let u1 = &f.coaches[0];
    assert!(u1.internal);
    assert_eq!(
        (
            u1.events,
            u1.coachees,
            u1.teams_reached,
            u1.other_team_coachees
        ),
        (3, 3, 3, 2)
    );
    assert_eq!(u1.hours, 1.5);
    let s1 = &f.coaches[1];
    assert!(!s1.internal);
    assert_eq!(
        (
            s1.events,
            s1.coachees,
            s1.teams_reached,
            s1.other_team_coachees
        ),
        (3, 2, 1, 0)
    );
    // No KPI has data about people: no impact, and no pretence of one.
    assert!(f.impact_kpi.is_none() && f.coaches.iter().all(|c| c.impact.is_none()));
}

#[test]
fn no_team_breakdown_under_the_floor_nor_one_a_total_would_give_away() {
    // Floor 5: every team is smaller, so no team shows figures.
    let f = network::figures(organisation(5).conn(), "2026-Q3", None).unwrap();
    assert!(f
        .teams
        .iter()
        .all(|t| t.hidden && t.reached.is_none() && t.reach.is_none()));
    // Floor 3: Ops (2) is under it; Support (3) is hidden too, or the total minus Sales
    // would give Ops away. Sales shows: 4 people, all reached (S4 through U1), 2 ties inside
    // (S1-S2, S1-S3) and 2 across (U1-S4, S3-U3).
    let f = network::figures(organisation(3).conn(), "2026-Q3", None).unwrap();
    let team = |name: &str| f.teams.iter().find(|t| t.team == name).unwrap();
    assert!(team("Ops").hidden && team("Support").hidden);
    let sales = team("Sales");
    assert!(!sales.hidden);
    assert_eq!(
        (
            sales.people,
            sales.reached,
            sales.ties_within,
            sales.ties_across
        ),
        (4, Some(4), Some(2), Some(2))
    );
    assert_eq!(sales.reach, Some(1.0));
}

fn add_kpi(store: &mut Store) -> i64 {
    let pilot = pilotdesk_core::workflows::pilots::create_pilot(store, &support::pilot_input("P"))
        .unwrap()
        .id;
    store
        .conn()
        .execute(
            "INSERT INTO pilot_kpis (pilot_id, position, name, unit, direction)
             VALUES (?1, 1, 'First-contact resolution', '%', 'higher')",
            [pilot],
        )
        .unwrap();
    store.conn().last_insert_rowid()
}

fn observe(store: &Store, kpi: i64, person: &str, day: &str, value: f64) {
    store
        .conn()
        .execute(
            "INSERT INTO kpi_observations (kpi_id, person_id, observed_on, value) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![kpi, person, day, value],
        )
        .unwrap();
}

#[test]
fn coach_impact_compares_coachees_with_comparable_people_and_says_it_is_weaker_evidence() {
    let mut store = organisation(3);
    let kpi = add_kpi(&mut store);
    // U1 coached U2, S4 and O2: they gain 5, 6 and 7 points (mean 6). The people of their
    // teams whom U1 did not coach (S1, S2, S3, U3, O1) gain 1, 2, 3, 2, 2 (mean 2). Effect 4.
    let gains = [
        ("U2", 5.0),
        ("S4", 6.0),
        ("O2", 7.0),
        ("S1", 1.0),
        ("S2", 2.0),
        ("S3", 3.0),
        ("U3", 2.0),
        ("O1", 2.0),
    ];
    for (who, gain) in gains {
        observe(&store, kpi, who, "2026-05-10", 60.0);
        observe(&store, kpi, who, "2026-06-10", 62.0);
        observe(&store, kpi, who, "2026-08-10", 61.0 + gain);
    }
    let f = network::figures(store.conn(), "2026-Q3", None).unwrap();
    let chosen = f.impact_kpi.as_ref().unwrap();
    assert_eq!(
        (chosen.kpi_id, chosen.baseline_quarter.as_str()),
        (kpi, "2026-Q2")
    );
    let u1 = f.coaches.iter().find(|c| c.person_id == "U1").unwrap();
    let impact = u1.impact.as_ref().unwrap();
    assert_eq!((impact.coachees, impact.comparison), (3, 5));
    assert_eq!(impact.comparison_basis, "the same team");
    assert!((impact.improvement.unwrap() - 4.0).abs() < 1e-9);
    assert!(
        impact.display.as_deref().unwrap().starts_with("+4.0"),
        "{:?}",
        impact.display
    );
    assert!(impact
        .display
        .as_deref()
        .unwrap()
        .ends_with("percentage points"));
    assert!(impact.interval.is_some());
    assert!(
        impact
            .evidence
            .starts_with("Weaker evidence: observational"),
        "{}",
        impact.evidence
    );
    // S1 coached two people, under the floor of 3: no figure, and the reason.
    let s1 = f.coaches.iter().find(|c| c.person_id == "S1").unwrap();
    let hidden = s1.impact.as_ref().unwrap();
    assert!(hidden.effect.is_none() && hidden.display.is_none());
    assert!(hidden
        .not_shown
        .as_deref()
        .unwrap()
        .contains("privacy floor"));
    // A KPI without data about people cannot be asked for.
    let error = network::figures(store.conn(), "2026-Q3", Some(kpi + 100)).unwrap_err();
    assert!(
        error.to_string().contains("kpi") || error.to_string().contains("KPI"),
        "{error}"
    );
}

#[test]
fn the_view_steps_through_quarters_and_the_map_holds_everyone_and_every_tie() {
    let store = organisation(5);
    let view = network::view(store.conn(), None).unwrap();
    // Events run from 30 June to 1 October: three quarters, the latest shown by default.
    assert_eq!(view.quarters, ["2026-Q2", "2026-Q3", "2026-Q4"]);
    assert_eq!(view.quarter.as_deref(), Some("2026-Q4"));
    let view = network::view(store.conn(), Some("2026-Q3")).unwrap();
    let layout = &view.layout;
    assert_eq!(layout.nodes.len(), 9);
    assert_eq!(layout.teams.len(), 3);
    assert_eq!(layout.edges.len(), 6);
    assert_eq!(layout.edges.iter().filter(|e| e.cross_team).count(), 3);
    let node = |id: &str| layout.nodes.iter().position(|n| n.id == id).unwrap() as u32;
    let s1_s2 = layout
        .edges
        .iter()
        .find(|e| (e.a, e.b) == (node("S1").min(node("S2")), node("S1").max(node("S2"))))
        .unwrap();
    assert_eq!(s1_s2.weight, 3);
    assert!(layout.nodes[node("U1") as usize].coach);
    assert_eq!(layout.nodes[node("U1") as usize].ties, 3);
    for n in &layout.nodes {
        assert!(n.x > 0.0 && n.x < layout.width && n.y > 0.0 && n.y < layout.height);
    }
    // The same data, the same map.
    assert_eq!(
        network::view(store.conn(), Some("2026-Q3")).unwrap().layout,
        *layout
    );
    // A quarter with nothing in it still has its people, and no ties.
    let empty = network::view(store.conn(), Some("2025-Q1")).unwrap();
    assert_eq!(empty.figures.as_ref().unwrap().ties, 0);
    assert!(empty.layout.edges.is_empty());
}

#[test]
fn a_quarter_that_is_not_one_is_refused_by_its_field() {
    let store = organisation(5);
    for bad in ["2026-Q5", "Q3", "2026-07"] {
        let error = network::figures(store.conn(), bad, None).unwrap_err();
        let api = pilotdesk_core::ApiError::from(&error);
        assert_eq!(api.code, "invalid_input", "{bad}");
        assert_eq!(api.details[0].field.as_deref(), Some("quarter"), "{bad}");
    }
    assert_eq!(Quarter::parse("2026-Q3").unwrap().to_string(), "2026-Q3");
}

#[test]
fn an_empty_workspace_has_no_quarter_to_show() {
    let store = Store::open_in_memory().unwrap();
    let view = network::view(store.conn(), None).unwrap();
    assert!(view.quarter.is_none() && view.figures.is_none() && view.quarters.is_empty());
    assert!(view.layout.nodes.is_empty());
}
