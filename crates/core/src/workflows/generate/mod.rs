//! A synthetic organisation for demos, tests and benchmarks: people in teams under managers,
//! directors and function heads; a big pilot cloned from two templates, whose first-line
//! managers are drawn at random into a pilot and a comparison arm; coaching events over the
//! weeks; and weekly KPI observations that carry a known built-in effect in the pilot teams
//! after the start date. The same options give the same data. Then the demo's story at
//! scale (see `story`): the big pilot through its gates, a running pilot and one in design.
//!
//! The bulk data is written in one transaction through prepared statements. The
//! connection's pragmas are left as they are (WAL, synchronous NORMAL): a crash mid-way
//! rolls back cleanly, and the speed comes from the single transaction, not from weaker
//! durability.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rand::Rng;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::metrics::assignment;
use crate::model::{Arm, ComparisonDesign, EventSource, Money, PilotStatus, PILOT_LENGTH_DAYS};
use crate::store::analytics::rollups;
use crate::store::changes::{self, NewChange};
use crate::store::cohort::{self, MemberRecord};
use crate::store::events::{EventRecord, EventWriter};
use crate::store::imports::{self, NewImport};
use crate::store::kpis::{self, KpiRecord};
use crate::store::observations::{ObservationRecord, ObservationWriter};
use crate::store::people::PersonWriter;
use crate::store::pilots::{self, PilotRecord};
use crate::store::{bulk, playbooks, settings, Store};

use super::templates;
use super::timestamp_now;

pub const PEOPLE_MIN: u32 = 40;
pub const PEOPLE_MAX: u32 = 500_000;
pub const EVENTS_MAX: u64 = 50_000_000;
pub const WEEKS_MIN: u32 = 4;
pub const WEEKS_MAX: u32 = 104;
pub const PILOT_NAME: &str = "Sales and escalation coaching pilot";

#[derive(Debug, Clone, PartialEq)]
pub struct GenerateOptions {
    pub people: u32,
    pub events: u64,
    pub weeks: u32,
    pub seed: u64,
    /// The last day of data (today, usually).
    pub end: NaiveDate,
    /// Multiplies every built-in effect: 1 is the usual effect, 0 no effect at all (for
    /// checking that the inference finds nothing where there is nothing).
    pub effect_scale: f64,
}

/// The effect built into a KPI: pilot teams move by `effect` (in the KPI's unit) from the
/// pilot's start; comparison teams do not.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuiltInEffect {
    pub kpi_id: i64,
    pub kpi: String,
    pub unit: String,
    pub effect: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GenerateSummary {
    pub people: u32,
    pub teams: u32,
    pub managers: u32,
    pub pilot_id: i64,
    pub pilot_start: NaiveDate,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub pilot_managers: u32,
    pub comparison_managers: u32,
    pub events: u64,
    pub observations: u64,
    pub effects: Vec<BuiltInEffect>,
    /// Where the big pilot stands on the last day: finished (decided) when the weeks allow
    /// a baseline and the full 90 days, running otherwise.
    pub pilot_status: PilotStatus,
    pub running_pilot_id: Option<i64>,
    pub draft_pilot_id: i64,
}

mod activity;
mod kpi_model;
mod organisation;
mod random;
pub mod story;

use activity::{minutes_for, pick_kind, working_moment, NOTES};
use kpi_model::{model_for, KpiModel};
use organisation::organisation;
use random::{normal, rng_for};

fn check(options: &GenerateOptions) -> Result<()> {
    let mut problems = Vec::new();
    if !(PEOPLE_MIN..=PEOPLE_MAX).contains(&options.people) {
        problems.push(crate::error::ErrorDetail::field(
            "people",
            format!("generate from {PEOPLE_MIN} to {PEOPLE_MAX} people"),
        ));
    }
    if options.events > EVENTS_MAX {
        problems.push(crate::error::ErrorDetail::field(
            "events",
            format!("generate at most {EVENTS_MAX} events"),
        ));
    }
    if !(WEEKS_MIN..=WEEKS_MAX).contains(&options.weeks) {
        problems.push(crate::error::ErrorDetail::field(
            "weeks",
            format!("generate from {WEEKS_MIN} to {WEEKS_MAX} weeks"),
        ));
    }
    if !(0.0..=10.0).contains(&options.effect_scale) {
        problems.push(crate::error::ErrorDetail::field(
            "effectScale",
            "scale the built-in effect by a number from 0 to 10",
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid(problems))
    }
}

/// Writes the generated organisation into an empty workspace.
pub fn generate(store: &mut Store, options: &GenerateOptions) -> Result<GenerateSummary> {
    check(options)?;
    if crate::store::people::count(store.conn())? > 0 || pilots::count(store.conn())? > 0 {
        return Err(Error::Conflict(
            "this workspace already holds people or pilots; generate into a new --db file".into(),
        ));
    }
    let (mut summary, org, running_teams) =
        store.with_bulk_cache(|store| write_generated(store, options))?;
    let told = story::tell(
        store,
        &story::Plot {
            org: &org,
            options,
            big_pilot_id: summary.pilot_id,
            big_pilot_start: summary.pilot_start,
            finished: story::big_pilot_start(options).1,
            pilot_managers: summary.pilot_managers,
            running_teams: &running_teams,
        },
    )?;
    summary.pilot_status = told.big_pilot_status;
    summary.running_pilot_id = told.running_pilot_id;
    summary.draft_pilot_id = told.draft_pilot_id;
    Ok(summary)
}

fn write_generated(
    store: &mut Store,
    options: &GenerateOptions,
) -> Result<(GenerateSummary, organisation::Organisation, Vec<usize>)> {
    let org = organisation(options);
    let first_day = options.end - Duration::weeks(i64::from(options.weeks)) + Duration::days(1);
    let (pilot_start, _) = story::big_pilot_start(options);
    let pilot_last_day = (pilot_start + Duration::days(PILOT_LENGTH_DAYS - 1)).min(options.end);
    // The running pilot's teams sit out of the big pilot, so each pilot has its own.
    let running_teams = story::running_pilot_teams(&org);
    let cohort_teams: Vec<usize> = (0..org.teams.len())
        .filter(|t| !running_teams.contains(t))
        .collect();
    let sponsor = org
        .people
        .iter()
        .find(|p| p.role == "VP Sales")
        .map(|p| p.name.clone())
        .unwrap_or_default();

    let actor = settings::load(store.conn())?.current_user;
    let now = timestamp_now();
    let tx = store.write()?;
    settings::set(
        &tx,
        settings::WORKSPACE_NAME,
        &format!("Northwind Services (generated, seed {})", options.seed),
    )?;
    let mut writer = PersonWriter::new_people(&tx, options.end)?;
    for person in &org.people {
        writer.write(person)?;
    }
    drop(writer);

    // The pilot: two template playbooks and their KPIs, with baselines from before the start.
    let pilot_id = pilots::insert(
        &tx,
        &PilotRecord {
            name: PILOT_NAME,
            objective: "Lift discovery conversion, shorten time to first deal and resolve more \
                        escalations at first contact by coaching in the flow of work.",
            workflows: &[],
            start_date: pilot_start,
            end_date: pilot_start + Duration::days(PILOT_LENGTH_DAYS),
            sponsor: &sponsor,
            budget: Money(4_000_000),
            status: PilotStatus::Draft,
        },
        &now,
    )?;
    for key in ["sales-onboarding", "customer-escalation"] {
        if let Some(template) = templates::find(key) {
            super::design::clone_template(&tx, pilot_id, template)?;
        }
    }
    let pilot_kpis = kpis::for_pilot(&tx, pilot_id)?;
    let models: Vec<KpiModel> = pilot_kpis
        .iter()
        .map(|k| model_for(&k.name, k.direction))
        .collect();
    for (kpi, model) in pilot_kpis.iter().zip(&models) {
        let baseline = crate::model::Baseline {
            start: first_day,
            end: pilot_start - Duration::days(1),
            value: model.base,
        };
        kpis::update(
            &tx,
            kpi.id,
            &KpiRecord {
                name: &kpi.name,
                unit: &kpi.unit,
                direction: kpi.direction,
                value_per_unit: kpi.value_per_unit,
                data_source: &kpi.data_source,
                baseline: (pilot_start > first_day).then_some(&baseline),
                target_lift: Some((model.effect.abs() * 0.5).max(1.0)),
                interval_above_zero: true,
            },
        )?;
    }
    let tasks: Vec<i64> = playbooks::workflows_for(&tx, pilot_id)?
        .iter()
        .flat_map(|w| w.tasks.iter().map(|t| t.id))
        .collect();

    // The cohort: every first-line manager, half drawn into the pilot by the app's own
    // draw, so randomisation inference can re-draw it exactly as it was drawn.
    let manager_ids: Vec<String> = cohort_teams
        .iter()
        .map(|&t| org.people[org.teams[t].0].id.clone())
        .collect();
    let (drawn, _) = assignment::draw(&manager_ids, options.seed);
    let drawn: std::collections::HashSet<&String> = drawn.iter().collect();
    let arms: Vec<Arm> = manager_ids
        .iter()
        .map(|id| {
            if drawn.contains(id) {
                Arm::Pilot
            } else {
                Arm::Comparison
            }
        })
        .collect();
    let members: Vec<MemberRecord> = manager_ids
        .iter()
        .zip(&arms)
        .map(|(manager, arm)| MemberRecord {
            manager_id: manager.clone(),
            arm: *arm,
            wave: None,
            matched_with: None,
            match_distance: None,
        })
        .collect();
    cohort::replace(
        &tx,
        pilot_id,
        ComparisonDesign::RandomisedWaitlist,
        Some(options.seed),
        &members,
    )?;

    let import_id = imports::insert(
        &tx,
        &NewImport {
            kind: "generated",
            file_name: &format!(
                "generated: {} people, {} events, {} weeks, seed {}",
                options.people, options.events, options.weeks, options.seed
            ),
            content_hash: &crate::hashing::sha256_hex(format!("{options:?}").as_bytes()),
            at: &now,
            actor: &actor,
        },
    )?;

    // The two big tables are filled from empty with their indexes set aside, then indexed
    // once: much faster than a million updates of four indexes at random places.
    let (events, observations) = rollups::suspended(&tx, || {
        bulk::without_indexes(
            &tx,
            &["coaching_events", "kpi_observations"],
            || -> Result<(u64, u64)> {
                // Coaching events: pilot managers coach far more, on the playbook, once the pilot runs.
                let mut rng = rng_for(options.seed, 3);
                let pilot_teams: Vec<usize> = cohort_teams
                    .iter()
                    .zip(&arms)
                    .filter(|(_, arm)| **arm == Arm::Pilot)
                    .map(|(t, _)| *t)
                    .collect();
                let mut writer = EventWriter::bulk(&tx, EventSource::Generated, Some(import_id))?;
                let mut events = 0u64;
                if !org.teams.is_empty() {
                    for _ in 0..options.events {
                        let in_pilot =
                            !pilot_teams.is_empty() && !tasks.is_empty() && rng.gen_bool(0.6);
                        let (team, when) = if in_pilot {
                            let team = pilot_teams[rng.gen_range(0..pilot_teams.len())];
                            (team, working_moment(&mut rng, pilot_start, pilot_last_day))
                        } else {
                            (
                                rng.gen_range(0..org.teams.len()),
                                working_moment(&mut rng, first_day, options.end),
                            )
                        };
                        let (manager, reports) = &org.teams[team];
                        let coachee = reports[rng.gen_range(0..reports.len())];
                        let kind = pick_kind(&mut rng, in_pilot);
                        let minutes = minutes_for(&mut rng, kind);
                        let mut bytes = [0u8; 16];
                        rng.fill(&mut bytes);
                        let notes = if rng.gen_ratio(1, 20) {
                            NOTES[rng.gen_range(0..NOTES.len())]
                        } else {
                            ""
                        };
                        writer.write(&EventRecord {
                            uid: uuid::Builder::from_random_bytes(bytes)
                                .into_uuid()
                                .hyphenated()
                                .to_string(),
                            manager_id: org.people[*manager].id.clone(),
                            coachee_id: Some(org.people[coachee].id.clone()),
                            occurred_at: when,
                            minutes,
                            kind,
                            pilot_id: in_pilot.then_some(pilot_id),
                            task_id: in_pilot.then(|| tasks[rng.gen_range(0..tasks.len())]),
                            notes: notes.to_string(),
                        })?;
                        events += 1;
                    }
                }
                writer.finish()?;

                // Weekly KPI observations (on Fridays) for everyone in a cohort team.
                let mut rng = rng_for(options.seed, 4);
                let mut writer = ObservationWriter::inserting(&tx, Some(import_id))?;
                let mut observations = 0u64;
                let fridays: Vec<NaiveDate> = (0..=i64::from(options.weeks) + 1)
                    .map(|w| first_day + Duration::weeks(w))
                    .map(|d| {
                        d + Duration::days(
                            (Weekday::Fri.num_days_from_monday() as i64
                                - d.weekday().num_days_from_monday() as i64)
                                .rem_euclid(7),
                        )
                    })
                    .filter(|d| *d >= first_day && *d <= options.end)
                    .collect();
                for (&team, arm) in cohort_teams.iter().zip(&arms) {
                    let reports = &org.teams[team].1;
                    let coached = *arm == Arm::Pilot;
                    for (kpi, model) in pilot_kpis.iter().zip(&models) {
                        let team_level = normal(&mut rng, model.base, model.team_sd);
                        for &person in reports {
                            let person_level = normal(&mut rng, team_level, model.person_sd);
                            for &day in &fridays {
                                let effect = if coached && day >= pilot_start {
                                    model.effect * options.effect_scale
                                } else {
                                    0.0
                                };
                                let value = normal(&mut rng, person_level + effect, model.noise_sd);
                                writer.write(&ObservationRecord {
                                    kpi_id: kpi.id,
                                    person_id: Some(org.people[person].id.clone()),
                                    team: None,
                                    observed_on: day,
                                    value: (value * 10.0).round() / 10.0,
                                })?;
                                observations += 1;
                            }
                        }
                    }
                }
                drop(writer);
                Ok((events, observations))
            },
        )
    })?;
    let rows = u32::try_from(events + observations + org.people.len() as u64).unwrap_or(u32::MAX);
    imports::set_counts(&tx, import_id, rows, rows, 0, 0)?;
    changes::append(
        &tx,
        &now,
        &NewChange {
            actor: &actor,
            entity: "import",
            entity_id: &import_id.to_string(),
            action: "generated",
            summary: &format!(
                "Generated {} people, {events} coaching events and {observations} KPI \
                 observations (seed {})",
                org.people.len(),
                options.seed
            ),
        },
    )?;
    tx.commit()?;

    let pilot_managers = arms.iter().filter(|a| **a == Arm::Pilot).count() as u32;
    let summary = GenerateSummary {
        people: org.people.len() as u32,
        teams: org.teams.len() as u32,
        managers: org.teams.len() as u32,
        pilot_id,
        pilot_start,
        first_day,
        last_day: options.end,
        pilot_managers,
        comparison_managers: arms.len() as u32 - pilot_managers,
        events,
        observations,
        effects: pilot_kpis
            .iter()
            .zip(&models)
            .map(|(k, m)| BuiltInEffect {
                kpi_id: k.id,
                kpi: k.name.clone(),
                unit: k.unit.clone(),
                effect: m.effect * options.effect_scale,
            })
            .collect(),
        pilot_status: PilotStatus::Draft,
        running_pilot_id: None,
        draft_pilot_id: 0,
    };
    Ok((summary, org, running_teams))
}
