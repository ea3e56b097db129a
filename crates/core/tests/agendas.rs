//! Agendas end to end in the core: the offline generator on the demo workspace, the
//! contexts a workspace allows, the manager's decisions and the calibration figures.
mod support;

use pilotdesk_core::metrics::agenda::calibration::{calibration, figures};
use pilotdesk_core::model::agenda::{
    AgendaContext, AgendaItemKind, AgendaOutcome, AgendaRequest, AgendaSettingsInput, AgendaStatus,
    ItemEdit, RejectInput, RejectReason,
};
use pilotdesk_core::store::people;
use pilotdesk_core::workflows::agenda::{calibration as calibrated, decide, generate, settings};
use pilotdesk_core::{Error, Store};
use support::{date, demo_store};

const TODAY: &str = "2026-11-23";

/// A manager of the demo with at least two reports, and two of those reports.
fn pair(store: &Store) -> (String, String, String) {
    let (manager, reports) = people::managers_with_reports(store.conn())
        .unwrap()
        .into_iter()
        .find(|(m, r)| m.team == "Sales East" && r.len() >= 2)
        .expect("the demo has a sales manager with reports");
    (manager.id, reports[0].id.clone(), reports[1].id.clone())
}

fn onboarding_pilot() -> i64 {
    1
}

fn request(manager: &str, coachee: &str, task: Option<i64>) -> AgendaRequest {
    AgendaRequest {
        manager_id: manager.into(),
        coachee_id: coachee.into(),
        pilot_id: Some(onboarding_pilot()),
        task_id: task,
        ..AgendaRequest::default()
    }
}

fn text(agenda: &pilotdesk_core::model::agenda::Agenda) -> String {
    agenda
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn task_ids(store: &Store) -> Vec<i64> {
    pilotdesk_core::store::playbooks::workflows_for(store.conn(), onboarding_pilot())
        .unwrap()
        .into_iter()
        .flat_map(|w| w.tasks.into_iter().map(|t| t.id))
        .collect()
}

#[test]
fn the_same_inputs_give_the_same_agenda_and_other_people_or_tasks_another() {
    let mut store = demo_store();
    let today = date(TODAY);
    let (manager, first, second) = pair(&store);
    let tasks = task_ids(&store);
    let one = generate::generate(
        &mut store,
        &request(&manager, &first, Some(tasks[0])),
        today,
    )
    .unwrap();
    let again = generate::generate(
        &mut store,
        &request(&manager, &first, Some(tasks[0])),
        today,
    )
    .unwrap();
    assert_ne!(one.id, again.id, "each request is its own agenda");
    assert_eq!(text(&one), text(&again), "same inputs, same words");
    assert_eq!(one.basis, again.basis);

    let other_person = generate::generate(
        &mut store,
        &request(&manager, &second, Some(tasks[0])),
        today,
    )
    .unwrap();
    let other_task = generate::generate(
        &mut store,
        &request(&manager, &first, Some(tasks[1])),
        today,
    )
    .unwrap();
    assert_ne!(text(&one), text(&other_person));
    assert_ne!(text(&one), text(&other_task));
    let first_name = one.coachee_name.split(' ').next().unwrap();
    let other_first = other_person.coachee_name.split(' ').next().unwrap();
    assert!(text(&one).contains(first_name), "{}", text(&one));
    assert!(text(&other_person).contains(other_first));
    let behaviour = one.task.clone().unwrap();
    assert!(
        text(&one)
            .to_lowercase()
            .contains(&behaviour[..12].to_lowercase()),
        "the agenda works on its task: {behaviour}\n{}",
        text(&one)
    );

    // The shape: an opening, two or three prompts, a practice, a commitment, a next step,
    // in 10 to 15 minutes, written offline.
    for agenda in [&one, &other_person, &other_task] {
        let kinds: Vec<AgendaItemKind> = agenda.items.iter().map(|i| i.kind).collect();
        assert_eq!(kinds[0], AgendaItemKind::Opening);
        let prompts = kinds
            .iter()
            .filter(|k| **k == AgendaItemKind::Prompt)
            .count();
        assert!((2..=3).contains(&prompts), "{kinds:?}");
        assert_eq!(
            &kinds[kinds.len() - 3..],
            &[
                AgendaItemKind::Practice,
                AgendaItemKind::Commitment,
                AgendaItemKind::NextStep
            ]
        );
        assert!((10..=15).contains(&agenda.minutes), "{}", agenda.minutes);
        assert_eq!(agenda.context, AgendaContext::Onboarding);
        assert_eq!(
            agenda.source,
            pilotdesk_core::model::agenda::AgendaSource::Offline
        );
    }
}

#[test]
fn the_task_due_is_the_one_coached_longest_ago() {
    let mut store = demo_store();
    let today = date(TODAY);
    let (manager, coachee, _) = pair(&store);
    let tasks = task_ids(&store);
    let agenda = generate::generate(&mut store, &request(&manager, &coachee, None), today).unwrap();
    assert_eq!(
        agenda.task_id,
        Some(tasks[0]),
        "never coached: the first task"
    );
}

#[test]
fn contexts_the_workspace_has_not_allowed_are_refused() {
    let mut store = demo_store();
    let today = date(TODAY);
    let (manager, coachee, _) = pair(&store);
    let mut asked = request(&manager, &coachee, None);
    asked.context = "conflict".into();
    let refused = generate::generate(&mut store, &asked, today).unwrap_err();
    assert!(
        matches!(&refused, Error::Conflict(m) if m.contains("off for conflict")),
        "{refused:?}"
    );
    settings::update(
        &mut store,
        &AgendaSettingsInput {
            allowed_contexts: vec!["onboarding".into(), "conflict".into()],
            timeout_seconds: "30".into(),
            ..AgendaSettingsInput::default()
        },
    )
    .unwrap();
    let allowed = generate::generate(&mut store, &asked, today).unwrap();
    assert_eq!(allowed.context, AgendaContext::Conflict);
    asked.context = "skill practice".into();
    assert!(generate::generate(&mut store, &asked, today).is_err());
}

#[test]
fn settings_refuse_a_model_host_that_is_not_this_computer_unless_allowed() {
    let mut store = demo_store();
    let mut input = AgendaSettingsInput {
        allowed_contexts: vec!["onboarding".into()],
        model_enabled: true,
        endpoint: "http://192.0.2.10:11434/v1".into(),
        model: "llama3.2".into(),
        timeout_seconds: "20".into(),
        allowed_hosts: String::new(),
    };
    let refused = settings::update(&mut store, &input).unwrap_err();
    let api = pilotdesk_core::ApiError::from(refused);
    assert!(
        api.details
            .iter()
            .any(|d| d.field.as_deref() == Some("endpoint") && d.message.contains("192.0.2.10")),
        "{api:?}"
    );
    assert!(
        !settings::load(&store).unwrap().model.enabled,
        "nothing saved"
    );
    input.allowed_hosts = "192.0.2.10".into();
    let saved = settings::update(&mut store, &input).unwrap();
    assert!(saved.model.enabled);
    assert_eq!(saved.model.allowed_hosts, vec!["192.0.2.10".to_string()]);
    input.timeout_seconds = "0".into();
    assert!(settings::update(&mut store, &input).is_err());
}

#[test]
fn edits_acceptance_and_rejection_are_recorded_once() {
    let mut store = demo_store();
    let today = date(TODAY);
    let (manager, coachee, _) = pair(&store);
    let agenda = generate::generate(&mut store, &request(&manager, &coachee, None), today).unwrap();
    let prompt = agenda
        .items
        .iter()
        .find(|i| i.kind == AgendaItemKind::Prompt)
        .unwrap();
    let edited = decide::edit_item(
        &mut store,
        &ItemEdit {
            agenda_id: agenda.id,
            position: prompt.position,
            text: format!("{} Keep it to one example.", prompt.text),
        },
    )
    .unwrap();
    assert_eq!(edited.status, AgendaStatus::Open);
    let blank = decide::edit_item(
        &mut store,
        &ItemEdit {
            agenda_id: agenda.id,
            position: 99,
            text: " ".into(),
        },
    )
    .unwrap_err();
    let blank = pilotdesk_core::ApiError::from(blank);
    let fields: Vec<_> = blank
        .details
        .iter()
        .filter_map(|d| d.field.clone())
        .collect();
    assert_eq!(fields, vec!["position".to_string(), "text".to_string()]);

    let accepted = decide::accept(&mut store, agenda.id).unwrap();
    assert_eq!(accepted.status, AgendaStatus::Edited);
    let share = accepted.change_share.unwrap();
    let total: usize = accepted
        .items
        .iter()
        .map(|i| i.suggested.chars().count())
        .sum();
    let expected = " Keep it to one example.".chars().count() as f64
        / (total + " Keep it to one example.".chars().count()) as f64;
    assert!(
        (share - expected).abs() < 1e-9,
        "{share} against {expected}"
    );
    assert!(
        decide::accept(&mut store, agenda.id).is_err(),
        "a decided agenda stays decided"
    );

    let second = generate::generate(&mut store, &request(&manager, &coachee, None), today).unwrap();
    let refused = decide::reject(
        &mut store,
        &RejectInput {
            agenda_id: second.id,
            reason: "because".into(),
            note: String::new(),
        },
    )
    .unwrap_err();
    assert!(refused.to_string().contains("not_relevant"), "{refused}");
    let rejected = decide::reject(
        &mut store,
        &RejectInput {
            agenda_id: second.id,
            reason: "too_generic".into(),
            note: "Says nothing about her accounts".into(),
        },
    )
    .unwrap();
    assert_eq!(rejected.reject_reason, Some(RejectReason::TooGeneric));
    let third = generate::generate(&mut store, &request(&manager, &coachee, None), today).unwrap();
    assert_eq!(
        decide::accept(&mut store, third.id).unwrap().status,
        AgendaStatus::Accepted
    );

    let figures = calibrated::workspace(&store).unwrap().overall;
    assert_eq!(
        (
            figures.generated,
            figures.accepted_as_is,
            figures.edited,
            figures.rejected,
            figures.open
        ),
        (3, 1, 1, 1, 0)
    );
    assert_eq!(figures.acceptance_rate, Some(2.0 / 3.0));
    assert_eq!(figures.reasons[0].count, 1);
}

fn outcome(
    manager: &str,
    context: AgendaContext,
    status: AgendaStatus,
    share: Option<f64>,
) -> AgendaOutcome {
    AgendaOutcome {
        manager_id: manager.into(),
        manager_name: format!("Manager {manager}"),
        context,
        status,
        change_share: share,
        reject_reason: (status == AgendaStatus::Rejected).then_some(RejectReason::NotRelevant),
    }
}

#[test]
fn acceptance_and_the_over_reliance_signal_match_constructed_data() {
    use AgendaContext::*;
    use AgendaStatus::*;
    let mut outcomes = Vec::new();
    // M1: 10 decided, 9 accepted as is (90%): over-reliant.
    outcomes.extend((0..9).map(|_| outcome("M1", Onboarding, Accepted, None)));
    outcomes.push(outcome("M1", Onboarding, Edited, Some(0.2)));
    // M2: 9 decided, all unedited: too few to say.
    outcomes.extend((0..9).map(|_| outcome("M2", SkillPractice, Accepted, None)));
    // M3: 12 decided, 6 unedited, 4 edited, 2 rejected, and 1 still open.
    outcomes.extend((0..6).map(|_| outcome("M3", Onboarding, Accepted, None)));
    outcomes.extend((0..4).map(|_| outcome("M3", SkillPractice, Edited, Some(0.1))));
    outcomes.extend((0..2).map(|_| outcome("M3", SkillPractice, Rejected, None)));
    outcomes.push(outcome("M3", SkillPractice, Open, None));

    let result = calibration(&outcomes);
    assert_eq!(result.overall.generated, 32);
    assert_eq!(result.overall.open, 1);
    assert_eq!(result.overall.accepted_as_is, 24);
    assert_eq!(result.overall.edited, 5);
    assert_eq!(result.overall.rejected, 2);
    assert_eq!(result.overall.acceptance_rate, Some(29.0 / 31.0));
    assert_eq!(result.overall.unedited_rate, Some(24.0 / 31.0));
    let mean = result.overall.mean_change_share.unwrap();
    assert!((mean - (0.2 + 0.4) / 5.0).abs() < 1e-12, "{mean}");

    let onboarding = &result.by_context[0];
    assert_eq!(onboarding.context, Onboarding);
    assert_eq!(
        (
            onboarding.figures.generated,
            onboarding.figures.accepted_as_is,
            onboarding.figures.edited
        ),
        (16, 15, 1)
    );
    let practice = &result.by_context[1];
    assert_eq!(practice.figures.rejected, 2);
    assert_eq!(practice.figures.acceptance_rate, Some(13.0 / 15.0));

    let signal: Vec<(&str, bool)> = result
        .by_manager
        .iter()
        .map(|m| (m.manager_id.as_str(), m.over_reliant))
        .collect();
    assert_eq!(signal, vec![("M1", true), ("M2", false), ("M3", false)]);
    assert_eq!(result.over_reliant_managers, 1);
    assert!(result.by_manager[1].reason.contains("at least 10"));

    // One more unedited acceptance would not lift M1 off; one fewer would drop below 90%.
    let mut below = outcomes.clone();
    below[0].status = Edited;
    below[0].change_share = Some(0.05);
    assert!(!calibration(&below).by_manager[0].over_reliant);

    let nothing = figures(&[]);
    assert_eq!(nothing.acceptance_rate, None);
}
