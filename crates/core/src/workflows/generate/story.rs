//! The generated workspace tells the demo's story at scale: the big randomised pilot goes
//! through the steering group and, when the weeks allow, finishes with its day-90 outcome
//! decided and its outcome pack printed; a second pilot, one region of Customer Success
//! against the rest, is approved and running with two months of data; and a third is in
//! design. Every step goes through the same workflows a person would use, stamped on its day.

use chrono::{Duration, NaiveDate};

use crate::error::Result;
use crate::model::{
    BasicsInput, CohortInput, HourlyCostInput, NewPilotInput, PilotStatus, RoiAssumptionInput,
    RoiInput, PILOT_LENGTH_DAYS,
};
use crate::store::{people, pilots, settings, Store};
use crate::workflows::demo::{
    approve_and_launch, decide_outcome, fund, hold_day45, packs_folder, platform_lines,
    run_past_pilot, save_monthly, Cast, KpiShape, PastPilot, Roles,
};
use crate::workflows::{analytics, design, stamped_at, steering};

use super::organisation::{Organisation, FUNCTIONS};
use super::GenerateOptions;

/// The running pilot's function; its teams sit out of the big pilot's cohort.
pub(super) const RUNNING_FUNCTION: &str = "Customer Success";
pub const RUNNING_PILOT_NAME: &str = "Customer Success escalation pilot";
pub const DRAFT_PILOT_NAME: &str = "New manager onboarding pilot";
/// The big pilot ends this many days before the last day of data, so its day-90 meeting
/// (four days after the end) has been held.
const FINISHED_DAYS_AGO: i64 = 96;
/// Enough weeks before a pilot for a baseline worth the name.
const BASELINE_DAYS_MIN: i64 = 56;
/// The running pilot started this many days before the last day: two months of data.
const RUNNING_DAYS: i64 = 62;

/// When the big pilot starts, and whether it has finished by the last day of data.
pub(super) fn big_pilot_start(options: &GenerateOptions) -> (NaiveDate, bool) {
    let days = i64::from(options.weeks) * 7;
    if days >= FINISHED_DAYS_AGO + BASELINE_DAYS_MIN {
        (options.end - Duration::days(FINISHED_DAYS_AGO), true)
    } else {
        let pilot_days = (days / 2).min(PILOT_LENGTH_DAYS);
        (options.end - Duration::days(pilot_days - 1), false)
    }
}

/// The teams of the running pilot's function, by index into the organisation's teams; none
/// when the organisation is too small to have two of them.
pub(super) fn running_pilot_teams(org: &Organisation) -> Vec<usize> {
    let teams: Vec<usize> = (0..org.teams.len())
        .filter(|&t| {
            org.people[org.teams[t].0]
                .team
                .starts_with(&format!("{RUNNING_FUNCTION} "))
        })
        .collect();
    if teams.len() >= 2 {
        teams
    } else {
        Vec::new()
    }
}

/// The generated organisation's steering group, by role.
fn roles(org: &Organisation) -> Roles {
    let has = |role: &str| org.people.iter().any(|p| p.role == role);
    Roles {
        lead: "L&D Lead",
        hr: "Head of People",
        analytics: "People Analytics Lead",
        finance: "Finance Business Partner",
        frontline: [
            "VP Sales",
            if has("VP Customer Success") {
                "VP Customer Success"
            } else {
                "VP Customer Support"
            },
        ],
        chief: "Chief Operating Officer",
    }
}

/// What the story left behind, for the summary.
pub(super) struct Told {
    pub big_pilot_status: PilotStatus,
    pub running_pilot_id: Option<i64>,
    pub draft_pilot_id: i64,
}

pub(super) struct Plot<'a> {
    pub org: &'a Organisation,
    pub options: &'a GenerateOptions,
    pub big_pilot_id: i64,
    pub big_pilot_start: NaiveDate,
    pub finished: bool,
    pub pilot_managers: u32,
    pub running_teams: &'a [usize],
}

pub(super) fn tell(store: &mut Store, plot: &Plot) -> Result<Told> {
    let options = plot.options;
    let today = options.end + Duration::days(1);
    let roles = roles(plot.org);
    seat_steering_group(store, &roles)?;
    set_hourly_costs(store)?;
    crate::workflows::demo::seed_catalog(store, today)?;
    let everyone = people::list(store.conn())?;
    let packs_folder = packs_folder(store);
    let cast = Cast {
        people: &everyone,
        roles: &roles,
        today,
        packs_folder,
    };

    let big = plot.big_pilot_id;
    let start = plot.big_pilot_start;
    let designed = start - Duration::days(40);
    let seats = plot.pilot_managers.to_string();
    cast.act(store, roles.lead)?;
    stamped_at(
        designed.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc(),
        || design_big_pilot(store, &cast, big, designed, &seats, plot.pilot_managers),
    )?;
    // Half the platform's seats are invoiced at launch, well inside the launch tranche.
    approve_and_launch(
        store,
        &cast,
        big,
        roles.frontline[0],
        start,
        &(u64::from(plot.pilot_managers) * 120 / 2).to_string(),
    )?;
    hold_day45(store, &cast, big, start)?;
    if plot.finished {
        decide_outcome(store, &cast, big, start + Duration::days(PILOT_LENGTH_DAYS))?;
    }

    let running_pilot_id = run_region_pilot(store, &cast, plot)?;
    if let Some(id) = running_pilot_id {
        save_monthly(store, &cast, id)?;
    }
    let draft_pilot_id = design_draft_pilot(store, &cast, plot.org, today)?;
    settings::end_session(store.conn())?;
    Ok(Told {
        big_pilot_status: pilots::get(store.conn(), big)?.status,
        running_pilot_id,
        draft_pilot_id,
    })
}

fn seat_steering_group(store: &mut Store, roles: &Roles) -> Result<()> {
    use crate::model::MemberFunction::{Analytics, Finance, Frontline, Hr, Other};
    let members = [
        (roles.hr, Hr),
        (roles.analytics, Analytics),
        (roles.finance, Finance),
        (roles.frontline[0], Frontline),
        (roles.frontline[1], Frontline),
        (roles.chief, Other),
    ];
    let actor = crate::workflows::audit::actor(store.conn())?;
    let everyone = people::list(store.conn())?;
    let tx = store.write()?;
    for (role, function) in members {
        if let Some(person) = everyone.iter().find(|p| p.role == role) {
            steering::add_member_in(&tx, &actor, &person.id, function)?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// An hour of each generated role: managers cost more than the people they coach.
fn set_hourly_costs(store: &mut Store) -> Result<()> {
    for (function, _, reports) in FUNCTIONS {
        let roles = std::iter::once((format!("{function} Manager"), "72"))
            .chain(reports.iter().map(|r| (r.to_string(), "46")));
        for (role, cost) in roles {
            analytics::set_hourly_cost(
                store,
                &HourlyCostInput {
                    role,
                    cost: cost.into(),
                },
            )?;
        }
    }
    Ok(())
}

/// The big pilot's basics, budget, tranches and ROI assumptions, as its lead would set them
/// six weeks before launch. Its KPIs, baselines and randomised cohort come with the data.
fn design_big_pilot(
    store: &mut Store,
    cast: &Cast,
    id: i64,
    designed: NaiveDate,
    seats: &str,
    pilot_managers: u32,
) -> Result<()> {
    let pilot = pilots::get(store.conn(), id)?;
    let lines = platform_lines("Northstar coaching platform", seats);
    let platform = i64::from(pilot_managers) * 120;
    let total = platform + 1500 + 2500;
    design::update_basics(
        store,
        id,
        &BasicsInput {
            name: pilot.name.clone(),
            objective: pilot.objective.clone(),
            start_date: pilot.start_date.to_string(),
            sponsor: cast.name_of(cast.roles.frontline[0])?,
            budget: total.to_string(),
            ai_agenda: "first-line managers' weekly 1:1 agendas".into(),
        },
        designed,
    )?;
    let kpis = design::load_design(store, id, designed)?.kpis;
    fund(
        store,
        id,
        &lines,
        (
            &(total * 3 / 5).to_string(),
            &(total - total * 3 / 5).to_string(),
        ),
        kpis.first().map(|k| k.id),
        designed,
    )?;
    analytics::set_assumptions(
        store,
        id,
        &RoiInput {
            assumptions: kpis
                .iter()
                .take(1)
                .map(|k| RoiAssumptionInput {
                    kpi_id: k.id,
                    affected_per_year: (pilot_managers * 2).to_string(),
                    affected_unit: "new joiners a year in the pilot teams".into(),
                    confidence: String::new(),
                })
                .collect(),
            intangibles: vec![
                "Managers say their 1:1s have a clearer purpose".into(),
                "Coaching crosses teams more often".into(),
            ],
        },
    )?;
    Ok(())
}

/// One region of the running pilot's function against the rest of it.
fn run_region_pilot(store: &mut Store, cast: &Cast, plot: &Plot) -> Result<Option<i64>> {
    let org = plot.org;
    let names: Vec<String> = plot
        .running_teams
        .iter()
        .map(|&t| org.people[org.teams[t].0].team.clone())
        .collect();
    let Some(first) = names.first() else {
        return Ok(None);
    };
    // "Customer Success North 1" → "Customer Success North"
    let region = first
        .rsplit_once(' ')
        .map(|(r, _)| r.to_string())
        .unwrap_or_default();
    let (pilot_teams, comparison_teams): (Vec<String>, Vec<String>) = names
        .into_iter()
        .partition(|n| n.starts_with(&format!("{region} ")));
    if comparison_teams.is_empty() {
        return Ok(None);
    }
    let start = plot.options.end + Duration::days(1) - Duration::days(RUNNING_DAYS);
    let first_day =
        plot.options.end - Duration::weeks(i64::from(plot.options.weeks)) + Duration::days(1);
    let baseline_days = (start - first_day).num_days().min(150);
    if baseline_days < 28 {
        return Ok(None);
    }
    let shape = |level, person_spread, noise, effect| KpiShape {
        level,
        person_spread,
        noise,
        effect,
    };
    let seats = pilot_teams.len().to_string();
    let id = run_past_pilot(
        store,
        cast,
        &PastPilot {
            name: RUNNING_PILOT_NAME,
            objective: "Resolve more customer escalations at first contact in one region of \
                        Customer Success by coaching the escalation playbook, against the \
                        other regions.",
            template: "customer-escalation",
            start,
            sponsor_role: cast.roles.frontline[1],
            budget: "30000",
            ai_agenda: "escalation debriefs after each handover",
            pilot_teams,
            comparison_teams,
            kpis: vec![
                (3.0, shape(71.0, 4.0, 3.0, 5.0)),
                (1.5, shape(12.0, 2.0, 1.5, -2.5)),
            ],
            lines: platform_lines("Northstar coaching platform", &seats),
            affected: ("300", "escalated tickets a year"),
            seed: plot.options.seed.wrapping_add(7),
            baseline_days,
            platform_spend: "1200".into(),
        },
    )?;
    Ok(Some(id))
}

/// A pilot for new managers, in design, starting three weeks after the last day of data.
fn design_draft_pilot(
    store: &mut Store,
    cast: &Cast,
    org: &Organisation,
    today: NaiveDate,
) -> Result<i64> {
    cast.act(store, cast.roles.lead)?;
    let pilot = crate::workflows::pilots::create_pilot(
        store,
        &NewPilotInput {
            name: DRAFT_PILOT_NAME.into(),
            objective: "Keep more of the people who report to first-time managers by coaching \
                        those managers through their first 90 days."
                .into(),
            workflows: Vec::new(),
            start_date: (today + Duration::days(21)).to_string(),
            sponsor: cast.name_of(cast.roles.hr)?,
            budget: "12000".into(),
            templates: vec!["new-manager-onboarding".into()],
        },
    )?;
    // Operations, where the organisation has it: one region's teams against the others.
    let operations: Vec<String> = org
        .teams
        .iter()
        .map(|(m, _)| org.people[*m].team.clone())
        .filter(|t| t.starts_with("Operations "))
        .collect();
    if let Some(first) = operations.first() {
        let region = first.rsplit_once(' ').map(|(r, _)| r.to_string());
        if let Some(region) = region {
            let (pilot_teams, comparison_teams): (Vec<String>, Vec<String>) = operations
                .iter()
                .cloned()
                .partition(|t| t.starts_with(&format!("{region} ")));
            if !comparison_teams.is_empty() {
                crate::workflows::cohort::set_cohort(
                    store,
                    pilot.id,
                    &CohortInput {
                        design: "hand_picked".into(),
                        manager_ids: Vec::new(),
                        seed: String::new(),
                        pilot_teams,
                        comparison_teams,
                    },
                    today,
                )?;
            }
        }
    }
    Ok(pilot.id)
}
