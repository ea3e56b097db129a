//! Debug builds only: the end-to-end tests point the window at an update server on
//! 127.0.0.1, at a release key they generated, and at a stand-in file to install over, so a
//! real download, signature check and install run without touching the app under test.
//! Release builds trust only tauri.conf.json.

use std::path::PathBuf;

use serde_json::{json, Value};

use super::InstallTarget;

pub const ENDPOINT_ENV: &str = "PILOTDESK_UPDATE_ENDPOINT";
pub const PUBKEY_ENV: &str = "PILOTDESK_UPDATE_PUBKEY";
pub const TARGET_ENV: &str = "PILOTDESK_UPDATE_TARGET";

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

pub fn apply<R: tauri::Runtime>(context: &mut tauri::Context<R>) {
    let (Some(endpoint), Some(pubkey)) = (env(ENDPOINT_ENV), env(PUBKEY_ENV)) else {
        return;
    };
    let plugins = &mut context.config_mut().plugins.0;
    let updater = plugins.entry("updater".into()).or_insert_with(|| json!({}));
    if let Value::Object(fields) = updater {
        fields.insert("endpoints".into(), json!([endpoint]));
        fields.insert("pubkey".into(), json!(pubkey));
        // The loopback server speaks plain HTTP; the signature still guards the file.
        fields.insert("dangerousInsecureTransportProtocol".into(), json!(true));
    }
}

pub fn install_target() -> InstallTarget {
    InstallTarget(env(TARGET_ENV).map(PathBuf::from))
}
