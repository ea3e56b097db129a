use crate::error::{Error, ErrorDetail, Result};
use crate::model::{PaperSize, SettingsInput, WorkspaceSettings};
use crate::store::changes::{self, NewChange};
use crate::store::{settings, Store};

use super::timestamp_now;

/// The smallest group whose figures may be shown; below 3 a breakdown identifies people.
const MIN_GROUP_FLOOR: u32 = 3;

pub fn update_settings(store: &mut Store, input: &SettingsInput) -> Result<WorkspaceSettings> {
    let mut problems = Vec::new();
    let name = input.workspace_name.trim();
    if name.is_empty() {
        problems.push(ErrorDetail::field(
            "workspaceName",
            "give the workspace a name",
        ));
    } else if name.chars().count() > 80 {
        problems.push(ErrorDetail::field(
            "workspaceName",
            "keep the name under 80 characters",
        ));
    }
    let currency = input.currency.trim().to_ascii_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
        problems.push(ErrorDetail::field(
            "currency",
            "use a three-letter ISO 4217 code, e.g. USD, EUR or GBP",
        ));
    }
    let paper = PaperSize::parse(&input.paper_size);
    if paper.is_none() {
        problems.push(ErrorDetail::field("paperSize", "choose A4 or Letter"));
    }
    let min_group = input.min_group_size.trim().parse::<u32>().ok();
    match min_group {
        Some(n) if (MIN_GROUP_FLOOR..=50).contains(&n) => {}
        _ => problems.push(ErrorDetail::field(
            "minGroupSize",
            format!(
                "use a whole number from {MIN_GROUP_FLOOR} to 50; 5 is the usual privacy floor"
            ),
        )),
    }
    let credit_rate = decimal(&input.credit_rate).filter(|r| (0.0..=10.0).contains(r) && *r > 0.0);
    if credit_rate.is_none() {
        problems.push(ErrorDetail::field(
            "creditRate",
            "use a number above 0 and at most 10, e.g. 1 for one credit per hour coached",
        ));
    }
    let load_hours = decimal(&input.weekly_load_hours).filter(|h| (0.5..=40.0).contains(h));
    if load_hours.is_none() {
        problems.push(ErrorDetail::field(
            "weeklyLoadHours",
            "use a number of hours from 0.5 to 40, e.g. 4",
        ));
    }
    let (Some(paper), Some(min_group), Some(credit_rate), Some(load_hours)) =
        (paper, min_group, credit_rate, load_hours)
    else {
        return Err(Error::invalid(problems));
    };
    if !problems.is_empty() {
        return Err(Error::invalid(problems));
    }

    let before = settings::load(store.conn())?;
    let now = timestamp_now();
    let tx = store.write()?;
    settings::set(&tx, settings::WORKSPACE_NAME, name)?;
    settings::set(&tx, settings::CURRENCY, &currency)?;
    settings::set(&tx, settings::PAPER_SIZE, paper.as_str())?;
    settings::set(&tx, settings::MIN_GROUP_SIZE, &min_group.to_string())?;
    settings::set(&tx, settings::CREDIT_RATE, &credit_rate.to_string())?;
    settings::set(&tx, settings::WEEKLY_LOAD_HOURS, &load_hours.to_string())?;
    changes::append(
        &tx,
        &now,
        &NewChange {
            actor: &before.current_user,
            entity: "workspace",
            entity_id: "settings",
            action: "updated",
            summary: "Updated the workspace settings",
        },
    )?;
    tx.commit()?;
    settings::load(store.conn())
}

/// A decimal as typed, with a comma accepted as the decimal mark ("1,5").
fn decimal(text: &str) -> Option<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}
