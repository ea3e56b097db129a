mod support;

use pilotdesk_core::model::{PaperSize, SettingsInput};
use pilotdesk_core::workflows::settings::update_settings;
use pilotdesk_core::{Error, Store};

fn input() -> SettingsInput {
    SettingsInput {
        workspace_name: "Acme People Team".into(),
        currency: "eur".into(),
        paper_size: "letter".into(),
        min_group_size: "7".into(),
        credit_rate: "0,5".into(),
        weekly_load_hours: "3.5".into(),
    }
}

#[test]
fn settings_are_saved_normalised_and_recorded() {
    let mut store = Store::open_in_memory().unwrap();
    let saved = update_settings(&mut store, &input()).unwrap();
    assert_eq!(saved.workspace_name, "Acme People Team");
    assert_eq!(saved.currency, "EUR");
    assert_eq!(saved.paper_size, PaperSize::Letter);
    assert_eq!(saved.min_group_size, 7);
    assert_eq!(saved.credit_rate, 0.5, "a decimal comma is read");
    assert_eq!(saved.weekly_load_hours, 3.5);
    let changes: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM change_log WHERE entity = 'workspace'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(changes, 1);
}

#[test]
fn bad_settings_name_every_field_and_change_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let before = pilotdesk_core::store::settings::load(store.conn()).unwrap();
    let bad = SettingsInput {
        workspace_name: "".into(),
        currency: "dollars".into(),
        paper_size: "A3".into(),
        min_group_size: "2".into(),
        credit_rate: "0".into(),
        weekly_load_hours: "lots".into(),
    };
    let Error::Invalid { details, .. } = update_settings(&mut store, &bad).unwrap_err() else {
        panic!("expected invalid input");
    };
    let fields: Vec<_> = details.iter().filter_map(|d| d.field.as_deref()).collect();
    assert_eq!(
        fields,
        vec![
            "workspaceName",
            "currency",
            "paperSize",
            "minGroupSize",
            "creditRate",
            "weeklyLoadHours"
        ]
    );
    assert_eq!(
        pilotdesk_core::store::settings::load(store.conn()).unwrap(),
        before
    );
}

#[test]
fn time_credit_settings_default_until_set() {
    let store = Store::open_in_memory().unwrap();
    let settings = pilotdesk_core::store::settings::load(store.conn()).unwrap();
    assert_eq!(settings.credit_rate, 1.0);
    assert_eq!(settings.weekly_load_hours, 4.0);
}
