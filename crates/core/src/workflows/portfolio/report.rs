//! The asynchronous competency model at pilot level (DESIGN.md, sixth practice): feedback
//! frequency, time from a work sample to its first feedback, portfolio quality and its
//! change, promotion velocity against the comparison group, and how many people have gone
//! without a live check-in. Loaded once, then computed by a pure function from plain facts,
//! with the privacy floor on every group.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};

use crate::error::Result;
use crate::metrics::analytics::privacy::{hidden_cells, shown};
use crate::metrics::portfolio::first_feedback::days_to_first_feedback;
use crate::metrics::portfolio::frequency::{per_person_per_week, weekly_counts};
use crate::metrics::portfolio::promotion::{compare, velocity, PersonRoles, Velocity};
use crate::metrics::portfolio::quality::mean_level;
use crate::model::portfolio::{
    AsyncReport, CheckInCount, FeedbackFrequency, FirstFeedbackFigures, PromotionFigures,
    QualityFigures, TeamAsync, VelocityFigures, WeekCount,
};
use crate::model::Arm;
use crate::store::portfolio::facts;
use crate::store::{cohort, people, pilots, settings, Store};

/// Someone in one of the pilot's groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub person: String,
    pub team: String,
    /// When the person's history starts: the first dated entry, else the hire date.
    pub start: Option<NaiveDate>,
    pub role_changes: Vec<NaiveDate>,
}

/// Everything the report reads, as plain data.
#[derive(Debug, Clone, Default)]
pub struct AsyncFacts {
    pub pilot_id: i64,
    pub pilot_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub min_group_size: u32,
    pub check_in_weeks: u32,
    pub top_level: u32,
    pub pilot_group: Vec<Member>,
    pub comparison_group: Vec<Member>,
    /// (person, day given, sample)
    pub feedback: Vec<(String, NaiveDate, Option<i64>)>,
    /// (sample, person, day added)
    pub samples: Vec<(i64, String, NaiveDate)>,
    /// (person, day reviewed, levels), oldest first.
    pub reviews: Vec<(String, NaiveDate, Vec<u32>)>,
    /// People flagged today for async coaching without a live check-in.
    pub flagged: Vec<String>,
}

fn velocity_figures(velocity: &Velocity, hidden: bool) -> VelocityFigures {
    if hidden {
        return VelocityFigures {
            people: velocity.people,
            hidden,
            promoted: 0,
            role_changes: 0,
            person_years: 0.0,
            per_person_year: None,
            median_days_between: None,
            median_days_between_with_waiting: None,
        };
    }
    VelocityFigures {
        people: velocity.people,
        hidden,
        promoted: velocity.promoted,
        role_changes: velocity.role_changes,
        person_years: velocity.person_years,
        per_person_year: velocity.per_person_year,
        median_days_between: velocity.median_days_between,
        median_days_between_with_waiting: velocity.median_days_between_with_waiting,
    }
}

/// Role histories observed from the pilot's start (or the person's, when later): both
/// groups over the same span, so the difference is the pilot's period, not tenure.
fn roles(group: &[Member], from: NaiveDate) -> Vec<PersonRoles> {
    group
        .iter()
        .map(|m| PersonRoles {
            person: m.person.clone(),
            role_changes: m.role_changes.clone(),
            start: m.start.map_or(from, |s| s.max(from)),
        })
        .collect()
}

/// The mean level over each person's latest review in the window, pooled; none when fewer
/// people than the floor were reviewed, since it would describe them one by one.
fn latest_mean(
    reviews: &[&(String, NaiveDate, Vec<u32>)],
    people: &BTreeSet<&str>,
    floor: u32,
) -> Option<f64> {
    let mut latest: BTreeMap<&str, &Vec<u32>> = BTreeMap::new();
    for (person, _, levels) in reviews {
        if people.contains(person.as_str()) {
            latest.insert(person.as_str(), levels);
        }
    }
    if !shown(latest.len() as u32, floor) {
        return None;
    }
    let pooled: Vec<u32> = latest.values().flat_map(|l| l.iter().copied()).collect();
    mean_level(&pooled)
}

pub fn build(facts: &AsyncFacts) -> AsyncReport {
    let floor = facts.min_group_size;
    let (from, to) = (facts.from, facts.to);
    let days = u32::try_from((to - from).num_days() + 1).unwrap_or(0);
    let group: BTreeSet<&str> = facts
        .pilot_group
        .iter()
        .map(|m| m.person.as_str())
        .collect();
    let size = group.len() as u32;
    let hidden = !shown(size, floor) || size == 0;
    let in_window = |day: &NaiveDate| (from..=to).contains(day);

    let notes: Vec<&(String, NaiveDate, Option<i64>)> = facts
        .feedback
        .iter()
        .filter(|(p, day, _)| group.contains(p.as_str()) && in_window(day))
        .collect();
    let counts_for = |people: &BTreeSet<&str>| -> Vec<(String, u32)> {
        let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
        for (person, _, _) in &notes {
            if people.contains(person.as_str()) {
                *counts.entry(person.as_str()).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .map(|(p, n)| (p.to_string(), n))
            .collect()
    };
    let reviews: Vec<&(String, NaiveDate, Vec<u32>)> = facts
        .reviews
        .iter()
        .filter(|(p, day, _)| group.contains(p.as_str()) && in_window(day))
        .collect();

    let frequency = if hidden {
        FeedbackFrequency {
            notes: 0,
            per_person_per_week: None,
            weekly: Vec::new(),
        }
    } else {
        let dates: Vec<NaiveDate> = notes.iter().map(|(_, day, _)| *day).collect();
        FeedbackFrequency {
            notes: notes.len() as u32,
            per_person_per_week: per_person_per_week(&counts_for(&group), size, days),
            weekly: weekly_counts(&dates, from, to)
                .into_iter()
                .map(|(week, notes)| WeekCount {
                    week_start: week.to_string(),
                    notes,
                })
                .collect(),
        }
    };

    let first = {
        let counted: Vec<&(i64, String, NaiveDate)> = facts
            .samples
            .iter()
            .filter(|(_, p, day)| group.contains(p.as_str()) && in_window(day))
            .collect();
        let people = counted
            .iter()
            .map(|(_, p, _)| p.as_str())
            .collect::<BTreeSet<_>>()
            .len() as u32;
        // Waits of fewer people than the floor would describe them one by one.
        let first_hidden = hidden || !shown(people, floor);
        let samples: Vec<(i64, NaiveDate)> =
            counted.iter().map(|(id, _, day)| (*id, *day)).collect();
        let answers: Vec<(i64, NaiveDate)> = facts
            .feedback
            .iter()
            .filter_map(|(_, day, sample)| sample.map(|s| (s, *day)))
            .collect();
        let figures = days_to_first_feedback(&samples, &answers, to);
        if first_hidden {
            FirstFeedbackFigures {
                people: if hidden { 0 } else { people },
                hidden: true,
                samples: 0,
                answered: 0,
                waiting: 0,
                median_days: None,
                median_days_answered: None,
                longest_wait_days: None,
            }
        } else {
            FirstFeedbackFigures {
                people,
                hidden: false,
                samples: figures.samples,
                answered: figures.answered,
                waiting: figures.waiting,
                median_days: figures.median_days,
                median_days_answered: figures.median_days_answered,
                longest_wait_days: figures.longest_wait_days,
            }
        }
    };

    let quality = {
        let mut by_person: BTreeMap<&str, Vec<&Vec<u32>>> = BTreeMap::new();
        for (person, _, levels) in &reviews {
            by_person.entry(person.as_str()).or_default().push(levels);
        }
        let twice: Vec<&Vec<&Vec<u32>>> = by_person.values().filter(|r| r.len() >= 2).collect();
        let pooled = |last: bool| -> Vec<u32> {
            twice
                .iter()
                .filter_map(|r| if last { r.last() } else { r.first() })
                .flat_map(|l| l.iter().copied())
                .collect()
        };
        let first_mean = mean_level(&pooled(false));
        let last_mean = mean_level(&pooled(true));
        // The change is over the people reviewed at least twice: under the floor, hidden.
        let change_shown = !hidden && shown(twice.len() as u32, floor);
        QualityFigures {
            reviewed_people: if hidden { 0 } else { by_person.len() as u32 },
            mean_level: if hidden {
                None
            } else {
                latest_mean(&reviews, &group, floor)
            },
            top_level: facts.top_level,
            reviewed_twice: if hidden { 0 } else { twice.len() as u32 },
            first_mean: first_mean.filter(|_| change_shown),
            last_mean: last_mean.filter(|_| change_shown),
            change: match (first_mean, last_mean) {
                (Some(first), Some(last)) if change_shown => Some(last - first),
                _ => None,
            },
        }
    };

    let promotion = {
        let pilot = velocity(&roles(&facts.pilot_group, from), to);
        let comparison = velocity(&roles(&facts.comparison_group, from), to);
        let pilot_hidden = hidden;
        let comparison_hidden = !shown(facts.comparison_group.len() as u32, floor);
        PromotionFigures {
            difference: if pilot_hidden || comparison_hidden {
                None
            } else {
                compare(&pilot, &comparison)
            },
            pilot: velocity_figures(&pilot, pilot_hidden),
            comparison: velocity_figures(&comparison, comparison_hidden),
        }
    };

    let check_ins = CheckInCount {
        weeks: facts.check_in_weeks,
        flagged: (!hidden).then(|| {
            facts
                .flagged
                .iter()
                .filter(|p| group.contains(p.as_str()))
                .count() as u32
        }),
    };

    let teams = {
        let mut by_team: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for member in &facts.pilot_group {
            by_team
                .entry(member.team.as_str())
                .or_default()
                .insert(member.person.as_str());
        }
        let sizes: Vec<u32> = by_team.values().map(|p| p.len() as u32).collect();
        let hidden_teams = hidden_cells(&sizes, floor);
        by_team
            .iter()
            .zip(hidden_teams)
            .map(|((team, people), team_hidden)| {
                let team_hidden = team_hidden || hidden;
                let counts = counts_for(people);
                TeamAsync {
                    team: team.to_string(),
                    people: people.len() as u32,
                    hidden: team_hidden,
                    notes: (!team_hidden).then(|| counts.iter().map(|(_, n)| n).sum()),
                    per_person_per_week: if team_hidden {
                        None
                    } else {
                        per_person_per_week(&counts, people.len() as u32, days)
                    },
                    mean_level: if team_hidden {
                        None
                    } else {
                        latest_mean(&reviews, people, floor)
                    },
                }
            })
            .collect()
    };

    AsyncReport {
        pilot_id: facts.pilot_id,
        pilot_name: facts.pilot_name.clone(),
        from: from.to_string(),
        to: to.to_string(),
        min_group_size: floor,
        pilot_people: size,
        hidden,
        frequency,
        first_feedback: first,
        quality,
        promotion,
        check_ins,
        teams,
    }
}

/// The direct reports of a pilot's managers in one arm, who had not left by `from`.
fn members(
    everyone: &[crate::model::Person],
    managers: &BTreeSet<String>,
    from: NaiveDate,
    history: &BTreeMap<String, (NaiveDate, Vec<NaiveDate>)>,
) -> Vec<Member> {
    everyone
        .iter()
        .filter(|p| p.manager_id.as_ref().is_some_and(|m| managers.contains(m)))
        .filter(|p| p.leaving_date.is_none_or(|d| d >= from))
        .map(|p| {
            let (start, role_changes) = match history.get(&p.id) {
                Some((first, changes)) => (Some(*first), changes.clone()),
                None => (p.hire_date, Vec::new()),
            };
            Member {
                person: p.id.clone(),
                team: p.team.clone(),
                start,
                role_changes,
            }
        })
        .collect()
}

/// Loads a pilot's async facts as of `today`: from the pilot's start to today.
pub fn facts(store: &Store, pilot_id: i64, today: NaiveDate) -> Result<AsyncFacts> {
    let conn = store.conn();
    let pilot = pilots::get(conn, pilot_id)?;
    let from = pilot.start_date;
    // Before the start the window is empty: the day before the start.
    let to = today.max(from - Duration::days(1));
    let cohort = cohort::load(conn, pilot_id)?;
    let arm = |arm: Arm| -> BTreeSet<String> {
        cohort
            .members
            .iter()
            .filter(|m| m.arm == arm)
            .map(|m| m.manager_id.clone())
            .collect()
    };
    let everyone = people::list(conn)?;
    let history = facts::role_changes(conn)?;
    let top_level = crate::store::skills::frameworks::levels(conn)?
        .values()
        .flat_map(|l| l.iter().map(|l| l.level))
        .max()
        .unwrap_or(4);
    Ok(AsyncFacts {
        pilot_id,
        pilot_name: pilot.name.clone(),
        from,
        to,
        min_group_size: settings::load(conn)?.min_group_size,
        check_in_weeks: super::check_ins::weeks(store)?,
        top_level,
        pilot_group: members(&everyone, &arm(Arm::Pilot), from, &history),
        comparison_group: members(&everyone, &arm(Arm::Comparison), from, &history),
        feedback: facts::feedback(conn)?,
        samples: facts::samples(conn)?,
        reviews: facts::reviews(conn)?,
        flagged: super::check_ins::flags(store, None, today)?
            .into_iter()
            .map(|f| f.person_id)
            .collect(),
    })
}

pub fn report(store: &Store, pilot_id: i64, today: NaiveDate) -> Result<AsyncReport> {
    Ok(build(&facts(store, pilot_id, today)?))
}
