//! Progress of module assignments through the all-or-nothing imports: CSV and workbooks
//! (`module_progress`) and xAPI statements about catalog modules, alone or mixed with
//! coaching statements. Every problem has its line and column and nothing is written;
//! progress never goes backwards, and importing the same rows again changes nothing.

mod support;

use chrono::NaiveDate;
use pilotdesk_core::model::skills::Assignment;
use pilotdesk_core::model::{EventFilter, ImportKind, ImportSummary};
use pilotdesk_core::workflows::coaching::list_events;
use pilotdesk_core::workflows::exports::export_table;
use pilotdesk_core::workflows::imports::{import, list_imports};
use pilotdesk_core::workflows::skills::{assignments, catalog};
use pilotdesk_core::Store;
use support::{date, import_request, problems, snapshot, write_file};

fn today() -> NaiveDate {
    date("2026-11-23")
}

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    pilotdesk_core::workflows::demo::load_full_demo(&mut store, today()).unwrap();
    store
}

fn all(store: &Store) -> Vec<Assignment> {
    assignments::list_assignments(store, None, today()).unwrap()
}

fn by_id(store: &Store, id: i64) -> Assignment {
    all(store).into_iter().find(|a| a.id == id).unwrap()
}

/// The demo's assignments not completed yet (40% through), and those completed.
fn open_and_done(store: &Store) -> (Vec<Assignment>, Vec<Assignment>) {
    let (done, open): (Vec<_>, Vec<_>) = all(store)
        .into_iter()
        .partition(|a| a.completed_on.is_some());
    assert!(open.len() >= 3, "the demo has unfinished assignments");
    assert!(!done.is_empty(), "the demo has finished assignments");
    (open, done)
}

/// Everything an import could touch, including the skills tables.
fn everything(store: &Store) -> Vec<String> {
    let mut out = snapshot(store);
    for table in ["module_assignments", "module_progress_rows"] {
        let mut statement = store
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let columns = statement.column_count();
        let rows: Vec<String> = statement
            .query_map([], |row| {
                Ok((0..columns)
                    .map(|i| format!("{:?}", row.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join(" | "))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        out.extend(rows.into_iter().map(|r| format!("{table}: {r}")));
    }
    out
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn run(store: &mut Store, kind: ImportKind, path: &std::path::Path) -> ImportSummary {
    import(store, &import_request(kind, path), today()).unwrap()
}

fn day(a: &Assignment, after: i64) -> NaiveDate {
    date(&a.assigned_on) + chrono::Duration::days(after)
}

#[test]
fn a_good_file_updates_the_assignments_it_names() {
    let mut store = demo();
    let (open, done) = open_and_done(&store);
    let (a, b, c) = (&open[0], &open[1], &done[0]);
    let email = pilotdesk_core::store::people::list(store.conn())
        .unwrap()
        .into_iter()
        .find(|p| p.id == b.person_id)
        .unwrap()
        .email;
    let finished = day(b, 9);
    // The module by title (any case) or by id; the person by employee id or email.
    let file = format!(
        "Employee ID;Module;Progress %;Completed on;Passed;Score\n\
         {};{};70%;;;\n\
         {};{};;{finished};yes;91,5\n\
         {};{};100;{};{};{}\n",
        a.person_id,
        a.module_title.to_uppercase(),
        email,
        b.module_id,
        c.person_id,
        c.module_title,
        c.completed_on.as_deref().unwrap(),
        if c.passed == Some(true) {
            "pass"
        } else {
            "fail"
        },
        c.score.unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "lms-export.csv", file);
    let imports_before = list_imports(&store).unwrap().len();

    let summary = run(&mut store, ImportKind::ModuleProgress, &path);
    assert_eq!(
        (
            summary.rows,
            summary.inserted,
            summary.updated,
            summary.unchanged
        ),
        (3, 0, 2, 1),
        "{summary:?}"
    );
    assert_eq!(
        summary.describe(),
        "3 module assignments: 0 new, 2 changed, 1 unchanged"
    );
    let a_now = by_id(&store, a.id);
    assert_eq!(
        (
            a_now.progress,
            a_now.completed_on.as_deref(),
            a_now.source.as_str()
        ),
        (70, None, "csv")
    );
    assert_eq!(
        a_now.passed, a.passed,
        "an empty cell keeps what is recorded"
    );
    let b_now = by_id(&store, b.id);
    assert_eq!(b_now.progress, 100, "a completion makes the module done");
    assert_eq!(b_now.completed_on, Some(finished.to_string()));
    assert_eq!((b_now.passed, b_now.score), (Some(true), Some(91.5)));
    assert_eq!(b_now.source, "csv");
    assert_eq!(
        by_id(&store, c.id).source,
        c.source,
        "an unchanged row leaves its assignment alone"
    );

    let imports = list_imports(&store).unwrap();
    assert_eq!(imports.len(), imports_before + 1);
    assert_eq!(imports[0].kind, "module_progress");
    assert_eq!(Some(imports[0].id), summary.import_id);
    assert_eq!((imports[0].rows, imports[0].updated), (3, 2));
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM change_log WHERE entity = 'import' \
             AND summary LIKE 'Imported lms-export.csv: 3 module assignments%'"
        ),
        1
    );
}

#[test]
fn every_problem_is_reported_with_its_line_and_column_and_nothing_is_written() {
    let mut store = demo();
    let (open, _) = open_and_done(&store);
    let a = &open[0];
    let module = catalog::find_module(&store, &a.module_title).unwrap();
    let unassigned = pilotdesk_core::store::people::list(store.conn())
        .unwrap()
        .into_iter()
        .find(|p| !all(&store).iter().any(|x| x.person_id == p.id))
        .unwrap();
    let file = format!(
        "Employee ID,Module,Progress,Completed on,Passed,Score\n\
         {a},{title},80,,,\n\
         {a},Underwater basket weaving,50,,,\n\
         {u},{module},30,,,\n\
         {b},{b_title},,2099-01-04,yes,\n",
        a = open[1].person_id,
        title = open[1].module_title,
        u = unassigned.id,
        b = open[2].person_id,
        b_title = open[2].module_title,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "progress.csv", file);
    let before = everything(&store);

    let error = import(
        &mut store,
        &import_request(ImportKind::ModuleProgress, &path),
        today(),
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("3 problems; nothing was imported"),
        "{error}"
    );
    let found = problems(error);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), (Some(3), Some(2)));
    assert!(
        found[0]
            .2
            .contains("no module \"Underwater basket weaving\""),
        "{}",
        found[0].2
    );
    assert_eq!((found[1].0, found[1].1), (Some(4), Some(2)));
    assert!(
        found[1].2.contains(&format!(
            "{} ({}) is not assigned \"{}\"",
            unassigned.name, unassigned.id, a.module_title
        )),
        "{}",
        found[1].2
    );
    assert!(
        found[1].2.contains("assign the module to them first"),
        "{}",
        found[1].2
    );
    assert_eq!((found[2].0, found[2].1), (Some(5), Some(4)));
    assert!(found[2].2.contains("in the future"), "{}", found[2].2);
    assert_eq!(
        everything(&store),
        before,
        "not even the good row on line 2 was written"
    );
}

#[test]
fn importing_the_same_rows_again_changes_nothing_and_progress_never_goes_back() {
    let mut store = demo();
    let (open, _) = open_and_done(&store);
    let a = &open[0];
    let dir = tempfile::tempdir().unwrap();
    let first = write_file(
        &dir,
        "week-1.csv",
        format!(
            "Employee ID,Module,Progress\n{},{},60\n",
            a.person_id, a.module_title
        ),
    );
    run(&mut store, ImportKind::ModuleProgress, &first);
    assert_eq!(by_id(&store, a.id).progress, 60);

    let before = everything(&store);
    let again = run(&mut store, ImportKind::ModuleProgress, &first);
    assert_eq!(
        (again.updated, again.unchanged, again.import_id),
        (0, 1, None)
    );
    assert!(
        again.notes.iter().any(|n| n.contains("Nothing changed")),
        "it says so: {:?}",
        again.notes
    );
    assert_eq!(everything(&store), before, "and records nothing");

    // The progress moves on; the first week's file, imported again, is the same row: it is
    // left alone, not refused and not applied.
    let second = write_file(
        &dir,
        "week-2.csv",
        format!(
            "Employee ID,Module,Progress\n{},{},85\n",
            a.person_id, a.module_title
        ),
    );
    run(&mut store, ImportKind::ModuleProgress, &second);
    let before = everything(&store);
    let old = run(&mut store, ImportKind::ModuleProgress, &first);
    assert_eq!((old.updated, old.unchanged), (0, 1));
    assert!(
        old.notes.iter().any(|n| n.contains("imported before")),
        "{:?}",
        old.notes
    );
    assert_eq!(everything(&store), before);
    assert_eq!(by_id(&store, a.id).progress, 85);

    // A row never seen that would take the progress down is a problem.
    let lower = write_file(
        &dir,
        "lower.csv",
        format!(
            "Employee ID,Module,Progress\n{},{},50\n",
            a.person_id, a.module_title
        ),
    );
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::ModuleProgress, &lower),
            today(),
        )
        .unwrap_err(),
    );
    assert_eq!((found[0].0, found[0].1), (Some(2), Some(3)));
    assert!(
        found[0].2.contains("would go backwards") && found[0].2.contains("85%"),
        "{}",
        found[0].2
    );
    assert_eq!(everything(&store), before);
}

#[test]
fn an_export_imports_back_unchanged_as_csv_and_as_a_workbook() {
    let mut store = demo();
    let dir = tempfile::tempdir().unwrap();
    for name in ["progress.csv", "progress.xlsx"] {
        let path = dir.path().join(name);
        let written = export_table(
            &store,
            ImportKind::ModuleProgress,
            &path,
            &EventFilter::default(),
        )
        .unwrap();
        assert_eq!(written.rows as usize, all(&store).len());
        let before = everything(&store);
        let back = run(&mut store, ImportKind::ModuleProgress, &path);
        assert_eq!(back.unchanged as usize, all(&store).len(), "{name}");
        assert_eq!((back.inserted, back.updated), (0, 0), "{name}");
        assert_eq!(everything(&store), before, "{name}");
    }
}

fn module_statement(
    id: &str,
    verb: &str,
    learner: &str,
    object: &str,
    result: &str,
    timestamp: &str,
) -> String {
    format!(
        r#"{{"id": "{id}",
   "actor": {{"objectType": "Agent", "account": {{"homePage": "https://lms.example", "name": "{learner}"}}}},
   "verb": {{"id": "http://adlnet.gov/expapi/verbs/{verb}", "display": {{"en-US": "{verb}"}}}},
   "object": {object},
   "result": {result},
   "timestamp": "{timestamp}"}}"#
    )
}

const COACHING: &str = r#"{"id": "8f1c7a52-3b9e-4c1d-9a47-2e5b6c8d9f01",
   "actor": {"objectType": "Agent", "account": {"homePage": "https://hr.example", "name": "E1060"}},
   "verb": {"id": "http://id.tincanapi.com/verb/mentored", "display": {"en-US": "mentored"}},
   "object": {"objectType": "Agent", "account": {"homePage": "https://hr.example", "name": "E1061"}},
   "result": {"duration": "PT12M"},
   "timestamp": "2026-11-02T11:30:00+02:00"}"#;

#[test]
fn a_completed_and_passed_statement_updates_the_assignment_from_xapi() {
    let mut store = demo();
    let (open, _) = open_and_done(&store);
    let (a, b) = (&open[0], &open[1]);
    let finished = day(a, 12);
    let statements = format!(
        "[\n{},\n{},\n{}\n]\n",
        module_statement(
            "2b0a7c1e-54f1-4a3e-9d7b-0c1e2f3a4b5c",
            "completed",
            &a.person_id,
            &format!(
                r#"{{"objectType": "Activity", "id": "https://pilotdesk.app/modules/{}"}}"#,
                a.module_id
            ),
            r#"{"completion": true, "success": true, "score": {"scaled": 0.87}}"#,
            &format!("{finished}T16:05:00Z"),
        ),
        // Named by its title, in another language; the cmi5 progress extension.
        module_statement(
            "3c1b8d2f-65a2-4b4f-8e8c-1d2f3a4b5c6d",
            "progressed",
            &b.person_id,
            &format!(
                r#"{{"id": "https://lms.example/courses/77", "definition": {{"name": {{"de-DE": "{}"}}}}}}"#,
                b.module_title
            ),
            r#"{"extensions": {"https://w3id.org/xapi/cmi5/result/extensions/progress": 65}}"#,
            &format!("{}T09:00:00+01:00", day(b, 3)),
        ),
        COACHING,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "lrs.json", statements);
    let events_before = list_events(&store, &EventFilter::default()).unwrap().total;

    let summary = run(&mut store, ImportKind::Xapi, &path);
    assert_eq!(
        (
            summary.rows,
            summary.inserted,
            summary.updated,
            summary.unchanged
        ),
        (3, 1, 2, 0),
        "{summary:?}"
    );
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("2 of the statements are module progress")),
        "{:?}",
        summary.notes
    );
    let a_now = by_id(&store, a.id);
    assert_eq!(a_now.progress, 100);
    assert_eq!(a_now.completed_on, Some(finished.to_string()));
    assert_eq!(a_now.passed, Some(true));
    assert_eq!(
        a_now.score,
        Some(87.0),
        "score.scaled stored as a percentage"
    );
    assert_eq!(a_now.source, "xapi");
    let b_now = by_id(&store, b.id);
    assert_eq!((b_now.progress, b_now.source.as_str()), (65, "xapi"));
    assert_eq!(b_now.completed_on, None);
    assert_eq!(
        list_events(&store, &EventFilter::default()).unwrap().total,
        events_before + 1,
        "the coaching statement is a coaching event"
    );
    assert_eq!(list_imports(&store).unwrap()[0].kind, "xapi");

    // The same statements again: nothing changes, and it says so.
    let before = everything(&store);
    let again = run(&mut store, ImportKind::Xapi, &path);
    assert_eq!((again.updated, again.unchanged), (0, 3));
    assert!(
        again.notes.iter().any(|n| n.contains("Nothing changed")),
        "{:?}",
        again.notes
    );
    assert_eq!(everything(&store), before);
}

#[test]
fn statements_about_one_assignment_apply_in_timestamp_order() {
    // A learning record store returns the newest statement first.
    let mut store = demo();
    let (open, _) = open_and_done(&store);
    let a = &open[0];
    let object = format!(
        r#"{{"id": "https://pilotdesk.app/modules/{}"}}"#,
        a.module_id
    );
    let progress = |p: u32| {
        format!(
            r#"{{"extensions": {{"https://w3id.org/xapi/cmi5/result/extensions/progress": {p}}}}}"#
        )
    };
    let statements = format!(
        r#"{{"statements": [{}, {}, {}]}}"#,
        module_statement(
            "a1b2c3d4-0000-4000-8000-000000000003",
            "passed",
            &a.person_id,
            &object,
            r#"{"score": {"raw": 42, "min": 0, "max": 50}}"#,
            &format!("{}T10:00:00Z", day(a, 20)),
        ),
        module_statement(
            "a1b2c3d4-0000-4000-8000-000000000002",
            "progressed",
            &a.person_id,
            &object,
            &progress(90),
            &format!("{}T10:00:00Z", day(a, 15)),
        ),
        module_statement(
            "a1b2c3d4-0000-4000-8000-000000000001",
            "progressed",
            &a.person_id,
            &object,
            &progress(55),
            &format!("{}T10:00:00Z", day(a, 10)),
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "page.json", statements);
    run(&mut store, ImportKind::Xapi, &path);
    let now = by_id(&store, a.id);
    assert_eq!(now.progress, 90, "55 then 90, not 90 then 55");
    assert_eq!((now.passed, now.score), (Some(true), Some(84.0)));
    assert_eq!(now.completed_on, None, "passing is not completing");
}

#[test]
fn a_mixed_file_with_one_bad_module_statement_writes_nothing_at_all() {
    let mut store = demo();
    let (open, _) = open_and_done(&store);
    let a = &open[0];
    let statements = format!(
        "[\n{},\n{}\n]\n",
        COACHING,
        module_statement(
            "4d2c9e3a-76b3-4c5a-9f9d-2e3f4a5b6c7d",
            "completed",
            &a.person_id,
            r#"{"objectType": "Activity", "id": "https://pilotdesk.app/modules/9999"}"#,
            r#"{"score": {"scaled": 1.2}}"#,
            "2026-11-03T10:00:00Z",
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "mixed.json", &statements);
    let before = everything(&store);
    let events_before = count(&store, "SELECT count(*) FROM coaching_events");

    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::Xapi, &path),
            today(),
        )
        .unwrap_err(),
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    let line_of = |needle: &str| {
        statements
            .lines()
            .position(|l| l.contains(needle))
            .map(|i| i as u32 + 1)
    };
    assert_eq!(found[0].0, line_of("pilotdesk.app/modules/9999"));
    assert!(found[0].1.is_some());
    assert!(
        found[0]
            .2
            .contains("names a module this workspace's catalog does not have"),
        "{}",
        found[0].2
    );
    assert_eq!(found[1].0, line_of("\"scaled\": 1.2"));
    assert!(found[1].2.contains("from 0 to 1"), "{}", found[1].2);
    assert_eq!(
        count(&store, "SELECT count(*) FROM coaching_events"),
        events_before,
        "not even the good coaching statement"
    );
    assert_eq!(everything(&store), before);
}

#[test]
fn xapi_problems_of_module_statements_name_what_to_do() {
    let mut store = demo();
    let (open, _) = open_and_done(&store);
    let a = &open[0];
    let unassigned = pilotdesk_core::store::people::list(store.conn())
        .unwrap()
        .into_iter()
        .find(|p| !all(&store).iter().any(|x| x.person_id == p.id))
        .unwrap();
    let module = format!(
        r#"{{"objectType": "Activity", "id": "https://pilotdesk.app/modules/{}"}}"#,
        a.module_id
    );
    let statements = format!(
        "[\n{},\n{},\n{},\n{},\n{}\n]\n",
        // Not assigned.
        module_statement(
            "5e3d0f4b-87c4-4d6b-8a0e-3f4a5b6c7d8e",
            "completed",
            &unassigned.id,
            &module,
            "{}",
            "2026-11-03T10:00:00Z",
        ),
        // Completed before it was assigned.
        module_statement(
            "6f4e1a5c-98d5-4e7c-9b1f-4a5b6c7d8e9f",
            "completed",
            &a.person_id,
            &module,
            "{}",
            &format!("{}T10:00:00Z", day(a, -3)),
        ),
        // An activity that is no module.
        module_statement(
            "7a5f2b6d-a9e6-4f8d-8c2a-5b6c7d8e9fa0",
            "passed",
            &a.person_id,
            r#"{"id": "https://lms.example/quiz/5", "definition": {"name": {"en-US": "Quiz"}}}"#,
            "{}",
            "2026-11-03T10:00:00Z",
        ),
        // Progressed without saying how far.
        module_statement(
            "8b6a3c7e-bafe-4a9e-9d3b-6c7d8e9fa0b1",
            "progressed",
            &a.person_id,
            &module,
            "{}",
            "2026-11-03T10:00:00Z",
        ),
        // A completed statement whose object is a person is a coaching statement, and its
        // problem is the coaching importer's, word for word.
        module_statement(
            "9c7b4d8f-cb0f-4b0f-8e4c-7d8e9fa0b1c2",
            "completed",
            "E1060",
            r#"{"objectType": "Agent", "account": {"homePage": "https://hr.example", "name": "E1061"}}"#,
            r#"{"duration": "PT5M"}"#,
            "2026-11-03T10:00:00Z",
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "bad.json", statements);
    let found = problems(
        import(
            &mut store,
            &import_request(ImportKind::Xapi, &path),
            today(),
        )
        .unwrap_err(),
    );
    let messages: Vec<&str> = found.iter().map(|p| p.2.as_str()).collect();
    assert_eq!(messages.len(), 5, "{messages:#?}");
    assert!(found.iter().all(|p| p.0.is_some() && p.1.is_some()));
    assert!(
        messages[0].contains("is not assigned") && messages[0].contains("assign the module"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("cannot come before it"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].contains("is not a module of the catalog")
            && messages[2].contains("https://pilotdesk.app/modules/<module id>"),
        "{}",
        messages[2]
    );
    assert!(
        messages[3].contains("cmi5/result/extensions/progress"),
        "{}",
        messages[3]
    );
    assert!(
        messages[4].starts_with(
            "the verb http://adlnet.gov/expapi/verbs/completed is not a kind of coaching \
             Pilotdesk knows; use one of"
        ),
        "{}",
        messages[4]
    );
}

#[test]
fn a_workspace_from_before_module_progress_imports_keeps_its_import_record() {
    use pilotdesk_core::store::migrations;
    let (_dir, path) = support::temp_db();
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    migrations::migrate_to(&mut conn, 7).unwrap();
    conn.execute_batch(
        "INSERT INTO imports (kind, file_name, content_hash, rows, inserted, updated, unchanged,
                              at, actor)
         VALUES ('people', 'people.csv', 'abc', 3, 3, 0, 0, '2026-01-05T09:00:00Z', 'Ada');",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let imports = list_imports(&store).unwrap();
    assert_eq!(imports.len(), 1);
    assert_eq!((imports[0].kind.as_str(), imports[0].rows), ("people", 3));
    store
        .conn()
        .execute(
            "INSERT INTO imports (kind, file_name, content_hash, rows, inserted, updated,
                                  unchanged, at, actor)
             VALUES ('module_progress', 'p.csv', 'def', 0, 0, 0, 0, '2026-01-06T09:00:00Z', 'Ada')",
            [],
        )
        .unwrap();
}
