//! Recording the evidence: a session observed and scored against the rubric by a
//! certified assessor, and a coachee's rating of their coach.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::coaches::{
    CoachFeedback, CoachFeedbackInput, CoachObservation, CoachObservationInput,
};
use crate::store::coaches::evidence;
use crate::store::Store;
use crate::workflows::pilots::Problems;
use crate::workflows::{record_change, timestamp_now};

use super::roster::assessors;
use super::{active_coach, day_or_today, person, standard, NOTE_MAX};

/// Records an observed session. Every rubric item is scored 1-4; the assessor holds a
/// valid certification at the certified level on the day, or the standard approves them.
pub fn observe(
    store: &mut Store,
    input: &CoachObservationInput,
    today: NaiveDate,
) -> Result<CoachObservation> {
    let conn = store.conn();
    let coach = active_coach(conn, &input.coach_id)?;
    let standard = standard::current_in(conn)?;
    let mut problems = Problems::default();
    let observed_on = day_or_today(&mut problems, "observedOn", &input.observed_on, today);
    let assessor = person(conn, &mut problems, "assessorId", &input.assessor_id)?;
    if let (Some(assessor), Some(day)) = (&assessor, observed_on) {
        if assessor.id == coach.person_id {
            problems.add("assessorId", "a coach cannot assess their own session");
        } else if !assessors(conn, &standard, &coach.person_id, day)?
            .iter()
            .any(|a| a.id == assessor.id)
        {
            let roles = &standard.criteria.approved_assessor_roles;
            let approved = if roles.is_empty() {
                String::new()
            } else {
                format!(", or the standard approves them (the {})", roles.join(", "))
            };
            problems.add(
                "assessorId",
                format!(
                    "{} is not a certified assessor: assessors hold a valid certification at \
                     the certified level{approved}",
                    assessor.name
                ),
            );
        }
    }
    let rubric = &standard.criteria.rubric;
    let keys: Vec<&str> = rubric.iter().map(|i| i.key.as_str()).collect();
    for given in &input.scores {
        let key = given.item.trim();
        if !keys.contains(&key) {
            problems.add(
                &format!("scores.{key}"),
                format!("\"{key}\" is not in the rubric ({})", keys.join(", ")),
            );
        } else if input.scores.iter().filter(|s| s.item.trim() == key).count() > 1 {
            problems.add(&format!("scores.{key}"), "scored twice");
        }
    }
    let mut scores: Vec<(String, u32)> = Vec::new();
    for item in rubric {
        let field = format!("scores.{}", item.key);
        match input
            .scores
            .iter()
            .find(|s| s.item.trim() == item.key)
            .map(|s| s.score)
        {
            None | Some(None) => {
                problems.add(&field, format!("score \"{}\" from 1 to 4", item.label))
            }
            Some(Some(score)) if (1..=4).contains(&score) => scores.push((item.key.clone(), score)),
            Some(Some(score)) => problems.add(
                &field,
                format!("{score} is off the scale; score 1 (not yet) to 4 (exemplary)"),
            ),
        }
    }
    problems.limit("note", input.note.trim(), NOTE_MAX);
    let (Some(assessor), Some(observed_on)) = (assessor, observed_on) else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let mean_score = scores.iter().map(|(_, s)| f64::from(*s)).sum::<f64>() / scores.len() as f64;
    let now = timestamp_now();
    let tx = store.write()?;
    standard::ensure_in(&tx)?;
    let id = evidence::insert_observation(
        &tx,
        &evidence::NewObservation {
            coach_id: &coach.person_id,
            assessor_id: &assessor.id,
            observed_on,
            scores: &scores,
            mean_score,
            note: input.note.trim(),
            created_at: &now,
        },
    )?;
    record_change(
        &tx,
        "coach",
        &coach.person_id,
        "observed",
        &format!(
            "{} observed a session of {} (mean score {})",
            assessor.name,
            coach.name,
            crate::metrics::coaches::progress::mean_text(mean_score)
        ),
    )?;
    tx.commit()?;
    let labels: Vec<(String, String)> = rubric
        .iter()
        .map(|i| (i.key.clone(), i.label.clone()))
        .collect();
    evidence::observations(store.conn(), &coach.person_id, &labels)?
        .into_iter()
        .find(|o| o.id == id)
        .ok_or_else(|| Error::NotFound {
            entity: "observation",
            id: id.to_string(),
        })
}

/// Records a coachee's rating of their coach, 1 (poor) to 5 (excellent).
pub fn feedback(
    store: &mut Store,
    input: &CoachFeedbackInput,
    today: NaiveDate,
) -> Result<CoachFeedback> {
    let conn = store.conn();
    let coach = active_coach(conn, &input.coach_id)?;
    let mut problems = Problems::default();
    let rating = match input.rating {
        Some(r) if (1..=5).contains(&r) => Some(r),
        Some(r) => {
            problems.add(
                "rating",
                format!("{r} is off the scale; rate 1 (poor) to 5 (excellent)"),
            );
            None
        }
        None => {
            problems.add("rating", "rate the coach from 1 (poor) to 5 (excellent)");
            None
        }
    };
    let coachee = if input.coachee_id.trim().is_empty() {
        None
    } else {
        person(conn, &mut problems, "coacheeId", &input.coachee_id)?
    };
    if coachee.as_ref().is_some_and(|c| c.id == coach.person_id) {
        problems.add("coacheeId", "a coach cannot rate themselves");
    }
    problems.limit("comment", input.comment.trim(), NOTE_MAX);
    let given_on = day_or_today(&mut problems, "givenOn", &input.given_on, today);
    let (Some(rating), Some(given_on)) = (rating, given_on) else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let now = timestamp_now();
    let tx = store.write()?;
    let id = evidence::insert_feedback(
        &tx,
        &evidence::NewFeedback {
            coach_id: &coach.person_id,
            coachee_id: coachee.as_ref().map(|c| c.id.as_str()),
            rating,
            comment: input.comment.trim(),
            given_on,
            created_at: &now,
        },
    )?;
    record_change(
        &tx,
        "coach",
        &coach.person_id,
        "rated",
        &format!("A coachee rated {} {rating} of 5", coach.name),
    )?;
    tx.commit()?;
    evidence::feedback(store.conn(), &coach.person_id)?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or_else(|| Error::NotFound {
            entity: "coach feedback",
            id: id.to_string(),
        })
}
