//! The evidence a certification rests on besides hours: sessions observed and scored by
//! an assessor, and coachees' ratings.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};

use crate::error::Result;
use crate::model::coaches::{CoachFeedback, CoachObservation, RubricScore};

pub struct NewObservation<'a> {
    pub coach_id: &'a str,
    pub assessor_id: &'a str,
    pub observed_on: NaiveDate,
    /// In the rubric's order.
    pub scores: &'a [(String, u32)],
    pub mean_score: f64,
    pub note: &'a str,
    pub created_at: &'a str,
}

pub fn insert_observation(tx: &Transaction, o: &NewObservation) -> Result<i64> {
    // {"item": score}, as the schema documents it.
    let scores: serde_json::Map<String, serde_json::Value> = o
        .scores
        .iter()
        .map(|(item, score)| (item.clone(), serde_json::Value::from(*score)))
        .collect();
    tx.execute(
        "INSERT INTO coach_observations (coach_id, assessor_id, observed_on, scores_json,
             mean_score, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            o.coach_id,
            o.assessor_id,
            o.observed_on,
            serde_json::Value::Object(scores).to_string(),
            o.mean_score,
            o.note,
            o.created_at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A coach's observed sessions, newest first. Scores are labelled from `labels` (the
/// rubric's keys and labels); an item the rubric no longer has keeps its key as its label.
pub fn observations(
    conn: &Connection,
    coach_id: &str,
    labels: &[(String, String)],
) -> Result<Vec<CoachObservation>> {
    let mut statement = conn.prepare(
        "SELECT o.id, o.coach_id, o.assessor_id, coalesce(p.name, o.assessor_id), o.observed_on,
                o.scores_json, o.mean_score, o.note
         FROM coach_observations o LEFT JOIN people p ON p.id = o.assessor_id
         WHERE o.coach_id = ?1 ORDER BY o.observed_on DESC, o.id DESC",
    )?;
    let rows = statement.query_map([coach_id], |r| {
        let json: String = r.get(5)?;
        // An object's keys come back sorted, so the rubric's order is restored from
        // `labels`; a row the schema's CHECKs let in but JSON cannot read shows no scores.
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&json).unwrap_or_default();
        let mut scores: Vec<RubricScore> = map
            .iter()
            .map(|(item, score)| RubricScore {
                item: item.clone(),
                label: labels
                    .iter()
                    .find(|(key, _)| key == item)
                    .map_or_else(|| item.clone(), |(_, label)| label.clone()),
                score: score.as_u64().unwrap_or(0) as u32,
            })
            .collect();
        scores.sort_by_key(|s| {
            labels
                .iter()
                .position(|(key, _)| *key == s.item)
                .unwrap_or(usize::MAX)
        });
        Ok(CoachObservation {
            id: r.get(0)?,
            coach_id: r.get(1)?,
            assessor_id: r.get(2)?,
            assessor_name: r.get(3)?,
            observed_on: r.get(4)?,
            scores,
            mean_score: r.get(6)?,
            note: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub struct NewFeedback<'a> {
    pub coach_id: &'a str,
    pub coachee_id: Option<&'a str>,
    pub rating: u32,
    pub comment: &'a str,
    pub given_on: NaiveDate,
    pub created_at: &'a str,
}

pub fn insert_feedback(tx: &Transaction, f: &NewFeedback) -> Result<i64> {
    tx.execute(
        "INSERT INTO coach_feedback (coach_id, coachee_id, rating, comment, given_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            f.coach_id,
            f.coachee_id,
            f.rating,
            f.comment,
            f.given_on,
            f.created_at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A coach's feedback from coachees, newest first.
pub fn feedback(conn: &Connection, coach_id: &str) -> Result<Vec<CoachFeedback>> {
    let mut statement = conn.prepare(
        "SELECT f.id, f.coach_id, f.coachee_id, p.name, f.rating, f.comment, f.given_on
         FROM coach_feedback f LEFT JOIN people p ON p.id = f.coachee_id
         WHERE f.coach_id = ?1 ORDER BY f.given_on DESC, f.id DESC",
    )?;
    let rows = statement.query_map([coach_id], |r| {
        Ok(CoachFeedback {
            id: r.get(0)?,
            coach_id: r.get(1)?,
            coachee_id: r.get(2)?,
            coachee_name: r.get(3)?,
            rating: r.get(4)?,
            comment: r.get(5)?,
            given_on: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
