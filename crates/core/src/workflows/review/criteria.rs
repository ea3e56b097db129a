//! Changing a baseline or success criterion after approval: a question the group votes on.

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;

use crate::error::{Error, Result};
use crate::model::{ItemKind, KpiInput};
use crate::packs::dates::long_date;
use crate::store::items::{self, ItemRecord};
use crate::store::{kpis as kpi_store, pilots, Store};

use super::{change, open_item, STEERING_GROUP};
use crate::workflows::audit;
use crate::workflows::gates;
use crate::workflows::timestamp_now;

/// A criteria change is put to the group for a decision within two weeks.
const CRITERIA_CHANGE_DAYS: i64 = 14;

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct CriteriaChange {
    kpi_id: i64,
    input: KpiInput,
    reason: String,
}

fn describe_criteria(kpi: &crate::model::Kpi) -> String {
    let baseline = kpi
        .baseline
        .as_ref()
        .map_or("no baseline".to_string(), |b| {
            format!(
                "baseline {} {} over {} to {}",
                b.value,
                kpi.unit,
                long_date(b.start),
                long_date(b.end)
            )
        });
    let criterion = kpi
        .criterion
        .as_ref()
        .map_or("no success criterion".to_string(), |c| c.rule.clone());
    format!("{baseline}; {criterion}")
}

/// Puts a change to a locked baseline or success criterion to the steering group. The
/// change is applied only if the group approves it.
pub fn propose_criteria_change(
    store: &mut Store,
    pilot_id: i64,
    input: &KpiInput,
    reason: &str,
    today: NaiveDate,
) -> Result<i64> {
    let pilot = pilots::get(store.conn(), pilot_id)?;
    let (open, note) = gates::voting_window(ItemKind::CriteriaChange, &pilot, today);
    if !open {
        return Err(Error::Conflict(format!(
            "a criteria change is voted on only while the criteria are locked by an approval; {note}"
        )));
    }
    let Some(kpi_id) = input.id else {
        return Err(Error::invalid_field(
            "id",
            "name the KPI whose criterion changes",
        ));
    };
    let kpis = kpi_store::for_pilot(store.conn(), pilot_id)?;
    let kpi = kpis
        .iter()
        .find(|k| k.id == kpi_id)
        .ok_or(Error::NotFound {
            entity: "KPI of this pilot",
            id: kpi_id.to_string(),
        })?;
    let taken: Vec<String> = kpis
        .iter()
        .filter(|k| k.id != kpi_id)
        .map(|k| k.name.clone())
        .collect();
    let checked = crate::workflows::kpis::check(input, pilot.start_date, &taken)?;
    if !checked.changes_criteria_of(kpi) {
        return Err(Error::invalid_field(
            "targetLift",
            "this is the baseline and criterion the KPI already has; change one of them to propose it",
        ));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid_field(
            "reason",
            "say why the criterion should change, for the steering group to weigh",
        ));
    }
    if items::open_of_kind(store.conn(), pilot_id, ItemKind::CriteriaChange)?.is_some() {
        return Err(Error::Conflict(format!(
            "a criteria change for \"{}\" is already before the steering group; it decides that \
             one first",
            pilot.name
        )));
    }
    let mut proposed = kpi.clone();
    proposed.baseline = checked.baseline.clone();
    proposed.criterion = checked.target_lift.map(|t| crate::model::SuccessCriterion {
        target_lift: t,
        interval_above_zero: checked.interval_above_zero,
        rule: kpi_store::rule_text(
            &checked.name,
            &kpi.unit,
            kpi.direction,
            t,
            checked.interval_above_zero,
        ),
    });
    let subject = format!(
        "Change \"{}\" of \"{}\" from {} to {}",
        kpi.name,
        pilot.name,
        describe_criteria(kpi),
        describe_criteria(&proposed)
    );
    let payload = serde_json::to_string(&CriteriaChange {
        kpi_id,
        input: input.clone(),
        reason: reason.into(),
    })
    .unwrap_or_default();
    let actor = audit::actor(store.conn())?;
    let tx = store.write()?;
    let id = open_item(
        &tx,
        &actor,
        &pilot,
        ItemKind::CriteriaChange,
        &subject,
        today + Duration::days(CRITERIA_CHANGE_DAYS),
        &payload,
    )?;
    change(
        &tx,
        &actor.name,
        pilot_id,
        "criteria_change_proposed",
        &format!("{subject}. Why: {reason}"),
    )?;
    tx.commit()?;
    Ok(id)
}

pub(super) fn apply_criteria_change(
    tx: &Transaction,
    record: &ItemRecord,
    decision_id: i64,
) -> Result<()> {
    let change_request: CriteriaChange = serde_json::from_str(&record.payload)
        .map_err(|e| Error::Conflict(format!("the proposed change cannot be read back: {e}")))?;
    let pilot = pilots::get(tx, record.pilot_id)?;
    let kpis = kpi_store::for_pilot(tx, pilot.id)?;
    let taken: Vec<String> = kpis
        .iter()
        .filter(|k| k.id != change_request.kpi_id)
        .map(|k| k.name.clone())
        .collect();
    let checked = crate::workflows::kpis::check(&change_request.input, pilot.start_date, &taken)?;
    kpi_store::update(tx, change_request.kpi_id, &checked.record())?;
    pilots::touch(tx, pilot.id, &timestamp_now())?;
    change(
        tx,
        STEERING_GROUP,
        pilot.id,
        "criteria_changed",
        &format!(
            "Changed the criteria of \"{}\" by decision {decision_id}",
            checked.name
        ),
    )
}
