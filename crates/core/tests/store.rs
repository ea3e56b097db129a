mod support;

use pilotdesk_core::store::migrations::{self, latest_version, MIGRATIONS};
use pilotdesk_core::{Error, Store};
use rusqlite::Connection;
use support::temp_db;

#[test]
fn a_file_database_uses_wal_and_enforces_foreign_keys() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let mode: String = store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let foreign_keys: i64 = store
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    let synchronous: i64 = store
        .conn()
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(foreign_keys, 1);
    assert_eq!(synchronous, 1, "NORMAL");
    assert!(store.was_created());
    drop(store);
    assert!(
        !Store::open(&path).unwrap().was_created(),
        "a second open finds the schema"
    );
}

/// The window reads through handles like this while an import holds the writer: they see
/// the last commit at once, never the half-written rows, and cannot write themselves.
#[test]
fn a_reader_sees_the_last_commit_while_a_write_is_open_and_cannot_write() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let reader = Store::open_reader(&path).unwrap();
    let people = |store: &Store| -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
            .unwrap()
    };
    let tx = store.write().unwrap();
    tx.execute(
        "INSERT INTO people (id, name, email, team, role, hire_date)
         VALUES ('R1', 'Rae Reader', '', 'Ops', 'Agent', '2024-01-08')",
        [],
    )
    .unwrap();
    // Under a lock that kept readers out, this would fail as busy instead.
    assert_eq!(people(&reader), 0, "the open write is not seen");
    tx.commit().unwrap();
    assert_eq!(people(&reader), 1, "the commit is seen by the next read");

    let refused = reader
        .conn()
        .execute("DELETE FROM people", [])
        .expect_err("a reader cannot write");
    assert!(refused.to_string().contains("readonly"), "{refused}");
    assert_eq!(people(&store), 1);
}

/// A long import spills its pages into the WAL before it commits; screens opening their
/// read handles meanwhile must not break its commit.
#[test]
fn a_write_that_spills_into_the_wal_commits_while_readers_open_and_read() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store.conn().pragma_update(None, "cache_size", 16).unwrap();
    let tx = store.write().unwrap();
    let mut readers = Vec::new();
    for batch in 0..6 {
        for i in 0..2_000 {
            tx.execute(
                "INSERT INTO people (id, name, email, team, role, hire_date)
                 VALUES (?1, 'Someone With A Long Enough Name', '', 'Ops', 'Agent', '2024-01-08')",
                [format!("S{batch}-{i:05}")],
            )
            .unwrap();
        }
        let reader = Store::open_reader(&path).unwrap();
        let seen: i64 = reader
            .conn()
            .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
            .unwrap();
        assert_eq!(seen, 0);
        readers.push(reader);
    }
    tx.commit().unwrap();
    for reader in &readers {
        let seen: i64 = reader
            .conn()
            .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
            .unwrap();
        assert_eq!(seen, 12_000);
    }
}

#[test]
fn a_database_from_a_newer_build_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE from_the_future (x INTEGER); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let error = Store::open(&path)
        .err()
        .expect("a newer database is refused");
    assert!(
        matches!(error, Error::DatabaseTooNew { found: 999, .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("newer Pilotdesk") && message.contains("999"),
        "{message}"
    );
    assert_eq!(error.code(), "database_too_new");

    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is byte for byte the same"
    );
    let wal = path.with_extension("sqlite3-wal");
    assert!(!wal.exists(), "no write-ahead log was started");
}

fn schema_of(conn: &Connection) -> Vec<(String, String)> {
    let mut statement = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
        .unwrap();
    let rows = statement
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// Rows that any version since the first can hold, written at an old version and expected
/// to survive every later migration.
fn seed_at(conn: &Connection, version: i64) {
    if version >= 1 {
        conn.execute_batch(
            "INSERT INTO people (id, name, email, team, role, manager_id) VALUES
                 ('E1', 'Ada Boss', 'ada@x.example', 'Ops', 'Manager', NULL),
                 ('E2', 'Ben Report', 'ben@x.example', 'Ops', 'Agent', 'E1');
             INSERT INTO pilots (name, start_date, end_date, sponsor, budget_cents, status,
                                 created_at, updated_at)
             VALUES ('Old pilot', '2026-01-05', '2026-04-05', 'Ada Boss', 100000, 'draft',
                     '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO pilot_workflows (pilot_id, position, name) VALUES (1, 0, 'Onboarding');",
        )
        .unwrap();
    }
    if version >= 2 {
        conn.execute_batch(
            "INSERT INTO pack_records (kind, pilot_id, title, subject, produced_at, produced_by,
                                       content_hash, pages, paper_size, path)
             VALUES ('proposal', 1, 'Pilot proposal', 'Old pilot', '2026-01-02T00:00:00Z', 'Ada',
                     'abc123', 2, 'a4', '/tmp/old.pdf');",
        )
        .unwrap();
    }
    if version >= 3 {
        conn.execute_batch(
            "INSERT INTO pilot_kpis (pilot_id, position, name, unit, direction, baseline_start,
                                     baseline_end, baseline_value, target_lift)
             VALUES (1, 0, 'First-contact resolution', '%', 'higher', '2025-07-01',
                     '2025-12-31', 68.0, 4.0);
             INSERT INTO pilot_cohort (pilot_id, manager_id, arm) VALUES (1, 'E1', 'pilot');
             INSERT INTO pilot_transitions (pilot_id, from_status, to_status, at, actor, reason,
                                            evidence)
             VALUES (1, 'draft', 'ready', '2026-01-02T00:00:00Z', 'Ada', 'Step 1 done', '{}');
             INSERT INTO kpi_observations (kpi_id, person_id, observed_on, value)
             VALUES (1, 'E2', '2025-09-01', 66.0), (1, 'E2', '2026-01-09', 72.0),
                    (1, 'E2', '2026-01-16', 73.0);",
        )
        .unwrap();
    }
    if (3..5).contains(&version) {
        // Before schema 5 an event had no UUID, and the same observation could be written
        // twice: schema 5 keeps one value per KPI, person and day, the one written last.
        conn.execute_batch(
            "INSERT INTO coaching_events (pilot_id, manager_id, coachee_id, occurred_at, minutes,
                                          kind, notes)
             VALUES (1, 'E1', 'E2', '2026-01-06T09:30:00', 10, 'micro_coaching', 'old event');
             INSERT INTO kpi_observations (kpi_id, person_id, observed_on, value)
             VALUES (1, 'E2', '2026-01-09', 71.5);",
        )
        .unwrap();
    }
    if version >= 5 {
        conn.execute_batch(
            "INSERT INTO coaching_events (uid, pilot_id, manager_id, coachee_id, occurred_at,
                                          minutes, kind, notes, source)
             VALUES ('0b7e3a52-5d1c-4e8a-9f2b-6c1d2e3f4a5b', 1, 'E1', 'E2',
                     '2026-01-06T09:30:00', 10, 'micro_coaching', 'new event', 'quick_log');",
        )
        .unwrap();
    }
    if version >= 6 {
        // From schema 6 the app writes each person's first history row with them.
        conn.execute_batch(
            "INSERT INTO person_history (person_id, valid_from, team, role, manager_id, change)
             SELECT id, '2025-01-06', team, role, manager_id, 'joined' FROM people;",
        )
        .unwrap();
    }
    if version >= 7 {
        conn.execute_batch(
            "INSERT INTO frameworks (identifier, uri, title, document_json, imported_at, updated_at)
             VALUES ('9f1c2a3b-0000-4000-8000-000000000001', 'https://x.example/f', 'Service skills',
                     '{}', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');
             INSERT INTO competencies (framework_id, identifier, uri, statement, human_coding,
                                       position, item_json)
             VALUES (1, '9f1c2a3b-0000-4000-8000-000000000002', 'https://x.example/c',
                     'Listens before answering', 'SV.1', 0, '{}');
             INSERT INTO competency_levels VALUES (1, 1, 'Aware', 'Knows the steps'),
                                                  (1, 2, 'Proficient', 'Does them unprompted');
             INSERT INTO competency_ratings (person_id, competency_id, level, rater, rated_by,
                                             rated_on, created_at)
             VALUES ('E2', 1, 2, 'manager', 'Ada Boss', '2026-01-09', '2026-01-09T00:00:00Z');
             INSERT INTO role_requirements VALUES ('Agent', 1, 2);",
        )
        .unwrap();
    }
    if version >= 4 {
        let content = r#"{"actor":"Ada Boss","actor_id":"E1","at":"2026-01-03T00:00:00Z","details":{},"kind":"member_added","pilot_id":null,"summary":"Ada Boss joined the steering group for HR"}"#;
        let hash = pilotdesk_core::metrics::chain::entry_hash(
            pilotdesk_core::metrics::chain::GENESIS,
            content,
        );
        conn.execute(
            "INSERT INTO steering_members (person_id, function, joined_at)
             VALUES ('E1', 'hr', '2026-01-03T00:00:00Z')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO decision_log (at, actor, actor_id, kind, pilot_id, summary, content,
                                       prev_hash, hash)
             VALUES ('2026-01-03T00:00:00Z', 'Ada Boss', 'E1', 'member_added', NULL,
                     'Ada Boss joined the steering group for HR', ?1, ?2, ?3)",
            rusqlite::params![content, pilotdesk_core::metrics::chain::GENESIS, hash],
        )
        .unwrap();
    }
}

#[test]
fn every_older_schema_upgrades_to_the_fresh_schema_and_keeps_its_data() {
    let fresh = Store::open_in_memory().unwrap();
    let fresh_schema = schema_of(fresh.conn());
    assert_eq!(
        migrations::schema_version(fresh.conn()).unwrap(),
        latest_version()
    );

    for start in 0..latest_version() {
        let (_dir, path) = temp_db();
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrate_to(&mut conn, start).unwrap();
        assert_eq!(migrations::schema_version(&conn).unwrap(), start);
        seed_at(&conn, start);
        drop(conn);

        let store = Store::open(&path).unwrap();
        assert_eq!(
            schema_of(store.conn()),
            fresh_schema,
            "upgraded from version {start}"
        );
        if start >= 1 {
            let pilot = pilotdesk_core::workflows::pilots::get_pilot(&store, 1).unwrap();
            assert_eq!(
                pilot.name, "Old pilot",
                "data written at version {start} survives"
            );
            assert_eq!(pilot.workflows, vec!["Onboarding".to_string()]);
            let design = pilotdesk_core::workflows::design::load_design(
                &store,
                1,
                chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            )
            .unwrap();
            assert_eq!(
                design.cohort.design,
                pilotdesk_core::model::ComparisonDesign::None
            );
            assert_eq!(
                design.pilot.ai_agenda, "",
                "new columns take their defaults"
            );
        }
        if start >= 2 {
            let packs = pilotdesk_core::workflows::packs::list_packs(&store).unwrap();
            assert_eq!(packs[0].content_hash, "abc123");
        }
        if start >= 3 {
            let design = pilotdesk_core::workflows::design::load_design(
                &store,
                1,
                chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            )
            .unwrap();
            assert_eq!(design.kpis[0].name, "First-contact resolution");
            assert_eq!(design.cohort.members.len(), 1);
            assert_eq!(design.transitions.len(), 1);
            assert!(design.feedback.is_none());
            let page = pilotdesk_core::workflows::coaching::list_events(
                &store,
                &pilotdesk_core::model::EventFilter::default(),
            )
            .unwrap();
            assert_eq!(
                page.total, 1,
                "the event written at version {start} survives"
            );
            let event = &page.events[0];
            let written = if start >= 5 { "new event" } else { "old event" };
            assert_eq!(event.notes, written);
            assert_eq!(event.occurred_at.to_string(), "2026-01-06 09:30:00");
            let uid = event.uid.as_bytes();
            assert_eq!(uid.len(), 36, "it was given a UUID: {}", event.uid);
            assert_eq!(
                (uid[8], uid[13], uid[14], uid[18], uid[23]),
                (b'-', b'-', b'4', b'-', b'-')
            );
            assert!(
                matches!(uid[19], b'8' | b'9' | b'a' | b'b'),
                "{}",
                event.uid
            );
            let values: Vec<f64> = store
                .conn()
                .prepare("SELECT value FROM kpi_observations ORDER BY observed_on, id")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            let expected = if start >= 5 {
                vec![66.0, 72.0, 73.0]
            } else {
                vec![66.0, 71.5, 73.0]
            };
            assert_eq!(
                values, expected,
                "of the same observation written twice, the later one stands"
            );
            // The upgrade to schema 6 builds the rollups from the data already there.
            let rolled: (i64, f64) = store
                .conn()
                .query_row(
                    "SELECT sum(n), sum(total) FROM kpi_rollup WHERE unit = 'm:E1'",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!(rolled, (3, values.iter().sum::<f64>()));
            let coached: (i64, i64, i64) = store
                .conn()
                .query_row(
                    "SELECT events, minutes, coachees FROM coaching_rollup
                     WHERE pilot_id = 1 AND week = '2026-01-05' AND manager_id = 'E1'",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .unwrap();
            assert_eq!(coached, (1, 10, 1));
        }
        if start >= 1 {
            let history: i64 = store
                .conn()
                .query_row(
                    "SELECT count(*) FROM person_history WHERE change = 'joined'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(history, 2, "everyone on record starts a history");
        }
        if start >= 4 {
            let members = pilotdesk_core::workflows::steering::members(&store).unwrap();
            assert_eq!(members[0].person_id, "E1");
        }
        // Whatever version it came from, governance starts with the default rule, the seeded
        // risk register and a log that verifies.
        assert_eq!(
            pilotdesk_core::workflows::steering::rule(&store).unwrap(),
            pilotdesk_core::model::QuorumRule::default_rule()
        );
        assert_eq!(
            pilotdesk_core::workflows::vendors::list_risks(&store)
                .unwrap()
                .len(),
            7
        );
        assert!(
            pilotdesk_core::workflows::audit::verify(&store)
                .unwrap()
                .verified
        );
    }
}

#[test]
fn data_written_at_the_latest_version_reads_back_and_its_log_verifies() {
    let (_dir, path) = temp_db();
    let mut conn = Connection::open(&path).unwrap();
    migrations::migrate(&mut conn).unwrap();
    seed_at(&conn, latest_version());
    drop(conn);
    let store = Store::open(&path).unwrap();
    let members = pilotdesk_core::workflows::steering::members(&store).unwrap();
    assert_eq!(members[0].name, "Ada Boss");
    let verdict = pilotdesk_core::workflows::audit::verify(&store).unwrap();
    assert!(verdict.verified, "{}", verdict.summary);
    assert_eq!(verdict.entries, 1);
    let events = pilotdesk_core::workflows::coaching::list_events(
        &store,
        &pilotdesk_core::model::EventFilter::default(),
    )
    .unwrap();
    assert_eq!(events.events[0].uid, "0b7e3a52-5d1c-4e8a-9f2b-6c1d2e3f4a5b");
    assert_eq!(events.events[0].notes, "new event");
    let profile = pilotdesk_core::workflows::skills::report::profile(
        &store,
        "E2",
        chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
    )
    .unwrap();
    assert_eq!(profile.ratings[0].level_label, "Proficient");
    assert_eq!(profile.readiness, Some(1.0));
}

#[test]
fn migrations_are_numbered_one_step_at_a_time() {
    for (index, migration) in MIGRATIONS.iter().enumerate() {
        assert_eq!(migration.version, index as i64 + 1, "{}", migration.name);
    }
}

#[test]
fn a_failing_migration_step_leaves_the_previous_version_intact() {
    let (_dir, path) = temp_db();
    let mut conn = Connection::open(&path).unwrap();
    migrations::migrate_to(&mut conn, 1).unwrap();
    // Sabotage step 2 by taking the name of the table it creates.
    conn.execute_batch("CREATE TABLE pack_records (x INTEGER)")
        .unwrap();
    let error = migrations::migrate(&mut conn).unwrap_err();
    assert_eq!(error.code(), "storage");
    assert_eq!(
        migrations::schema_version(&conn).unwrap(),
        1,
        "the version bump rolled back"
    );
    let indexes: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'pack_records_by_hash'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(indexes, 0, "nothing of the failed step remains");
}

#[test]
fn the_change_record_is_append_only() {
    let store = support::demo_store();
    let count: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))
        .unwrap();
    assert!(count >= 1);
    let update = store
        .conn()
        .execute("UPDATE change_log SET actor = 'someone else'", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = store.conn().execute("DELETE FROM change_log", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn foreign_keys_refuse_a_workflow_of_a_missing_pilot() {
    let store = Store::open_in_memory().unwrap();
    let insert = store.conn().execute(
        "INSERT INTO pilot_workflows (pilot_id, position, name) VALUES (42, 0, 'x')",
        [],
    );
    assert!(insert.is_err());
}
