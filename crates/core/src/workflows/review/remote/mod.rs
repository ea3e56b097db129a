//! The steering group on its own machines. The lead sends an item as one signed review
//! bundle; a member opens it in their own Pilotdesk, reads the pilot and answers with a
//! small signed ballot; the lead receives the ballots, each checked against the member's
//! registered key and the bundle it answers, and counted exactly as a vote cast in the app.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::identity::{self, Identity};
use crate::model::{IdentityView, ItemKind, MemberFunction};
use crate::store::Store;

mod ballot;
mod bundle;
mod keys;
mod receive;

pub use ballot::{open_bundle, save_bundle_pack, vote_file};
pub use bundle::send_bundle;
pub use keys::{add_member_key, member_keys};
pub use receive::{receive_ballots, received_ballots};

pub(crate) use crate::identity::envelope::{BALLOT_KIND, BUNDLE_KIND};
/// What a ballot's choice is when the member recuses instead of voting.
pub const RECUSE: &str = "recuse";

/// What a review bundle's signed body holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct BundleBody {
    pub bundle_id: String,
    pub version: i64,
    pub sent_at: String,
    pub workspace: String,
    pub sender: Signer,
    pub item: BundleItem,
    pub roster: Vec<RosterMember>,
    /// The lead's review of the pilot (`ReviewView`) as JSON text, so its numbers are
    /// signed exactly as written.
    pub review_json: String,
    pub pack: BundlePack,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Signer {
    pub name: String,
    pub person_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct BundleItem {
    pub id: i64,
    pub kind: ItemKind,
    pub pilot_id: i64,
    pub pilot_name: String,
    pub subject: String,
    pub due_on: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct RosterMember {
    pub person_id: String,
    pub name: String,
    pub function: MemberFunction,
    pub public_key: Option<String>,
    pub fingerprint: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct BundlePack {
    pub file_name: String,
    pub sha256: String,
    /// The PDF, base64.
    pub pdf: String,
}

/// What a ballot's signed body holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct BallotBody {
    pub bundle_hash: String,
    pub bundle_id: String,
    pub bundle_version: i64,
    pub workspace: String,
    pub item_id: i64,
    pub item_kind: ItemKind,
    pub pilot_name: String,
    pub subject: String,
    /// A vote choice, or "recuse".
    pub choice: String,
    /// The comment, or the reason for a recusal.
    pub comment: String,
    pub cast_at: String,
    pub voter: Signer,
}

/// Reads a signed body into its shape, naming the field that does not fit.
pub(crate) fn body_as<T: serde::de::DeserializeOwned>(
    body: &serde_json::Value,
    what: &str,
) -> std::result::Result<T, String> {
    T::deserialize(body).map_err(|e| format!("the {what}'s content does not fit: {e}"))
}

/// This machine's identity, made on first use under the current user's name.
pub fn identity(store: &Store, path: &Path) -> Result<(Identity, IdentityView)> {
    let name = crate::store::settings::load(store.conn())?.current_user;
    let (identity, created_now) =
        identity::load_or_create(path, &name, &crate::workflows::timestamp_now())?;
    let view = IdentityView {
        name: identity.name.clone(),
        public_key: identity.public_key_text(),
        fingerprint: identity.fingerprint(),
        path: path.display().to_string(),
        created_now,
    };
    Ok((identity, view))
}

/// Writes this machine's public identity for the lead, under the current user's name.
pub fn export_identity(store: &Store, path: &Path, out: &Path) -> Result<IdentityView> {
    let (identity, view) = self::identity(store, path)?;
    let name = match crate::workflows::users::acting_person(store.conn()) {
        Ok(person) => person.name,
        Err(_) => identity.name.clone(),
    };
    crate::workflows::packs::write_atomically(out, identity::export(&identity, &name).as_bytes())?;
    Ok(view)
}

fn refused(what: &str, why: String) -> Error {
    Error::invalid_field("file", format!("{what}: {why}"))
}
