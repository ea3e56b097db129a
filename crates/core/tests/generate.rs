//! The data generator: a sound organisation, the same data from the same seed, and a
//! built-in effect that a pilot-minus-comparison difference recovers.

mod support;

use std::collections::HashMap;

use pilotdesk_core::model::{EventFilter, ImportKind, ItemKind, ItemState, PilotStatus};
use pilotdesk_core::workflows::exports::export_table;
use pilotdesk_core::workflows::generate::{generate, GenerateOptions, GenerateSummary};
use pilotdesk_core::workflows::imports::import;
use pilotdesk_core::workflows::pilots::get_pilot;
use pilotdesk_core::workflows::review::review;
use pilotdesk_core::Store;
use support::{count, date, demo_store, import_request};

fn options(seed: u64) -> GenerateOptions {
    GenerateOptions {
        people: 600,
        events: 6000,
        weeks: 20,
        seed,
        end: date("2026-11-20"),
        effect_scale: 1.0,
    }
}

fn generated(seed: u64) -> (Store, GenerateSummary) {
    let mut store = Store::open_in_memory().unwrap();
    let summary = generate(&mut store, &options(seed)).unwrap();
    (store, summary)
}

/// The generated data, without the clock-dependent columns (when it was written).
fn dump(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for query in [
        "SELECT * FROM people ORDER BY id",
        "SELECT * FROM coaching_events ORDER BY id",
        "SELECT * FROM kpi_observations ORDER BY id",
        "SELECT * FROM pilot_kpis ORDER BY id",
        "SELECT * FROM playbook_tasks ORDER BY id",
        "SELECT * FROM pilot_cohort ORDER BY manager_id",
        "SELECT name, start_date, end_date, status, comparison_design, assignment_seed FROM pilots",
    ] {
        let mut statement = store.conn().prepare(query).unwrap();
        let columns = statement.column_count();
        let rows = statement
            .query_map([], |row| {
                Ok((0..columns)
                    .map(|i| format!("{:?}", row.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

#[test]
fn the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    let (a, summary) = generated(7);
    let (b, _) = generated(7);
    let (c, _) = generated(8);
    let first = dump(&a);
    assert!(first.len() > 6000 + 600);
    assert_eq!(first, dump(&b));
    assert_ne!(first, dump(&c));
    assert_eq!(summary.people, 600);
    assert_eq!(summary.events, 6000);
    assert_eq!(count(&a, "people"), 600);
    // The bulk data comes in the generator's own import, before the story's pilots.
    let generated_events: i64 = a
        .conn()
        .query_row(
            "SELECT count(*) FROM coaching_events
             WHERE import_id = (SELECT min(id) FROM imports WHERE kind = 'generated')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(generated_events, 6000);
    let generated_observations: i64 = a
        .conn()
        .query_row(
            "SELECT count(*) FROM kpi_observations
             WHERE import_id = (SELECT min(id) FROM imports WHERE kind = 'generated')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(generated_observations as u64, summary.observations);
    // The indexes set aside while filling the tables are all back, exactly as defined.
    let schema = |store: &Store| -> Vec<(String, String)> {
        let mut statement = store
            .conn()
            .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            .unwrap();
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        rows.map(Result::unwrap).collect()
    };
    assert_eq!(schema(&a), schema(&Store::open_in_memory().unwrap()));
    let duplicate = a.conn().execute(
        "INSERT INTO coaching_events (uid, manager_id, occurred_at, minutes, kind, source)
         SELECT uid, manager_id, occurred_at, minutes, kind, source FROM coaching_events LIMIT 1",
        [],
    );
    assert!(
        duplicate.is_err(),
        "the unique key on event UUIDs is enforced again"
    );
}

#[test]
fn the_organisation_is_sound_enough_to_import() {
    // The strictest check there is: the people export passes the import's validation
    // (unique ids and emails, known managers, no cycles, no future hire dates).
    let (store, summary) = generated(3);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.csv");
    export_table(&store, ImportKind::People, &path, &EventFilter::default()).unwrap();
    let mut fresh = Store::open_in_memory().unwrap();
    let imported = import(
        &mut fresh,
        &import_request(ImportKind::People, &path),
        date("2026-11-20"),
    )
    .unwrap();
    assert_eq!(imported.inserted, 600);
    assert!(summary.teams >= 40, "{} teams", summary.teams);
    // Every team is in one pilot: the big one, or the running one's function.
    let running = summary
        .running_pilot_id
        .expect("a running pilot at 600 people");
    let running_managers: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM pilot_cohort WHERE pilot_id = ?1",
            [running],
            |r| r.get(0),
        )
        .unwrap();
    assert!(running_managers >= 2);
    assert_eq!(
        summary.pilot_managers + summary.comparison_managers + running_managers as u32,
        summary.teams
    );
    assert!(summary.pilot_managers.abs_diff(summary.comparison_managers) <= 1);
    let roots: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM people WHERE manager_id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(roots, 1);
    // Events fall inside the window and only on the generated pilot's tasks.
    let (first, last): (String, String) = store
        .conn()
        .query_row(
            "SELECT min(occurred_at), max(occurred_at) FROM coaching_events",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        first.as_str() >= summary.first_day.to_string().as_str(),
        "{first}"
    );
    assert!(last.as_str() < "2026-11-21", "{last}");
    let pilot_events: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM coaching_events WHERE pilot_id IS NOT NULL AND occurred_at < ?1",
            [summary.pilot_start.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(pilot_events, 0, "no pilot coaching before the pilot starts");
}

#[test]
fn the_built_in_effect_is_recovered_by_pilot_minus_comparison() {
    let (store, summary) = generated(11);
    assert_eq!(summary.effects.len(), 3);
    for effect in &summary.effects {
        // Per team: mean after the start minus mean before; then pilot teams minus
        // comparison teams.
        let mut statement = store
            .conn()
            .prepare(
                "SELECT c.arm, p.manager_id, o.observed_on >= ?2, avg(o.value)
                 FROM kpi_observations o JOIN people p ON p.id = o.person_id
                 JOIN pilot_cohort c ON c.manager_id = p.manager_id AND c.pilot_id = ?3
                 WHERE o.kpi_id = ?1 GROUP BY c.arm, p.manager_id, o.observed_on >= ?2",
            )
            .unwrap();
        let mut teams: HashMap<String, (String, f64, f64)> = HashMap::new();
        let rows = statement
            .query_map(
                rusqlite::params![effect.kpi_id, summary.pilot_start, summary.pilot_id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, bool>(2)?,
                        r.get::<_, f64>(3)?,
                    ))
                },
            )
            .unwrap();
        for row in rows {
            let (arm, manager, post, mean) = row.unwrap();
            let entry = teams.entry(manager).or_insert((arm, 0.0, 0.0));
            if post {
                entry.2 = mean;
            } else {
                entry.1 = mean;
            }
        }
        let change = |arm: &str| {
            let d: Vec<f64> = teams
                .values()
                .filter(|t| t.0 == arm)
                .map(|t| t.2 - t.1)
                .collect();
            d.iter().sum::<f64>() / d.len() as f64
        };
        let estimate = change("pilot") - change("comparison");
        assert!(
            (estimate - effect.effect).abs() < 1.0,
            "{}: built in {}, recovered {estimate:.2}",
            effect.kpi,
            effect.effect
        );
        assert!(
            change("comparison").abs() < 1.0,
            "comparison teams do not move"
        );
    }
}

#[test]
fn the_generated_workspace_has_a_pilot_in_each_state() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = generate(
        &mut store,
        &GenerateOptions {
            weeks: 26,
            ..options(5)
        },
    )
    .unwrap();
    // The big pilot went through its gates and was decided at day 90, with the rule's
    // verdict recorded beside the vote.
    assert_eq!(summary.pilot_status, PilotStatus::Scaled);
    let review = review(&store, summary.pilot_id, None, date("2026-11-21")).unwrap();
    let decided: Vec<ItemKind> = review
        .items
        .iter()
        .filter(|i| i.state == ItemState::Decided)
        .map(|i| i.kind)
        .collect();
    assert_eq!(
        decided,
        [
            ItemKind::Approval,
            ItemKind::Day45Review,
            ItemKind::Day90Outcome
        ]
    );
    assert!(review.rule_verdict.is_some());
    // The running pilot: approved, two months in, its day-45 review held.
    let running = summary.running_pilot_id.unwrap();
    let pilot = get_pilot(&store, running).unwrap();
    assert_eq!(pilot.status, PilotStatus::Day45Review);
    assert_eq!((date("2026-11-21") - pilot.start_date).num_days(), 62);
    // And one in design, starting after the last day.
    let draft = get_pilot(&store, summary.draft_pilot_id).unwrap();
    assert_eq!(draft.status, PilotStatus::Draft);
    assert!(draft.start_date > date("2026-11-20"));
}

#[test]
fn the_story_fits_every_size_the_generator_takes() {
    for (people, weeks) in [(40, 4), (130, 21), (3500, 22), (500, 104)] {
        let mut store = Store::open_in_memory().unwrap();
        let summary = generate(
            &mut store,
            &GenerateOptions {
                people,
                events: 500,
                weeks,
                ..options(2)
            },
        )
        .unwrap_or_else(|e| panic!("{people} people over {weeks} weeks: {e}"));
        let finished = summary.pilot_status == PilotStatus::Scaled;
        assert_eq!(finished, weeks >= 22, "{people} people, {weeks} weeks");
        assert_eq!(
            get_pilot(&store, summary.draft_pilot_id).unwrap().status,
            PilotStatus::Draft
        );
    }
}

#[test]
fn the_generator_refuses_a_workspace_with_data_and_impossible_sizes() {
    let mut store = demo_store();
    let error = generate(&mut store, &options(1)).unwrap_err();
    assert_eq!(error.code(), "conflict");
    let mut empty = Store::open_in_memory().unwrap();
    let bad = GenerateOptions {
        people: 3,
        weeks: 1,
        ..options(1)
    };
    let error = generate(&mut empty, &bad).unwrap_err();
    assert!(error.to_string().contains("2 problems"), "{error}");
    assert_eq!(count(&empty, "people"), 0);
}
