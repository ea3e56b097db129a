//! The updater plugin's errors, worded for the person who asked for the update. Each says
//! what was refused and that nothing was installed, so no refusal reads like a crash.

use pilotdesk_core::ApiError;
use tauri_plugin_updater::Error as PluginError;

/// Error code of every refused or failed update; the message says which.
pub const CODE: &str = "update_refused";

pub fn explain(error: PluginError) -> ApiError {
    let message = match &error {
        PluginError::Minisign(_) | PluginError::Base64(_) | PluginError::SignatureUtf8(_) => {
            "the downloaded update is not signed by Pilotdesk's release key (its signature \
             does not match the file), so it was refused; nothing was installed"
                .to_string()
        }
        PluginError::SignedVersionMismatch { signed, announced } => format!(
            "the update server announced {announced}, but the file is signed as {signed}, \
             so it was refused; nothing was installed"
        ),
        PluginError::MissingSignedVersion => "the update's signature does not name the \
             version it was signed for, so it was refused; nothing was installed"
            .to_string(),
        PluginError::Serialization(inner) => format!(
            "the update server's answer is not a release manifest Pilotdesk can read ({inner}); \
             nothing was downloaded"
        ),
        PluginError::ReleaseNotFound
        | PluginError::TargetNotFound(_)
        | PluginError::TargetsNotFound(_)
        | PluginError::Semver(_) => format!(
            "the update server's answer is not a release manifest Pilotdesk can read ({error}); \
             nothing was downloaded"
        ),
        // The body arrived but is not JSON: a broken manifest, not a network fault.
        PluginError::Reqwest(inner) if inner.is_decode() => format!(
            "the update server's answer is not a release manifest Pilotdesk can read ({inner}); \
             nothing was downloaded"
        ),
        PluginError::Reqwest(_) | PluginError::Network(_) => {
            format!("the update server could not be reached ({error}); try again later")
        }
        PluginError::InvalidUpdaterFormat => "the downloaded update is not a Pilotdesk \
             package for this system, so it was refused; nothing was installed"
            .to_string(),
        PluginError::AuthenticationFailed => {
            "installing needs an administrator's password, and none was given; nothing was \
             installed"
                .to_string()
        }
        other => format!("the update could not be installed ({other}); nothing was changed"),
    };
    ApiError {
        code: CODE.into(),
        message,
        details: Vec::new(),
    }
}
