//! The demo workspace: a believable mid-sized organisation with a pilot in each state of
//! the lifecycle, so a newcomer sees real-looking data on first start. Deterministic for a
//! given day, so tests can rely on it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::error::{Error, Result};
use crate::model::{NewPilotInput, Pilot};
use crate::store::{people, pilots, settings, Store};

use super::pilots::create_pilot;

mod agendas;
mod coaches;
mod data;
mod governance;
mod organisation;
mod past_pilots;
mod portfolio;
mod skills;
mod story;

pub(crate) use data::KpiShape;
use governance::seed_governance;
pub use organisation::demo_organisation;
pub(crate) use organisation::{email_local_part, FIRST_NAMES, LAST_NAMES};
pub(crate) use past_pilots::{
    approve_and_launch, decide_outcome, fund, hold_day45, packs_folder, run_past_pilot,
    save_monthly, Cast, PastPilot, Roles,
};
pub(crate) use skills::seed_catalog;
pub(crate) use story::platform_lines;
pub use story::{load_demo_story, load_full_demo};

pub const DEMO_WORKSPACE_NAME: &str = "Meridian Logistics (demo)";
pub const DEMO_PILOT_NAME: &str = "Sales onboarding coaching pilot";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoOutcome {
    Loaded { people: u32, pilot: Box<Pilot> },
    AlreadyLoaded,
}

/// `AlreadyLoaded` for a workspace holding the demo, an error for one holding anything
/// else, and nothing for an empty one.
pub(crate) fn refuse_unless_empty(store: &Store) -> Result<Option<DemoOutcome>> {
    if settings::get(store.conn(), settings::DEMO_LOADED)?.is_some() {
        return Ok(Some(DemoOutcome::AlreadyLoaded));
    }
    if people::count(store.conn())? > 0 || pilots::count(store.conn())? > 0 {
        return Err(Error::Conflict(
            "this workspace already holds people or pilots; the demo loads only into an empty \
             workspace (use a new --db file)"
                .into(),
        ));
    }
    Ok(None)
}

/// Loads the demo organisation and its draft pilot into an empty workspace. A workspace that
/// already holds the demo is left as it is; one holding other data is refused, untouched.
pub fn load_demo(store: &mut Store, today: NaiveDate) -> Result<DemoOutcome> {
    if let Some(outcome) = refuse_unless_empty(store)? {
        return Ok(outcome);
    }

    let mut organisation = demo_organisation();
    // Nobody in a workspace has a hire date still to come: imports refuse those, and an
    // exported demo must import back.
    for person in &mut organisation {
        person.hire_date = person.hire_date.map(|d| d.min(today));
    }
    let role_holder = |role: &str| {
        organisation
            .iter()
            .find(|p| p.role == role)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    // The L&D lead designs the demo pilot, so the demo's changes are recorded as theirs.
    let designer = role_holder("L&D Lead");
    let sponsor = role_holder("VP Sales");
    let tx = store.write()?;
    for person in &organisation {
        people::insert(&tx, person, today)?;
    }
    settings::set(&tx, settings::WORKSPACE_NAME, DEMO_WORKSPACE_NAME)?;
    settings::set(&tx, settings::CURRENCY, "USD")?;
    settings::set(&tx, settings::CURRENT_USER, &designer)?;
    settings::set(&tx, settings::DEMO_LOADED, "true")?;
    tx.commit()?;

    let pilot = create_pilot(
        store,
        &NewPilotInput {
            name: DEMO_PILOT_NAME.into(),
            objective: "Shorten new account executives' time to first closed deal by coaching \
                        four onboarding moments twice a week for 90 days."
                .into(),
            workflows: Vec::new(),
            start_date: demo_start_date(today).to_string(),
            sponsor,
            budget: "18000".into(),
            // Real playbooks and KPIs, with baselines and the cohort still to do, so the
            // checklist shows a newcomer what comes next.
            templates: vec!["sales-onboarding".into(), "customer-escalation".into()],
        },
    )?;
    seed_governance(store, &organisation, &pilot, today)?;
    skills::seed_catalog(store, today)?;
    Ok(DemoOutcome::Loaded {
        people: organisation.len() as u32,
        pilot: Box::new(pilot),
    })
}

/// The Monday at least three weeks out: time to get the pilot approved before it starts.
pub fn demo_start_date(today: NaiveDate) -> NaiveDate {
    let mut date = today + Duration::days(21);
    while date.weekday() != Weekday::Mon {
        date += Duration::days(1);
    }
    date
}
