//! Vendor proposals and the risk register: `pilotdesk vendor ...`, `pilotdesk risk ...`.

use clap::{Args, Subcommand};
use pilotdesk_core::model::{RiskInput, VendorInput};
use pilotdesk_core::workflows::vendors;
use pilotdesk_core::{Result, Store};

use crate::output;

#[derive(Subcommand)]
pub enum VendorCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    Add(VendorArgs),
    Edit {
        id: i64,
        #[command(flatten)]
        args: VendorArgs,
    },
    Remove {
        id: i64,
    },
}

#[derive(Args)]
pub struct VendorArgs {
    #[arg(long)]
    vendor: String,
    /// What they provide.
    #[arg(long)]
    offering: String,
    /// per_seat, per_module or fixed.
    #[arg(long)]
    pricing: String,
    #[arg(long, allow_hyphen_values = true)]
    price: String,
    #[arg(long)]
    months: String,
    /// The pilot it is proposed for.
    #[arg(long)]
    pilot: Option<i64>,
    /// Privacy checklist: which personal data the vendor processes.
    #[arg(long, default_value = "")]
    personal_data: String,
    /// Privacy checklist: where it is stored.
    #[arg(long, default_value = "")]
    storage: String,
    /// Privacy checklist: how long it is kept.
    #[arg(long, default_value = "")]
    retention: String,
    /// Privacy checklist: the vendor's sub-processors.
    #[arg(long, default_value = "")]
    sub_processors: String,
}

impl VendorArgs {
    fn input(self) -> VendorInput {
        VendorInput {
            pilot_id: self.pilot,
            vendor: self.vendor,
            offering: self.offering,
            pricing: self.pricing,
            unit_price: self.price,
            contract_months: self.months,
            personal_data: self.personal_data,
            storage_location: self.storage,
            retention: self.retention,
            sub_processors: self.sub_processors,
        }
    }
}

pub fn vendor(command: VendorCommand, store: &mut Store) -> Result<()> {
    match command {
        VendorCommand::List { json } => {
            let list = vendors::list_vendors(store)?;
            if json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|v| {
                        vec![
                            v.id.to_string(),
                            v.vendor.clone(),
                            format!("{} {}", v.unit_price.format_plain(), v.pricing.label()),
                            format!("{} months", v.contract_months),
                            format!("{} of 4", v.privacy_answered),
                            v.pilot_name.clone().unwrap_or_default(),
                        ]
                    })
                    .collect();
                output::table(
                    &["ID", "VENDOR", "PRICE", "TERM", "PRIVACY", "PILOT"],
                    &rows,
                );
            }
        }
        VendorCommand::Add(args) => {
            let saved = vendors::save_vendor(store, None, &args.input())?;
            outln!("Added vendor proposal {} from {}.", saved.id, saved.vendor);
        }
        VendorCommand::Edit { id, args } => {
            vendors::save_vendor(store, Some(id), &args.input())?;
            outln!("Updated vendor proposal {id}.");
        }
        VendorCommand::Remove { id } => {
            vendors::remove_vendor(store, id)?;
            outln!("Removed vendor proposal {id}.");
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum RiskCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    Add(RiskArgs),
    Edit {
        id: i64,
        #[command(flatten)]
        args: RiskArgs,
    },
}

#[derive(Args)]
pub struct RiskArgs {
    /// micro_coaching, ai_assisted, skills_as_a_service, coaching_analytics,
    /// coaching_networks, async_competency or general.
    #[arg(long)]
    practice: String,
    #[arg(long)]
    title: String,
    /// The owner's id in People.
    #[arg(long, default_value = "")]
    owner: String,
    #[arg(long)]
    mitigation: String,
    /// open, mitigated or closed.
    #[arg(long, default_value = "open")]
    status: String,
    #[arg(long)]
    pilot: Option<i64>,
}

impl RiskArgs {
    fn input(self) -> RiskInput {
        RiskInput {
            practice: self.practice,
            title: self.title,
            owner_id: self.owner,
            mitigation: self.mitigation,
            status: self.status,
            pilot_id: self.pilot,
        }
    }
}

pub fn risk(command: RiskCommand, store: &mut Store) -> Result<()> {
    match command {
        RiskCommand::List { json } => {
            let list = vendors::list_risks(store)?;
            if json {
                output::json(&list);
            } else {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_string(),
                            r.status.as_str().into(),
                            r.practice.label().into(),
                            r.title.clone(),
                            r.owner_name.clone().unwrap_or_else(|| "no owner".into()),
                        ]
                    })
                    .collect();
                output::table(&["ID", "STATUS", "PRACTICE", "RISK", "OWNER"], &rows);
            }
        }
        RiskCommand::Add(args) => {
            let saved = vendors::save_risk(store, None, &args.input())?;
            outln!("Added risk {}.", saved.id);
        }
        RiskCommand::Edit { id, args } => {
            vendors::save_risk(store, Some(id), &args.input())?;
            outln!("Updated risk {id}.");
        }
    }
    Ok(())
}
