//! A member's side: opening a bundle on their own machine, reading it, and answering with a
//! signed ballot file. The ballot is kept here too, so the member's vote reads back.

use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use super::{body_as, refused, BallotBody, BundleBody, Signer, BALLOT_KIND, BUNDLE_KIND, RECUSE};
use crate::error::{Error, Result};
use crate::identity::{envelope, Identity};
use crate::model::{BundleView, CastBallot, ReviewView, RosterEntry, VoteInput};
use crate::store::remote_review::{self, NewCastBallot};
use crate::store::Store;
use crate::workflows::review::voting::{checked_choice, checked_reason};
use crate::workflows::{packs, timestamp_now};

/// A bundle read from a file and checked: its signature, its shape and its pack.
pub(crate) struct Bundle {
    pub body: BundleBody,
    pub hash: String,
    pub sender_fingerprint: String,
    pub review: ReviewView,
    pub pdf: Vec<u8>,
}

pub(crate) fn read_bundle(path: &Path) -> Result<Bundle> {
    let what = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let opened =
        envelope::open(BUNDLE_KIND, "review bundle", &text).map_err(|why| refused(&what, why))?;
    let body: BundleBody =
        body_as(&opened.body, "review bundle").map_err(|why| refused(&what, why))?;
    let review: ReviewView = serde_json::from_str(&body.review_json).map_err(|e| {
        refused(
            &what,
            format!("the pilot's review in the bundle cannot be read ({e})"),
        )
    })?;
    let pdf = STANDARD
        .decode(&body.pack.pdf)
        .map_err(|_| refused(&what, "the pack in the bundle is not base64".into()))?;
    if crate::hashing::sha256_hex(&pdf) != body.pack.sha256 {
        return Err(refused(
            &what,
            "the pack in the bundle does not match its recorded hash".into(),
        ));
    }
    Ok(Bundle {
        hash: opened.hash,
        sender_fingerprint: opened.fingerprint,
        body,
        review,
        pdf,
    })
}

fn roster_entry(member: &super::RosterMember) -> RosterEntry {
    RosterEntry {
        person_id: member.person_id.clone(),
        name: member.name.clone(),
        function: member.function,
        fingerprint: member.fingerprint.clone(),
        public_key: member.public_key.clone(),
    }
}

/// Opens a bundle on a member's machine: the pilot read-only and where this machine's
/// identity stands on the bundle's roster.
pub fn open_bundle(store: &Store, identity: &Identity, path: &Path) -> Result<BundleView> {
    let bundle = read_bundle(path)?;
    let mine = identity.public_key_text();
    let me = bundle
        .body
        .roster
        .iter()
        .find(|m| m.public_key.as_deref() == Some(mine.as_str()))
        .map(roster_entry);
    let cannot_vote = match &me {
        Some(_) => None,
        None => Some(format!(
            "Your key {} is not on this bundle's roster, so a ballot from this machine would \
             be refused. Send your public identity to {} (Settings › Your signing key, or `pilotdesk \
             identity export`), read them the fingerprint, and ask for the bundle again once \
             they have registered it.",
            identity.fingerprint(),
            bundle.body.sender.name
        )),
    };
    let body = &bundle.body;
    Ok(BundleView {
        hash: bundle.hash.clone(),
        bundle_id: body.bundle_id.clone(),
        version: body.version,
        sent_at: body.sent_at.clone(),
        sender_name: body.sender.name.clone(),
        sender_fingerprint: bundle.sender_fingerprint.clone(),
        item_id: body.item.id,
        item_kind: body.item.kind,
        subject: body.item.subject.clone(),
        due_on: body.item.due_on.clone(),
        options: body.item.kind.options().to_vec(),
        review: bundle.review.clone(),
        roster: body.roster.iter().map(roster_entry).collect(),
        me,
        my_fingerprint: identity.fingerprint(),
        cannot_vote,
        pack_file_name: body.pack.file_name.clone(),
        pack_hash: body.pack.sha256.clone(),
        pack_bytes: bundle.pdf.len() as u32,
        cast: remote_review::cast_for(store.conn(), &bundle.hash)?,
    })
}

/// Writes the pack a bundle carries, e.g. to read it in a PDF viewer.
pub fn save_bundle_pack(path: &Path, out: &Path) -> Result<()> {
    let bundle = read_bundle(path)?;
    packs::write_atomically(out, &bundle.pdf)
}

/// Answers a bundle: the member's vote (or "recuse" with the reason as the comment) as a
/// signed ballot file at `out`, kept on this machine as cast.
pub fn vote_file(
    store: &mut Store,
    identity: &Identity,
    path: &Path,
    input: &VoteInput,
    out: &Path,
) -> Result<CastBallot> {
    let bundle = read_bundle(path)?;
    let mine = identity.public_key_text();
    let Some(me) = bundle
        .body
        .roster
        .iter()
        .find(|m| m.public_key.as_deref() == Some(mine.as_str()))
    else {
        return Err(Error::Conflict(format!(
            "your key {} is not on this bundle's roster, so the lead would refuse the ballot; \
             ask {} to register your key and send the bundle again",
            identity.fingerprint(),
            bundle.body.sender.name
        )));
    };
    let recusing = input.choice.trim().eq_ignore_ascii_case(RECUSE);
    let (choice, comment) = if recusing {
        (RECUSE.to_string(), checked_reason(&input.comment)?)
    } else {
        let (choice, comment) = checked_choice(bundle.body.item.kind, input)?;
        (choice.as_str().to_string(), comment)
    };
    let cast_at = timestamp_now();
    let body = BallotBody {
        bundle_hash: bundle.hash.clone(),
        bundle_id: bundle.body.bundle_id.clone(),
        bundle_version: bundle.body.version,
        workspace: bundle.body.workspace.clone(),
        item_id: bundle.body.item.id,
        item_kind: bundle.body.item.kind,
        pilot_name: bundle.body.item.pilot_name.clone(),
        subject: bundle.body.item.subject.clone(),
        choice: choice.clone(),
        comment: comment.clone(),
        cast_at: cast_at.clone(),
        voter: Signer {
            name: me.name.clone(),
            person_id: Some(me.person_id.clone()),
        },
    };
    let body = serde_json::to_value(&body).map_err(|e| Error::Pack(e.to_string()))?;
    let (text, file_hash) = envelope::seal_with_hash(BALLOT_KIND, body, identity);
    // Recorded and written together: when the file cannot be written nothing is recorded,
    // so the member's record never shows a ballot they do not have.
    let tx = store.write()?;
    let id = remote_review::insert_cast(
        &tx,
        &NewCastBallot {
            bundle_hash: &bundle.hash,
            pilot_name: &bundle.body.item.pilot_name,
            subject: &bundle.body.item.subject,
            choice: &choice,
            comment: &comment,
            cast_at: &cast_at,
            file_hash: &file_hash,
            content: &text,
        },
    )?;
    packs::write_atomically(out, text.as_bytes())?;
    tx.commit()?;
    Ok(CastBallot {
        id,
        bundle_hash: bundle.hash,
        pilot_name: bundle.body.item.pilot_name,
        subject: bundle.body.item.subject,
        choice,
        comment,
        cast_at,
        file_hash,
    })
}
