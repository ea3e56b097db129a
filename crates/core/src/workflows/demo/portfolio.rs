//! The demo's asynchronous competency: micro-feedback, a work sample with an annotation and
//! two reviewers' scores for people in the running pilot's team, so the portfolio, the
//! reviewers' agreement and the no-live-check-in flag have something true to show.

use chrono::{Duration, NaiveDate};

use crate::error::Result;
use crate::model::portfolio::{
    Anchor, AnnotationInput, FeedbackInput, ReviewInput, SampleInput, ScoreInput,
};
use crate::store::{people, settings, Store};
use crate::workflows::portfolio::{feedback, reviews, samples};
use crate::workflows::skills::frameworks::find_competency;

const CASE_NOTES: &str = "Ticket 48213: invoice portal shows a blank page after login.\n\
Customer: finance team at Larkfield Foods, payment run due Friday.\n\
Impact named first: they cannot release 40 supplier payments.\n\
Checked: browser cache cleared, second user sees the same, status page green.\n\
Cause: the SSO group mapping dropped their finance role after Tuesday's change.\n\
Fix: role restored with the identity team; customer confirmed the portal loads.\n\
Next: I call back Thursday 10:00 to confirm the payment run went through.\n\
Root cause logged for the identity team: mapping change needs a finance-role check.\n";

pub(super) fn seed(store: &mut Store, team: &str, today: NaiveDate) -> Result<()> {
    let members: Vec<_> = people::list(store.conn())?
        .into_iter()
        .filter(|p| p.team == team && p.role == "Support Specialist")
        .filter(|p| p.leaving_date.is_none_or(|d| d >= today))
        .collect();
    let everyone = people::list(store.conn())?;
    let role_holder = |role: &str| {
        everyone
            .iter()
            .find(|p| p.role == role)
            .map(|p| p.id.clone())
    };
    let (Some(manager), Some(lead)) = (
        members.first().and_then(|p| p.manager_id.clone()),
        role_holder("L&D Lead"),
    ) else {
        return Ok(());
    };
    let ce = |store: &Store, code: &str| find_competency(store, code).ok();
    let notes = [
        ("CE.1", "manager", 16, "You named the customer's impact before touching the settings; the call calmed down straight away."),
        ("CE.2", "coach", 9, "Good elimination: second user, cache, status page, then the SSO mapping. Write the checks in the ticket as you go."),
        ("CE.4", "peer", 4, "Your root-cause note saved me an hour on a similar ticket today. Thank you."),
    ];
    for (n, person) in members.iter().take(3).enumerate() {
        for (code, from, days_ago, note) in notes.iter().skip(n) {
            // Each note from someone who would give it: the manager, the L&D lead coaching,
            // or a colleague in the team.
            let author = match *from {
                "manager" => manager.clone(),
                "coach" => lead.clone(),
                _ => members
                    .iter()
                    .find(|p| p.id != person.id)
                    .map_or(lead.clone(), |p| p.id.clone()),
            };
            settings::act_for_session(store.conn(), &author)?;
            let day = today - Duration::days(*days_ago + n as i64);
            feedback::give(
                store,
                &FeedbackInput {
                    person_id: person.id.clone(),
                    competency_id: ce(store, code),
                    author_role: (*from).into(),
                    note: (*note).into(),
                    task_id: None,
                    sample_id: None,
                    given_on: day.to_string(),
                },
                today,
            )?;
        }
    }
    let Some(first) = members.first() else {
        return Ok(());
    };
    let added = samples::add_content(
        store,
        &SampleInput {
            person_id: first.id.clone(),
            path: String::new(),
            title: "Escalation case notes, ticket 48213".into(),
            competency_id: ce(store, "CE.4"),
        },
        "case-notes-48213.txt",
        CASE_NOTES.as_bytes(),
        today - Duration::days(12),
    )?;
    samples::annotate(
        store,
        &AnnotationInput {
            sample_id: added.sample.id,
            competency_id: ce(store, "CE.2"),
            anchor: Anchor::Lines { from: 4, to: 5 },
            note: "Rules out the usual suspects before naming the cause.".into(),
        },
    )?;
    for (reviewer, levels, days_ago) in [(&manager, [3, 3, 2, 3], 8), (&lead, [3, 2, 4, 3], 3)] {
        settings::act_for_session(store.conn(), reviewer)?;
        let scores = ["CE.1", "CE.2", "CE.3", "CE.4"]
            .iter()
            .zip(levels)
            .map(|(code, level)| ScoreInput {
                competency_id: ce(store, code),
                level: level.to_string(),
                comment: String::new(),
            })
            .collect();
        reviews::review(
            store,
            &ReviewInput {
                person_id: first.id.clone(),
                reviewed_on: (today - Duration::days(days_ago)).to_string(),
                comment: String::new(),
                scores,
            },
            today,
        )?;
    }
    settings::end_session(store.conn())?;
    Ok(())
}
