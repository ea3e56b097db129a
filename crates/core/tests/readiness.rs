//! Every checklist item, met and unmet, evaluated from plain data.
mod support;

use pilotdesk_core::model::agenda::AgendaContext;
use pilotdesk_core::model::coaches::CoachLevel;
use pilotdesk_core::model::*;
use pilotdesk_core::workflows::readiness::{
    evaluate, CheckInFacts, CoachFacts, ReadinessInput, SkillsFacts, ITEMS,
};
use support::date;

struct Fixture {
    pilot: Pilot,
    workflows: Vec<Workflow>,
    kpis: Vec<Kpi>,
    cohort: Cohort,
    lines: Vec<BudgetLine>,
    marks: Vec<ChecklistMark>,
    transitions: Vec<Transition>,
    evidence: Evidence,
    mdes: Vec<KpiMde>,
    today: chrono::NaiveDate,
    skills: SkillsFacts,
    check_ins: CheckInFacts,
    agenda_contexts: Vec<AgendaContext>,
    coaches: CoachFacts,
}

fn task(id: i64, module: &str) -> PlaybookTask {
    PlaybookTask {
        id,
        workflow_id: 1,
        position: id as u32,
        behaviour: format!("Behaviour {id}"),
        moments: vec![CoachingMoment {
            prompt: "Ask".into(),
            per_week: 2,
            minutes: 10,
        }],
        competency: "Competency".into(),
        skill_module: module.into(),
        kpi_id: Some(1),
    }
}

fn workflow(id: i64, name: &str, tasks: usize) -> Workflow {
    Workflow {
        id,
        position: id as u32,
        name: name.into(),
        template: None,
        tasks: (0..tasks)
            .map(|i| task(id * 10 + i as i64, "Module"))
            .collect(),
    }
}

fn kpi(id: i64, name: &str) -> Kpi {
    Kpi {
        id,
        position: id as u32,
        name: name.into(),
        unit: "%".into(),
        direction: Direction::Higher,
        value_per_unit: Some(Money(100_000)),
        data_source: "CRM".into(),
        baseline: Some(Baseline {
            start: date("2026-07-01"),
            end: date("2026-12-31"),
            value: 30.0,
        }),
        criterion: Some(SuccessCriterion {
            target_lift: 5.0,
            interval_above_zero: true,
            rule: "x".into(),
        }),
    }
}

fn member(id: &str, arm: Arm, size: u32) -> CohortMember {
    CohortMember {
        manager_id: id.into(),
        manager_name: id.into(),
        team: "Sales".into(),
        team_size: size,
        arm,
        wave: None,
        matched_with: None,
        match_distance: None,
    }
}

fn mark(item: &str, kind: &str) -> ChecklistMark {
    ChecklistMark {
        item: item.into(),
        kind: kind.into(),
        reason: "Agreed with HR".into(),
        by: "Ada".into(),
        at: "2026-11-23T10:00:00Z".into(),
    }
}

fn transition(to: PilotStatus) -> Transition {
    Transition {
        id: 1,
        from: PilotStatus::Running,
        to,
        at: "2027-02-25T09:00:00Z".into(),
        actor: "Ada".into(),
        reason: "held".into(),
        evidence: "{}".into(),
    }
}

/// A draft whose Step 1 is complete.
fn complete() -> Fixture {
    Fixture {
        pilot: Pilot {
            id: 1,
            name: "Pilot".into(),
            objective: "Prove it".into(),
            workflows: vec![],
            start_date: date("2027-01-11"),
            end_date: date("2027-04-11"),
            sponsor: "Marcus Oyelaran".into(),
            budget: Money(2_000_000),
            ai_agenda: "onboarding 1:1s".into(),
            status: PilotStatus::Draft,
            created_at: String::new(),
            updated_at: String::new(),
        },
        workflows: vec![
            workflow(1, "Sales onboarding", 4),
            workflow(2, "Customer escalation", 3),
        ],
        kpis: vec![kpi(1, "Conversion"), kpi(2, "Resolution")],
        cohort: Cohort {
            design: ComparisonDesign::RandomisedWaitlist,
            seed: Some("7".into()),
            members: vec![
                member("E1", Arm::Pilot, 7),
                member("E2", Arm::Comparison, 6),
            ],
        },
        lines: vec![
            BudgetLine {
                category: BudgetCategory::Tooling,
                description: "App".into(),
                pricing: Pricing::Fixed,
                unit_cost: Money(500_000),
                quantity: 1,
            },
            BudgetLine {
                category: BudgetCategory::Vendor,
                description: "Modules".into(),
                pricing: Pricing::PerModule,
                unit_cost: Money(40_000),
                quantity: 4,
            },
        ],
        marks: vec![],
        transitions: vec![],
        evidence: Evidence::default(),
        mdes: Vec::new(),
        today: date("2026-11-23"),
        skills: SkillsFacts {
            catalog: vec!["Module".into()],
            purchases: 1,
            seats: 12,
            assigned: 7,
        },
        check_ins: CheckInFacts {
            weeks: 3,
            flagged: 2,
        },
        agenda_contexts: vec![AgendaContext::Onboarding, AgendaContext::SkillPractice],
        coaches: CoachFacts::default(),
    }
}

fn running() -> Fixture {
    let mut f = complete();
    f.pilot.status = PilotStatus::Running;
    f.today = date("2027-01-20");
    f
}

fn at_outcome() -> Fixture {
    let mut f = running();
    f.pilot.status = PilotStatus::Day90Outcome;
    f.today = date("2027-04-12");
    f.transitions = vec![
        transition(PilotStatus::Day45Review),
        transition(PilotStatus::Day90Outcome),
    ];
    f
}

fn readiness(f: &Fixture) -> Readiness {
    evaluate(&ReadinessInput {
        pilot: &f.pilot,
        workflows: &f.workflows,
        kpis: &f.kpis,
        cohort: &f.cohort,
        budget_lines: &f.lines,
        marks: &f.marks,
        transitions: &f.transitions,
        evidence: &f.evidence,
        mdes: &f.mdes,
        currency: "USD",
        today: f.today,
        skills: &f.skills,
        check_ins: &f.check_ins,
        agenda_contexts: &f.agenda_contexts,
        coaches: &f.coaches,
    })
}

fn item(f: &Fixture, key: &str) -> ChecklistItem {
    readiness(f)
        .items()
        .find(|i| i.key == key)
        .cloned()
        .unwrap_or_else(|| panic!("no item {key}"))
}

fn assert_status(f: &Fixture, key: &str, status: ItemStatus, reason_contains: &str) {
    let item = item(f, key);
    assert_eq!(item.status, status, "{key}: {}", item.reason);
    assert!(
        item.reason.contains(reason_contains),
        "{key}: {:?} lacks {reason_contains:?}",
        item.reason
    );
}

#[test]
fn the_complete_fixture_meets_every_step_1_item_and_may_be_submitted() {
    let r = readiness(&complete());
    assert!(r.step1_complete);
    assert_eq!((r.steps[0].done, r.steps[0].applicable), (11, 11));
    assert_eq!(r.steps[1].applicable, 0, "Step 2 waits for launch");
    assert_eq!(r.items().count(), ITEMS.len());
}

#[test]
fn workflows() {
    assert_status(
        &complete(),
        "workflows",
        ItemStatus::Met,
        "Sales onboarding and Customer escalation",
    );
    let mut f = complete();
    f.workflows.truncate(1);
    assert_status(
        &f,
        "workflows",
        ItemStatus::NotMet,
        "Only \"Sales onboarding\"",
    );
    f.workflows.clear();
    assert_status(&f, "workflows", ItemStatus::NotMet, "No workflow");
    let mut f = complete();
    f.workflows.push(workflow(3, "Renewals", 3));
    assert_status(&f, "workflows", ItemStatus::Met, "two are recommended");
}

#[test]
fn playbooks() {
    assert_status(&complete(), "playbooks", ItemStatus::Met, "7 in all");
    let mut f = complete();
    f.workflows[1].tasks.truncate(2);
    assert_status(
        &f,
        "playbooks",
        ItemStatus::NotMet,
        "\"Customer escalation\" has 2 tasks",
    );
}

#[test]
fn window() {
    assert_status(&complete(), "window", ItemStatus::Met, "starts in 49 days");
    let mut f = complete();
    f.today = date("2027-01-12");
    assert_status(&f, "window", ItemStatus::NotMet, "has passed");
}

#[test]
fn ai_agenda_and_its_waiver() {
    assert_status(&complete(), "ai_agenda", ItemStatus::Met, "onboarding 1:1s");
    let mut f = complete();
    f.pilot.ai_agenda.clear();
    assert_status(
        &f,
        "ai_agenda",
        ItemStatus::NotMet,
        "does not say where it uses them",
    );
    assert!(!readiness(&f).step1_complete);
    f.marks.push(mark("ai_agenda", "waived"));
    let waived = item(&f, "ai_agenda");
    assert_eq!(waived.status, ItemStatus::Waived);
    assert_eq!(
        waived.mark.as_ref().map(|m| m.reason.as_str()),
        Some("Agreed with HR")
    );
    assert!(readiness(&f).step1_complete, "a waived item counts as done");
}

#[test]
fn ai_agenda_reads_the_contexts_the_workspace_allows() {
    let mut f = complete();
    assert_status(
        &f,
        "ai_agenda",
        ItemStatus::Met,
        "suggestions allowed in onboarding and skill practice",
    );
    f.agenda_contexts.push(AgendaContext::Conflict);
    let risky = item(&f, "ai_agenda");
    assert_eq!(risky.status, ItemStatus::Met);
    assert!(
        risky.reason.contains("also on for conflict"),
        "{}",
        risky.reason
    );
    f.agenda_contexts.clear();
    assert_status(&f, "ai_agenda", ItemStatus::NotMet, "off in every context");
}

#[test]
fn modular_learning() {
    assert_status(
        &complete(),
        "modular_learning",
        ItemStatus::Met,
        "All 7 tasks link a skill module from the catalog",
    );
    let mut f = complete();
    f.workflows[0].tasks[2].skill_module.clear();
    assert_status(
        &f,
        "modular_learning",
        ItemStatus::NotMet,
        "\"Behaviour 12\"",
    );
    let mut f = complete();
    f.workflows[1].tasks[0].skill_module = "Unbought course".into();
    assert_status(
        &f,
        "modular_learning",
        ItemStatus::NotMet,
        "\"Unbought course\" is not in the module catalog",
    );
}

#[test]
fn kpis() {
    assert_status(&complete(), "kpis", ItemStatus::Met, "2 KPIs");
    let mut f = complete();
    f.kpis[1].baseline = None;
    f.kpis[0].criterion = None;
    assert_status(
        &f,
        "kpis",
        ItemStatus::NotMet,
        "No baseline for \"Resolution\"; no success criterion for \"Conversion\"",
    );
    let mut f = complete();
    f.kpis.truncate(1);
    assert_status(&f, "kpis", ItemStatus::NotMet, "Only \"Conversion\"");
    let mut f = complete();
    f.kpis.extend([kpi(3, "C"), kpi(4, "D")]);
    assert_status(&f, "kpis", ItemStatus::NotMet, "4 KPIs");
    // A criterion below what the pilot can detect is said beside it; the item stays met.
    let mut f = complete();
    f.mdes = vec![KpiMde {
        kpi_id: 2,
        effect: Some(6.5),
        display: Some("6.5 %".into()),
        reason: None,
        pilot_units: 2,
        comparison_units: 2,
        criterion_below_mde: true,
        sentence: String::new(),
    }];
    assert_status(
        &f,
        "kpis",
        ItemStatus::Met,
        "the criterion of \"Resolution\" asks for less than the pilot can detect",
    );
}

#[test]
fn cohort() {
    assert_status(
        &complete(),
        "cohort",
        ItemStatus::Met,
        "1 manager coaching 7 people",
    );
    let mut f = complete();
    f.cohort.members.retain(|m| m.arm == Arm::Comparison);
    assert_status(&f, "cohort", ItemStatus::NotMet, "No pilot managers");
    let mut f = complete();
    f.cohort.members[0].team_size = 0;
    assert_status(&f, "cohort", ItemStatus::NotMet, "no direct reports");
}

#[test]
fn comparison() {
    assert_status(&complete(), "comparison", ItemStatus::Met, "seed 7");
    let mut f = complete();
    f.cohort.design = ComparisonDesign::None;
    assert_status(&f, "comparison", ItemStatus::NotMet, "weaker evidence");
    let mut f = complete();
    f.cohort.design = ComparisonDesign::MatchedTeams;
    f.cohort.members.retain(|m| m.arm == Arm::Pilot);
    assert_status(
        &f,
        "comparison",
        ItemStatus::NotMet,
        "no comparison managers",
    );
}

#[test]
fn sponsor() {
    assert_status(&complete(), "sponsor", ItemStatus::Met, "Marcus Oyelaran");
    let mut f = complete();
    f.pilot.sponsor = " ".into();
    assert_status(&f, "sponsor", ItemStatus::NotMet, "No senior sponsor");
}

#[test]
fn budget() {
    assert_status(&complete(), "budget", ItemStatus::Met, "covers USD 5,000");
    let mut f = complete();
    f.pilot.budget = Money(0);
    assert_status(&f, "budget", ItemStatus::NotMet, "No budget committed");
    f.pilot.budget = Money(400_000);
    assert_status(
        &f,
        "budget",
        ItemStatus::NotMet,
        "USD 4,000 committed does not cover the USD 5,000",
    );
}

#[test]
fn events_flowing() {
    assert_status(
        &complete(),
        "events_flowing",
        ItemStatus::NotYetApplicable,
        "once the pilot is running",
    );
    let mut f = running();
    assert_status(
        &f,
        "events_flowing",
        ItemStatus::NotMet,
        "No coaching events",
    );
    f.evidence.recent_events = 12;
    assert_status(&f, "events_flowing", ItemStatus::Met, "12 coaching events");
}

#[test]
fn kpi_observations() {
    let mut f = running();
    f.evidence.observations_per_kpi = vec![(1, 40), (2, 0)];
    assert_status(&f, "kpi_observations", ItemStatus::NotMet, "\"Resolution\"");
    f.evidence.observations_per_kpi = vec![(1, 40), (2, 3)];
    assert_status(&f, "kpi_observations", ItemStatus::Met, "All 2 KPIs");
}

#[test]
fn dashboard_is_confirmed_by_hand() {
    let mut f = running();
    let unconfirmed = item(&f, "dashboard");
    assert!(unconfirmed.confirmed_by_hand);
    assert_eq!(unconfirmed.status, ItemStatus::NotMet);
    f.marks.push(mark("dashboard", "confirmed"));
    assert_status(
        &f,
        "dashboard",
        ItemStatus::Met,
        "Confirmed by Ada: Agreed with HR",
    );
}

#[test]
fn day45_review() {
    let mut f = running();
    assert_status(
        &f,
        "day45_review",
        ItemStatus::NotYetApplicable,
        "Due on 25 Feb 2027",
    );
    f.today = date("2027-03-01");
    assert_status(
        &f,
        "day45_review",
        ItemStatus::NotMet,
        "Was due on 25 Feb 2027",
    );
    f.pilot.status = PilotStatus::Day45Review;
    assert_status(&f, "day45_review", ItemStatus::Met, "held");
}

#[test]
fn step_3_waits_for_the_outcome_then_asks_for_confirmations() {
    for key in [
        "outcome_budget",
        "governance_cadence",
        "privacy_quality_reviews",
    ] {
        assert_status(
            &running(),
            key,
            ItemStatus::NotYetApplicable,
            "day-90 outcome",
        );
        let mut f = at_outcome();
        assert_status(&f, key, ItemStatus::NotMet, "confirm it by hand");
        f.marks.push(mark(key, "confirmed"));
        assert_status(&f, key, ItemStatus::Met, "Confirmed by Ada");
    }
}

#[test]
fn certified_coaches_are_read_from_the_coaching_network() {
    let key = "certified_coaches";
    assert_status(
        &running(),
        key,
        ItemStatus::NotYetApplicable,
        "day-90 outcome",
    );
    let mut f = at_outcome();
    assert_status(
        &f,
        key,
        ItemStatus::NotMet,
        "No internal coach in the pilot's teams yet",
    );
    // The data decides: a confirmation by hand no longer makes it met.
    f.marks.push(mark(key, "confirmed"));
    assert_status(&f, key, ItemStatus::NotMet, "nominate one");
    f.marks.clear();
    f.coaches.in_progress = 2;
    assert_status(
        &f,
        key,
        ItemStatus::NotMet,
        "No coach in the pilot's teams holds a valid certification; 2 are working toward it",
    );
    // Today is 12 Apr 2027: 11 Jul 2027 is 90 days on, so expiring soon; 12 Jul is not.
    f.coaches.certified = vec![
        (
            "Sam Ortiz".into(),
            CoachLevel::Certified,
            date("2029-01-11"),
        ),
        ("Lee Park".into(), CoachLevel::Associate, date("2027-07-11")),
        ("Ana Ruiz".into(), CoachLevel::Certified, date("2027-07-12")),
    ];
    assert_status(
        &f,
        key,
        ItemStatus::Met,
        "3 coaches with a valid certification in the pilot's teams (2 certified, 1 \
         associate); expiring soon: Lee Park's on 11 Jul 2027, recertify before then",
    );
    f.coaches.certified.truncate(1);
    let one = item(&f, key);
    assert_eq!(
        one.reason,
        "1 coach with a valid certification in the pilot's teams (1 certified)"
    );
    assert!(!one.confirmed_by_hand);
    // Not met, it can still be waived with a reason.
    f.coaches.certified.clear();
    f.marks.push(mark(key, "waived"));
    assert_status(&f, key, ItemStatus::Waived, "");
}

#[test]
fn the_coaching_quality_review_reads_the_no_live_check_in_flag() {
    let key = "privacy_quality_reviews";
    let mut f = at_outcome();
    assert_status(
        &f,
        key,
        ItemStatus::NotMet,
        "2 people in the pilot's teams have had async coaching without a live check-in for 3 \
         weeks",
    );
    f.check_ins.flagged = 1;
    f.marks.push(mark(key, "confirmed"));
    assert_status(
        &f,
        key,
        ItemStatus::Met,
        "1 person in the pilot's teams has had async coaching without a live check-in",
    );
    f.check_ins.flagged = 0;
    assert_status(
        &f,
        key,
        ItemStatus::Met,
        "no one in the pilot's teams has had async coaching",
    );
    // Before the outcome the item does not apply, and says nothing of check-ins.
    let early = item(&running(), key);
    assert!(!early.reason.contains("check-in"), "{}", early.reason);
    // Other confirmed-by-hand items are untouched.
    assert!(!item(&at_outcome(), "governance_cadence")
        .reason
        .contains("check-in"));
}

#[test]
fn modular_purchasing() {
    assert_status(
        &at_outcome(),
        "modular_purchasing",
        ItemStatus::Met,
        "1 module purchase (12 seats); 7 people assigned",
    );
    let mut f = at_outcome();
    f.skills.assigned = 0;
    assert_status(
        &f,
        "modular_purchasing",
        ItemStatus::NotMet,
        "no one is assigned",
    );
    f.skills.purchases = 0;
    assert_status(
        &f,
        "modular_purchasing",
        ItemStatus::NotMet,
        "No skill module is bought",
    );
}

#[test]
fn scores_count_met_and_waived_among_applicable_items() {
    let mut f = at_outcome();
    f.evidence.recent_events = 3;
    f.marks.push(mark("dashboard", "waived"));
    let r = readiness(&f);
    assert_eq!(
        (r.steps[1].done, r.steps[1].applicable),
        (3, 4),
        "events, dashboard waived, review held"
    );
    assert_eq!((r.steps[2].done, r.steps[2].applicable), (1, 5));
}

#[test]
fn the_objective_is_required_with_the_reason_and_where_to_state_it() {
    let mut f = complete();
    f.pilot.objective = "   ".into();
    let objective = item(&f, "objective");
    assert_eq!(objective.status, ItemStatus::NotMet);
    assert!(objective.reason.contains("No objective stated"));
    assert!(objective.reason.contains("Basics"));
    assert!(!readiness(&f).step1_complete);

    f.pilot.objective = "Shorten the time to a first closed deal for new sellers.".into();
    let objective = item(&f, "objective");
    assert_eq!(objective.status, ItemStatus::Met);
    assert_eq!(objective.reason, f.pilot.objective);
}

#[test]
fn a_committed_budget_without_lines_is_not_complete() {
    let mut f = complete();
    f.lines.clear();
    let budget = item(&f, "budget");
    assert_eq!(budget.status, ItemStatus::NotMet);
    assert!(
        budget.reason.contains("no budget lines say what it buys"),
        "{}",
        budget.reason
    );
}
