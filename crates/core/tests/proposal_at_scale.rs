//! A proposal stays short at any scale: a balance table of the groups instead of a roster
//! of every cohort manager, and the roster in a CSV beside the pack.

mod support;

use pilotdesk_core::workflows::generate::{generate, GenerateOptions};
use pilotdesk_core::workflows::packs;
use pilotdesk_core::Store;
use support::{date, pdf_text};

#[test]
fn a_large_cohort_prints_a_balance_table_and_its_roster_goes_beside_the_pack() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = generate(
        &mut store,
        &GenerateOptions {
            people: 3000,
            events: 2000,
            weeks: 26,
            seed: 9,
            end: date("2026-06-30"),
            effect_scale: 1.0,
        },
    )
    .unwrap();
    let managers = (summary.pilot_managers + summary.comparison_managers) as usize;
    assert!(managers > 200, "{managers} cohort managers");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("proposal.pdf");
    let record =
        packs::save_proposal(&mut store, summary.pilot_id, &out, None, date("2026-07-01")).unwrap();
    assert!(record.pages <= 12, "{} pages", record.pages);

    let text = pdf_text(&out);
    for expected in [
        "How alike the groups are before launch",
        "Team size, mean (SD)",
        "Tenure in years, mean (SD)",
        "Std.",
        "proposal-cohort.csv",
    ] {
        assert!(text.contains(expected), "missing \"{expected}\"");
    }
    let roster = std::fs::read_to_string(dir.path().join("proposal-cohort.csv")).unwrap();
    assert_eq!(
        roster.lines().count(),
        managers + 1,
        "a header and every manager"
    );
    assert!(roster.starts_with("\u{feff}group,wave,managerId,manager,team,people"));
}
