//! The demo workspace: a believable mid-sized organisation and one draft pilot, so a
//! newcomer sees real-looking data on first start. Deterministic, so tests can rely on it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::error::{Error, Result};
use crate::model::{
    MemberFunction, NewPilotInput, Person, Pilot, Practice, TrancheInput, VendorInput,
};
use crate::store::{kpis, people, pilots, risks, settings, Store};

use super::pilots::create_pilot;

pub const DEMO_WORKSPACE_NAME: &str = "Meridian Logistics (demo)";
pub const DEMO_PILOT_NAME: &str = "Sales onboarding coaching pilot";
const EMAIL_DOMAIN: &str = "meridian-logistics.example";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoOutcome {
    Loaded { people: u32, pilot: Box<Pilot> },
    AlreadyLoaded,
}

/// A team: its name, its manager's role, who the manager reports to (by role), the
/// first-line leads under the manager and the roles of everyone else.
struct TeamPlan {
    team: &'static str,
    manager_role: &'static str,
    reports_to: &'static str,
    leads: &'static [&'static str],
    members: &'static [(&'static str, usize)],
}

const LEADERSHIP: &[(&str, &str)] = &[
    ("Dana Whitfield", "Chief Operating Officer"),
    ("Marcus Oyelaran", "VP Sales"),
    ("Priya Raman", "VP Customer Experience"),
    ("Helen Castillo", "Head of People"),
    ("Tomasz Nowak", "Finance Director"),
];

const TEAMS: &[TeamPlan] = &[
    TeamPlan {
        team: "Sales East",
        manager_role: "Regional Sales Manager",
        reports_to: "VP Sales",
        leads: &["Sales Team Lead", "Sales Team Lead"],
        members: &[("Account Executive", 9), ("Sales Development Rep", 5)],
    },
    TeamPlan {
        team: "Sales West",
        manager_role: "Regional Sales Manager",
        reports_to: "VP Sales",
        leads: &["Sales Team Lead", "Sales Team Lead"],
        members: &[("Account Executive", 8), ("Sales Development Rep", 5)],
    },
    TeamPlan {
        team: "Customer Support",
        manager_role: "Support Manager",
        reports_to: "VP Customer Experience",
        leads: &["Support Team Lead", "Support Team Lead"],
        members: &[("Support Specialist", 13), ("Escalations Specialist", 4)],
    },
    TeamPlan {
        team: "Customer Success",
        manager_role: "Customer Success Manager",
        reports_to: "VP Customer Experience",
        leads: &["Customer Success Team Lead"],
        members: &[
            ("Customer Success Associate", 9),
            ("Renewals Specialist", 3),
        ],
    },
    TeamPlan {
        team: "People & Analytics",
        manager_role: "People Operations Manager",
        reports_to: "Head of People",
        leads: &[],
        members: &[
            ("L&D Lead", 1),
            ("HR Business Partner", 2),
            ("People Analyst", 1),
            ("Business Analyst", 1),
            ("Internal Coach", 1),
            ("Learning Coordinator", 1),
        ],
    },
];

pub(crate) const FIRST_NAMES: &[&str] = &[
    "Amara", "Liam", "Sofia", "Kenji", "Fatima", "Noah", "Zoë", "Mateo", "Aisha", "Lukas", "Chloé",
    "Ravi", "Ingrid", "Diego", "Mei", "Oliver", "Nadia", "Samuel", "Yara", "Ethan", "Leila",
    "Jonas", "Camila", "Arjun", "Hannah", "Omar", "Elena", "Kwame", "Isla", "Tariq", "Freya",
    "Andrés", "Hana", "Declan", "Anaïs", "Viktor", "Grace", "Luca", "Nia", "Søren",
];

pub(crate) const LAST_NAMES: &[&str] = &[
    "Okafor",
    "Bennett",
    "Marchetti",
    "Tanaka",
    "Haddad",
    "Lindqvist",
    "Moreau",
    "Silva",
    "Kowalski",
    "Nguyen",
    "Fischer",
    "Mensah",
    "O'Brien",
    "Patel",
    "Dubois",
    "Hernández",
    "Novak",
    "Sato",
    "Eriksen",
    "Adeyemi",
    "Rossi",
    "Kaplan",
    "Walsh",
    "Zhang",
    "Ibrahim",
    "Schneider",
    "Costa",
    "Murphy",
    "Jansen",
    "Ahmed",
    "Kim",
    "Larsen",
    "Vargas",
    "Brennan",
    "Yilmaz",
    "Lefebvre",
    "Owusu",
    "Kovač",
    "Morales",
    "Hughes",
];

/// Loads the demo organisation and its draft pilot into an empty workspace. A workspace that
/// already holds the demo is left as it is; one holding other data is refused, untouched.
pub fn load_demo(store: &mut Store, today: NaiveDate) -> Result<DemoOutcome> {
    if settings::get(store.conn(), settings::DEMO_LOADED)?.is_some() {
        return Ok(DemoOutcome::AlreadyLoaded);
    }
    if people::count(store.conn())? > 0 || pilots::count(store.conn())? > 0 {
        return Err(Error::Conflict(
            "this workspace already holds people or pilots; the demo loads only into an empty \
             workspace (use a new --db file)"
                .into(),
        ));
    }

    let mut organisation = demo_organisation();
    // Nobody in a workspace has a hire date still to come: imports refuse those, and an
    // exported demo must import back.
    for person in &mut organisation {
        person.hire_date = person.hire_date.map(|d| d.min(today));
    }
    let role_holder = |role: &str| {
        organisation
            .iter()
            .find(|p| p.role == role)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    // The L&D lead designs the demo pilot, so the demo's changes are recorded as theirs.
    let designer = role_holder("L&D Lead");
    let sponsor = role_holder("VP Sales");
    let tx = store.write()?;
    for person in &organisation {
        people::insert(&tx, person, today)?;
    }
    settings::set(&tx, settings::WORKSPACE_NAME, DEMO_WORKSPACE_NAME)?;
    settings::set(&tx, settings::CURRENCY, "USD")?;
    settings::set(&tx, settings::CURRENT_USER, &designer)?;
    settings::set(&tx, settings::DEMO_LOADED, "true")?;
    tx.commit()?;

    let pilot = create_pilot(
        store,
        &NewPilotInput {
            name: DEMO_PILOT_NAME.into(),
            objective: "Shorten new account executives' time to first closed deal by coaching \
                        four onboarding moments twice a week for 90 days."
                .into(),
            workflows: Vec::new(),
            start_date: demo_start_date(today).to_string(),
            sponsor,
            budget: "18000".into(),
            // Real playbooks and KPIs, with baselines and the cohort still to do, so the
            // checklist shows a newcomer what comes next.
            templates: vec!["sales-onboarding".into(), "customer-escalation".into()],
        },
    )?;
    seed_governance(store, &organisation, &pilot, today)?;
    Ok(DemoOutcome::Loaded {
        people: organisation.len() as u32,
        pilot: Box::new(pilot),
    })
}

/// The steering group, the default quorum rule (from the schema), a vendor proposal with
/// its privacy checklist, owners for the seeded risk register and the pilot's tranches, so
/// a newcomer sees governance populated.
fn seed_governance(
    store: &mut Store,
    organisation: &[Person],
    pilot: &Pilot,
    today: NaiveDate,
) -> Result<()> {
    let id_of = |role: &str| {
        organisation
            .iter()
            .find(|p| p.role == role)
            .map(|p| p.id.clone())
            .ok_or_else(|| Error::Conflict(format!("the demo organisation has no {role}")))
    };
    let members = [
        ("Head of People", MemberFunction::Hr),
        ("People Analyst", MemberFunction::Analytics),
        ("Finance Director", MemberFunction::Finance),
        ("VP Sales", MemberFunction::Frontline),
        ("VP Customer Experience", MemberFunction::Frontline),
        ("Chief Operating Officer", MemberFunction::Other),
    ];
    let owners = [
        (Practice::MicroCoaching, "L&D Lead"),
        (Practice::AiAssisted, "L&D Lead"),
        (Practice::SkillsAsAService, "Learning Coordinator"),
        (Practice::CoachingAnalytics, "People Analyst"),
        (Practice::CoachingNetworks, "Internal Coach"),
        (Practice::AsyncCompetency, "HR Business Partner"),
        (Practice::General, "Head of People"),
    ];
    let actor = super::audit::actor(store.conn())?;
    let tx = store.write()?;
    for (role, function) in members {
        super::steering::add_member_in(&tx, &actor, &id_of(role)?, function)?;
    }
    for (practice, role) in owners {
        risks::assign_unowned(&tx, practice, &id_of(role)?)?;
    }
    tx.commit()?;

    super::vendors::save_vendor(
        store,
        None,
        &VendorInput {
            pilot_id: Some(pilot.id),
            vendor: "Northstar Coaching Labs".into(),
            offering: "Micro-coaching platform: in-workflow prompts for managers, AI-suggested \
                       1:1 agendas and a library of skill modules"
                .into(),
            pricing: "per_seat".into(),
            unit_price: "120".into(),
            contract_months: "12".into(),
            personal_data: "Name, work email, team and role of managers and coachees; the \
                            coaching notes managers choose to log; module completion"
                .into(),
            storage_location: "European Union: AWS eu-central-1 (Frankfurt)".into(),
            retention: "The contract term plus 90 days, then deleted; aggregate statistics kept \
                        without identifiers"
                .into(),
            sub_processors: "Amazon Web Services (hosting); Postmark (email); OpenAI (agenda \
                             suggestions, no training on customer data)"
                .into(),
        },
    )?;

    // Most of the budget is released on approval; the rest waits for the first KPI.
    let first_kpi = kpis::for_pilot(store.conn(), pilot.id)?
        .first()
        .map(|k| k.id);
    super::tranches::add_tranche(
        store,
        pilot.id,
        &TrancheInput {
            label: "Launch tranche".into(),
            amount: "10800".into(),
            kpi_id: None,
        },
        today,
    )?;
    if first_kpi.is_some() {
        super::tranches::add_tranche(
            store,
            pilot.id,
            &TrancheInput {
                label: "Outcome tranche".into(),
                amount: "7200".into(),
                kpi_id: first_kpi,
            },
            today,
        )?;
    }
    Ok(())
}

/// The Monday at least three weeks out: time to get the pilot approved before it starts.
pub fn demo_start_date(today: NaiveDate) -> NaiveDate {
    let mut date = today + Duration::days(21);
    while date.weekday() != Weekday::Mon {
        date += Duration::days(1);
    }
    date
}

/// Eighty people in six teams, each with a manager chain up to the COO.
pub fn demo_organisation() -> Vec<Person> {
    let mut rng = ChaCha8Rng::seed_from_u64(90);
    let mut people: Vec<Person> = Vec::new();
    let mut next_name = 0usize;
    let mut add = |people: &mut Vec<Person>, team: &str, role: &str, manager: Option<String>| {
        let index = next_name;
        next_name += 1;
        let (name, email) = if index < LEADERSHIP.len() {
            let name = LEADERSHIP[index].0.to_string();
            let email = email_for(&name);
            (name, email)
        } else {
            let n = index - LEADERSHIP.len();
            let first = FIRST_NAMES[n % FIRST_NAMES.len()];
            let last = LAST_NAMES[(n * 7 + n / FIRST_NAMES.len() + 3) % LAST_NAMES.len()];
            let name = format!("{first} {last}");
            let email = email_for(&name);
            (name, email)
        };
        let years_ago = if role.contains("Lead") || role.contains("Manager") || manager.is_none() {
            rng.gen_range(3..12)
        } else {
            rng.gen_range(0..6)
        };
        let hire_date = NaiveDate::from_ymd_opt(2026 - years_ago, 1, 1)
            .map(|d| d + Duration::days(rng.gen_range(0..330)));
        let id = format!("E{}", 1001 + index);
        people.push(Person {
            id: id.clone(),
            name,
            email,
            team: team.to_string(),
            role: role.to_string(),
            manager_id: manager,
            hire_date,
            leaving_date: None,
        });
        id
    };

    let mut leader_ids: Vec<(&str, String)> = Vec::new();
    for (position, (_, role)) in LEADERSHIP.iter().enumerate() {
        let manager = if position == 0 {
            None
        } else {
            Some(leader_ids[0].1.clone())
        };
        let id = add(&mut people, "Leadership", role, manager);
        leader_ids.push((role, id));
    }

    for plan in TEAMS {
        let boss = leader_ids
            .iter()
            .find(|(role, _)| *role == plan.reports_to)
            .map(|(_, id)| id.clone());
        let manager = add(&mut people, plan.team, plan.manager_role, boss);
        let leads: Vec<String> = plan
            .leads
            .iter()
            .map(|role| add(&mut people, plan.team, role, Some(manager.clone())))
            .collect();
        let mut slot = 0usize;
        for (role, count) in plan.members {
            for _ in 0..*count {
                let reports_to = if leads.is_empty() {
                    manager.clone()
                } else {
                    leads[slot % leads.len()].clone()
                };
                slot += 1;
                add(&mut people, plan.team, role, Some(reports_to));
            }
        }
    }
    people
}

fn email_for(name: &str) -> String {
    format!("{}@{EMAIL_DOMAIN}", email_local_part(name))
}

/// "Zoë O'Brien" -> "zoe.obrien".
pub(crate) fn email_local_part(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            'á' | 'à' | 'ä' => Some('a'),
            'é' | 'è' | 'ë' => Some('e'),
            'í' | 'ï' => Some('i'),
            'ó' | 'ö' | 'ø' => Some('o'),
            'ú' | 'ü' => Some('u'),
            'ç' | 'č' => Some('c'),
            'ł' => Some('l'),
            'ñ' => Some('n'),
            ' ' => Some('.'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}
