//! The coaching network: a quarter's figures and the map the window draws.

use pilotdesk_core::model::network::NetworkView;
use pilotdesk_core::workflows::network;
use tauri::State;

use super::{in_background, Reply};
use crate::state::AppState;

/// The quarter asked for (the latest with coaching events when none is), on the blocking
/// pool: on a large workspace it reads half a million events.
#[tauri::command]
pub async fn get_network(
    state: State<'_, AppState>,
    quarter: Option<String>,
) -> Reply<NetworkView> {
    let workspace = state.workspace()?;
    in_background(move || {
        Ok(network::view(
            workspace.reader()?.conn(),
            quarter.as_deref(),
        )?)
    })
    .await
}
