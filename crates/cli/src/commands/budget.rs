//! Outcome-based budget tranches and the measured lift: `pilotdesk tranche ...`, `lift`.

use clap::{Args, Subcommand};
use pilotdesk_core::model::{SpendInput, TrancheInput};
use pilotdesk_core::workflows::{lift, tranches, workspace};
use pilotdesk_core::{Result, Store};

use super::Context;
use crate::output;

#[derive(Subcommand)]
pub enum TrancheCommand {
    /// A pilot's ledger: committed, released and spent, each tranche with its condition.
    List {
        pilot: i64,
        #[arg(long)]
        json: bool,
    },
    /// Add a tranche to a pilot's budget (while its design is open).
    Add {
        pilot: i64,
        #[command(flatten)]
        tranche: TrancheArgs,
    },
    /// Change a tranche (while the pilot's design is open).
    Edit {
        tranche: i64,
        #[command(flatten)]
        args: TrancheArgs,
    },
    Remove {
        tranche: i64,
    },
    /// Record the decision that a tranche's condition was met and release it; refused when
    /// the data do not show it met.
    Release {
        tranche: i64,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Record money spent out of a released tranche.
    Spend {
        tranche: i64,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// YYYY-MM-DD.
        #[arg(long = "on")]
        spent_on: String,
        #[arg(long)]
        description: String,
    },
}

#[derive(Args)]
pub struct TrancheArgs {
    #[arg(long)]
    label: String,
    #[arg(long, allow_hyphen_values = true)]
    amount: String,
    /// The KPI whose success criterion releases it; left out: released on approval.
    #[arg(long)]
    kpi: Option<i64>,
}

impl TrancheArgs {
    fn input(self) -> TrancheInput {
        TrancheInput {
            label: self.label,
            amount: self.amount,
            kpi_id: self.kpi,
        }
    }
}

pub fn run(command: TrancheCommand, store: &mut Store, context: &Context) -> Result<()> {
    let today = context.today;
    match command {
        TrancheCommand::List { pilot, json } => {
            let ledger = tranches::ledger(store, pilot, today)?;
            if json {
                output::json(&ledger);
            } else {
                let currency = workspace::overview(store)?.settings.currency;
                output::ledger_text(&ledger, &currency);
            }
        }
        TrancheCommand::Add { pilot, tranche } => {
            let id = tranches::add_tranche(store, pilot, &tranche.input(), today)?;
            outln!("Added tranche {id}.");
        }
        TrancheCommand::Edit { tranche, args } => {
            tranches::update_tranche(store, tranche, &args.input(), today)?;
            outln!("Changed tranche {tranche}.");
        }
        TrancheCommand::Remove { tranche } => {
            tranches::remove_tranche(store, tranche, today)?;
            outln!("Removed tranche {tranche}.");
        }
        TrancheCommand::Release { tranche, note } => {
            let decision = tranches::release_tranche(store, tranche, &note, today)?;
            outln!("Released tranche {tranche} (decision {decision}).");
        }
        TrancheCommand::Spend {
            tranche,
            amount,
            spent_on,
            description,
        } => {
            tranches::record_spend(
                store,
                tranche,
                &SpendInput {
                    amount,
                    spent_on,
                    description,
                },
            )?;
            outln!("Recorded the spending.");
        }
    }
    Ok(())
}

pub fn measure(store: &Store, kpi: i64, json: bool, context: &Context) -> Result<()> {
    let report = lift::measure(store, kpi, context.today)?;
    if json {
        output::json(&report);
    } else {
        outln!("{}", report.summary);
        if let (Some(p), Some(c)) = (report.pilot_pre_trend, report.comparison_pre_trend) {
            outln!(
                "Baseline trends per 30 days: pilot {p:.2}, comparison {c:.2} (parallel trends \
                 are assumed)"
            );
        }
        for excluded in &report.excluded {
            outln!("Left out: {excluded}");
        }
    }
    Ok(())
}
