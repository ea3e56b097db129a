//! A person in context, for their page: the pilots they are in and on which arm, the
//! coaching they gave and received, their time credits and their skills.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{
    Arm, Cohort, ComparisonDesign, Person, PersonCoaching, PersonCredits, PersonPage, PersonPilot,
    PilotPart,
};
use crate::store::{cohort, events, people, pilots, Store};

use super::credits::{manager_credits, WEEKS_DEFAULT};
use super::skills::report;

/// How many of a person's latest coaching moments their page lists.
pub const LATEST_MOMENTS: u32 = 8;

pub fn person_page(store: &Store, person_id: &str, today: NaiveDate) -> Result<PersonPage> {
    let conn = store.conn();
    let person_id = person_id.trim();
    let person = people::get(conn, person_id)?.ok_or_else(|| Error::NotFound {
        entity: "person",
        id: person_id.to_string(),
    })?;
    let everyone = people::by_id(conn)?;
    let manager_name = person.manager_id.as_ref().map(|id| {
        everyone
            .get(id)
            .map_or_else(|| id.clone(), |m| m.name.clone())
    });
    let reports = everyone
        .values()
        .filter(|p| p.manager_id.as_deref() == Some(person.id.as_str()))
        .count() as u32;

    let mut in_pilots = Vec::new();
    for summary in pilots::list(conn)? {
        let cohort = cohort::load(conn, summary.id)?;
        if let Some((part, arm, wave, through)) = place_in(&cohort, &person) {
            in_pilots.push(PersonPilot {
                pilot_id: summary.id,
                pilot_name: summary.name.clone(),
                status: summary.status,
                part,
                arm: arm_label(cohort.design, arm).into(),
                wave,
                through,
            });
        }
    }

    let (given, given_minutes, received, received_minutes) =
        events::person_totals(conn, &person.id)?;
    let coaching = PersonCoaching {
        given,
        given_minutes,
        received,
        received_minutes,
        latest: events::latest_for_person(conn, &person.id, LATEST_MOMENTS)?,
    };

    let credits = manager_credits(store, WEEKS_DEFAULT, &person.id, today)?
        .managers
        .into_iter()
        .find(|m| m.manager_id == person.id && m.total_hours > 0.0)
        .map(|m| PersonCredits {
            weeks: WEEKS_DEFAULT,
            hours: m.total_hours,
            credits: m.total_credits,
            overloaded_weeks: m.overloaded_weeks,
        });

    let profile = report::profile(store, &person.id, today)?;
    let skills = (!profile.assignments.is_empty()
        || !profile.ratings.is_empty()
        || !profile.requirements.is_empty())
    .then_some(profile);

    Ok(PersonPage {
        manager_name,
        reports,
        pilots: in_pilots,
        coaching,
        credits,
        skills,
        person,
    })
}

/// Where a person sits in a pilot's cohort: as a manager in it, or through their manager.
fn place_in(cohort: &Cohort, person: &Person) -> Option<(PilotPart, Arm, Option<u32>, String)> {
    if let Some(member) = cohort.members.iter().find(|m| m.manager_id == person.id) {
        return Some((
            PilotPart::Manager,
            member.arm,
            member.wave,
            member.manager_name.clone(),
        ));
    }
    let manager = person.manager_id.as_deref()?;
    cohort
        .members
        .iter()
        .find(|m| m.manager_id == manager)
        .map(|m| (PilotPart::TeamMember, m.arm, m.wave, m.manager_name.clone()))
}

/// The comparison arm of a randomised waitlist is coached later, so it is the waitlist.
pub fn arm_label(design: ComparisonDesign, arm: Arm) -> &'static str {
    match (arm, design) {
        (Arm::Pilot, _) => "Pilot",
        (Arm::Comparison, ComparisonDesign::RandomisedWaitlist) => "Waitlist",
        (Arm::Comparison, _) => "Comparison",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comparison_arm_of_a_waitlist_design_is_called_the_waitlist() {
        assert_eq!(
            arm_label(ComparisonDesign::RandomisedWaitlist, Arm::Comparison),
            "Waitlist"
        );
        assert_eq!(
            arm_label(ComparisonDesign::MatchedTeams, Arm::Comparison),
            "Comparison"
        );
        assert_eq!(
            arm_label(ComparisonDesign::RandomisedWaitlist, Arm::Pilot),
            "Pilot"
        );
    }
}
