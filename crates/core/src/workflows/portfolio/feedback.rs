//! Micro-feedback: a few sentences to a person about a competency, as quick to leave as the
//! quick log.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::portfolio::{AuthorRole, Feedback, FeedbackInput};
use crate::store::portfolio::{feedback, samples};
use crate::store::Store;
use crate::workflows::pilots::Problems;
use crate::workflows::{record_change, timestamp_now};

use super::{competency, day_or_today, not_found, person};

/// A note is a few sentences: longer belongs in a conversation.
pub const NOTE_MAX: usize = 600;

pub fn give(store: &mut Store, input: &FeedbackInput, today: NaiveDate) -> Result<Feedback> {
    let mut problems = Problems::default();
    let who = person(store, &mut problems, &input.person_id)?;
    let competency_id = competency(store, &mut problems, "competencyId", input.competency_id)?;
    let role = AuthorRole::parse(&input.author_role);
    if role.is_none() {
        problems.add("authorRole", "say who gives it: manager, peer or coach");
    }
    let note = problems.required(
        "note",
        &input.note,
        NOTE_MAX,
        "write the feedback: a few sentences",
    );
    let given_on = day_or_today(&mut problems, "givenOn", &input.given_on, today);
    if let (Some(sample), Some(who)) = (input.sample_id, &who) {
        match samples::owner(store.conn(), sample)? {
            Some(owner) if owner == who.id => {}
            Some(_) => problems.add(
                "sampleId",
                "that work sample is in someone else's portfolio",
            ),
            None => problems.add("sampleId", format!("there is no work sample {sample}")),
        }
    }
    if let Some(task) = input.task_id {
        if crate::store::playbooks::owner_of_task(store.conn(), task).is_err() {
            problems.add("taskId", format!("there is no playbook task {task}"));
        }
    }
    let (Some(who), Some(competency_id), Some(role), Some(given_on)) =
        (who, competency_id, role, given_on)
    else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let now = timestamp_now();
    let tx = store.write()?;
    let author = crate::store::settings::load(&tx)?.current_user;
    let id = feedback::insert(
        &tx,
        &feedback::NewFeedback {
            person_id: &who.id,
            author: &author,
            author_role: role,
            competency_id,
            task_id: input.task_id,
            sample_id: input.sample_id,
            note: &note,
            given_on,
            created_at: &now,
        },
    )?;
    record_change(
        &tx,
        "feedback",
        &id.to_string(),
        "created",
        &format!("Feedback to {}", who.name),
    )?;
    tx.commit()?;
    feedback::load(store.conn(), Some(&who.id))?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or_else(|| not_found("feedback", id))
}

pub fn list(store: &Store, person_id: Option<&str>) -> Result<Vec<Feedback>> {
    feedback::load(store.conn(), person_id)
}
