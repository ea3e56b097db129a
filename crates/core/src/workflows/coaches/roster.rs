//! The coaches: nominating, recording training, the list with each coach's level and
//! progress, one coach's page, and what the readiness checklist reads.

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate};
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::metrics::coaches::progress::{self, Evidence};
use crate::model::coaches::{
    Certification, Coach, CoachLevel, CoachProgress, CoachStatus, CoachSummary, LevelProgress,
    NominateInput, Standard, TrainingInput,
};
use crate::model::{Arm, Cohort, PersonChoice};
use crate::packs::dates::long_date;
use crate::store::coaches::{certifications, evidence, facts, roster};
use crate::store::{people, settings, Store};
use crate::workflows::pilots::Problems;
use crate::workflows::readiness::CoachFacts;
use crate::workflows::record_change;

use super::{active_coach, day_or_today, person, standard, NOTE_MAX};

/// The first day whose evidence counts today.
pub(crate) fn evidence_from(standard: &Standard, today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(standard.criteria.evidence_months))
        .unwrap_or(NaiveDate::MIN)
}

/// What the data says about a coach within the standard's evidence window.
pub(crate) fn evidence_of(
    conn: &Connection,
    coach: &Coach,
    standard: &Standard,
    today: NaiveDate,
) -> Result<Evidence> {
    let from = evidence_from(standard, today);
    let window = |day: NaiveDate| day >= from && day <= today;
    Ok(Evidence {
        trained_on: coach.trained_on.filter(|d| *d <= today),
        hours: facts::hours_of(conn, &coach.person_id, from, today)?,
        observation_means: evidence::observations(conn, &coach.person_id, &[])?
            .into_iter()
            .filter(|o| window(o.observed_on))
            .map(|o| o.mean_score)
            .collect(),
        ratings: evidence::feedback(conn, &coach.person_id)?
            .into_iter()
            .filter(|f| window(f.given_on))
            .map(|f| f.rating)
            .collect(),
    })
}

/// Each level's criteria evaluated, and whether certifying at it may go ahead.
pub(crate) fn levels(
    standard: &Standard,
    evidence: &Evidence,
    certifications: &[Certification],
    withdrawn: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<LevelProgress> {
    standard
        .criteria
        .levels
        .iter()
        .map(|criteria| {
            let evaluated = progress::criteria(criteria, evidence);
            let met = evaluated.iter().all(|c| c.met);
            let blocked = match withdrawn {
                Some(day) => Some(format!("Withdrawn as a coach on {}", long_date(day))),
                None => progress::blocked(
                    criteria.level,
                    &evaluated,
                    certifications,
                    standard.criteria.renewal_days,
                    today,
                ),
            };
            LevelProgress {
                level: criteria.level,
                criteria: evaluated,
                met,
                blocked,
            }
        })
        .collect()
}

/// Nominates a person as an internal coach. The nominator is the manager named, or the
/// current user.
pub fn nominate(store: &mut Store, input: &NominateInput, today: NaiveDate) -> Result<Coach> {
    let conn = store.conn();
    let mut problems = Problems::default();
    let nominee = person(conn, &mut problems, "personId", &input.person_id)?;
    if let Some(nominee) = &nominee {
        if let Some(existing) = roster::get(conn, &nominee.id)? {
            problems.add(
                "personId",
                format!(
                    "{} was nominated on {} by {}",
                    existing.name,
                    long_date(existing.nominated_on),
                    existing.nominated_by
                ),
            );
        }
    }
    let workspace = settings::load(conn)?;
    let nominator = if input.nominated_by.trim().is_empty() {
        workspace
            .current_user_id
            .clone()
            .unwrap_or_else(|| workspace.current_user.clone())
    } else {
        person(conn, &mut problems, "nominatedBy", &input.nominated_by)?
            .map(|p| p.id)
            .unwrap_or_default()
    };
    if nominee.as_ref().is_some_and(|n| n.id == nominator) {
        problems.add("nominatedBy", "a coach is nominated by someone else");
    }
    problems.limit("note", input.note.trim(), NOTE_MAX);
    let Some(nominee) = nominee else {
        return Err(Error::invalid(problems.0));
    };
    problems.into_result(|| ())?;
    let tx = store.write()?;
    super::standard::ensure_in(&tx)?;
    roster::insert(
        &tx,
        &roster::NewCoach {
            person_id: &nominee.id,
            nominated_by: &nominator,
            nominated_on: today,
            note: input.note.trim(),
        },
    )?;
    record_change(
        &tx,
        "coach",
        &nominee.id,
        "nominated",
        &format!("Nominated {} as an internal coach", nominee.name),
    )?;
    tx.commit()?;
    roster::get(store.conn(), &nominee.id)?.ok_or_else(|| Error::NotFound {
        entity: "coach",
        id: nominee.id.clone(),
    })
}

/// Records the day the coach completed coach training.
pub fn train(store: &mut Store, input: &TrainingInput, today: NaiveDate) -> Result<Coach> {
    let coach = active_coach(store.conn(), &input.coach_id)?;
    let mut problems = Problems::default();
    let day = day_or_today(&mut problems, "trainedOn", &input.trained_on, today);
    let Some(day) = day else {
        return Err(Error::invalid(problems.0));
    };
    let tx = store.write()?;
    roster::set_trained(&tx, &coach.person_id, day)?;
    record_change(
        &tx,
        "coach",
        &coach.person_id,
        "trained",
        &format!(
            "{} completed coach training on {}",
            coach.name,
            long_date(day)
        ),
    )?;
    tx.commit()?;
    roster::get(store.conn(), &coach.person_id)?.ok_or_else(|| Error::NotFound {
        entity: "coach",
        id: coach.person_id.clone(),
    })
}

/// The level progress is shown toward: the one above the valid certification, or the
/// current one when it is the highest (its renewal).
fn target_level(current: Option<&Certification>) -> CoachLevel {
    match current.map(|c| c.level) {
        None => CoachLevel::Associate,
        Some(_) => CoachLevel::Certified,
    }
}

fn summary(
    conn: &Connection,
    coach: Coach,
    standard: &Standard,
    today: NaiveDate,
) -> Result<CoachSummary> {
    let evidence = evidence_of(conn, &coach, standard, today)?;
    let certs = certifications::for_coach(conn, &coach.person_id)?;
    let current = progress::current(&certs, today);
    let mut target = target_level(current);
    let evaluate = |level: CoachLevel| {
        standard
            .criteria
            .level(level)
            .map(|l| progress::criteria(l, &evidence))
            .unwrap_or_default()
    };
    // Someone not yet certified who already meets the associate level is shown working
    // toward the next one.
    if current.is_none() && evaluate(CoachLevel::Associate).iter().all(|c| c.met) {
        target = CoachLevel::Certified;
    }
    let criteria = evaluate(target);
    Ok(CoachSummary {
        status: progress::status(coach.withdrawn_on.is_some(), &certs, &evidence, today),
        level: current.map(|c| c.level),
        valid_until: current.map(|c| c.valid_until),
        expiring_soon: current.is_some_and(|c| progress::expiring_soon(c.valid_until, today)),
        target_level: target,
        criteria_met: criteria.iter().filter(|c| c.met).count() as u32,
        criteria_total: criteria.len() as u32,
        hours: evidence.hours,
        coach,
    })
}

/// Every coach with their level, expiry and progress, by name.
pub fn list(store: &Store, today: NaiveDate) -> Result<Vec<CoachSummary>> {
    let conn = store.conn();
    let standard = standard::current_in(conn)?;
    roster::list(conn)?
        .into_iter()
        .map(|coach| summary(conn, coach, &standard, today))
        .collect()
}

/// Who may observe and score a coach's sessions on `day`: the standard's approved
/// assessors (by id or role) and everyone holding a valid certification at the certified
/// level; never the coach themselves.
pub(crate) fn assessors(
    conn: &Connection,
    standard: &Standard,
    coach_id: &str,
    day: NaiveDate,
) -> Result<Vec<PersonChoice>> {
    let certified: BTreeSet<String> = certifications::all(conn)?
        .into_iter()
        .filter(|c| c.level == CoachLevel::Certified && progress::is_valid(c, day))
        .map(|c| c.coach_id)
        .collect();
    let criteria = &standard.criteria;
    Ok(people::list(conn)?
        .into_iter()
        .filter(|p| p.id != coach_id)
        .filter(|p| {
            certified.contains(&p.id)
                || criteria.approved_assessors.contains(&p.id)
                || criteria
                    .approved_assessor_roles
                    .iter()
                    .any(|role| role.trim().eq_ignore_ascii_case(p.role.trim()))
        })
        .map(|p| PersonChoice {
            id: p.id,
            name: p.name,
            team: p.team,
            role: p.role,
        })
        .collect())
}

/// Everything a coach's page shows.
pub fn progress(store: &Store, coach_id: &str, today: NaiveDate) -> Result<CoachProgress> {
    let conn = store.conn();
    let Some(coach) = roster::get(conn, coach_id.trim())? else {
        return Err(Error::NotFound {
            entity: "coach",
            id: coach_id.trim().to_string(),
        });
    };
    let standard = standard::current_in(conn)?;
    let evidence = evidence_of(conn, &coach, &standard, today)?;
    let certs = certifications::for_coach(conn, &coach.person_id)?;
    let labels: Vec<(String, String)> = standard
        .criteria
        .rubric
        .iter()
        .map(|i| (i.key.clone(), i.label.clone()))
        .collect();
    Ok(CoachProgress {
        status: progress::status(coach.withdrawn_on.is_some(), &certs, &evidence, today),
        levels: levels(&standard, &evidence, &certs, coach.withdrawn_on, today),
        current: progress::current(&certs, today).cloned(),
        observations: evidence::observations(conn, &coach.person_id, &labels)?,
        feedback: evidence::feedback(conn, &coach.person_id)?,
        hours: evidence.hours,
        assessors: assessors(conn, &standard, &coach.person_id, today)?,
        coachees: facts::coachees_of(conn, &coach.person_id)?,
        certifications: certs,
        standard,
        coach,
    })
}

/// The coaches in a pilot's teams (its pilot arm's teams and managers), for the
/// checklist's certified-coaches item.
pub fn readiness_facts(conn: &Connection, cohort: &Cohort, today: NaiveDate) -> Result<CoachFacts> {
    let teams: BTreeSet<String> = cohort.teams(Arm::Pilot).into_iter().collect();
    let managers: BTreeSet<&str> = cohort
        .members
        .iter()
        .filter(|m| m.arm == Arm::Pilot)
        .map(|m| m.manager_id.as_str())
        .collect();
    let mut facts = CoachFacts::default();
    for coach in roster::list(conn)? {
        let in_teams = teams.contains(&coach.team) || managers.contains(coach.person_id.as_str());
        if !in_teams || coach.withdrawn_on.is_some() {
            continue;
        }
        let certs = certifications::for_coach(conn, &coach.person_id)?;
        match progress::current(&certs, today) {
            Some(c) => facts.certified.push((coach.name, c.level, c.valid_until)),
            None => facts.in_progress += 1,
        }
    }
    Ok(facts)
}

/// A coach's status as the list shows it, in words.
pub fn status_text(summary: &CoachSummary) -> String {
    match (summary.status, summary.level, summary.valid_until) {
        (CoachStatus::Certified, Some(level), Some(until)) => format!(
            "{} until {}{}",
            level.label(),
            long_date(until),
            if summary.expiring_soon {
                " (expiring soon)"
            } else {
                ""
            }
        ),
        (status, _, _) => status.label().to_string(),
    }
}
