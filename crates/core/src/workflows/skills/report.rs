//! What the skills records add up to: a person's profile, role readiness per team, and a
//! pilot's skills figures. The figures are the pure functions of `metrics::skills`; this
//! module loads what they read and applies the privacy floor.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::metrics::analytics::privacy;
use crate::metrics::skills::{completion, paths, readiness, speed};
use crate::model::skills::{
    Assignment, HeatmapCell, HeatmapColumn, HeatmapRow, PathWarning, Rating, ReadinessHeatmap,
    RequirementStatus, SeatUse, SkillCompletion, SkillProfile, SkillsReport, SpeedToCompetency,
    WarningKind,
};
use crate::model::{Money, Person};
use crate::store::skills::assignments::{self, Scope};
use crate::store::skills::{catalog, frameworks, ratings};
use crate::store::{cohort, people, playbooks, settings, Store};

/// The competencies a pilot's playbook tasks build: each task's competency, and what the
/// module it names builds.
pub(crate) fn pilot_competencies(conn: &Connection, pilot_id: i64) -> Result<BTreeSet<i64>> {
    let targets = catalog::targets(conn)?;
    let mut needed = BTreeSet::new();
    for workflow in playbooks::workflows_for(conn, pilot_id)? {
        for task in workflow.tasks {
            if let Some(id) = frameworks::resolve(conn, &task.competency)? {
                needed.insert(id);
            }
            if let Some(module) = catalog::find_module(conn, &task.skill_module)? {
                needed.extend(
                    targets
                        .get(&module)
                        .into_iter()
                        .flatten()
                        .map(|t| t.competency_id),
                );
            }
        }
    }
    Ok(needed)
}

/// Fragmented-path warnings over some assignments: a pilot's assignment whose module builds
/// nothing its playbook tasks need, and anyone with two modules for one competency.
pub(crate) fn warnings_for(
    conn: &Connection,
    pilot: Option<i64>,
    assigned: &[Assignment],
) -> Result<Vec<PathWarning>> {
    let targets = catalog::targets(conn)?;
    let competencies: HashMap<i64, Vec<i64>> = targets
        .iter()
        .map(|(m, t)| (*m, t.iter().map(|t| t.competency_id).collect()))
        .collect();
    let empty = Vec::new();
    let names = frameworks::names(conn)?;
    let titles: HashMap<i64, &str> = assigned
        .iter()
        .map(|a| (a.module_id, a.module_title.as_str()))
        .collect();
    let rows: Vec<paths::AssignedModule> = assigned
        .iter()
        .map(|a| paths::AssignedModule {
            person: &a.person_id,
            module: a.module_id,
            competencies: competencies.get(&a.module_id).unwrap_or(&empty),
        })
        .collect();
    let mut warnings = Vec::new();
    let mut by_pilot: BTreeMap<i64, Vec<paths::AssignedModule>> = BTreeMap::new();
    for (a, row) in assigned.iter().zip(&rows) {
        if let Some(p) = a.pilot_id.or(pilot) {
            by_pilot.entry(p).or_default().push(*row);
        }
    }
    for (pilot_id, rows) in by_pilot {
        let needed = pilot_competencies(conn, pilot_id)?;
        let pilot_name = crate::store::pilots::get(conn, pilot_id)?.name;
        for module in paths::unmapped(&rows, &needed) {
            warnings.push(PathWarning {
                kind: WarningKind::Unmapped,
                module_id: module,
                person_id: None,
                message: format!(
                    "\"{}\" builds no competency the playbook tasks of \"{pilot_name}\" need",
                    titles.get(&module).copied().unwrap_or("A module")
                ),
            });
        }
    }
    let person_names: HashMap<&str, &str> = assigned
        .iter()
        .map(|a| (a.person_id.as_str(), a.person_name.as_str()))
        .collect();
    for (person, competency, modules) in paths::overlaps(&rows) {
        let label = names
            .get(&competency)
            .map(|(code, statement)| frameworks::label(code, statement))
            .unwrap_or_default();
        let listed: Vec<String> = modules
            .iter()
            .map(|m| format!("\"{}\"", titles.get(m).copied().unwrap_or("?")))
            .collect();
        warnings.push(PathWarning {
            kind: WarningKind::Overlap,
            module_id: modules[0],
            person_id: Some(person.to_string()),
            message: format!(
                "{} has {} for the same competency, \"{label}\"",
                person_names.get(person).copied().unwrap_or(person),
                listed.join(" and ")
            ),
        });
    }
    Ok(warnings)
}

/// Ratings given by `today`, so a figure as of a past day reads the record of that day.
fn ratings_as_of(conn: &Connection, person: Option<&str>, today: NaiveDate) -> Result<Vec<Rating>> {
    let day = today.to_string();
    Ok(ratings::load(conn, person)?
        .into_iter()
        .filter(|r| r.rated_on <= day)
        .collect())
}

fn counted(ratings: &[Rating]) -> Vec<readiness::Rated<'_>> {
    ratings
        .iter()
        .map(|r| readiness::Rated {
            person: &r.person_id,
            competency: r.competency_id,
            level: r.level,
            on: &r.rated_on,
            counts: r.rater.counts(),
        })
        .collect()
}

fn requirements_by_role(conn: &Connection) -> Result<HashMap<String, Vec<(i64, u32)>>> {
    let mut by: HashMap<String, Vec<(i64, u32)>> = HashMap::new();
    for r in ratings::requirements(conn)? {
        by.entry(r.role.to_lowercase())
            .or_default()
            .push((r.competency_id, r.level));
    }
    Ok(by)
}

pub fn profile(store: &Store, person_id: &str, today: NaiveDate) -> Result<SkillProfile> {
    let conn = store.conn();
    let person = people::get(conn, person_id)?.ok_or_else(|| Error::NotFound {
        entity: "person",
        id: person_id.to_string(),
    })?;
    let assigned = assignments::load(conn, Scope::Person(person_id), today)?;
    let rated = ratings_as_of(conn, Some(person_id), today)?;
    let levels = readiness::current_levels(&counted(&rated));
    let requirements: Vec<RequirementStatus> = ratings::requirements(conn)?
        .into_iter()
        .filter(|r| r.role.eq_ignore_ascii_case(&person.role))
        .map(|requirement| {
            let current = levels
                .get(&(person.id.as_str(), requirement.competency_id))
                .copied();
            RequirementStatus {
                met: current.is_some_and(|c| c >= requirement.level),
                current,
                requirement,
            }
        })
        .collect();
    let met = requirements.iter().filter(|r| r.met).count() as u32;
    let warnings = warnings_for(conn, None, &assigned)?;
    Ok(SkillProfile {
        readiness: readiness::share(met, requirements.len() as u32),
        person_id: person.id,
        name: person.name,
        team: person.team,
        role: person.role,
        assignments: assigned,
        ratings: rated,
        requirements,
        warnings,
    })
}

/// Role readiness per team and competency, for everyone who has not left (or for a pilot's
/// teams). No team smaller than the minimum group size is shown.
pub fn heatmap(store: &Store, pilot: Option<i64>, today: NaiveDate) -> Result<ReadinessHeatmap> {
    let conn = store.conn();
    let floor = settings::load(conn)?.min_group_size;
    let everyone: Vec<Person> = people::list(conn)?
        .into_iter()
        .filter(|p| p.leaving_date.is_none_or(|d| d >= today))
        .collect();
    let in_scope: Vec<&Person> = match pilot {
        Some(pilot_id) => {
            let managers: BTreeSet<String> = cohort::load(conn, pilot_id)?
                .members
                .into_iter()
                .filter(|m| m.arm == crate::model::Arm::Pilot)
                .map(|m| m.manager_id)
                .collect();
            everyone
                .iter()
                .filter(|p| p.manager_id.as_ref().is_some_and(|m| managers.contains(m)))
                .collect()
        }
        None => everyone.iter().collect(),
    };
    let by_role = requirements_by_role(conn)?;
    let rated = ratings_as_of(conn, None, today)?;
    let levels = readiness::current_levels(&counted(&rated));
    let requirements = ratings::requirements(conn)?;
    let names = frameworks::names(conn)?;
    let mut column_ids: Vec<i64> = Vec::new();
    for r in &requirements {
        if !column_ids.contains(&r.competency_id) {
            column_ids.push(r.competency_id);
        }
    }
    let mut statements = frameworks::statements(conn)?;
    let columns: Vec<HeatmapColumn> = column_ids
        .iter()
        .map(|id| {
            let (code, name) = names.get(id).cloned().unwrap_or_default();
            HeatmapColumn {
                competency_id: *id,
                code,
                name,
                statement: statements.remove(id).unwrap_or_default(),
            }
        })
        .collect();
    let mut teams: BTreeMap<&str, Vec<&Person>> = BTreeMap::new();
    for p in in_scope {
        teams.entry(p.team.as_str()).or_default().push(p);
    }
    let no_requirements = Vec::new();
    let rows = teams
        .into_iter()
        .map(|(team, members)| {
            let suppressed = !privacy::shown(members.len() as u32, floor);
            let mut cells: Vec<HeatmapCell> = column_ids
                .iter()
                .map(|id| HeatmapCell {
                    competency_id: *id,
                    required_of: 0,
                    met: 0,
                    share: None,
                    hidden: false,
                })
                .collect();
            for person in &members {
                let needs = by_role
                    .get(&person.role.to_lowercase())
                    .unwrap_or(&no_requirements);
                for (competency, level) in needs {
                    if let Some(cell) = cells.iter_mut().find(|c| c.competency_id == *competency) {
                        cell.required_of += 1;
                        if levels
                            .get(&(person.id.as_str(), *competency))
                            .is_some_and(|current| current >= level)
                        {
                            cell.met += 1;
                        }
                    }
                }
            }
            // The team's figure pools only the cells it shows: pooled over hidden cells too,
            // it minus the shown ones would give a hidden cell back.
            let (mut met_total, mut required_total) = (0, 0);
            for cell in &mut cells {
                cell.hidden = cell.required_of > 0
                    && (suppressed || !privacy::shown(cell.required_of, floor));
                if cell.hidden || suppressed {
                    cell.met = 0;
                    cell.required_of = 0;
                    cell.share = None;
                } else {
                    cell.share = readiness::share(cell.met, cell.required_of);
                    met_total += cell.met;
                    required_total += cell.required_of;
                }
            }
            HeatmapRow {
                team: team.to_string(),
                people: if suppressed { 0 } else { members.len() as u32 },
                cells,
                readiness: if suppressed {
                    None
                } else {
                    readiness::share(met_total, required_total)
                },
                suppressed,
            }
        })
        .collect();
    Ok(ReadinessHeatmap {
        columns,
        rows,
        min_group_size: floor,
        requirements,
    })
}

/// The skills figures of one pilot: its assignments (made for it, or to its pilot teams),
/// its purchases, completion and speed per competency, readiness, and cost per competency
/// gained.
pub fn pilot_report(store: &Store, pilot_id: i64, today: NaiveDate) -> Result<SkillsReport> {
    let conn = store.conn();
    crate::store::pilots::get(conn, pilot_id)?;
    let settings = settings::load(conn)?;
    let floor = settings.min_group_size;
    let assigned = assignments::load(conn, Scope::Pilot(pilot_id), today)?;
    let targets = catalog::targets(conn)?;
    let names = frameworks::names(conn)?;
    let label = |id: i64| {
        names
            .get(&id)
            .map(|(c, s)| frameworks::label(c, s))
            .unwrap_or_default()
    };
    let module_competencies: HashMap<i64, Vec<i64>> = targets
        .iter()
        .map(|(m, t)| (*m, t.iter().map(|t| t.competency_id).collect()))
        .collect();
    let empty = Vec::new();
    let rows: Vec<completion::Assigned> = assigned
        .iter()
        .map(|a| completion::Assigned {
            person: &a.person_id,
            competencies: module_competencies.get(&a.module_id).unwrap_or(&empty),
            completed: a.completed_on.is_some(),
        })
        .collect();
    let completion = completion::per_competency(&rows)
        .into_iter()
        .map(|(competency, (assigned, completed))| SkillCompletion {
            competency_id: competency,
            competency: label(competency),
            hidden: !privacy::shown(assigned, floor),
            assigned: if privacy::shown(assigned, floor) {
                assigned
            } else {
                0
            },
            completed: if privacy::shown(assigned, floor) {
                completed
            } else {
                0
            },
            rate: privacy::shown(assigned, floor)
                .then(|| f64::from(completed) / f64::from(assigned.max(1))),
        })
        .collect();

    // Speed-to-competency: each (person, target competency) from the day it was assigned.
    let rated = ratings_as_of(conn, None, today)?;
    let mut journeys: BTreeMap<i64, Vec<speed::Journey>> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    // Counted ratings by person and competency, so each journey reads only its own.
    let mut rated_by: HashMap<(&str, i64), Vec<&Rating>> = HashMap::new();
    for r in rated.iter().filter(|r| r.rater.counts()) {
        rated_by
            .entry((r.person_id.as_str(), r.competency_id))
            .or_default()
            .push(r);
    }
    for a in &assigned {
        for target in targets.get(&a.module_id).into_iter().flatten() {
            if !seen.insert((a.person_id.clone(), target.competency_id)) {
                continue;
            }
            let reached_on = rated_by
                .get(&(a.person_id.as_str(), target.competency_id))
                .into_iter()
                .flatten()
                .filter(|r| r.level >= target.target_level && r.rated_on >= a.assigned_on)
                .map(|r| r.rated_on.as_str())
                .min();
            let assigned_on =
                NaiveDate::parse_from_str(&a.assigned_on, "%Y-%m-%d").unwrap_or(today);
            let journey =
                match reached_on.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
                    Some(day) => speed::Journey {
                        days: (day - assigned_on).num_days() as f64,
                        reached: true,
                    },
                    None => speed::Journey {
                        days: (today - assigned_on).num_days().max(0) as f64,
                        reached: false,
                    },
                };
            journeys
                .entry(target.competency_id)
                .or_default()
                .push(journey);
        }
    }
    let speed: Vec<SpeedToCompetency> = journeys
        .into_iter()
        .map(|(competency, list)| {
            let s = speed::summarise(&list);
            let shown = privacy::shown(s.people, floor);
            SpeedToCompetency {
                competency_id: competency,
                competency: label(competency),
                hidden: !shown,
                people: if shown { s.people } else { 0 },
                reached: if shown { s.reached } else { 0 },
                censored: if shown { s.censored } else { 0 },
                median_days: s.median.filter(|_| shown),
                quartile_low_days: s.quartile_low.filter(|_| shown),
                quartile_high_days: s.quartile_high.filter(|_| shown),
            }
        })
        .collect();

    // Totals count only the competencies shown: a total over hidden ones too, minus the
    // shown ones, would give a hidden one back. The cost per competency needs them all.
    let any_hidden = speed.iter().any(|s| s.hidden);
    let gained: u32 = speed.iter().map(|s| s.reached).sum();
    let purchases: Vec<_> = catalog::purchases(conn, Some(pilot_id))?
        .into_iter()
        .map(|p| p.into_purchase(&settings.currency))
        .collect();
    let spend = Money(purchases.iter().map(|p| p.total.cents()).sum());
    let mut used: HashMap<i64, u32> = HashMap::new();
    for a in &assigned {
        *used.entry(a.module_id).or_default() += 1;
    }
    let mut seats: BTreeMap<i64, SeatUse> = BTreeMap::new();
    for p in &purchases {
        let entry = seats.entry(p.module_id).or_insert_with(|| SeatUse {
            module_id: p.module_id,
            module_title: p.module_title.clone(),
            bought: Some(0),
            used: used.get(&p.module_id).copied().unwrap_or(0),
            utilisation: None,
        });
        entry.bought = match (entry.bought, p.seats) {
            (_, 0) | (None, _) => None,
            (Some(n), s) => Some(n + s),
        };
    }
    let seats: Vec<SeatUse> = seats
        .into_values()
        .map(|mut s| {
            s.utilisation = s
                .bought
                .filter(|b| *b > 0)
                .map(|b| f64::from(s.used) / f64::from(b));
            s
        })
        .collect();
    let heat = heatmap(store, Some(pilot_id), today)?;
    let (met, held) = heat
        .rows
        .iter()
        .filter(|r| !r.suppressed)
        .fold((0, 0), |acc, r| {
            r.cells
                .iter()
                .fold(acc, |(m, h), c| (m + c.met, h + c.required_of))
        });
    Ok(SkillsReport {
        pilot_id,
        as_of: crate::packs::dates::long_date(today),
        assignments: assigned.len() as u32,
        completion,
        speed,
        seats,
        cost_per_competency_gained: (gained > 0 && spend.cents() > 0 && !any_hidden)
            .then(|| Money((spend.cents() as f64 / f64::from(gained)).round() as i64)),
        competencies_gained: gained,
        spend,
        purchases,
        readiness: readiness::share(met, held),
        warnings: warnings_for(conn, Some(pilot_id), &assigned)?,
        min_group_size: floor,
    })
}

/// What the proposal's skills page prints: each catalog module the playbook links, why,
/// at what price, and what has been bought for the pilot.
pub fn proposal_plan(
    conn: &Connection,
    pilot_id: i64,
    today: NaiveDate,
) -> Result<crate::packs::proposal::SkillsPlan> {
    use crate::packs::proposal::{PlannedModule, SkillsPlan};
    let currency = settings::load(conn)?.currency;
    let modules = catalog::modules(conn)?;
    let purchases = catalog::purchases(conn, Some(pilot_id))?;
    let mut plan = SkillsPlan::default();
    let mut planned: BTreeMap<i64, PlannedModule> = BTreeMap::new();
    for workflow in playbooks::workflows_for(conn, pilot_id)? {
        for task in workflow.tasks {
            let linked = modules
                .iter()
                .find(|m| m.title.eq_ignore_ascii_case(task.skill_module.trim()));
            let Some(module) = linked else {
                plan.unlinked.push((task.behaviour, task.skill_module));
                continue;
            };
            let entry = planned.entry(module.id).or_insert_with(|| {
                let mine: Vec<_> = purchases
                    .iter()
                    .filter(|p| p.module_id == module.id)
                    .collect();
                PlannedModule {
                    title: module.title.clone(),
                    vendor: module.vendor.clone(),
                    price: format!(
                        "{} {}",
                        module.price.format_with(&currency),
                        module.pricing.label()
                    ),
                    builds: module
                        .targets
                        .iter()
                        .map(|t| {
                            format!("{} to {} {}", t.competency, t.target_level, t.level_label)
                        })
                        .collect(),
                    tasks: Vec::new(),
                    bought: (!mine.is_empty()).then(|| {
                        mine.iter()
                            .map(|p| {
                                catalog::basis(p.pricing, p.seats, p.months, p.unit, &currency)
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    }),
                    spent: Money(mine.iter().map(|p| p.total.cents()).sum()),
                }
            });
            entry.tasks.push(task.behaviour);
        }
    }
    plan.bought_total = Money(purchases.iter().map(|p| p.total.cents()).sum());
    plan.modules = planned.into_values().collect();
    let assigned = assignments::load(conn, Scope::Pilot(pilot_id), today)?;
    plan.warnings = warnings_for(conn, Some(pilot_id), &assigned)?
        .into_iter()
        .map(|w| w.message)
        .collect();
    Ok(plan)
}
