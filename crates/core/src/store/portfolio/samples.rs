//! Work samples and their content, kept once per SHA-256 however many portfolios hold it.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::portfolio::{Anchor, Annotation, WorkSample};
use crate::store::skills::frameworks::{label, NAME_SQL};

/// Stores the content unless it is already stored; true when it was already there.
pub fn keep_content(
    tx: &Transaction,
    sha256: &str,
    media_type: &str,
    bytes: &[u8],
) -> Result<bool> {
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO sample_blobs (sha256, media_type, size, bytes) VALUES (?1, ?2, ?3, ?4)",
        params![sha256, media_type, bytes.len() as i64, bytes],
    )?;
    Ok(inserted == 0)
}

pub struct NewSample<'a> {
    pub person_id: &'a str,
    pub sha256: &'a str,
    pub file_name: &'a str,
    pub title: &'a str,
    pub competency_id: Option<i64>,
    pub added_on: NaiveDate,
    pub added_by: &'a str,
}

pub fn insert(tx: &Transaction, s: &NewSample) -> Result<i64> {
    tx.execute(
        "INSERT INTO work_samples (person_id, sha256, file_name, title, competency_id, added_on,
             added_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            s.person_id,
            s.sha256,
            s.file_name,
            s.title,
            s.competency_id,
            s.added_on,
            s.added_by
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn find(conn: &Connection, person_id: &str, sha256: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM work_samples WHERE person_id = ?1 AND sha256 = ?2",
            params![person_id, sha256],
            |r| r.get(0),
        )
        .optional()?)
}

/// How many samples hold this content.
pub fn holders(conn: &Connection, sha256: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM work_samples WHERE sha256 = ?1",
        [sha256],
        |r| r.get(0),
    )?)
}

pub fn content(conn: &Connection, sample_id: i64) -> Result<Option<(String, String, Vec<u8>)>> {
    Ok(conn
        .query_row(
            "SELECT s.file_name, b.media_type, b.bytes FROM work_samples s
             JOIN sample_blobs b ON b.sha256 = s.sha256 WHERE s.id = ?1",
            [sample_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

pub struct NewAnnotation<'a> {
    pub sample_id: i64,
    pub competency_id: i64,
    pub anchor: &'a Anchor,
    pub note: &'a str,
    pub author: &'a str,
    pub created_at: &'a str,
}

pub fn annotate(tx: &Transaction, a: &NewAnnotation) -> Result<i64> {
    let (page, x, y, width, height, from, to) = match *a.anchor {
        Anchor::Region {
            page,
            x,
            y,
            width,
            height,
        } => (
            Some(page),
            Some(x),
            Some(y),
            Some(width),
            Some(height),
            None,
            None,
        ),
        Anchor::Lines { from, to } => (None, None, None, None, None, Some(from), Some(to)),
    };
    tx.execute(
        "INSERT INTO sample_annotations (sample_id, competency_id, page, x, y, width, height,
             line_from, line_to, note, author, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            a.sample_id,
            a.competency_id,
            page,
            x,
            y,
            width,
            height,
            from,
            to,
            a.note,
            a.author,
            a.created_at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn place(anchor: &Anchor) -> String {
    match *anchor {
        Anchor::Region { page, x, y, .. } => format!(
            "page {page}, region at {:.0}% across and {:.0}% down",
            x * 100.0,
            y * 100.0
        ),
        Anchor::Lines { from, to } if from == to => format!("line {from}"),
        Anchor::Lines { from, to } => format!("lines {from}-{to}"),
    }
}

fn annotations(conn: &Connection, person_id: &str) -> Result<Vec<Annotation>> {
    let mut statement = conn.prepare(&format!(
        "SELECT a.id, a.sample_id, a.competency_id, c.human_coding, {NAME_SQL}, a.page, a.x, a.y,
                a.width, a.height, a.line_from, a.line_to, a.note, a.author, a.created_at
         FROM sample_annotations a JOIN work_samples s ON s.id = a.sample_id
         JOIN competencies c ON c.id = a.competency_id
         WHERE s.person_id = ?1 ORDER BY a.sample_id, a.id"
    ))?;
    let rows = statement.query_map([person_id], |r| {
        let anchor = match r.get::<_, Option<u32>>(5)? {
            Some(page) => Anchor::Region {
                page,
                x: r.get(6)?,
                y: r.get(7)?,
                width: r.get(8)?,
                height: r.get(9)?,
            },
            None => Anchor::Lines {
                from: r.get(10)?,
                to: r.get(11)?,
            },
        };
        Ok(Annotation {
            id: r.get(0)?,
            sample_id: r.get(1)?,
            competency_id: r.get(2)?,
            competency: label(&r.get::<_, String>(3)?, &r.get::<_, String>(4)?),
            place: place(&anchor),
            anchor,
            note: r.get(12)?,
            author: r.get(13)?,
            created_at: r.get(14)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A person's samples, newest first, each with its annotations.
pub fn for_person(conn: &Connection, person_id: &str) -> Result<Vec<WorkSample>> {
    let mut notes = annotations(conn, person_id)?;
    let mut statement = conn.prepare(&format!(
        "SELECT s.id, s.person_id, s.title, s.file_name, b.media_type, b.size, s.sha256,
                s.competency_id, c.human_coding, {NAME_SQL}, s.added_on, s.added_by
         FROM work_samples s JOIN sample_blobs b ON b.sha256 = s.sha256
         LEFT JOIN competencies c ON c.id = s.competency_id
         WHERE s.person_id = ?1 ORDER BY s.added_on DESC, s.id DESC"
    ))?;
    let rows = statement.query_map([person_id], |r| {
        let code: Option<String> = r.get(8)?;
        let name: Option<String> = r.get(9)?;
        Ok(WorkSample {
            id: r.get(0)?,
            person_id: r.get(1)?,
            title: r.get(2)?,
            file_name: r.get(3)?,
            media_type: r.get(4)?,
            size: r.get::<_, i64>(5)? as u64,
            sha256: r.get(6)?,
            competency_id: r.get(7)?,
            competency: name.map(|n| label(code.as_deref().unwrap_or(""), &n)),
            added_on: r.get::<_, NaiveDate>(10)?.to_string(),
            added_by: r.get(11)?,
            annotations: Vec::new(),
        })
    })?;
    let mut samples: Vec<WorkSample> = rows.collect::<Result<_, _>>()?;
    for sample in &mut samples {
        let (mine, rest): (Vec<_>, Vec<_>) =
            notes.drain(..).partition(|a| a.sample_id == sample.id);
        sample.annotations = mine;
        notes = rest;
    }
    Ok(samples)
}

pub fn owner(conn: &Connection, sample_id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT person_id FROM work_samples WHERE id = ?1",
            [sample_id],
            |r| r.get(0),
        )
        .optional()?)
}
