//! Steering-group governance through the store: quorum votes that decide, recusals,
//! changes requested, locked criteria and their change by vote, stage gates, the
//! tamper-evident decision log, outcome-based tranches and who is acting.
mod support;

use pilotdesk_core::model::*;
use pilotdesk_core::workflows::{
    audit, design, kpis, lifecycle, review, steering, tranches, users, vendors,
};
use pilotdesk_core::Store;
use support::{act_as_role, approve_by_vote, date, demo_store, designed_pilot, open_item};

fn today() -> chrono::NaiveDate {
    date("2026-11-23")
}

fn vote(store: &mut Store, item: i64, choice: &str, comment: &str) -> review::Cast {
    review::vote(
        store,
        item,
        &VoteInput {
            choice: choice.into(),
            comment: comment.into(),
        },
        today(),
    )
    .unwrap_or_else(|e| panic!("vote {choice}: {e}"))
}

fn vote_on(
    store: &mut Store,
    item: i64,
    choice: &str,
    comment: &str,
    day: chrono::NaiveDate,
) -> pilotdesk_core::Result<review::Cast> {
    review::vote(
        store,
        item,
        &VoteInput {
            choice: choice.into(),
            comment: comment.into(),
        },
        day,
    )
}

fn submitted(store: &mut Store) -> (i64, i64) {
    let id = designed_pilot(store);
    lifecycle::submit(store, id, "For the January steering group", today()).unwrap();
    let item = open_item(store, id, ItemKind::Approval);
    (id, item)
}

fn status(store: &Store, id: i64) -> PilotStatus {
    design::load_design(store, id, today())
        .unwrap()
        .pilot
        .status
}

#[test]
fn a_submitted_pilot_is_in_the_queue_with_what_the_quorum_still_needs() {
    let mut store = demo_store();
    let (id, item) = submitted(&mut store);
    let queue = review::queue(&store, today()).unwrap();
    assert_eq!(queue.reviews.len(), 1);
    let entry = &queue.reviews[0];
    assert_eq!(entry.item.id, item);
    assert_eq!(entry.item.pilot_id, id);
    assert!(entry.item.voting_open);
    assert_eq!(
        entry.item.due_on,
        date("2027-01-04"),
        "a week before launch"
    );
    assert_eq!(entry.status.eligible, 6);
    assert_eq!(entry.status.missing_functions.len(), 4);
    assert!(queue.gates.is_empty());
}

#[test]
fn functions_and_a_majority_decide_and_a_vote_after_the_decision_is_refused() {
    let mut store = demo_store();
    let (id, item) = submitted(&mut store);
    for role in ["Head of People", "People Analyst", "Finance Director"] {
        act_as_role(&store, role);
        let cast = vote(&mut store, item, "approve", "");
        assert_eq!(cast.decision_id, None);
    }
    act_as_role(&store, "VP Customer Experience");
    let cast = vote(
        &mut store,
        item,
        "request_changes",
        "Add a live check-in to the plan",
    );
    assert_eq!(cast.status.outcome, None);
    assert!(
        cast.status.missing_functions.is_empty(),
        "every function voted"
    );
    assert!(
        cast.status.explanation.contains("needs 4 votes of 6"),
        "{}",
        cast.status.explanation
    );
    assert_eq!(status(&store, id), PilotStatus::Submitted);

    act_as_role(&store, "VP Sales");
    let cast = vote(&mut store, item, "approve", "");
    let decision_id = cast.decision_id.expect("four of six approve: decided");
    assert_eq!(cast.status.outcome, Some(VoteChoice::Approve));
    assert_eq!(status(&store, id), PilotStatus::Approved);

    let decision = review::decision(&store, decision_id).unwrap();
    assert_eq!(decision.kind, DecisionKind::Approval);
    assert_eq!(decision.outcome_label, "Approved");
    assert!(
        decision
            .summary
            .starts_with("Approved \"Sales and service coaching\": 4 approve, 1 request changes of 6 eligible members"),
        "{}",
        decision.summary
    );
    // Dissent is kept with the decision.
    assert!(decision
        .evidence
        .contains("Add a live check-in to the plan"));
    let view = review::review(&store, id, Some(item), today()).unwrap();
    assert_eq!(view.votes.len(), 5);
    assert!(view
        .votes
        .iter()
        .any(|v| v.choice == VoteChoice::RequestChanges));
    assert!(!view.me.can_vote);

    act_as_role(&store, "Chief Operating Officer");
    let late = review::vote(
        &mut store,
        item,
        &VoteInput {
            choice: "reject".into(),
            comment: "Too late".into(),
        },
        today(),
    )
    .unwrap_err();
    assert_eq!(late.code(), "conflict");
    assert!(
        late.to_string()
            .contains("a vote after the decision is refused"),
        "{late}"
    );
    assert_eq!(
        review::review(&store, id, Some(item), today())
            .unwrap()
            .votes
            .len(),
        5
    );

    // Approval opened both stage gates with their due dates.
    let queue = review::queue(&store, today()).unwrap();
    let gates: Vec<(ItemKind, chrono::NaiveDate, bool)> = queue
        .gates
        .iter()
        .map(|g| (g.item.kind, g.item.due_on, g.item.voting_open))
        .collect();
    assert_eq!(
        gates,
        vec![
            (ItemKind::Day45Review, date("2027-02-25"), false),
            (ItemKind::Day90Outcome, date("2027-04-11"), false)
        ]
    );
}

#[test]
fn a_missing_function_leaves_the_pilot_pending_however_many_approve() {
    let mut store = demo_store();
    let (id, item) = submitted(&mut store);
    for role in [
        "Head of People",
        "People Analyst",
        "VP Sales",
        "VP Customer Experience",
        "Chief Operating Officer",
    ] {
        act_as_role(&store, role);
        vote(&mut store, item, "approve", "");
    }
    let view = review::review(&store, id, None, today()).unwrap();
    assert_eq!(view.status.outcome, None);
    assert_eq!(view.status.missing_functions, vec![MemberFunction::Finance]);
    assert!(view
        .status
        .explanation
        .starts_with("Waiting for a vote from Finance"));
    assert_eq!(status(&store, id), PilotStatus::Submitted);
}

#[test]
fn a_recused_member_does_not_count_and_cannot_vote() {
    let mut store = demo_store();
    let (id, item) = submitted(&mut store);
    act_as_role(&store, "VP Sales");
    vote(&mut store, item, "approve", "");
    let cast = review::recuse(&mut store, item, "I sponsor this pilot", today()).unwrap();
    assert_eq!(cast.status.recused, 1);
    assert_eq!(cast.status.eligible, 5);
    assert_eq!(cast.status.voted, 0, "his earlier vote no longer counts");
    let again = review::vote(
        &mut store,
        item,
        &VoteInput {
            choice: "approve".into(),
            comment: String::new(),
        },
        today(),
    )
    .unwrap_err();
    assert!(again.to_string().contains("recused"), "{again}");

    for role in ["Head of People", "People Analyst", "Finance Director"] {
        act_as_role(&store, role);
        assert_eq!(vote(&mut store, item, "approve", "").decision_id, None);
    }
    act_as_role(&store, "VP Customer Experience");
    let cast = vote(
        &mut store,
        item,
        "request_changes",
        "Budget the managers' time",
    );
    assert_eq!(cast.status.needed, 3, "a majority of five");
    assert!(cast.decision_id.is_some());
    assert_eq!(status(&store, id), PilotStatus::Approved);
    let view = review::review(&store, id, Some(item), today()).unwrap();
    assert_eq!(view.recusals[0].reason, "I sponsor this pilot");
    assert!(view
        .votes
        .iter()
        .any(|v| v.recused && v.name == "Marcus Oyelaran"));
}

#[test]
fn only_members_vote_and_dissent_needs_a_reason() {
    let mut store = demo_store();
    let (_, item) = submitted(&mut store);
    act_as_role(&store, "L&D Lead");
    let outsider = review::vote(
        &mut store,
        item,
        &VoteInput {
            choice: "approve".into(),
            comment: String::new(),
        },
        today(),
    )
    .unwrap_err();
    assert_eq!(outsider.code(), "conflict");
    assert!(
        outsider
            .to_string()
            .contains("Isla Okafor is not a member of the steering group; only members vote"),
        "{outsider}"
    );
    act_as_role(&store, "Head of People");
    let silent = review::vote(
        &mut store,
        item,
        &VoteInput {
            choice: "reject".into(),
            comment: "  ".into(),
        },
        today(),
    )
    .unwrap_err();
    assert_eq!(
        pilotdesk_core::ApiError::from(&silent).details[0]
            .field
            .as_deref(),
        Some("comment")
    );
    let wrong = review::vote(
        &mut store,
        item,
        &VoteInput {
            choice: "scale".into(),
            comment: String::new(),
        },
        today(),
    )
    .unwrap_err();
    assert!(
        wrong
            .to_string()
            .contains("choose approve, request_changes, reject for the approval"),
        "{wrong}"
    );
    assert!(review::review(&store, 2, None, today())
        .unwrap()
        .votes
        .is_empty());
}

#[test]
fn without_a_chosen_user_no_one_can_vote() {
    let mut store = demo_store();
    let (_, item) = submitted(&mut store);
    let error = review::vote(
        &mut store,
        item,
        &VoteInput {
            choice: "approve".into(),
            comment: String::new(),
        },
        today(),
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("no one is chosen as the current user"),
        "{error}"
    );
}

#[test]
fn changes_requested_return_the_pilot_to_draft_with_the_comments() {
    let mut store = demo_store();
    let (id, item) = submitted(&mut store);
    let comments = [
        ("Head of People", "Add a live check-in every fortnight"),
        (
            "People Analyst",
            "The waitlist is too small for a 95% interval",
        ),
        ("Finance Director", "Cost the coaches' time"),
        ("VP Sales", "Agree with the others"),
    ];
    for (role, comment) in comments {
        act_as_role(&store, role);
        vote(&mut store, item, "request_changes", comment);
    }
    let loaded = design::load_design(&store, id, today()).unwrap();
    assert_eq!(loaded.pilot.status, PilotStatus::Draft);
    assert!(loaded.editable);
    let path: Vec<PilotStatus> = loaded.transitions.iter().map(|t| t.to).collect();
    assert_eq!(
        &path[path.len() - 2..],
        &[PilotStatus::ChangesRequested, PilotStatus::Draft]
    );
    assert_eq!(loaded.transitions.last().unwrap().actor, "Steering group");
    let feedback = loaded.feedback.expect("the comments are attached");
    let texts: Vec<&str> = feedback.votes.iter().map(|v| v.comment.as_str()).collect();
    assert_eq!(texts, comments.iter().map(|c| c.1).collect::<Vec<_>>());

    // Resubmitting puts a fresh item before the group; the feedback stays until then.
    act_as_role(&store, "L&D Lead");
    lifecycle::submit(&mut store, id, "Changes made", today()).unwrap();
    let fresh = open_item(&store, id, ItemKind::Approval);
    assert_ne!(fresh, item);
    assert!(design::load_design(&store, id, today())
        .unwrap()
        .feedback
        .is_none());
}

#[test]
fn withdrawing_a_submitted_pilot_withdraws_its_review() {
    let mut store = demo_store();
    let (id, item) = submitted(&mut store);
    lifecycle::transition(&mut store, id, PilotStatus::Draft, "Not ready yet", today()).unwrap();
    let view = review::review(&store, id, Some(item), today()).unwrap();
    assert_eq!(view.item.state, ItemState::Withdrawn);
    assert!(review::queue(&store, today()).unwrap().reviews.is_empty());
    act_as_role(&store, "Head of People");
    let error = review::vote(
        &mut store,
        item,
        &VoteInput {
            choice: "approve".into(),
            comment: String::new(),
        },
        today(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("withdrawn"), "{error}");
}

fn kpi_input(kpi: &Kpi, target: &str) -> KpiInput {
    let baseline = kpi.baseline.as_ref().unwrap();
    KpiInput {
        id: Some(kpi.id),
        name: kpi.name.clone(),
        unit: kpi.unit.clone(),
        direction: kpi.direction.as_str().into(),
        value_per_unit: kpi
            .value_per_unit
            .map(|m| m.format_plain())
            .unwrap_or_default(),
        data_source: kpi.data_source.clone(),
        baseline_start: baseline.start.to_string(),
        baseline_end: baseline.end.to_string(),
        baseline_value: baseline.value.to_string(),
        target_lift: target.into(),
        interval_above_zero: true,
    }
}

#[test]
fn a_locked_criterion_changes_only_by_a_recorded_decision() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    approve_by_vote(&mut store, id);
    let kpi = design::load_design(&store, id, today()).unwrap().kpis[0].clone();
    let refused = kpis::save_kpi(&mut store, id, &kpi_input(&kpi, "8"), today()).unwrap_err();
    assert_eq!(refused.code(), "conflict");
    assert!(refused.to_string().contains("locked when it was approved"));
    assert!(refused
        .to_string()
        .contains("propose the change for a vote"));

    let no_reason =
        review::propose_criteria_change(&mut store, id, &kpi_input(&kpi, "8"), " ", today())
            .unwrap_err();
    assert!(no_reason.to_string().contains("say why"));
    let unchanged =
        review::propose_criteria_change(&mut store, id, &kpi_input(&kpi, "10"), "x", today())
            .unwrap_err();
    assert!(unchanged.to_string().contains("already has"));

    let item = review::propose_criteria_change(
        &mut store,
        id,
        &kpi_input(&kpi, "8"),
        "The sales cycle lengthened market-wide",
        today(),
    )
    .unwrap();
    let queue = review::queue(&store, today()).unwrap();
    let entry = queue.reviews.iter().find(|e| e.item.id == item).unwrap();
    assert!(entry.item.subject.contains("falls by at least 10 days"));
    assert!(entry.item.subject.contains("falls by at least 8 days"));
    // Not yet decided: the criterion stands.
    assert_eq!(
        design::load_design(&store, id, today()).unwrap().kpis[0],
        kpi
    );
    for role in support::QUORUM_ROLES {
        act_as_role(&store, role);
        vote(&mut store, item, "approve", "");
    }
    let after = design::load_design(&store, id, today()).unwrap().kpis[0].clone();
    assert_eq!(after.criterion.unwrap().target_lift, 8.0);
    let decisions = review::decisions(&store, Some(id)).unwrap();
    assert_eq!(decisions.last().unwrap().kind, DecisionKind::CriteriaChange);
    assert!(audit::verify(&store).unwrap().verified);
}

#[test]
fn the_stage_gates_are_decided_by_vote_and_overdue_ones_stand_out() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    approve_by_vote(&mut store, id);
    let gate = open_item(&store, id, ItemKind::Day45Review);
    // Not running yet: voting has not opened.
    act_as_role(&store, "Head of People");
    let early = review::vote(
        &mut store,
        gate,
        &VoteInput {
            choice: "continue".into(),
            comment: String::new(),
        },
        today(),
    )
    .unwrap_err();
    assert!(early.to_string().contains("has not opened"), "{early}");

    act_as_role(&store, "L&D Lead");
    lifecycle::transition(&mut store, id, PilotStatus::Running, "Launched", today()).unwrap();
    let refused =
        lifecycle::transition(&mut store, id, PilotStatus::Day45Review, "x", today()).unwrap_err();
    assert!(refused.to_string().contains("day-45 review"), "{refused}");

    let late = date("2027-03-01");
    let queue = review::queue(&store, late).unwrap();
    let entry = queue.gates.iter().find(|g| g.item.id == gate).unwrap();
    assert!(entry.item.overdue, "due 25 Feb, still open on 1 Mar");
    assert_eq!(entry.item.days_left, -4);
    assert_eq!(queue.overdue, 1);

    // Running, but the gate opens on day 45 (25 Feb 2027) by the calendar.
    act_as_role(&store, "Head of People");
    let before = vote_on(&mut store, gate, "continue", "", date("2027-02-20")).unwrap_err();
    assert!(
        before.to_string().contains("opens on day 45, 25 Feb 2027"),
        "{before}"
    );
    for role in support::QUORUM_ROLES {
        act_as_role(&store, role);
        vote_on(&mut store, gate, "continue", "", late).unwrap();
    }
    assert_eq!(status(&store, id), PilotStatus::Day45Review);
    let outcome = open_item(&store, id, ItemKind::Day90Outcome);
    // The day-90 outcome opens when the window ends (11 Apr 2027), with no status change
    // by hand: the queue shows it due, then overdue.
    act_as_role(&store, "Head of People");
    let early = vote_on(&mut store, outcome, "scale", "", date("2027-04-01")).unwrap_err();
    assert!(
        early
            .to_string()
            .contains("when the 90-day window ends, on 11 Apr 2027"),
        "{early}"
    );
    let due = review::queue(&store, date("2027-04-11")).unwrap();
    let entry = due.gates.iter().find(|g| g.item.id == outcome).unwrap();
    assert!(entry.item.voting_open && !entry.item.overdue);
    assert_eq!(entry.item.days_left, 0);
    let overdue = review::queue(&store, date("2027-04-14")).unwrap();
    assert!(overdue
        .gates
        .iter()
        .any(|g| g.item.id == outcome && g.item.overdue));
    for (role, choice) in [
        ("Head of People", "scale"),
        ("People Analyst", "scale"),
        ("Finance Director", "iterate"),
        ("VP Sales", "scale"),
        ("VP Customer Experience", "scale"),
    ] {
        act_as_role(&store, role);
        let comment = if choice == "iterate" {
            "Prove it in a second region first"
        } else {
            ""
        };
        vote_on(&mut store, outcome, choice, comment, date("2027-04-14")).unwrap();
    }
    let transitions = design::load_design(&store, id, today())
        .unwrap()
        .transitions;
    let last: Vec<(PilotStatus, PilotStatus)> = transitions
        .iter()
        .rev()
        .take(2)
        .map(|t| (t.from, t.to))
        .collect();
    assert_eq!(
        last,
        [
            (PilotStatus::Day90Outcome, PilotStatus::Scaled),
            (PilotStatus::Day45Review, PilotStatus::Day90Outcome)
        ],
        "the window's end and the decision are both on record"
    );
    // The decision records the pre-registered rule's verdict beside the vote: with no KPI
    // data at all, the rule says stop while the group chose to scale.
    let decided = review::review(&store, id, Some(outcome), date("2027-04-14")).unwrap();
    let verdict = decided
        .rule_verdict
        .expect("a day-90 decision carries the rule's verdict");
    assert_eq!(verdict.choice, pilotdesk_core::model::VoteChoice::Stop);
    let decision = decided.decision.unwrap();
    assert!(
        decision
            .summary
            .contains("The rule registered before launch said: stop."),
        "{}",
        decision.summary
    );
    assert!(decision.evidence.contains("\"ruleVerdict\""));
    assert_eq!(status(&store, id), PilotStatus::Scaled);
    assert!(review::queue(&store, today()).unwrap().gates.is_empty());
}

#[test]
fn every_vote_and_decision_is_in_a_log_whose_tampering_is_named() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    approve_by_vote(&mut store, id);
    let log = audit::decision_log(&store).unwrap();
    assert!(log.verdict.verified, "{}", log.verdict.summary);
    let kinds: Vec<&str> = log.entries.iter().rev().map(|e| e.kind.as_str()).collect();
    // The demo's six members, the submission, four votes, the decision, two gates.
    assert_eq!(&kinds[..6], &["member_added"; 6]);
    assert_eq!(
        &kinds[6..],
        &[
            "item_opened",
            "vote",
            "vote",
            "vote",
            "vote",
            "decision",
            "item_opened",
            "item_opened"
        ]
    );
    let vote_entry = log.entries.iter().find(|e| e.kind == "vote").unwrap();
    assert!(vote_entry.actor_id.is_some(), "who voted is recorded by id");

    // The triggers refuse an edit from the application's connection.
    let refused = store
        .conn()
        .execute("UPDATE decision_log SET summary = 'x' WHERE id = 8", []);
    assert!(refused.unwrap_err().to_string().contains("append-only"));

    // Someone with the file drops the trigger and rewrites a vote.
    store
        .conn()
        .execute_batch(
            "DROP TRIGGER decision_log_is_append_only_update;
             UPDATE decision_log SET content = replace(content, '\"approve\"', '\"reject\"')
             WHERE id = 9;",
        )
        .unwrap();
    let verdict = audit::verify(&store).unwrap();
    assert!(!verdict.verified);
    let broken = verdict.first_broken.unwrap();
    assert_eq!(broken.id, 9);
    assert!(
        broken.reason.contains("changed after it was written"),
        "{}",
        broken.reason
    );
}

#[test]
fn a_log_cut_short_at_its_end_is_noticed() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    approve_by_vote(&mut store, id);
    let last_vote_log: i64 = store
        .conn()
        .query_row("SELECT max(log_id) FROM votes", [], |r| r.get(0))
        .unwrap();
    store
        .conn()
        .execute_batch(&format!(
            "DROP TRIGGER decision_log_is_append_only_delete;
             DELETE FROM decision_log WHERE id >= {last_vote_log};"
        ))
        .unwrap();
    let verdict = audit::verify(&store).unwrap();
    assert!(!verdict.verified);
    let broken = verdict.first_broken.unwrap();
    assert_eq!(broken.id, last_vote_log);
    assert!(broken.reason.contains("missing"), "{}", broken.reason);
}

/// Observations for every report of the cohort's managers: a baseline value and a value
/// in the pilot window, the pilot arm improving by `pilot_gain` and the comparison by 1.
fn observe(store: &Store, pilot_id: i64, kpi_id: i64, pilot_gain: f64) {
    let cohort = design::load_design(store, pilot_id, today())
        .unwrap()
        .cohort;
    let people = pilotdesk_core::workflows::workspace::list_people(store).unwrap();
    for member in &cohort.members {
        let gain = if member.arm == Arm::Pilot {
            pilot_gain
        } else {
            1.0
        };
        for (n, person) in people
            .iter()
            .filter(|p| p.manager_id.as_deref() == Some(&member.manager_id))
            .enumerate()
        {
            let before = 70.0 + n as f64;
            // Lower is better for days to first deal: an improvement is a fall.
            let after = before - gain - (n % 3) as f64 * 0.5;
            store
                .conn()
                .execute(
                    "INSERT INTO kpi_observations (kpi_id, person_id, observed_on, value)
                     VALUES (?1, ?2, '2026-10-01', ?3), (?1, ?2, '2027-03-15', ?4)",
                    rusqlite::params![kpi_id, person.id, before, after],
                )
                .unwrap();
        }
    }
}

#[test]
fn a_tranche_is_released_only_when_the_data_show_its_condition_met() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let kpi = design::load_design(&store, id, today()).unwrap().kpis[0].clone();
    let over = tranches::add_tranche(
        &mut store,
        id,
        &TrancheInput {
            label: "Everything".into(),
            amount: "25000".into(),
            kpi_id: None,
        },
        today(),
    )
    .unwrap_err();
    assert!(over
        .to_string()
        .contains("more than the pilot's committed budget of USD 20,000"));
    let launch = tranches::add_tranche(
        &mut store,
        id,
        &TrancheInput {
            label: "Launch tranche".into(),
            amount: "12000".into(),
            kpi_id: None,
        },
        today(),
    )
    .unwrap();
    let outcome = tranches::add_tranche(
        &mut store,
        id,
        &TrancheInput {
            label: "Outcome tranche".into(),
            amount: "8000".into(),
            kpi_id: Some(kpi.id),
        },
        today(),
    )
    .unwrap();
    let removal = kpis::remove_kpi(&mut store, kpi.id, today()).unwrap_err();
    assert!(removal
        .to_string()
        .contains("\"Outcome tranche\" depends on this KPI"));

    // Before approval even the launch tranche stays closed, and only members release.
    act_as_role(&store, "Finance Director");
    let early = tranches::release_tranche(&mut store, launch, "", today()).unwrap_err();
    assert!(
        early.to_string().contains("has not approved the pilot"),
        "{early}"
    );
    approve_by_vote(&mut store, id);
    let outsider = tranches::release_tranche(&mut store, launch, "", today()).unwrap_err();
    assert!(outsider.to_string().contains("not a member"), "{outsider}");
    act_as_role(&store, "Finance Director");
    tranches::release_tranche(&mut store, launch, "Vendor contract signed", today()).unwrap();

    act_as_role(&store, "L&D Lead");
    lifecycle::transition(&mut store, id, PilotStatus::Running, "Launched", today()).unwrap();
    let later = date("2027-04-20");
    // The pilot arm improves by only 3 days against a 10-day criterion.
    observe(&store, id, kpi.id, 3.0);
    act_as_role(&store, "Finance Director");
    let unmet = tranches::release_tranche(&mut store, outcome, "", later).unwrap_err();
    assert_eq!(unmet.code(), "conflict");
    let message = unmet.to_string();
    for expected in [
        "the tranche \"Outcome tranche\" cannot be released: its condition is not met",
        "\"Days to first closed deal\": measured improvement 2.",
        "difference-in-differences",
        "criterion: Scale if days to first closed deal falls by at least 10 days",
        "not met",
    ] {
        assert!(message.contains(expected), "{expected:?} in {message}");
    }
    let ledger = tranches::ledger(&store, id, later).unwrap();
    assert_eq!(ledger.released, Money(1_200_000));
    assert!(!ledger.tranches[1].check.met);

    // With the pilot arm 12 days faster, the criterion is met.
    store
        .conn()
        .execute("DELETE FROM kpi_observations WHERE kpi_id = ?1", [kpi.id])
        .unwrap();
    observe(&store, id, kpi.id, 12.0);
    let decision = tranches::release_tranche(&mut store, outcome, "", later).unwrap();
    let recorded = review::decision(&store, decision).unwrap();
    assert_eq!(recorded.kind, DecisionKind::TrancheRelease);
    assert!(recorded.evidence.contains("\"criterionMet\":true"));
    let again = tranches::release_tranche(&mut store, outcome, "", later).unwrap_err();
    assert!(again.to_string().contains("already released"));

    let spend = |store: &mut Store, tranche, amount: &str| {
        tranches::record_spend(
            store,
            tranche,
            &SpendInput {
                amount: amount.into(),
                spent_on: "2027-02-01".into(),
                description: "Northstar invoice 2027-014".into(),
            },
        )
    };
    spend(&mut store, launch, "9000").unwrap();
    let too_much = spend(&mut store, launch, "3500").unwrap_err();
    assert!(too_much
        .to_string()
        .contains("only USD 3,000 of \"Launch tranche\" is left"));
    let ledger = tranches::ledger(&store, id, later).unwrap();
    assert_eq!(
        (
            ledger.committed,
            ledger.released,
            ledger.spent,
            ledger.available
        ),
        (
            Money(2_000_000),
            Money(2_000_000),
            Money(900_000),
            Money(1_100_000)
        )
    );
    assert!(audit::verify(&store).unwrap().verified);
}

#[test]
fn spending_from_an_unreleased_tranche_is_refused() {
    let mut store = demo_store();
    let ledger = tranches::ledger(&store, 1, today()).unwrap();
    let tranche = ledger.tranches[0].tranche.id;
    let error = tranches::record_spend(
        &mut store,
        tranche,
        &SpendInput {
            amount: "100".into(),
            spent_on: "2027-01-02".into(),
            description: "Licences".into(),
        },
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("has not been released"),
        "{error}"
    );
}

#[test]
fn the_demo_has_a_steering_group_a_vendor_risks_with_owners_and_tranches() {
    let store = demo_store();
    let members = steering::members(&store).unwrap();
    let names: Vec<(&str, MemberFunction)> = members
        .iter()
        .map(|m| (m.name.as_str(), m.function))
        .collect();
    assert_eq!(names.len(), 6);
    assert_eq!(names[0], ("Helen Castillo", MemberFunction::Hr));
    assert!(names.contains(&("Tomasz Nowak", MemberFunction::Finance)));
    assert!(names.contains(&("Marcus Oyelaran", MemberFunction::Frontline)));
    assert_eq!(steering::rule(&store).unwrap(), QuorumRule::default_rule());
    let vendors = vendors::list_vendors(&store).unwrap();
    assert_eq!(vendors.len(), 1);
    assert_eq!(vendors[0].privacy_answered, 4);
    assert_eq!(vendors[0].pilot_id, Some(1));
    let risks = vendors::list_risks(&store).unwrap();
    assert_eq!(risks.len(), 7);
    assert!(risks.iter().all(|r| r.owner_name.is_some()));
    let ledger = tranches::ledger(&store, 1, today()).unwrap();
    assert_eq!(ledger.committed, Money(1_800_000));
    assert_eq!(ledger.unallocated, Money(0));
    assert!(ledger.plan_editable);
    let verdict = audit::verify(&store).unwrap();
    assert!(verdict.verified);
    assert_eq!(verdict.entries, 6);
    // The chooser suggests the L&D lead, under whom the demo's changes were recorded.
    let user = users::current_user(&store).unwrap();
    assert!(user.person.is_none());
    assert_eq!(user.suggested.unwrap().role, "L&D Lead");
}

#[test]
fn the_current_user_is_a_person_chosen_or_added_and_as_is_for_the_session_only() {
    let (_dir, path) = support::temp_db();
    let mut store = Store::open(&path).unwrap();
    pilotdesk_core::workflows::demo::load_demo(&mut store, today()).unwrap();
    let helen = support::person_with_role(&store, "Head of People");
    let chosen = users::choose_user(&mut store, &helen).unwrap();
    assert_eq!(chosen.name, "Helen Castillo");
    assert_eq!(chosen.steering_function, Some(MemberFunction::Hr));
    assert!(users::choose_user(&mut store, "E9999")
        .unwrap_err()
        .to_string()
        .contains("no one with the id \"E9999\""));

    let added = users::add_person(
        &mut store,
        &PersonInput {
            id: String::new(),
            name: "Rosa Lindgren".into(),
            email: "rosa@meridian-logistics.example".into(),
            team: "People & Analytics".into(),
            role: "Coaching Programme Manager".into(),
        },
        today(),
    )
    .unwrap();
    assert_eq!(added.id, "L1");
    let bad = users::add_person(&mut store, &PersonInput::default(), today()).unwrap_err();
    let api = pilotdesk_core::ApiError::from(&bad);
    let fields: Vec<&str> = api
        .details
        .iter()
        .filter_map(|d| d.field.as_deref())
        .collect();
    assert_eq!(fields, vec!["name", "email", "team", "role"]);

    users::act_for_session(&store, &added.id).unwrap();
    assert_eq!(users::current_user(&store).unwrap().name, "Rosa Lindgren");
    drop(store);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(
        users::current_user(&reopened).unwrap().name,
        "Helen Castillo",
        "--as does not change the workspace's choice"
    );
}
