//! The vendor module catalog and the purchases of seats. A purchase made for a pilot is a
//! vendor fee in that pilot's budget ledger and in the cost side of its ROI.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::skills::{
    Delivery, ModuleInput, ModulePricing, Purchase, PurchaseInput, SkillModule,
};
use crate::store::skills::{assignments, catalog, frameworks};
use crate::store::{pilots, settings, vendors, Store};
use crate::workflows::pilots::Problems;

use super::{record_change, timestamp_now};

struct CheckedModule {
    title: String,
    vendor: String,
    duration_hours: f64,
    delivery: Delivery,
    pricing: ModulePricing,
    price: crate::model::Money,
    targets: Vec<(i64, u32)>,
}

fn check_module(store: &Store, id: Option<i64>, input: &ModuleInput) -> Result<CheckedModule> {
    let conn = store.conn();
    let mut problems = Problems::default();
    let title = problems.required("title", &input.title, 160, "name the module");
    if !title.is_empty() {
        if let Some(other) = catalog::find_module(conn, &title)? {
            if Some(other) != id
                && catalog::module(conn, other)?
                    .title
                    .eq_ignore_ascii_case(&title)
            {
                problems.add("title", format!("the catalog already has \"{title}\""));
            }
        }
    }
    let vendor_text = problems.required("vendor", &input.vendor, 120, "choose the vendor");
    let known: Vec<String> = {
        let mut names: Vec<String> = vendors::list(conn)?.into_iter().map(|v| v.vendor).collect();
        names.sort_by_key(|n| n.to_lowercase());
        names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        names
    };
    let vendor = known
        .iter()
        .find(|n| n.eq_ignore_ascii_case(&vendor_text))
        .cloned();
    if vendor.is_none() && !vendor_text.is_empty() {
        problems.add(
            "vendor",
            if known.is_empty() {
                format!("\"{vendor_text}\" is not in Vendors; add the vendor's proposal under Governance first")
            } else {
                format!("\"{vendor_text}\" is not in Vendors; choose one of {}", known.join(", "))
            },
        );
    }
    let duration_hours = match input.duration_hours.trim().replace(',', ".").parse::<f64>() {
        Ok(h) if h > 0.0 && h <= 1000.0 => Some(h),
        _ => {
            problems.add("durationHours", "give the duration in hours, e.g. 1.5");
            None
        }
    };
    let delivery = Delivery::parse(&input.delivery);
    if delivery.is_none() {
        problems.add(
            "delivery",
            "choose self-paced, live online, in person or blended",
        );
    }
    let pricing = ModulePricing::parse(&input.pricing);
    if pricing.is_none() {
        problems.add(
            "pricing",
            "choose per seat per month, per learner (per module) or a site licence",
        );
    }
    let price = problems.money("price", &input.price);
    let mut targets = Vec::new();
    let choices: HashMap<i64, _> = frameworks::choices(conn)?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    if input.targets.is_empty() {
        problems.add(
            "targets",
            "choose at least one competency the module builds: a module that maps to no competency fragments the learning path",
        );
    }
    for (index, target) in input.targets.iter().enumerate() {
        let field = format!("targets[{index}]");
        let Some(choice) = target.competency_id.and_then(|id| choices.get(&id)) else {
            problems.add(
                &format!("{field}.competencyId"),
                "choose a competency from a framework",
            );
            continue;
        };
        let top = choice.levels.iter().map(|l| l.level).max().unwrap_or(0);
        match target.target_level.trim().parse::<u32>() {
            Ok(level) if (1..=top).contains(&level) => {
                if targets.iter().any(|(c, _)| *c == choice.id) {
                    problems.add(&field, format!("\"{}\" is listed twice", choice.label));
                } else {
                    targets.push((choice.id, level));
                }
            }
            _ => problems.add(
                &format!("{field}.targetLevel"),
                format!("choose a level from 1 to {top} for \"{}\"", choice.label),
            ),
        }
    }
    let (Some(vendor), Some(duration_hours), Some(delivery), Some(pricing), Some(price)) =
        (vendor, duration_hours, delivery, pricing, price)
    else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| CheckedModule {
        title,
        vendor,
        duration_hours,
        delivery,
        pricing,
        price,
        targets,
    })
}

/// Adds a module to the catalog, or updates module `id`.
pub fn save_module(
    store: &mut Store,
    id: Option<i64>,
    input: &ModuleInput,
    today: NaiveDate,
) -> Result<SkillModule> {
    let checked = check_module(store, id, input)?;
    if let Some(id) = id {
        catalog::module(store.conn(), id)?;
    }
    let now = timestamp_now();
    let tx = store.write()?;
    let record = catalog::ModuleRecord {
        title: &checked.title,
        vendor: &checked.vendor,
        duration_hours: checked.duration_hours,
        delivery: checked.delivery,
        pricing: checked.pricing,
        price: checked.price,
        targets: &checked.targets,
    };
    let id = match id {
        Some(id) => {
            catalog::update_module(&tx, id, &record, &now)?;
            record_change(
                &tx,
                "module",
                &id.to_string(),
                "updated",
                &format!("Updated the module \"{}\"", checked.title),
            )?;
            id
        }
        None => {
            let id = catalog::insert_module(&tx, &record, &now)?;
            record_change(
                &tx,
                "module",
                &id.to_string(),
                "created",
                &format!(
                    "Added \"{}\" from {} to the catalog",
                    checked.title, checked.vendor
                ),
            )?;
            id
        }
    };
    tx.commit()?;
    list_modules(store, today)?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| Error::NotFound {
            entity: "module",
            id: id.to_string(),
        })
}

/// The catalog with each module's seats bought (current today) against seats in use.
pub fn list_modules(store: &Store, today: NaiveDate) -> Result<Vec<SkillModule>> {
    let conn = store.conn();
    let purchases = catalog::purchases(conn, None)?;
    let mut used: HashMap<i64, u32> = HashMap::new();
    for a in assignments::load(conn, assignments::Scope::All, today)? {
        *used.entry(a.module_id).or_default() += 1;
    }
    Ok(catalog::modules(conn)?
        .into_iter()
        .map(|m| {
            let mine: Vec<_> = purchases.iter().filter(|p| p.module_id == m.id).collect();
            let current: Vec<_> = mine
                .iter()
                .filter(|p| p.starts_on <= today && today <= p.ends_on())
                .collect();
            let seats_bought = if current
                .iter()
                .any(|p| p.pricing == ModulePricing::SiteLicence)
            {
                None
            } else {
                Some(current.iter().map(|p| p.seats).sum())
            };
            SkillModule {
                id: m.id,
                seats_used: used.get(&m.id).copied().unwrap_or(0),
                spent: crate::model::Money(mine.iter().map(|p| p.total.cents()).sum()),
                seats_bought,
                title: m.title,
                vendor: m.vendor,
                duration_hours: m.duration_hours,
                delivery: m.delivery,
                pricing: m.pricing,
                price: m.price,
                targets: m.targets,
            }
        })
        .collect())
}

pub fn find_module(store: &Store, key: &str) -> Result<i64> {
    catalog::find_module(store.conn(), key)?.ok_or_else(|| Error::NotFound {
        entity: "module",
        id: key.to_string(),
    })
}

/// Buys seats of a module for a period, at the catalog price of the day.
pub fn buy_module(store: &mut Store, input: &PurchaseInput) -> Result<Purchase> {
    let conn = store.conn();
    let module = catalog::module(conn, input.module_id)?;
    let mut problems = Problems::default();
    let seats = if module.pricing == ModulePricing::SiteLicence {
        Some(0)
    } else {
        match input.seats.trim().parse::<u32>() {
            Ok(n) if (1..=100_000).contains(&n) => Some(n),
            _ => {
                problems.add(
                    "seats",
                    if module.pricing == ModulePricing::PerModule {
                        "give the number of learners, from 1 to 100,000"
                    } else {
                        "give the number of seats, from 1 to 100,000"
                    },
                );
                None
            }
        }
    };
    let months = match input.months.trim().parse::<u32>() {
        Ok(n) if (1..=60).contains(&n) => Some(n),
        _ => {
            problems.add("months", "give the period in months, from 1 to 60");
            None
        }
    };
    let starts_on = problems.date(
        "startsOn",
        &input.starts_on,
        "choose the day the seats start",
    );
    if let Some(pilot) = input.pilot_id {
        if pilots::get(conn, pilot).is_err() {
            problems.add("pilotId", format!("there is no pilot {pilot}"));
        }
    }
    let (Some(seats), Some(months), Some(starts_on)) = (seats, months, starts_on) else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let total = catalog::total(module.pricing, seats, months, module.price)
        .ok_or_else(|| Error::invalid_field("seats", "that purchase is too large to record"))?;
    let currency = settings::load(conn)?.currency;
    let now = timestamp_now();
    let tx = store.write()?;
    let record = catalog::PurchaseRecord {
        module_id: module.id,
        pilot_id: input.pilot_id,
        pricing: module.pricing,
        unit: module.price,
        seats,
        months,
        total,
        starts_on,
    };
    let summary = format!(
        "Bought \"{}\": {} = {}",
        module.title,
        catalog::basis(module.pricing, seats, months, module.price, &currency),
        total.format_with(&currency)
    );
    let actor = settings::load(&tx)?.current_user;
    let id = catalog::insert_purchase(&tx, &record, &actor, &now)?;
    record_change(&tx, "purchase", &id.to_string(), "created", &summary)?;
    tx.commit()?;
    list_purchases(store, input.pilot_id)?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| Error::NotFound {
            entity: "purchase",
            id: id.to_string(),
        })
}

pub fn list_purchases(store: &Store, pilot_id: Option<i64>) -> Result<Vec<Purchase>> {
    let currency = settings::load(store.conn())?.currency;
    Ok(catalog::purchases(store.conn(), pilot_id)?
        .into_iter()
        .map(|p| p.into_purchase(&currency))
        .collect())
}

/// A pilot's module purchases as vendor lines of its budget: what the estimate, the
/// checklist and the ROI's cost side count beside the lines typed in the designer.
pub(crate) fn budget_lines(
    conn: &rusqlite::Connection,
    pilot_id: i64,
) -> Result<Vec<crate::model::BudgetLine>> {
    use crate::model::{BudgetCategory, BudgetLine, Pricing};
    let currency = settings::load(conn)?.currency;
    Ok(catalog::purchases(conn, Some(pilot_id))?
        .into_iter()
        .map(|p| {
            let basis = catalog::basis(p.pricing, p.seats, p.months, p.unit, &currency);
            let description = format!("{} from {} ({basis})", p.module_title, p.vendor);
            let (pricing, unit_cost, quantity) = match p.pricing {
                ModulePricing::PerSeatMonth => (
                    Pricing::PerSeat,
                    crate::model::Money(p.unit.cents() * i64::from(p.months)),
                    p.seats,
                ),
                ModulePricing::PerModule => (Pricing::PerModule, p.unit, p.seats),
                ModulePricing::SiteLicence => (Pricing::Fixed, p.total, 1),
            };
            BudgetLine {
                category: BudgetCategory::Vendor,
                description,
                pricing,
                unit_cost,
                quantity,
            }
        })
        .collect())
}

/// What the checklist's two modular-learning items read.
pub fn readiness_facts(
    conn: &rusqlite::Connection,
    pilot_id: i64,
    today: NaiveDate,
) -> Result<crate::workflows::readiness::SkillsFacts> {
    let purchases = catalog::purchases(conn, Some(pilot_id))?;
    let assigned: std::collections::BTreeSet<String> =
        assignments::load(conn, assignments::Scope::Pilot(pilot_id), today)?
            .into_iter()
            .map(|a| a.person_id)
            .collect();
    Ok(crate::workflows::readiness::SkillsFacts {
        catalog: catalog::modules(conn)?
            .into_iter()
            .map(|m| m.title)
            .collect(),
        purchases: purchases.len() as u32,
        seats: purchases.iter().map(|p| p.seats).sum(),
        assigned: assigned.len() as u32,
    })
}
