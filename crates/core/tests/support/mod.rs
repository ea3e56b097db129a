//! Shared test helpers: temporary workspaces and reading PDFs back with poppler-utils.
#![allow(dead_code)]

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
