//! Asynchronous competency through the workflows: samples kept once by content, refused
//! when they are not what they claim, annotations, feedback, reviews and their agreement,
//! and the flag for coaching gone all asynchronous.
mod support;

use pilotdesk_core::model::portfolio::*;
use pilotdesk_core::model::{Person, QuickLogInput};
use pilotdesk_core::workflows::portfolio::{check_ins, feedback, reviews, samples, view};
use pilotdesk_core::workflows::skills::frameworks;
use pilotdesk_core::{ApiError, Store};
use support::date;

fn person(id: &str, name: &str, manager: Option<&str>) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        email: format!("{}@example.org", id.to_lowercase()),
        team: "Support".into(),
        role: if manager.is_some() {
            "Agent"
        } else {
            "Support Manager"
        }
        .into(),
        manager_id: manager.map(String::from),
        hire_date: Some(date("2025-01-06")),
        leaving_date: None,
    }
}

fn workspace() -> (Store, tempfile::TempDir) {
    let mut store = Store::open_in_memory().unwrap();
    let tx = store.write().unwrap();
    let day = date("2026-01-05");
    pilotdesk_core::store::people::insert(&tx, &person("M1", "Mara Lind", None), day).unwrap();
    pilotdesk_core::store::people::insert(&tx, &person("P1", "Ana Ruiz", Some("M1")), day).unwrap();
    pilotdesk_core::store::people::insert(&tx, &person("P2", "Ben Okafor", Some("M1")), day)
        .unwrap();
    tx.commit().unwrap();
    frameworks::install_builtin(&mut store).unwrap();
    (store, tempfile::tempdir().unwrap())
}

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn blobs(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT count(*) FROM sample_blobs", [], |r| r.get(0))
        .unwrap()
}

fn add(store: &mut Store, person: &str, path: &str) -> pilotdesk_core::Result<SampleAdded> {
    samples::add(
        store,
        &SampleInput {
            person_id: person.into(),
            path: path.into(),
            title: String::new(),
            competency_id: None,
        },
        date("2026-02-02"),
    )
}

fn competency(store: &Store, code: &str) -> Option<i64> {
    Some(frameworks::find_competency(store, code).unwrap())
}

#[test]
fn the_same_file_is_kept_once_and_a_false_or_oversized_one_is_refused_with_nothing_written() {
    let (mut store, dir) = workspace();
    let notes = file(
        &dir,
        "case-notes.txt",
        b"Called the customer back.\nExplained the cause.\nAgreed the next step.\n",
    );
    let first = add(&mut store, "P1", &notes).unwrap();
    assert!(!first.already_there);
    assert_eq!(first.sample.media_type, "text/plain");
    let again = add(&mut store, "P1", &notes).unwrap();
    assert!(again.already_there, "the same file twice is one sample");
    assert_eq!(again.sample.id, first.sample.id);
    // The same content under another name, for someone else: a second sample, one copy.
    let copy = file(
        &dir,
        "copy.txt",
        b"Called the customer back.\nExplained the cause.\nAgreed the next step.\n",
    );
    let shared = add(&mut store, "P2", &copy).unwrap();
    assert!(shared.content_shared);
    assert_eq!(blobs(&store), 1, "stored once");

    // A PNG named .pdf, and a file over the limit: refused, nothing written.
    let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    let fake = file(&dir, "report.pdf", &png);
    let error = ApiError::from(add(&mut store, "P1", &fake).unwrap_err());
    assert_eq!(error.code, "invalid_input");
    assert!(
        error.message.contains("its content is a PNG image"),
        "{}",
        error.message
    );
    let big = dir.path().join("big.txt");
    let handle = std::fs::File::create(&big).unwrap();
    handle
        .set_len(pilotdesk_core::import::work_sample::SIZE_LIMIT + 1)
        .unwrap();
    let error = ApiError::from(add(&mut store, "P1", &big.display().to_string()).unwrap_err());
    assert!(error.message.contains("at most 20 MB"), "{}", error.message);
    assert_eq!(blobs(&store), 1);
    assert_eq!(
        view::portfolio(&store, "P1", date("2026-02-02"))
            .unwrap()
            .samples
            .len(),
        1
    );
}

#[test]
fn annotations_anchor_to_lines_of_a_text_and_regions_of_a_page() {
    let (mut store, dir) = workspace();
    let notes = file(&dir, "notes.txt", b"one\ntwo\nthree\n");
    let sample = add(&mut store, "P1", &notes).unwrap().sample;
    let ce2 = competency(&store, "CE.2");
    let done = samples::annotate(
        &mut store,
        &AnnotationInput {
            sample_id: sample.id,
            competency_id: ce2,
            anchor: Anchor::Lines { from: 2, to: 3 },
            note: "Names the cause before the fix".into(),
        },
    )
    .unwrap();
    assert_eq!(done.place, "lines 2-3");
    for (anchor, wanted) in [
        (Anchor::Lines { from: 2, to: 9 }, "between 1 and 3"),
        (
            Anchor::Region {
                page: 1,
                x: 0.5,
                y: 0.5,
                width: 0.6,
                height: 0.1,
            },
            "annotated by its lines",
        ),
    ] {
        let error = samples::annotate(
            &mut store,
            &AnnotationInput {
                sample_id: sample.id,
                competency_id: ce2,
                anchor,
                note: "x".into(),
            },
        )
        .unwrap_err();
        let api = ApiError::from(error);
        assert!(
            api.details.iter().any(|d| d.message.contains(wanted)),
            "{:?}",
            api.details
        );
    }
    let portfolio = view::portfolio(&store, "P1", date("2026-02-02")).unwrap();
    assert_eq!(portfolio.samples[0].annotations.len(), 1);
}

#[test]
fn two_reviewers_get_an_agreement_and_a_gap_of_two_levels_is_flagged() {
    let (mut store, _dir) = workspace();
    let codes = ["CE.1", "CE.2", "CE.3", "CE.4"];
    let review = |store: &mut Store, reviewer: &str, levels: [u32; 4]| {
        let tx = store.write().unwrap();
        pilotdesk_core::store::settings::set(
            &tx,
            pilotdesk_core::store::settings::CURRENT_USER,
            reviewer,
        )
        .unwrap();
        tx.commit().unwrap();
        let scores = codes
            .iter()
            .zip(levels)
            .map(|(code, level)| ScoreInput {
                competency_id: competency(store, code),
                level: level.to_string(),
                comment: String::new(),
            })
            .collect();
        reviews::review(
            store,
            &ReviewInput {
                person_id: "P1".into(),
                reviewed_on: "2026-02-10".into(),
                comment: String::new(),
                scores,
            },
            date("2026-02-10"),
        )
        .unwrap()
    };
    review(&mut store, "Reviewer One", [1, 2, 3, 4]);
    let first = view::portfolio(&store, "P1", date("2026-02-10")).unwrap();
    assert!(
        first.agreement.is_none(),
        "one reviewer: nothing to agree with"
    );
    let second = review(&mut store, "Reviewer Two", [1, 2, 1, 4]);
    assert_eq!(second.scores[0].level_label, "Aware");
    let agreement = view::portfolio(&store, "P1", date("2026-02-10"))
        .unwrap()
        .agreement
        .unwrap();
    assert_eq!(agreement.pairs, 4);
    assert_eq!(agreement.flagged.len(), 1, "{:?}", agreement.flagged);
    assert!(agreement.flagged[0].starts_with("CE.3"));
    let kappa = agreement.kappa.unwrap();
    assert!(kappa > 0.0 && kappa < 1.0, "{kappa}");

    let ce1 = competency(&store, "CE.1");
    let error = reviews::review(
        &mut store,
        &ReviewInput {
            person_id: "P1".into(),
            reviewed_on: String::new(),
            comment: String::new(),
            scores: vec![ScoreInput {
                competency_id: ce1,
                level: "9".into(),
                comment: String::new(),
            }],
        },
        date("2026-02-10"),
    )
    .unwrap_err();
    assert_eq!(
        ApiError::from(error).details[0].field.as_deref(),
        Some("scores[0].level")
    );
}

#[test]
fn the_no_live_check_in_flag_appears_with_async_only_coaching_and_clears_with_a_check_in() {
    let (mut store, _dir) = workspace();
    let ce1 = competency(&store, "CE.1");
    for (person, day) in [
        ("P1", "2026-02-02"),
        ("P1", "2026-02-09"),
        ("P2", "2026-02-03"),
    ] {
        feedback::give(
            &mut store,
            &FeedbackInput {
                person_id: person.into(),
                competency_id: ce1,
                author_role: "manager".into(),
                note: "You named the customer's impact first; keep doing that.".into(),
                task_id: None,
                sample_id: None,
                given_on: day.into(),
            },
            date(day),
        )
        .unwrap();
    }
    let today = date("2026-02-16");
    // P2 also had a live check-in last week: only P1 is flagged.
    pilotdesk_core::workflows::coaching::log_event(
        &mut store,
        &QuickLogInput {
            manager_id: "M1".into(),
            coachee_id: "P2".into(),
            kind: "live_check_in".into(),
            minutes: "20".into(),
            pilot_id: None,
            task_id: None,
            notes: String::new(),
            occurred_at: "2026-02-10T10:00".into(),
            confirmed: false,
        },
        date("2026-02-10").and_hms_opt(10, 0, 0).unwrap(),
    )
    .unwrap();
    let flags = check_ins::flags(&store, Some("M1"), today).unwrap();
    assert_eq!(
        flags
            .iter()
            .map(|f| f.person_id.as_str())
            .collect::<Vec<_>>(),
        ["P1"]
    );
    assert_eq!((flags[0].weeks, flags[0].async_items), (3, 2));
    assert!(view::portfolio(&store, "P1", today)
        .unwrap()
        .missing_check_in
        .is_some());

    pilotdesk_core::workflows::coaching::log_event(
        &mut store,
        &QuickLogInput {
            manager_id: "M1".into(),
            coachee_id: "P1".into(),
            kind: "live_check_in".into(),
            minutes: "15".into(),
            pilot_id: None,
            task_id: None,
            notes: String::new(),
            occurred_at: "2026-02-15T09:00".into(),
            confirmed: false,
        },
        date("2026-02-15").and_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap();
    assert!(
        check_ins::flags(&store, Some("M1"), today)
            .unwrap()
            .is_empty(),
        "the check-in clears it"
    );
    // Shorter windows are a setting: a week later with one week, P1 is clear, nothing async since.
    check_ins::set_weeks(&mut store, 1).unwrap();
    assert!(check_ins::flags(&store, None, date("2026-02-23"))
        .unwrap()
        .is_empty());
}
