use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::AgendaContext;

/// Whether suggestions are made in one context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContextRule {
    pub context: AgendaContext,
    pub label: String,
    pub allowed: bool,
    pub low_risk: bool,
}

/// An OpenAI-compatible chat endpoint, off until the workspace turns it on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModelSettings {
    pub enabled: bool,
    /// The base URL, e.g. "http://127.0.0.1:8080/v1"; chat completions are posted below it.
    pub endpoint: String,
    /// The model name the server expects, e.g. "llama3.2"; may be empty for llama.cpp.
    pub model: String,
    pub timeout_seconds: u32,
    /// Hosts other than this computer that may be contacted, exactly as the workspace
    /// listed them.
    pub allowed_hosts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaSettings {
    pub contexts: Vec<ContextRule>,
    pub model: ModelSettings,
}

/// The Settings form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaSettingsInput {
    /// Context codes in which suggestions are allowed.
    pub allowed_contexts: Vec<String>,
    pub model_enabled: bool,
    pub endpoint: String,
    pub model: String,
    pub timeout_seconds: String,
    /// Host names or addresses, one per line or separated by commas.
    pub allowed_hosts: String,
}
