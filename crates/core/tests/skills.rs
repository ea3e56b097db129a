//! Skills as a service through the workflows: frameworks in and out of the store, the
//! catalog, purchases in the budget and the ROI, assignments, ratings, and the figures
//! checked against values worked out by hand.
mod support;

use pilotdesk_core::model::skills::*;
use pilotdesk_core::model::{Person, VendorInput};
use pilotdesk_core::workflows::skills::{assignments, catalog, frameworks, ratings, report};
use pilotdesk_core::workflows::{design, pilots, vendors};
use pilotdesk_core::Store;
use support::{date, pilot_input};

const VENDOR: &str = "Brightpath Learning";

fn person(id: &str, name: &str, team: &str, role: &str, manager: Option<&str>) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        email: format!("{}@example.org", id.to_lowercase()),
        team: team.into(),
        role: role.into(),
        manager_id: manager.map(String::from),
        hire_date: Some(date("2025-01-06")),
        leaving_date: None,
    }
}

/// A manager and five agents in Support, the shipped framework, a vendor and a pilot.
fn workspace() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let tx = store.write().unwrap();
    let day = date("2026-01-05");
    pilotdesk_core::store::people::insert(
        &tx,
        &person("M1", "Mara Lind", "Support", "Support Manager", None),
        day,
    )
    .unwrap();
    for (n, name) in [
        "Ana Ruiz",
        "Ben Okafor",
        "Cleo Marsh",
        "Dev Patel",
        "Eli Stone",
    ]
    .iter()
    .enumerate()
    {
        let id = format!("P{}", n + 1);
        pilotdesk_core::store::people::insert(
            &tx,
            &person(&id, name, "Support", "Agent", Some("M1")),
            day,
        )
        .unwrap();
    }
    tx.commit().unwrap();
    frameworks::install_builtin(&mut store).unwrap();
    vendors::save_vendor(
        &mut store,
        None,
        &VendorInput {
            vendor: VENDOR.into(),
            offering: "Skill modules for support teams".into(),
            pricing: "per_seat".into(),
            unit_price: "40".into(),
            contract_months: "12".into(),
            ..VendorInput::default()
        },
    )
    .unwrap();
    let pilot = pilots::create_pilot(&mut store, &pilot_input("Support pilot")).unwrap();
    (store, pilot.id)
}

fn competency(store: &Store, code: &str) -> i64 {
    frameworks::find_competency(store, code).unwrap()
}

fn module_input(store: &Store, title: &str, pricing: &str, builds: &[(&str, &str)]) -> ModuleInput {
    ModuleInput {
        title: title.into(),
        vendor: VENDOR.to_lowercase(),
        duration_hours: "1.5".into(),
        delivery: "self_paced".into(),
        pricing: pricing.into(),
        price: "40".into(),
        targets: builds
            .iter()
            .map(|(code, level)| ModuleTargetInput {
                competency_id: Some(competency(store, code)),
                target_level: (*level).into(),
            })
            .collect(),
    }
}

fn add_module(
    store: &mut Store,
    title: &str,
    pricing: &str,
    builds: &[(&str, &str)],
    today: chrono::NaiveDate,
) -> SkillModule {
    let input = module_input(store, title, pricing, builds);
    catalog::save_module(store, None, &input, today).unwrap()
}

fn rate(store: &mut Store, person: &str, code: &str, level: u32, on: &str, rater: &str) {
    let competency_id = Some(competency(store, code));
    ratings::rate(
        store,
        &RatingInput {
            person_id: person.into(),
            competency_id,
            level: level.to_string(),
            rater: rater.into(),
            rated_on: on.into(),
            evidence: String::new(),
        },
        date(on),
    )
    .unwrap();
}

#[test]
fn speed_to_competency_and_role_readiness_match_the_hand_computed_values() {
    let (mut store, pilot) = workspace();
    let start = date("2026-02-02");
    let module = add_module(
        &mut store,
        "Root-cause diagnosis",
        "per_seat_month",
        &[("CE.2", "3")],
        start,
    );
    assert_eq!(
        module.vendor, VENDOR,
        "the vendor is the one in Vendors, as spelled there"
    );
    let made = assignments::assign(
        &mut store,
        &AssignInput {
            module_id: module.id,
            team: Some("support".into()),
            pilot_id: Some(pilot),
            due_on: "2026-03-16".into(),
            ..AssignInput::default()
        },
        start,
    )
    .unwrap();
    // The manager is in the team too: six people assigned.
    assert_eq!(made.len(), 6);
    for role in [("CE.2", "3"), ("CE.1", "2")] {
        let competency_id = Some(competency(&store, role.0));
        ratings::set_requirement(
            &mut store,
            &RoleRequirementInput {
                role: "agent".into(),
                competency_id,
                level: role.1.into(),
            },
        )
        .unwrap();
    }
    // Reaching CE.2 at 3: P1 after 10 days, P2 after 20, P4 after 30. P3 gets only to 2 and
    // P5 and the manager are not rated: censored at day 40.
    rate(&mut store, "P1", "CE.2", 3, "2026-02-12", "manager");
    rate(&mut store, "P2", "CE.2", 4, "2026-02-22", "assessor");
    rate(&mut store, "P3", "CE.2", 2, "2026-02-22", "manager");
    rate(&mut store, "P4", "CE.2", 3, "2026-03-04", "manager");
    // A rating before the assignment does not count as reaching it after.
    rate(&mut store, "P5", "CE.2", 1, "2026-02-01", "manager");
    // CE.1: P1 meets it; P2's self-rating does not count.
    rate(&mut store, "P1", "CE.1", 2, "2026-02-20", "manager");
    rate(&mut store, "P2", "CE.1", 3, "2026-02-20", "self");
    let today = date("2026-03-14");

    let figures = report::pilot_report(&store, pilot, today).unwrap();
    let speed = &figures.speed[0];
    // By hand (Kaplan-Meier over 6 people: reached at 10, 20, 30; censored at 40 × 3):
    // S(10) = 5/6, S(20) = 5/6 × 4/5 = 4/6, S(30) = 4/6 × 3/4 = 3/6 = 0.5: median 30 days.
    // First quartile: S ≤ 0.75 at 20 days. Third: S never falls to 0.25: unknown.
    assert_eq!((speed.people, speed.reached, speed.censored), (6, 3, 3));
    assert_eq!(speed.median_days, Some(30.0));
    assert_eq!(speed.quartile_low_days, Some(20.0));
    assert_eq!(speed.quartile_high_days, None);
    assert_eq!(figures.competencies_gained, 3);

    let profile = report::profile(&store, "P1", today).unwrap();
    assert_eq!(profile.readiness, Some(1.0));
    let profile = report::profile(&store, "P2", today).unwrap();
    assert_eq!(
        profile.readiness,
        Some(0.5),
        "P2 meets CE.2 only; a self-rating does not count"
    );
    assert!(
        !profile
            .requirements
            .iter()
            .find(|r| r.requirement.competency.starts_with("CE.1"))
            .unwrap()
            .met
    );

    // The team: agents P1..P5 hold 2 requirements each (10); met: P1 2, P2 1, P4 1 = 4.
    let heat = report::heatmap(&store, None, today).unwrap();
    let row = heat.rows.iter().find(|r| r.team == "Support").unwrap();
    assert!(!row.suppressed, "six people are above the floor of five");
    assert_eq!(row.readiness, Some(0.4));
    let cell = |code: &str| {
        let id = competency(&store, code);
        row.cells
            .iter()
            .find(|c| c.competency_id == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            cell("CE.2").met,
            cell("CE.2").required_of,
            cell("CE.2").share
        ),
        (3, 5, Some(0.6))
    );
    assert_eq!(
        (
            cell("CE.1").met,
            cell("CE.1").required_of,
            cell("CE.1").share
        ),
        (1, 5, Some(0.2))
    );
}

#[test]
fn a_purchase_is_a_vendor_fee_in_the_budget_and_the_checklist_reads_it() {
    let (mut store, pilot) = workspace();
    let today = date("2026-02-02");
    let module = add_module(
        &mut store,
        "Handling escalations",
        "per_seat_month",
        &[("CE.1", "3")],
        today,
    );
    let before = design::load_design(&store, pilot, today).unwrap();
    let bought = catalog::buy_module(
        &mut store,
        &PurchaseInput {
            module_id: module.id,
            pilot_id: Some(pilot),
            seats: "5".into(),
            months: "3".into(),
            starts_on: "2026-02-02".into(),
        },
    )
    .unwrap();
    assert_eq!(bought.total.cents(), 40_00 * 5 * 3);
    assert_eq!(bought.ends_on, "2026-05-01");
    let after = design::load_design(&store, pilot, today).unwrap();
    assert_eq!(after.purchase_lines.len(), 1);
    assert!(after.purchase_lines[0]
        .description
        .contains("Handling escalations"));
    assert_eq!(
        after.estimate.vendor.cents() - before.estimate.vendor.cents(),
        bought.total.cents()
    );
    assert!(
        after.budget_lines == before.budget_lines,
        "typed budget lines are left alone"
    );

    // Step 3 of the checklist applies from the day-90 outcome; what it will read is here now.
    let facts = |store: &Store| catalog::readiness_facts(store.conn(), pilot, today).unwrap();
    assert_eq!(
        (
            facts(&store).purchases,
            facts(&store).seats,
            facts(&store).assigned
        ),
        (1, 5, 0)
    );
    assert!(facts(&store)
        .catalog
        .contains(&"Handling escalations".to_string()));
    assignments::assign(
        &mut store,
        &AssignInput {
            module_id: module.id,
            person_id: Some("P1".into()),
            pilot_id: Some(pilot),
            due_on: "2026-03-01".into(),
            ..AssignInput::default()
        },
        today,
    )
    .unwrap();
    assert_eq!(facts(&store).assigned, 1);

    let modules = catalog::list_modules(&store, today).unwrap();
    assert_eq!(
        (modules[0].seats_bought, modules[0].seats_used),
        (Some(5), 1)
    );
    let later = catalog::list_modules(&store, date("2026-06-01")).unwrap();
    assert_eq!(
        later[0].seats_bought,
        Some(0),
        "the seats lapsed with their period"
    );
}

#[test]
fn bad_input_is_refused_with_each_field_and_nothing_is_written() {
    let (mut store, _) = workspace();
    let today = date("2026-02-02");
    let mut input = module_input(&store, "", "per_fortnight", &[("CE.1", "9")]);
    input.vendor = "Nobody Ltd".into();
    input.duration_hours = "soon".into();
    let error = catalog::save_module(&mut store, None, &input, today).unwrap_err();
    let api = pilotdesk_core::ApiError::from(error);
    let fields: Vec<_> = api.details.iter().filter_map(|d| d.field.clone()).collect();
    for field in [
        "title",
        "vendor",
        "durationHours",
        "pricing",
        "targets[0].targetLevel",
    ] {
        assert!(fields.contains(&field.to_string()), "{field} in {fields:?}");
    }
    assert!(
        api.details.iter().any(|d| d.message.contains(VENDOR)),
        "names the known vendors"
    );
    assert!(catalog::list_modules(&store, today).unwrap().is_empty());

    let module = add_module(&mut store, "Triage", "per_module", &[("CE.2", "2")], today);
    let error = assignments::assign(
        &mut store,
        &AssignInput {
            module_id: module.id,
            team: Some("Nowhere".into()),
            due_on: "2026-01-01".into(),
            ..AssignInput::default()
        },
        today,
    )
    .unwrap_err();
    let api = pilotdesk_core::ApiError::from(error);
    assert_eq!(api.details.len(), 2, "{:?}", api.details);
    let ce2 = Some(competency(&store, "CE.2"));
    let error = ratings::rate(
        &mut store,
        &RatingInput {
            person_id: "P1".into(),
            competency_id: ce2,
            level: "7".into(),
            rater: "boss".into(),
            rated_on: "2026-02-02".into(),
            evidence: String::new(),
        },
        today,
    )
    .unwrap_err();
    let api = pilotdesk_core::ApiError::from(error);
    assert!(
        api.details
            .iter()
            .any(|d| d.field.as_deref() == Some("level") && d.message.contains("Proficient")),
        "{:?}",
        api.details
    );
    assert!(api
        .details
        .iter()
        .any(|d| d.field.as_deref() == Some("rater")));
    assert!(report::profile(&store, "P1", today)
        .unwrap()
        .ratings
        .is_empty());
}

#[test]
fn a_later_version_of_a_framework_updates_it_and_keeps_what_refers_to_it() {
    let (mut store, _) = workspace();
    let today = date("2026-02-02");
    let id = frameworks::list_frameworks(&store).unwrap()[0].id;
    let exported = frameworks::export_framework(&store, id).unwrap();
    let mut package: serde_json::Value = serde_json::from_str(&exported).unwrap();
    let original: serde_json::Value =
        serde_json::from_str(pilotdesk_core::import::case::BUILT_IN).unwrap();
    assert_eq!(
        canonical(&package),
        canonical(&original),
        "the store gives back the package it was given"
    );

    // Module and rating on CE.4, then a version without CE.4 and with an edited CE.1.
    let ce4 = competency(&store, "CE.4");
    add_module(
        &mut store,
        "Closing the loop",
        "per_module",
        &[("CE.4", "2")],
        today,
    );
    let items = package["CFItems"].as_array_mut().unwrap();
    let ce4_identifier = items
        .iter()
        .find(|i| i["humanCodingScheme"] == "CE.4")
        .unwrap()["identifier"]
        .clone();
    items.retain(|i| i["identifier"] != ce4_identifier);
    let ce1 = items
        .iter_mut()
        .find(|i| i["humanCodingScheme"] == "CE.1")
        .unwrap();
    ce1["fullStatement"] = serde_json::Value::String("Handles an escalated call with care.".into());
    package["CFAssociations"]
        .as_array_mut()
        .unwrap()
        .retain(|a| {
            a["originNodeURI"]["identifier"] != ce4_identifier
                && a["destinationNodeURI"]["identifier"] != ce4_identifier
        });
    if let Some(rubrics) = package.get_mut("CFRubrics").and_then(|r| r.as_array_mut()) {
        for rubric in rubrics {
            if let Some(criteria) = rubric
                .get_mut("CFRubricCriteria")
                .and_then(|c| c.as_array_mut())
            {
                criteria.retain(|c| c["CFItemURI"]["identifier"] != ce4_identifier);
            }
        }
    }
    let done = frameworks::import_framework(&mut store, &package.to_string(), "v2.json").unwrap();
    assert!(done.updated);
    assert_eq!(
        (done.added, done.changed, done.retired, done.removed),
        (0, 1, 1, 0)
    );
    assert_eq!(
        frameworks::list_frameworks(&store).unwrap().len(),
        1,
        "updated, not duplicated"
    );
    let view = frameworks::view_framework(&store, id).unwrap();
    assert!(
        view.competencies.iter().all(|c| c.id != ce4),
        "retired items leave the tree"
    );
    assert!(view
        .competencies
        .iter()
        .any(|c| c.statement == "Handles an escalated call with care."));
    let modules = catalog::list_modules(&store, today).unwrap();
    assert_eq!(
        modules[0].targets[0].competency_id, ce4,
        "the module keeps its competency"
    );
    let again = frameworks::export_framework(&store, id).unwrap();
    assert!(
        !again.contains(ce4_identifier.as_str().unwrap()),
        "a retired item is not exported"
    );
}

/// Arrays of objects sorted by identifier (or by their text), so order does not matter.
fn canonical(value: &serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Array(items) => {
            let mut items: Vec<serde_json::Value> = items.iter().map(canonical).collect();
            items.sort_by_key(|v| {
                v.get("identifier")
                    .map_or_else(|| v.to_string(), |i| i.to_string())
            });
            serde_json::Value::Array(items)
        }
        serde_json::Value::Object(map) => {
            serde_json::Value::Object(map.iter().map(|(k, v)| (k.clone(), canonical(v))).collect())
        }
        other => other.clone(),
    }
}

#[test]
fn the_demo_running_pilot_counts_its_module_purchases_in_the_roi() {
    let mut store = Store::open_in_memory().unwrap();
    let today = date("2026-11-23");
    pilotdesk_core::workflows::demo::load_full_demo(&mut store, today).unwrap();
    let running = pilots::list_pilots(&store)
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Support escalation pilot")
        .unwrap()
        .id;
    let roi = |store: &Store| {
        pilotdesk_core::workflows::analytics::dashboard(store, running, today)
            .unwrap()
            .roi
            .expect("the running pilot has an ROI")
            .figures
    };
    let before = roi(&store);
    assert!(
        before
            .costs
            .iter()
            .any(|c| c.label.contains("De-escalation language")),
        "{:?}",
        before.costs.iter().map(|c| &c.label).collect::<Vec<_>>()
    );
    let module = catalog::find_module(&store, "Writing useful case notes").unwrap();
    let bought = catalog::buy_module(
        &mut store,
        &PurchaseInput {
            module_id: module,
            pilot_id: Some(running),
            seats: "4".into(),
            months: "2".into(),
            starts_on: today.to_string(),
        },
    )
    .unwrap();
    let after = roi(&store);
    assert_eq!(
        after.costs_total.cents() - before.costs_total.cents(),
        bought.total.cents(),
        "a purchase adds exactly its total to the fully loaded cost"
    );

    // The demo's own skills figures: assignments in the pilot team, speed with censoring.
    let figures = report::pilot_report(&store, running, today).unwrap();
    assert!(figures.assignments >= 10, "{}", figures.assignments);
    assert!(figures
        .speed
        .iter()
        .all(|s| s.reached + s.censored == s.people));
    assert!(figures.speed.iter().any(|s| s.censored > 0));
    assert!(figures.cost_per_competency_gained.is_some());
}

#[test]
fn a_package_from_elsewhere_goes_through_the_store_unchanged_and_a_bad_one_writes_nothing() {
    let (mut store, _) = workspace();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/case/northfield-workplace-communication.case.json"
    );
    let text = std::fs::read_to_string(fixture).unwrap();
    let done = frameworks::import_framework(&mut store, &text, "northfield.json").unwrap();
    assert!(!done.updated);
    let exported = frameworks::export_framework(&store, done.framework.id).unwrap();
    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    let back: serde_json::Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(canonical(&back), canonical(&original));

    // Three problems in one file: all three reported with their JSON paths; nothing written.
    let mut broken = original.clone();
    broken["CFItems"][0]["identifier"] = "not-a-uuid".into();
    broken["CFItems"][1]
        .as_object_mut()
        .unwrap()
        .remove("fullStatement");
    broken["CFAssociations"][0]["associationType"] = "isCousinOf".into();
    let before = frameworks::list_frameworks(&store).unwrap();
    let count_changes = |store: &Store| -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))
            .unwrap()
    };
    let changes_before = count_changes(&store);
    let error = frameworks::import_framework(
        &mut store,
        &serde_json::to_string_pretty(&broken).unwrap(),
        "broken.json",
    )
    .unwrap_err();
    let api = pilotdesk_core::ApiError::from(error);
    let paths: Vec<String> = api.details.iter().filter_map(|d| d.field.clone()).collect();
    for path in [
        "$.CFItems[0].identifier",
        "$.CFItems[1].fullStatement",
        "$.CFAssociations[0].associationType",
    ] {
        assert!(paths.iter().any(|p| p == path), "{path} in {paths:?}");
    }
    assert!(api
        .details
        .iter()
        .all(|d| d.line.is_some() && d.file.as_deref() == Some("broken.json")));
    assert_eq!(frameworks::list_frameworks(&store).unwrap(), before);
    assert_eq!(count_changes(&store), changes_before);
}

#[test]
fn no_total_gives_back_a_competency_hidden_by_the_privacy_floor() {
    let (mut store, pilot) = workspace();
    let start = date("2026-02-02");
    let team_module = add_module(
        &mut store,
        "Diagnosis",
        "per_module",
        &[("CE.2", "3")],
        start,
    );
    let few_module = add_module(
        &mut store,
        "Calm calls",
        "per_module",
        &[("CE.1", "3")],
        start,
    );
    assignments::assign(
        &mut store,
        &AssignInput {
            module_id: team_module.id,
            team: Some("Support".into()),
            pilot_id: Some(pilot),
            due_on: "2026-03-16".into(),
            ..AssignInput::default()
        },
        start,
    )
    .unwrap();
    for person in ["P1", "P2", "P3"] {
        assignments::assign(
            &mut store,
            &AssignInput {
                module_id: few_module.id,
                person_id: Some(person.into()),
                pilot_id: Some(pilot),
                due_on: "2026-03-16".into(),
                ..AssignInput::default()
            },
            start,
        )
        .unwrap();
    }
    rate(&mut store, "P1", "CE.2", 3, "2026-02-12", "manager");
    rate(&mut store, "P1", "CE.1", 3, "2026-02-12", "manager");
    rate(&mut store, "P2", "CE.1", 3, "2026-02-13", "manager");
    let figures = report::pilot_report(&store, pilot, date("2026-03-01")).unwrap();
    let row = |code: &str| {
        let id = competency(&store, code);
        figures
            .speed
            .iter()
            .find(|s| s.competency_id == id)
            .unwrap()
            .clone()
    };
    assert!(!row("CE.2").hidden && row("CE.2").reached == 1);
    assert!(
        row("CE.1").hidden,
        "three people are under the floor of five"
    );
    assert_eq!((row("CE.1").people, row("CE.1").reached), (0, 0));
    assert_eq!(
        figures.competencies_gained, 1,
        "the two CE.1 gains are not in the total"
    );
    assert_eq!(figures.cost_per_competency_gained, None);

    // The heatmap: the five agents need CE.2; the one manager needs CE.1 (hidden).
    for (role, code) in [("Agent", "CE.2"), ("Support Manager", "CE.1")] {
        let competency_id = Some(competency(&store, code));
        ratings::set_requirement(
            &mut store,
            &RoleRequirementInput {
                role: role.into(),
                competency_id,
                level: "3".into(),
            },
        )
        .unwrap();
    }
    let heat = report::heatmap(&store, None, date("2026-03-01")).unwrap();
    let support = heat.rows.iter().find(|r| r.team == "Support").unwrap();
    let ce1 = competency(&store, "CE.1");
    let hidden = support
        .cells
        .iter()
        .find(|c| c.competency_id == ce1)
        .unwrap();
    assert!(hidden.hidden && hidden.required_of == 0 && hidden.share.is_none());
    // Shown: CE.2, 1 of 5 met. The manager's hidden CE.1 is not pooled in.
    assert_eq!(support.readiness, Some(0.2));
}
