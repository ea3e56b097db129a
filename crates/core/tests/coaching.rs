//! The quick log, the events log's filters, time credits, and exports that import back
//! unchanged.

mod support;

use chrono::NaiveDateTime;
use pilotdesk_core::model::{
    EventFilter, EventKind, EventSource, ImportKind, LoadLevel, QuickLogInput, SettingsInput,
};
use pilotdesk_core::workflows::coaching::{list_events, log_event, quick_log_options};
use pilotdesk_core::workflows::credits::time_credits;
use pilotdesk_core::workflows::exports::export_table;
use pilotdesk_core::workflows::imports::import;
use pilotdesk_core::workflows::settings::update_settings;
use pilotdesk_core::{Error, Store};
use support::{count, date, demo_store, import_request, snapshot, write_file};

fn now() -> NaiveDateTime {
    "2026-11-23T10:15:00".parse().unwrap()
}

fn moment() -> QuickLogInput {
    QuickLogInput {
        manager_id: "E1060".into(),
        coachee_id: "E1061".into(),
        kind: "micro_coaching".into(),
        minutes: "10".into(),
        pilot_id: Some(1),
        task_id: Some(2),
        notes: "  Qualified the deal together  ".into(),
        occurred_at: String::new(),
        // The demo's pilot starts after `now()`: the manager confirmed a moment before it.
        confirmed: true,
    }
}

#[test]
fn a_quick_log_moment_is_recorded_and_shows_in_the_events_log() {
    let mut store = demo_store();
    let event = log_event(&mut store, &moment(), now()).unwrap();
    assert_eq!(event.occurred_at, now());
    assert_eq!(event.source, EventSource::QuickLog);
    assert_eq!(event.manager_name, "Mei Walsh");
    assert_eq!(
        event.task.as_deref().map(|t| t.starts_with("Qualify")),
        Some(true)
    );
    assert_eq!(event.notes, "Qualified the deal together");
    assert_eq!(event.uid.len(), 36);
    let page = list_events(&store, &EventFilter::default()).unwrap();
    assert_eq!(page.events, vec![event.clone()]);
    let logged: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM change_log WHERE entity = 'coaching_event' AND action = 'logged'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, 1);

    // A task given without its pilot brings the pilot.
    let mut input = moment();
    input.pilot_id = None;
    input.task_id = Some(5);
    input.occurred_at = "2026-11-20T16:30".into();
    let second = log_event(&mut store, &input, now()).unwrap();
    assert_eq!(second.pilot_id, Some(1));
    assert_eq!(second.occurred_at.to_string(), "2026-11-20 16:30:00");
}

#[test]
fn a_moment_the_playbook_would_not_expect_is_asked_about_and_recorded_once_confirmed() {
    let mut store = demo_store();
    let before = snapshot(&store);
    let mut input = moment();
    input.confirmed = false;
    input.minutes = "60".into();
    let Error::NeedsConfirmation { details, .. } =
        log_event(&mut store, &input, now()).unwrap_err()
    else {
        panic!("an hour of micro-coaching before the pilot starts is asked about");
    };
    let fields: Vec<_> = details.iter().filter_map(|d| d.field.as_deref()).collect();
    assert_eq!(fields, ["minutes", "occurredAt"]);
    assert!(details[0]
        .message
        .contains("60 minutes is long for micro-coaching"));
    assert!(details[1].message.contains("comes before it"));
    assert_eq!(
        snapshot(&store),
        before,
        "nothing is written until it is confirmed"
    );

    input.confirmed = true;
    let event = log_event(&mut store, &input, now()).unwrap();
    assert_eq!(event.minutes, 60);
}

#[test]
fn a_refused_moment_names_every_field_and_writes_nothing() {
    let mut store = demo_store();
    let before = snapshot(&store);
    let input = QuickLogInput {
        manager_id: "E1060".into(),
        coachee_id: "E1060".into(),
        kind: "chat".into(),
        minutes: "-3".into(),
        pilot_id: Some(99),
        task_id: None,
        notes: String::new(),
        occurred_at: "2026-12-01".into(),
        confirmed: false,
    };
    let Error::Invalid { details, .. } = log_event(&mut store, &input, now()).unwrap_err() else {
        panic!("expected invalid input");
    };
    let fields: Vec<&str> = details.iter().filter_map(|d| d.field.as_deref()).collect();
    assert_eq!(
        fields,
        vec!["coacheeId", "kind", "minutes", "pilotId", "occurredAt"]
    );
    assert!(details[2].message.contains("negative"));
    assert_eq!(snapshot(&store), before);

    let empty = QuickLogInput::default();
    let Error::Invalid { details, .. } = log_event(&mut store, &empty, now()).unwrap_err() else {
        panic!("expected invalid input");
    };
    let fields: Vec<&str> = details.iter().filter_map(|d| d.field.as_deref()).collect();
    assert_eq!(fields, vec!["managerId", "coacheeId", "kind", "minutes"]);
}

#[test]
fn quick_log_options_offer_managers_with_their_reports_and_the_current_user_first() {
    let mut store = demo_store();
    let options = quick_log_options(&store).unwrap();
    let mei = options.managers.iter().find(|m| m.id == "E1060").unwrap();
    assert_eq!(mei.reports.len(), 12);
    assert!(options.managers.iter().all(|m| !m.reports.is_empty()));
    assert_eq!(options.pilots[0].tasks.len(), 8);
    // The demo acts as the L&D lead, who manages no one.
    assert_eq!(options.default_manager, None);
    store
        .write()
        .map(|tx| {
            pilotdesk_core::store::settings::set(&tx, "current_user", "Mei Walsh").unwrap();
            tx.commit().unwrap();
        })
        .unwrap();
    assert_eq!(
        quick_log_options(&store)
            .unwrap()
            .default_manager
            .as_deref(),
        Some("E1060")
    );
}

fn log_at(store: &mut Store, manager: &str, coachee: &str, when: &str, minutes: u32) {
    log_event(
        store,
        &QuickLogInput {
            manager_id: manager.into(),
            coachee_id: coachee.into(),
            kind: "live check-in".into(),
            minutes: minutes.to_string(),
            pilot_id: None,
            task_id: None,
            notes: String::new(),
            occurred_at: when.into(),
            confirmed: false,
        },
        now(),
    )
    .unwrap();
}

#[test]
fn the_events_log_filters_by_pilot_manager_type_and_dates() {
    let mut store = demo_store();
    log_event(&mut store, &moment(), now()).unwrap();
    log_at(&mut store, "E1060", "E1062", "2026-11-02T09:00", 20);
    log_at(&mut store, "E1040", "E1041", "2026-11-09T09:00", 30);
    let filter = |f: EventFilter| list_events(&store, &f).unwrap();
    assert_eq!(filter(EventFilter::default()).total, 3);
    assert_eq!(
        filter(EventFilter {
            pilot_id: Some(1),
            ..Default::default()
        })
        .total,
        1
    );
    let mei = filter(EventFilter {
        manager_id: Some("E1060".into()),
        ..Default::default()
    });
    assert_eq!((mei.total, mei.total_minutes), (2, 30));
    assert_eq!(
        filter(EventFilter {
            kind: Some(EventKind::LiveCheckIn),
            ..Default::default()
        })
        .total,
        2
    );
    let range = filter(EventFilter {
        from: "2026-11-02".into(),
        to: "2026-11-09".into(),
        ..Default::default()
    });
    assert_eq!(range.total, 2, "both ends included");
    assert_eq!(range.events[0].manager_id, "E1040", "latest first");
    let paged = filter(EventFilter {
        limit: 1,
        offset: 1,
        ..Default::default()
    });
    assert_eq!((paged.total, paged.events.len()), (3, 1));
    let refused = list_events(
        &store,
        &EventFilter {
            from: "last week".into(),
            ..Default::default()
        },
    );
    assert_eq!(refused.unwrap_err().code(), "invalid_input");
}

#[test]
fn coaching_hours_become_time_credits_and_overload_stands_out() {
    let mut store = demo_store();
    let mut settings = SettingsInput {
        workspace_name: "Meridian".into(),
        currency: "USD".into(),
        paper_size: "a4".into(),
        min_group_size: "5".into(),
        credit_rate: "0.5".into(),
        weekly_load_hours: "2".into(),
    };
    update_settings(&mut store, &settings).unwrap();
    // Mei: 150 minutes in the week of 9 November (over 2 h), 60 in the week of 16th.
    log_at(&mut store, "E1060", "E1061", "2026-11-09T09:00", 90);
    log_at(&mut store, "E1060", "E1062", "2026-11-11T09:00", 60);
    log_at(&mut store, "E1060", "E1062", "2026-11-17T09:00", 60);
    log_at(&mut store, "E1040", "E1041", "2026-11-23T09:00", 100);
    let report = time_credits(&store, 3, None, date("2026-11-23")).unwrap();
    assert_eq!(
        report.weeks,
        vec![date("2026-11-09"), date("2026-11-16"), date("2026-11-23")]
    );
    assert_eq!(report.credit_rate, 0.5);
    let mei = &report.managers[0];
    assert_eq!(mei.name, "Mei Walsh", "the overloaded manager comes first");
    assert_eq!(mei.reports, 12);
    assert_eq!(mei.weeks[0].minutes, 150);
    assert_eq!(mei.weeks[0].level, LoadLevel::Over);
    assert_eq!(mei.weeks[1].level, LoadLevel::Ok);
    assert!((mei.total_credits - 3.5 * 0.5).abs() < 1e-9);
    let other = &report.managers[1];
    assert_eq!(
        other.weeks[2].level,
        LoadLevel::Near,
        "1 h 40 is 83% of 2 h"
    );
    assert_eq!(report.overloaded_managers, 1);
    assert_eq!(report.at_risk_now, 1);

    settings.weekly_load_hours = "3".into();
    update_settings(&mut store, &settings).unwrap();
    let relaxed = time_credits(&store, 3, None, date("2026-11-23")).unwrap();
    assert_eq!(
        relaxed.overloaded_managers, 0,
        "the threshold is the workspace's setting"
    );
    assert!(time_credits(&store, 27, None, date("2026-11-23")).is_err());
}

#[test]
fn exports_import_back_unchanged_in_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store();
    log_event(&mut store, &moment(), now()).unwrap();
    log_at(&mut store, "E1040", "E1041", "2026-11-09T09:05:30", 30);
    let observations = write_file(
        &dir,
        "kpis.csv",
        "KPI,Employee ID,Team,Date,Value\n\
         First-contact resolution,,Customer Support,2026-10-30,71.5\n\
         Days to first closed deal,E1061,,2026-10-30,64\n",
    );
    import(
        &mut store,
        &import_request(ImportKind::Observations, &observations),
        date("2026-11-23"),
    )
    .unwrap();
    let before = snapshot(&store);
    for extension in ["csv", "xlsx"] {
        for (kind, rows) in [
            (ImportKind::People, 80),
            (ImportKind::Events, 2),
            (ImportKind::Observations, 2),
        ] {
            let path = dir.path().join(format!("{}.{extension}", kind.as_str()));
            let summary = export_table(&store, kind, &path, &EventFilter::default()).unwrap();
            assert_eq!(summary.rows, rows, "{path:?}");
            assert!(!dir
                .path()
                .join(format!("{}.{extension}.partial", kind.as_str()))
                .exists());
            let back = import(&mut store, &import_request(kind, &path), date("2026-11-23"))
                .unwrap_or_else(|e| panic!("{path:?}: {}", pilotdesk_core::ApiError::from(e)));
            assert_eq!(
                (back.inserted, back.updated, back.unchanged),
                (0, 0, rows as u32),
                "{path:?} imports back unchanged"
            );
        }
    }
    assert_eq!(snapshot(&store), before);

    // Into an empty workspace, the people export recreates the organisation.
    let mut fresh = Store::open_in_memory().unwrap();
    import(
        &mut fresh,
        &import_request(ImportKind::People, &dir.path().join("people.xlsx")),
        date("2026-11-23"),
    )
    .unwrap();
    assert_eq!(count(&fresh, "people"), 80);
    assert_eq!(
        pilotdesk_core::workflows::workspace::list_people(&fresh).unwrap(),
        pilotdesk_core::workflows::workspace::list_people(&store).unwrap()
    );

    let wrong = export_table(
        &store,
        ImportKind::People,
        &dir.path().join("people.txt"),
        &EventFilter::default(),
    );
    assert_eq!(wrong.unwrap_err().code(), "invalid_input");
}
