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
    let (Some(paper), Some(min_group)) = (paper, min_group) else {
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
