//! What every analysis of a pilot starts from: the pilot, its KPIs and settings, and its
//! cohort turned into units (the teams an effect is measured over).

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

use crate::error::Result;
use crate::metrics::analytics::inference::Redraws;
use crate::model::{
    Arm, Cohort, ComparisonDesign, Kpi, Pilot, WorkspaceSettings, PILOT_LENGTH_DAYS,
};
use crate::store::analytics::kpi_days::UnitKey;
use crate::store::{cohort, kpis, people, pilots, settings};
use crate::workflows::gates::REVIEW_DAY;

/// One unit of the analysis: a cohort manager's direct reports, or a team whose
/// observations are recorded for the team as a whole.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitInfo {
    /// The manager's id for a manager's team (what the randomised draw drew), or
    /// "team:" and the team's name.
    pub id: String,
    pub arm: Arm,
    /// How a person reads it: "Ravi Patel's team (Sales East)".
    pub label: String,
    /// People in the unit.
    pub people: u32,
    pub manager_id: Option<String>,
}

pub(crate) struct CohortUnits {
    pub units: Vec<UnitInfo>,
    by_key: HashMap<UnitKey, usize>,
    /// Teams whose managers sit in both groups: their team-level observations belong to
    /// neither.
    pub shared_teams: Vec<String>,
    /// Every manager of the cohort, in any arm: what a randomised draw re-draws.
    pub managers: Vec<String>,
}

impl CohortUnits {
    fn from_cohort(cohort: &Cohort, team_sizes: &HashMap<String, u32>) -> CohortUnits {
        let mut units = Vec::new();
        let mut by_key = HashMap::new();
        let mut arms_of_team: HashMap<&str, Vec<Arm>> = HashMap::new();
        for member in &cohort.members {
            by_key.insert(UnitKey::Manager(member.manager_id.clone()), units.len());
            units.push(UnitInfo {
                id: member.manager_id.clone(),
                arm: member.arm,
                label: format!("{}'s team ({})", member.manager_name, member.team),
                people: member.team_size,
                manager_id: Some(member.manager_id.clone()),
            });
            let arms = arms_of_team.entry(member.team.as_str()).or_default();
            if !arms.contains(&member.arm) {
                arms.push(member.arm);
            }
        }
        let mut shared_teams = Vec::new();
        let mut teams: Vec<(&str, Vec<Arm>)> = arms_of_team.into_iter().collect();
        teams.sort_by(|a, b| a.0.cmp(b.0));
        for (team, arms) in teams {
            match arms.as_slice() {
                [arm] => {
                    by_key.insert(UnitKey::Team(team.to_string()), units.len());
                    units.push(UnitInfo {
                        id: format!("team:{team}"),
                        arm: *arm,
                        label: format!("Team {team}"),
                        people: team_sizes.get(team).copied().unwrap_or(0),
                        manager_id: None,
                    });
                }
                _ => shared_teams.push(team.to_string()),
            }
        }
        CohortUnits {
            units,
            by_key,
            shared_teams,
            managers: cohort
                .members
                .iter()
                .map(|m| m.manager_id.clone())
                .collect(),
        }
    }

    pub fn place(&self, key: &UnitKey) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    pub fn people_in(&self, arm: Arm) -> u32 {
        self.units
            .iter()
            .filter(|u| u.arm == arm && u.manager_id.is_some())
            .map(|u| u.people)
            .sum()
    }

    pub fn managers_in(&self, arm: Arm) -> Vec<&str> {
        self.units
            .iter()
            .filter(|u| u.arm == arm)
            .filter_map(|u| u.manager_id.as_deref())
            .collect()
    }
}

/// A pilot as the analyses read it, as of a day.
pub(crate) struct PilotContext {
    pub pilot: Pilot,
    pub kpis: Vec<Kpi>,
    pub cohort: Cohort,
    pub settings: WorkspaceSettings,
    pub units: CohortUnits,
    pub as_of: NaiveDate,
    /// The randomised draw re-drawn for randomisation inference, once for all KPIs.
    redraws: std::cell::OnceCell<Redraws>,
}

impl PilotContext {
    pub fn load(conn: &Connection, pilot_id: i64, as_of: NaiveDate) -> Result<PilotContext> {
        let pilot = pilots::get(conn, pilot_id)?;
        let kpis = kpis::for_pilot(conn, pilot_id)?;
        let cohort = cohort::load(conn, pilot_id)?;
        let settings = settings::load(conn)?;
        let team_sizes: HashMap<String, u32> = people::teams(conn)?
            .into_iter()
            .map(|t| (t.name, t.headcount))
            .collect();
        let units = CohortUnits::from_cohort(&cohort, &team_sizes);
        Ok(PilotContext {
            pilot,
            kpis,
            cohort,
            settings,
            units,
            as_of,
            redraws: std::cell::OnceCell::new(),
        })
    }

    /// The re-drawn assignments, drawn the first time a KPI needs them.
    pub fn redraws(&self, draws: u32) -> &Redraws {
        self.redraws
            .get_or_init(|| Redraws::new(&self.units.managers, draws))
    }

    pub fn with_comparison(&self) -> bool {
        self.cohort.design != ComparisonDesign::None
            && self.cohort.members.iter().any(|m| m.arm == Arm::Comparison)
    }

    /// Drawn at random: randomisation inference can re-draw the assignment.
    pub fn randomised(&self) -> bool {
        matches!(
            self.cohort.design,
            ComparisonDesign::RandomisedWaitlist | ComparisonDesign::StaggeredWaves
        ) && self.cohort.seed.is_some()
    }

    /// The last day of the pilot window the data are read to: the window's end, or today
    /// while it runs. Staggered waves compare wave 1 with wave 2 only until wave 2 starts.
    pub fn pilot_window_end(&self) -> NaiveDate {
        let end = match self.cohort.design {
            ComparisonDesign::StaggeredWaves => {
                self.pilot.start_date + Duration::days(REVIEW_DAY - 1)
            }
            _ => self.pilot.end_date,
        };
        end.min(self.as_of)
    }

    /// Day N of the window.
    pub fn day(&self) -> i64 {
        (self.as_of - self.pilot.start_date).num_days()
    }

    /// Whole weeks of coaching so far, counting a week started.
    pub fn weeks_elapsed(&self) -> u32 {
        let days = (self.as_of.min(self.pilot.end_date) - self.pilot.start_date).num_days() + 1;
        if days <= 0 {
            0
        } else {
            u32::try_from((days + 6) / 7).unwrap_or(u32::MAX)
        }
    }

    /// The share of the 90 days behind us, for projecting costs to the end.
    pub fn share_elapsed(&self) -> f64 {
        let days = (self.as_of.min(self.pilot.end_date) - self.pilot.start_date).num_days() + 1;
        (days.max(0) as f64 / (PILOT_LENGTH_DAYS + 1) as f64).clamp(0.0, 1.0)
    }

    pub fn floor(&self) -> u32 {
        self.settings.min_group_size
    }
}
