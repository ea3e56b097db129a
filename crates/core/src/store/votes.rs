use rusqlite::{params, Connection, Transaction};

use serde_json::json;

use crate::error::Result;
use crate::metrics::log_rows::RecordedRow;
use crate::model::{MemberFunction, Recusal, Vote, VoteChoice};

pub struct NewVote<'a> {
    pub item_id: i64,
    /// The signed ballot the vote arrived in, if it did.
    pub ballot_id: Option<i64>,
    pub person_id: &'a str,
    pub function: MemberFunction,
    pub choice: VoteChoice,
    pub comment: &'a str,
    pub at: &'a str,
    pub log_id: i64,
}

pub fn insert(tx: &Transaction, vote: &NewVote) -> Result<i64> {
    tx.execute(
        "INSERT INTO votes (item_id, person_id, function, choice, comment, at, log_id, ballot_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            vote.item_id,
            vote.person_id,
            vote.function.as_str(),
            vote.choice.as_str(),
            vote.comment,
            vote.at,
            vote.log_id,
            vote.ballot_id
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Every vote on an item in the order cast, each marked when a later vote of the same
/// member or their recusal means it no longer counts.
pub fn for_item(conn: &Connection, item_id: i64) -> Result<Vec<Vote>> {
    let mut statement = conn.prepare(
        "SELECT v.id, v.item_id, v.person_id, p.name, v.function, v.choice, v.comment, v.at,
                EXISTS (SELECT 1 FROM votes later WHERE later.item_id = v.item_id
                        AND later.person_id = v.person_id AND later.id > v.id),
                EXISTS (SELECT 1 FROM recusals r WHERE r.item_id = v.item_id
                        AND r.person_id = v.person_id),
                v.log_id, b.fingerprint
         FROM votes v JOIN people p ON p.id = v.person_id
         LEFT JOIN ballots b ON b.id = v.ballot_id
         WHERE v.item_id = ?1 ORDER BY v.id",
    )?;
    let rows = statement.query_map([item_id], |row| {
        let function: String = row.get(4)?;
        let choice: String = row.get(5)?;
        Ok(Vote {
            id: row.get(0)?,
            item_id: row.get(1)?,
            person_id: row.get(2)?,
            name: row.get(3)?,
            function: MemberFunction::parse(&function).unwrap_or(MemberFunction::Other),
            choice: VoteChoice::parse(&choice).unwrap_or(VoteChoice::Reject),
            comment: row.get(6)?,
            at: row.get(7)?,
            superseded: row.get(8)?,
            recused: row.get(9)?,
            log_id: row.get(10)?,
            fingerprint: row.get(11)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub struct NewRecusal<'a> {
    pub item_id: i64,
    pub person_id: &'a str,
    pub reason: &'a str,
    pub at: &'a str,
    pub log_id: i64,
    pub ballot_id: Option<i64>,
}

pub fn recuse(tx: &Transaction, recusal: &NewRecusal) -> Result<()> {
    tx.execute(
        "INSERT INTO recusals (item_id, person_id, reason, at, log_id, ballot_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            recusal.item_id,
            recusal.person_id,
            recusal.reason,
            recusal.at,
            recusal.log_id,
            recusal.ballot_id
        ],
    )?;
    Ok(())
}

pub fn recusals(conn: &Connection, item_id: i64) -> Result<Vec<Recusal>> {
    let mut statement = conn.prepare(
        "SELECT r.person_id, p.name, r.reason, r.at, b.fingerprint FROM recusals r
         JOIN people p ON p.id = r.person_id LEFT JOIN ballots b ON b.id = r.ballot_id WHERE r.item_id = ?1 ORDER BY r.at",
    )?;
    let rows = statement.query_map([item_id], |row| {
        Ok(Recusal {
            person_id: row.get(0)?,
            name: row.get(1)?,
            reason: row.get(2)?,
            at: row.get(3)?,
            fingerprint: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every vote, recusal and decision with the fields its log entry repeats, for `audit verify`
/// to match one to one.
pub fn recorded_rows(conn: &Connection) -> Result<Vec<RecordedRow>> {
    let mut rows = Vec::new();
    let mut votes =
        conn.prepare("SELECT id, item_id, person_id, choice, comment, log_id FROM votes")?;
    for row in votes.query_map([], |r| {
        Ok(RecordedRow {
            what: "vote",
            id: r.get(0)?,
            log_id: r.get(5)?,
            fields: vec![
                ("itemId", json!(r.get::<_, i64>(1)?)),
                ("personId", json!(r.get::<_, String>(2)?)),
                ("choice", json!(r.get::<_, String>(3)?)),
                ("comment", json!(r.get::<_, String>(4)?)),
            ],
        })
    })? {
        rows.push(row?);
    }
    let mut recusals =
        conn.prepare("SELECT rowid, item_id, person_id, reason, log_id FROM recusals")?;
    for row in recusals.query_map([], |r| {
        Ok(RecordedRow {
            what: "recusal",
            id: r.get(0)?,
            log_id: r.get(4)?,
            fields: vec![
                ("itemId", json!(r.get::<_, i64>(1)?)),
                ("personId", json!(r.get::<_, String>(2)?)),
                ("reason", json!(r.get::<_, String>(3)?)),
            ],
        })
    })? {
        rows.push(row?);
    }
    let mut decisions =
        conn.prepare("SELECT id, pilot_id, item_id, outcome, summary, log_id FROM decisions")?;
    for row in decisions.query_map([], |r| {
        Ok(RecordedRow {
            what: "decision",
            id: r.get(0)?,
            log_id: r.get(5)?,
            fields: vec![
                ("pilotId", json!(r.get::<_, i64>(1)?)),
                ("itemId", json!(r.get::<_, Option<i64>>(2)?)),
                ("outcome", json!(r.get::<_, String>(3)?)),
                ("summary", json!(r.get::<_, String>(4)?)),
            ],
        })
    })? {
        rows.push(row?);
    }
    Ok(rows)
}
