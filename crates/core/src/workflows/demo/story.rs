//! The demo's story: besides the pilot in design, a pilot approved and running with two
//! months of data, and one finished with its day-90 outcome decided and its outcome pack
//! printed, so a newcomer sees every state of the lifecycle and a pack on the table.

use chrono::{Datelike, Duration, NaiveDate};

use crate::error::Result;
use crate::model::HourlyCostInput;
use crate::store::{people, settings, Store};
use crate::workflows::analytics;

use super::data::KpiShape;
use super::past_pilots::{
    decide_outcome, packs_folder, run_past_pilot, save_monthly, Cast, Line, PastPilot, Roles,
};
use super::{load_demo, DemoOutcome};

pub const RUNNING_PILOT_NAME: &str = "Support escalation pilot";
pub const FINISHED_PILOT_NAME: &str = "Sales pipeline coaching pilot";

/// The Monday on or before a day.
fn monday_before(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Who plays each part in the demo's pilots.
const DEMO_ROLES: Roles = Roles {
    lead: "L&D Lead",
    hr: "Head of People",
    analytics: "People Analyst",
    finance: "Finance Director",
    frontline: ["VP Sales", "VP Customer Experience"],
    chief: "Chief Operating Officer",
};

/// What an hour of the demo's roles costs.
const HOURLY_COSTS: &[(&str, &str)] = &[
    ("Sales Team Lead", "75"),
    ("Regional Sales Manager", "90"),
    ("Support Team Lead", "60"),
    ("Customer Success Team Lead", "62"),
    ("Account Executive", "55"),
    ("Sales Development Rep", "40"),
    ("Support Specialist", "38"),
    ("Escalations Specialist", "45"),
    ("Customer Success Associate", "42"),
    ("Renewals Specialist", "44"),
];

/// A pilot's budget lines: platform seats for its managers, prompt cards and the analytics.
pub(crate) fn platform_lines(platform: &str, seats: &str) -> Vec<Line> {
    vec![
        (
            "vendor".into(),
            format!("{platform}: manager seats"),
            "per_seat",
            "120".into(),
            seats.into(),
        ),
        (
            "tooling".into(),
            "Prompt cards and calendar nudges".into(),
            "fixed",
            "1500".into(),
            "1".into(),
        ),
        (
            "analytics".into(),
            "KPI extracts and the monthly dashboard".into(),
            "fixed",
            "2500".into(),
            "1".into(),
        ),
    ]
}

/// Gives the first person of each (team, role) a leaving date, recorded on that day.
fn leavers(store: &mut Store, today: NaiveDate, plan: &[(&str, &str, NaiveDate)]) -> Result<()> {
    let everyone = people::list(store.conn())?;
    for (team, role, day) in plan.iter().filter(|(_, _, day)| *day < today) {
        let Some(person) = everyone.iter().find(|p| p.team == *team && p.role == *role) else {
            continue;
        };
        let mut left = person.clone();
        left.leaving_date = Some(*day);
        let stamp = day.and_hms_opt(17, 0, 0).unwrap_or_default().and_utc();
        crate::workflows::stamped_at(stamp, || -> Result<()> {
            let tx = store.write()?;
            let mut writer = people::PersonWriter::new(&tx, *day, None)?;
            writer.write(&left)?;
            drop(writer);
            tx.commit()?;
            Ok(())
        })?;
    }
    Ok(())
}

/// The organisation, the pilot in design and the governance, then the story. It is built in
/// a scratch database and copied into the workspace in one step: the story takes hundreds of
/// transactions, and a workspace left with part of it would read as "already loaded".
pub fn load_full_demo(store: &mut Store, today: NaiveDate) -> Result<DemoOutcome> {
    if let Some(outcome) = super::refuse_unless_empty(store)? {
        return Ok(outcome);
    }
    let mut scratch = Store::scratch_beside(store.path())?;
    let outcome = load_demo(&mut scratch, today)?;
    load_demo_story(&mut scratch, today)?;
    store.replace_content_with(&scratch)?;
    Ok(outcome)
}

/// The running and the finished pilot, with their data, decisions and packs. The packs
/// are printed beside a workspace file, in a folder named after it.
pub fn load_demo_story(store: &mut Store, today: NaiveDate) -> Result<()> {
    let finished_start = monday_before(today - Duration::days(102));
    let running_start = monday_before(today - Duration::days(62));
    // People leave during pilots too: one in each group of the finished pilot and one in the
    // running pilot's team, so the flight-risk signals have something to say.
    leavers(
        store,
        today,
        &[
            (
                "Sales West",
                "Account Executive",
                finished_start + Duration::days(50),
            ),
            (
                "Sales East",
                "Sales Development Rep",
                finished_start + Duration::days(70),
            ),
            (
                "Customer Support",
                "Support Specialist",
                running_start + Duration::days(35),
            ),
        ],
    )?;
    let organisation = people::list(store.conn())?;
    let packs_folder = packs_folder(store);
    let cast = Cast {
        people: &organisation,
        roles: &DEMO_ROLES,
        today,
        packs_folder,
    };
    for (role, cost) in HOURLY_COSTS {
        analytics::set_hourly_cost(
            store,
            &HourlyCostInput {
                role: (*role).into(),
                cost: (*cost).into(),
            },
        )?;
    }
    let lines = |seats: &str| platform_lines("Northstar coaching platform", seats);
    let finished = run_past_pilot(
        store,
        &cast,
        &PastPilot {
            name: FINISHED_PILOT_NAME,
            objective: "Shorten the time from first meeting to closed deal in Sales East by \
                        coaching discovery and next-step moments twice a week.",
            template: "sales-onboarding",
            start: finished_start,
            sponsor_role: "VP Sales",
            budget: "15000",
            ai_agenda: "account executives' weekly pipeline 1:1s",
            pilot_teams: vec!["Sales East".into()],
            comparison_teams: vec!["Sales West".into()],
            kpis: vec![
                (
                    5.0,
                    KpiShape {
                        level: 62.0,
                        person_spread: 6.0,
                        noise: 4.0,
                        effect: -7.0,
                    },
                ),
                (
                    2.5,
                    KpiShape {
                        level: 24.0,
                        person_spread: 4.0,
                        noise: 3.0,
                        effect: 4.0,
                    },
                ),
            ],
            lines: lines("4"),
            affected: ("40", "new account executives a year"),
            seed: 2026,
            baseline_days: 150,
            platform_spend: "7200".into(),
        },
    )?;
    decide_outcome(store, &cast, finished, finished_start + Duration::days(90))?;

    let running = run_past_pilot(
        store,
        &cast,
        &PastPilot {
            name: RUNNING_PILOT_NAME,
            objective: "Resolve more escalated tickets at first contact by coaching the \
                        diagnosis and ownership moments of the escalation playbook.",
            template: "customer-escalation",
            start: running_start,
            sponsor_role: "VP Customer Experience",
            budget: "15000",
            ai_agenda: "support specialists' escalation debriefs",
            pilot_teams: vec!["Customer Support".into()],
            comparison_teams: vec!["Customer Success".into()],
            kpis: vec![
                (
                    3.0,
                    KpiShape {
                        level: 71.0,
                        person_spread: 4.0,
                        noise: 3.0,
                        effect: 5.0,
                    },
                ),
                (
                    1.5,
                    KpiShape {
                        level: 12.0,
                        person_spread: 2.0,
                        noise: 1.5,
                        effect: -2.5,
                    },
                ),
            ],
            lines: lines("2"),
            affected: ("17", "support specialists"),
            seed: 2027,
            baseline_days: 150,
            platform_spend: "7200".into(),
        },
    )?;
    super::skills::seed_running_pilot(store, running, "Customer Support", running_start, today)?;
    super::portfolio::seed(store, "Customer Support", today)?;
    super::agendas::seed(store, running)?;
    super::coaches::seed(store, today)?;
    save_monthly(store, &cast, running)?;
    settings::end_session(store.conn())?;
    Ok(())
}
