//! The demo's skills: the shipped framework, a catalog module for every playbook task of the
//! templates, what each frontline role requires, and, for the running pilot, seats bought,
//! modules assigned to its team, completions and ratings, so every skills screen has
//! something true to show.

use chrono::{Duration, NaiveDate};

use crate::error::Result;
use crate::model::skills::{
    AssignInput, ModuleInput, ModuleTargetInput, ProgressInput, PurchaseInput, RatingInput,
    RoleRequirementInput,
};
use crate::store::skills::frameworks;
use crate::store::{people, Store};
use crate::workflows::skills::{assignments, catalog, frameworks as framework_flow, ratings};
use crate::workflows::templates::TEMPLATES;

pub const DEMO_VENDOR: &str = "Northstar Coaching Labs";

/// Which templates' competencies each role needs, and at which level.
const ROLE_NEEDS: &[(&str, &str, u32)] = &[
    ("Account Executive", "sales-onboarding", 3),
    ("Sales Development Rep", "sales-onboarding", 2),
    ("Support Specialist", "customer-escalation", 3),
    ("Escalations Specialist", "customer-escalation", 4),
    ("Sales Team Lead", "new-manager", 3),
    ("Support Team Lead", "new-manager", 3),
];

/// The framework, the catalog and the role requirements. The vendor is added to Vendors
/// when it is not there yet (the generated workspaces have no proposals of their own).
pub(crate) fn seed_catalog(store: &mut Store, today: NaiveDate) -> Result<()> {
    framework_flow::ensure_builtin(store)?;
    let known = crate::workflows::vendors::list_vendors(store)?
        .iter()
        .any(|v| v.vendor == DEMO_VENDOR);
    if !known {
        crate::workflows::vendors::save_vendor(
            store,
            None,
            &crate::model::VendorInput {
                vendor: DEMO_VENDOR.into(),
                offering: "Micro-coaching platform with a library of skill modules".into(),
                pricing: "per_module".into(),
                unit_price: "95".into(),
                contract_months: "12".into(),
                ..Default::default()
            },
        )?;
    }
    for (index, template) in TEMPLATES.iter().enumerate() {
        for (position, task) in template.tasks.iter().enumerate() {
            let Some(competency) = frameworks::resolve(store.conn(), task.competency)? else {
                continue;
            };
            let per_seat = (index + position) % 2 == 0;
            catalog::save_module(
                store,
                None,
                &ModuleInput {
                    title: task.skill_module.into(),
                    vendor: DEMO_VENDOR.into(),
                    duration_hours: ["0.75", "1", "1.5"][(index + position) % 3].into(),
                    delivery: if per_seat { "self_paced" } else { "blended" }.into(),
                    pricing: if per_seat {
                        "per_seat_month"
                    } else {
                        "per_module"
                    }
                    .into(),
                    price: if per_seat { "18" } else { "95" }.into(),
                    targets: vec![ModuleTargetInput {
                        competency_id: Some(competency),
                        target_level: "3".into(),
                    }],
                },
                today,
            )?;
        }
    }
    for (role, template, level) in ROLE_NEEDS {
        let Some(template) = TEMPLATES.iter().find(|t| t.key == *template) else {
            continue;
        };
        for task in template.tasks {
            if let Some(competency) = frameworks::resolve(store.conn(), task.competency)? {
                ratings::set_requirement(
                    store,
                    &RoleRequirementInput {
                        role: (*role).into(),
                        competency_id: Some(competency),
                        level: level.to_string(),
                    },
                )?;
            }
        }
    }
    Ok(())
}

/// The running pilot's skills: two modules bought for its team and assigned a week in, some
/// finished, and the ratings that show who reached the target level and when.
pub(super) fn seed_running_pilot(
    store: &mut Store,
    pilot_id: i64,
    team: &str,
    start: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    let modules = ["De-escalation language", "Tier-1 diagnostics"];
    let members: Vec<_> = people::list(store.conn())?
        .into_iter()
        .filter(|p| p.team == team && p.leaving_date.is_none_or(|d| d >= today))
        .filter(|p| ROLE_NEEDS.iter().any(|(role, _, _)| *role == p.role))
        .collect();
    let assigned_on = start + Duration::days(7);
    for title in modules {
        let module_id = catalog::find_module(store, title)?;
        catalog::buy_module(
            store,
            &PurchaseInput {
                module_id,
                pilot_id: Some(pilot_id),
                seats: members.len().to_string(),
                months: "3".into(),
                starts_on: start.to_string(),
            },
        )?;
        for person in &members {
            assignments::assign(
                store,
                &AssignInput {
                    module_id,
                    person_id: Some(person.id.clone()),
                    team: None,
                    pilot_id: Some(pilot_id),
                    due_on: (assigned_on + Duration::days(45)).to_string(),
                },
                assigned_on,
            )?;
        }
    }
    let targets: Vec<i64> = catalog::list_modules(store, today)?
        .into_iter()
        .filter(|m| modules.contains(&m.title.as_str()))
        .flat_map(|m| m.targets.into_iter().map(|t| t.competency_id))
        .collect();
    let board = assignments::list_assignments(store, None, today)?;
    for (n, person) in members.iter().enumerate() {
        // Where each person started, then, for most, a later rating at the target level:
        // a spread of speeds, and some not there yet (censored in the figures).
        for (k, competency) in targets.iter().enumerate() {
            let rate = |store: &mut Store, level: u32, on: NaiveDate, rater: &str| {
                ratings::rate(
                    store,
                    &RatingInput {
                        person_id: person.id.clone(),
                        competency_id: Some(*competency),
                        level: level.to_string(),
                        rater: rater.into(),
                        rated_on: on.to_string(),
                        evidence: String::new(),
                    },
                    on,
                )
            };
            rate(store, 1 + ((n + k) % 2) as u32, assigned_on, "manager")?;
            let days = 14 + ((n * 7 + k * 11) % 40) as i64;
            let reached = assigned_on + Duration::days(days);
            if (n + k) % 4 != 3 && reached <= today {
                rate(store, 3, reached, "manager")?;
            }
        }
        for (k, assignment) in board
            .iter()
            .filter(|a| a.person_id == person.id)
            .enumerate()
        {
            let finished = assigned_on + Duration::days(10 + ((n * 5 + k * 3) % 30) as i64);
            let done = (n + k) % 3 != 2 && finished <= today;
            assignments::record_progress(
                store,
                &ProgressInput {
                    assignment_id: assignment.id,
                    progress: if done { "100" } else { "40" }.into(),
                    completed_on: if done {
                        finished.to_string()
                    } else {
                        String::new()
                    },
                    passed: done.then_some(true),
                    score: if done {
                        format!("{}", 70 + (n * 3 + k) % 28)
                    } else {
                        String::new()
                    },
                },
                finished.min(today),
            )?;
        }
    }
    Ok(())
}
