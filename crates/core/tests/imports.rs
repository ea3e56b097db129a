//! Imports of people, coaching events and KPI observations from CSV and XLSX: real-file
//! quirks, every problem with its line and column, all or nothing, and idempotent.

mod support;

use pilotdesk_core::model::{FieldMapping, ImportKind, Person};
use pilotdesk_core::workflows::imports::{import, preview};
use pilotdesk_core::workflows::workspace;
use pilotdesk_core::Store;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use support::{count, date, demo_store, import_request, problems, snapshot, write_file};

fn today() -> chrono::NaiveDate {
    date("2026-11-23")
}

fn person(store: &Store, id: &str) -> Person {
    workspace::list_people(store)
        .unwrap()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} was imported"))
}

#[test]
fn a_real_world_people_csv_imports() {
    // Excel on a European machine: BOM, semicolons, CRLF, a quoted value with a line break
    // and doubled quotes, a row of bare delimiters and trailing blank lines.
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "hr-export.csv",
        "\u{feff}Employee ID;Full name;E-mail;Department;Job title;Reports to;Hire date\r\n\
         N1;Nora Quist;nora@x.example;Ops North;\"Team Lead\r\nNight shift\";;2019-04-01\r\n\
         N2;\"Ravi \"\"Rav\"\" Patel\";ravi@x.example;Ops North;Agent;N1;2024-02-29\r\n\
         ;;;;;;\r\n\
         \r\n\
         \r\n",
    );
    let mut store = Store::open_in_memory().unwrap();
    let shown = preview(&path, ImportKind::People, None).unwrap();
    assert_eq!(shown.format, "CSV, semicolon-separated, UTF-8 with BOM");
    assert_eq!(shown.row_count, 2, "blank rows are not rows");
    assert_eq!(
        shown.rows[1].line, 4,
        "the quoted line break makes N2 start on line 4"
    );
    assert_eq!(
        shown.headers[0], "Employee ID",
        "the BOM is not part of the header"
    );
    let mapped: Vec<Option<u32>> = shown.fields.iter().map(|f| f.column).collect();
    assert_eq!(
        mapped,
        vec![
            Some(0),
            Some(1),
            Some(2),
            Some(3),
            Some(4),
            Some(5),
            Some(6),
            None
        ]
    );

    let summary = import(
        &mut store,
        &import_request(ImportKind::People, &path),
        today(),
    )
    .unwrap();
    assert_eq!((summary.rows, summary.inserted, summary.updated), (2, 2, 0));
    assert!(summary.import_id.is_some());
    let nora = person(&store, "N1");
    assert_eq!(nora.role, "Team Lead\r\nNight shift");
    assert_eq!(nora.manager_id, None);
    let ravi = person(&store, "N2");
    assert_eq!(ravi.name, "Ravi \"Rav\" Patel");
    assert_eq!(ravi.manager_id.as_deref(), Some("N1"));
    assert_eq!(ravi.hire_date, Some(date("2024-02-29")));
}

#[test]
fn lines_are_physical_lines_whatever_the_line_endings_and_blank_lines() {
    for (ending, blank, expected_line) in [
        ("\n", "", 5),
        ("\r\n", "", 5),
        ("\n", "\n\n", 7),
        ("\r\n", "\r\n", 6),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let text = format!(
            "id,name,team,role,manager,hire date{e}A1,Ann,Ops,\"Lead{e}of night{e}shift\",,2020-01-01{e}{blank}A2,Ben,Ops,Agent,A1,not-a-date{e}",
            e = ending
        );
        let path = write_file(&dir, "people.csv", text);
        let mut store = Store::open_in_memory().unwrap();
        let error = import(
            &mut store,
            &import_request(ImportKind::People, &path),
            today(),
        )
        .unwrap_err();
        let found = problems(error);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].0, found[0].1),
            (Some(expected_line), Some(6)),
            "line ending {ending:?}, blank lines {blank:?}: {found:?}"
        );
        assert!(
            found[0].2.contains("\"not-a-date\" is not a date"),
            "{}",
            found[0].2
        );
    }
}

#[test]
fn a_bad_people_file_reports_every_problem_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "people.csv",
        "Employee ID,Name,Email,Team,Role,Manager ID,Hire date\n\
         X1,Xena One,xena@x.example,Ops,Agent,E1001,2020-01-01\n\
         X2,,x2@x.example,Ops,Agent,X1,2020-01-01\n\
         X1,Xena Again,dup@x.example,Ops,Agent,E1001,2020-01-01\n\
         X3,Xavier,x3@x.example,Ops,Agent,NOPE,2020-01-01\n\
         X4,Xu,x4@x.example,Ops,Agent,X5,2020-13-01\n\
         X5,Xi,x5@x.example,Ops,Agent,X4,2031-01-01\n\
         X6,Xo,not-an-email,Ops,Agent,X6,\n",
    );
    let mut store = demo_store();
    let before = snapshot(&store);
    let error = import(
        &mut store,
        &import_request(ImportKind::People, &path),
        today(),
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("8 problems; nothing was imported"),
        "{error}"
    );
    let found = problems(error);
    let expected: &[(u32, u32, &str)] = &[
        (3, 2, "the name is missing"),
        (4, 1, "duplicate employee id X1: it is already on line 2"),
        (5, 6, "unknown manager NOPE"),
        (
            6,
            6,
            "manager cycle: X4 reports to X5 reports to X4 (lines 6, 7)",
        ),
        (6, 7, "\"2020-13-01\" is not a date"),
        (7, 7, "the hire date 2031-01-01 is in the future"),
        (8, 3, "\"not-an-email\" is not an email address"),
        (8, 6, "X6 is their own manager"),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((line, column, message), (want_line, want_column, want)) in found.iter().zip(expected) {
        assert_eq!(
            (*line, *column),
            (Some(*want_line), Some(*want_column)),
            "{message}"
        );
        assert!(message.contains(want), "line {want_line}: {message}");
    }
    assert_eq!(
        snapshot(&store),
        before,
        "the workspace is unchanged, row for row"
    );
}

#[test]
fn importing_the_same_file_twice_gives_the_rows_of_importing_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "people.csv",
        "Employee ID,Name,Email,Team,Role,Manager ID,Hire date\n\
         X1,Xena One,xena@x.example,Ops,Agent,E1001,2020-01-01\n\
         E1002,Marcus Oyelaran,marcus.oyelaran@meridian-logistics.example,Leadership,VP Sales,E1001,\n",
    );
    let mut store = demo_store();
    let first = import(
        &mut store,
        &import_request(ImportKind::People, &path),
        today(),
    )
    .unwrap();
    assert_eq!((first.inserted, first.rows), (1, 2));
    let once = snapshot(&store);
    let second = import(
        &mut store,
        &import_request(ImportKind::People, &path),
        today(),
    )
    .unwrap();
    assert_eq!(
        (second.inserted, second.updated, second.unchanged),
        (0, 0, 2)
    );
    assert_eq!(
        second.import_id, None,
        "nothing changed, so nothing is recorded"
    );
    assert!(second.notes[0].contains("Nothing changed"));
    assert_eq!(snapshot(&store), once);

    // A corrected row updates that person and only them.
    let path = write_file(
        &dir,
        "people.csv",
        "Employee ID,Name,Email,Team,Role,Manager ID,Hire date\n\
         X1,Xena One,xena@x.example,Ops,Team Lead,E1001,2020-01-01\n",
    );
    let third = import(
        &mut store,
        &import_request(ImportKind::People, &path),
        today(),
    )
    .unwrap();
    assert_eq!((third.inserted, third.updated, third.unchanged), (0, 1, 0));
    assert_eq!(person(&store, "X1").role, "Team Lead");
    assert_eq!(count(&store, "people"), 81);
}

#[test]
fn a_dry_run_counts_exactly_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "people.csv",
        "id,name,team,role\nQ1,Quinn,Ops,Agent\nE1001,Dana Whitfield,Leadership,COO\n\
         E1002,Marcus Oyelaran,Leadership,VP Sales\n",
    );
    let mut store = demo_store();
    let before = snapshot(&store);
    let mut request = import_request(ImportKind::People, &path);
    request.dry_run = true;
    let summary = import(&mut store, &request, today()).unwrap();
    assert!(summary.dry_run);
    // Dana's role changes; Marcus is as he was. Columns the file lacks (email, manager,
    // hire date) keep what the workspace knows.
    assert_eq!(
        (summary.inserted, summary.updated, summary.unchanged),
        (1, 1, 1)
    );
    assert_eq!(snapshot(&store), before);
    request.dry_run = false;
    import(&mut store, &request, today()).unwrap();
    let dana = person(&store, "E1001");
    assert_eq!(dana.role, "COO");
    assert!(dana.email.starts_with("dana.whitfield@"), "{}", dana.email);
    assert!(dana.hire_date.is_some());
}

#[test]
fn a_missing_required_column_is_listed_with_the_rows_problems() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "people.csv",
        "Name,Team,Hire date\nAnn,Ops,tomorrow\n",
    );
    let mut store = Store::open_in_memory().unwrap();
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::People, &path),
            today(),
        )
        .unwrap_err(),
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (Some(1), None));
    assert!(
        found[0].2.contains("no column holds the employee id"),
        "{}",
        found[0].2
    );
    assert_eq!((found[1].0, found[1].1), (Some(2), Some(3)));

    // Choosing the column in the mapping step fixes it.
    let path = write_file(&dir, "people.csv", "Who,Person,Team\nA7,Ann,Ops\n");
    let mut request = import_request(ImportKind::People, &path);
    request.mapping = vec![
        FieldMapping {
            field: "employeeId".into(),
            column: Some(0),
        },
        FieldMapping {
            field: "name".into(),
            column: Some(1),
        },
    ];
    import(&mut store, &request, today()).unwrap();
    assert_eq!(person(&store, "A7").name, "Ann");
}

#[test]
fn non_utf8_text_and_long_rows_are_problems_at_their_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"id,name,team\nA1,Zo".to_vec();
    bytes.push(0xEB); // "e" with diaeresis in Windows-1252
    bytes.extend_from_slice(b",Ops\nA2,Ben,Ops,extra\n");
    let path = write_file(&dir, "people.csv", bytes);
    let mut store = Store::open_in_memory().unwrap();
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::People, &path),
            today(),
        )
        .unwrap_err(),
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (Some(2), Some(2)));
    assert!(found[0].2.contains("not UTF-8"));
    assert_eq!((found[1].0, found[1].1), (Some(3), Some(4)));
    assert!(
        found[1].2.contains("header names 3 columns"),
        "{}",
        found[1].2
    );
}

#[test]
fn an_empty_file_or_a_utf16_file_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let empty = write_file(&dir, "empty.csv", "\u{feff}\r\n\r\n");
    let error = import(
        &mut store,
        &import_request(ImportKind::People, &empty),
        today(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("the file is empty"), "{error}");
    let utf16 = write_file(&dir, "utf16.csv", [0xFF, 0xFE, b'i', 0, b'd', 0]);
    let error = import(
        &mut store,
        &import_request(ImportKind::People, &utf16),
        today(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("UTF-16"), "{error}");
    let header_only = write_file(&dir, "header.csv", "id,name,team\n");
    let error = import(
        &mut store,
        &import_request(ImportKind::People, &header_only),
        today(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("no rows"), "{error}");
}

fn staff_workbook(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("staff.xlsx");
    let mut workbook = Workbook::new();
    let readme = workbook.add_worksheet();
    readme.set_name("Readme").unwrap();
    readme
        .write_string(0, 0, "Exported from the HR system")
        .unwrap();
    let staff = workbook.add_worksheet();
    staff.set_name("Staff").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (column, title) in [
        "Employee ID",
        "Name",
        "Team",
        "Role",
        "Manager ID",
        "Hire date",
    ]
    .iter()
    .enumerate()
    {
        staff.write_string(0, column as u16, *title).unwrap();
    }
    // Ids typed as numbers, a real Excel date, a bare serial and a bad value.
    staff.write_number(1, 0, 1001).unwrap();
    staff.write_string(1, 1, "Ann").unwrap();
    staff.write_string(1, 2, "Ops").unwrap();
    staff.write_string(1, 3, "Lead").unwrap();
    staff
        .write_datetime_with_format(1, 5, ExcelDateTime::from_ymd(2020, 1, 15).unwrap(), &date)
        .unwrap();
    staff.write_number(2, 0, 1002).unwrap();
    staff.write_string(2, 1, "Ben").unwrap();
    staff.write_string(2, 2, "Ops").unwrap();
    staff.write_string(2, 3, "Agent").unwrap();
    staff.write_number(2, 4, 1001).unwrap();
    staff.write_number(2, 5, 45000).unwrap();
    workbook.save(&path).unwrap();
    path
}

#[test]
fn a_workbook_imports_with_excel_dates_and_numeric_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = staff_workbook(&dir);
    let shown = preview(&path, ImportKind::People, Some("Staff")).unwrap();
    assert_eq!(shown.sheets, vec!["Readme", "Staff"]);
    assert_eq!(
        shown.rows[0].cells[0], "1001",
        "a numeric id reads without \".0\""
    );
    assert_eq!(shown.rows[0].cells[5], "2020-01-15");

    let mut store = Store::open_in_memory().unwrap();
    let mut request = import_request(ImportKind::People, &path);
    request.sheet = Some("Staff".into());
    import(&mut store, &request, today()).unwrap();
    assert_eq!(person(&store, "1001").hire_date, Some(date("2020-01-15")));
    let ben = person(&store, "1002");
    assert_eq!(ben.hire_date, Some(date("2023-03-15")), "serial 45000");
    assert_eq!(ben.manager_id.as_deref(), Some("1001"));

    // The first sheet has no such columns: every missing column is named.
    let error = import(
        &mut store,
        &import_request(ImportKind::People, &path),
        today(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("3 problems"), "{error}");
    let mut wrong_sheet = request.clone();
    wrong_sheet.sheet = Some("Payroll".into());
    let error = import(&mut store, &wrong_sheet, today()).unwrap_err();
    assert!(error.to_string().contains("Readme, Staff"), "{error}");
}

#[test]
fn a_workbook_problem_names_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("People").unwrap();
    for (column, title) in ["Employee ID", "Name", "Team", "Hire date"]
        .iter()
        .enumerate()
    {
        // Two blank rows and a blank column before the table: positions are the sheet's.
        sheet.write_string(2, column as u16 + 1, *title).unwrap();
    }
    sheet.write_string(3, 1, "A1").unwrap();
    sheet.write_string(3, 2, "Ann").unwrap();
    sheet.write_string(3, 3, "Ops").unwrap();
    sheet.write_string(3, 4, "next spring").unwrap();
    workbook.save(&path).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::People, &path),
            today(),
        )
        .unwrap_err(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].0, found[0].1), (Some(4), Some(5)));
    assert!(
        found[0].2.ends_with("(cell E4 on sheet \"People\")"),
        "{}",
        found[0].2
    );
}

const EVENTS: &str = "Event ID,Manager ID,Coachee ID,Date,Time,Minutes,Type,Pilot,Task,Notes\n\
    ev-1,E1060,E1061,2026-11-02,09:30,10,Micro-coaching,1,1,\"Replayed the call,\nthen agreed two questions\"\n\
    ev-2,E1060,E1062,2026-11-03,14:05,15,async feedback,Sales onboarding coaching pilot,,\n\
    ,E1040,E1041,2026-11-04 10:00,,20,live check-in,,,\n\
    ,E1040,E1041,2026-11-05,,0:25,Portfolio review,,Own the case: give a specific time for the next update and keep it,\n";

#[test]
fn coaching_events_import_and_reimport_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "events.csv", EVENTS);
    let mut store = demo_store();
    let summary = import(
        &mut store,
        &import_request(ImportKind::Events, &path),
        today(),
    )
    .unwrap();
    assert_eq!((summary.rows, summary.inserted), (4, 4));
    let page =
        pilotdesk_core::workflows::coaching::list_events(&store, &Default::default()).unwrap();
    assert_eq!(page.total, 4);
    assert_eq!(page.total_minutes, 70);
    let first = page
        .events
        .iter()
        .find(|e| e.notes.starts_with("Replayed"))
        .unwrap();
    assert_eq!(first.notes, "Replayed the call,\nthen agreed two questions");
    assert_eq!(first.occurred_at.to_string(), "2026-11-02 09:30:00");
    assert_eq!((first.pilot_id, first.task_id), (Some(1), Some(1)));
    let by_name = page.events.iter().find(|e| e.minutes == 15).unwrap();
    assert_eq!(by_name.pilot_id, Some(1), "a pilot named, not numbered");
    let task_by_text = page.events.iter().find(|e| e.minutes == 25).unwrap();
    assert_eq!(
        (task_by_text.task_id, task_by_text.pilot_id),
        (Some(6), Some(1)),
        "a task by its behaviour brings its pilot"
    );

    let once = snapshot(&store);
    let again = import(
        &mut store,
        &import_request(ImportKind::Events, &path),
        today(),
    )
    .unwrap();
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 4));
    assert_eq!(snapshot(&store), once);
}

#[test]
fn a_bad_events_file_reports_every_problem_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "events.csv",
        "Event ID,Manager ID,Coachee ID,Date,Time,Minutes,Type,Pilot,Task,Notes\n\
         b1,GHOST,E1061,2026-11-02,09:30,10,micro-coaching,,,\n\
         b2,E1060,E1061,2026-11-02,09:30,-5,micro-coaching,,,\n\
         b3,E1060,E1061,02/11/2026,09:30,10,micro-coaching,,,\n\
         b4,E1060,E1061,2027-01-05,09:30,10,micro-coaching,,,\n\
         b5,E1060,E1061,2026-11-02,09:30,10,coffee chat,,,\n\
         b6,E1060,E1061,2026-11-02,09:30,10,micro-coaching,99,,\n\
         b1,E1060,E1062,2026-11-02,10:30,10,micro-coaching,,,\n\
         b7,E1060,E1060,2026-11-02,11:30,10,micro-coaching,,,\n\
         b8,E1060,E1061,2026-11-02,12:30,10,micro-coaching,,42,\n",
    );
    let mut store = demo_store();
    let before = snapshot(&store);
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::Events, &path),
            today(),
        )
        .unwrap_err(),
    );
    let expected: &[(u32, u32, &str)] = &[
        (2, 2, "unknown manager GHOST"),
        (3, 6, "the duration -5 is negative"),
        (4, 4, "could be read day-first or month-first"),
        (5, 4, "the date 2027-01-05 is in the future"),
        (6, 7, "unknown type \"coffee chat\""),
        (7, 8, "unknown pilot"),
        (8, 1, "duplicate event id b1: it is already on line 2"),
        (9, 3, "E1060 is both the manager and the coachee"),
        (10, 9, "there is no playbook task 42"),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((line, column, message), (want_line, want_column, want)) in found.iter().zip(expected) {
        assert_eq!(
            (*line, *column),
            (Some(*want_line), Some(*want_column)),
            "{message}"
        );
        assert!(message.contains(want), "line {want_line}: {message}");
    }
    assert_eq!(snapshot(&store), before);
}

#[test]
fn identical_rows_without_ids_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "events.csv",
        "Manager,Coachee,Date,Minutes,Type\n\
         E1060,E1061,2026-11-02 09:30,10,micro-coaching\n\
         E1060,E1061,2026-11-02 09:30,10,micro-coaching\n",
    );
    let mut store = demo_store();
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::Events, &path),
            today(),
        )
        .unwrap_err(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, Some(3));
    assert!(
        found[0].2.contains("repeats line 2 exactly"),
        "{}",
        found[0].2
    );
}

#[test]
fn kpi_observations_import_by_name_with_decimal_commas() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "kpis.csv",
        "KPI;Employee ID;Team;Date;Value\n\
         First-contact resolution;;Customer Support;2026-10-30;71,5\n\
         Days to first closed deal;E1061;;2026-10-30;64\n\
         discovery calls converted to qualified opportunities;E1062;;2026-10-30;\"23,5\"\n",
    );
    let mut store = demo_store();
    let summary = import(
        &mut store,
        &import_request(ImportKind::Observations, &path),
        today(),
    )
    .unwrap();
    assert_eq!(summary.inserted, 3);
    let page = pilotdesk_core::workflows::kpi_data::kpi_observations(&store, 3, 0, 0).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(
        page.observations[0].team.as_deref(),
        Some("Customer Support")
    );
    assert_eq!(page.observations[0].value, 71.5);
    assert_eq!(page.weekly[0].week_start, date("2026-10-26"));

    let once = snapshot(&store);
    let again = import(
        &mut store,
        &import_request(ImportKind::Observations, &path),
        today(),
    )
    .unwrap();
    assert_eq!((again.inserted, again.updated), (0, 0));
    assert_eq!(snapshot(&store), once);

    let path = write_file(
        &dir,
        "kpis.csv",
        "KPI;Employee ID;Team;Date;Value\nDays to first closed deal;E1061;;2026-10-30;61\n",
    );
    let corrected = import(
        &mut store,
        &import_request(ImportKind::Observations, &path),
        today(),
    )
    .unwrap();
    assert_eq!(
        (corrected.inserted, corrected.updated),
        (0, 1),
        "a corrected value replaces the old"
    );
    assert_eq!(count(&store, "kpi_observations"), 3);
}

/// A value the KPI's unit cannot take is refused where it is: a percentage above 100 or of
/// 1e308 (which made the lift print NaN) never reaches the figures.
#[test]
fn an_observation_outside_what_its_unit_allows_is_refused_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "fcr.csv",
        "KPI,Employee ID,Team,Date,Value\n\
         First-contact resolution,E1061,,2026-10-30,74.5\n\
         First-contact resolution,E1062,,2026-10-30,120\n\
         First-contact resolution,E1063,,2026-10-30,1e308\n\
         First-contact resolution,E1064,,2026-10-30,-1e308\n",
    );
    let mut store = demo_store();
    let before = snapshot(&store);
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::Observations, &path),
            today(),
        )
        .unwrap_err(),
    );
    let places: Vec<(u32, u32)> = found
        .iter()
        .map(|(l, c, _)| (l.unwrap_or(0), c.unwrap_or(0)))
        .collect();
    assert_eq!(places, [(3, 5), (4, 5), (5, 5)], "{found:#?}");
    assert!(
        found[0]
            .2
            .contains("120 is not possible in %: a percentage lies between 0 and 100"),
        "{found:#?}"
    );
    assert!(
        found[1].2.contains("too large to be a measurement"),
        "{found:#?}"
    );
    assert_eq!(snapshot(&store), before, "nothing was written");
}

#[test]
fn a_bad_observations_file_reports_every_problem_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        &dir,
        "kpis.csv",
        "KPI,Employee ID,Team,Date,Value\n\
         Happiness,E1061,,2026-10-30,3\n\
         First-contact resolution,GHOST,,2026-10-30,3\n\
         First-contact resolution,,Narnia,2026-10-30,3\n\
         First-contact resolution,E1061,,2027-01-01,3\n\
         First-contact resolution,E1061,,2026-10-30,n/a\n\
         First-contact resolution,,,2026-10-30,4\n\
         First-contact resolution,E1062,,2026-10-30,4\n\
         First-contact resolution,E1062,,2026-10-30,5\n",
    );
    let mut store = demo_store();
    let before = snapshot(&store);
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::Observations, &path),
            today(),
        )
        .unwrap_err(),
    );
    let expected: &[(u32, u32, &str)] = &[
        (2, 1, "unknown KPI \"Happiness\""),
        (3, 2, "unknown person GHOST"),
        (4, 3, "unknown team \"Narnia\""),
        (5, 4, "in the future"),
        (6, 5, "\"n/a\" is not a number"),
        (7, 2, "give the person or the team"),
        (
            9,
            4,
            "already has a value for the same person on 2026-10-30, on line 8",
        ),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((line, column, message), (want_line, want_column, want)) in found.iter().zip(expected) {
        assert_eq!(
            (*line, *column),
            (Some(*want_line), Some(*want_column)),
            "{message}"
        );
        assert!(message.contains(want), "line {want_line}: {message}");
    }
    assert_eq!(snapshot(&store), before);
}

#[test]
fn every_import_is_recorded_for_the_lineage() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "events.csv", EVENTS);
    let mut store = demo_store();
    import(
        &mut store,
        &import_request(ImportKind::Events, &path),
        today(),
    )
    .unwrap();
    let records = pilotdesk_core::workflows::imports::list_imports(&store).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].file_name, "events.csv");
    assert_eq!(records[0].kind, "events");
    assert_eq!(records[0].content_hash.len(), 64);
    assert_eq!((records[0].rows, records[0].inserted), (4, 4));
    let logged: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM change_log WHERE entity = 'import' AND summary LIKE 'Imported events.csv: 4 coaching events%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, 1);
}

/// `count` coaching events with ids `{prefix}-0`, `{prefix}-1`, …, for imports that take a
/// while.
fn many_events(prefix: &str, count: u32) -> String {
    let mut csv = String::from("eventId,managerId,coacheeId,occurredAt,minutes,kind\n");
    for i in 0..count {
        csv.push_str(&format!(
            "{prefix}-{i},E1060,E1061,2026-10-{:02} 09:00,15,micro_coaching\n",
            1 + i % 28
        ));
    }
    csv
}

/// The window shows how far a long import has read: a report every 20,000 rows, against
/// an estimate from the file's size that the last report never trails.
#[test]
fn a_long_import_reports_how_far_it_has_read() {
    let mut store = demo_store();
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "long.csv", many_events("long", 45_000));
    let reports = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen = reports.clone();
    let summary = pilotdesk_core::workflows::imports::import_reporting(
        &mut store,
        &import_request(ImportKind::Events, &path),
        today(),
        move |progress| seen.borrow_mut().push(progress),
        Default::default(),
    )
    .unwrap();
    assert_eq!(summary.inserted, 45_000);
    let reports = reports.borrow();
    let read: Vec<u32> = reports.iter().map(|p| p.rows_read).collect();
    assert_eq!(read, [20_000, 40_000]);
    let written: Vec<u32> = reports.iter().map(|p| p.rows_written).collect();
    assert_eq!(
        written,
        [20_000, 40_000],
        "each row is written as it is checked"
    );
    for report in reports.iter() {
        assert!(report.rows_expected >= report.rows_read, "{report:?}");
        // Sampled from the first 64 KiB of rows all the same length: close to the truth.
        assert!(
            (40_000..=50_000).contains(&report.rows_expected),
            "{report:?}"
        );
    }
}

/// Cancelling stops a long import at its next row and keeps nothing of it: the rows already
/// written in its transaction are rolled back with the import record.
#[test]
fn a_cancelled_import_keeps_nothing() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let mut store = demo_store();
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "cancelled.csv", many_events("gone", 45_000));
    let events_before = count(&store, "coaching_events");
    let imports_before = count(&store, "imports");
    let cancel = Arc::new(AtomicBool::new(false));
    let stop = Arc::clone(&cancel);
    // The person presses Cancel once the first report shows 20,000 rows written.
    let error = pilotdesk_core::workflows::imports::import_reporting(
        &mut store,
        &import_request(ImportKind::Events, &path),
        today(),
        move |progress| {
            assert_eq!(progress.rows_written, 20_000);
            stop.store(true, Ordering::Relaxed);
        },
        cancel,
    )
    .unwrap_err();
    assert_eq!(error.code(), "cancelled");
    assert!(
        error
            .to_string()
            .contains("cancelled.csv was cancelled; nothing was imported"),
        "{error}"
    );
    assert_eq!(count(&store, "coaching_events"), events_before);
    assert_eq!(count(&store, "imports"), imports_before);
}

#[test]
fn a_tiny_workbook_spanning_the_whole_sheet_is_refused_without_reserving_its_span() {
    // Two cells, A1 and XFD1048576: the sheet's dimension spans 17 billion cells, which
    // calamine's ranges reserve up front (the process aborted asking for 549 GB).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corner.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Employee ID").unwrap();
    sheet.write_string(1_048_575, 16_383, "far away").unwrap();
    workbook.save(&path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 10_000);
    let error = preview(&path, ImportKind::People, None)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("cell XFD1048576") && error.contains("up to 1000 columns"),
        "{error}"
    );
    let mut store = Store::open_in_memory().unwrap();
    let before = snapshot(&store);
    assert!(import(
        &mut store,
        &import_request(ImportKind::People, &path),
        today()
    )
    .is_err());
    assert_eq!(snapshot(&store), before, "nothing is written");
}

#[test]
fn rows_far_down_a_sheet_are_read_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sparse.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, title) in ["Employee ID", "Name", "Team"].iter().enumerate() {
        sheet.write_string(0, column as u16, *title).unwrap();
    }
    for (column, value) in ["F1", "Fay Far", "Ops"].iter().enumerate() {
        sheet.write_string(999_999, column as u16, *value).unwrap();
    }
    workbook.save(&path).unwrap();
    let shown = preview(&path, ImportKind::People, None).unwrap();
    assert_eq!(shown.row_count, 1);
    assert_eq!(shown.rows[0].line, 1_000_000);
}
