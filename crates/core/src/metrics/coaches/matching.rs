//! Ranking coaches for a coachee from another team: first by how well the coach holds the
//! competency the coachee most needs, then by certified level, then by the lightest
//! current load. No one over the time-credit threshold is suggested (manager overload is
//! the first pitfall), and everyone left out is named with the reason.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::metrics::time_credits::level as load_level;
use crate::model::coaches::{CoachLevel, CompetencyGap, LeftOut, MatchSuggestion};
use crate::model::LoadLevel;
use crate::packs::dates::long_date;

/// The weeks the current load is averaged over.
pub const LOAD_WEEKS: u32 = 4;

/// A coach as the ranking sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub coach_id: String,
    pub name: String,
    pub team: String,
    pub withdrawn: bool,
    /// The valid certification's level and last day, when there is one.
    pub certified: Option<(CoachLevel, NaiveDate)>,
    /// The last day of the most recent certification, when it has expired.
    pub expired_on: Option<NaiveDate>,
    /// The coach's own latest rating on the competency to build.
    pub rating: Option<u32>,
    /// Coaching hours in the last `LOAD_WEEKS` weeks.
    pub recent_hours: f64,
}

/// Who the suggestions are for.
#[derive(Debug, Clone, PartialEq)]
pub struct Coachee<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub team: &'a str,
    pub gap: Option<&'a CompetencyGap>,
}

fn one_decimal(hours: f64) -> String {
    format!("{hours:.1}")
}

fn competency_reason(coachee: &Coachee, rating: Option<u32>) -> String {
    let Some(gap) = coachee.gap else {
        return format!(
            "{} meets every competency their role requires: ranked by level and load",
            coachee.name
        );
    };
    let at = gap
        .level
        .map_or_else(|| "not rated yet".to_string(), |l| format!("at {l}"));
    match rating {
        Some(r) => format!(
            "Rated {r} on {}, where the role asks {} and {} is {at}",
            gap.competency, gap.target, coachee.name
        ),
        None => format!("Not rated on {}", gap.competency),
    }
}

/// The suggestions, best first, and everyone left out. `weekly_load_hours` is the
/// workspace's time-credit threshold.
pub fn suggest(
    coachee: &Coachee,
    candidates: &[Candidate],
    weekly_load_hours: f64,
) -> (Vec<MatchSuggestion>, Vec<LeftOut>) {
    let mut left_out = Vec::new();
    let mut kept: Vec<(&Candidate, CoachLevel, NaiveDate, f64)> = Vec::new();
    for candidate in candidates.iter().filter(|c| c.coach_id != coachee.id) {
        let weekly = candidate.recent_hours / f64::from(LOAD_WEEKS);
        let reason = if candidate.withdrawn {
            Some("Withdrawn as a coach".to_string())
        } else if candidate.team == coachee.team {
            Some(format!(
                "In {}'s own team ({}); matching crosses teams",
                coachee.name, coachee.team
            ))
        } else if candidate.certified.is_none() {
            Some(match candidate.expired_on {
                Some(day) => format!("Certification expired on {}", long_date(day)),
                None => "Not certified yet".to_string(),
            })
        } else if load_level(weekly, weekly_load_hours) == LoadLevel::Over {
            Some(format!(
                "Over the time-credit threshold: {} h a week over the last {LOAD_WEEKS} \
                 weeks against {} h",
                one_decimal(weekly),
                one_decimal(weekly_load_hours)
            ))
        } else {
            None
        };
        match (reason, candidate.certified) {
            (None, Some((level, until))) => kept.push((candidate, level, until, weekly)),
            (reason, _) => left_out.push(LeftOut {
                coach_id: candidate.coach_id.clone(),
                name: candidate.name.clone(),
                reason: reason.unwrap_or_default(),
            }),
        }
    }
    kept.sort_by(|a, b| {
        // Without a competency to build, a rating says nothing about this coachee.
        let rating = |c: &Candidate| c.rating.filter(|_| coachee.gap.is_some()).unwrap_or(0);
        rating(b.0)
            .cmp(&rating(a.0))
            .then(b.1.cmp(&a.1))
            .then(a.3.partial_cmp(&b.3).unwrap_or(Ordering::Equal))
            .then(a.0.name.cmp(&b.0.name))
    });
    let suggestions = kept
        .into_iter()
        .enumerate()
        .map(|(i, (candidate, level, until, weekly))| {
            let load = match load_level(weekly, weekly_load_hours) {
                LoadLevel::Near => format!(
                    "{} h a week over the last {LOAD_WEEKS} weeks, near the {} h threshold",
                    one_decimal(weekly),
                    one_decimal(weekly_load_hours)
                ),
                _ => format!(
                    "{} h a week over the last {LOAD_WEEKS} weeks, under the {} h threshold",
                    one_decimal(weekly),
                    one_decimal(weekly_load_hours)
                ),
            };
            MatchSuggestion {
                rank: i as u32 + 1,
                coach_id: candidate.coach_id.clone(),
                name: candidate.name.clone(),
                team: candidate.team.clone(),
                level,
                valid_until: until,
                competency_rating: candidate.rating,
                weekly_hours: weekly,
                reasons: vec![
                    competency_reason(coachee, candidate.rating),
                    format!("{} until {}", level.label(), long_date(until)),
                    load,
                    format!("From {}, another team", candidate.team),
                ],
            }
        })
        .collect();
    (suggestions, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn coach(
        id: &str,
        team: &str,
        level: Option<CoachLevel>,
        rating: Option<u32>,
        hours: f64,
    ) -> Candidate {
        Candidate {
            coach_id: id.into(),
            name: format!("Coach {id}"),
            team: team.into(),
            withdrawn: false,
            certified: level.map(|l| (l, day("2028-06-30"))),
            expired_on: None,
            rating,
            recent_hours: hours,
        }
    }

    fn gap() -> CompetencyGap {
        CompetencyGap {
            competency: "CE.2 Diagnoses the root cause".into(),
            level: Some(1),
            target: 3,
        }
    }

    #[test]
    fn ranked_by_the_competency_then_level_then_load_with_everyone_left_out_named() {
        let gap = gap();
        let coachee = Coachee {
            id: "E9",
            name: "Sam",
            team: "Support",
            gap: Some(&gap),
        };
        let mut expired = coach("E6", "Sales", None, Some(4), 0.0);
        expired.expired_on = Some(day("2026-12-31"));
        let mut withdrawn = coach("E7", "Sales", Some(CoachLevel::Certified), Some(4), 0.0);
        withdrawn.withdrawn = true;
        let candidates = vec![
            // Threshold 5 h a week: 4 weeks at 20 h is exactly 5 h, not over it.
            coach("E1", "Sales", Some(CoachLevel::Associate), Some(4), 20.0),
            coach("E2", "Sales", Some(CoachLevel::Certified), Some(4), 8.0),
            coach("E3", "Success", Some(CoachLevel::Certified), Some(3), 2.0),
            coach("E4", "Success", Some(CoachLevel::Certified), Some(4), 2.0),
            // 4 weeks at 22 h is 5.5 h a week: over.
            coach("E5", "Success", Some(CoachLevel::Certified), Some(4), 22.0),
            expired,
            withdrawn,
            coach("E8", "Support", Some(CoachLevel::Certified), Some(4), 0.0),
            coach("E10", "Success", None, None, 0.0),
            coach("E11", "Success", Some(CoachLevel::Associate), None, 0.0),
            // The coachee is a coach too: never suggested to themselves, nor listed.
            coach("E9", "Support", Some(CoachLevel::Certified), Some(4), 0.0),
        ];
        let (suggested, left) = suggest(&coachee, &candidates, 5.0);
        let order: Vec<&str> = suggested.iter().map(|s| s.coach_id.as_str()).collect();
        // Rated 4 first; among them certified before associate; E4 (0.5 h a week) before
        // E2 (2 h a week); then the rating of 3, then the unrated.
        assert_eq!(order, vec!["E4", "E2", "E1", "E3", "E11"]);
        assert_eq!(suggested[0].rank, 1);
        assert_eq!(suggested[0].weekly_hours, 0.5);
        assert_eq!(
            suggested[0].reasons,
            vec![
                "Rated 4 on CE.2 Diagnoses the root cause, where the role asks 3 and Sam is at 1",
                "Certified coach until 30 Jun 2028",
                "0.5 h a week over the last 4 weeks, under the 5.0 h threshold",
                "From Success, another team",
            ]
        );
        assert_eq!(
            suggested[2].reasons[2],
            "5.0 h a week over the last 4 weeks, near the 5.0 h threshold"
        );
        assert_eq!(
            suggested[4].reasons[0],
            "Not rated on CE.2 Diagnoses the root cause"
        );
        let reasons: Vec<(&str, &str)> = left
            .iter()
            .map(|l| (l.coach_id.as_str(), l.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (
                    "E5",
                    "Over the time-credit threshold: 5.5 h a week over the last 4 weeks \
                     against 5.0 h"
                ),
                ("E6", "Certification expired on 31 Dec 2026"),
                ("E7", "Withdrawn as a coach"),
                ("E8", "In Sam's own team (Support); matching crosses teams"),
                ("E10", "Not certified yet"),
            ]
        );
    }

    #[test]
    fn without_a_gap_the_level_and_load_decide() {
        let coachee = Coachee {
            id: "E9",
            name: "Sam",
            team: "Support",
            gap: None,
        };
        let candidates = vec![
            coach("E1", "Sales", Some(CoachLevel::Associate), Some(4), 0.0),
            coach("E2", "Sales", Some(CoachLevel::Certified), None, 4.0),
        ];
        let (suggested, _) = suggest(&coachee, &candidates, 5.0);
        // E1's rating counts for nothing without a competency to build: the certified
        // level puts E2 first.
        assert_eq!(suggested[0].coach_id, "E2");
        assert_eq!(
            suggested[0].reasons[0],
            "Sam meets every competency their role requires: ranked by level and load"
        );
    }
}
