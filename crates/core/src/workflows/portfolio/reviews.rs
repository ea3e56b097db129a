//! Portfolio reviews against a framework's levels, and how well two reviewers agree.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::metrics::portfolio::kappa::{disagreements_beyond, weighted_kappa, Weights};
use crate::model::portfolio::{Agreement, PortfolioReview, ReviewInput};
use crate::store::portfolio::reviews;
use crate::store::skills::frameworks;
use crate::store::Store;
use crate::workflows::pilots::Problems;
use crate::workflows::{record_change, timestamp_now};

use super::{day_or_today, not_found, person};

pub fn review(store: &mut Store, input: &ReviewInput, today: NaiveDate) -> Result<PortfolioReview> {
    let mut problems = Problems::default();
    let who = person(store, &mut problems, &input.person_id)?;
    let reviewed_on = day_or_today(&mut problems, "reviewedOn", &input.reviewed_on, today);
    problems.limit("comment", &input.comment, 2000);
    let choices: HashMap<i64, _> = frameworks::choices(store.conn())?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    if input.scores.is_empty() {
        problems.add("scores", "score at least one competency");
    }
    let mut scores: Vec<(i64, u32, String)> = Vec::new();
    for (index, score) in input.scores.iter().enumerate() {
        let field = format!("scores[{index}]");
        let Some(choice) = score.competency_id.and_then(|id| choices.get(&id)) else {
            problems.add(
                &format!("{field}.competencyId"),
                "choose a competency with levels",
            );
            continue;
        };
        let top = choice.levels.iter().map(|l| l.level).max().unwrap_or(0);
        match score.level.trim().parse::<u32>() {
            Ok(level) if (1..=top).contains(&level) => {
                if scores.iter().any(|(c, _, _)| *c == choice.id) {
                    problems.add(&field, format!("\"{}\" is scored twice", choice.label));
                } else {
                    scores.push((choice.id, level, score.comment.trim().to_string()));
                }
            }
            _ => problems.add(
                &format!("{field}.level"),
                format!("choose a level from 1 to {top} for \"{}\"", choice.label),
            ),
        }
        problems.limit(&format!("{field}.comment"), &score.comment, 1000);
    }
    let (Some(who), Some(reviewed_on)) = (who, reviewed_on) else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let now = timestamp_now();
    let tx = store.write()?;
    let reviewer = crate::store::settings::load(&tx)?.current_user;
    let id = reviews::insert(
        &tx,
        &reviews::NewReview {
            person_id: &who.id,
            reviewer: &reviewer,
            reviewed_on,
            comment: input.comment.trim(),
            scores: &scores,
            created_at: &now,
        },
    )?;
    record_change(
        &tx,
        "portfolio_review",
        &id.to_string(),
        "created",
        &format!(
            "{reviewer} reviewed {}'s portfolio ({} competencies)",
            who.name,
            scores.len()
        ),
    )?;
    tx.commit()?;
    reviews::for_person(store.conn(), &who.id)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| not_found("portfolio review", id))
}

/// The agreement of the latest reviews by two different reviewers, over the competencies
/// both scored. Linear weights: the levels are ordered, and one level apart is a smaller
/// disagreement than three.
pub fn agreement(reviews: &[PortfolioReview], levels: u32) -> Option<Agreement> {
    let latest = reviews.iter().next_back()?;
    let other = reviews
        .iter()
        .rev()
        .find(|r| r.reviewer != latest.reviewer)?;
    let mut pairs = Vec::new();
    let mut names = Vec::new();
    for score in &latest.scores {
        if let Some(theirs) = other
            .scores
            .iter()
            .find(|s| s.competency_id == score.competency_id)
        {
            pairs.push((theirs.level, score.level));
            names.push(score.competency.clone());
        }
    }
    if pairs.is_empty() {
        return None;
    }
    let kappa = weighted_kappa(&pairs, levels.max(2), Weights::Linear).map(|k| k.kappa);
    let flagged = disagreements_beyond(&pairs, 1)
        .into_iter()
        .map(|i| format!("{}: {} against {}", names[i], pairs[i].0, pairs[i].1))
        .collect();
    Some(Agreement {
        first_reviewer: other.reviewer.clone(),
        second_reviewer: latest.reviewer.clone(),
        pairs: pairs.len() as u32,
        kappa,
        weights: "linear".into(),
        flagged,
    })
}
