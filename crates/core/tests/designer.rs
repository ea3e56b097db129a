//! The designer's workflows through the store: templates, playbook edits, KPIs and their
//! lock, cohorts and their draws, budgets, and what happens to a Ready pilot that changes.
mod support;

use pilotdesk_core::model::*;
use pilotdesk_core::workflows::{budget, cohort, design, kpis, lifecycle, playbook};
use pilotdesk_core::{Error, Store};
use support::{date, demo_store, designed_pilot};

fn today() -> chrono::NaiveDate {
    date("2026-11-23")
}

fn fields(error: &Error) -> Vec<String> {
    match error {
        Error::Invalid { details, .. } => details.iter().filter_map(|d| d.field.clone()).collect(),
        other => panic!("expected invalid input, got {other}"),
    }
}

fn task_input(task: &PlaybookTask) -> TaskInput {
    TaskInput {
        behaviour: task.behaviour.clone(),
        moments: task
            .moments
            .iter()
            .map(|m| MomentInput {
                prompt: m.prompt.clone(),
                per_week: m.per_week.to_string(),
                minutes: m.minutes.to_string(),
            })
            .collect(),
        competency: task.competency.clone(),
        skill_module: task.skill_module.clone(),
        kpi_id: task.kpi_id,
    }
}

#[test]
fn a_template_clones_its_workflow_playbook_and_linked_kpis() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let d = design::load_design(&store, id, today()).unwrap();
    assert_eq!(d.workflows.len(), 2);
    assert_eq!(d.workflows[0].template.as_deref(), Some("sales-onboarding"));
    assert_eq!(d.workflows[0].tasks.len(), 4);
    assert_eq!(
        d.kpis.len(),
        3,
        "two from sales onboarding, one more up to the limit of three"
    );
    for task in d.workflows.iter().flat_map(|w| &w.tasks) {
        let kpi = task.kpi_id.and_then(|k| d.kpis.iter().find(|x| x.id == k));
        assert!(
            kpi.is_some() || task.kpi_id.is_none(),
            "{} links a KPI of this pilot",
            task.behaviour
        );
    }
    assert!(d.readiness.step1_complete, "{:?}", d.readiness.blocking());
}

#[test]
fn editing_a_task_is_saved_and_recorded_and_bad_moments_are_named() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let task = design::load_design(&store, id, today()).unwrap().workflows[0].tasks[0].clone();
    let mut input = task_input(&task);
    input.behaviour = "Ask about the business problem before any demo".into();
    input.moments[0].per_week = "3".into();
    playbook::update_task(&mut store, task.id, &input, today()).unwrap();
    let d = design::load_design(&store, id, today()).unwrap();
    let saved = &d.workflows[0].tasks[0];
    assert_eq!(
        saved.behaviour,
        "Ask about the business problem before any demo"
    );
    assert_eq!(saved.moments[0].per_week, 3);
    let history =
        pilotdesk_core::store::changes::for_entity(store.conn(), "pilot", &id.to_string()).unwrap();
    assert!(history.iter().any(|c| c
        .summary
        .contains("Edited the task \"Ask about the business problem")));

    input.moments[0].minutes = "40".into();
    input.moments[1].prompt = " ".into();
    input.behaviour.clear();
    let error = playbook::update_task(&mut store, task.id, &input, today()).unwrap_err();
    assert_eq!(
        fields(&error),
        vec!["behaviour", "moments.0.minutes", "moments.1.prompt"]
    );
    let unchanged = &design::load_design(&store, id, today()).unwrap().workflows[0].tasks[0];
    assert_eq!(unchanged, saved);
}

#[test]
fn a_playbook_holds_at_most_four_tasks() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let d = design::load_design(&store, id, today()).unwrap();
    let input = task_input(&d.workflows[0].tasks[0]);
    let error = playbook::add_task(&mut store, d.workflows[0].id, &input, today()).unwrap_err();
    assert!(
        error.to_string().contains("a playbook holds 3 or 4"),
        "{error}"
    );
    playbook::remove_task(&mut store, d.workflows[1].tasks[3].id, today()).unwrap();
    playbook::add_task(&mut store, d.workflows[1].id, &input, today()).unwrap();
    assert_eq!(
        design::load_design(&store, id, today()).unwrap().workflows[1]
            .tasks
            .len(),
        4
    );
}

#[test]
fn a_ready_pilot_that_loses_step_1_goes_back_to_draft_on_the_record() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    lifecycle::transition(&mut store, id, PilotStatus::Ready, "Step 1 done", today()).unwrap();
    let d = design::load_design(&store, id, today()).unwrap();
    let tasks = &d.workflows[1].tasks;
    playbook::remove_task(&mut store, tasks[0].id, today()).unwrap();
    assert_eq!(
        design::load_design(&store, id, today())
            .unwrap()
            .pilot
            .status,
        PilotStatus::Ready,
        "3 tasks still count"
    );
    playbook::remove_task(&mut store, tasks[1].id, today()).unwrap();
    let d = design::load_design(&store, id, today()).unwrap();
    assert_eq!(d.pilot.status, PilotStatus::Draft);
    let last = d.transitions.last().unwrap();
    assert_eq!(
        (last.from, last.to),
        (PilotStatus::Ready, PilotStatus::Draft)
    );
    assert!(
        last.reason.contains("a playbook of 3-4 tasks per workflow"),
        "{}",
        last.reason
    );
}

#[test]
fn a_submitted_pilot_cannot_be_edited() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    lifecycle::submit(&mut store, id, "", today()).unwrap();
    let error = playbook::add_workflow(&mut store, id, "Renewals", today()).unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert!(
        error.to_string().contains("withdraw it to Draft"),
        "{error}"
    );
}

fn kpi_input(kpi: &Kpi) -> KpiInput {
    let baseline = kpi.baseline.clone().unwrap();
    KpiInput {
        id: Some(kpi.id),
        name: kpi.name.clone(),
        unit: kpi.unit.clone(),
        direction: kpi.direction.as_str().into(),
        value_per_unit: String::new(),
        data_source: kpi.data_source.clone(),
        baseline_start: baseline.start.to_string(),
        baseline_end: baseline.end.to_string(),
        baseline_value: baseline.value.to_string(),
        target_lift: kpi.criterion.as_ref().unwrap().target_lift.to_string(),
        interval_above_zero: true,
    }
}

#[test]
fn success_criteria_and_baselines_lock_at_approval() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let kpi = design::load_design(&store, id, today()).unwrap().kpis[0].clone();
    assert_eq!(
        kpi.criterion.as_ref().unwrap().rule,
        "Scale if days to first closed deal falls by at least 10 days and its whole 95% interval is a fall"
    );
    lifecycle::submit(&mut store, id, "", today()).unwrap();
    let by_hand = lifecycle::transition(
        &mut store,
        id,
        PilotStatus::Approved,
        "Approved 4-0",
        today(),
    )
    .unwrap_err();
    assert!(
        by_hand
            .to_string()
            .contains("only by a steering-group decision"),
        "{by_hand}"
    );
    support::approve_by_vote(&mut store, id);
    assert!(
        design::load_design(&store, id, today())
            .unwrap()
            .criteria_locked
    );

    let mut lowered = kpi_input(&kpi);
    lowered.target_lift = "3".into();
    let error = kpis::save_kpi(&mut store, id, &lowered, today()).unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert!(
        error.to_string().contains("locked when it was approved"),
        "{error}"
    );
    let mut moved = kpi_input(&kpi);
    moved.baseline_value = "60".into();
    assert!(kpis::save_kpi(&mut store, id, &moved, today())
        .unwrap_err()
        .to_string()
        .contains("locked"));
    let after = design::load_design(&store, id, today()).unwrap().kpis[0].clone();
    assert_eq!(after, kpi, "nothing changed");
}

#[test]
fn kpi_input_is_checked_field_by_field() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let input = KpiInput {
        id: None,
        name: "Days to first closed deal".into(),
        unit: "".into(),
        direction: "sideways".into(),
        value_per_unit: "a lot".into(),
        data_source: String::new(),
        baseline_start: "2026-07-01".into(),
        baseline_end: "2027-02-01".into(),
        baseline_value: "n/a".into(),
        target_lift: "-2".into(),
        interval_above_zero: true,
    };
    let error = kpis::save_kpi(&mut store, id, &input, today()).unwrap_err();
    assert_eq!(
        fields(&error),
        vec![
            "name",
            "unit",
            "direction",
            "valuePerUnit",
            "baselineValue",
            "targetLift"
        ]
    );
    let mut late = input.clone();
    late.name = "New".into();
    late.unit = "%".into();
    late.direction = "higher".into();
    late.value_per_unit.clear();
    late.baseline_value = "4".into();
    late.target_lift = "2".into();
    let error = kpis::save_kpi(&mut store, id, &late, today()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("must end before the pilot starts on 11 Jan 2027"),
        "{error}"
    );
    late.baseline_end = "2026-12-31".into();
    let full = kpis::save_kpi(&mut store, id, &late, today()).unwrap_err();
    assert!(full.to_string().contains("2 or 3 KPIs"), "{full}");
}

fn cohort_of(store: &Store, id: i64) -> Cohort {
    design::load_design(store, id, today()).unwrap().cohort
}

#[test]
fn a_randomised_waitlist_is_reproducible_from_its_recorded_seed() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let managers: Vec<String> = ["E1007", "E1008", "E1024", "E1025", "E1040", "E1041"]
        .map(String::from)
        .to_vec();
    cohort::set_cohort(
        &mut store,
        id,
        &CohortInput {
            design: "randomised_waitlist".into(),
            manager_ids: managers.clone(),
            seed: String::new(),
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    let first = cohort_of(&store, id);
    let seed = first.seed.clone().expect("a fresh draw records its seed");
    let arms = |c: &Cohort, arm: Arm| {
        let mut ids: Vec<String> = c
            .members
            .iter()
            .filter(|m| m.arm == arm)
            .map(|m| m.manager_id.clone())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(
        (
            arms(&first, Arm::Pilot).len(),
            arms(&first, Arm::Comparison).len()
        ),
        (3, 3)
    );

    let (pilot, waitlist) = cohort::redraw(&managers, &seed).unwrap();
    assert_eq!(
        (pilot, waitlist),
        (arms(&first, Arm::Pilot), arms(&first, Arm::Comparison))
    );

    let mut shuffled = managers.clone();
    shuffled.reverse();
    cohort::set_cohort(
        &mut store,
        id,
        &CohortInput {
            design: "randomised_waitlist".into(),
            manager_ids: shuffled,
            seed: seed.clone(),
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    let again = cohort_of(&store, id);
    assert_eq!(arms(&again, Arm::Pilot), arms(&first, Arm::Pilot));
    assert_eq!(again.seed.as_deref(), Some(seed.as_str()));
}

#[test]
fn matched_teams_pair_each_pilot_team_with_a_similar_one() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    cohort::set_cohort(
        &mut store,
        id,
        &CohortInput {
            design: "matched_teams".into(),
            manager_ids: vec!["E1007".into(), "E1040".into()],
            seed: String::new(),
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    let c = cohort_of(&store, id);
    assert_eq!(c.seed, None);
    let comparison: Vec<&CohortMember> = c
        .members
        .iter()
        .filter(|m| m.arm == Arm::Comparison)
        .collect();
    assert_eq!(comparison.len(), 2);
    let sales_match = comparison
        .iter()
        .find(|m| m.matched_with.as_deref() == Some("E1007"))
        .unwrap();
    assert!(
        sales_match.team.starts_with("Sales"),
        "a sales team lead is matched with another sales team: {}",
        sales_match.team
    );
    let support_match = comparison
        .iter()
        .find(|m| m.matched_with.as_deref() == Some("E1040"))
        .unwrap();
    assert_eq!(support_match.team, "Customer Support");
    assert!(comparison.iter().all(|m| m.match_distance.is_some()));
}

#[test]
fn staggered_waves_and_bad_cohorts() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    cohort::set_cohort(
        &mut store,
        id,
        &CohortInput {
            design: "staggered_waves".into(),
            manager_ids: vec!["E1007".into(), "E1008".into(), "E1024".into()],
            seed: "5".into(),
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    let c = cohort_of(&store, id);
    assert!(c
        .members
        .iter()
        .all(|m| (m.arm == Arm::Pilot) == (m.wave == Some(1))));
    let error = cohort::set_cohort(
        &mut store,
        id,
        &CohortInput {
            design: "coin-toss".into(),
            manager_ids: vec!["E1050".into(), "E1007".into(), "E1007".into()],
            seed: "abc".into(),
            ..Default::default()
        },
        today(),
    )
    .unwrap_err();
    assert_eq!(
        fields(&error),
        vec!["design", "managerIds", "managerIds", "seed"]
    );
    assert_eq!(
        cohort_of(&store, id),
        c,
        "a refused cohort leaves the old one"
    );
}

fn hand_picked(pilot: &[&str], comparison: &[&str]) -> CohortInput {
    CohortInput {
        design: "hand_picked".into(),
        pilot_teams: pilot.iter().map(|t| t.to_string()).collect(),
        comparison_teams: comparison.iter().map(|t| t.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn hand_picked_teams_put_every_manager_of_a_named_team_in_its_arm() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    // One region against the rest of sales and support.
    cohort::set_cohort(
        &mut store,
        id,
        &hand_picked(&["Sales East"], &["Sales West", " Customer Support "]),
        today(),
    )
    .unwrap();
    let c = cohort_of(&store, id);
    assert_eq!(c.design, ComparisonDesign::HandPicked);
    assert_eq!(c.seed, None);
    let ids = |arm: Arm| {
        let mut ids: Vec<&str> = c
            .members
            .iter()
            .filter(|m| m.arm == arm)
            .map(|m| m.manager_id.as_str())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(Arm::Pilot), vec!["E1006", "E1007", "E1008"]);
    assert_eq!(
        ids(Arm::Comparison),
        vec!["E1023", "E1024", "E1025", "E1039", "E1040", "E1041"]
    );
    assert_eq!(c.teams(Arm::Pilot), vec!["Sales East"]);
    assert!(c
        .members
        .iter()
        .all(|m| m.wave.is_none() && m.matched_with.is_none()));

    let d = design::load_design(&store, id, today()).unwrap();
    let comparison = d.readiness.items().find(|i| i.key == "comparison").unwrap();
    assert_eq!(comparison.status, ItemStatus::Met);
    assert_eq!(
        comparison.reason,
        "Hand-picked teams: 6 comparison managers in 2 teams"
    );
    let history =
        pilotdesk_core::store::changes::for_entity(store.conn(), "pilot", &id.to_string()).unwrap();
    assert!(
        history.iter().any(|h| h.summary
            == "Set the cohort: hand-picked teams, 3 pilot managers in Sales East against 6 \
                comparison managers in Sales West, Customer Support"),
        "{history:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("proposal.pdf");
    pilotdesk_core::workflows::packs::save_proposal(&mut store, id, &out, None, today()).unwrap();
    let text = support::pdf_text(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Hand-picked teams. The pilot teams (Sales East)"),
        "{text}"
    );
    assert!(
        text.contains("named comparison teams (Customer Support, Sales West)"),
        "{text}"
    );
}

#[test]
fn hand_picked_teams_are_checked_against_people_each_problem_at_its_field() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    cohort::set_cohort(
        &mut store,
        id,
        &hand_picked(&["Sales East"], &["Sales West"]),
        today(),
    )
    .unwrap();
    let before = cohort_of(&store, id);
    // Someone who manages no one makes a team with no managers.
    pilotdesk_core::workflows::users::add_person(
        &mut store,
        &PersonInput {
            id: "X1".into(),
            name: "Ines Ortega".into(),
            email: "ines@x.example".into(),
            team: "Interns".into(),
            role: "Intern".into(),
        },
        today(),
    )
    .unwrap();

    let error = cohort::set_cohort(
        &mut store,
        id,
        &hand_picked(
            &["Sales East", "Sales North", "Sales East"],
            &["Sales East", "Interns"],
        ),
        today(),
    )
    .unwrap_err();
    let Error::Invalid { details, .. } = &error else {
        panic!("{error}")
    };
    let problems: Vec<(&str, &str)> = details
        .iter()
        .map(|d| (d.field.as_deref().unwrap_or(""), d.message.as_str()))
        .collect();
    assert_eq!(
        problems,
        vec![
            ("pilotTeams", "Sales North is not a team in People"),
            ("pilotTeams", "Sales East is listed twice"),
            (
                "comparisonTeams",
                "Sales East is also a pilot team; a team belongs to one arm only"
            ),
            (
                "comparisonTeams",
                "no one in Interns manages anyone, so it adds no managers"
            ),
        ]
    );

    let empty = cohort::set_cohort(&mut store, id, &hand_picked(&[], &[" "]), today()).unwrap_err();
    assert_eq!(fields(&empty), vec!["pilotTeams", "comparisonTeams"]);

    let mut with_managers = hand_picked(&["Sales East"], &["Sales West"]);
    with_managers.manager_ids = vec!["E1007".into()];
    let mixed = cohort::set_cohort(&mut store, id, &with_managers, today()).unwrap_err();
    assert_eq!(fields(&mixed), vec!["managerIds"]);
    let teams_elsewhere = CohortInput {
        design: "matched_teams".into(),
        manager_ids: vec!["E1007".into()],
        pilot_teams: vec!["Sales East".into()],
        ..Default::default()
    };
    let refused = cohort::set_cohort(&mut store, id, &teams_elsewhere, today()).unwrap_err();
    assert_eq!(fields(&refused), vec!["pilotTeams"]);
    assert_eq!(
        cohort_of(&store, id),
        before,
        "a refused cohort leaves the old one"
    );
}

#[test]
fn the_budget_is_saved_whole_and_estimated_or_refused_whole() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let line = |category: &str, description: &str, pricing: &str, cost: &str, quantity: &str| {
        BudgetLineInput {
            category: category.into(),
            description: description.into(),
            pricing: pricing.into(),
            unit_cost: cost.into(),
            quantity: quantity.into(),
        }
    };
    let input = BudgetInput {
        lines: vec![
            line("tooling", "Coaching app licence", "fixed", "6000", ""),
            line("analytics", "Dashboard build", "fixed", "4,500", ""),
            line("vendor", "Skill modules", "per_module", "400", "8"),
        ],
        time: TimeCostsInput {
            manager_hours_per_week: "1.5".into(),
            manager_hourly_cost: "65".into(),
            coach_count: "".into(),
            coach_hours_per_week: "".into(),
            coach_hourly_cost: "".into(),
            coachee_hours_per_week: "0.5".into(),
            coachee_hourly_cost: "40".into(),
        },
    };
    budget::set_budget(&mut store, id, &input, today()).unwrap();
    let d = design::load_design(&store, id, today()).unwrap();
    assert_eq!(d.budget_lines.len(), 3);
    assert_eq!(d.budget_lines[0].quantity, 1, "a fixed line counts once");
    // 2 pilot managers (13 reports) × 1.5 h × 13 weeks × 65, and 13 × 0.5 × 13 × 40.
    let pilot_managers = d
        .cohort
        .members
        .iter()
        .filter(|m| m.arm == Arm::Pilot)
        .count() as i64;
    let coachees: i64 = d
        .cohort
        .members
        .iter()
        .filter(|m| m.arm == Arm::Pilot)
        .map(|m| i64::from(m.team_size))
        .sum();
    let time = (pilot_managers * 15 * 13 * 65 * 10) + (coachees * 5 * 13 * 40 * 10);
    // 10,500 of tooling and analytics is itemised against 20,000 committed: the rest counts
    // once, so the fully loaded cost is never below what is committed.
    assert_eq!(d.estimate.total, Money(2_000_000 + 320_000 + time));
    assert_eq!(d.estimate.tooling_and_analytics, Money(2_000_000));

    let mut bad = input.clone();
    bad.lines[1].category = "snacks".into();
    bad.lines[2].quantity = "many".into();
    bad.time.manager_hours_per_week = "80".into();
    let error = budget::set_budget(&mut store, id, &bad, today()).unwrap_err();
    assert_eq!(
        fields(&error),
        vec![
            "lines.1.category",
            "lines.2.quantity",
            "time.managerHoursPerWeek"
        ]
    );
    assert_eq!(
        design::load_design(&store, id, today())
            .unwrap()
            .budget_lines,
        d.budget_lines
    );
}
