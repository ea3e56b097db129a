//! The governance pages of the packs, read back with poppler: the proposal's approval page
//! and the one-page decision record, for a voted decision and for a tranche release.
mod support;

use pilotdesk_core::model::{PackKind, PilotStatus, TrancheInput, VoteInput};
use pilotdesk_core::workflows::packs::{list_packs, save_decision, save_proposal};
use pilotdesk_core::workflows::{design, lifecycle, review, tranches};
use support::{
    act_as_role, approve_by_vote, date, demo_store, designed_pilot, open_item, pdf_pages,
    pdf_text_in_drawing_order,
};

/// The text in drawing order, so a table cell's wrapped lines stay together.
fn flat(path: &std::path::Path) -> String {
    pdf_text_in_drawing_order(path)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_proposal_has_an_approval_page_with_members_votes_and_signature_lines() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let today = date("2026-11-23");
    let dir = tempfile::tempdir().unwrap();

    let before = dir.path().join("before.pdf");
    save_proposal(&mut store, id, &before, None, today).unwrap();
    let text = flat(&before);
    assert!(text.contains("Approval by the steering group"));
    assert!(text.contains("Not yet submitted to the steering group"));
    assert!(
        text.contains("Helen Castillo Head of People HR Not yet voted"),
        "{text}"
    );
    // Printed before the decision it asks for: a draft on every page, with no signature lines
    // to sign, saying what still stands between it and the decision.
    assert!(!text.contains("Signature"), "{text}");
    assert!(text.contains("Draft: not yet decided by the steering group"));
    assert!(text.contains("Every Step 1 item of the readiness checklist is met or waived"));
    let pages = pdf_pages(&before);
    assert!(pages.len() > 3);
    for (number, page) in pages.iter().enumerate() {
        assert!(page.contains("DRAFT"), "page {} says DRAFT", number + 1);
    }

    lifecycle::submit(&mut store, id, "", today).unwrap();
    let item = open_item(&store, id, pilotdesk_core::model::ItemKind::Approval);
    act_as_role(&store, "People Analyst");
    review::vote(
        &mut store,
        item,
        &VoteInput {
            choice: "request_changes".into(),
            comment: "Six managers would narrow the interval".into(),
        },
        today,
    )
    .unwrap();
    let pending = dir.path().join("pending.pdf");
    save_proposal(&mut store, id, &pending, None, today).unwrap();
    let text = flat(&pending);
    assert!(
        text.contains("Not decided yet. Waiting for a vote from HR, Finance and Front line"),
        "{text}"
    );
    assert!(
        text.contains("Request changes Six managers would narrow the interval"),
        "{text}"
    );

    // The approval page starts a page of its own and the appendix follows on the next.
    let pages = pdf_pages(&pending);
    let approval = pages
        .iter()
        .position(|p| p.contains("Approval by the steering group"))
        .unwrap();
    assert!(pages[approval].trim_start().starts_with("Pilot proposal"));
    assert!(pages[approval + 1].contains("Appendix: methods, assumptions and data lineage"));

    // Once approved it is final: the signature lines are back and no page says DRAFT.
    for role in [
        "Head of People",
        "Finance Director",
        "VP Sales",
        "VP Customer Experience",
    ] {
        act_as_role(&store, role);
        review::vote(
            &mut store,
            item,
            &VoteInput {
                choice: "approve".into(),
                comment: String::new(),
            },
            today,
        )
        .unwrap();
    }
    let approved = dir.path().join("approved.pdf");
    save_proposal(&mut store, id, &approved, None, today).unwrap();
    let text = flat(&approved);
    assert!(text.contains("Signature: Helen Castillo (HR)"), "{text}");
    assert!(!text.contains("DRAFT"), "{text}");
}

#[test]
fn a_draft_proposal_says_what_is_still_missing() {
    let mut store = demo_store();
    let today = date("2026-11-23");
    let dir = tempfile::tempdir().unwrap();
    // The demo's pilot in design: baselines, the cohort and the budget lines still to do.
    let path = dir.path().join("draft.pdf");
    save_proposal(&mut store, 1, &path, None, today).unwrap();
    let text = flat(&path);
    assert!(text.contains("Draft: not yet decided by the steering group"));
    assert!(
        text.contains("still open, so the pilot cannot be submitted yet"),
        "{text}"
    );
    assert!(
        text.contains("no budget lines say what it buys"),
        "the missing budget lines are named: {text}"
    );
    assert!(!text.contains("Signature:"));
    for page in pdf_pages(&path) {
        assert!(page.contains("DRAFT"));
    }
}

#[test]
fn a_decision_prints_as_a_one_page_record_with_its_votes_and_log_entry() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let today = date("2026-11-23");
    lifecycle::submit(&mut store, id, "", today).unwrap();
    let item = open_item(&store, id, pilotdesk_core::model::ItemKind::Approval);
    act_as_role(&store, "VP Sales");
    review::recuse(&mut store, item, "I sponsor this pilot", today).unwrap();
    let mut decision = None;
    for role in [
        "Head of People",
        "People Analyst",
        "Finance Director",
        "VP Customer Experience",
    ] {
        act_as_role(&store, role);
        decision = review::vote(
            &mut store,
            item,
            &VoteInput {
                choice: "approve".into(),
                comment: String::new(),
            },
            today,
        )
        .unwrap()
        .decision_id;
    }
    let decision = decision.expect("three of five approve: decided");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("decision.pdf");
    let record = save_decision(&mut store, decision, &out, None, today).unwrap();
    assert_eq!(record.kind, PackKind::Decision);
    assert_eq!(record.pages, 1, "a decision record is one page");
    assert_eq!(record.pilot_id, Some(id));
    assert_eq!(list_packs(&store).unwrap()[0].id, record.id);
    let text = flat(&out);
    for expected in [
        "Decision record",
        "Approval: Approved",
        "Approved \"Sales and service coaching\"",
        "Votes for it",
        "Helen Castillo HR Approve",
        "Recused, not counted: Marcus Oyelaran (I sponsor this pilot)",
        "Quorum rule at the time: At least one vote from each of HR",
        "Decision log entry",
        "The decision log verified when this record was produced",
        "Signature: Chair of the steering group",
        "page 1 of 1",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }

    // Printed after tampering, the record says the log did not verify.
    store
        .conn()
        .execute_batch(
            "DROP TRIGGER decision_log_is_append_only_update;
             UPDATE decision_log SET summary = 'nothing happened' WHERE kind = 'decision';",
        )
        .unwrap();
    let tampered = dir.path().join("tampered.pdf");
    save_decision(&mut store, decision, &tampered, None, today).unwrap();
    assert!(flat(&tampered).contains("Warning: the decision log did not verify"));
}

#[test]
fn a_tranche_release_prints_its_amount_and_the_measured_lift() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let today = date("2026-11-23");
    let kpi = design::load_design(&store, id, today).unwrap().kpis[0].clone();
    let tranche = tranches::add_tranche(
        &mut store,
        id,
        &TrancheInput {
            label: "Outcome tranche".into(),
            amount: "8000".into(),
            kpi_id: Some(kpi.id),
        },
        today,
    )
    .unwrap();
    approve_by_vote(&mut store, id);
    lifecycle::transition(&mut store, id, PilotStatus::Running, "Launched", today).unwrap();
    // Every pilot report 12 days faster to a first deal, every comparison report 1.
    let cohort = design::load_design(&store, id, today).unwrap().cohort;
    for member in &cohort.members {
        let gain = if member.arm == pilotdesk_core::model::Arm::Pilot {
            12.0
        } else {
            1.0
        };
        store
            .conn()
            .execute(
                "INSERT INTO kpi_observations (kpi_id, person_id, observed_on, value)
                 SELECT ?1, id, '2026-10-01', 70 + length(name) FROM people WHERE manager_id = ?2
                 UNION ALL
                 SELECT ?1, id, '2027-03-15', 70 + length(name) - ?3 - (length(name) % 3) * 0.5
                 FROM people WHERE manager_id = ?2",
                rusqlite::params![kpi.id, member.manager_id, gain],
            )
            .unwrap();
    }
    act_as_role(&store, "Finance Director");
    let later = date("2027-04-20");
    let decision = tranches::release_tranche(&mut store, tranche, "", later).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("release.pdf");
    let record = save_decision(&mut store, decision, &out, None, later).unwrap();
    assert_eq!(record.pages, 1);
    let text = flat(&out);
    for expected in [
        "Tranche release: Released",
        "USD 8,000",
        "Outcome tranche",
        "Improvement in Days to first closed deal",
        "95% interval",
        "Difference-in-differences",
        "Its condition is met: \"Days to first closed deal\": measured improvement",
        "Recorded by Tomasz Nowak",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
}

#[test]
fn page_one_leads_with_the_verdict_once_the_group_has_decided() {
    let mut store = demo_store();
    let id = designed_pilot(&mut store);
    let today = date("2026-11-23");
    let dir = tempfile::tempdir().unwrap();

    let asked = dir.path().join("asked.pdf");
    save_proposal(&mut store, id, &asked, None, today).unwrap();
    let first = flat_page(&asked, 0);
    assert!(
        first.contains("Approve a 90-day manager-led coaching pilot"),
        "{first}"
    );
    assert!(first.contains("Decision requested by"), "{first}");

    let decision = approve_by_vote(&mut store, id);
    let approved = dir.path().join("approved.pdf");
    save_proposal(&mut store, id, &approved, None, today).unwrap();
    let first = flat_page(&approved, 0);
    assert!(
        first.contains("the steering group approved a 90-day manager-led coaching pilot"),
        "{first}"
    );
    assert!(first.contains(&format!("(decision {decision})")), "{first}");
    assert!(first.contains("Approved; launch on"), "{first}");
    assert!(!first.contains("Decision requested by"), "{first}");
    assert!(
        flat(&approved).contains("The approval locked them; changing one needs a new decision"),
        "the KPIs say they are locked"
    );
}

/// One page's text with its whitespace folded.
fn flat_page(path: &std::path::Path, index: usize) -> String {
    pdf_pages(path)[index]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
