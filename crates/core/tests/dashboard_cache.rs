//! A dashboard reopened on unchanged data is read back as it was computed; any write to the
//! workspace makes it out of date, and the next open computes it afresh.

mod support;

use pilotdesk_core::model::QuickLogInput;
use pilotdesk_core::workflows::analytics::{cached_dashboard, dashboard};
use pilotdesk_core::workflows::coaching;
use pilotdesk_core::workflows::generate::{generate, GenerateOptions};
use pilotdesk_core::Store;
use support::date;

#[test]
fn an_unchanged_dashboard_is_read_back_and_a_write_makes_it_fresh() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = generate(
        &mut store,
        &GenerateOptions {
            people: 200,
            events: 1500,
            weeks: 20,
            seed: 5,
            end: date("2026-11-20"),
            effect_scale: 1.0,
        },
    )
    .unwrap();
    let (pilot, day) = (summary.pilot_id, summary.last_day);
    let first = cached_dashboard(&mut store, pilot, day).unwrap();
    assert_eq!(first, dashboard(&store, pilot, day).unwrap());

    // Changing the kept copy behind the app's back shows the next open reads it, not the data.
    store
        .conn()
        .execute(
            "UPDATE dashboard_cache SET body = replace(body, ?1, 'Read from the kept copy')",
            [&first.headline],
        )
        .unwrap();
    let kept = cached_dashboard(&mut store, pilot, day).unwrap();
    assert_eq!(kept.headline, "Read from the kept copy");

    // A coaching moment logged through the app raises the workspace version: fresh again.
    let (manager, coachee): (String, String) = store
        .conn()
        .query_row(
            "SELECT c.manager_id, p.id FROM pilot_cohort c JOIN people p ON p.manager_id = c.manager_id
             WHERE c.pilot_id = ?1 AND c.arm = 'pilot' LIMIT 1",
            [pilot],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    coaching::log_event(
        &mut store,
        &QuickLogInput {
            manager_id: manager,
            coachee_id: coachee,
            kind: "micro_coaching".into(),
            minutes: "15".into(),
            pilot_id: Some(pilot),
            occurred_at: "2026-11-19T10:00".into(),
            ..Default::default()
        },
        date("2026-11-20").and_hms_opt(17, 0, 0).unwrap(),
    )
    .unwrap();
    let fresh = cached_dashboard(&mut store, pilot, day).unwrap();
    assert_eq!(fresh.headline, first.headline);
    assert_eq!(fresh.coaching.events, first.coaching.events + 1);
    let kept: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM dashboard_cache", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 1, "only the dashboard of the current version is kept");
}
