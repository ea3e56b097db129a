//! The rollups the dashboard reads stay equal to a fresh aggregation of the rows they
//! summarise, whichever way the rows were written: the generator's bulk write, imports that
//! insert and update, a quick log, a change of manager, deletions.

mod support;

use pilotdesk_core::model::{ImportKind, QuickLogInput};
use pilotdesk_core::workflows::generate::{generate, GenerateOptions};
use pilotdesk_core::workflows::{coaching, imports};
use pilotdesk_core::Store;
use support::{date, import_request, write_file};

/// Rows of `actual` missing from `expected` and the other way round, as text.
fn differences(store: &Store, actual: &str, expected: &str) -> Vec<String> {
    let sql = format!(
        "SELECT 'missing', * FROM ({expected} EXCEPT {actual})
         UNION ALL SELECT 'extra', * FROM ({actual} EXCEPT {expected})"
    );
    let mut statement = store.conn().prepare(&sql).unwrap();
    let columns = statement.column_count();
    statement
        .query_map([], |row| {
            Ok((0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect::<Vec<_>>()
                .join(" "))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn assert_rollups_fresh(store: &Store) {
    let kpi = differences(
        store,
        "SELECT kpi_id, unit, day, n, round(total, 6), round(total_sq, 4) FROM kpi_rollup",
        "SELECT o.kpi_id, CASE WHEN o.person_id IS NOT NULL THEN 'm:' || p.manager_id
                                ELSE 't:' || o.team END AS unit,
                o.observed_on, count(*), round(sum(o.value), 6), round(sum(o.value * o.value), 4)
         FROM kpi_observations o LEFT JOIN people p ON p.id = o.person_id
         WHERE (o.person_id IS NULL AND o.team IS NOT NULL) OR p.manager_id IS NOT NULL
         GROUP BY 1, 2, 3",
    );
    assert!(kpi.is_empty(), "KPI rollup differs: {kpi:?}");
    let weeks = differences(
        store,
        "SELECT pilot_id, week, manager_id, events, minutes, coachees FROM coaching_rollup",
        "SELECT ifnull(pilot_id, 0), date(occurred_at, '-6 days', 'weekday 1'), manager_id,
                count(*), sum(minutes), count(DISTINCT coachee_id)
         FROM coaching_events GROUP BY 1, 2, 3",
    );
    assert!(weeks.is_empty(), "coaching rollup differs: {weeks:?}");
    let coachees = differences(
        store,
        "SELECT pilot_id, coachee_id, events, minutes FROM coachee_rollup",
        "SELECT ifnull(pilot_id, 0), coachee_id, count(*), sum(minutes) FROM coaching_events
         WHERE coachee_id IS NOT NULL GROUP BY 1, 2",
    );
    assert!(coachees.is_empty(), "coachee rollup differs: {coachees:?}");
    let tasks = differences(
        store,
        "SELECT pilot_id, task_id, events, minutes FROM task_rollup",
        "SELECT ifnull(pilot_id, 0), ifnull(task_id, 0), count(*), sum(minutes)
         FROM coaching_events GROUP BY 1, 2",
    );
    assert!(tasks.is_empty(), "task rollup differs: {tasks:?}");
}

/// Someone with a manager, and that manager.
fn a_manager_and_report(store: &Store) -> (String, String) {
    store
        .conn()
        .query_row(
            "SELECT manager_id, id FROM people WHERE manager_id IS NOT NULL LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

fn generated() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    generate(
        &mut store,
        &GenerateOptions {
            people: 300,
            events: 4000,
            weeks: 16,
            seed: 11,
            end: date("2026-11-20"),
            effect_scale: 1.0,
        },
    )
    .unwrap();
    store
}

#[test]
fn the_generator_leaves_rollups_equal_to_the_data_and_the_triggers_on() {
    let store = generated();
    assert!(
        store
            .conn()
            .query_row("SELECT count(*) FROM kpi_rollup", [], |r| r
                .get::<_, i64>(0))
            .unwrap()
            > 0
    );
    assert_rollups_fresh(&store);
    let suspended: i64 = store
        .conn()
        .query_row("SELECT suspended FROM rollup_state", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        suspended, 0,
        "the triggers are back on after the bulk write"
    );
}

#[test]
fn imports_quick_logs_manager_changes_and_deletions_keep_the_rollups_fresh() {
    let mut store = generated();
    let today = date("2026-11-25");
    let dir = tempfile::tempdir().unwrap();

    // Re-import some of the workspace's own events and observations with changes: updates
    // move rows between weeks, days and values; new rows insert.
    let (manager, coachee, other): (String, String, String) = store
        .conn()
        .query_row(
            "SELECT r.manager_id, r.id, (SELECT id FROM people WHERE manager_id IS NOT NULL
                                          AND manager_id <> r.manager_id LIMIT 1)
             FROM people r WHERE r.manager_id IS NOT NULL LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let events = format!(
        "eventId,managerId,coacheeId,occurredAt,minutes,kind\n\
         x-1,{manager},{coachee},2026-11-02 09:00,15,micro_coaching\n\
         x-2,{manager},{coachee},2026-11-03 09:00,10,micro_coaching\n\
         x-3,{manager},{other},2026-11-03 10:00,5,live_check_in\n"
    );
    let path = write_file(&dir, "events.csv", events);
    imports::import(
        &mut store,
        &import_request(ImportKind::Events, &path),
        today,
    )
    .unwrap();
    assert_rollups_fresh(&store);

    let moved = events_moved(&manager, &coachee, &other);
    let path = write_file(&dir, "events-again.csv", moved);
    imports::import(
        &mut store,
        &import_request(ImportKind::Events, &path),
        today,
    )
    .unwrap();
    assert_rollups_fresh(&store);

    let kpi: String = store
        .conn()
        .query_row("SELECT name FROM pilot_kpis ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let observations = format!(
        "kpi,employeeId,date,value\n\"{kpi}\",{coachee},2026-11-06,51.5\n\"{kpi}\",{other},2026-11-06,49\n"
    );
    let path = write_file(&dir, "kpis.csv", observations);
    imports::import(
        &mut store,
        &import_request(ImportKind::Observations, &path),
        today,
    )
    .unwrap();
    assert_rollups_fresh(&store);
    let corrected = format!("kpi,employeeId,date,value\n\"{kpi}\",{coachee},2026-11-06,60\n");
    let path = write_file(&dir, "kpis-corrected.csv", corrected);
    imports::import(
        &mut store,
        &import_request(ImportKind::Observations, &path),
        today,
    )
    .unwrap();
    assert_rollups_fresh(&store);

    coaching::log_event(
        &mut store,
        &QuickLogInput {
            manager_id: manager.clone(),
            coachee_id: coachee.clone(),
            kind: "micro_coaching".into(),
            minutes: "12".into(),
            occurred_at: "2026-11-12T08:30".into(),
            ..Default::default()
        },
        today.and_hms_opt(17, 0, 0).unwrap(),
    )
    .unwrap();
    assert_rollups_fresh(&store);

    // A change of manager moves the person's observations to the new manager's unit.
    store
        .conn()
        .execute(
            "UPDATE people SET manager_id = ?1 WHERE id = ?2",
            rusqlite::params![
                store
                    .conn()
                    .query_row(
                        "SELECT manager_id FROM people WHERE id = ?1",
                        [&other],
                        |r| r.get::<_, String>(0)
                    )
                    .unwrap(),
                coachee
            ],
        )
        .unwrap();
    assert_rollups_fresh(&store);

    store
        .conn()
        .execute_batch(
            "DELETE FROM coaching_events WHERE id % 7 = 0;
             DELETE FROM kpi_observations WHERE id % 5 = 0;",
        )
        .unwrap();
    assert_rollups_fresh(&store);
}

fn events_moved(manager: &str, coachee: &str, other: &str) -> String {
    format!(
        "eventId,managerId,coacheeId,occurredAt,minutes,kind\n\
         x-1,{manager},{coachee},2026-11-10 09:00,15,micro_coaching\n\
         x-2,{manager},{other},2026-11-03 09:00,25,micro_coaching\n\
         x-3,{manager},{other},2026-11-03 10:00,5,live_check_in\n\
         x-4,{manager},{coachee},2026-11-12 16:00,8,async_feedback\n"
    )
}

/// A file four times the size of the events table is written with the table's indexes and
/// rollup triggers set aside (`store::bulk`): the rows already there are still found by
/// key, updated in place only when they differ, and everything is indexed again after.
#[test]
fn a_big_file_beside_existing_events_updates_by_key_and_leaves_indexes_and_rollups_whole() {
    let mut store = generated();
    let today = date("2026-11-25");
    let dir = tempfile::tempdir().unwrap();
    // Each existing event as a CSV row (id, uid, minutes, and the row after its minutes).
    let existing: Vec<(i64, String, i64, String, String)> = {
        let mut statement = store
            .conn()
            .prepare(
                "SELECT id, uid, minutes,
                        uid || ',' || manager_id || ',' || coachee_id || ',' || occurred_at,
                        kind || ',' || ifnull(pilot_id, '') || ',' || ifnull(task_id, '')
                            || ',\"' || replace(notes, '\"', '\"\"') || '\"'
                 FROM coaching_events WHERE coachee_id IS NOT NULL ORDER BY id LIMIT 2",
            )
            .unwrap();
        statement
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let before: u32 = store
        .conn()
        .query_row("SELECT count(*) FROM coaching_events", [], |r| r.get(0))
        .unwrap();
    let mut csv =
        String::from("eventId,managerId,coacheeId,occurredAt,minutes,kind,pilot,task,notes\n");
    for (i, (_, _, minutes, head, tail)) in existing.iter().enumerate() {
        // The first as it is, the second ten minutes longer.
        csv.push_str(&format!("{head},{},{tail}\n", minutes + 10 * i as i64));
    }
    let (manager, coachee) = a_manager_and_report(&store);
    let new_rows = 4 * before + 10;
    for i in 0..new_rows {
        csv.push_str(&format!(
            "big-{i},{manager},{coachee},2026-10-{:02} {:02}:{:02},{},micro_coaching,,,\n",
            1 + i % 28,
            8 + i % 9,
            i % 60,
            5 + i % 40
        ));
    }
    let path = write_file(&dir, "big.csv", csv);
    let summary = imports::import(
        &mut store,
        &import_request(ImportKind::Events, &path),
        today,
    )
    .unwrap();
    assert_eq!(
        (summary.inserted, summary.updated, summary.unchanged),
        (new_rows, 1, 1)
    );
    let (id, minutes): (i64, i64) = store
        .conn()
        .query_row(
            "SELECT id, minutes FROM coaching_events WHERE uid = ?1",
            [&existing[1].1],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((id, minutes), (existing[1].0, existing[1].2 + 10));
    let indexes: Vec<String> = {
        let mut statement = store
            .conn()
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'index'
                 AND tbl_name = 'coaching_events' AND sql IS NOT NULL ORDER BY name",
            )
            .unwrap();
        statement
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(
        indexes,
        [
            "coaching_events_by_coachee",
            "coaching_events_by_manager",
            "coaching_events_by_pilot",
            "coaching_events_by_time",
            "coaching_events_by_uid"
        ]
    );
    assert_rollups_fresh(&store);
    let suspended: i64 = store
        .conn()
        .query_row("SELECT suspended FROM rollup_state", [], |r| r.get(0))
        .unwrap();
    assert_eq!(suspended, 0);
}

#[test]
fn a_big_file_with_problems_is_refused_with_each_place_and_leaves_the_table_as_it_was() {
    let mut store = generated();
    let dir = tempfile::tempdir().unwrap();
    let snapshot = |store: &Store| -> (u32, String) {
        store
            .conn()
            .query_row(
                "SELECT (SELECT count(*) FROM coaching_events),
                        (SELECT group_concat(name) FROM sqlite_master
                         WHERE type IN ('index', 'trigger') AND tbl_name = 'coaching_events')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    let before = snapshot(&store);
    let (manager, coachee) = a_manager_and_report(&store);
    let mut csv = String::from("eventId,managerId,coacheeId,occurredAt,minutes,kind\n");
    for i in 0..20_000 {
        let minutes = if i == 14_998 {
            "soon".to_string()
        } else {
            "15".into()
        };
        let manager = if i == 19_998 {
            "NOBODY"
        } else {
            manager.as_str()
        };
        csv.push_str(&format!(
            "big-{i},{manager},{coachee},2026-10-05 09:00,{minutes},micro_coaching\n"
        ));
    }
    let path = write_file(&dir, "big-bad.csv", csv);
    let error = imports::import(
        &mut store,
        &import_request(ImportKind::Events, &path),
        date("2026-11-25"),
    )
    .unwrap_err();
    let places: Vec<(Option<u32>, Option<u32>)> = match &error {
        pilotdesk_core::error::Error::Invalid { details, .. } => {
            details.iter().map(|d| (d.line, d.column)).collect()
        }
        other => panic!("expected the problems, got {other}"),
    };
    assert_eq!(places, [(Some(15_000), Some(5)), (Some(20_000), Some(2))]);
    assert_eq!(snapshot(&store), before);
    assert_rollups_fresh(&store);
}
