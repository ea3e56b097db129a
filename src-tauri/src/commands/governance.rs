//! The steering group: who is acting, the queue, reviews and votes, the decision log, the
//! budget ledger, the group itself, vendor proposals and the risk register.

use pilotdesk_core::model::{
    CurrentUser, Decision, DecisionLog, GovernanceQueue, KpiInput, Ledger, LiftReport, Person,
    PersonInput, QuorumRule, QuorumRuleInput, ReviewView, Risk, RiskInput, SpendInput,
    SteeringMember, TrancheInput, VendorInput, VendorProposal, VoteInput,
};
use pilotdesk_core::store::{items, tranches as tranche_store};
use pilotdesk_core::workflows::{audit, lift, review, steering, tranches, users, vendors};
use pilotdesk_core::Store;
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command]
pub async fn get_current_user(state: State<'_, AppState>) -> Reply<CurrentUser> {
    Ok(users::current_user(&*state.reader()?)?)
}

#[tauri::command]
pub async fn choose_user(state: State<'_, AppState>, person_id: String) -> Reply<CurrentUser> {
    Ok(users::choose_user(&mut *state.store()?, &person_id)?)
}

/// Adds a person on the spot and makes them the current user.
#[tauri::command]
pub async fn add_person_and_choose(
    state: State<'_, AppState>,
    input: PersonInput,
) -> Reply<CurrentUser> {
    let mut store = state.store()?;
    let person: Person = users::add_person(&mut store, &input, today())?;
    Ok(users::choose_user(&mut store, &person.id)?)
}

#[tauri::command]
pub async fn get_governance_queue(state: State<'_, AppState>) -> Reply<GovernanceQueue> {
    Ok(review::queue(&*state.reader()?, today())?)
}

#[tauri::command]
pub async fn get_review(
    state: State<'_, AppState>,
    pilot_id: i64,
    item_id: Option<i64>,
) -> Reply<ReviewView> {
    Ok(review::review(
        &*state.reader()?,
        pilot_id,
        item_id,
        today(),
    )?)
}

/// The review of the item's pilot, focused on the item, after a vote or recusal.
fn review_of_item(store: &Store, item_id: i64) -> Reply<ReviewView> {
    let pilot_id = items::get(store.conn(), item_id)?.pilot_id;
    Ok(review::review(store, pilot_id, Some(item_id), today())?)
}

#[tauri::command]
pub async fn cast_vote(
    state: State<'_, AppState>,
    item_id: i64,
    input: VoteInput,
) -> Reply<ReviewView> {
    let mut store = state.store()?;
    review::vote(&mut store, item_id, &input, today())?;
    review_of_item(&store, item_id)
}

#[tauri::command]
pub async fn recuse_from_item(
    state: State<'_, AppState>,
    item_id: i64,
    reason: String,
) -> Reply<ReviewView> {
    let mut store = state.store()?;
    review::recuse(&mut store, item_id, &reason, today())?;
    review_of_item(&store, item_id)
}

#[tauri::command]
pub async fn propose_criteria_change(
    state: State<'_, AppState>,
    pilot_id: i64,
    input: KpiInput,
    reason: String,
) -> Reply<i64> {
    Ok(review::propose_criteria_change(
        &mut *state.store()?,
        pilot_id,
        &input,
        &reason,
        today(),
    )?)
}

#[tauri::command]
pub async fn get_decision_log(state: State<'_, AppState>) -> Reply<DecisionLog> {
    Ok(audit::decision_log(&*state.reader()?)?)
}

#[tauri::command]
pub async fn list_decisions(
    state: State<'_, AppState>,
    pilot_id: Option<i64>,
) -> Reply<Vec<Decision>> {
    Ok(review::decisions(&*state.reader()?, pilot_id)?)
}

#[tauri::command]
pub async fn list_steering_members(state: State<'_, AppState>) -> Reply<Vec<SteeringMember>> {
    Ok(steering::members(&*state.reader()?)?)
}

#[tauri::command]
pub async fn add_steering_member(
    state: State<'_, AppState>,
    person_id: String,
    function: String,
) -> Reply<Vec<SteeringMember>> {
    let mut store = state.store()?;
    steering::add_member(&mut store, &person_id, &function)?;
    Ok(steering::members(&store)?)
}

#[tauri::command]
pub async fn remove_steering_member(
    state: State<'_, AppState>,
    person_id: String,
) -> Reply<Vec<SteeringMember>> {
    let mut store = state.store()?;
    steering::remove_member(&mut store, &person_id)?;
    Ok(steering::members(&store)?)
}

#[tauri::command]
pub async fn get_quorum_rule(state: State<'_, AppState>) -> Reply<QuorumRule> {
    Ok(steering::rule(&*state.reader()?)?)
}

#[tauri::command]
pub async fn set_quorum_rule(
    state: State<'_, AppState>,
    input: QuorumRuleInput,
) -> Reply<QuorumRule> {
    Ok(steering::set_rule(&mut *state.store()?, &input)?)
}

#[tauri::command]
pub async fn list_ledgers(state: State<'_, AppState>) -> Reply<Vec<Ledger>> {
    Ok(tranches::ledgers(&*state.reader()?, today())?)
}

fn ledger_of_tranche(store: &Store, tranche_id: i64) -> Reply<Ledger> {
    let pilot_id = tranche_store::get(store.conn(), tranche_id)?.pilot_id;
    Ok(tranches::ledger(store, pilot_id, today())?)
}

#[tauri::command]
pub async fn add_tranche(
    state: State<'_, AppState>,
    pilot_id: i64,
    input: TrancheInput,
) -> Reply<Ledger> {
    let mut store = state.store()?;
    tranches::add_tranche(&mut store, pilot_id, &input, today())?;
    Ok(tranches::ledger(&store, pilot_id, today())?)
}

#[tauri::command]
pub async fn update_tranche(
    state: State<'_, AppState>,
    tranche_id: i64,
    input: TrancheInput,
) -> Reply<Ledger> {
    let mut store = state.store()?;
    tranches::update_tranche(&mut store, tranche_id, &input, today())?;
    ledger_of_tranche(&store, tranche_id)
}

#[tauri::command]
pub async fn remove_tranche(state: State<'_, AppState>, tranche_id: i64) -> Reply<Ledger> {
    let mut store = state.store()?;
    let pilot_id = tranche_store::get(store.conn(), tranche_id)?.pilot_id;
    tranches::remove_tranche(&mut store, tranche_id, today())?;
    Ok(tranches::ledger(&store, pilot_id, today())?)
}

#[tauri::command]
pub async fn release_tranche(
    state: State<'_, AppState>,
    tranche_id: i64,
    note: String,
) -> Reply<Ledger> {
    let mut store = state.store()?;
    tranches::release_tranche(&mut store, tranche_id, &note, today())?;
    ledger_of_tranche(&store, tranche_id)
}

#[tauri::command]
pub async fn record_spend(
    state: State<'_, AppState>,
    tranche_id: i64,
    input: SpendInput,
) -> Reply<Ledger> {
    let mut store = state.store()?;
    tranches::record_spend(&mut store, tranche_id, &input)?;
    ledger_of_tranche(&store, tranche_id)
}

#[tauri::command]
pub async fn measure_lift(state: State<'_, AppState>, kpi_id: i64) -> Reply<LiftReport> {
    Ok(lift::measure(&*state.reader()?, kpi_id, today())?)
}

#[tauri::command]
pub async fn list_vendors(state: State<'_, AppState>) -> Reply<Vec<VendorProposal>> {
    Ok(vendors::list_vendors(&*state.reader()?)?)
}

#[tauri::command]
pub async fn save_vendor(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: VendorInput,
) -> Reply<VendorProposal> {
    Ok(vendors::save_vendor(&mut *state.store()?, id, &input)?)
}

#[tauri::command]
pub async fn remove_vendor(state: State<'_, AppState>, id: i64) -> Reply<()> {
    Ok(vendors::remove_vendor(&mut *state.store()?, id)?)
}

#[tauri::command]
pub async fn list_risks(state: State<'_, AppState>) -> Reply<Vec<Risk>> {
    Ok(vendors::list_risks(&*state.reader()?)?)
}

#[tauri::command]
pub async fn save_risk(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: RiskInput,
) -> Reply<Risk> {
    Ok(vendors::save_risk(&mut *state.store()?, id, &input)?)
}
