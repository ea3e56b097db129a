//! Coaches and certification, end to end through the workflows on a small hand-built
//! organisation: nominating, progress in numbers, who may assess, certifying (refused with
//! each unmet criterion, then recorded with its evidence), expiry and renewal, a changed
//! standard, matching across teams, and what the readiness checklist reads.
mod support;

use chrono::{Duration, NaiveDate};
use pilotdesk_core::model::coaches::*;
use pilotdesk_core::model::skills::{RatingInput, RoleRequirementInput};
use pilotdesk_core::model::{Arm, Cohort, CohortMember, ComparisonDesign, Person};
use pilotdesk_core::store::{people, settings};
use pilotdesk_core::workflows::coaches::{
    certify, evidence, matching, readiness_facts, roster, standard,
};
use pilotdesk_core::workflows::skills::{frameworks, ratings};
use pilotdesk_core::{Error, Store};
use support::date;

const TODAY: &str = "2027-03-01";

fn today() -> NaiveDate {
    date(TODAY)
}

fn person(id: &str, name: &str, team: &str, role: &str, manager: Option<&str>) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        email: format!("{}@example.com", id.to_lowercase()),
        team: team.into(),
        role: role.into(),
        manager_id: manager.map(String::from),
        hire_date: None,
        leaving_date: None,
    }
}

/// Lena leads L&D; Mara, Chris and Cleo lead teams; Pat, Sam and Sky are coachees.
fn workspace() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    frameworks::ensure_builtin(&mut store).unwrap();
    let tx = store.write().unwrap();
    for p in [
        person("L1", "Lena Lead", "People", "L&D Lead", None),
        person("M1", "Mara Manager", "Sales East", "Sales Team Lead", None),
        person("C2", "Chris Coach", "Support", "Support Team Lead", None),
        person("C3", "Cleo Carter", "Success", "Success Team Lead", None),
        person(
            "P1",
            "Pat Park",
            "Sales East",
            "Account Executive",
            Some("M1"),
        ),
        person(
            "S1",
            "Sam Stone",
            "Support",
            "Support Specialist",
            Some("C2"),
        ),
        person("S2", "Sky Shaw", "Success", "Success Associate", Some("C3")),
    ] {
        people::insert(&tx, &p, date("2026-01-01")).unwrap();
    }
    settings::set(&tx, settings::CURRENT_USER, "Lena Lead").unwrap();
    settings::set(&tx, settings::CURRENT_USER_ID, "L1").unwrap();
    tx.commit().unwrap();
    store
}

/// `count` sessions of `minutes`, `every` days apart from `first` at 09:30.
fn sessions(
    store: &mut Store,
    coach: &str,
    coachee: &str,
    first: &str,
    count: u32,
    every: i64,
    minutes: u32,
) {
    let tx = store.write().unwrap();
    let start = date(first).and_hms_opt(9, 30, 0).unwrap();
    for i in 0..count {
        let n: i64 = tx
            .query_row("SELECT count(*) FROM coaching_events", [], |r| r.get(0))
            .unwrap();
        tx.execute(
            "INSERT INTO coaching_events (uid, manager_id, coachee_id, occurred_at, minutes, kind, source)
             VALUES (?1, ?2, ?3, ?4, ?5, 'micro_coaching', 'quick_log')",
            rusqlite::params![
                format!("00000000-0000-4000-8000-{n:012}"),
                coach,
                coachee,
                (start + Duration::days(every * i64::from(i)))
                    .format("%Y-%m-%dT%H:%M:%S")
                    .to_string(),
                minutes
            ],
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

fn nominate(store: &mut Store, id: &str) -> Coach {
    roster::nominate(
        store,
        &NominateInput {
            person_id: id.into(),
            nominated_by: String::new(),
            note: String::new(),
        },
        date("2026-09-01"),
    )
    .unwrap()
}

fn scores(values: [u32; 5]) -> Vec<RubricScoreInput> {
    [
        "agreement",
        "questions",
        "listening",
        "feedback",
        "commitment",
    ]
    .iter()
    .zip(values)
    .map(|(item, score)| RubricScoreInput {
        item: item.to_string(),
        score: Some(score),
    })
    .collect()
}

fn observe(
    store: &mut Store,
    coach: &str,
    assessor: &str,
    on: &str,
    values: [u32; 5],
) -> Result<CoachObservation, Error> {
    evidence::observe(
        store,
        &CoachObservationInput {
            coach_id: coach.into(),
            assessor_id: assessor.into(),
            observed_on: on.into(),
            scores: scores(values),
            note: String::new(),
        },
        date(on).max(today()),
    )
}

fn rate(store: &mut Store, coach: &str, coachee: &str, rating: u32, on: &str) {
    evidence::feedback(
        store,
        &CoachFeedbackInput {
            coach_id: coach.into(),
            coachee_id: coachee.into(),
            rating: Some(rating),
            comment: String::new(),
            given_on: on.into(),
        },
        today(),
    )
    .unwrap();
}

fn train(store: &mut Store, coach: &str, on: &str) {
    roster::train(
        store,
        &TrainingInput {
            coach_id: coach.into(),
            trained_on: on.into(),
        },
        today(),
    )
    .unwrap();
}

fn certify_as(
    store: &mut Store,
    coach: &str,
    level: &str,
    on: NaiveDate,
) -> Result<Certification, Error> {
    certify::certify(
        store,
        &CertifyInput {
            coach_id: coach.into(),
            level: level.into(),
        },
        on,
    )
}

/// Everything the certified level asks: training, 20 hours, two sessions observed at a
/// mean of 3.2, five ratings averaging 4.4.
fn meet_certified(store: &mut Store, coach: &str, coachee: &str) {
    train(store, coach, "2026-10-01");
    sessions(store, coach, coachee, "2026-10-05", 40, 2, 30);
    observe(store, coach, "L1", "2027-01-10", [3, 3, 4, 3, 3]).unwrap();
    observe(store, coach, "L1", "2027-02-10", [3, 4, 3, 3, 3]).unwrap();
    for r in [5, 4, 4, 5, 4] {
        rate(store, coach, coachee, r, "2027-02-20");
    }
}

fn field_messages(error: Error) -> Vec<(String, String)> {
    match error {
        Error::Invalid { details, .. } => details
            .into_iter()
            .map(|d| (d.field.unwrap_or_default(), d.message))
            .collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn reasons(level: &LevelProgress) -> Vec<(&str, bool)> {
    level
        .criteria
        .iter()
        .map(|c| (c.reason.as_str(), c.met))
        .collect()
}

#[test]
fn a_nominated_coach_shows_progress_toward_each_level_in_numbers() {
    let mut store = workspace();
    let standards = |s: &Store| -> i64 {
        s.conn()
            .query_row("SELECT count(*) FROM certification_standards", [], |r| {
                r.get(0)
            })
            .unwrap()
    };
    assert_eq!(standards(&store), 0);
    assert_eq!(standard::current(&store).unwrap().version, 1);
    let coach = nominate(&mut store, "M1");
    assert_eq!(coach.nominated_by, "Lena Lead");
    // The default standard was written down on first use, as version 1.
    assert_eq!(standards(&store), 1);
    let progress = roster::progress(&store, "M1", today()).unwrap();
    assert_eq!(progress.status, CoachStatus::Nominated);
    assert_eq!(progress.standard.criteria.rubric.len(), 5);
    // 24 sessions of 30 minutes: 12 hours.
    sessions(&mut store, "M1", "P1", "2027-01-04", 24, 2, 30);
    let progress = roster::progress(&store, "M1", today()).unwrap();
    assert_eq!(progress.status, CoachStatus::InProgress);
    assert_eq!(progress.hours, 12.0);
    let associate = &progress.levels[0];
    let certified = &progress.levels[1];
    assert_eq!(
        reasons(associate),
        vec![
            ("No coach training recorded yet", false),
            ("12 hours logged (8 needed)", true),
            ("0 of 1 session observed", false),
            (
                "No session scored yet (a mean of at least 2.5 of 4 needed)",
                false
            ),
            ("0 of 3 coachee ratings", false),
            ("No ratings yet (a mean of at least 3.5 of 5 needed)", false),
        ]
    );
    assert_eq!(certified.criteria[1].reason, "12 of 20 hours logged");
    assert!(certified
        .blocked
        .as_deref()
        .unwrap()
        .starts_with("Not yet met: No coach training recorded yet; 12 of 20 hours logged;"));
    assert_eq!(
        progress
            .coachees
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        vec!["P1"]
    );
    // The L&D lead assesses until someone is certified; the coach never assesses themself.
    assert_eq!(
        progress
            .assessors
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        vec!["L1"]
    );
    let list = roster::list(&store, today()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].target_level, CoachLevel::Associate);
    assert_eq!((list[0].criteria_met, list[0].criteria_total), (1, 6));
}

#[test]
fn nominating_names_the_field_of_each_problem() {
    let mut store = workspace();
    let refused = |store: &mut Store, person: &str, by: &str| {
        field_messages(
            roster::nominate(
                store,
                &NominateInput {
                    person_id: person.into(),
                    nominated_by: by.into(),
                    note: String::new(),
                },
                today(),
            )
            .unwrap_err(),
        )
    };
    assert_eq!(
        refused(&mut store, "E404", "M404"),
        vec![
            (
                "personId".into(),
                "there is no one with the id \"E404\"".into()
            ),
            (
                "nominatedBy".into(),
                "there is no one with the id \"M404\"".into()
            ),
        ]
    );
    assert_eq!(
        refused(&mut store, "M1", "M1"),
        vec![(
            "nominatedBy".into(),
            "a coach is nominated by someone else".into()
        )]
    );
    roster::nominate(
        &mut store,
        &NominateInput {
            person_id: "M1".into(),
            nominated_by: "C2".into(),
            note: "Strong with new starters".into(),
        },
        today(),
    )
    .unwrap();
    assert_eq!(
        refused(&mut store, "M1", ""),
        vec![(
            "personId".into(),
            "Mara Manager was nominated on 1 Mar 2027 by Chris Coach".into()
        )]
    );
}

#[test]
fn only_a_certified_assessor_scores_every_rubric_item_from_1_to_4() {
    let mut store = workspace();
    nominate(&mut store, "M1");
    let refused = |store: &mut Store, assessor: &str, given: Vec<RubricScoreInput>| {
        field_messages(
            evidence::observe(
                store,
                &CoachObservationInput {
                    coach_id: "M1".into(),
                    assessor_id: assessor.into(),
                    observed_on: String::new(),
                    scores: given,
                    note: String::new(),
                },
                today(),
            )
            .unwrap_err(),
        )
    };
    assert_eq!(
        refused(&mut store, "P1", scores([3; 5])),
        vec![(
            "assessorId".into(),
            "Pat Park is not a certified assessor: assessors hold a valid certification at the \
             certified level, or the standard approves them (the L&D Lead)"
                .into()
        )]
    );
    assert_eq!(
        refused(&mut store, "M1", scores([3; 5]))[0].1,
        "a coach cannot assess their own session"
    );
    let mut given = scores([3, 5, 0, 3, 3]);
    given.pop();
    given.push(RubricScoreInput {
        item: "charisma".into(),
        score: Some(4),
    });
    assert_eq!(
        refused(&mut store, "L1", given),
        vec![
            (
                "scores.charisma".into(),
                "\"charisma\" is not in the rubric (agreement, questions, listening, feedback, \
                 commitment)"
                    .into()
            ),
            (
                "scores.questions".into(),
                "5 is off the scale; score 1 (not yet) to 4 (exemplary)".into()
            ),
            (
                "scores.listening".into(),
                "0 is off the scale; score 1 (not yet) to 4 (exemplary)".into()
            ),
            (
                "scores.commitment".into(),
                "score \"Ends with a commitment\" from 1 to 4".into()
            ),
        ]
    );
    let observed = observe(&mut store, "M1", "L1", TODAY, [3, 3, 4, 3, 3]).unwrap();
    // (3 + 3 + 4 + 3 + 3) / 5.
    assert_eq!(observed.mean_score, 3.2);
    assert_eq!(observed.assessor_name, "Lena Lead");
    assert_eq!(observed.scores[0].label, "Agrees the focus");
    assert_eq!(observed.scores[2].score, 4);
    let tomorrow = field_messages(
        evidence::observe(
            &mut store,
            &CoachObservationInput {
                coach_id: "M1".into(),
                assessor_id: "L1".into(),
                observed_on: "2027-03-02".into(),
                scores: scores([3; 5]),
                note: String::new(),
            },
            today(),
        )
        .unwrap_err(),
    );
    assert_eq!(
        tomorrow,
        vec![("observedOn".into(), "the date is in the future".into())]
    );
}

#[test]
fn certifying_is_refused_naming_each_unmet_criterion_then_records_the_evidence() {
    let mut store = workspace();
    nominate(&mut store, "M1");
    let unmet = field_messages(certify_as(&mut store, "M1", "associate", today()).unwrap_err());
    assert_eq!(
        unmet.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>(),
        vec![
            "training",
            "hours",
            "observations",
            "observationScore",
            "feedbackCount",
            "feedbackRating"
        ]
    );
    assert_eq!(unmet[1].1, "Coaching hours logged: 0 of 8 hours logged");
    let error = certify_as(&mut store, "M1", "associate", today()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Mara Manager cannot be certified as associate coach yet: 6 of the standard's criteria \
         are not met"
    );
    assert_eq!(
        field_messages(certify_as(&mut store, "M1", "master", today()).unwrap_err()),
        vec![(
            "level".into(),
            "choose the level: associate or certified".into()
        )]
    );
    // What the associate level asks, exactly: training, 8 hours (16 x 30 min), one session
    // at 2.6, three ratings averaging 3.67.
    train(&mut store, "M1", "2026-10-01");
    sessions(&mut store, "M1", "P1", "2027-01-04", 16, 2, 30);
    observe(&mut store, "M1", "L1", "2027-02-01", [3, 2, 3, 2, 3]).unwrap();
    for r in [4, 3, 4] {
        rate(&mut store, "M1", "P1", r, "2027-02-15");
    }
    let unmet = field_messages(certify_as(&mut store, "M1", "certified", today()).unwrap_err());
    assert_eq!(
        unmet,
        vec![
            (
                "hours".into(),
                "Coaching hours logged: 8 of 20 hours logged".into()
            ),
            (
                "observations".into(),
                "Sessions observed by a certified assessor: 1 of 2 sessions observed".into()
            ),
            (
                "observationScore".into(),
                "Mean observation score: 2.6 of 4 over 1 session, below 3.0".into()
            ),
            (
                "feedbackCount".into(),
                "Coachee feedback received: 3 of 5 coachee ratings".into()
            ),
            (
                "feedbackRating".into(),
                "Mean coachee rating: 3.66 of 5 over 3 ratings, below 4.0".into()
            ),
        ]
    );
    let made = certify_as(&mut store, "M1", "associate", today()).unwrap();
    assert_eq!(made.level, CoachLevel::Associate);
    assert_eq!(made.standard_version, 1);
    assert_eq!(made.certified_by, "Lena Lead");
    // 24 months less a day.
    assert_eq!(made.valid_until, date("2029-02-28"));
    assert_eq!(made.evidence.len(), 6);
    assert!(made.evidence.iter().all(|c| c.met));
    assert_eq!(made.evidence[1].reason, "8 hours logged (8 needed)");
    // The evidence is kept as it stood: more hours later do not change it.
    sessions(&mut store, "M1", "P1", "2027-02-02", 4, 1, 60);
    let progress = roster::progress(&store, "M1", today()).unwrap();
    assert_eq!(
        progress.certifications[0].evidence[1].reason,
        "8 hours logged (8 needed)"
    );
    assert_eq!(progress.status, CoachStatus::Certified);
    assert_eq!(progress.current.as_ref().map(|c| c.id), Some(made.id));
    let again = certify_as(&mut store, "M1", "associate", today()).unwrap_err();
    assert_eq!(
        again.to_string(),
        "Mara Manager: Already associate coach until 28 Feb 2029; recertification opens on 30 \
         Nov 2028"
    );
}

#[test]
fn a_certified_coach_assesses_others_until_the_certification_expires() {
    let mut store = workspace();
    nominate(&mut store, "M1");
    nominate(&mut store, "C2");
    meet_certified(&mut store, "M1", "P1");
    let made = certify_as(&mut store, "M1", "certified", today()).unwrap();
    assert_eq!(made.valid_until, date("2029-02-28"));
    // Mara now assesses Chris's sessions; Lena still may.
    let assessors = roster::progress(&store, "C2", today()).unwrap().assessors;
    assert_eq!(
        assessors.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        vec!["L1", "M1"]
    );
    observe(&mut store, "C2", "M1", TODAY, [3; 5]).unwrap();
    // On 1 Mar 2029 Mara's certification has expired: she neither counts nor assesses.
    let later = date("2029-03-01");
    let progress = roster::progress(&store, "M1", later).unwrap();
    assert_eq!(progress.status, CoachStatus::Expired);
    assert!(progress.current.is_none());
    let refused = field_messages(
        evidence::observe(
            &mut store,
            &CoachObservationInput {
                coach_id: "C2".into(),
                assessor_id: "M1".into(),
                observed_on: "2029-03-01".into(),
                scores: scores([3; 5]),
                note: String::new(),
            },
            later,
        )
        .unwrap_err(),
    );
    assert_eq!(refused[0].0, "assessorId");
}

#[test]
fn renewal_opens_in_the_last_ninety_days_and_rests_on_the_last_two_years_of_evidence() {
    let mut store = workspace();
    nominate(&mut store, "M1");
    meet_certified(&mut store, "M1", "P1");
    let first = certify_as(&mut store, "M1", "certified", today()).unwrap();
    // 30 Nov 2028 is 90 days before 28 Feb 2029: renewal opens.
    let opens = date("2028-11-30");
    let early = certify_as(&mut store, "M1", "certified", opens - Duration::days(1));
    assert!(early
        .unwrap_err()
        .to_string()
        .contains("recertification opens on 30 Nov 2028"));
    // Only evidence from the last 24 months counts: of the sessions every other day from
    // 5 Oct to 22 Dec 2026, the 12 from 30 Nov on remain, 6 hours. The observations (Jan
    // and Feb 2027) and ratings (Feb 2027) still count.
    assert_eq!(
        field_messages(certify_as(&mut store, "M1", "certified", opens).unwrap_err()),
        vec![(
            "hours".into(),
            "Coaching hours logged: 6 of 20 hours logged".into()
        )]
    );
    // Recent practice: 28 more half-hour sessions in autumn 2028 make 20 hours.
    sessions(&mut store, "M1", "P1", "2028-09-04", 28, 2, 30);
    let renewed = certify_as(&mut store, "M1", "certified", opens).unwrap();
    assert_eq!(renewed.valid_until, date("2030-11-29"));
    assert_eq!(renewed.evidence[1].reason, "20 hours logged (20 needed)");
    let progress = roster::progress(&store, "M1", date("2029-03-01")).unwrap();
    assert_eq!(progress.current.map(|c| c.id), Some(renewed.id));
    assert_eq!(progress.certifications.len(), 2);
    assert_eq!(progress.certifications[1].id, first.id);
}

#[test]
fn the_workspace_writes_its_own_standard_as_a_new_version() {
    let mut store = workspace();
    nominate(&mut store, "M1");
    meet_certified(&mut store, "M1", "P1");
    let made = certify_as(&mut store, "M1", "associate", today()).unwrap();
    let mut criteria = standard::default_criteria();
    criteria.levels[1].feedback_count = 8;
    criteria.rubric.truncate(4);
    let v2 = standard::set(&mut store, "Meridian coach standard", &criteria).unwrap();
    assert_eq!(v2.version, 2);
    assert_eq!(
        standard::current(&store).unwrap().name,
        "Meridian coach standard"
    );
    let progress = roster::progress(&store, "M1", today()).unwrap();
    assert_eq!(
        progress.levels[1].criteria[4].reason,
        "5 of 8 coachee ratings"
    );
    // The old certification names the version it was assessed against.
    assert_eq!(progress.certifications[0].id, made.id);
    assert_eq!(progress.certifications[0].standard_version, 1);
    // An observation recorded before the change keeps the item the rubric dropped.
    assert_eq!(progress.observations[0].scores.len(), 5);
    let mut bad = standard::default_criteria();
    bad.levels[1].min_observation_mean = 5.0;
    bad.rubric[1].key = "agreement".into();
    bad.validity_months = 0;
    assert_eq!(
        field_messages(standard::set(&mut store, " ", &bad).unwrap_err()),
        vec![
            ("name".into(), "name the standard".into()),
            (
                "levels.certified.minObservationMean".into(),
                "the rubric scores 1 to 4, so the minimum mean is 1 to 4".into()
            ),
            ("rubric.1.key".into(), "\"agreement\" is used twice".into()),
            (
                "validityMonths".into(),
                "give the validity as 1 to 120 months".into()
            ),
            (
                "renewalDays".into(),
                "the renewal window must be shorter than the validity".into()
            ),
        ]
    );
    let (name, parsed) = standard::parse(
        &serde_json::json!({"name": "From a file", "criteria": criteria}).to_string(),
    )
    .unwrap();
    assert_eq!(
        (name.as_str(), parsed.levels[1].feedback_count),
        ("From a file", 8)
    );
    assert!(standard::parse("{\"levels\": 3}").is_err());
}

#[test]
fn matching_crosses_teams_ranks_by_the_gap_level_and_load_and_says_who_was_left_out() {
    let mut store = workspace();
    let ce2 = frameworks::find_competency(&store, "CE.2").unwrap();
    ratings::set_requirement(
        &mut store,
        &RoleRequirementInput {
            role: "Support Specialist".into(),
            competency_id: Some(ce2),
            level: "3".into(),
        },
    )
    .unwrap();
    let rate_on = |store: &mut Store, person: &str, level: &str| {
        ratings::rate(
            store,
            &RatingInput {
                person_id: person.into(),
                competency_id: Some(ce2),
                level: level.into(),
                rater: "manager".into(),
                rated_on: "2027-01-15".into(),
                evidence: String::new(),
            },
            today(),
        )
        .unwrap();
    };
    rate_on(&mut store, "S1", "1");
    rate_on(&mut store, "M1", "4");
    rate_on(&mut store, "C3", "3");
    for coach in ["M1", "C2", "C3"] {
        nominate(&mut store, coach);
    }
    meet_certified(&mut store, "M1", "P1");
    meet_certified(&mut store, "C3", "S2");
    meet_certified(&mut store, "C2", "S1");
    for coach in ["M1", "C3", "C2"] {
        certify_as(&mut store, coach, "certified", today()).unwrap();
    }
    // Cleo coached 22 hours in the last four weeks (5.5 a week, over the 4-hour default);
    // Mara 4 hours (1 a week).
    sessions(&mut store, "C3", "S2", "2027-02-02", 22, 1, 60);
    sessions(&mut store, "M1", "P1", "2027-02-10", 4, 1, 60);
    let report = matching::suggest(&store, "S1", today()).unwrap();
    let gap = report.gap.as_ref().unwrap();
    assert_eq!((gap.level, gap.target), (Some(1), 3));
    assert_eq!(report.weekly_load_hours, 4.0);
    assert_eq!(
        report
            .suggestions
            .iter()
            .map(|s| s.coach_id.as_str())
            .collect::<Vec<_>>(),
        vec!["M1"]
    );
    let best = &report.suggestions[0];
    assert_eq!(best.competency_rating, Some(4));
    assert!(
        best.reasons[0].starts_with("Rated 4 on CE.2"),
        "{}",
        best.reasons[0]
    );
    assert!(best.reasons[0].ends_with("where the role asks 3 and Sam Stone is at 1"));
    assert_eq!(best.reasons[1], "Certified coach until 28 Feb 2029");
    // 4 hours in the window: the sessions of 10-13 Feb; the older ones are before it.
    assert_eq!(
        best.reasons[2],
        "1.0 h a week over the last 4 weeks, under the 4.0 h threshold"
    );
    let left: Vec<(&str, &str)> = report
        .left_out
        .iter()
        .map(|l| (l.coach_id.as_str(), l.reason.as_str()))
        .collect();
    assert_eq!(
        left,
        vec![
            (
                "C2",
                "In Sam Stone's own team (Support); matching crosses teams"
            ),
            (
                "C3",
                "Over the time-credit threshold: 5.5 h a week over the last 4 weeks against \
                 4.0 h"
            ),
        ]
    );
    assert_eq!(
        field_messages(matching::suggest(&store, "E404", today()).unwrap_err()),
        vec![(
            "coacheeId".into(),
            "there is no one with the id \"E404\"".into()
        )]
    );
}

#[test]
fn the_checklist_counts_valid_certifications_in_the_pilots_teams() {
    let mut store = workspace();
    for coach in ["M1", "C2", "C3"] {
        nominate(&mut store, coach);
    }
    meet_certified(&mut store, "M1", "P1");
    certify_as(&mut store, "M1", "certified", today()).unwrap();
    let member = |id: &str, team: &str, arm: Arm| CohortMember {
        manager_id: id.into(),
        manager_name: id.into(),
        team: team.into(),
        team_size: 1,
        arm,
        wave: None,
        matched_with: None,
        match_distance: None,
    };
    let cohort = Cohort {
        design: ComparisonDesign::HandPicked,
        seed: None,
        members: vec![
            member("M1", "Sales East", Arm::Pilot),
            member("C2", "Support", Arm::Pilot),
            member("C3", "Success", Arm::Comparison),
        ],
    };
    let facts = readiness_facts(store.conn(), &cohort, today()).unwrap();
    assert_eq!(
        facts.certified,
        vec![(
            "Mara Manager".to_string(),
            CoachLevel::Certified,
            date("2029-02-28")
        )]
    );
    // Chris is in a pilot team and working toward it; Cleo's team is the comparison.
    assert_eq!(facts.in_progress, 1);
    let expired = readiness_facts(store.conn(), &cohort, date("2029-03-01")).unwrap();
    assert!(expired.certified.is_empty());
    assert_eq!(expired.in_progress, 2);
}
