//! Choosing the pilot's managers and the comparison design, and drawing or matching the
//! comparison group.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::metrics::assignment::{draw, propose_matches, TeamProfile};
use crate::model::{Arm, CohortInput, ComparisonDesign, ManagerCandidate};
use crate::store::cohort::{self, MemberRecord};
use crate::store::{kpis, people, Store};

use super::design::edit;
use super::pilots::Problems;

pub fn manager_candidates(store: &Store) -> Result<Vec<ManagerCandidate>> {
    cohort::manager_candidates(store.conn())
}

fn member(manager_id: &str, arm: Arm, wave: Option<u32>) -> MemberRecord {
    MemberRecord {
        manager_id: manager_id.into(),
        arm,
        wave,
        matched_with: None,
        match_distance: None,
    }
}

/// Sets the cohort. A randomised waitlist or staggered waves draws the split from the
/// managers given, with the seed given or a new one, and records the seed so the same
/// draw can be reproduced. Matched teams pairs each pilot team with the most similar team
/// outside the pilot. Hand-picked teams puts every manager of the named pilot teams in the
/// pilot arm and every manager of the named comparison teams in the comparison arm.
pub fn set_cohort(
    store: &mut Store,
    pilot_id: i64,
    input: &CohortInput,
    today: NaiveDate,
) -> Result<()> {
    let mut problems = Problems::default();
    let design = ComparisonDesign::parse(&input.design);
    if design.is_none() {
        problems.add(
            "design",
            "choose randomised_waitlist, matched_teams, staggered_waves, hand_picked or none",
        );
    }
    let hand_picked = design == Some(ComparisonDesign::HandPicked);
    if hand_picked && !input.manager_ids.is_empty() {
        problems.add(
            "managerIds",
            "hand-picked teams are chosen by team: name the pilot and comparison teams, not \
             managers",
        );
    }
    if !hand_picked && (!input.pilot_teams.is_empty() || !input.comparison_teams.is_empty()) {
        let field = if input.pilot_teams.is_empty() {
            "comparisonTeams"
        } else {
            "pilotTeams"
        };
        problems.add(
            field,
            "teams are named only for the hand-picked teams design",
        );
    }
    let candidates = cohort::manager_candidates(store.conn())?;
    let team_arms = if hand_picked {
        let known: Vec<String> = people::teams(store.conn())?
            .into_iter()
            .map(|t| t.name)
            .collect();
        check_teams(input, &known, &candidates, &mut problems)
    } else {
        Vec::new()
    };
    let mut managers: Vec<String> = Vec::new();
    for id in &input.manager_ids {
        let id = id.trim();
        if !candidates.iter().any(|c| c.id == id) {
            problems.add(
                "managerIds",
                format!("{id} is not a manager of anyone in People"),
            );
        } else if managers.iter().any(|m| m == id) {
            problems.add("managerIds", format!("{id} is listed twice"));
        } else {
            managers.push(id.to_string());
        }
    }
    let seed = if input.seed.trim().is_empty() {
        None
    } else {
        match input.seed.trim().parse::<u64>() {
            Ok(seed) => Some(seed),
            Err(_) => {
                problems.add("seed", "a seed is a whole number, e.g. 20261123");
                None
            }
        }
    };
    let design = design.unwrap_or(ComparisonDesign::None);
    let random = matches!(
        design,
        ComparisonDesign::RandomisedWaitlist | ComparisonDesign::StaggeredWaves
    );
    if random && managers.len() < 2 {
        problems.add("managerIds", "a random split needs at least two managers");
    }
    if !random && !hand_picked && managers.is_empty() && design != ComparisonDesign::None {
        problems.add("managerIds", "choose the pilot managers");
    }
    problems.into_result(|| ())?;

    let seed = if random {
        Some(seed.unwrap_or_else(rand::random))
    } else {
        None
    };
    let members: Vec<MemberRecord> = match design {
        ComparisonDesign::RandomisedWaitlist | ComparisonDesign::StaggeredWaves => {
            let (first, second) = draw(&managers, seed.unwrap_or_default());
            let waves = design == ComparisonDesign::StaggeredWaves;
            first
                .iter()
                .map(|id| member(id, Arm::Pilot, waves.then_some(1)))
                .chain(
                    second
                        .iter()
                        .map(|id| member(id, Arm::Comparison, waves.then_some(2))),
                )
                .collect()
        }
        ComparisonDesign::MatchedTeams => {
            let profiles = team_profiles(store, pilot_id, &candidates)?;
            let (pilot, others): (Vec<TeamProfile>, Vec<TeamProfile>) = profiles
                .into_iter()
                .partition(|p| managers.contains(&p.manager_id));
            let matches = propose_matches(&pilot, &others);
            managers
                .iter()
                .map(|id| member(id, Arm::Pilot, None))
                .chain(matches.iter().map(|m| MemberRecord {
                    manager_id: m.comparison.clone(),
                    arm: Arm::Comparison,
                    wave: None,
                    matched_with: Some(m.pilot.clone()),
                    match_distance: Some((m.distance * 1000.0).round() / 1000.0),
                }))
                .collect()
        }
        ComparisonDesign::HandPicked => candidates
            .iter()
            .filter_map(|c| {
                team_arms
                    .iter()
                    .find(|(team, _)| *team == c.team)
                    .map(|(_, arm)| member(&c.id, *arm, None))
            })
            .collect(),
        ComparisonDesign::None => managers
            .iter()
            .map(|id| member(id, Arm::Pilot, None))
            .collect(),
    };
    let pilots = members.iter().filter(|m| m.arm == Arm::Pilot).count();
    let comparison = members.len() - pilots;
    let summary = match seed {
        None if hand_picked => format!(
            "Set the cohort: hand-picked teams, {pilots} pilot managers in {} against \
             {comparison} comparison managers in {}",
            teams_text(&team_arms, Arm::Pilot),
            teams_text(&team_arms, Arm::Comparison)
        ),
        Some(seed) => format!(
            "Set the cohort: {}, {pilots} pilot and {comparison} comparison managers, seed {seed}",
            design.label().to_lowercase()
        ),
        None => format!(
            "Set the cohort: {}, {pilots} pilot and {comparison} comparison managers",
            design.label().to_lowercase()
        ),
    };
    edit(store, pilot_id, today, |tx| {
        cohort::replace(tx, pilot_id, design, seed, &members)?;
        Ok(((), summary))
    })
}

/// Checks the named teams of a hand-picked design against People, each problem against its
/// field, and returns each team with its arm.
fn check_teams(
    input: &CohortInput,
    known: &[String],
    candidates: &[ManagerCandidate],
    problems: &mut Problems,
) -> Vec<(String, Arm)> {
    let mut chosen: Vec<(String, Arm)> = Vec::new();
    for (field, arm, teams) in [
        ("pilotTeams", Arm::Pilot, &input.pilot_teams),
        ("comparisonTeams", Arm::Comparison, &input.comparison_teams),
    ] {
        let mut named = 0;
        for team in teams {
            let team = team.trim();
            if team.is_empty() {
                continue;
            }
            named += 1;
            match chosen.iter().find(|(t, _)| t == team) {
                Some((_, earlier)) if *earlier == arm => {
                    problems.add(field, format!("{team} is listed twice"));
                    continue;
                }
                Some(_) => {
                    problems.add(
                        field,
                        format!("{team} is also a pilot team; a team belongs to one arm only"),
                    );
                    continue;
                }
                None => {}
            }
            if !known.iter().any(|k| k == team) {
                problems.add(field, format!("{team} is not a team in People"));
            } else if !candidates.iter().any(|c| c.team == team) {
                problems.add(
                    field,
                    format!("no one in {team} manages anyone, so it adds no managers"),
                );
            } else {
                chosen.push((team.to_string(), arm));
            }
        }
        if named == 0 {
            problems.add(
                field,
                match arm {
                    Arm::Pilot => "choose at least one pilot team",
                    Arm::Comparison => {
                        "choose at least one comparison team; for one region against the rest, \
                         choose every other team"
                    }
                },
            );
        }
    }
    chosen
}

/// "Sales North" or "Sales North, Sales South" or "12 teams".
fn teams_text(teams: &[(String, Arm)], arm: Arm) -> String {
    let names: Vec<&str> = teams
        .iter()
        .filter(|(_, a)| *a == arm)
        .map(|(team, _)| team.as_str())
        .collect();
    if names.len() <= 3 {
        names.join(", ")
    } else {
        format!("{} teams", names.len())
    }
}

fn team_profiles(
    store: &Store,
    pilot_id: i64,
    candidates: &[ManagerCandidate],
) -> Result<Vec<TeamProfile>> {
    let roles = cohort::report_roles(store.conn())?;
    // Baselines come from the first KPI that has observations in its baseline window.
    let mut baselines = Default::default();
    for kpi in kpis::for_pilot(store.conn(), pilot_id)? {
        baselines = cohort::team_baselines(store.conn(), kpi.id)?;
        if !baselines.is_empty() {
            break;
        }
    }
    Ok(candidates
        .iter()
        .map(|c| TeamProfile {
            manager_id: c.id.clone(),
            size: c.team_size,
            roles: roles.get(&c.id).cloned().unwrap_or_default(),
            baseline: baselines.get(&c.id).copied(),
        })
        .collect())
}

/// Reproduces a recorded randomised draw: the same managers and seed give the same split.
pub fn redraw(managers: &[String], seed: &str) -> Result<(Vec<String>, Vec<String>)> {
    let seed: u64 = seed
        .trim()
        .parse()
        .map_err(|_| Error::invalid_field("seed", "a seed is a whole number"))?;
    Ok(draw(managers, seed))
}
