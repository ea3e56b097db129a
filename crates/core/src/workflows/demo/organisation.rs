//! The demo organisation: eighty people in six teams with a manager chain up to the COO,
//! with names and e-mail addresses that look real. Deterministic.

use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::Person;

const EMAIL_DOMAIN: &str = "meridian-logistics.example";

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
