//! Decisions: what may be written, checked against the rules of the operating model, then
//! saved through the store in one transaction together with its change record.

pub mod agenda;
pub mod analytics;
pub mod audit;
pub mod badges;
pub mod budget;
pub mod coaches;
pub mod coaching;
pub mod cohort;
pub mod credits;
pub mod demo;
pub mod design;
pub mod exports;
pub mod gates;
pub mod generate;
pub mod home;
pub mod imports;
pub mod kpi_data;
pub mod kpis;
pub mod lifecycle;
pub mod lift;
pub mod network;
pub mod packs;
pub mod person_page;
pub mod pilots;
pub mod playbook;
pub mod portfolio;
pub mod quick_log_checks;
pub mod readiness;
pub mod review;
pub mod settings;
pub mod skills;
pub mod steering;
pub mod templates;
pub mod tranches;
pub mod users;
pub mod vendors;
pub mod workspace;

thread_local! {
    /// When set, the moment every record made on this thread is stamped with: the demo
    /// writes its pilots' histories (approvals, votes, packs) on the days they happened.
    static STAMPED_AT: std::cell::Cell<Option<chrono::DateTime<chrono::Utc>>> =
        const { std::cell::Cell::new(None) };
}

/// Records who changed what, in the same transaction as the change; returns who acted.
pub(crate) fn record_change(
    tx: &rusqlite::Transaction,
    entity: &str,
    id: &str,
    action: &str,
    summary: &str,
) -> crate::error::Result<String> {
    let actor = crate::store::settings::load(tx)?.current_user;
    crate::store::changes::append(
        tx,
        &timestamp_now(),
        &crate::store::changes::NewChange {
            actor: &actor,
            entity,
            entity_id: id,
            action,
            summary,
        },
    )?;
    Ok(actor)
}

/// Now, as stored: RFC 3339 in UTC to the second.
pub(crate) fn timestamp_now() -> String {
    STAMPED_AT
        .with(|at| at.get())
        .unwrap_or_else(chrono::Utc::now)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Runs `work` with every record it makes stamped at `at`, then stamps with the clock
/// again, even if `work` fails.
pub(crate) fn stamped_at<T>(at: chrono::DateTime<chrono::Utc>, work: impl FnOnce() -> T) -> T {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            STAMPED_AT.with(|cell| cell.set(None));
        }
    }
    STAMPED_AT.with(|cell| cell.set(Some(at)));
    let _reset = Reset;
    work()
}
