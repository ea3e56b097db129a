//! Skills as a service (the third practice): competency frameworks, the module catalog and
//! its purchases, assignments and their progress, ratings, and the figures they add up to.

pub mod assignments;
pub mod catalog;
pub mod frameworks;
pub mod ratings;
pub mod report;

use crate::error::Result;
use crate::store::changes::{self, NewChange};
use crate::store::settings;

use super::timestamp_now;

/// Records who changed what in the skills tables, in the same transaction as the change.
fn record_change(
    tx: &rusqlite::Transaction,
    entity: &str,
    id: &str,
    action: &str,
    summary: &str,
) -> Result<String> {
    let actor = settings::load(tx)?.current_user;
    changes::append(
        tx,
        &timestamp_now(),
        &NewChange {
            actor: &actor,
            entity,
            entity_id: id,
            action,
            summary,
        },
    )?;
    Ok(actor)
}
