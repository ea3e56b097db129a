//! The agenda settings, kept as key/value rows beside the workspace's other settings.

use rusqlite::{Connection, Transaction};

use crate::error::Result;
use crate::model::agenda::{AgendaContext, AgendaSettings, ContextRule, ModelSettings};
use crate::store::settings::{get, set};

const CONTEXTS: &str = "agenda_contexts";
const MODEL_ENABLED: &str = "agenda_model_enabled";
const ENDPOINT: &str = "agenda_model_endpoint";
const MODEL: &str = "agenda_model_name";
const TIMEOUT: &str = "agenda_model_timeout_seconds";
const ALLOWED_HOSTS: &str = "agenda_model_allowed_hosts";

/// Long enough for a small model on a laptop's CPU to write 700 tokens, short enough that a
/// manager waiting before a 1:1 is not left hanging.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 30;
/// llama.cpp's server listens here by default.
pub const DEFAULT_ENDPOINT: &str = "http://127.0.0.1:8080/v1";

pub fn load(conn: &Connection) -> Result<AgendaSettings> {
    let allowed: Vec<AgendaContext> = match get(conn, CONTEXTS)? {
        Some(list) => list.split(',').filter_map(AgendaContext::parse).collect(),
        None => AgendaContext::ALL
            .into_iter()
            .filter(|c| c.low_risk())
            .collect(),
    };
    let contexts = AgendaContext::ALL
        .into_iter()
        .map(|context| ContextRule {
            context,
            label: context.label().into(),
            allowed: allowed.contains(&context),
            low_risk: context.low_risk(),
        })
        .collect();
    let hosts = get(conn, ALLOWED_HOSTS)?.unwrap_or_default();
    Ok(AgendaSettings {
        contexts,
        model: ModelSettings {
            enabled: get(conn, MODEL_ENABLED)?.as_deref() == Some("true"),
            endpoint: get(conn, ENDPOINT)?.unwrap_or_else(|| DEFAULT_ENDPOINT.into()),
            model: get(conn, MODEL)?.unwrap_or_default(),
            timeout_seconds: get(conn, TIMEOUT)?
                .and_then(|t| t.parse().ok())
                .unwrap_or(DEFAULT_TIMEOUT_SECONDS),
            allowed_hosts: hosts
                .split(',')
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(String::from)
                .collect(),
        },
    })
}

pub fn save(tx: &Transaction, settings: &AgendaSettings) -> Result<()> {
    let allowed: Vec<&str> = settings
        .contexts
        .iter()
        .filter(|rule| rule.allowed)
        .map(|rule| rule.context.as_str())
        .collect();
    set(tx, CONTEXTS, &allowed.join(","))?;
    set(
        tx,
        MODEL_ENABLED,
        if settings.model.enabled {
            "true"
        } else {
            "false"
        },
    )?;
    set(tx, ENDPOINT, &settings.model.endpoint)?;
    set(tx, MODEL, &settings.model.model)?;
    set(tx, TIMEOUT, &settings.model.timeout_seconds.to_string())?;
    set(tx, ALLOWED_HOSTS, &settings.model.allowed_hosts.join(","))?;
    Ok(())
}
