//! Shared test helpers: temporary workspaces and reading PDFs back with poppler-utils.
#![allow(dead_code)]

pub mod chat;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use pilotdesk_core::model::NewPilotInput;
use pilotdesk_core::Store;

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("test dates are valid")
}

pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("workspace.sqlite3");
    (dir, path)
}

pub fn demo_store() -> Store {
    let mut store = Store::open_in_memory().expect("an in-memory store");
    pilotdesk_core::workflows::demo::load_demo(&mut store, date("2026-11-23")).expect("demo loads");
    store
}

pub fn pilot_input(name: &str) -> NewPilotInput {
    NewPilotInput {
        name: name.into(),
        objective: "Prove that weekly micro-coaching lifts first-contact resolution.".into(),
        workflows: vec!["Customer escalation".into(), "Sales onboarding".into()],
        start_date: "2027-01-11".into(),
        sponsor: "Priya Raman".into(),
        budget: "12,500".into(),
        templates: vec![],
    }
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed for this test (scripts/setup installs poppler-utils): {e}")
    });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn pdf_text(path: &Path) -> String {
    poppler("pdftotext", &["-layout", &path.to_string_lossy(), "-"])
}

/// Text in the order it was drawn, so a table cell's wrapped lines stay together.
pub fn pdf_text_in_drawing_order(path: &Path) -> String {
    poppler("pdftotext", &["-raw", &path.to_string_lossy(), "-"])
}

/// One string per page.
pub fn pdf_pages(path: &Path) -> Vec<String> {
    pdf_text(path)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(String::from)
        .collect()
}

pub fn pdf_fonts(path: &Path) -> String {
    poppler("pdffonts", &[&path.to_string_lossy()])
}

pub fn pdf_info(path: &Path) -> String {
    poppler("pdfinfo", &[&path.to_string_lossy()])
}

/// True when every font row of `pdffonts` says it is embedded.
pub fn all_fonts_embedded(pdffonts_output: &str) -> bool {
    let rows: Vec<&str> = pdffonts_output
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    !rows.is_empty()
        && rows.iter().all(|row| {
            // Columns: name type encoding emb sub uni object ID; "emb" is 5th from the end.
            let fields: Vec<&str> = row.split_whitespace().collect();
            fields.len() >= 5 && fields[fields.len() - 5] == "yes"
        })
}

/// A pilot from the demo whose Step 1 is complete: two template workflows, two KPIs with
/// baselines and criteria, a randomised waitlist and an AI agenda. Returns its id.
pub fn designed_pilot(store: &mut Store) -> i64 {
    use pilotdesk_core::model::{BasicsInput, CohortInput, KpiInput};
    use pilotdesk_core::workflows::{cohort, design, kpis, pilots};
    let today = date("2026-11-23");
    let pilot = pilots::create_pilot(
        store,
        &NewPilotInput {
            name: "Sales and service coaching".into(),
            objective: "Shorten time to first deal and lift first-contact resolution.".into(),
            workflows: vec![],
            start_date: "2027-01-11".into(),
            sponsor: "Marcus Oyelaran".into(),
            budget: "20000".into(),
            templates: vec!["sales-onboarding".into(), "customer-escalation".into()],
        },
    )
    .expect("the pilot is created from templates");
    let design = design::load_design(store, pilot.id, today).unwrap();
    for (kpi, baseline, target) in design
        .kpis
        .iter()
        .zip(["74", "31", "68"])
        .zip(["10", "5", "4"])
        .map(|((k, b), t)| (k, b, t))
    {
        kpis::save_kpi(
            store,
            pilot.id,
            &KpiInput {
                id: Some(kpi.id),
                name: kpi.name.clone(),
                unit: kpi.unit.clone(),
                direction: kpi.direction.as_str().into(),
                value_per_unit: kpi
                    .value_per_unit
                    .map(|m| m.format_plain())
                    .unwrap_or_default(),
                data_source: kpi.data_source.clone(),
                baseline_start: "2026-07-01".into(),
                baseline_end: "2026-12-31".into(),
                baseline_value: baseline.into(),
                target_lift: target.into(),
                interval_above_zero: true,
            },
            today,
        )
        .expect("the KPI takes a baseline and a criterion");
    }
    cohort::set_cohort(
        store,
        pilot.id,
        &CohortInput {
            design: "randomised_waitlist".into(),
            manager_ids: vec![
                "E1007".into(),
                "E1008".into(),
                "E1024".into(),
                "E1025".into(),
            ],
            seed: "20261123".into(),
            ..Default::default()
        },
        today,
    )
    .expect("the cohort is drawn");
    design::update_basics(
        store,
        pilot.id,
        &BasicsInput {
            name: pilot.name.clone(),
            objective: pilot.objective.clone(),
            start_date: "2027-01-11".into(),
            sponsor: pilot.sponsor.clone(),
            budget: "20000".into(),
            ai_agenda: "new sellers' weekly 1:1s".into(),
        },
        today,
    )
    .expect("the AI agenda is set up");
    set_budget_lines(store, pilot.id);
    pilot.id
}

/// What the committed budget buys, line by line, and the time of the people in the pilot:
/// a design whose budget says nothing about what it buys is not complete.
pub fn set_budget_lines(store: &mut Store, pilot_id: i64) {
    use pilotdesk_core::model::{BudgetInput, BudgetLineInput, TimeCostsInput};
    let line = |category: &str, description: &str, pricing: &str, unit: &str, quantity: &str| {
        BudgetLineInput {
            category: category.into(),
            description: description.into(),
            pricing: pricing.into(),
            unit_cost: unit.into(),
            quantity: quantity.into(),
        }
    };
    pilotdesk_core::workflows::budget::set_budget(
        store,
        pilot_id,
        &BudgetInput {
            lines: vec![
                line(
                    "tooling",
                    "Prompt cards and calendar nudges",
                    "fixed",
                    "6000",
                    "1",
                ),
                line(
                    "analytics",
                    "KPI extracts and the monthly dashboard",
                    "fixed",
                    "9000",
                    "1",
                ),
                line(
                    "vendor",
                    "Coaching platform: manager seats",
                    "per_seat",
                    "120",
                    "4",
                ),
            ],
            time: TimeCostsInput {
                manager_hours_per_week: "1.5".into(),
                manager_hourly_cost: "70".into(),
                coach_count: "0".into(),
                coach_hours_per_week: "0".into(),
                coach_hourly_cost: "0".into(),
                coachee_hours_per_week: "0.5".into(),
                coachee_hourly_cost: "45".into(),
            },
        },
        date("2026-11-23"),
    )
    .expect("the budget lines are saved");
}

/// The id of the demo person holding a role.
pub fn person_with_role(store: &Store, role: &str) -> String {
    pilotdesk_core::workflows::workspace::list_people(store)
        .unwrap()
        .into_iter()
        .find(|p| p.role == role)
        .unwrap_or_else(|| panic!("the demo has a {role}"))
        .id
}

/// Acts as the demo person holding a role, for this connection.
pub fn act_as_role(store: &Store, role: &str) -> String {
    let id = person_with_role(store, role);
    pilotdesk_core::workflows::users::act_for_session(store, &id).unwrap();
    id
}

/// The demo's voting members for the default quorum: one per required function.
pub const QUORUM_ROLES: [&str; 4] = [
    "Head of People",
    "People Analyst",
    "Finance Director",
    "VP Sales",
];

/// The open item of a kind for a pilot.
pub fn open_item(store: &Store, pilot_id: i64, kind: pilotdesk_core::model::ItemKind) -> i64 {
    let today = date("2026-11-23");
    pilotdesk_core::workflows::review::review(store, pilot_id, None, today)
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.kind == kind && i.state == pilotdesk_core::model::ItemState::Open)
        .unwrap_or_else(|| panic!("an open {kind:?} item"))
        .id
}

/// Submits a designed pilot and has four members of the demo's steering group approve it
/// (HR, analytics, finance, frontline: four of six, a majority), then acts as the L&D lead
/// again. Returns the decision's id.
pub fn approve_by_vote(store: &mut Store, pilot_id: i64) -> i64 {
    use pilotdesk_core::model::{ItemKind, PilotStatus, VoteInput};
    use pilotdesk_core::workflows::{lifecycle, review};
    let today = date("2026-11-23");
    if pilotdesk_core::workflows::pilots::get_pilot(store, pilot_id)
        .unwrap()
        .status
        != PilotStatus::Submitted
    {
        lifecycle::submit(store, pilot_id, "", today).expect("the pilot submits");
    }
    let item = open_item(store, pilot_id, ItemKind::Approval);
    let mut decision = None;
    for role in QUORUM_ROLES {
        act_as_role(store, role);
        let cast = review::vote(
            store,
            item,
            &VoteInput {
                choice: "approve".into(),
                comment: String::new(),
            },
            today,
        )
        .unwrap_or_else(|e| panic!("{role} votes: {e}"));
        decision = cast.decision_id;
    }
    act_as_role(store, "L&D Lead");
    decision.expect("four approvals of six decide")
}

/// Writes a file into a temporary folder and returns its path.
pub fn write_file(dir: &tempfile::TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("the test file is written");
    path
}

/// Every row of the tables imports and the other data workflows write, as text, so a test
/// can say "nothing changed" and mean it.
pub fn snapshot(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for table in [
        "people",
        "person_history",
        "coaching_events",
        "kpi_observations",
        "imports",
        "change_log",
        "settings",
        "pilots",
        "pilot_kpis",
        "pilot_cohort",
    ] {
        let mut statement = store
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let columns = statement.column_count();
        let rows = statement
            .query_map([], |row| {
                let cells: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect();
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

pub fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

pub fn import_request(
    kind: pilotdesk_core::model::ImportKind,
    path: &Path,
) -> pilotdesk_core::model::ImportRequest {
    pilotdesk_core::model::ImportRequest {
        kind,
        path: path.display().to_string(),
        sheet: None,
        mapping: Vec::new(),
        dry_run: false,
    }
}

/// The problems of a refused import as (line, column, message).
pub fn problems(error: pilotdesk_core::Error) -> Vec<(Option<u32>, Option<u32>, String)> {
    match error {
        pilotdesk_core::Error::Invalid { details, .. } => details
            .into_iter()
            .map(|d| (d.line, d.column, d.message))
            .collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}
