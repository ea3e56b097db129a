//! The demo's coaching network: a certified coach (the finished pilot's busiest team lead,
//! so the checklist's certified-coaches item reads a real certification), one working
//! toward the associate level in the running pilot's team, and the People team's internal
//! coach just nominated. Every record is stamped on the day it happened.

use chrono::{Duration, NaiveDate};

use crate::error::Result;
use crate::model::coaches::{
    CertifyInput, CoachFeedbackInput, CoachObservationInput, NominateInput, RubricScoreInput,
    TrainingInput,
};
use crate::model::Person;
use crate::store::coaches::facts;
use crate::store::{people, Store};
use crate::workflows::coaches::{certify, evidence, roster};
use crate::workflows::stamped_at;

const RUBRIC: [&str; 5] = [
    "agreement",
    "questions",
    "listening",
    "feedback",
    "commitment",
];

fn on<T>(day: NaiveDate, work: impl FnOnce() -> Result<T>) -> Result<T> {
    stamped_at(
        day.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc(),
        work,
    )
}

/// The team lead of `team` with the `role` who logged the most coaching hours in the two
/// years to `today`; ties go to the smaller id, so the pick never varies.
fn busiest(
    everyone: &[Person],
    hours: &std::collections::HashMap<String, f64>,
    team: &str,
    role: &str,
) -> Option<Person> {
    everyone
        .iter()
        .filter(|p| p.team == team && p.role == role)
        .max_by(|a, b| {
            let h = |p: &Person| hours.get(&p.id).copied().unwrap_or(0.0);
            h(a).total_cmp(&h(b)).then(b.id.cmp(&a.id))
        })
        .cloned()
}

fn nominate(store: &mut Store, who: &Person, day: NaiveDate, note: &str) -> Result<()> {
    on(day, || {
        roster::nominate(
            store,
            &NominateInput {
                person_id: who.id.clone(),
                nominated_by: who.manager_id.clone().unwrap_or_default(),
                note: note.into(),
            },
            day,
        )
    })?;
    Ok(())
}

fn train(store: &mut Store, who: &Person, day: NaiveDate) -> Result<()> {
    on(day, || {
        roster::train(
            store,
            &TrainingInput {
                coach_id: who.id.clone(),
                trained_on: day.to_string(),
            },
            day,
        )
    })?;
    Ok(())
}

fn observe(
    store: &mut Store,
    who: &Person,
    assessor: &str,
    day: NaiveDate,
    scores: [u32; 5],
    note: &str,
) -> Result<()> {
    on(day, || {
        evidence::observe(
            store,
            &CoachObservationInput {
                coach_id: who.id.clone(),
                assessor_id: assessor.into(),
                observed_on: day.to_string(),
                scores: RUBRIC
                    .iter()
                    .zip(scores)
                    .map(|(item, score)| RubricScoreInput {
                        item: (*item).into(),
                        score: Some(score),
                    })
                    .collect(),
                note: note.into(),
            },
            day,
        )
    })?;
    Ok(())
}

/// Ratings from the people the coach coached, most recent first, a day apart.
fn ratings(
    store: &mut Store,
    who: &Person,
    ratings: &[(u32, &str)],
    first: NaiveDate,
) -> Result<()> {
    let coachees = facts::coachees_of(store.conn(), &who.id)?;
    for (n, (rating, comment)) in ratings.iter().enumerate() {
        let day = first + Duration::days(n as i64);
        let coachee = coachees
            .get(n % coachees.len().max(1))
            .map(|c| c.id.clone())
            .unwrap_or_default();
        on(day, || {
            evidence::feedback(
                store,
                &CoachFeedbackInput {
                    coach_id: who.id.clone(),
                    coachee_id: coachee,
                    rating: Some(*rating),
                    comment: (*comment).into(),
                    given_on: day.to_string(),
                },
                day,
            )
        })?;
    }
    Ok(())
}

pub(super) fn seed(store: &mut Store, today: NaiveDate) -> Result<()> {
    let everyone = people::list(store.conn())?;
    let hours = facts::hours_by_coach(store.conn(), today - Duration::days(730), today)?;
    let lead = everyone
        .iter()
        .find(|p| p.role == "L&D Lead")
        .map(|p| p.id.clone());
    let (Some(lead), Some(certified), Some(learning), Some(nominee)) = (
        lead,
        busiest(&everyone, &hours, "Sales East", "Sales Team Lead"),
        busiest(&everyone, &hours, "Customer Support", "Support Team Lead"),
        everyone
            .iter()
            .find(|p| p.role == "Internal Coach")
            .cloned(),
    ) else {
        return Ok(());
    };
    let day = |back: i64| today - Duration::days(back);

    nominate(
        store,
        &certified,
        day(120),
        "Ran the pipeline pilot's coaching for Sales East",
    )?;
    train(store, &certified, day(100))?;
    observe(
        store,
        &certified,
        &lead,
        day(60),
        [3, 3, 4, 3, 3],
        "Clear contract; let the silence work",
    )?;
    observe(
        store,
        &certified,
        &lead,
        day(30),
        [4, 3, 3, 3, 4],
        "Strong close: the next step was the coachee's",
    )?;
    ratings(
        store,
        &certified,
        &[
            (5, "I leave with one thing to try, every time"),
            (4, "Good questions; sometimes runs over"),
            (4, ""),
            (5, "Helped me prepare the renewal call"),
            (4, ""),
        ],
        day(25),
    )?;
    on(day(14), || {
        certify::certify(
            store,
            &CertifyInput {
                coach_id: certified.id.clone(),
                level: "certified".into(),
            },
            day(14),
        )
    })?;

    nominate(
        store,
        &learning,
        day(45),
        "Asked to coach across the escalation teams",
    )?;
    train(store, &learning, day(30))?;
    observe(
        store,
        &learning,
        &certified.id,
        day(10),
        [3, 2, 3, 3, 2],
        "Tends to give the answer; good follow-up",
    )?;
    ratings(
        store,
        &learning,
        &[(4, "Practical"), (5, "Made the escalation playbook click")],
        day(8),
    )?;

    nominate(store, &nominee, day(5), "Coaches new starters across teams")?;
    Ok(())
}
