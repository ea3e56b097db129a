//! Every legal and illegal transition of the lifecycle, through the store.
mod support;

use pilotdesk_core::model::{ItemStatus, PilotStatus};
use pilotdesk_core::workflows::design::load_design;
use pilotdesk_core::workflows::lifecycle::{by_decision, is_allowed, submit, transition};
use pilotdesk_core::Store;
use support::{date, demo_store, designed_pilot};

const LEGAL: &[(PilotStatus, PilotStatus)] = {
    use PilotStatus::*;
    &[
        (Draft, Ready),
        (Ready, Draft),
        (Ready, Submitted),
        (Submitted, Draft),
        (Submitted, Approved),
        (Submitted, ChangesRequested),
        (Submitted, Rejected),
        (ChangesRequested, Draft),
        (Approved, Running),
        (Running, Day45Review),
        (Running, Stopped),
        (Day45Review, Day90Outcome),
        (Day45Review, Stopped),
        (Day90Outcome, Scaled),
        (Day90Outcome, Iterating),
        (Day90Outcome, Stopped),
        (Iterating, Draft),
    ]
};

fn force_status(store: &Store, id: i64, status: PilotStatus) {
    store
        .conn()
        .execute(
            "UPDATE pilots SET status = ?2 WHERE id = ?1",
            rusqlite::params![id, status.as_str()],
        )
        .unwrap();
}

#[test]
fn every_pair_of_statuses_is_allowed_exactly_when_the_lifecycle_says_so() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let today = date("2026-11-23");
    let mut legal_seen = 0;
    let mut decided_seen = 0;
    for from in PilotStatus::ALL {
        for to in PilotStatus::ALL {
            force_status(&store, id, from);
            let before = load_design(&store, id, today).unwrap().transitions.len();
            let result = transition(&mut store, id, to, "steering group minute 14", today);
            let legal = LEGAL.contains(&(from, to));
            assert_eq!(is_allowed(from, to), legal, "{from:?} -> {to:?}");
            let design = load_design(&store, id, today).unwrap();
            if legal && by_decision(to) {
                // Legal, but only a steering-group decision takes the pilot there.
                let error = result.expect_err(&format!("{from:?} -> {to:?} needs a vote"));
                assert_eq!(error.code(), "conflict");
                assert!(
                    error
                        .to_string()
                        .contains("only by a steering-group decision")
                        && error.to_string().contains("vote"),
                    "{error}"
                );
                assert_eq!(design.pilot.status, from, "nothing changed");
                decided_seen += 1;
            } else if legal {
                result.unwrap_or_else(|e| panic!("{from:?} -> {to:?} refused: {e}"));
                legal_seen += 1;
                assert_eq!(design.pilot.status, to);
                let recorded = design.transitions.last().unwrap();
                assert_eq!((recorded.from, recorded.to), (from, to));
                assert_eq!(recorded.reason, "steering group minute 14");
                assert_eq!(
                    recorded.actor, "Isla Okafor",
                    "the demo's L&D lead is acting"
                );
                assert!(
                    recorded.evidence.contains("\"step1Complete\":true"),
                    "the checklist is kept as evidence"
                );
            } else {
                let error = result.expect_err(&format!("{from:?} -> {to:?} must be refused"));
                assert_eq!(error.code(), "conflict");
                assert!(error.to_string().contains("cannot go from"), "{error}");
                assert_eq!(design.pilot.status, from, "nothing changed");
                assert_eq!(design.transitions.len(), before);
            }
        }
    }
    assert_eq!(legal_seen + decided_seen, LEGAL.len());
    assert_eq!(
        decided_seen, 9,
        "the three approval outcomes, the day-45 review, three stops, scale and iterate"
    );
}

#[test]
fn a_transition_needs_a_reason() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let error =
        transition(&mut store, id, PilotStatus::Ready, "  ", date("2026-11-23")).unwrap_err();
    assert_eq!(error.code(), "invalid_input");
    assert!(error.to_string().contains("reason"));
}

#[test]
fn submitting_with_unmet_step_1_items_is_refused_and_names_them() {
    let mut store = demo_store();
    // The demo pilot has template playbooks but no baselines, criteria, cohort or agenda.
    let error = submit(&mut store, 1, "", date("2026-11-23")).unwrap_err();
    assert_eq!(error.code(), "invalid_input");
    let api = pilotdesk_core::ApiError::from(&error);
    let keys: Vec<&str> = api
        .details
        .iter()
        .filter_map(|d| d.field.as_deref())
        .collect();
    assert_eq!(
        keys,
        vec!["ai_agenda", "kpis", "cohort", "comparison", "budget"]
    );
    assert!(api.message.contains("5 are not"), "{}", api.message);
    let design = load_design(&store, 1, date("2026-11-23")).unwrap();
    assert_eq!(design.pilot.status, PilotStatus::Draft);
    assert!(design.transitions.is_empty());
}

#[test]
fn marking_ready_is_refused_while_step_1_is_incomplete() {
    let mut store = demo_store();
    let error = transition(
        &mut store,
        1,
        PilotStatus::Ready,
        "looks done",
        date("2026-11-23"),
    )
    .unwrap_err();
    assert_eq!(error.code(), "invalid_input");
}

#[test]
fn submitting_a_complete_draft_records_ready_then_submitted() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    submit(&mut store, id, "", date("2026-11-23")).unwrap();
    let design = load_design(&store, id, date("2026-11-23")).unwrap();
    assert_eq!(design.pilot.status, PilotStatus::Submitted);
    let path: Vec<(PilotStatus, PilotStatus)> =
        design.transitions.iter().map(|t| (t.from, t.to)).collect();
    assert_eq!(
        path,
        vec![
            (PilotStatus::Draft, PilotStatus::Ready),
            (PilotStatus::Ready, PilotStatus::Submitted)
        ]
    );
    assert_eq!(
        design.transitions[1].reason,
        "Submitted for steering-group review"
    );
    assert!(!design.editable);
}

#[test]
fn waived_items_let_a_pilot_be_submitted() {
    use pilotdesk_core::workflows::design::mark_item;
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let today = date("2026-11-23");
    pilotdesk_core::workflows::cohort::set_cohort(
        &mut store,
        id,
        &pilotdesk_core::model::CohortInput {
            design: "none".into(),
            manager_ids: vec!["E1007".into()],
            seed: String::new(),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    assert!(submit(&mut store, id, "", today).is_err());
    let refused = mark_item(&mut store, id, "comparison", "waived", " ", today).unwrap_err();
    assert!(refused
        .to_string()
        .contains("a waiver needs a recorded reason"));
    let met = mark_item(&mut store, id, "sponsor", "waived", "why not", today).unwrap_err();
    assert!(met.to_string().contains("is met"), "{met}");
    mark_item(
        &mut store,
        id,
        "comparison",
        "waived",
        "Only one sales team in the region",
        today,
    )
    .unwrap();
    let design = load_design(&store, id, today).unwrap();
    let item = design
        .readiness
        .items()
        .find(|i| i.key == "comparison")
        .unwrap();
    assert_eq!(item.status, ItemStatus::Waived);
    assert_eq!(item.mark.as_ref().unwrap().by, "Isla Okafor");
    submit(&mut store, id, "", today).unwrap();
}
