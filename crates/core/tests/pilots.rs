mod support;

use pilotdesk_core::model::{NewPilotInput, PilotStatus};
use pilotdesk_core::store::changes;
use pilotdesk_core::workflows::pilots::{create_pilot, get_pilot, list_pilots, pilot_detail};
use pilotdesk_core::{Error, Store};
use support::{date, pilot_input};

fn fields_of(error: &Error) -> Vec<String> {
    match error {
        Error::Invalid { details, .. } => details.iter().filter_map(|d| d.field.clone()).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn a_new_pilot_is_a_draft_with_a_ninety_day_window_and_a_recorded_creator() {
    let mut store = Store::open_in_memory().unwrap();
    let pilot = create_pilot(&mut store, &pilot_input("Escalation coaching")).unwrap();
    assert_eq!(pilot.status, PilotStatus::Draft);
    assert_eq!(pilot.start_date, date("2027-01-11"));
    assert_eq!(pilot.end_date, date("2027-04-11"));
    assert_eq!(pilot.budget.cents(), 1_250_000);
    assert_eq!(
        pilot.workflows,
        vec!["Customer escalation", "Sales onboarding"]
    );

    let history = changes::for_entity(store.conn(), "pilot", &pilot.id.to_string()).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, "created");
    assert!(!history[0].actor.is_empty());
    assert!(history[0].summary.contains("Escalation coaching"));

    assert_eq!(get_pilot(&store, pilot.id).unwrap(), pilot);
    assert_eq!(list_pilots(&store).unwrap().len(), 1);
}

#[test]
fn every_problem_is_reported_against_its_field_and_nothing_is_written() {
    let mut store = Store::open_in_memory().unwrap();
    let input = NewPilotInput {
        name: "  ".into(),
        objective: String::new(),
        workflows: vec!["".into(), " ".into()],
        start_date: "14/12/2026".into(),
        sponsor: "".into(),
        budget: "lots".into(),
        templates: vec![],
    };
    let error = create_pilot(&mut store, &input).unwrap_err();
    assert_eq!(error.code(), "invalid_input");
    assert_eq!(
        fields_of(&error),
        vec!["name", "workflows", "startDate", "sponsor", "budget"]
    );
    assert!(error.to_string().contains("5 problems"));
    let count: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM pilots", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0);
    let changes: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(changes, 0);
}

#[test]
fn a_single_problem_names_its_field_in_the_message() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = pilot_input("Dates");
    input.start_date = "2027-02-30".into();
    let error = create_pilot(&mut store, &input).unwrap_err();
    assert_eq!(fields_of(&error), vec!["startDate"]);
    assert!(
        error
            .to_string()
            .starts_with("startDate: \"2027-02-30\" is not a date"),
        "{error}"
    );
}

#[test]
fn names_are_unique_regardless_of_case() {
    let mut store = Store::open_in_memory().unwrap();
    create_pilot(&mut store, &pilot_input("Escalation coaching")).unwrap();
    let error = create_pilot(&mut store, &pilot_input("ESCALATION coaching")).unwrap_err();
    assert_eq!(fields_of(&error), vec!["name"]);
    assert!(error.to_string().contains("already exists"));
}

#[test]
fn workflows_are_trimmed_and_duplicates_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = pilot_input("Trimmed");
    input.workflows = vec![
        " Sales onboarding ".into(),
        "".into(),
        "Customer escalation".into(),
    ];
    let pilot = create_pilot(&mut store, &input).unwrap();
    assert_eq!(
        pilot.workflows,
        vec!["Sales onboarding", "Customer escalation"]
    );

    let mut duplicate = pilot_input("Duplicated");
    duplicate.workflows = vec!["Sales onboarding".into(), "sales onboarding".into()];
    let error = create_pilot(&mut store, &duplicate).unwrap_err();
    assert!(error.to_string().contains("listed twice"), "{error}");

    let mut too_many = pilot_input("Sprawling");
    too_many.workflows = (1..=7).map(|i| format!("Workflow {i}")).collect();
    assert_eq!(
        fields_of(&create_pilot(&mut store, &too_many).unwrap_err()),
        vec!["workflows"]
    );
}

#[test]
fn an_unknown_pilot_is_not_found() {
    let store = Store::open_in_memory().unwrap();
    let error = get_pilot(&store, 7).unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert_eq!(error.to_string(), "pilot 7 was not found");
}

#[test]
fn the_pilot_page_knows_where_today_falls() {
    let mut store = Store::open_in_memory().unwrap();
    let pilot = create_pilot(&mut store, &pilot_input("Phases")).unwrap();
    let detail = pilot_detail(&store, pilot.id, date("2027-01-01")).unwrap();
    assert_eq!(
        detail.phase,
        pilotdesk_core::metrics::PilotPhase::NotStarted { days: 10 }
    );
    assert_eq!(detail.review_date, date("2027-02-25"));
    assert_eq!(detail.decision_due, date("2027-01-04"));
    assert_eq!(detail.changes.len(), 1);
}
