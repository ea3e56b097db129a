//! Decisions: what may be written, checked against the rules of the operating model, then
//! saved through the store in one transaction together with its change record.

pub mod analytics;
pub mod audit;
pub mod budget;
pub mod coaching;
pub mod cohort;
pub mod credits;
pub mod demo;
pub mod design;
pub mod exports;
pub mod gates;
pub mod generate;
pub mod imports;
pub mod kpi_data;
pub mod kpis;
pub mod lifecycle;
pub mod lift;
pub mod packs;
pub mod pilots;
pub mod playbook;
pub mod readiness;
pub mod review;
pub mod settings;
pub mod steering;
pub mod templates;
pub mod tranches;
pub mod users;
pub mod vendors;
pub mod workspace;

/// Now, as stored: RFC 3339 in UTC to the second.
pub(crate) fn timestamp_now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
