//! The demo's governance: the steering group, owners for the risk register, a vendor
//! proposal with its privacy checklist, and the draft pilot's tranches.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{MemberFunction, Person, Pilot, Practice, TrancheInput, VendorInput};
use crate::store::{kpis, risks, Store};

/// The steering group, the default quorum rule (from the schema), a vendor proposal with
/// its privacy checklist, owners for the seeded risk register and the pilot's tranches, so
/// a newcomer sees governance populated.
pub(super) fn seed_governance(
    store: &mut Store,
    organisation: &[Person],
    pilot: &Pilot,
    today: NaiveDate,
) -> Result<()> {
    let id_of = |role: &str| {
        organisation
            .iter()
            .find(|p| p.role == role)
            .map(|p| p.id.clone())
            .ok_or_else(|| Error::Conflict(format!("the demo organisation has no {role}")))
    };
    let members = [
        ("Head of People", MemberFunction::Hr),
        ("People Analyst", MemberFunction::Analytics),
        ("Finance Director", MemberFunction::Finance),
        ("VP Sales", MemberFunction::Frontline),
        ("VP Customer Experience", MemberFunction::Frontline),
        ("Chief Operating Officer", MemberFunction::Other),
    ];
    let owners = [
        (Practice::MicroCoaching, "L&D Lead"),
        (Practice::AiAssisted, "L&D Lead"),
        (Practice::SkillsAsAService, "Learning Coordinator"),
        (Practice::CoachingAnalytics, "People Analyst"),
        (Practice::CoachingNetworks, "Internal Coach"),
        (Practice::AsyncCompetency, "HR Business Partner"),
        (Practice::General, "Head of People"),
    ];
    let actor = crate::workflows::audit::actor(store.conn())?;
    let tx = store.write()?;
    for (role, function) in members {
        crate::workflows::steering::add_member_in(&tx, &actor, &id_of(role)?, function)?;
    }
    for (practice, role) in owners {
        risks::assign_unowned(&tx, practice, &id_of(role)?)?;
    }
    tx.commit()?;

    crate::workflows::vendors::save_vendor(
        store,
        None,
        &VendorInput {
            pilot_id: Some(pilot.id),
            vendor: "Northstar Coaching Labs".into(),
            offering: "Micro-coaching platform: in-workflow prompts for managers, AI-suggested \
                       1:1 agendas and a library of skill modules"
                .into(),
            pricing: "per_seat".into(),
            unit_price: "120".into(),
            contract_months: "12".into(),
            personal_data: "Name, work email, team and role of managers and coachees; the \
                            coaching notes managers choose to log; module completion"
                .into(),
            storage_location: "European Union: AWS eu-central-1 (Frankfurt)".into(),
            retention: "The contract term plus 90 days, then deleted; aggregate statistics kept \
                        without identifiers"
                .into(),
            sub_processors: "Amazon Web Services (hosting); Postmark (email); OpenAI (agenda \
                             suggestions, no training on customer data)"
                .into(),
        },
    )?;

    // Most of the budget is released on approval; the rest waits for the first KPI.
    let first_kpi = kpis::for_pilot(store.conn(), pilot.id)?
        .first()
        .map(|k| k.id);
    crate::workflows::tranches::add_tranche(
        store,
        pilot.id,
        &TrancheInput {
            label: "Launch tranche".into(),
            amount: "10800".into(),
            kpi_id: None,
        },
        today,
    )?;
    if first_kpi.is_some() {
        crate::workflows::tranches::add_tranche(
            store,
            pilot.id,
            &TrancheInput {
                label: "Outcome tranche".into(),
                amount: "7200".into(),
                kpi_id: first_kpi,
            },
            today,
        )?;
    }
    Ok(())
}
