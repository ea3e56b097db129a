//! People's leaving dates and their dated history of team, role and manager: recorded by
//! imports (only when something moved), by hand and by the generator; refused when a
//! leaving date comes before the hire date; kept through an export and an import back.

mod support;

use pilotdesk_core::model::{
    EventFilter, ImportKind, PersonChange, PersonHistoryEntry, PersonInput,
};
use pilotdesk_core::store::person_history;
use pilotdesk_core::workflows::exports::export_table;
use pilotdesk_core::workflows::imports::import;
use pilotdesk_core::workflows::{users, workspace};
use pilotdesk_core::Store;
use support::{count, date, import_request, problems, snapshot, write_file};

const FIRST: &str = "Employee ID,Name,Team,Role,Manager ID,Hire date,Leaving date\n\
    M1,Maya Field,Sales North,Sales Manager,,2018-03-01,\n\
    M2,Omar Hale,Sales South,Sales Manager,,2019-06-10,\n\
    A1,Ada Brook,Sales North,Account Executive,M1,2022-01-10,\n\
    B1,Ben Cole,Sales North,Account Executive,M1,2023-05-02,\n\
    C1,Cai Dunn,Sales South,Account Executive,M2,,2026-09-30\n";

/// Ada is promoted (a role change); Ben moves to the south team and its manager.
const SECOND: &str = "Employee ID,Name,Team,Role,Manager ID,Hire date,Leaving date\n\
    M1,Maya Field,Sales North,Sales Manager,,2018-03-01,\n\
    M2,Omar Hale,Sales South,Sales Manager,,2019-06-10,\n\
    A1,Ada Brook,Sales North,Senior Account Executive,M1,2022-01-10,\n\
    B1,Ben Cole,Sales South,Account Executive,M2,2023-05-02,\n\
    C1,Cai Dunn,Sales South,Account Executive,M2,,2026-09-30\n";

fn history(store: &Store, id: &str) -> Vec<PersonHistoryEntry> {
    workspace::person_history(store, id).unwrap().entries
}

fn import_people(store: &mut Store, path: &std::path::Path, on: &str) -> Option<i64> {
    import(store, &import_request(ImportKind::People, path), date(on))
        .unwrap_or_else(|e| panic!("{path:?}: {}", pilotdesk_core::ApiError::from(e)))
        .import_id
}

#[test]
fn a_promotion_and_a_move_are_dated_history_and_a_reimport_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = write_file(&dir, "people-october.csv", FIRST);
    let second = write_file(&dir, "people-november.csv", SECOND);
    let mut store = Store::open_in_memory().unwrap();

    let first_import = import_people(&mut store, &first, "2026-10-01");
    assert_eq!(
        count(&store, "person_history"),
        5,
        "one 'joined' entry each"
    );
    let ada = history(&store, "A1");
    assert_eq!(ada.len(), 1);
    assert_eq!(
        ada[0].valid_from,
        date("2022-01-10"),
        "joined on the hire date"
    );
    assert_eq!(ada[0].changes, vec![PersonChange::Joined]);
    assert_eq!(ada[0].manager_name.as_deref(), Some("Maya Field"));
    assert_eq!(ada[0].import_id, first_import);
    let cai = workspace::person_history(&store, "C1").unwrap();
    assert_eq!(
        cai.entries[0].valid_from,
        date("2026-10-01"),
        "no hire date: the history starts on the day of the import"
    );
    assert_eq!(cai.person.leaving_date, Some(date("2026-09-30")));

    let second_import = import_people(&mut store, &second, "2026-11-16");
    assert_ne!(second_import, first_import);
    assert_eq!(count(&store, "person_history"), 7, "two dated changes");
    let ada = history(&store, "A1");
    assert_eq!(ada.len(), 2);
    assert_eq!(ada[1].valid_from, date("2026-11-16"));
    assert_eq!(ada[1].changes, vec![PersonChange::Role]);
    assert_eq!(ada[1].role, "Senior Account Executive");
    assert_eq!(ada[1].import_id, second_import);
    assert_eq!(
        ada[0].role, "Account Executive",
        "the earlier entry stays as it was"
    );
    let ben = history(&store, "B1");
    assert_eq!(ben.len(), 2);
    assert_eq!(ben[1].valid_from, date("2026-11-16"));
    assert_eq!(
        ben[1].changes,
        vec![PersonChange::Team, PersonChange::Manager]
    );
    assert_eq!(
        (ben[1].team.as_str(), ben[1].manager_id.as_deref()),
        ("Sales South", Some("M2"))
    );
    assert_eq!(
        history(&store, "M1").len(),
        1,
        "unchanged people gain nothing"
    );

    let before = snapshot(&store);
    for (path, on) in [(&second, "2026-11-20"), (&second, "2026-12-01")] {
        let again = import(
            &mut store,
            &import_request(ImportKind::People, path),
            date(on),
        )
        .unwrap();
        assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 5));
        assert_eq!(again.import_id, None);
    }
    assert_eq!(snapshot(&store), before, "history included");
}

#[test]
fn a_leaving_date_before_the_hire_date_is_refused_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "people.csv",
        "Employee ID,Name,Team,Hire date,Termination date\n\
         A1,Ada Brook,Sales,2022-01-10,2021-12-31\n\
         B1,Ben Cole,Sales,2023-05-02,someday\n\
         C1,Cai Dunn,Sales,2023-05-02,2023-05-02\n",
    );
    let mut store = Store::open_in_memory().unwrap();
    let before = snapshot(&store);
    let error = import(
        &mut store,
        &import_request(ImportKind::People, &path),
        date("2026-11-23"),
    )
    .unwrap_err();
    let found = problems(error);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (Some(2), Some(5)));
    assert!(
        found[0]
            .2
            .contains("the leaving date 2021-12-31 is before the hire date 2022-01-10"),
        "{}",
        found[0].2
    );
    assert_eq!((found[1].0, found[1].1), (Some(3), Some(5)));
    assert!(
        found[1].2.contains("\"someday\" is not a date"),
        "{}",
        found[1].2
    );
    assert_eq!(snapshot(&store), before, "all or nothing");
}

#[test]
fn a_leaving_date_is_checked_against_the_hire_date_the_workspace_knows() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let first = write_file(
        &dir,
        "people.csv",
        "Employee ID,Name,Team,Hire date\nA1,Ada Brook,Sales,2022-01-10\n",
    );
    import_people(&mut store, &first, "2026-10-01");
    // A leavers' file without hire dates: the workspace's hire date still applies.
    let leavers = write_file(
        &dir,
        "leavers.csv",
        "Employee ID,Name,Team,Exit date\nA1,Ada Brook,Sales,2021-06-30\n",
    );
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::People, &leavers),
            date("2026-11-23"),
        )
        .unwrap_err(),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (Some(2), Some(4)));

    let leavers = write_file(
        &dir,
        "leavers.csv",
        "Employee ID,Name,Team,Exit date\nA1,Ada Brook,Sales,2026-11-06\n",
    );
    import_people(&mut store, &leavers, "2026-11-23");
    let ada = workspace::person_history(&store, "A1").unwrap();
    assert_eq!(ada.person.hire_date, Some(date("2022-01-10")), "kept");
    assert_eq!(ada.person.leaving_date, Some(date("2026-11-06")));
    assert_eq!(ada.entries.len(), 1, "leaving is not a move");
}

#[test]
fn an_export_imports_back_with_its_leaving_dates() {
    let dir = tempfile::tempdir().unwrap();
    let people = write_file(&dir, "people.csv", FIRST);
    let mut store = Store::open_in_memory().unwrap();
    import_people(&mut store, &people, "2026-10-01");
    let before = snapshot(&store);
    for extension in ["csv", "xlsx"] {
        let path = dir.path().join(format!("export.{extension}"));
        export_table(&store, ImportKind::People, &path, &EventFilter::default()).unwrap();
        let back = import(
            &mut store,
            &import_request(ImportKind::People, &path),
            date("2026-11-23"),
        )
        .unwrap();
        assert_eq!(
            (back.inserted, back.updated, back.unchanged),
            (0, 0, 5),
            "{path:?}"
        );

        let mut fresh = Store::open_in_memory().unwrap();
        import_people(&mut fresh, &path, "2026-11-23");
        assert_eq!(
            workspace::list_people(&fresh).unwrap(),
            workspace::list_people(&store).unwrap(),
            "{path:?}"
        );
        assert_eq!(
            workspace::person_history(&fresh, "C1")
                .unwrap()
                .person
                .leaving_date,
            Some(date("2026-09-30"))
        );
    }
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_person_added_by_hand_starts_their_history() {
    let mut store = Store::open_in_memory().unwrap();
    let added = users::add_person(
        &mut store,
        &PersonInput {
            id: "E7".into(),
            name: "Rosa Lindgren".into(),
            email: "rosa@x.example".into(),
            team: "People & Analytics".into(),
            role: "Programme Manager".into(),
        },
        date("2026-11-23"),
    )
    .unwrap();
    let entries = history(&store, &added.id);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].valid_from, date("2026-11-23"));
    assert_eq!(entries[0].changes, vec![PersonChange::Joined]);
    assert_eq!(entries[0].import_id, None);
    assert_eq!(
        workspace::person_history(&store, "nobody")
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn the_demo_and_the_generator_give_everyone_a_first_entry() {
    let store = support::demo_store();
    assert_eq!(
        person_history::count(store.conn()).unwrap(),
        count(&store, "people") as u64
    );
    let mut generated = Store::open_in_memory().unwrap();
    pilotdesk_core::workflows::generate::generate(
        &mut generated,
        &pilotdesk_core::workflows::generate::GenerateOptions {
            people: 60,
            events: 100,
            weeks: 8,
            seed: 7,
            end: date("2026-11-23"),
            effect_scale: 1.0,
        },
    )
    .unwrap();
    assert_eq!(count(&generated, "person_history"), 60);
    let joined_on_hire_date: i64 = generated
        .conn()
        .query_row(
            "SELECT count(*) FROM person_history h JOIN people p ON p.id = h.person_id
             WHERE h.valid_from = p.hire_date AND h.change = 'joined'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(joined_on_hire_date, 60);
}
