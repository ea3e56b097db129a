//! A member's key on the roster: registered from the public identity they sent, once the
//! fingerprint they read aloud (or sent by another channel) matches the file's key.

use serde_json::json;

use crate::error::{Error, Result};
use crate::identity::{read_public, same_fingerprint};
use crate::model::{MemberKey, MemberKeyInput};
use crate::store::remote_review::{self, NewKey};
use crate::store::{people, steering, Store};
use crate::workflows::audit;
use crate::workflows::timestamp_now;

pub fn member_keys(store: &Store) -> Result<Vec<MemberKey>> {
    remote_review::current_keys(store.conn())
}

pub fn add_member_key(store: &mut Store, input: &MemberKeyInput) -> Result<MemberKey> {
    let person_id = input.person_id.trim();
    let path = std::path::Path::new(input.path.trim());
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let public = read_public(&text, &path.display().to_string())?;
    if !same_fingerprint(&input.confirmed_fingerprint, &public.fingerprint) {
        return Err(Error::invalid_field(
            "confirmedFingerprint",
            if input.confirmed_fingerprint.trim().is_empty() {
                format!(
                    "type the fingerprint the member read to you; the file's key is {}",
                    public.fingerprint
                )
            } else {
                format!(
                    "{} is not the fingerprint of the key in {} ({}): the file may not be the \
                     one the member sent, so the key was not registered",
                    input.confirmed_fingerprint.trim(),
                    path.display(),
                    public.fingerprint
                )
            },
        ));
    }
    let conn = store.conn();
    let person = people::get(conn, person_id)?.ok_or_else(|| {
        Error::invalid_field(
            "personId",
            format!("there is no one with the id \"{person_id}\" in People"),
        )
    })?;
    let member = steering::member(conn, &person.id)?.ok_or_else(|| {
        Error::Conflict(format!(
            "{} is not a member of the steering group; add them first, then their key",
            person.name
        ))
    })?;
    if let Some((owner, _)) = remote_review::key_owner(conn, &public.public_key)? {
        return Err(Error::Conflict(if owner == person.id {
            format!(
                "this key ({}) is already registered for {}",
                public.fingerprint, person.name
            )
        } else {
            format!(
                "this key ({}) is registered for someone else ({owner}); one key stands for \
                 one member",
                public.fingerprint
            )
        }));
    }
    let actor = audit::actor(conn)?;
    let at = timestamp_now();
    let tx = store.write()?;
    let log_id = audit::record(
        &tx,
        &actor,
        "key_registered",
        None,
        &format!(
            "Registered the signing key of {} ({}), fingerprint {}, confirmed by {}",
            person.name,
            member.function.label(),
            public.fingerprint,
            actor.name
        ),
        json!({"personId": person.id, "publicKey": public.public_key, "fingerprint": public.fingerprint}),
    )?;
    remote_review::add_key(
        &tx,
        &NewKey {
            person_id: &person.id,
            public_key: &public.public_key,
            fingerprint: &public.fingerprint,
            added_at: &at,
            added_by: &actor.name,
            log_id,
        },
    )?;
    tx.commit()?;
    Ok(MemberKey {
        person_id: person.id,
        name: person.name,
        public_key: public.public_key,
        fingerprint: public.fingerprint,
        added_at: at,
        added_by: actor.name,
    })
}
