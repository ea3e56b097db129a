//! What the fuzz targets share: one scratch file and one workspace per process.
//!
//! The readers and importers take a path, so each input is written to a file first. The file
//! and the workspace are made once per process and reused: creating them per input would
//! spend most of each run on setup rather than on the code under test.

use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pilotdesk_core::import::mapping::{self, Mapping};
use pilotdesk_core::import::module_progress::Modules;
use pilotdesk_core::import::problems::Problems;
use pilotdesk_core::import::source::Table;
use pilotdesk_core::import::{events, observations, people, xapi};
use pilotdesk_core::model::skills::AssignInput;
use pilotdesk_core::model::{ImportKind, ImportRequest, Person};
use pilotdesk_core::store::lookup::{self, Lookup};
use pilotdesk_core::store::people as store_people;
use pilotdesk_core::workflows::skills::assignments;
use pilotdesk_core::workflows::{demo, imports};
use pilotdesk_core::Store;
use rusqlite::types::ValueRef;

/// The demo's own "today", the day its tests run on, so dates the seeds hold are neither in
/// the future nor far in the past, whatever day the fuzzer runs.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date")
}

/// Writes `bytes` to this process's scratch file with the given extension and returns its
/// path. The folder is named after the process so parallel fuzzers never share a file.
pub fn scratch(extension: &str, bytes: &[u8]) -> PathBuf {
    scratch_named(&format!("input.{extension}"), bytes)
}

fn scratch_named(name: &str, bytes: &[u8]) -> PathBuf {
    thread_local! {
        static FOLDER: PathBuf = {
            // In memory where there is a tmpfs: ext4 writes a file truncated and written again
            // back to disk on close, and that alone took a fifth of each run.
            let shm = Path::new("/dev/shm");
            let base = if shm.is_dir() { shm.to_path_buf() } else { std::env::temp_dir() };
            let folder = base.join(format!("pilotdesk-fuzz-{}", std::process::id()));
            std::fs::create_dir_all(&folder).expect("the scratch folder is created");
            folder
        };
    }
    let path = FOLDER.with(|folder| folder.join(name));
    std::fs::write(&path, bytes).expect("the scratch file is written");
    path
}

thread_local! {
    // The demo workspace: people, teams, a pilot with playbook tasks and KPIs, a module
    // catalog with assignments, so the seeds' references resolve and the fuzzer reaches
    // the writing code, not only the "unknown manager" problems.
    static STORE: RefCell<Store> = RefCell::new(workspace());
}

/// The demo workspace with a few coaching events, observations and module assignments
/// added the way the tests add them, so an import can also meet rows it updates. Kept small:
/// every input compares the tables an import writes before and after.
fn workspace() -> Store {
    let mut store = Store::open_in_memory().expect("an in-memory workspace");
    demo::load_demo(&mut store, today()).expect("the demo loads");
    for (kind, name, text) in [
        (ImportKind::Events, "setup-events.csv", SETUP_EVENTS),
        (
            ImportKind::Observations,
            "setup-observations.csv",
            SETUP_OBSERVATIONS,
        ),
    ] {
        let request = ImportRequest {
            kind,
            path: scratch_named(name, text.as_bytes()).display().to_string(),
            sheet: None,
            mapping: Vec::new(),
            dry_run: false,
        };
        imports::import(&mut store, &request, today()).expect("the setup rows import");
    }
    for (module_id, person) in [(1, "E1061"), (1, "E1062"), (2, "E1061")] {
        assignments::assign(
            &mut store,
            &AssignInput {
                module_id,
                person_id: Some(person.into()),
                team: None,
                pilot_id: None,
                due_on: "2026-12-31".into(),
            },
            NaiveDate::from_ymd_opt(2026, 10, 1).expect("a valid date"),
        )
        .expect("the module is assigned");
    }
    store
}

/// `EVENTS` of crates/core/tests/imports.rs: two events with ids, two keyed by their content.
const SETUP_EVENTS: &str = "\
Event ID,Manager ID,Coachee ID,Date,Time,Minutes,Type,Pilot,Task,Notes
ev-1,E1060,E1061,2026-11-02,09:30,10,Micro-coaching,1,1,\"Replayed the call,
then agreed two questions\"
ev-2,E1060,E1062,2026-11-03,14:05,15,async feedback,Sales onboarding coaching pilot,,
,E1040,E1041,2026-11-04 10:00,,20,live check-in,,,
,E1040,E1041,2026-11-05,,0:25,Portfolio review,,Own the case: give a specific time for the next update and keep it,
";

/// From crates/core/tests/coaching.rs: a team's value and a person's.
const SETUP_OBSERVATIONS: &str = "\
KPI,Employee ID,Team,Date,Value
First-contact resolution,,Customer Support,2026-10-30,71.5
Days to first closed deal,E1061,,2026-10-30,64
";

/// Every table an import may write, directly or through triggers. The rollup tables are
/// kept by triggers, so a write that escaped the rollback would show there too.
const WRITTEN_TABLES: [&str; 13] = [
    "people",
    "person_history",
    "coaching_events",
    "kpi_observations",
    "module_assignments",
    "module_progress_rows",
    "imports",
    "change_log",
    "workspace_version",
    "coaching_rollup",
    "coachee_rollup",
    "task_rollup",
    "kpi_rollup",
];

/// A digest of every row of the tables an import writes, and of the schema (bulk imports
/// drop and rebuild indexes and triggers), so "nothing was written" means nothing at all,
/// updates included, not only equal row counts.
fn fingerprint(store: &Store) -> (Vec<(&'static str, i64)>, u64) {
    let conn = store.conn();
    let mut hasher = DefaultHasher::new();
    let mut counts = Vec::with_capacity(WRITTEN_TABLES.len() + 1);
    for table in WRITTEN_TABLES.iter().copied().chain(["sqlite_master"]) {
        let mut statement = conn
            .prepare_cached(&format!("SELECT * FROM {table}"))
            .expect("the table exists");
        let columns = statement.column_count();
        let mut rows = statement.query([]).expect("the table is read");
        let mut count = 0;
        while let Some(row) = rows.next().expect("a row is read") {
            count += 1;
            for column in 0..columns {
                match row.get_ref(column).expect("a value is read") {
                    ValueRef::Null => 0u8.hash(&mut hasher),
                    ValueRef::Integer(n) => n.hash(&mut hasher),
                    ValueRef::Real(x) => x.to_bits().hash(&mut hasher),
                    ValueRef::Text(bytes) | ValueRef::Blob(bytes) => bytes.hash(&mut hasher),
                }
            }
        }
        counts.push((table, count));
    }
    (counts, hasher.finish())
}

/// One input in this many also goes through the whole import workflow (`import_dry_run`):
/// it takes about a millisecond where the checks alone take tens of microseconds, and ten
/// million runs of it would take hours.
pub const WORKFLOW_ONE_IN: u64 = 64;

/// Whether `bytes` is in the slice of inputs that also go through the workflow. Chosen by a
/// hash of the input, not at random, so a failure reproduces from its input alone.
pub fn in_workflow_slice(bytes: &[u8]) -> bool {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish() % WORKFLOW_ONE_IN == 0
}

/// Imports `bytes` as a file of `kind` into the process's workspace as a dry run, and checks
/// the promise every import makes: a refused file writes nothing. A dry run writes nothing
/// either way, so every input meets the same workspace and any failure reproduces from its
/// input alone.
pub fn import_dry_run(kind: ImportKind, extension: &str, bytes: &[u8]) {
    import_file_dry_run(kind, &scratch(extension, bytes));
}

/// `import_dry_run` of a file already written.
pub fn import_file_dry_run(kind: ImportKind, path: &Path) {
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        let before = fingerprint(&store);
        let request = ImportRequest {
            kind,
            path: path.display().to_string(),
            sheet: None,
            mapping: Vec::new(),
            dry_run: true,
        };
        let outcome = imports::import(&mut store, &request, today());
        assert!(
            store.conn().is_autocommit(),
            "the import left a transaction open: {outcome:?}"
        );
        let after = fingerprint(&store);
        match &outcome {
            Ok(summary) => assert_eq!(before, after, "a dry run wrote {summary:?}"),
            Err(error) => assert_eq!(before, after, "a refused import wrote: {error}"),
        }
    });
}

/// What the importers check rows against, read once from the process's workspace: its
/// people, teams, pilots, tasks and KPIs, and its people as the people import sees them.
struct Context {
    lookup: Lookup,
    people: HashMap<String, Person>,
}

thread_local! {
    static CONTEXT: Context = STORE.with(|store| {
        let store = store.borrow();
        Context {
            lookup: lookup::load(store.conn()).expect("the workspace's references load"),
            people: store_people::by_id(store.conn()).expect("the workspace's people load"),
        }
    });
}

/// The file as an import opens it, with its columns mapped as the import maps them; `None`
/// when the import would refuse it before checking any row.
fn open_mapped(kind: ImportKind, bytes: &[u8]) -> Option<(Table, Mapping, Problems)> {
    let path = scratch("csv", bytes);
    let table = Table::open(&path, None).ok()?;
    let mut problems = table.problems();
    let mapping =
        mapping::resolve(kind, &table.headers, table.header_line, &[], &mut problems).ok()?;
    Some((table, mapping, problems))
}

/// `people::check`, the people import's checks, against the workspace's people. What a file
/// with no problems hands on is written as it is: each id once, every manager known and
/// nobody their own manager.
pub fn check_people(bytes: &[u8]) {
    let Some((table, mapping, mut problems)) = open_mapped(ImportKind::People, bytes) else {
        return;
    };
    CONTEXT.with(|context| {
        let Ok(rows) = people::check(&table, &mapping, &context.people, today(), &mut problems)
        else {
            return;
        };
        if !problems.is_empty() {
            let _ = problems.into_error().to_string();
            return;
        }
        let ids: HashSet<&str> = rows.iter().map(|r| r.person.id.as_str()).collect();
        assert_eq!(ids.len(), rows.len(), "a clean file repeats an id");
        for row in &rows {
            let person = &row.person;
            assert!(
                !person.id.is_empty(),
                "line {}: a person without an id",
                row.line
            );
            if let Some(manager) = &person.manager_id {
                assert_ne!(manager, &person.id, "line {}: their own manager", row.line);
                assert!(
                    ids.contains(manager.as_str()) || context.people.contains_key(manager),
                    "line {}: unknown manager {manager} let through",
                    row.line
                );
            }
        }
    });
}

/// `events::check`, the events import's checks, against the workspace's references. Events
/// are handed on only while the file has no problem, and a file with none is imported
/// whole: every row an event, each with its own key, by a manager the workspace knows.
pub fn check_events(bytes: &[u8]) {
    let Some((table, mapping, mut problems)) = open_mapped(ImportKind::Events, bytes) else {
        return;
    };
    CONTEXT.with(|context| {
        let mut accepted = Vec::new();
        let checked = events::check(
            &table,
            &mapping,
            &context.lookup,
            today(),
            &mut problems,
            |event| {
                accepted.push(event);
                Ok(())
            },
        );
        let Ok(rows) = checked else {
            return;
        };
        if !problems.is_empty() {
            let _ = problems.into_error().to_string();
            return;
        }
        assert_eq!(accepted.len() as u32, rows, "a clean file lost rows");
        let keys: HashSet<&str> = accepted.iter().map(|e| e.uid.as_str()).collect();
        assert_eq!(
            keys.len(),
            accepted.len(),
            "two events of a clean file share a key"
        );
        for event in &accepted {
            assert!(
                context.lookup.people.contains_key(&event.manager_id),
                "unknown manager {} let through",
                event.manager_id
            );
            assert!(
                event.occurred_at.date() <= today(),
                "an event in the future let through: {event:?}"
            );
        }
    });
}

/// `observations::check`, the observations import's checks, against the workspace's KPIs,
/// people and teams. A file with no problems is imported whole, one value per KPI, person
/// or team and day.
pub fn check_observations(bytes: &[u8]) {
    let Some((table, mapping, mut problems)) = open_mapped(ImportKind::Observations, bytes) else {
        return;
    };
    CONTEXT.with(|context| {
        let mut accepted = Vec::new();
        let checked = observations::check(
            &table,
            &mapping,
            &context.lookup,
            today(),
            &mut problems,
            |observation| {
                accepted.push(observation);
                Ok(())
            },
        );
        let Ok(rows) = checked else {
            return;
        };
        if !problems.is_empty() {
            let _ = problems.into_error().to_string();
            return;
        }
        assert_eq!(accepted.len() as u32, rows, "a clean file lost rows");
        let keys: HashSet<_> = accepted
            .iter()
            .map(|o| (o.kpi_id, &o.person_id, &o.team, o.observed_on))
            .collect();
        assert_eq!(keys.len(), accepted.len(), "a clean file repeats a value");
        for observation in &accepted {
            assert!(
                observation.person_id.is_some() != observation.team.is_some(),
                "a value for a person or a team, not both or neither: {observation:?}"
            );
            assert!(observation.observed_on <= today(), "{observation:?}");
        }
    });
}

/// `xapi::check`, the xAPI import's checks, against the workspace's references and module
/// assignments. Statements are counted whether or not they are valid, and a file with no
/// problems turns every statement into an event or a module update.
pub fn check_xapi(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    CONTEXT.with(|context| {
        let mut modules = STORE
            .with(|store| Modules::load(store.borrow().conn()))
            .expect("the module assignments load");
        let mut problems = Problems::new("fuzz.json", None);
        let statements = xapi::check(text, &context.lookup, &mut modules, today(), &mut problems);
        let _ = modules.changes();
        if !problems.is_empty() {
            let _ = problems.into_error().to_string();
            return;
        }
        assert_eq!(
            statements.events.len() as u32 + statements.module_statements,
            statements.count,
            "a clean file lost statements"
        );
        assert!(statements.module_changed <= statements.module_statements);
        let keys: HashSet<&str> = statements.events.iter().map(|e| e.uid.as_str()).collect();
        assert_eq!(
            keys.len(),
            statements.events.len(),
            "two events share a key"
        );
    });
}

/// The app reads workbooks with calamine under `catch_unwind` and refuses a file that makes
/// it panic (`import::source::workbook::guarded`), so a panic raised inside calamine's own
/// code is let unwind to that guard, as in the app, instead of aborting the run. Any other
/// panic still aborts, and a calamine panic outside the guard still reaches libFuzzer's own
/// `catch_unwind`, which aborts too.
pub fn let_calamine_panics_unwind() {
    let abort = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_calamine = info
            .location()
            .is_some_and(|place| place.file().contains("/calamine-"));
        if !in_calamine {
            abort(info);
        }
    }));
}

/// Opens `bytes` as an import file and goes through every row, as a preview and an import
/// do, checking what the rest of the import relies on: rows come after the header and in
/// file order, so each problem names the line it is on.
pub fn read_table(extension: &str, bytes: &[u8]) {
    let path = scratch(extension, bytes);
    let Ok(table) = Table::open(&path, None) else {
        return;
    };
    assert!(table.header_line >= 1, "lines count from 1");
    let mut problems = table.problems();
    let mut last_line = table.header_line;
    let _ = table.for_each(&mut problems, |record, _| {
        assert!(
            record.line > last_line,
            "row on line {} read after line {last_line} (header on line {})",
            record.line,
            table.header_line
        );
        last_line = record.line;
        Ok(())
    });
    let _ = table.rough_row_count();
    let _ = table.describe_format();
    let _ = problems.into_error().to_string();
}
