mod support;

use pilotdesk_core::model::PaperSize;
use pilotdesk_core::packs::document::{Block, Column, PackDocument, Table};
use pilotdesk_core::packs::render;
use pilotdesk_core::workflows::packs::{list_packs, render_proposal, save_proposal};
use support::{all_fonts_embedded, date, demo_store, pdf_fonts, pdf_info, pdf_pages, pdf_text};

#[test]
fn the_proposal_pack_prints_the_pilot_and_embeds_its_fonts() {
    let mut store = demo_store();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("proposal.pdf");
    let record = save_proposal(&mut store, 1, &out, None, date("2026-11-23")).unwrap();

    let text = pdf_text(&out);
    for expected in [
        "Sales onboarding coaching pilot",
        "Marcus Oyelaran",
        "14 Dec 2026",
        "14 Mar 2027",
        "Sales onboarding",
        "Customer escalation",
        "USD 18,000",
        "Decision requested by 7 Dec 2026",
    ] {
        assert!(
            text.contains(expected),
            "the pack lacks {expected:?}:\n{text}"
        );
    }
    assert!(all_fonts_embedded(&pdf_fonts(&out)), "{}", pdf_fonts(&out));

    let pages = pdf_pages(&out);
    assert_eq!(pages.len() as u32, record.pages);
    assert!(
        pages[0].contains("Decision requested by"),
        "page 1 leads with the ask"
    );
    for (index, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("page {} of {}", index + 1, pages.len())),
            "{page}"
        );
        assert!(page.contains("Pilot proposal") && page.contains("Produced 23 Nov 2026"));
        assert!(page.contains(&record.content_hash[..16]));
    }

    assert_eq!(list_packs(&store).unwrap(), vec![record.clone()]);
    assert_eq!(record.path.as_deref(), Some(out.to_string_lossy().as_ref()));
}

#[test]
fn paper_size_changes_the_pages_but_not_the_content_hash() {
    let store = demo_store();
    let dir = tempfile::tempdir().unwrap();
    let today = date("2026-11-23");
    let (a4, a4_record) = render_proposal(&store, 1, Some(PaperSize::A4), today).unwrap();
    let (letter, letter_record) =
        render_proposal(&store, 1, Some(PaperSize::Letter), today).unwrap();
    let (a4_path, letter_path) = (dir.path().join("a4.pdf"), dir.path().join("letter.pdf"));
    std::fs::write(&a4_path, &a4.bytes).unwrap();
    std::fs::write(&letter_path, &letter.bytes).unwrap();
    assert!(
        pdf_info(&a4_path).contains("(A4)"),
        "{}",
        pdf_info(&a4_path)
    );
    assert!(
        pdf_info(&letter_path).contains("612 x 792 pts (letter)"),
        "{}",
        pdf_info(&letter_path)
    );
    assert_eq!(a4.content_hash, letter.content_hash);
    assert_eq!(
        (a4_record.paper_size, letter_record.paper_size),
        (PaperSize::A4, PaperSize::Letter)
    );
}

#[test]
fn saving_a_pack_changes_the_next_packs_hash_through_its_record_of_changes() {
    let mut store = demo_store();
    let dir = tempfile::tempdir().unwrap();
    let today = date("2026-11-23");
    let first = save_proposal(&mut store, 1, &dir.path().join("1.pdf"), None, today).unwrap();
    let second = save_proposal(&mut store, 1, &dir.path().join("2.pdf"), None, today).unwrap();
    assert_ne!(first.content_hash, second.content_hash);
    assert!(pdf_text(&dir.path().join("2.pdf")).contains("Produced the proposal pack"));
}

#[test]
fn the_content_hash_follows_the_content() {
    let doc = |paragraph: &str| PackDocument {
        title: "Test pack".into(),
        subject: "Hashing".into(),
        subject_label: None,
        produced_on: date("2026-11-23"),
        draft: false,
        blocks: vec![Block::Paragraph(paragraph.into())],
    };
    assert_eq!(doc("same").content_hash(), doc("same").content_hash());
    assert_ne!(doc("same").content_hash(), doc("different").content_hash());
    assert_eq!(doc("same").content_hash().len(), 64);
}

#[test]
fn long_tables_break_across_pages_and_repeat_their_header() {
    let rows: Vec<Vec<String>> = (1..=140)
        .map(|i| {
            vec![
                format!("Row {i:03}"),
                format!("Ünïcode détail {i} — Łódź, Zoë"),
            ]
        })
        .collect();
    let doc = PackDocument {
        title: "Long table".into(),
        subject: "Pagination".into(),
        subject_label: None,
        produced_on: date("2026-11-23"),
        draft: false,
        blocks: vec![
            Block::Title("A long table".into()),
            Block::Table(Table {
                columns: vec![
                    Column::left("Item label", 1.0),
                    Column::left("Detail column", 3.0),
                ],
                rows,
                note: Some("Source: generated rows".into()),
            }),
        ],
    };
    let rendered = render(&doc, PaperSize::A4).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("table.pdf");
    std::fs::write(&path, &rendered.bytes).unwrap();

    let pages = pdf_pages(&path);
    assert!(
        pages.len() >= 3,
        "140 rows take several pages, got {}",
        pages.len()
    );
    assert_eq!(pages.len(), rendered.pages);
    for (index, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Item label") && page.contains("Detail column"),
            "page {} lacks the header",
            index + 1
        );
        assert!(page.contains(&format!("page {} of {}", index + 1, pages.len())));
    }
    let text = pdf_text(&path);
    for i in [1, 70, 140] {
        assert_eq!(
            text.matches(&format!("Row {i:03} ")).count(),
            1,
            "row {i} printed once"
        );
    }
    assert!(text.contains("Łódź, Zoë"), "Unicode survives");
    assert!(pages.last().unwrap().contains("Source: generated rows"));
}

#[test]
fn a_pack_for_a_missing_folder_is_refused_and_nothing_is_recorded() {
    let mut store = demo_store();
    let out = std::path::Path::new("/nonexistent-folder-for-pilotdesk/proposal.pdf");
    let error = save_proposal(&mut store, 1, out, None, date("2026-11-23")).unwrap_err();
    assert_eq!(error.code(), "invalid_input");
    assert!(error.to_string().contains("does not exist"), "{error}");
    assert!(list_packs(&store).unwrap().is_empty());
}

#[test]
fn a_pack_for_an_unknown_pilot_is_not_found() {
    let mut store = demo_store();
    let dir = tempfile::tempdir().unwrap();
    let error = save_proposal(
        &mut store,
        99,
        &dir.path().join("x.pdf"),
        None,
        date("2026-11-23"),
    )
    .unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "no file was left behind"
    );
}

#[test]
fn a_designed_pilots_proposal_prints_its_whole_design() {
    use pilotdesk_core::model::{BasicsInput, BudgetInput, BudgetLineInput, TimeCostsInput};
    use pilotdesk_core::workflows::{budget, design};
    let mut store = demo_store();
    let id = support::designed_pilot(&mut store);
    let today = date("2026-11-23");
    budget::set_budget(
        &mut store,
        id,
        &BudgetInput {
            lines: vec![BudgetLineInput {
                category: "vendor".into(),
                description: "Negotiation skill modules".into(),
                pricing: "per_module".into(),
                unit_cost: "400".into(),
                quantity: "8".into(),
            }],
            time: TimeCostsInput {
                manager_hours_per_week: "1.5".into(),
                manager_hourly_cost: "65".into(),
                ..Default::default()
            },
        },
        today,
    )
    .unwrap();
    let loaded = design::load_design(&store, id, today).unwrap();
    assert_eq!(loaded.readiness.steps[0].done, 11);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("designed.pdf");
    save_proposal(&mut store, id, &out, None, today).unwrap();
    // Collapse layout whitespace so phrases wrapped across table lines still match.
    let flat = |path: &std::path::Path| {
        support::pdf_text_in_drawing_order(path)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = flat(&out);
    for expected in [
        "Micro-coaching playbooks",
        "Uncover the buyer's business problem before presenting the product",
        "2× a week, 10 min",
        "Discovery questioning (45-minute module)",
        "What success looks like",
        "74 days over 1 Jul – 31 Dec 2026",
        "Scale if days to first closed deal falls by at least 10 days",
        "How the effect will be isolated",
        "Randomised waitlist",
        "seed 20261123",
        "Budget: the fully loaded cost",
        "Vendor: Negotiation skill modules",
        "8 × USD 400 per module",
        "Managers' coaching time",
        "Readiness checklist",
        "11 of 11 items met or waived",
        "Risks and mitigations",
        "Manager overload",
        "difference-in-differences",
        "Phillips",
    ] {
        assert!(text.contains(expected), "the pack lacks {expected:?}");
    }
    let total = loaded.estimate.total.format_with("USD");
    assert!(
        text.contains(&total),
        "the fully loaded total {total} is printed"
    );

    // A waiver is printed with who waived it, when and why.
    design::update_basics(
        &mut store,
        id,
        &BasicsInput {
            name: loaded.pilot.name.clone(),
            objective: String::new(),
            start_date: "2027-01-11".into(),
            sponsor: "Marcus Oyelaran".into(),
            budget: "20000".into(),
            ai_agenda: String::new(),
        },
        today,
    )
    .unwrap();
    design::mark_item(
        &mut store,
        id,
        "ai_agenda",
        "waived",
        "Agendas stay manual until day 45",
        today,
    )
    .unwrap();
    // The waiver is dated by the clock when it was recorded, not by the pack's `today`.
    let waived_at = design::load_design(&store, id, today).unwrap().marks[0]
        .at
        .clone();
    let waived_on = pilotdesk_core::packs::dates::long_date(
        chrono::DateTime::parse_from_rfc3339(&waived_at)
            .unwrap()
            .date_naive(),
    );
    let waived = dir.path().join("waived.pdf");
    save_proposal(&mut store, id, &waived, None, today).unwrap();
    let text = flat(&waived);
    assert!(
        text.contains(&format!(
            "Waived by Isla Okafor on {waived_on}: Agendas stay manual until day 45"
        )),
        "{text}"
    );
    assert!(text.contains("Waived item: An AI-assisted agenda set up or waived"));
}
