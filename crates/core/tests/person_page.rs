//! A person in context: their pilots and arm, the coaching they gave and received, their
//! time credits and skills.

mod support;

use pilotdesk_core::model::{Arm, PilotPart, PilotStatus};
use pilotdesk_core::store::cohort;
use pilotdesk_core::workflows::person_page::person_page;
use pilotdesk_core::workflows::{pilots, workspace};
use pilotdesk_core::Error;
use support::{date, demo_store};

#[test]
fn a_cohort_manager_and_one_of_their_team_see_the_pilot_arm_and_coaching() {
    // The whole demo: a pilot running with two months of coaching.
    let today = date("2026-11-23");
    let mut store = pilotdesk_core::Store::open_in_memory().unwrap();
    pilotdesk_core::workflows::demo::load_full_demo(&mut store, today).unwrap();
    let running = pilots::list_pilots(&store)
        .unwrap()
        .into_iter()
        .find(|p| p.status == PilotStatus::Day45Review)
        .expect("the demo's running pilot");
    let cohort = cohort::load(store.conn(), running.id).unwrap();
    let manager = cohort.members.iter().find(|m| m.arm == Arm::Pilot).unwrap();

    let page = person_page(&store, &manager.manager_id, today).unwrap();
    let in_pilot = page
        .pilots
        .iter()
        .find(|p| p.pilot_id == running.id)
        .expect("the manager is in the running pilot");
    assert_eq!(in_pilot.part, PilotPart::Manager);
    assert_eq!(in_pilot.arm, "Pilot");
    assert!(page.reports > 0);
    assert!(page.coaching.given > 0, "a pilot manager coached");
    assert!(page.coaching.given_minutes > 0);
    assert!(page.coaching.latest.len() <= 8);
    let credits = page
        .credits
        .as_ref()
        .expect("their coaching earns time credits");
    // Worked out for them alone, the figures are those of the whole report.
    let everyone =
        pilotdesk_core::workflows::credits::time_credits(&store, 8, None, today).unwrap();
    let theirs = everyone
        .managers
        .iter()
        .find(|m| m.manager_id == manager.manager_id)
        .unwrap();
    assert_eq!(credits.hours, theirs.total_hours);
    assert_eq!(credits.credits, theirs.total_credits);
    assert_eq!(credits.overloaded_weeks, theirs.overloaded_weeks);

    let report = workspace::list_people(&store)
        .unwrap()
        .into_iter()
        .find(|p| p.manager_id.as_deref() == Some(manager.manager_id.as_str()))
        .unwrap();
    let theirs = person_page(&store, &report.id, today).unwrap();
    let in_team = theirs
        .pilots
        .iter()
        .find(|p| p.pilot_id == running.id)
        .expect("the team member is in the pilot through their manager");
    assert_eq!(in_team.part, PilotPart::TeamMember);
    assert_eq!(in_team.through, manager.manager_name);
    assert_eq!(
        theirs.manager_name.as_deref(),
        Some(manager.manager_name.as_str())
    );
    assert!(theirs.credits.is_none(), "they coached no one");
}

#[test]
fn someone_not_in_people_is_named_in_the_error() {
    let store = demo_store();
    let Error::NotFound { entity, id } =
        person_page(&store, " E9999 ", date("2026-11-23")).unwrap_err()
    else {
        panic!("an unknown person is not found");
    };
    assert_eq!((entity, id.as_str()), ("person", "E9999"));
}
