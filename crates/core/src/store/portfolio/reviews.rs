//! Portfolio reviews and their scores per competency.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};

use crate::error::Result;
use crate::model::portfolio::{PortfolioReview, ReviewScore};
use crate::store::skills::frameworks::{label, NAME_SQL};

pub struct NewReview<'a> {
    pub person_id: &'a str,
    pub reviewer: &'a str,
    pub reviewed_on: NaiveDate,
    pub comment: &'a str,
    /// (competency, level, comment)
    pub scores: &'a [(i64, u32, String)],
    pub created_at: &'a str,
}

pub fn insert(tx: &Transaction, r: &NewReview) -> Result<i64> {
    tx.execute(
        "INSERT INTO portfolio_reviews (person_id, reviewer, reviewed_on, comment, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            r.person_id,
            r.reviewer,
            r.reviewed_on,
            r.comment,
            r.created_at
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut score = tx.prepare(
        "INSERT INTO review_scores (review_id, competency_id, level, comment) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (competency, level, comment) in r.scores {
        score.execute(params![id, competency, level, comment])?;
    }
    Ok(id)
}

/// A person's reviews, oldest first, each with its scores and their descriptors.
pub fn for_person(conn: &Connection, person_id: &str) -> Result<Vec<PortfolioReview>> {
    let mut statement = conn.prepare(
        "SELECT id, person_id, reviewer, reviewed_on, comment FROM portfolio_reviews
         WHERE person_id = ?1 ORDER BY reviewed_on, id",
    )?;
    let mut reviews: Vec<PortfolioReview> = statement
        .query_map([person_id], |r| {
            Ok(PortfolioReview {
                id: r.get(0)?,
                person_id: r.get(1)?,
                reviewer: r.get(2)?,
                reviewed_on: r.get::<_, NaiveDate>(3)?.to_string(),
                comment: r.get(4)?,
                scores: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut scores = conn.prepare(&format!(
        "SELECT s.competency_id, c.human_coding, {NAME_SQL}, s.level, coalesce(l.label, ''),
                coalesce(l.descriptor, ''), s.comment
         FROM review_scores s JOIN competencies c ON c.id = s.competency_id
         LEFT JOIN competency_levels l ON l.competency_id = s.competency_id AND l.level = s.level
         WHERE s.review_id = ?1 ORDER BY c.position, c.id"
    ))?;
    for review in &mut reviews {
        review.scores = scores
            .query_map([review.id], |r| {
                Ok(ReviewScore {
                    competency_id: r.get(0)?,
                    competency: label(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?),
                    level: r.get(3)?,
                    level_label: r.get(4)?,
                    descriptor: r.get(5)?,
                    comment: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
    }
    Ok(reviews)
}
