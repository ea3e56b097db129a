//! Suggesting coaches for a coachee from another team: ranked by the competency the
//! coachee most needs (their largest gap against their role, read as the agenda generator
//! reads it), the coach's certified level and current load. No one over the time-credit
//! threshold is suggested; who was left out is said, with why.

use chrono::{Duration, NaiveDate};

use crate::error::{Error, Result};
use crate::metrics::coaches::matching::{suggest as rank, Candidate, Coachee, LOAD_WEEKS};
use crate::metrics::coaches::progress;
use crate::model::coaches::{CompetencyGap, MatchReport};
use crate::store::coaches::{certifications, facts, roster};
use crate::store::skills::ratings;
use crate::store::{people, settings, Store};
use crate::workflows::agenda::gather::competency_gaps;

pub fn suggest(store: &Store, coachee_id: &str, today: NaiveDate) -> Result<MatchReport> {
    let conn = store.conn();
    let id = coachee_id.trim();
    if id.is_empty() {
        return Err(Error::invalid_field("coacheeId", "choose the coachee"));
    }
    let Some(coachee) = people::get(conn, id)? else {
        return Err(Error::invalid_field(
            "coacheeId",
            format!("there is no one with the id \"{id}\""),
        ));
    };
    let gap = competency_gaps(conn, &coachee)?
        .into_iter()
        .next()
        .map(|g| CompetencyGap {
            competency: g.competency,
            level: g.level,
            target: g.target,
        });
    let weekly_load_hours = settings::load(conn)?.weekly_load_hours;
    // The last four whole weeks up to today, today included.
    let load_from = today - Duration::days(i64::from(LOAD_WEEKS) * 7 - 1);
    let recent = facts::hours_by_coach(conn, load_from, today)?;
    let ratings = ratings::load(conn, None)?;
    let mut candidates = Vec::new();
    for coach in roster::list(conn)? {
        let certs = certifications::for_coach(conn, &coach.person_id)?;
        let current = progress::current(&certs, today);
        let expired_on = certs
            .iter()
            .filter(|c| c.certified_on <= today)
            .map(|c| c.revoked_on.map_or(c.valid_until, |r| r.min(c.valid_until)))
            .max();
        // Ratings come oldest first, so the last one on the competency is the latest.
        let rating = gap.as_ref().and_then(|gap| {
            ratings
                .iter()
                .rev()
                .find(|r| r.person_id == coach.person_id && r.competency == gap.competency)
                .map(|r| r.level)
        });
        candidates.push(Candidate {
            withdrawn: coach.withdrawn_on.is_some(),
            certified: current.map(|c| (c.level, c.valid_until)),
            expired_on: if current.is_none() { expired_on } else { None },
            rating,
            recent_hours: recent.get(&coach.person_id).copied().unwrap_or(0.0),
            coach_id: coach.person_id,
            name: coach.name,
            team: coach.team,
        });
    }
    let (suggestions, left_out) = rank(
        &Coachee {
            id: &coachee.id,
            name: &coachee.name,
            team: &coachee.team,
            gap: gap.as_ref(),
        },
        &candidates,
        weekly_load_hours,
    );
    Ok(MatchReport {
        coachee_id: coachee.id,
        coachee_name: coachee.name,
        team: coachee.team,
        role: coachee.role,
        gap,
        weekly_load_hours,
        suggestions,
        left_out,
    })
}
