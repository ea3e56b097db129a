//! The lead receives ballot files. Each is checked (its signature, the member's registered
//! key, the bundle it answers, the item still open) and then counts exactly as a vote cast
//! in the app; a ballot that fails a check is refused with its reason. Counted or refused,
//! every ballot is kept as it arrived and entered in the decision log.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde_json::json;

use super::{body_as, BallotBody, BALLOT_KIND, RECUSE};
use crate::error::{Error, Result};
use crate::identity::{encode_key, envelope};
use crate::model::{BallotReceipt, BallotStatus, VoteInput};
use crate::packs::dates::long_date_of;
use crate::store::remote_review::{self, NewBallot};
use crate::store::{items, people, Store};
use crate::workflows::audit::{self, Actor};
use crate::workflows::review::voting::{
    checked_choice, checked_reason, recuse_in, vote_in, BallotProof,
};
use crate::workflows::timestamp_now;

/// Far above any ballot (under a kilobyte plus a 2,000-character comment).
const BALLOT_BYTES_MAX: u64 = 64 * 1024;

/// Receives each file in turn; one refused ballot does not stop the others.
pub fn receive_ballots(
    store: &mut Store,
    paths: &[PathBuf],
    today: NaiveDate,
) -> Result<Vec<BallotReceipt>> {
    let mut receipts = Vec::new();
    for path in paths {
        receipts.push(receive_one(store, path, today)?);
    }
    Ok(receipts)
}

pub fn received_ballots(store: &Store, item_id: Option<i64>) -> Result<Vec<BallotReceipt>> {
    remote_review::received(store.conn(), item_id)
}

/// What a ballot said, as far as it could be read.
#[derive(Default)]
struct Reading {
    hash: String,
    fingerprint: String,
    body: Option<BallotBody>,
}

fn when(at: &str) -> String {
    long_date_of(at).unwrap_or_else(|| at.to_string())
}

fn receive_one(store: &mut Store, path: &Path, today: NaiveDate) -> Result<BallotReceipt> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(path, e))?
        .len();
    // A ballot is a few kilobytes; a file far larger is refused unread rather than loaded.
    let bytes = if size > BALLOT_BYTES_MAX {
        Vec::new()
    } else {
        std::fs::read(path).map_err(|e| Error::io(path, e))?
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let receiver = audit::actor(store.conn())?;
    let mut reading = Reading {
        hash: crate::hashing::sha256_hex(&bytes),
        ..Reading::default()
    };
    let tx = store.write()?;
    // A refusal found after counting began (the decision it completed could not be
    // applied) undoes the count, so only the refusal is recorded.
    tx.execute_batch("SAVEPOINT ballot")?;
    let outcome = if size > BALLOT_BYTES_MAX {
        Err(Stop::Refused(format!(
            "the file is {size} bytes; a ballot is a few kilobytes, so this is not one"
        )))
    } else {
        check_and_count(&tx, &text, &mut reading, &receiver, &file_name, today)
    };
    let receipt = match outcome {
        Ok(receipt) => {
            tx.execute_batch("RELEASE ballot")?;
            receipt
        }
        Err(Stop::Refused(reason)) => {
            tx.execute_batch("ROLLBACK TO ballot; RELEASE ballot")?;
            refuse(&tx, &reading, &receiver, &file_name, &text, reason)?
        }
        Err(Stop::Failed(error)) => return Err(error),
    };
    tx.commit()?;
    Ok(receipt)
}

/// Why a ballot was not counted: refused for what it says, or the machine failed, which
/// ends the import with nothing of this ballot written.
enum Stop {
    Refused(String),
    Failed(Error),
}

impl From<String> for Stop {
    fn from(reason: String) -> Self {
        Stop::Refused(reason)
    }
}

/// The core's refusals (the item is decided, the person is not a member, the comment is
/// missing) are the ballot's; anything else is the machine's.
fn stop(error: Error) -> Stop {
    match error {
        Error::Conflict(reason) => Stop::Refused(reason),
        Error::Invalid { summary, .. } => Stop::Refused(summary),
        Error::NotFound { entity, id } => Stop::Refused(format!(
            "it names {entity} {id}, which is not in this workspace"
        )),
        other => Stop::Failed(other),
    }
}

fn check_and_count(
    tx: &Transaction,
    text: &str,
    reading: &mut Reading,
    receiver: &Actor,
    file_name: &str,
    today: NaiveDate,
) -> std::result::Result<BallotReceipt, Stop> {
    let opened = envelope::open(BALLOT_KIND, "ballot", text)?;
    reading.hash = opened.hash.clone();
    reading.fingerprint = opened.fingerprint.clone();
    let public_key = encode_key(&opened.public_key);
    let body: BallotBody = body_as(&opened.body, "ballot")?;
    reading.body = Some(body.clone());
    let fail = stop;

    if let Some(at) = remote_review::counted_at(tx, &opened.hash).map_err(fail)? {
        return Err(Stop::Refused(format!(
            "this ballot was already received on {} and counted; the same ballot is not \
             counted twice",
            when(&at)
        )));
    }
    let Some(bundle) = remote_review::bundle_by_hash(tx, &body.bundle_hash).map_err(fail)? else {
        return Err(Stop::Refused(format!(
            "it answers a review bundle this workspace never sent ({}…)",
            &body.bundle_hash.chars().take(12).collect::<String>()
        )));
    };
    if bundle.item_id != body.item_id {
        return Err(Stop::Refused(format!(
            "it names item {} but the bundle it answers was for item {}",
            body.item_id, bundle.item_id
        )));
    }
    if let Some(latest) = remote_review::latest_bundle(tx, bundle.item_id).map_err(fail)? {
        if latest.version > bundle.version {
            return Err(Stop::Refused(format!(
                "it answers version {} of the bundle, but version {} was sent on {}; the \
                 member should vote on the latest version",
                bundle.version,
                latest.version,
                when(&latest.sent_at)
            )));
        }
    }
    let owner = remote_review::key_owner(tx, &public_key).map_err(fail)?;
    let person_id = match owner {
        None => {
            return Err(Stop::Refused(format!(
                "it is signed by a key that is not on the steering group's roster \
                 (fingerprint {}); only registered members' ballots count",
                opened.fingerprint
            )))
        }
        Some((_, Some(retired))) => {
            return Err(Stop::Refused(format!(
                "it is signed with a key that was replaced on {} (fingerprint {})",
                when(&retired),
                opened.fingerprint
            )))
        }
        Some((person_id, None)) => person_id,
    };
    if body.voter.person_id.as_deref() != Some(person_id.as_str()) {
        return Err(Stop::Refused(format!(
            "it says it is from {} but is signed with the key registered for {person_id}",
            body.voter.name
        )));
    }
    let person = people::get(tx, &person_id)
        .map_err(fail)?
        .ok_or_else(|| Stop::Refused(format!("{person_id} is no longer in People")))?;
    let item = items::get(tx, body.item_id).map_err(fail)?;

    let details = json!({
        "message": opened.message,
        "signature": opened.signature,
        "publicKey": public_key,
        "fingerprint": opened.fingerprint,
        "ballotHash": opened.hash,
        "bundleHash": body.bundle_hash,
        "bundleVersion": body.bundle_version,
        "castAt": body.cast_at,
        "receivedBy": receiver.name,
        "fileName": file_name,
    });
    let received_at = timestamp_now();
    let proof = BallotProof {
        details,
        ballot: NewBallot {
            file_hash: &opened.hash,
            file_name,
            received_at: &received_at,
            received_by: &receiver.name,
            status: BallotStatus::Counted,
            reason: "",
            item_id: Some(body.item_id),
            person_id: Some(&person_id),
            fingerprint: &opened.fingerprint,
            choice: &body.choice,
            cast_at: &body.cast_at,
            log_id: 0,
            content: text,
        },
    };
    let (cast, ballot_id) = if body.choice == RECUSE {
        let reason = checked_reason(&body.comment).map_err(fail)?;
        recuse_in(tx, &person, body.item_id, &reason, today, Some(proof)).map_err(fail)?
    } else {
        let input = VoteInput {
            choice: body.choice.clone(),
            comment: body.comment.clone(),
        };
        let (choice, comment) = checked_choice(item.kind, &input).map_err(fail)?;
        vote_in(
            tx,
            &person,
            body.item_id,
            choice,
            &comment,
            today,
            Some(proof),
        )
        .map_err(fail)?
    };
    Ok(BallotReceipt {
        id: ballot_id.unwrap_or_default(),
        file_name: file_name.to_string(),
        received_at,
        status: BallotStatus::Counted,
        reason: String::new(),
        item_id: Some(body.item_id),
        pilot_id: Some(item.pilot_id),
        member_name: Some(person.name),
        fingerprint: opened.fingerprint,
        choice: body.choice,
        cast_at: body.cast_at,
        quorum: Some(cast.status),
        decision_id: cast.decision_id,
    })
}

/// Records a refused ballot, as it arrived, with why.
fn refuse(
    tx: &Transaction,
    reading: &Reading,
    receiver: &Actor,
    file_name: &str,
    text: &str,
    reason: String,
) -> Result<BallotReceipt> {
    let body = reading.body.as_ref();
    let item = match body {
        Some(b) => items::get(tx, b.item_id).ok(),
        None => None,
    };
    let person_id = body
        .and_then(|b| b.voter.person_id.clone())
        .filter(|id| people::get(tx, id).ok().flatten().is_some());
    let summary = format!(
        "Refused a ballot{}{}: {reason}",
        body.map(|b| format!(" from {}", b.voter.name))
            .unwrap_or_default(),
        item.as_ref()
            .map(|i| format!(
                " on the {} of \"{}\"",
                i.kind.label().to_lowercase(),
                i.pilot_name
            ))
            .unwrap_or_default(),
    );
    let log_id = audit::record(
        tx,
        receiver,
        "ballot_refused",
        item.as_ref().map(|i| i.pilot_id),
        &summary,
        json!({"fileName": file_name, "ballotHash": reading.hash, "fingerprint": reading.fingerprint,
               "reason": reason, "itemId": item.as_ref().map(|i| i.id)}),
    )?;
    let received_at = timestamp_now();
    let id = remote_review::insert_ballot(
        tx,
        &NewBallot {
            file_hash: &reading.hash,
            file_name,
            received_at: &received_at,
            received_by: &receiver.name,
            status: BallotStatus::Refused,
            reason: &reason,
            item_id: item.as_ref().map(|i| i.id),
            person_id: person_id.as_deref(),
            fingerprint: &reading.fingerprint,
            choice: body.map(|b| b.choice.as_str()).unwrap_or(""),
            cast_at: body.map(|b| b.cast_at.as_str()).unwrap_or(""),
            log_id,
            content: text,
        },
    )?;
    Ok(BallotReceipt {
        id,
        file_name: file_name.to_string(),
        received_at,
        status: BallotStatus::Refused,
        reason,
        item_id: item.as_ref().map(|i| i.id),
        pilot_id: item.as_ref().map(|i| i.pilot_id),
        member_name: body.map(|b| b.voter.name.clone()),
        fingerprint: reading.fingerprint.clone(),
        choice: body.map(|b| b.choice.clone()).unwrap_or_default(),
        cast_at: body.map(|b| b.cast_at.clone()).unwrap_or_default(),
        quorum: None,
        decision_id: None,
    })
}
