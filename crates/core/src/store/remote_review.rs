//! Member keys, the review bundles sent, the ballots received, and on a member's machine
//! the ballots they cast.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::{BallotReceipt, BallotStatus, CastBallot, MemberKey};

pub struct NewKey<'a> {
    pub person_id: &'a str,
    pub public_key: &'a str,
    pub fingerprint: &'a str,
    pub added_at: &'a str,
    pub added_by: &'a str,
    pub log_id: i64,
}

/// Registers a member's key, retiring the one they had.
pub fn add_key(tx: &Transaction, key: &NewKey) -> Result<()> {
    tx.execute(
        "UPDATE steering_keys SET retired_at = ?2 WHERE person_id = ?1 AND retired_at IS NULL",
        params![key.person_id, key.added_at],
    )?;
    tx.execute(
        "INSERT INTO steering_keys (person_id, public_key, fingerprint, added_at, added_by, log_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            key.person_id,
            key.public_key,
            key.fingerprint,
            key.added_at,
            key.added_by,
            key.log_id
        ],
    )?;
    Ok(())
}

/// Who a key belongs to, and whether it was retired (when).
pub fn key_owner(conn: &Connection, public_key: &str) -> Result<Option<(String, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT person_id, retired_at FROM steering_keys WHERE public_key = ?1",
            [public_key],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

/// The current keys of current members.
pub fn current_keys(conn: &Connection) -> Result<Vec<MemberKey>> {
    let mut statement = conn.prepare(
        "SELECT k.person_id, p.name, k.public_key, k.fingerprint, k.added_at, k.added_by
         FROM steering_keys k JOIN people p ON p.id = k.person_id
         JOIN steering_members s ON s.person_id = k.person_id AND s.left_at IS NULL
         WHERE k.retired_at IS NULL ORDER BY p.name",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(MemberKey {
            person_id: row.get(0)?,
            name: row.get(1)?,
            public_key: row.get(2)?,
            fingerprint: row.get(3)?,
            added_at: row.get(4)?,
            added_by: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub struct NewBundle<'a> {
    pub item_id: i64,
    pub version: i64,
    pub hash: &'a str,
    pub pack_hash: &'a str,
    pub sent_at: &'a str,
    pub sent_by: &'a str,
}

pub fn next_version(conn: &Connection, item_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM review_bundles WHERE item_id = ?1",
        [item_id],
        |row| row.get(0),
    )?)
}

pub fn insert_bundle(tx: &Transaction, bundle: &NewBundle) -> Result<i64> {
    tx.execute(
        "INSERT INTO review_bundles (item_id, version, hash, pack_hash, sent_at, sent_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            bundle.item_id,
            bundle.version,
            bundle.hash,
            bundle.pack_hash,
            bundle.sent_at,
            bundle.sent_by
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A bundle this workspace sent, by its hash: (item, version, sent at).
pub struct BundleRecord {
    pub item_id: i64,
    pub version: i64,
    pub sent_at: String,
}

fn bundle_row(row: &rusqlite::Row) -> rusqlite::Result<BundleRecord> {
    Ok(BundleRecord {
        item_id: row.get(0)?,
        version: row.get(1)?,
        sent_at: row.get(2)?,
    })
}

pub fn bundle_by_hash(conn: &Connection, hash: &str) -> Result<Option<BundleRecord>> {
    Ok(conn
        .query_row(
            "SELECT item_id, version, sent_at FROM review_bundles WHERE hash = ?1",
            [hash],
            bundle_row,
        )
        .optional()?)
}

/// The latest bundle sent for an item: (version, sent at).
pub fn latest_bundle(conn: &Connection, item_id: i64) -> Result<Option<BundleRecord>> {
    Ok(conn
        .query_row(
            "SELECT item_id, version, sent_at FROM review_bundles WHERE item_id = ?1
             ORDER BY version DESC LIMIT 1",
            [item_id],
            bundle_row,
        )
        .optional()?)
}

pub struct NewBallot<'a> {
    pub file_hash: &'a str,
    pub file_name: &'a str,
    pub received_at: &'a str,
    pub received_by: &'a str,
    pub status: BallotStatus,
    pub reason: &'a str,
    pub item_id: Option<i64>,
    pub person_id: Option<&'a str>,
    pub fingerprint: &'a str,
    pub choice: &'a str,
    pub cast_at: &'a str,
    pub log_id: i64,
    pub content: &'a str,
}

pub fn insert_ballot(tx: &Transaction, ballot: &NewBallot) -> Result<i64> {
    tx.execute(
        "INSERT INTO ballots (file_hash, file_name, received_at, received_by, status, reason,
                              item_id, person_id, fingerprint, choice, cast_at, log_id, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            ballot.file_hash,
            ballot.file_name,
            ballot.received_at,
            ballot.received_by,
            ballot.status.as_str(),
            ballot.reason,
            ballot.item_id,
            ballot.person_id,
            ballot.fingerprint,
            ballot.choice,
            ballot.cast_at,
            ballot.log_id,
            ballot.content
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// When a ballot with this signed content was counted before.
pub fn counted_at(conn: &Connection, file_hash: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT received_at FROM ballots WHERE file_hash = ?1 AND status = 'counted'",
            [file_hash],
            |row| row.get(0),
        )
        .optional()?)
}

/// Ballots received, newest first; for one item when given.
pub fn received(conn: &Connection, item_id: Option<i64>) -> Result<Vec<BallotReceipt>> {
    let mut statement = conn.prepare(
        "SELECT b.id, b.file_name, b.received_at, b.status, b.reason, b.item_id, i.pilot_id,
                p.name, b.fingerprint, b.choice, b.cast_at
         FROM ballots b LEFT JOIN governance_items i ON i.id = b.item_id
         LEFT JOIN people p ON p.id = b.person_id
         WHERE ?1 IS NULL OR b.item_id = ?1 ORDER BY b.id DESC",
    )?;
    let rows = statement.query_map([item_id], |row| {
        let status: String = row.get(3)?;
        Ok(BallotReceipt {
            id: row.get(0)?,
            file_name: row.get(1)?,
            received_at: row.get(2)?,
            status: if status == "counted" {
                BallotStatus::Counted
            } else {
                BallotStatus::Refused
            },
            reason: row.get(4)?,
            item_id: row.get(5)?,
            pilot_id: row.get(6)?,
            member_name: row.get(7)?,
            fingerprint: row.get(8)?,
            choice: row.get(9)?,
            cast_at: row.get(10)?,
            quorum: None,
            decision_id: None,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub struct NewCastBallot<'a> {
    pub bundle_hash: &'a str,
    pub pilot_name: &'a str,
    pub subject: &'a str,
    pub choice: &'a str,
    pub comment: &'a str,
    pub cast_at: &'a str,
    pub file_hash: &'a str,
    pub content: &'a str,
}

pub fn insert_cast(tx: &Transaction, ballot: &NewCastBallot) -> Result<i64> {
    tx.execute(
        "INSERT INTO cast_ballots (bundle_hash, pilot_name, subject, choice, comment, cast_at,
                                   file_hash, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            ballot.bundle_hash,
            ballot.pilot_name,
            ballot.subject,
            ballot.choice,
            ballot.comment,
            ballot.cast_at,
            ballot.file_hash,
            ballot.content
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn cast_for(conn: &Connection, bundle_hash: &str) -> Result<Vec<CastBallot>> {
    let mut statement = conn.prepare(
        "SELECT id, bundle_hash, pilot_name, subject, choice, comment, cast_at, file_hash
         FROM cast_ballots WHERE bundle_hash = ?1 ORDER BY id",
    )?;
    let rows = statement.query_map([bundle_hash], |row| {
        Ok(CastBallot {
            id: row.get(0)?,
            bundle_hash: row.get(1)?,
            pilot_name: row.get(2)?,
            subject: row.get(3)?,
            choice: row.get(4)?,
            comment: row.get(5)?,
            cast_at: row.get(6)?,
            file_hash: row.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
