//! The steering group on its own machines: this machine's identity, members' keys, review
//! bundles sent and opened, ballots cast and received.

use pilotdesk_core::identity::default_path;
use pilotdesk_core::model::{
    BallotReceipt, BundleView, IdentityView, MemberKey, MemberKeyInput, SentBundle, VoteInput,
};
use pilotdesk_core::workflows::review::remote;
use tauri::State;

use super::{in_background, today, Reply};
use crate::chosen_files::ChosenFiles;
use crate::state::AppState;

/// This machine's identity, made on first use.
#[tauri::command]
pub async fn get_identity(state: State<'_, AppState>) -> Reply<IdentityView> {
    Ok(remote::identity(&*state.reader()?, &default_path())?.1)
}

#[tauri::command]
pub async fn export_identity(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    path: String,
) -> Reply<IdentityView> {
    let path = chosen.allow(&path)?;
    Ok(remote::export_identity(
        &*state.reader()?,
        &default_path(),
        &path,
    )?)
}

#[tauri::command]
pub async fn list_member_keys(state: State<'_, AppState>) -> Reply<Vec<MemberKey>> {
    Ok(remote::member_keys(&*state.reader()?)?)
}

#[tauri::command]
pub async fn add_member_key(state: State<'_, AppState>, input: MemberKeyInput) -> Reply<MemberKey> {
    Ok(remote::add_member_key(&mut *state.store()?, &input)?)
}

/// Renders the item's pack and writes the signed bundle; off the async workers, as a pack is.
#[tauri::command]
pub async fn send_review_bundle(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    item_id: i64,
    path: String,
) -> Reply<SentBundle> {
    let path = chosen.allow(&path)?;
    let workspace = state.workspace()?;
    in_background(move || {
        let mut store = workspace.writer()?;
        let (identity, _) = remote::identity(&store, &default_path())?;
        Ok(remote::send_bundle(
            &mut store,
            &identity,
            item_id,
            &path,
            today(),
        )?)
    })
    .await
}

#[tauri::command]
pub async fn open_review_bundle(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    path: String,
) -> Reply<BundleView> {
    let path = chosen.allow(&path)?;
    let store = state.reader()?;
    let (identity, _) = remote::identity(&store, &default_path())?;
    Ok(remote::open_bundle(&store, &identity, &path)?)
}

#[tauri::command]
pub async fn save_bundle_pack(
    chosen: State<'_, ChosenFiles>,
    bundle_path: String,
    path: String,
) -> Reply<()> {
    let bundle_path = chosen.allow(&bundle_path)?;
    let path = chosen.allow(&path)?;
    Ok(remote::save_bundle_pack(&bundle_path, &path)?)
}

/// Writes the member's signed ballot and returns the bundle again, so the vote reads back.
#[tauri::command]
pub async fn vote_by_ballot(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    bundle_path: String,
    input: VoteInput,
    path: String,
) -> Reply<BundleView> {
    let bundle_path = chosen.allow(&bundle_path)?;
    let path = chosen.allow(&path)?;
    let mut store = state.store()?;
    let (identity, _) = remote::identity(&store, &default_path())?;
    let bundle = bundle_path;
    remote::vote_file(&mut store, &identity, &bundle, &input, &path)?;
    Ok(remote::open_bundle(&store, &identity, &bundle)?)
}

#[tauri::command]
pub async fn receive_ballots(
    chosen: State<'_, ChosenFiles>,
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> Reply<Vec<BallotReceipt>> {
    let paths = chosen.allow_all(&paths)?;
    Ok(remote::receive_ballots(
        &mut *state.store()?,
        &paths,
        today(),
    )?)
}

#[tauri::command]
pub async fn list_received_ballots(
    state: State<'_, AppState>,
    item_id: Option<i64>,
) -> Reply<Vec<BallotReceipt>> {
    Ok(remote::received_ballots(&*state.reader()?, item_id)?)
}

/// A review bundle the app was started with (double-clicked in the file manager).
#[tauri::command]
pub async fn get_launch_file() -> Reply<Option<String>> {
    Ok(crate::launch_file())
}
