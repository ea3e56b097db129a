//! Updates of the app itself through tauri-plugin-updater: the plugin fetches the release
//! manifest, checks the minisign signature against the key in tauri.conf.json (and that the
//! signature names the version announced), and installs. This module keeps the offer the
//! person saw, so "Install" installs exactly that, and words every refusal for a person.

pub mod refusal;
#[cfg(debug_assertions)]
pub mod test_source;
#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use pilotdesk_core::model::{UpdateCheck, UpdateInstalled, UpdateOffer, UpdateProgress};
use pilotdesk_core::{ApiError, Error};
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Update, UpdaterExt};

/// The offer from the last check, until it is installed or replaced by another check.
#[derive(Default)]
pub struct PendingUpdate(Mutex<Option<Update>>);

impl PendingUpdate {
    fn slot(&self) -> std::sync::MutexGuard<'_, Option<Update>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Where an update is installed: the running executable, unless a test names a stand-in.
#[derive(Clone, Debug, Default)]
pub struct InstallTarget(pub Option<PathBuf>);

/// Asks the update server what it offers. Only a strictly newer version is offered; an
/// older or equal one is reported with the version the server named.
pub async fn check<R: Runtime>(
    app: &AppHandle<R>,
    target: &InstallTarget,
    pending: &PendingUpdate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<UpdateCheck, ApiError> {
    let announced: Arc<Mutex<Option<String>>> = Arc::default();
    let seen = Arc::clone(&announced);
    let mut builder = app
        .updater_builder()
        .version_comparator(move |current, remote| {
            *seen.lock().unwrap_or_else(|p| p.into_inner()) = Some(remote.version.to_string());
            remote.version > current
        });
    if let Some(path) = &target.0 {
        builder = builder.executable_path(path);
    }
    let updater = builder.build().map_err(refusal::explain)?;
    let found = updater.check().await.map_err(refusal::explain)?;
    let current_version = app.package_info().version.to_string();
    let offer = found.as_ref().map(|update| UpdateOffer {
        version: update.version.clone(),
        current_version: update.current_version.clone(),
        notes: update.body.clone().filter(|notes| !notes.trim().is_empty()),
        published_at: update.raw_json["pub_date"].as_str().map(str::to_string),
    });
    let reason = match (
        &offer,
        announced.lock().unwrap_or_else(|p| p.into_inner()).take(),
    ) {
        (Some(_), _) => None,
        (None, Some(version)) => Some(format!(
            "the update server offers {version}, which is not newer than this {current_version}; \
             nothing was downloaded"
        )),
        (None, None) => Some(format!(
            "the update server has no release for this system; {current_version} is current"
        )),
    };
    *pending.slot() = found;
    Ok(UpdateCheck {
        current_version,
        checked_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        offer,
        reason,
    })
}

/// Downloads the offered update, reporting progress, and installs it only if its signature
/// verifies. A refused download leaves the installed app exactly as it was.
pub async fn install(
    pending: &PendingUpdate,
    mut on_progress: impl FnMut(UpdateProgress),
) -> Result<UpdateInstalled, ApiError> {
    let update = pending.slot().clone().ok_or_else(|| {
        ApiError::from(Error::Conflict(
            "there is no update to install: check for updates first".into(),
        ))
    })?;
    let mut downloaded: u64 = 0;
    let bytes = update
        .download(
            |chunk, total| {
                downloaded = downloaded.saturating_add(chunk as u64);
                on_progress(UpdateProgress {
                    downloaded_bytes: downloaded,
                    total_bytes: total,
                });
            },
            || {},
        )
        .await
        .map_err(refusal::explain)?;
    update.install(&bytes).map_err(refusal::explain)?;
    pending.slot().take();
    Ok(UpdateInstalled {
        version: update.version.clone(),
        bytes: bytes.len() as u64,
    })
}
