//! The steering group's reviews from the command line: the queue, one pilot's review,
//! voting, recusal, criteria changes and the decisions taken.

use clap::Subcommand;
use pilotdesk_core::model::{QuorumStatus, VoteInput};
use pilotdesk_core::workflows::review;
use pilotdesk_core::{Result, Store};

use super::design::KpiArgs;
use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum ReviewCommand {
    /// Submitted pilots, criteria changes and stage gates before the steering group.
    Queue {
        #[arg(long)]
        json: bool,
    },
    /// One pilot's review: the item in focus, the votes so far and what the quorum needs.
    Show {
        pilot: i64,
        /// A particular item of the pilot (see `review queue`).
        #[arg(long)]
        item: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Vote on an item as the current user (or --as): a steering-group member.
    Vote {
        item: i64,
        /// approve, request_changes or reject; continue or stop (day 45); scale, iterate or
        /// stop (day 90).
        #[arg(long)]
        choice: String,
        /// Why; needed to reject, request changes or stop.
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Step back from an item for a conflict of interest.
    Recuse {
        item: i64,
        #[arg(long)]
        reason: String,
    },
    /// Put a change to a locked baseline or success criterion to the steering group.
    ProposeChange {
        pilot: i64,
        #[command(flatten)]
        kpi: Box<KpiArgs>,
        #[arg(long)]
        reason: String,
    },
    #[command(flatten)]
    Remote(super::ballots::RemoteCommand),
    /// The decisions taken, newest first, or one pilot's in order.
    Decisions {
        #[arg(long)]
        pilot: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

fn print_status(status: &QuorumStatus, decision: Option<i64>) {
    outln!("{}", status.explanation);
    if let Some(id) = decision {
        outln!("Decision {id} recorded.");
    }
}

pub fn run(command: ReviewCommand, store: &mut Store, context: &Context) -> Result<()> {
    let today = context.today;
    match command {
        ReviewCommand::Queue { json } => {
            let queue = review::queue(store, today)?;
            if json {
                output::json(&queue);
            } else {
                output::queue_text(&queue);
            }
        }
        ReviewCommand::Show { pilot, item, json } => {
            let view = review::review(store, pilot, item, today)?;
            if json {
                output::json(&view);
            } else {
                output::review_text(&view);
            }
        }
        ReviewCommand::Vote {
            item,
            choice,
            comment,
        } => {
            let cast = review::vote(store, item, &VoteInput { choice, comment }, today)?;
            outln!("Vote recorded.");
            print_status(&cast.status, cast.decision_id);
        }
        ReviewCommand::Recuse { item, reason } => {
            let cast = review::recuse(store, item, &reason, today)?;
            outln!("Recusal recorded.");
            print_status(&cast.status, cast.decision_id);
        }
        ReviewCommand::ProposeChange { pilot, kpi, reason } => {
            let item = review::propose_criteria_change(store, pilot, &kpi.input(), &reason, today)?;
            outln!("Put to the steering group as item {item}.");
        }
        ReviewCommand::Remote(command) => super::ballots::run(command, store, context)?,
        ReviewCommand::Decisions { pilot, json } => {
            let decisions = review::decisions(store, pilot)?;
            if json {
                output::json(&decisions);
            } else {
                let rows: Vec<Vec<String>> = decisions
                    .iter()
                    .map(|d| {
                        vec![
                            d.id.to_string(),
                            output::date_text(&d.decided_at),
                            d.kind.label().into(),
                            d.outcome_label.clone(),
                            d.summary.clone(),
                        ]
                    })
                    .collect();
                output::table(&["ID", "DECIDED", "KIND", "OUTCOME", "SUMMARY"], &rows);
            }
        }
    }
    Ok(())
}
