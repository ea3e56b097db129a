//! The workspace's rules for agendas: in which contexts suggestions are made, and which
//! local model, if any, may be asked.

use crate::error::Result;
use crate::model::agenda::{
    AgendaContext, AgendaSettings, AgendaSettingsInput, ContextRule, ModelSettings,
};
use crate::store::agenda::settings as stored;
use crate::store::Store;
use crate::workflows::pilots::Problems;
use crate::workflows::record_change;

const TIMEOUT_RANGE: std::ops::RangeInclusive<u32> = 1..=300;

pub fn load(store: &Store) -> Result<AgendaSettings> {
    stored::load(store.conn())
}

/// A host as the allow-list holds it: a name or an address, nothing else.
fn valid_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

pub fn update(store: &mut Store, input: &AgendaSettingsInput) -> Result<AgendaSettings> {
    let mut problems = Problems::default();
    let mut allowed = Vec::new();
    for code in &input.allowed_contexts {
        match AgendaContext::parse(code) {
            Some(context) => allowed.push(context),
            None => problems.add("allowedContexts", format!("there is no context \"{code}\"")),
        }
    }
    let hosts: Vec<String> = input
        .allowed_hosts
        .split([',', '\n'])
        .map(|h| h.trim().to_ascii_lowercase())
        .filter(|h| !h.is_empty())
        .collect();
    for host in &hosts {
        if !valid_host(host) {
            problems.add(
                "allowedHosts",
                format!("\"{host}\" is not a host name or address; list hosts without http:// or a path"),
            );
        }
    }
    let timeout = input
        .timeout_seconds
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|t| TIMEOUT_RANGE.contains(t));
    if timeout.is_none() {
        problems.add(
            "timeoutSeconds",
            "use a whole number of seconds from 1 to 300, e.g. 30",
        );
    }
    let endpoint = input.endpoint.trim().to_string();
    if input.model_enabled || !endpoint.is_empty() {
        if let Err(message) = super::endpoint::check(&endpoint, &hosts) {
            problems.add("endpoint", message);
        }
    }
    let model = input.model.trim().to_string();
    if model.chars().count() > 120 {
        problems.add("model", "keep the model name under 120 characters");
    }
    problems.into_result(|| ())?;
    let settings = AgendaSettings {
        contexts: AgendaContext::ALL
            .into_iter()
            .map(|context| ContextRule {
                context,
                label: context.label().into(),
                allowed: allowed.contains(&context),
                low_risk: context.low_risk(),
            })
            .collect(),
        model: ModelSettings {
            enabled: input.model_enabled,
            endpoint,
            model,
            timeout_seconds: timeout.unwrap_or(stored::DEFAULT_TIMEOUT_SECONDS),
            allowed_hosts: hosts,
        },
    };
    let tx = store.write()?;
    stored::save(&tx, &settings)?;
    let on: Vec<&str> = allowed.iter().map(|c| c.as_str()).collect();
    record_change(
        &tx,
        "settings",
        "agendas",
        "updated",
        &format!(
            "Agenda suggestions allowed in: {}; local model {}",
            if on.is_empty() {
                "none".to_string()
            } else {
                on.join(", ")
            },
            if settings.model.enabled { "on" } else { "off" }
        ),
    )?;
    tx.commit()?;
    load(store)
}
