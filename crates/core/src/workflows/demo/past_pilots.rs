//! The demo's pilots that have already happened, written through the same workflows a
//! person would use, each step stamped on the day it happened: a pilot approved and
//! running with two months of data, and one that finished with its day-90 outcome decided
//! and its outcome pack printed.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::model::{
    BasicsInput, BudgetInput, BudgetLineInput, CohortInput, ItemKind, ItemState, KpiInput,
    NewPilotInput, Person, PilotStatus, RoiAssumptionInput, RoiInput, SpendInput, TimeCostsInput,
    TrancheInput, VoteInput,
};
use crate::store::Store;
use crate::workflows::{
    analytics, budget, cohort, design, kpis, lifecycle, packs, review, stamped_at, tranches, users,
};

use super::data::{write_pilot_data, DemoTeam, KpiShape, PilotData};

/// What a past pilot of the demo is made of.
pub(crate) struct PastPilot {
    pub name: &'static str,
    pub objective: &'static str,
    pub template: &'static str,
    pub start: NaiveDate,
    pub sponsor_role: &'static str,
    pub budget: &'static str,
    pub ai_agenda: &'static str,
    pub pilot_teams: Vec<String>,
    pub comparison_teams: Vec<String>,
    /// Per KPI of the template, in order: the target lift and the data's shape.
    pub kpis: Vec<(f64, KpiShape)>,
    pub lines: Vec<Line>,
    pub affected: (&'static str, &'static str),
    pub seed: u64,
    /// How far back the baseline window and the data reach before the start.
    pub baseline_days: i64,
    /// Spent from the launch tranche on the coaching platform when it is released.
    pub platform_spend: String,
}

/// A budget line: category, description, pricing, unit cost and quantity.
pub(crate) type Line = (String, String, &'static str, String, String);

fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, 0, 0).unwrap_or_default().and_utc()
}

/// Who plays each part in a pilot's history, by their role in People.
pub(crate) struct Roles {
    pub lead: &'static str,
    pub hr: &'static str,
    pub analytics: &'static str,
    pub finance: &'static str,
    /// The two frontline members; the one who sponsors a pilot recuses from its approval.
    pub frontline: [&'static str; 2],
    pub chief: &'static str,
}

pub(crate) struct Cast<'a> {
    pub people: &'a [Person],
    pub roles: &'a Roles,
    pub today: NaiveDate,
    /// Where the packs are written, when the workspace is a file.
    pub packs_folder: Option<std::path::PathBuf>,
}

/// Where a story's packs are printed: beside a workspace file, in a folder named after it.
pub(crate) fn packs_folder(store: &Store) -> Option<std::path::PathBuf> {
    store.path().map(|path| {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "pilotdesk".into());
        path.with_file_name(format!("{stem}-packs"))
    })
}

impl Cast<'_> {
    pub(crate) fn id_of(&self, role: &str) -> Result<String> {
        self.people
            .iter()
            .find(|p| p.role == role)
            .map(|p| p.id.clone())
            .ok_or_else(|| Error::Conflict(format!("the demo organisation has no {role}")))
    }

    pub(crate) fn name_of(&self, role: &str) -> Result<String> {
        self.people
            .iter()
            .find(|p| p.role == role)
            .map(|p| p.name.clone())
            .ok_or_else(|| Error::Conflict(format!("the demo organisation has no {role}")))
    }

    pub(crate) fn act(&self, store: &Store, role: &str) -> Result<()> {
        users::act_for_session(store, &self.id_of(role)?)?;
        Ok(())
    }

    /// Every manager in the team with direct reports who are not managers themselves, each
    /// with those reports. One pass to index who reports to whom, so a generated
    /// organisation of thousands is quick.
    pub(crate) fn teams(&self, team: &str, coached: bool) -> Vec<DemoTeam<'_>> {
        let mut reports_of: std::collections::HashMap<&str, Vec<&Person>> =
            std::collections::HashMap::new();
        for person in self.people {
            if let Some(manager) = &person.manager_id {
                reports_of.entry(manager.as_str()).or_default().push(person);
            }
        }
        self.people
            .iter()
            .filter(|m| m.team == team)
            .filter_map(|manager| {
                let reports: Vec<&Person> = reports_of
                    .get(manager.id.as_str())?
                    .iter()
                    .copied()
                    .filter(|r| !reports_of.contains_key(r.id.as_str()))
                    .collect();
                (!reports.is_empty()).then_some(DemoTeam {
                    manager,
                    reports,
                    coached,
                })
            })
            .collect()
    }
}

/// Casts the votes in order until the quorum rule decides; a vote after the decision would
/// be refused, as it would be for a person.
fn votes_until_decided(
    store: &mut Store,
    cast: &Cast,
    item: i64,
    ballots: &[(&str, &str, &str)],
    day: NaiveDate,
) -> Result<()> {
    for (role, choice, comment) in ballots {
        cast.act(store, role)?;
        let done = review::vote(
            store,
            item,
            &VoteInput {
                choice: (*choice).into(),
                comment: (*comment).into(),
            },
            day,
        )?;
        if done.decision_id.is_some() {
            return Ok(());
        }
    }
    Err(Error::Conflict(
        "the demo's votes did not reach a decision".into(),
    ))
}

fn open_item(store: &Store, pilot_id: i64, kind: ItemKind, day: NaiveDate) -> Result<i64> {
    review::review(store, pilot_id, None, day)?
        .items
        .into_iter()
        .find(|i| i.kind == kind && i.state == ItemState::Open)
        .map(|i| i.id)
        .ok_or_else(|| Error::Conflict(format!("the demo pilot has no open {kind:?} item")))
}

fn slug(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Designs, submits, approves and launches a past pilot, writes its data to the demo's
/// day, and holds the gates whose day has come. Returns the pilot's id.
pub(crate) fn run_past_pilot(store: &mut Store, cast: &Cast, plan: &PastPilot) -> Result<i64> {
    let start = plan.start;
    let designed = start - Duration::days(40);
    let roles = cast.roles;
    let lead = roles.lead;
    cast.act(store, lead)?;
    let pilot = stamped_at(at(designed, 9), || {
        crate::workflows::pilots::create_pilot(
            store,
            &NewPilotInput {
                name: plan.name.into(),
                objective: plan.objective.into(),
                workflows: Vec::new(),
                start_date: start.to_string(),
                sponsor: cast.name_of(plan.sponsor_role)?,
                budget: plan.budget.into(),
                templates: vec![plan.template.into()],
            },
        )
    })?;
    let id = pilot.id;
    let baseline = (
        start - Duration::days(plan.baseline_days),
        start - Duration::days(1),
    );
    stamped_at(at(designed, 10), || -> Result<()> {
        design::update_basics(
            store,
            id,
            &BasicsInput {
                name: pilot.name.clone(),
                objective: pilot.objective.clone(),
                start_date: start.to_string(),
                sponsor: pilot.sponsor.clone(),
                budget: plan.budget.into(),
                ai_agenda: plan.ai_agenda.into(),
            },
            designed,
        )?;
        let template_kpis = design::load_design(store, id, designed)?.kpis;
        for (kpi, (target, shape)) in template_kpis.iter().zip(&plan.kpis) {
            kpis::save_kpi(
                store,
                id,
                &KpiInput {
                    id: Some(kpi.id),
                    name: kpi.name.clone(),
                    unit: kpi.unit.clone(),
                    direction: kpi.direction.as_str().into(),
                    value_per_unit: kpi
                        .value_per_unit
                        .map(|m| m.format_plain())
                        .unwrap_or_default(),
                    data_source: kpi.data_source.clone(),
                    baseline_start: baseline.0.to_string(),
                    baseline_end: baseline.1.to_string(),
                    baseline_value: format!("{:.1}", shape.level),
                    target_lift: target.to_string(),
                    interval_above_zero: true,
                },
                designed,
            )?;
        }
        cohort::set_cohort(
            store,
            id,
            &CohortInput {
                design: "hand_picked".into(),
                manager_ids: Vec::new(),
                seed: String::new(),
                pilot_teams: plan.pilot_teams.clone(),
                comparison_teams: plan.comparison_teams.clone(),
            },
            designed,
        )?;
        design::mark_item(
            store,
            id,
            "workflows",
            "waived",
            "One workflow, as the operating model advises for a first pilot",
            designed,
        )?;
        let kpis_now = design::load_design(store, id, designed)?.kpis;
        analytics::set_assumptions(
            store,
            id,
            &RoiInput {
                assumptions: kpis_now
                    .iter()
                    .take(1)
                    .map(|k| RoiAssumptionInput {
                        kpi_id: k.id,
                        affected_per_year: plan.affected.0.into(),
                        affected_unit: plan.affected.1.into(),
                        confidence: String::new(),
                    })
                    .collect(),
                intangibles: vec![
                    "Managers report more confidence in giving feedback".into(),
                    "New joiners say they know what good looks like sooner".into(),
                ],
            },
        )?;
        fund(
            store,
            id,
            &plan.lines,
            ("9000", "6000"),
            kpis_now.first().map(|k| k.id),
            designed,
        )?;
        Ok(())
    })?;

    approve_and_launch(
        store,
        cast,
        id,
        plan.sponsor_role,
        start,
        &plan.platform_spend,
    )?;

    // The data, from the baseline window to the demo's day.
    let teams: Vec<DemoTeam> = plan
        .pilot_teams
        .iter()
        .flat_map(|team| cast.teams(team, true))
        .chain(
            plan.comparison_teams
                .iter()
                .flat_map(|team| cast.teams(team, false)),
        )
        .collect();
    let design_now = design::load_design(store, id, cast.today)?;
    let kpis: Vec<_> = design_now
        .kpis
        .iter()
        .cloned()
        .zip(plan.kpis.iter().map(|(_, s)| KpiShape {
            level: s.level,
            person_spread: s.person_spread,
            noise: s.noise,
            effect: s.effect,
        }))
        .collect();
    let tasks: Vec<i64> = design_now
        .workflows
        .iter()
        .flat_map(|w| w.tasks.iter().map(|t| t.id))
        .collect();
    let imported =
        at(cast.today - Duration::days(1), 18).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    write_pilot_data(
        store,
        &PilotData {
            pilot_id: id,
            start,
            first_day: baseline.0,
            last_day: cast.today - Duration::days(1),
            teams: &teams,
            kpis: &kpis,
            tasks: &tasks,
            seed: plan.seed,
            imported_at: &imported,
            actor: &cast.name_of(lead)?,
        },
    )?;

    hold_day45(store, cast, id, start)?;
    cast.act(store, lead)?;
    Ok(id)
}

/// The pilot's budget lines and time costs, and its two tranches: one released at launch,
/// the other held for the outcome on the first KPI.
pub(crate) fn fund(
    store: &mut Store,
    id: i64,
    lines: &[Line],
    (launch, outcome): (&str, &str),
    outcome_kpi: Option<i64>,
    day: NaiveDate,
) -> Result<()> {
    budget::set_budget(
        store,
        id,
        &BudgetInput {
            lines: lines
                .iter()
                .map(
                    |(category, description, pricing, unit_cost, quantity)| BudgetLineInput {
                        category: category.clone(),
                        description: description.clone(),
                        pricing: (*pricing).into(),
                        unit_cost: unit_cost.clone(),
                        quantity: quantity.clone(),
                    },
                )
                .collect(),
            time: TimeCostsInput {
                manager_hours_per_week: "1.5".into(),
                manager_hourly_cost: "70".into(),
                coach_count: "0".into(),
                coach_hours_per_week: "0".into(),
                coach_hourly_cost: "0".into(),
                coachee_hours_per_week: "0.5".into(),
                coachee_hourly_cost: "45".into(),
            },
        },
        day,
    )?;
    for (label, amount, kpi_id) in [
        ("Launch tranche", launch, None),
        ("Outcome tranche", outcome, outcome_kpi),
    ] {
        tranches::add_tranche(
            store,
            id,
            &TrancheInput {
                label: label.into(),
                amount: amount.into(),
                kpi_id,
            },
            day,
        )?;
    }
    Ok(())
}

/// Submits a designed pilot three weeks before launch, has the steering group approve it a
/// week later (its sponsor recused), releases the launch tranche and launches it on its day.
pub(crate) fn approve_and_launch(
    store: &mut Store,
    cast: &Cast,
    id: i64,
    sponsor_role: &str,
    start: NaiveDate,
    platform_spend: &str,
) -> Result<()> {
    let roles = cast.roles;
    let lead = roles.lead;
    // Submitted three weeks before launch, approved a week later with the sponsor recused.
    let submitted = start - Duration::days(21);
    stamped_at(at(submitted, 11), || {
        lifecycle::submit(
            store,
            id,
            "For the steering group's next meeting",
            submitted,
        )
    })?;
    let approved = start - Duration::days(14);
    stamped_at(at(approved, 15), || -> Result<()> {
        let item = open_item(store, id, ItemKind::Approval, approved)?;
        cast.act(store, sponsor_role)?;
        review::recuse(store, item, "I sponsor this pilot", approved)?;
        // The other frontline leader speaks for the front line.
        let frontline = if sponsor_role == roles.frontline[0] {
            roles.frontline[1]
        } else {
            roles.frontline[0]
        };
        votes_until_decided(
            store,
            cast,
            item,
            &[
                (
                    roles.hr,
                    "approve",
                    "Well scoped, with managers' time credited",
                ),
                (
                    roles.analytics,
                    "approve",
                    "The comparison teams are a fair match on the baseline",
                ),
                (
                    roles.finance,
                    "approve",
                    "Part of the budget is held back for the outcome",
                ),
                (frontline, "approve", ""),
                (roles.chief, "approve", ""),
            ],
            approved,
        )?;
        cast.act(store, roles.finance)?;
        let launch = tranches::ledger(store, id, approved)?
            .tranches
            .into_iter()
            .find(|t| t.tranche.kpi_id.is_none())
            .map(|t| t.tranche.id);
        if let Some(launch) = launch {
            tranches::release_tranche(store, launch, "Vendor contract signed", approved)?;
            tranches::record_spend(
                store,
                launch,
                &SpendInput {
                    amount: platform_spend.into(),
                    spent_on: approved.to_string(),
                    description: "Coaching platform: seats for the pilot managers".into(),
                },
            )?;
        }
        Ok(())
    })?;
    cast.act(store, lead)?;
    stamped_at(at(start, 8), || {
        lifecycle::transition(
            store,
            id,
            PilotStatus::Running,
            "Launched with the pilot managers",
            start,
        )
    })?;

    Ok(())
}

/// The day-45 review, held on day 46 when that day has come.
pub(crate) fn hold_day45(store: &mut Store, cast: &Cast, id: i64, start: NaiveDate) -> Result<()> {
    let roles = cast.roles;
    // The day-45 review, printed the day before and held on day 46, when it has come.
    let review_day = start + Duration::days(46);
    if review_day < cast.today {
        stamped_at(at(review_day, 14), || -> Result<()> {
            let item = open_item(store, id, ItemKind::Day45Review, review_day)?;
            votes_until_decided(
                store,
                cast,
                item,
                &[
                    (roles.hr, "continue", ""),
                    (
                        roles.analytics,
                        "continue",
                        "Coaching is flowing; too early to read the KPIs",
                    ),
                    (roles.finance, "continue", ""),
                    (roles.frontline[0], "continue", ""),
                    (roles.frontline[1], "continue", ""),
                    (roles.chief, "continue", ""),
                ],
                review_day,
            )
        })?;
    }
    Ok(())
}

/// The day-90 outcome of a finished pilot: the pack printed for the meeting, the group's
/// decision (one member dissenting), the outcome tranche released on the data, and the
/// final pack printed after the decision.
pub(crate) fn decide_outcome(
    store: &mut Store,
    cast: &Cast,
    id: i64,
    end: NaiveDate,
) -> Result<()> {
    let roles = cast.roles;
    let meeting = end + Duration::days(4);
    stamped_at(at(meeting, 15), || -> Result<()> {
        let item = open_item(store, id, ItemKind::Day90Outcome, meeting)?;
        votes_until_decided(
            store,
            cast,
            item,
            &[
                (roles.hr, "scale", "Roll it out to every team next quarter"),
                (roles.analytics, "scale", ""),
                (
                    roles.finance,
                    "iterate",
                    "Prove it on a second region before scaling",
                ),
                (roles.frontline[0], "scale", ""),
                (roles.frontline[1], "scale", ""),
                (roles.chief, "scale", ""),
            ],
            meeting,
        )?;
        cast.act(store, roles.finance)?;
        let outcome = tranches::ledger(store, id, meeting)?
            .tranches
            .into_iter()
            .find(|t| t.tranche.kpi_id.is_some() && t.check.met)
            .map(|t| t.tranche.id);
        if let Some(outcome) = outcome {
            tranches::release_tranche(
                store,
                outcome,
                "The 90-day result met its criterion",
                meeting,
            )?;
        }
        Ok(())
    })?;
    save_pack(store, cast, id, 90, meeting + Duration::days(1))?;
    Ok(())
}

/// Prints a results pack into the demo's packs folder, stamped on its day.
pub(crate) fn save_pack(
    store: &mut Store,
    cast: &Cast,
    id: i64,
    day: u32,
    on: NaiveDate,
) -> Result<()> {
    let Some(folder) = &cast.packs_folder else {
        return Ok(());
    };
    std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    let name = crate::store::pilots::get(store.conn(), id)?.name;
    let file = folder.join(format!(
        "{}-{}-{}.pdf",
        slug(&name),
        if day == 45 {
            "day-45-review"
        } else {
            "day-90-outcome"
        },
        on
    ));
    cast.act(store, cast.roles.lead)?;
    stamped_at(at(on, 16), || {
        packs::save_outcome(store, id, day, &file, None, on)
    })?;
    Ok(())
}

/// The monthly pack of a running pilot for the month just ended.
pub(crate) fn save_monthly(store: &mut Store, cast: &Cast, id: i64) -> Result<()> {
    let Some(folder) = &cast.packs_folder else {
        return Ok(());
    };
    let first = cast.today.with_day0(0).unwrap_or(cast.today);
    let last_month = first - Duration::days(1);
    let month = last_month.format("%Y-%m").to_string();
    let name = crate::store::pilots::get(store.conn(), id)?.name;
    let file = folder.join(format!("{}-monthly-{month}.pdf", slug(&name)));
    cast.act(store, cast.roles.lead)?;
    stamped_at(at(first, 9), || {
        packs::save_monthly(store, id, Some(&month), &file, None, first)
    })?;
    Ok(())
}

use chrono::Datelike as _;
