//! What an agenda becomes outside the app: the printed card, the calendar entry, and the
//! calibration section of the monthly pack. Agendas and calibration figures are built by
//! hand, so these tests hold whatever the generator and the store do.

mod support;

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use pilotdesk_core::export::ics;
use pilotdesk_core::model::agenda::{
    AcceptanceFigures, Agenda, AgendaContext, AgendaItem, AgendaItemKind, AgendaSource,
    AgendaStatus, Calibration, ContextCalibration, ManagerCalibration, ReasonCount, RejectReason,
};
use pilotdesk_core::model::{Dashboard, PaperSize};
use pilotdesk_core::packs::agenda::agenda_card;
use pilotdesk_core::packs::render;
use pilotdesk_core::packs::results::{monthly, ResultsData};
use pilotdesk_core::workflows::{analytics, pilots};
use pilotdesk_core::Store;
use support::{
    all_fonts_embedded, date, pdf_fonts, pdf_info, pdf_pages, pdf_text, pdf_text_in_drawing_order,
};

const WORKSPACE: &str = "Meridian Logistics (demo)";

/// A typical offline agenda: an opening, three prompts, a practice, a commitment and a
/// next step, worded as the generator words them.
fn typical_agenda() -> Agenda {
    let parts = [
        (
            AgendaItemKind::Opening,
            "Sam, you're 5 weeks in. What feels easier this week than last, and what still \
             feels like guesswork?",
        ),
        (
            AgendaItemKind::Prompt,
            "Walk me through the last time you had to qualify a lead before booking the demo. \
             What did you say first, and what did the buyer do?",
        ),
        (
            AgendaItemKind::Prompt,
            "The playbook asks us to listen for the buyer's deadline. Let's do that now: which \
             call comes to mind?",
        ),
        (
            AgendaItemKind::Prompt,
            "On discovery questioning you're at level 2 and the role asks for 3. What would \
             one step up look like this week?",
        ),
        (
            AgendaItemKind::Practice,
            "Let's run the first two minutes of your next discovery call, with me as the \
             buyer who says \"just send me a price\". Then swap.",
        ),
        (
            AgendaItemKind::Commitment,
            "Which one qualifying question will you ask on every call this week, and how will \
             you know it worked?",
        ),
        (
            AgendaItemKind::NextStep,
            "Module: Discovery calls that qualify (about 40 minutes), before we next meet.",
        ),
    ];
    let items: Vec<AgendaItem> = parts
        .iter()
        .enumerate()
        .map(|(index, (kind, text))| AgendaItem {
            position: index as u32 + 1,
            kind: *kind,
            text: (*text).into(),
            suggested: (*text).into(),
        })
        .collect();
    let minutes = items.iter().map(|i| i.kind.minutes()).sum();
    Agenda {
        id: 42,
        manager_id: "E1004".into(),
        manager_name: "Dana Reyes".into(),
        coachee_id: "E1187".into(),
        coachee_name: "Sam Ortiz".into(),
        pilot_id: Some(1),
        pilot_name: Some("Sales onboarding coaching pilot".into()),
        task_id: Some(3),
        task: Some("Qualify the lead before booking the demo".into()),
        context: AgendaContext::Onboarding,
        minutes,
        items,
        basis: vec![
            "Sam Ortiz is a Account Executive in Sales West, 36 days since joining".into(),
            "Context: onboarding".into(),
            "Pilot: Sales onboarding coaching pilot, day 22 of 90".into(),
            "Playbook task: Qualify the lead before booking the demo (Sales onboarding \
             workflow)"
                .into(),
            "Playbook moment: Listen for the buyer's deadline".into(),
            "Competency it builds: Discovery questioning".into(),
            "KPI it moves: Days to first closed deal (days; lower is better)".into(),
            "Coaching on 2027-01-05: check-in, 15 min, on the demo script".into(),
            "Discovery questioning: level 2, target 3".into(),
        ],
        source: AgendaSource::Offline,
        source_note: String::new(),
        status: AgendaStatus::Open,
        change_share: None,
        reject_reason: None,
        reject_note: String::new(),
        created_at: "2027-01-11T08:30:00Z".into(),
        decided_at: None,
        decided_by: None,
    }
}

/// Writes the PDF where a reader can look at it when PILOTDESK_KEEP_PACKS names a folder,
/// and always to the test's own folder for poppler.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    if let Some(folder) = std::env::var_os("PILOTDESK_KEEP_PACKS") {
        let folder = Path::new(&folder);
        std::fs::create_dir_all(folder).unwrap();
        std::fs::write(folder.join(name), bytes).unwrap();
    }
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Squeezes out the runs of spaces and line breaks `pdftotext -layout` puts between words.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pages_of(path: &Path) -> u32 {
    pdf_info(path)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

#[test]
fn the_card_is_one_page_with_who_what_the_parts_and_their_minutes_and_no_signatures() {
    let dir = tempfile::tempdir().unwrap();
    let agenda = typical_agenda();
    let minutes = agenda.minutes;
    assert!((10..=20).contains(&minutes), "{minutes}");
    for (paper, name) in [
        (PaperSize::A4, "agenda-card-a4.pdf"),
        (PaperSize::Letter, "agenda-card-letter.pdf"),
    ] {
        let bytes = agenda_card(&agenda, WORKSPACE, paper, date("2027-01-12")).unwrap();
        let path = write(dir.path(), name, &bytes);
        assert_eq!(pages_of(&path), 1, "{name} runs over one page");
        assert!(
            all_fonts_embedded(&pdf_fonts(&path)),
            "{}",
            pdf_fonts(&path)
        );

        let text = pdf_text(&path);
        let flat = words(&text);
        let lead = format!("Dana Reyes with Sam Ortiz: {minutes} minutes");
        for expected in [
            "Coaching agenda",
            "Produced 12 Jan 2027",
            "page 1 of 1",
            lead.as_str(),
            "Task: Qualify the lead before booking the demo.",
            "Context: onboarding, in the Sales onboarding coaching pilot.",
            "What to ask or do",
            "Rests on: Sam Ortiz is a Account Executive in Sales West",
            "and 3 more facts in the app",
            "Pilot: Sales onboarding coaching pilot, day 22 of 90; Playbook moment:",
            "Suggested by Pilotdesk's offline generator, on this computer",
            "Made on 11 Jan 2027 as agenda 42.",
            "Notes: what was said, what was agreed",
            "Agenda 42: Dana Reyes with Sam Ortiz, Meridian Logistics (demo)",
        ] {
            assert!(
                flat.contains(expected),
                "{name} lacks {expected:?}:\n{text}"
            );
        }
        // Each part with its label and its minutes, in the agenda's order.
        let mut from = 0;
        for item in &agenda.items {
            let part = format!("{}. {}", item.position, item.kind.label());
            let part = part.as_str();
            let minutes = format!("{} min", item.kind.minutes());
            let at = flat[from..]
                .find(part)
                .unwrap_or_else(|| panic!("{part} is missing or out of order:\n{text}"));
            let line = text
                .lines()
                .find(|l| l.contains(part))
                .expect("a part's label starts a line");
            assert!(line.trim_end().ends_with(&minutes), "{line}");
            from += at + part.len();
        }
        // A part's text reads whole in drawing order; the layout puts its minutes inside it.
        let drawn = words(&pdf_text_in_drawing_order(&path));
        assert!(
            drawn.contains("call, with me as the buyer who says \"just send me a price\""),
            "{drawn}"
        );
        for absent in ["Signature", "Date ____", "DRAFT"] {
            assert!(!text.contains(absent), "{name} has {absent:?}:\n{text}");
        }
    }
}

#[test]
fn the_card_says_where_its_words_came_from_and_what_the_manager_did() {
    let dir = tempfile::tempdir().unwrap();
    let mut fell_back = typical_agenda();
    fell_back.source = AgendaSource::Fallback;
    fell_back.source_note = "http://127.0.0.1:8080/v1 did not answer within 20 seconds".into();
    let bytes = agenda_card(&fell_back, WORKSPACE, PaperSize::A4, date("2027-01-12")).unwrap();
    let flat = words(&pdf_text(&write(
        dir.path(),
        "agenda-card-fallback.pdf",
        &bytes,
    )));
    assert!(
        flat.contains(
            "The local model could not be used (http://127.0.0.1:8080/v1 did not answer within \
             20 seconds), so Pilotdesk's offline generator wrote it."
        ),
        "{flat}"
    );

    let mut edited = typical_agenda();
    edited.source = AgendaSource::Model;
    edited.source_note = "llama3.2 at http://127.0.0.1:11434/v1".into();
    edited.status = AgendaStatus::Edited;
    edited.change_share = Some(0.18);
    edited.decided_at = Some("2027-01-11T17:05:00Z".into());
    edited.items[2].text = "Tell me about a buyer who had a deadline you missed.".into();
    let bytes = agenda_card(&edited, WORKSPACE, PaperSize::A4, date("2027-01-12")).unwrap();
    let flat = words(&pdf_text(&write(
        dir.path(),
        "agenda-card-edited.pdf",
        &bytes,
    )));
    assert!(flat.contains(
        "Suggested by the workspace's local model (llama3.2 at http://127.0.0.1:11434/v1)."
    ));
    assert!(flat.contains("Edited by the manager on 11 Jan 2027: 1 of 7 parts, 18% of its text."));
    // The manager's words are printed, not the suggestion they replaced.
    assert!(flat.contains("a buyer who had a deadline you missed"));
    assert!(!flat.contains("listen for the buyer's deadline. Let's do that now"));
}

#[test]
fn the_calendar_entry_of_an_agenda_keeps_its_uid_and_lasts_its_minutes() {
    let agenda = typical_agenda();
    let start = Utc.with_ymd_and_hms(2027, 1, 13, 14, 30, 0).unwrap();
    let end = start + chrono::Duration::minutes(i64::from(agenda.minutes));
    let first = ics::calendar(
        "Pilotdesk",
        &[ics::agenda_event(
            &agenda,
            start,
            "/home/lee/meridian.sqlite3",
        )],
    );
    let mut moved = agenda.clone();
    moved.status = AgendaStatus::Edited;
    moved.decided_at = Some("2027-01-12T10:00:00Z".into());
    let again = ics::calendar(
        "Pilotdesk",
        &[ics::agenda_event(
            &moved,
            start,
            "/home/lee/meridian.sqlite3",
        )],
    );
    let uid = |text: &str| {
        text.split("\r\n")
            .find_map(|l| l.strip_prefix("UID:"))
            .map(String::from)
            .expect("a UID")
    };
    assert_eq!(uid(&first), uid(&again));
    assert!(uid(&first).starts_with("agenda-42-"));
    let unfolded = ics::unfold(&first);
    let dtend = format!("DTEND:{}", end.format("%Y%m%dT%H%M%SZ"));
    for expected in [
        "DTSTART:20270113T143000Z",
        dtend.as_str(),
        "DTSTAMP:20270111T083000Z",
        "SUMMARY:Coaching: Dana Reyes with Sam Ortiz – Qualify the lead before booking the demo",
        "1. Opening question (2 min): Sam\\, you're 5 weeks in.",
        "\\n7. Next module or sample (1 min): Module: Discovery calls",
    ] {
        assert!(
            unfolded.contains(expected),
            "{expected} missing:\n{unfolded}"
        );
    }
    assert!(ics::unfold(&again).contains("DTSTAMP:20270112T100000Z"));
    for line in first.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
}

fn figures(
    accepted: u32,
    edited: u32,
    rejected: u32,
    open: u32,
    mean_change: Option<f64>,
    reasons: &[(RejectReason, u32)],
) -> AcceptanceFigures {
    let decided = accepted + edited + rejected;
    let share = |n: u32| (decided > 0).then(|| f64::from(n) / f64::from(decided));
    AcceptanceFigures {
        generated: decided + open,
        open,
        accepted_as_is: accepted,
        edited,
        rejected,
        acceptance_rate: share(accepted + edited),
        unedited_rate: share(accepted),
        mean_change_share: mean_change,
        reasons: reasons
            .iter()
            .map(|(reason, count)| ReasonCount {
                reason: *reason,
                label: reason.label().into(),
                count: *count,
            })
            .collect(),
    }
}

fn manager(id: &str, name: &str, f: AcceptanceFigures, over_reliant: bool) -> ManagerCalibration {
    ManagerCalibration {
        manager_id: id.into(),
        manager_name: name.into(),
        figures: f,
        over_reliant,
        reason: String::new(),
    }
}

/// 27 agendas: 25 decided, 18 of them accepted (14 as is, 4 edited), 7 rejected; one of the
/// three managers accepts 11 of 12 unedited, one has too few decisions to judge.
fn calibration() -> Calibration {
    Calibration {
        overall: figures(
            14,
            4,
            7,
            2,
            Some(0.23),
            &[(RejectReason::TooGeneric, 4), (RejectReason::WrongFacts, 2)],
        ),
        by_context: vec![
            ContextCalibration {
                context: AgendaContext::Onboarding,
                label: "Onboarding".into(),
                figures: figures(
                    11,
                    2,
                    3,
                    1,
                    Some(0.3),
                    &[(RejectReason::TooGeneric, 2), (RejectReason::WrongFacts, 1)],
                ),
            },
            ContextCalibration {
                context: AgendaContext::SkillPractice,
                label: "Skill practice".into(),
                figures: figures(
                    3,
                    2,
                    4,
                    1,
                    Some(0.16),
                    &[(RejectReason::TooGeneric, 2), (RejectReason::WrongFacts, 1)],
                ),
            },
        ],
        by_manager: vec![
            manager(
                "E1004",
                "Imogen Vasquez-Tull",
                figures(11, 0, 1, 0, None, &[(RejectReason::TooGeneric, 1)]),
                true,
            ),
            manager(
                "E1005",
                "Bartholomew Quince",
                figures(
                    3,
                    3,
                    5,
                    2,
                    Some(0.2),
                    &[(RejectReason::TooGeneric, 3), (RejectReason::WrongFacts, 2)],
                ),
                false,
            ),
            manager(
                "E1006",
                "Ottilie Marchbanks",
                figures(0, 1, 1, 0, Some(0.3), &[]),
                false,
            ),
        ],
        signal_min_agendas: 10,
        signal_unedited_share: 0.9,
        over_reliant_managers: 1,
    }
}

fn running_pilot() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    pilotdesk_core::workflows::demo::load_full_demo(&mut store, date("2026-11-23")).unwrap();
    let running = pilots::list_pilots(&store)
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Support escalation pilot")
        .expect("the demo has a running pilot")
        .id;
    (store, running)
}

/// The demo's running pilot's monthly pack for October, produced on 23 Nov 2026.
fn monthly_pdf(
    dashboard: &Dashboard,
    calibration: Option<&Calibration>,
    paper: PaperSize,
) -> Vec<u8> {
    let document = monthly::build(&ResultsData {
        dashboard,
        previous: None,
        lineage: &[],
        workspace: WORKSPACE,
        produced_on: date("2026-11-23"),
        gate: None,
        verdict: None,
        skills: None,
        calibration,
        network: None,
    });
    render(&document, paper).unwrap().bytes
}

#[test]
fn the_monthly_pack_reports_calibration_by_context_with_the_signal_and_no_manager_names() {
    let (store, pilot) = running_pilot();
    let dashboard = analytics::dashboard(&store, pilot, date("2026-10-31")).unwrap();
    let calibration = calibration();
    let dir = tempfile::tempdir().unwrap();
    let pack = monthly_pdf(&dashboard, Some(&calibration), PaperSize::A4);
    let path = write(dir.path(), "monthly-calibration.pdf", &pack);
    let text = pdf_text(&path);
    let flat = words(&text);
    for expected in [
        "AI-assisted agendas: managers accept 72% of suggested agendas (18 of 25 decided); 1 \
         manager accepts nearly all unedited",
        "27 agendas suggested up to 31 Oct 2026: 14 accepted as suggested, 4 edited first (23% \
         of the text changed on average), 7 rejected; the 2 still awaiting a decision are left \
         out of the rates.",
        "Why managers rejected 7 agendas",
        "Too generic: 57% (4 of 7)",
        "Gets the facts wrong: 29% (2 of 7)",
        "No reason recorded: 14% (1 of 7)",
        "Over-reliance signal: raised for 1 of 2 managers with at least 10 decided agendas (the \
         rule: 90% or more of them accepted unedited); 1 more manager has too few decisions to \
         judge. No manager is named in this pack.",
    ] {
        assert!(
            flat.contains(expected),
            "the pack lacks {expected:?}:\n{text}"
        );
    }
    // The table in drawing order, so a wrapped header cell reads whole: context, generated,
    // accepted as is, edited (mean changed), rejected, rate.
    let drawn = words(&pdf_text_in_drawing_order(&path));
    for row in [
        "Context Generated Accepted as is Edited (mean share changed) Rejected Acceptance rate",
        "Onboarding 17 11 2 (30% changed) 3 81% (13 of 16)",
        "Skill practice 10 3 2 (16% changed) 4 56% (5 of 9)",
        "All contexts 27 14 4 (23% changed) 7 72% (18 of 25)",
    ] {
        assert!(drawn.contains(row), "the table lacks {row:?}:\n{drawn}");
    }
    for name in [
        "Imogen",
        "Vasquez",
        "Bartholomew",
        "Quince",
        "Ottilie",
        "E1004",
    ] {
        assert!(!text.contains(name), "the pack names a manager ({name})");
    }
    // Every page keeps its chrome with the section in it.
    let pages = pdf_pages(&path);
    for (index, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("page {} of {}", index + 1, pages.len())));
        assert!(page.contains("Monthly pack") && page.contains("Produced 23 Nov 2026"));
    }
    // The section comes before the appendix of methods.
    let section = flat.find("AI-assisted agendas:").unwrap();
    let appendix = flat.find("Appendix: methods").unwrap_or(flat.len());
    assert!(section < appendix, "the section is after the appendix");

    // Without figures, or with no agenda made, there is no section at all.
    let mut none_made = calibration.clone();
    none_made.overall = figures(0, 0, 0, 0, None, &[]);
    none_made.by_context.clear();
    none_made.by_manager.clear();
    none_made.over_reliant_managers = 0;
    for (case, figures) in [("none", None), ("empty", Some(&none_made))] {
        let pack = monthly_pdf(&dashboard, figures, PaperSize::A4);
        let text = pdf_text(&write(
            dir.path(),
            &format!("monthly-calibration-{case}.pdf"),
            &pack,
        ));
        assert!(!text.contains("AI-assisted agendas"), "{case}");
        assert!(!text.contains("Over-reliance"), "{case}");
    }
}

#[test]
fn before_any_decision_the_section_says_so_and_judges_no_one() {
    let (store, pilot) = running_pilot();
    let dashboard = analytics::dashboard(&store, pilot, date("2026-10-31")).unwrap();
    let waiting = Calibration {
        overall: figures(0, 0, 0, 3, None, &[]),
        by_context: vec![ContextCalibration {
            context: AgendaContext::Onboarding,
            label: "Onboarding".into(),
            figures: figures(0, 0, 0, 3, None, &[]),
        }],
        by_manager: vec![manager(
            "E1004",
            "Imogen Vasquez-Tull",
            figures(0, 0, 0, 3, None, &[]),
            false,
        )],
        signal_min_agendas: 10,
        signal_unedited_share: 0.9,
        over_reliant_managers: 0,
    };
    let dir = tempfile::tempdir().unwrap();
    let pack = monthly_pdf(&dashboard, Some(&waiting), PaperSize::Letter);
    let flat = words(&pdf_text(&write(
        dir.path(),
        "monthly-calibration-waiting.pdf",
        &pack,
    )));
    assert!(
        flat.contains("AI-assisted agendas: 3 agendas suggested, none decided by a manager yet")
    );
    assert!(flat.contains("Onboarding 3 0 0 0 –"), "{flat}");
    assert!(flat.contains(
        "3 agendas suggested up to 31 Oct 2026; no manager has accepted, edited or rejected \
         one yet, so there is no rate to report."
    ));
    assert!(
        flat.contains("Over-reliance signal: no manager has decided the 10 agendas it needs yet")
    );
    assert!(!flat.contains("Why managers rejected"));
    assert!(!flat.contains("Imogen"));
}
