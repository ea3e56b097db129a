//! The stage gates: the day-45 review (continue or stop) and the day-90 outcome (scale,
//! iterate or stop) are governance items opened when a pilot is approved, each with its
//! due date, and decided by the steering group's vote.

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;

use crate::error::Result;
use crate::model::{ItemKind, Pilot, PilotStatus, VoteChoice};
use crate::packs::dates::long_date;

use super::audit::Actor;
use super::review::open_item;

pub const REVIEW_DAY: i64 = 45;

/// Opens both gates of a pilot just approved.
pub(crate) fn open_gates(tx: &Transaction, actor: &Actor, pilot: &Pilot) -> Result<()> {
    open_item(
        tx,
        actor,
        pilot,
        ItemKind::Day45Review,
        &format!(
            "Day-45 review of \"{}\": continue or stop, on the evidence at mid-point",
            pilot.name
        ),
        pilot.start_date + Duration::days(REVIEW_DAY),
        "{}",
    )?;
    open_item(
        tx,
        actor,
        pilot,
        ItemKind::Day90Outcome,
        &format!(
            "Day-90 outcome of \"{}\": scale, iterate or stop, on the measured lift",
            pilot.name
        ),
        pilot.end_date,
        "{}",
    )?;
    Ok(())
}

/// Whether members may vote on an item today, and why not when they may not. The gates
/// open on their day, by the calendar: the day-45 review on day 45 of a running pilot, the
/// day-90 outcome when the 90-day window ends, without anyone moving the pilot by hand.
pub(crate) fn voting_window(kind: ItemKind, pilot: &Pilot, today: NaiveDate) -> (bool, String) {
    use PilotStatus::*;
    let status = pilot.status;
    let review_day = pilot.start_date + Duration::days(REVIEW_DAY);
    match kind {
        ItemKind::Approval => match status {
            Submitted => (true, String::new()),
            _ => (
                false,
                format!(
                    "the pilot is {}, not submitted",
                    status.label().to_lowercase()
                ),
            ),
        },
        ItemKind::Day45Review => match status {
            Running if today >= review_day => (true, String::new()),
            Running => (
                false,
                format!("voting opens on day 45, {}", long_date(review_day)),
            ),
            Approved => (
                false,
                format!(
                    "voting opens on day 45, {}, once the pilot is launched (planned for {})",
                    long_date(review_day),
                    long_date(pilot.start_date)
                ),
            ),
            _ => (
                false,
                format!("the pilot is {}", status.label().to_lowercase()),
            ),
        },
        ItemKind::Day90Outcome => match status {
            Day45Review | Day90Outcome if today >= pilot.end_date => (true, String::new()),
            Day45Review | Day90Outcome => (
                false,
                format!(
                    "voting opens when the 90-day window ends, on {}",
                    long_date(pilot.end_date)
                ),
            ),
            Running if today >= pilot.end_date => (
                false,
                "the day-45 review has not been decided; the group decides it first".into(),
            ),
            Approved | Running => (
                false,
                format!(
                    "voting opens when the 90-day window ends, on {}, after the day-45 review",
                    long_date(pilot.end_date)
                ),
            ),
            _ => (
                false,
                format!("the pilot is {}", status.label().to_lowercase()),
            ),
        },
        ItemKind::CriteriaChange => match status {
            Approved | Running | Day45Review | Day90Outcome => (true, String::new()),
            _ => (
                false,
                format!(
                    "the pilot is {}; its criteria are no longer locked by an approval",
                    status.label().to_lowercase()
                ),
            ),
        },
    }
}

/// The status a gate decision moves the pilot to, if any.
pub(crate) fn status_after(
    kind: ItemKind,
    outcome: VoteChoice,
    current: PilotStatus,
) -> Option<PilotStatus> {
    use PilotStatus::*;
    match (kind, outcome) {
        (ItemKind::Day45Review, VoteChoice::Continue) if current == Running => Some(Day45Review),
        (ItemKind::Day45Review, VoteChoice::Stop) => Some(Stopped),
        (ItemKind::Day90Outcome, VoteChoice::Scale) => Some(Scaled),
        (ItemKind::Day90Outcome, VoteChoice::Iterate) => Some(Iterating),
        (ItemKind::Day90Outcome, VoteChoice::Stop) => Some(Stopped),
        _ => None,
    }
}

/// Overdue: still open after its due date.
pub fn is_overdue(due_on: NaiveDate, open: bool, today: NaiveDate) -> bool {
    open && due_on < today
}
