//! Vendor proposals with their privacy checklist, and the risk register with an owner and
//! a mitigation for each risk.

use crate::error::{Error, Result};
use crate::model::{
    Practice, Pricing, PrivacyChecklist, Risk, RiskInput, RiskStatus, VendorInput, VendorProposal,
};
use crate::store::risks::{self, RiskRecord};
use crate::store::vendors::{self, VendorRecord};
use crate::store::{people, pilots, Store};

use super::pilots::Problems;
use super::{record_change, timestamp_now};

const TEXT_MAX: usize = 400;

struct CheckedVendor {
    pilot_id: Option<i64>,
    vendor: String,
    offering: String,
    pricing: Pricing,
    unit_price: crate::model::Money,
    contract_months: u32,
    privacy: PrivacyChecklist,
}

impl CheckedVendor {
    fn record(&self) -> VendorRecord<'_> {
        VendorRecord {
            pilot_id: self.pilot_id,
            vendor: &self.vendor,
            offering: &self.offering,
            pricing: self.pricing,
            unit_price: self.unit_price,
            contract_months: self.contract_months,
            privacy: &self.privacy,
        }
    }
}

fn check_vendor(store: &Store, input: &VendorInput) -> Result<CheckedVendor> {
    let mut problems = Problems::default();
    let vendor = problems.required("vendor", &input.vendor, 120, "name the vendor");
    let offering = problems.required(
        "offering",
        &input.offering,
        TEXT_MAX,
        "say what they provide, e.g. a micro-coaching platform with manager prompts",
    );
    let pricing = Pricing::parse(&input.pricing);
    if pricing.is_none() {
        problems.add("pricing", "choose per seat, per module or fixed");
    }
    let unit_price = problems.money("unitPrice", &input.unit_price);
    let contract_months = match input.contract_months.trim().parse::<u32>() {
        Ok(n) if (1..=120).contains(&n) => Some(n),
        _ => {
            problems.add(
                "contractMonths",
                "give the contract term in months, from 1 to 120",
            );
            None
        }
    };
    if let Some(id) = input.pilot_id {
        if pilots::get(store.conn(), id).is_err() {
            problems.add("pilotId", format!("there is no pilot {id}"));
        }
    }
    let privacy = PrivacyChecklist {
        personal_data: input.personal_data.trim().into(),
        storage_location: input.storage_location.trim().into(),
        retention: input.retention.trim().into(),
        sub_processors: input.sub_processors.trim().into(),
    };
    for (field, text) in [
        ("personalData", &privacy.personal_data),
        ("storageLocation", &privacy.storage_location),
        ("retention", &privacy.retention),
        ("subProcessors", &privacy.sub_processors),
    ] {
        problems.limit(field, text, TEXT_MAX);
    }
    let (Some(pricing), Some(unit_price), Some(contract_months)) =
        (pricing, unit_price, contract_months)
    else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| CheckedVendor {
        pilot_id: input.pilot_id,
        vendor,
        offering,
        pricing,
        unit_price,
        contract_months,
        privacy,
    })
}

pub fn list_vendors(store: &Store) -> Result<Vec<VendorProposal>> {
    vendors::list(store.conn())
}

pub fn save_vendor(
    store: &mut Store,
    id: Option<i64>,
    input: &VendorInput,
) -> Result<VendorProposal> {
    let checked = check_vendor(store, input)?;
    if let Some(id) = id {
        vendors::get(store.conn(), id)?;
    }
    let now = timestamp_now();
    let tx = store.write()?;
    let id = match id {
        Some(id) => {
            vendors::update(&tx, id, &checked.record(), &now)?;
            record_change(
                &tx,
                "vendor",
                &id.to_string(),
                "updated",
                &format!("Updated the proposal of {}", checked.vendor),
            )?;
            id
        }
        None => {
            let id = vendors::insert(&tx, &checked.record(), &now)?;
            record_change(
                &tx,
                "vendor",
                &id.to_string(),
                "created",
                &format!("Added a proposal from {}", checked.vendor),
            )?;
            id
        }
    };
    tx.commit()?;
    vendors::get(store.conn(), id)
}

pub fn remove_vendor(store: &mut Store, id: i64) -> Result<()> {
    let proposal = vendors::get(store.conn(), id)?;
    let tx = store.write()?;
    vendors::delete(&tx, id)?;
    record_change(
        &tx,
        "vendor",
        &id.to_string(),
        "removed",
        &format!("Removed the proposal of {}", proposal.vendor),
    )?;
    tx.commit()?;
    Ok(())
}

pub fn list_risks(store: &Store) -> Result<Vec<Risk>> {
    risks::list(store.conn())
}

pub fn save_risk(store: &mut Store, id: Option<i64>, input: &RiskInput) -> Result<Risk> {
    let mut problems = Problems::default();
    let practice = Practice::parse(&input.practice);
    if practice.is_none() {
        problems.add(
            "practice",
            format!(
                "choose one of {}",
                Practice::ALL
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    let title = problems.required("title", &input.title, TEXT_MAX, "describe the risk");
    let mitigation = problems.required(
        "mitigation",
        &input.mitigation,
        TEXT_MAX,
        "say how the risk is mitigated",
    );
    let owner = input.owner_id.trim();
    if !owner.is_empty() && people::get(store.conn(), owner)?.is_none() {
        problems.add(
            "ownerId",
            format!("there is no one with the id \"{owner}\" in People"),
        );
    }
    let status = if input.status.trim().is_empty() {
        Some(RiskStatus::Open)
    } else {
        RiskStatus::parse(&input.status)
    };
    if status.is_none() {
        problems.add("status", "choose open, mitigated or closed");
    }
    if let Some(pilot) = input.pilot_id {
        if pilots::get(store.conn(), pilot).is_err() {
            problems.add("pilotId", format!("there is no pilot {pilot}"));
        }
    }
    let (Some(practice), Some(status)) = (practice, status) else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    if let Some(id) = id {
        risks::get(store.conn(), id)?;
    }
    let record = RiskRecord {
        practice,
        title: &title,
        owner_id: (!owner.is_empty()).then_some(owner),
        mitigation: &mitigation,
        status,
        pilot_id: input.pilot_id,
    };
    let tx = store.write()?;
    let id = match id {
        Some(id) => {
            risks::update(&tx, id, &record)?;
            record_change(
                &tx,
                "risk",
                &id.to_string(),
                "updated",
                &format!("Updated the risk \"{title}\" ({})", status.as_str()),
            )?;
            id
        }
        None => {
            let id = risks::insert(&tx, &record)?;
            record_change(
                &tx,
                "risk",
                &id.to_string(),
                "created",
                &format!("Added the risk \"{title}\""),
            )?;
            id
        }
    };
    tx.commit()?;
    risks::get(store.conn(), id)
}
