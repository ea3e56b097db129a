//! The flight-risk signals' store read: who was in each arm's teams on the pilot's start
//! date (placed by their manager on that day, from their history), their leaving date and
//! their moves since; then the cohort-level figures over it.

mod support;

use pilotdesk_core::metrics::analytics::flight_risk::{flight_risk, PersonAtStart};
use pilotdesk_core::model::{Arm, CohortInput, ImportKind};
use pilotdesk_core::store::analytics::people_at_start::people_at_start;
use pilotdesk_core::workflows::imports::import;
use pilotdesk_core::workflows::{cohort, pilots};
use pilotdesk_core::Store;
use support::{date, import_request, pilot_input, write_file};

const HEADER: &str = "Employee ID,Name,Team,Role,Manager ID,Hire date,Leaving date\n";

fn leaders() -> String {
    "D1,Dee Lane,Sales Leadership,Sales Director,,2015-01-05,\n\
     M1,Maya Field,Sales North,Sales Manager,D1,2018-03-01,\n\
     M2,Omar Hale,Sales South,Sales Manager,D1,2019-06-10,\n"
        .into()
}

/// A1-A6 under M1 in the north, B1-B6 under M2 in the south; `changes` replaces rows.
fn people_file(changes: &[(&str, &str)]) -> String {
    let mut rows = vec![];
    for n in 1..=6 {
        rows.push((
            format!("A{n}"),
            format!("A{n},Ann {n},Sales North,Account Executive,M1,2021-04-01,\n"),
        ));
        rows.push((
            format!("B{n}"),
            format!("B{n},Ben {n},Sales South,Account Executive,M2,2021-04-01,\n"),
        ));
    }
    for (id, row) in changes {
        match rows.iter_mut().find(|(r, _)| r == id) {
            Some(existing) => existing.1 = format!("{row}\n"),
            None => rows.push((id.to_string(), format!("{row}\n"))),
        }
    }
    let body: String = rows.into_iter().map(|(_, row)| row).collect();
    format!("{HEADER}{}{body}", leaders())
}

fn import_on(store: &mut Store, dir: &tempfile::TempDir, name: &str, text: &str, on: &str) {
    let path = write_file(dir, name, text);
    import(store, &import_request(ImportKind::People, &path), date(on))
        .unwrap_or_else(|e| panic!("{name}: {}", pilotdesk_core::ApiError::from(e)));
}

#[test]
fn people_are_placed_by_their_manager_on_the_start_date_with_their_moves_and_leaving() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    // October: everyone; G1 leaves before the pilot starts.
    import_on(
        &mut store,
        &dir,
        "october.csv",
        &people_file(&[(
            "G1",
            "G1,Gil Moss,Sales North,Account Executive,M1,2020-02-03,2026-10-15",
        )]),
        "2026-10-01",
    );
    // Before the start, B6 moves north: at the start they are in the pilot arm.
    let before_start = [
        (
            "G1",
            "G1,Gil Moss,Sales North,Account Executive,M1,2020-02-03,2026-10-15",
        ),
        (
            "B6",
            "B6,Ben 6,Sales North,Account Executive,M1,2021-04-01,",
        ),
    ];
    import_on(
        &mut store,
        &dir,
        "october-moves.csv",
        &people_file(&before_start),
        "2026-10-20",
    );

    let mut input = pilot_input("North against south");
    input.start_date = "2026-11-02".into();
    let pilot = pilots::create_pilot(&mut store, &input).unwrap();
    cohort::set_cohort(
        &mut store,
        pilot.id,
        &CohortInput {
            design: "hand_picked".into(),
            pilot_teams: vec!["Sales North".into()],
            comparison_teams: vec!["Sales South".into()],
            ..Default::default()
        },
        date("2026-10-25"),
    )
    .unwrap();

    // December: A1 moves south (after the start: still counted in the pilot arm, as a
    // move); A2 is promoted (not a move); B1 left in November; H1 joined after the start
    // (not counted); N1 arrives with no hire date (placed by their current manager).
    let mut december = before_start.to_vec();
    december.extend([
        (
            "A1",
            "A1,Ann 1,Sales South,Account Executive,M2,2021-04-01,",
        ),
        (
            "A2",
            "A2,Ann 2,Sales North,Senior Account Executive,M1,2021-04-01,",
        ),
        (
            "B1",
            "B1,Ben 1,Sales South,Account Executive,M2,2021-04-01,2026-11-20",
        ),
        (
            "H1",
            "H1,Hal Young,Sales North,Account Executive,M1,2026-11-20,",
        ),
        ("N1", "N1,Nia Ray,Sales South,Account Executive,M2,,"),
    ]);
    import_on(
        &mut store,
        &dir,
        "december.csv",
        &people_file(&december),
        "2026-12-01",
    );

    let people = people_at_start(store.conn(), pilot.id).unwrap();
    let arm =
        |arm: Arm| -> Vec<&PersonAtStart> { people.iter().filter(|p| p.arm == arm).collect() };
    let pilot_arm = arm(Arm::Pilot);
    let comparison = arm(Arm::Comparison);
    assert_eq!(
        pilot_arm.len(),
        7,
        "A1-A6 and B6; not G1 (gone) or H1 (hired later)"
    );
    assert_eq!(comparison.len(), 6, "B1-B5 and N1");
    let movers: Vec<&Vec<chrono::NaiveDate>> = people
        .iter()
        .filter(|p| !p.moved_on.is_empty())
        .map(|p| &p.moved_on)
        .collect();
    assert_eq!(
        movers,
        vec![&vec![date("2026-12-01")]],
        "A1 only; B6 moved before"
    );
    assert!(pilot_arm
        .iter()
        .any(|p| p.moved_on == vec![date("2026-12-01")]));
    let leavers: Vec<(Arm, Option<chrono::NaiveDate>)> = people
        .iter()
        .filter(|p| p.left_on.is_some())
        .map(|p| (p.arm, p.left_on))
        .collect();
    assert_eq!(leavers, vec![(Arm::Comparison, Some(date("2026-11-20")))]);

    let risk = flight_risk(&people, (date("2026-11-02"), date("2026-12-31")), 5);
    let pilot_figures = risk.pilot.figures.unwrap();
    let comparison_figures = risk.comparison.figures.unwrap();
    assert_eq!(
        (
            pilot_figures.headcount,
            pilot_figures.leavers.count,
            pilot_figures.moves.count
        ),
        (7, 0, 1)
    );
    assert_eq!(
        (
            comparison_figures.headcount,
            comparison_figures.leavers.count,
            comparison_figures.moves.count
        ),
        (6, 1, 0)
    );
    // 0/7 - 1/6 of the headcount left.
    let difference = risk.difference.unwrap();
    assert!((difference.leavers.rate + 1.0 / 6.0).abs() < 1e-12);
    let json = serde_json::to_string(&risk).unwrap();
    for id in ["\"A1\"", "\"B1\"", "M1", "Ann", "Ben"] {
        assert!(!json.contains(id), "no person appears: {id} in {json}");
    }

    // With a floor of 7 the comparison arm (6) is hidden, and so is the difference.
    let floored = flight_risk(&people, (date("2026-11-02"), date("2026-12-31")), 7);
    assert_eq!(floored.comparison.figures, None);
    assert_eq!(floored.difference, None);

    assert_eq!(
        people_at_start(store.conn(), 999).unwrap_err().code(),
        "not_found"
    );
}
