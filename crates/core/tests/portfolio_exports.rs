//! A person's portfolio leaves the app as a PDF pack and as xAPI statements; a pilot's async
//! figures come together in one report with the privacy floor on every group.
mod support;

use pilotdesk_core::model::portfolio::*;
use pilotdesk_core::model::{PackKind, Person};
use pilotdesk_core::workflows::portfolio::report::{build, AsyncFacts, Member};
use pilotdesk_core::workflows::portfolio::{feedback, pack, reviews, samples};
use pilotdesk_core::workflows::skills::frameworks;
use pilotdesk_core::Store;
use support::{date, pdf_text_in_drawing_order};

/// Words separated by single spaces, so a wrapped line reads as one.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

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

fn act_as(store: &mut Store, name: &str) {
    let tx = store.write().unwrap();
    pilotdesk_core::store::settings::set(&tx, pilotdesk_core::store::settings::CURRENT_USER, name)
        .unwrap();
    tx.commit().unwrap();
}

fn competency(store: &Store, code: &str) -> Option<i64> {
    Some(frameworks::find_competency(store, code).unwrap())
}

/// Ana's portfolio: a text sample with an annotation, three feedback notes (one on the
/// sample), and reviews by two reviewers two levels apart on CE.3.
fn workspace(dir: &tempfile::TempDir) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let tx = store.write().unwrap();
    let day = date("2026-01-05");
    for p in [
        person("M1", "Mara Lind", None),
        person("P1", "Ana Ruiz", Some("M1")),
        person("P2", "Ben Okafor", Some("M1")),
    ] {
        pilotdesk_core::store::people::insert(&tx, &p, day).unwrap();
    }
    tx.commit().unwrap();
    frameworks::install_builtin(&mut store).unwrap();
    act_as(&mut store, "Mara Lind");
    let ce4 = competency(&store, "CE.4");
    let ce2 = competency(&store, "CE.2");
    let path = dir.path().join("case-notes.txt");
    std::fs::write(
        &path,
        "Called back.\nExplained the cause.\nAgreed the next step.\n",
    )
    .unwrap();
    let sample = samples::add(
        &mut store,
        &SampleInput {
            person_id: "P1".into(),
            path: path.display().to_string(),
            title: "Case notes".into(),
            competency_id: ce4,
        },
        date("2026-02-02"),
    )
    .unwrap()
    .sample;
    samples::annotate(
        &mut store,
        &AnnotationInput {
            sample_id: sample.id,
            competency_id: ce2,
            anchor: Anchor::Lines { from: 2, to: 3 },
            note: "Cause before fix.".into(),
        },
    )
    .unwrap();
    for (code, note, on, sample) in [
        ("CE.1", "Warm and clear on the call.", "2026-02-03", None),
        (
            "CE.4",
            "The cause is named first.",
            "2026-02-05",
            Some(sample.id),
        ),
        (
            "CE.2",
            "Write down what would disprove it.",
            "2026-02-09",
            None,
        ),
    ] {
        let competency_id = competency(&store, code);
        feedback::give(
            &mut store,
            &FeedbackInput {
                person_id: "P1".into(),
                competency_id,
                author_role: "manager".into(),
                note: note.into(),
                task_id: None,
                sample_id: sample,
                given_on: on.into(),
            },
            date("2026-02-10"),
        )
        .unwrap();
    }
    for (reviewer, levels) in [("Reviewer One", [1, 2, 3, 4]), ("Mara Lind", [1, 2, 1, 4])] {
        act_as(&mut store, reviewer);
        let scores = ["CE.1", "CE.2", "CE.3", "CE.4"]
            .iter()
            .zip(levels)
            .map(|(code, level)| ScoreInput {
                competency_id: competency(&store, code),
                level: level.to_string(),
                comment: format!("{code} by {reviewer}"),
            })
            .collect();
        reviews::review(
            &mut store,
            &ReviewInput {
                person_id: "P1".into(),
                reviewed_on: "2026-02-10".into(),
                comment: String::new(),
                scores,
            },
            date("2026-02-10"),
        )
        .unwrap();
    }
    store
}

#[test]
fn the_portfolio_pack_leads_with_the_answer_lists_hashes_and_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = workspace(&dir);
    let out = dir.path().join("portfolio.pdf");
    let record = pack::save(&mut store, "P1", &out, None, date("2026-02-10")).unwrap();
    assert_eq!(record.kind, PackKind::Portfolio);
    assert_eq!(record.pilot_id, None);
    assert_eq!(record.subject, "Ana Ruiz (P1)");
    let listed = pilotdesk_core::workflows::packs::list_packs(&store).unwrap();
    assert_eq!(
        listed.last().unwrap().kind,
        PackKind::Portfolio,
        "read back"
    );

    let raw = pdf_text_in_drawing_order(&out);
    let pages: Vec<String> = raw
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(squash)
        .collect();
    assert_eq!(pages.len() as u32, record.pages);
    let first = &pages[0];
    for expected in [
        "Ana Ruiz's portfolio",
        "1 work sample, 3 feedback notes and 2 portfolio reviews",
        "Reviewers'",
        "A calibration conversation",
        "CE.3",
    ] {
        assert!(
            first.contains(expected),
            "page 1 lacks {expected:?}:\n{first}"
        );
    }
    for (index, page) in pages.iter().enumerate() {
        assert!(page.contains("Person: Ana Ruiz (P1)"), "page {}", index + 1);
        assert!(
            page.contains(&format!("page {} of {}", index + 1, pages.len())),
            "page {}",
            index + 1
        );
    }
    let text = squash(&raw);
    let hash = pilotdesk_core::hashing::sha256_hex(
        b"Called back.\nExplained the cause.\nAgreed the next step.\n",
    );
    assert!(text.contains(&hash[..16]), "the hash is printed");
    for expected in [
        "Cause before fix.",
        "Lines 2-3",
        "The cause is named first.",
        "CE.3 by Reviewer One",
        "Only Ana Ruiz and their manager may see it",
    ] {
        assert!(text.contains(expected), "the pack lacks {expected:?}");
    }

    // The same content on the same day: the same hash.
    let again = pack::render(&store, "P1", None, date("2026-02-10"))
        .unwrap()
        .1;
    assert_eq!(again.content_hash, record.content_hash);
}

#[test]
fn feedback_and_review_scores_export_as_xapi_statements_with_stable_ids() {
    let dir = tempfile::tempdir().unwrap();
    let store = workspace(&dir);
    let read = |name: &str, person: Option<&str>| -> Vec<serde_json::Value> {
        let path = dir.path().join(name);
        let count =
            pilotdesk_core::workflows::exports::export_portfolio_xapi(&store, &path, person)
                .unwrap();
        let statements: Vec<serde_json::Value> =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(count as usize, statements.len());
        statements
    };
    let first = read("first.json", None);
    // 3 feedback notes and 2 reviews of 4 scores.
    assert_eq!(first.len(), 3 + 8);
    let verb = |s: &serde_json::Value| s["verb"]["id"].as_str().unwrap().to_string();
    let commented: Vec<_> = first
        .iter()
        .filter(|s| verb(s) == "http://adlnet.gov/expapi/verbs/commented")
        .collect();
    let scored: Vec<_> = first
        .iter()
        .filter(|s| verb(s) == "http://adlnet.gov/expapi/verbs/scored")
        .collect();
    assert_eq!((commented.len(), scored.len()), (3, 8));

    let uri: String = store
        .conn()
        .query_row(
            "SELECT uri FROM competencies WHERE human_coding = 'CE.3'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let ce3 = scored
        .iter()
        .find(|s| {
            s["object"]["id"] == uri.as_str()
                && s["context"]["instructor"]["name"] == "Reviewer One"
        })
        .expect("Reviewer One's CE.3 score");
    assert_eq!(ce3["actor"]["account"]["name"], "P1");
    assert_eq!(ce3["result"]["score"]["raw"], 3);
    assert_eq!(ce3["result"]["score"]["min"], 1);
    assert_eq!(ce3["result"]["score"]["max"], 4);
    assert_eq!(ce3["result"]["response"], "CE.3 by Reviewer One");
    assert!(ce3["object"]["definition"]["name"]["en-US"]
        .as_str()
        .unwrap()
        .starts_with("CE.3 "));
    assert_eq!(ce3["timestamp"], "2026-02-10T00:00:00Z");

    let note = commented
        .iter()
        .find(|s| s["result"]["response"] == "The cause is named first.")
        .unwrap();
    // The author is in People by that name, so they get the same account as everyone.
    assert_eq!(note["actor"]["account"]["name"], "M1");
    assert_eq!(
        note["context"]["extensions"]["https://pilotdesk.app/xapi/extensions/recipient"]["account"]
            ["name"],
        "P1"
    );
    // A reviewer who is not in People is named on the users' home page.
    assert_eq!(
        ce3["context"]["instructor"]["account"]["homePage"],
        "https://pilotdesk.app/users"
    );

    let ids = |statements: &[serde_json::Value]| -> Vec<String> {
        statements
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect()
    };
    let mut unique = ids(&first);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), first.len(), "every statement has its own id");
    assert_eq!(ids(&read("second.json", None)), ids(&first), "stable ids");
    assert_eq!(read("ben.json", Some("P2")).len(), 0);
    assert_eq!(read("ana.json", Some("P1")).len(), first.len());
    assert!(pilotdesk_core::workflows::exports::export_portfolio_xapi(
        &store,
        &dir.path().join("nobody.json"),
        Some("P9")
    )
    .is_err());
}

fn member(person: &str, team: &str, start: &str, changes: &[&str]) -> Member {
    Member {
        person: person.into(),
        team: team.into(),
        start: Some(date(start)),
        role_changes: changes.iter().map(|d| date(d)).collect(),
    }
}

/// A pilot running 2026-03-02 (a Monday) to 2026-03-29 (a Sunday): 28 days, 4 weeks.
/// Pilot teams North (5 people) and South (2); comparison 5 people. Floor 5.
fn facts() -> AsyncFacts {
    let mut pilot_group: Vec<Member> = (1..=5)
        .map(|i| member(&format!("n{i}"), "North", "2024-01-01", &[]))
        .collect();
    pilot_group[0].role_changes = vec![date("2026-03-16")];
    pilot_group.push(member("s1", "South", "2024-01-01", &[]));
    pilot_group.push(member("s2", "South", "2024-01-01", &[]));
    AsyncFacts {
        pilot_id: 1,
        pilot_name: "Support".into(),
        from: date("2026-03-02"),
        to: date("2026-03-29"),
        min_group_size: 5,
        check_in_weeks: 3,
        top_level: 4,
        pilot_group,
        comparison_group: (1..=5)
            .map(|i| member(&format!("c{i}"), "West", "2024-01-01", &[]))
            .collect(),
        feedback: vec![
            ("n1".into(), date("2026-03-03"), Some(10)),
            ("n1".into(), date("2026-03-10"), None),
            ("n2".into(), date("2026-03-04"), Some(11)),
            ("n3".into(), date("2026-03-20"), None),
            ("s1".into(), date("2026-03-05"), None),
            ("s1".into(), date("2026-03-25"), None),
            ("n4".into(), date("2026-03-06"), Some(13)),
            ("n4".into(), date("2026-02-20"), None), // before the pilot
            ("c1".into(), date("2026-03-10"), None), // comparison group
        ],
        samples: vec![
            (10, "n1".into(), date("2026-03-02")), // answered after 1 day
            (11, "n2".into(), date("2026-03-02")), // answered after 2 days
            (12, "n3".into(), date("2026-03-19")), // waiting 10 days on the 29th
            (13, "n4".into(), date("2026-03-02")), // answered after 4 days
            (14, "n5".into(), date("2026-03-20")), // waiting 9 days
        ],
        reviews: vec![
            ("n1".into(), date("2026-03-05"), vec![2, 2]),
            ("n1".into(), date("2026-03-26"), vec![3, 3]),
            ("n2".into(), date("2026-03-06"), vec![1, 3]),
            ("n2".into(), date("2026-03-27"), vec![2, 4]),
            ("n3".into(), date("2026-03-10"), vec![4]),
            ("n4".into(), date("2026-03-11"), vec![1]),
            ("n5".into(), date("2026-03-12"), vec![2, 2]),
            ("s1".into(), date("2026-03-12"), vec![4, 4]),
        ],
        flagged: vec!["n3".into(), "s2".into(), "c1".into()],
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn the_async_report_by_hand() {
    let report = build(&facts());
    assert_eq!(report.pilot_people, 7);
    assert!(!report.hidden);

    // 7 notes in the window to 7 people over 4 weeks: 7 / 7 / 4.
    assert_eq!(report.frequency.notes, 7);
    assert!(close(report.frequency.per_person_per_week, 0.25));
    let weekly: Vec<u32> = report.frequency.weekly.iter().map(|w| w.notes).collect();
    assert_eq!(weekly, vec![4, 1, 1, 1], "weeks of 2, 9, 16 and 23 March");
    assert_eq!(report.frequency.weekly[0].week_start, "2026-03-02");

    // Answered after 1, 2 and 4 days; waiting 9 and 10 days. KM: S = 4/5 at 1, 3/5 at 2,
    // 2/5 at 4: median 4. Answered only: S = 1/3 at 2 days, so 2.
    let first = &report.first_feedback;
    assert!(!first.hidden);
    assert_eq!(first.people, 5);
    assert_eq!((first.samples, first.answered, first.waiting), (5, 3, 2));
    assert_eq!(first.median_days, Some(4.0));
    assert_eq!(first.median_days_answered, Some(2.0));
    assert_eq!(first.longest_wait_days, Some(10.0));
    // Samples from fewer people than the floor: no figure.
    let mut fewer = facts();
    fewer.samples.retain(|(_, p, _)| p != "n5");
    let hidden = build(&fewer).first_feedback;
    assert!(hidden.hidden);
    assert_eq!(
        (hidden.people, hidden.samples, hidden.median_days),
        (4, 0, None)
    );

    // Latest reviews: n1 [3,3], n2 [2,4], n3 [4], n4 [1], n5 [2,2], s1 [4,4]: 6 people,
    // 29 over 10 scores. Reviewed twice: n1 and n2, first [2,2,1,3] = 2, last [3,3,2,4] = 3: +1.
    let q = &report.quality;
    assert_eq!(q.reviewed_people, 6);
    assert!(close(q.mean_level, 2.9));
    assert_eq!(q.reviewed_twice, 2);
    assert_eq!(q.change, None, "2 people are under the floor of 5");

    // Promotion from 2026-03-02 to 03-29: 7 people x 27 days, 1 role change.
    let years = 7.0 * 27.0 / 365.25;
    assert!(close(report.promotion.pilot.per_person_year, 1.0 / years));
    assert!(close(report.promotion.comparison.per_person_year, 0.0));
    assert!(close(report.promotion.difference, 1.0 / years));

    // Flagged in the pilot's teams: n3 and s2 (c1 is in the comparison group).
    assert_eq!(report.check_ins.flagged, Some(2));

    // North has 5 people, South 2: South is under the floor, and with a total shown North
    // would give it back, so both are hidden.
    assert_eq!(report.teams.len(), 2);
    assert!(report.teams.iter().all(|t| t.hidden && t.notes.is_none()));
}

#[test]
fn the_change_shows_once_enough_people_are_reviewed_twice_and_teams_over_the_floor_show() {
    let mut f = facts();
    for (i, person) in ["n3", "n4", "n5"].iter().enumerate() {
        f.reviews
            .push((person.to_string(), date("2026-03-28"), vec![i as u32 + 2]));
    }
    // Reviewed twice: n1 [2,2]->[3,3], n2 [1,3]->[2,4], n3 [4]->[2], n4 [1]->[3], n5
    // [2,2]->[4]. First: 2+2+1+3+4+1+2+2 = 17 over 8; last: 3+3+2+4+2+3+4 = 21 over 7.
    let q = build(&f).quality;
    assert_eq!(q.reviewed_twice, 5);
    assert!(close(q.first_mean, 17.0 / 8.0));
    assert!(close(q.last_mean, 3.0));
    assert!(close(q.change, 3.0 - 17.0 / 8.0));

    // Move South to North's size: both teams show.
    for i in 3..=5 {
        f.pilot_group
            .push(member(&format!("s{i}"), "South", "2024-01-01", &[]));
    }
    let report = build(&f);
    let north = report.teams.iter().find(|t| t.team == "North").unwrap();
    let south = report.teams.iter().find(|t| t.team == "South").unwrap();
    assert!(!north.hidden && !south.hidden);
    // North: n1 2, n2 1, n3 1, n4 1 = 5 notes over 5 people and 4 weeks.
    assert_eq!(north.notes, Some(5));
    assert!(close(north.per_person_per_week, 0.25));
    assert_eq!(south.notes, Some(2));
    // Only s1 is reviewed in South: under the floor, no mean; North's 5 are shown.
    assert_eq!(south.mean_level, None);
    // North's latest: n1 [3,3], n2 [2,4], n3 [2], n4 [3], n5 [4]: 21 over 7.
    assert!(close(north.mean_level, 3.0));
}

#[test]
fn a_pilot_group_under_the_floor_shows_nothing_but_its_size() {
    let mut f = facts();
    f.pilot_group.truncate(4);
    let report = build(&f);
    assert!(report.hidden);
    assert_eq!(report.pilot_people, 4);
    assert_eq!(report.frequency.notes, 0);
    assert_eq!(report.frequency.per_person_per_week, None);
    assert_eq!(report.quality.mean_level, None);
    assert_eq!(report.first_feedback.samples, 0);
    assert!(report.promotion.pilot.hidden);
    assert_eq!(report.promotion.difference, None);
    assert_eq!(report.check_ins.flagged, None);
    assert!(report.teams.iter().all(|t| t.hidden));
}
