//! Sending an item for review on the members' own machines: one signed file with the pack,
//! the pilot as the lead's review shows it, the item and the roster with each member's key.

use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::NaiveDate;
use serde_json::json;

use super::{BundleBody, BundleItem, BundlePack, RosterMember, Signer, BUNDLE_KIND};
use crate::error::{Error, Result};
use crate::identity::{envelope, Identity};
use crate::model::{ItemKind, ItemState, SentBundle};
use crate::store::remote_review::{self, NewBundle};
use crate::store::{items, steering, Store};
use crate::workflows::{audit, packs, timestamp_now};

/// The pack the members read for an item: the proposal for an approval or a criteria
/// change, the day-45 or day-90 pack at the gates.
fn pack_for(
    store: &Store,
    kind: ItemKind,
    pilot_id: i64,
    today: NaiveDate,
) -> Result<(String, Vec<u8>, String)> {
    let (name, rendered) = match kind {
        ItemKind::Approval | ItemKind::CriteriaChange => (
            "proposal.pdf",
            packs::render_proposal(store, pilot_id, None, today)?.0,
        ),
        ItemKind::Day45Review => (
            "day-45-review.pdf",
            packs::render_outcome(store, pilot_id, 45, None, today, None)?.rendered,
        ),
        ItemKind::Day90Outcome => (
            "day-90-outcome.pdf",
            packs::render_outcome(store, pilot_id, 90, None, today, None)?.rendered,
        ),
    };
    let hash = crate::hashing::sha256_hex(&rendered.bytes);
    Ok((name.to_string(), rendered.bytes, hash))
}

/// Writes the bundle for an open item to `out`, signed with this machine's identity, and
/// records it: ballots must answer the latest bundle sent for their item.
pub fn send_bundle(
    store: &mut Store,
    identity: &Identity,
    item_id: i64,
    out: &Path,
    today: NaiveDate,
) -> Result<SentBundle> {
    let record = items::get(store.conn(), item_id)?;
    match record.state {
        ItemState::Open => {}
        ItemState::Decided => {
            return Err(Error::Conflict(format!(
                "the {} of \"{}\" is already decided; there is nothing left to vote on",
                record.kind.label().to_lowercase(),
                record.pilot_name
            )))
        }
        ItemState::Withdrawn => {
            return Err(Error::Conflict(format!(
                "the {} of \"{}\" was withdrawn; there is nothing to vote on",
                record.kind.label().to_lowercase(),
                record.pilot_name
            )))
        }
    }
    let review = super::super::review(store, record.pilot_id, Some(item_id), today)?;
    let (pack_name, pdf, pack_hash) = pack_for(store, record.kind, record.pilot_id, today)?;
    let workspace = crate::workflows::agenda::outputs::workspace_key(store)?;
    let conn = store.conn();
    let keys = remote_review::current_keys(conn)?;
    let members = steering::members(conn)?;
    let roster: Vec<RosterMember> = members
        .iter()
        .map(|m| {
            let key = keys.iter().find(|k| k.person_id == m.person_id);
            RosterMember {
                person_id: m.person_id.clone(),
                name: m.name.clone(),
                function: m.function,
                public_key: key.map(|k| k.public_key.clone()),
                fingerprint: key.map(|k| k.fingerprint.clone()),
            }
        })
        .collect();
    if roster.iter().all(|m| m.public_key.is_none()) {
        return Err(Error::Conflict(
            "no member of the steering group has a registered key, so no one could answer the \
             bundle: register each member's key first (Governance › Steering group, or \
             `pilotdesk steering add-key`)"
                .into(),
        ));
    }
    let actor = audit::actor(conn)?;
    let version = remote_review::next_version(conn, item_id)?;
    let sent_at = timestamp_now();
    let body = BundleBody {
        bundle_id: uuid::Uuid::new_v4().to_string(),
        version,
        sent_at: sent_at.clone(),
        workspace,
        sender: Signer {
            name: actor.name.clone(),
            person_id: actor.id.clone(),
        },
        item: BundleItem {
            id: item_id,
            kind: record.kind,
            pilot_id: record.pilot_id,
            pilot_name: record.pilot_name.clone(),
            subject: record.subject.clone(),
            due_on: record.due_on.to_string(),
        },
        roster: roster.clone(),
        review_json: serde_json::to_string(&review).map_err(|e| Error::Pack(e.to_string()))?,
        pack: BundlePack {
            file_name: pack_name,
            sha256: pack_hash.clone(),
            pdf: STANDARD.encode(&pdf),
        },
    };
    let body = serde_json::to_value(&body).map_err(|e| Error::Pack(e.to_string()))?;
    let (text, hash) = envelope::seal_with_hash(BUNDLE_KIND, body, identity);
    packs::write_atomically(out, text.as_bytes())?;

    let (with_keys, without_keys): (Vec<_>, Vec<_>) =
        roster.iter().partition(|m| m.public_key.is_some());
    let names = |list: Vec<&RosterMember>| list.iter().map(|m| m.name.clone()).collect::<Vec<_>>();
    let tx = store.write()?;
    let id = remote_review::insert_bundle(
        &tx,
        &NewBundle {
            item_id,
            version,
            hash: &hash,
            pack_hash: &pack_hash,
            sent_at: &sent_at,
            sent_by: &actor.name,
        },
    )?;
    audit::record(
        &tx,
        &actor,
        "bundle_sent",
        Some(record.pilot_id),
        &format!(
            "Sent the {} of \"{}\" for review by signed ballot (version {version})",
            record.kind.label().to_lowercase(),
            record.pilot_name
        ),
        json!({"itemId": item_id, "version": version, "bundleHash": hash, "packHash": pack_hash,
               "signerFingerprint": identity.fingerprint()}),
    )?;
    tx.commit()?;
    Ok(SentBundle {
        id,
        item_id,
        version,
        hash,
        pack_hash,
        sent_at,
        sent_by: actor.name,
        path: out.display().to_string(),
        with_keys: names(with_keys),
        without_keys: names(without_keys),
    })
}
