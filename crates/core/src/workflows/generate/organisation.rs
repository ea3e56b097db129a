//! The generated organisation: function heads, directors, first-line managers and their
//! teams, with names and e-mail addresses that look real.

use std::collections::HashMap;

use chrono::Duration;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::model::Person;
use crate::workflows::demo::{email_local_part, FIRST_NAMES, LAST_NAMES};

use super::random::rng_for;
use super::GenerateOptions;

const EMAIL_DOMAIN: &str = "northwind-services.example";

pub(super) const FUNCTIONS: &[(&str, &str, &[&str])] = &[
    (
        "Sales",
        "VP Sales",
        &["Account Executive", "Sales Development Rep"],
    ),
    (
        "Customer Support",
        "VP Customer Support",
        &["Support Specialist", "Escalations Specialist"],
    ),
    (
        "Customer Success",
        "VP Customer Success",
        &["Customer Success Associate", "Renewals Specialist"],
    ),
    (
        "Operations",
        "VP Operations",
        &["Operations Coordinator", "Dispatcher"],
    ),
    (
        "Field Service",
        "VP Field Service",
        &["Field Technician", "Service Planner"],
    ),
    (
        "Finance",
        "Finance Director",
        &["Financial Analyst", "Accounts Specialist"],
    ),
];
pub(super) const REGIONS: &[&str] = &["North", "South", "East", "West", "Central"];

pub(super) struct Organisation {
    pub(super) people: Vec<Person>,
    /// Indexes of first-line managers and their direct reports.
    pub(super) teams: Vec<(usize, Vec<usize>)>,
}

pub(super) fn organisation(options: &GenerateOptions) -> Organisation {
    let mut rng = rng_for(options.seed, 1);
    let mut people: Vec<Person> = Vec::with_capacity(options.people as usize);
    let mut emails: HashMap<String, u32> = HashMap::new();
    let first_day = options.end - Duration::weeks(i64::from(options.weeks));
    let mut add = |people: &mut Vec<Person>,
                   rng: &mut ChaCha8Rng,
                   team: &str,
                   role: &str,
                   manager: Option<usize>,
                   senior: bool| {
        let index = people.len();
        let first = FIRST_NAMES[rng.gen_range(0..FIRST_NAMES.len())];
        let last = LAST_NAMES[rng.gen_range(0..LAST_NAMES.len())];
        let name = format!("{first} {last}");
        let local = email_local_part(&name);
        let seen = emails.entry(local.clone()).or_insert(0);
        *seen += 1;
        let email = if *seen == 1 {
            format!("{local}@{EMAIL_DOMAIN}")
        } else {
            format!("{local}{seen}@{EMAIL_DOMAIN}")
        };
        let years = if senior {
            rng.gen_range(3..15)
        } else {
            rng.gen_range(0..8)
        };
        let hire_date = first_day - Duration::days(years * 365 + rng.gen_range(0..365));
        people.push(Person {
            id: format!("P{:06}", index + 1),
            name,
            email,
            team: team.to_string(),
            role: role.to_string(),
            manager_id: manager.map(|m| format!("P{:06}", m + 1)),
            hire_date: Some(hire_date),
            leaving_date: None,
        });
        index
    };

    let total = options.people as usize;
    let ceo = add(
        &mut people,
        &mut rng,
        "Executive",
        "Chief Operating Officer",
        None,
        true,
    );
    // For the steering group and its pilots' lead: HR, analytics, finance and L&D sit
    // beside the line, whatever the size of the organisation.
    for role in [
        "Head of People",
        "People Analytics Lead",
        "Finance Business Partner",
        "L&D Lead",
    ] {
        add(
            &mut people,
            &mut rng,
            "People Leadership",
            role,
            Some(ceo),
            true,
        );
    }
    let functions = FUNCTIONS.len().min((total / 40).max(2));
    let heads: Vec<usize> = (0..functions)
        .map(|f| {
            add(
                &mut people,
                &mut rng,
                &format!("{} Leadership", FUNCTIONS[f].0),
                FUNCTIONS[f].1,
                Some(ceo),
                true,
            )
        })
        .collect();
    let remaining = total - people.len();
    let directors_count = (remaining / 90).max(1);
    let directors: Vec<(usize, usize)> = (0..directors_count)
        .map(|d| {
            let f = d % functions;
            let id = add(
                &mut people,
                &mut rng,
                &format!("{} Leadership", FUNCTIONS[f].0),
                &format!("Director, {}", FUNCTIONS[f].0),
                Some(heads[f]),
                true,
            );
            (id, f)
        })
        .collect();
    let mut teams: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut team_numbers: HashMap<(usize, &str), u32> = HashMap::new();
    let mut next_director = 0usize;
    while people.len() < total {
        let left = total - people.len();
        let size = if left < 4 {
            left
        } else {
            rng.gen_range(7..=13).min(left)
        };
        if size < 3 {
            // Too few for a team of their own: they join the last team.
            let Some((manager, members)) = teams.last_mut() else {
                break;
            };
            let (team, roles) = {
                let manager_person: &Person = &people[*manager];
                let f = FUNCTIONS
                    .iter()
                    .position(|f| manager_person.role.starts_with(f.0))
                    .unwrap_or(0);
                (manager_person.team.clone(), FUNCTIONS[f].2)
            };
            for _ in 0..size {
                let role = roles[rng.gen_range(0..roles.len())];
                let id = add(&mut people, &mut rng, &team, role, Some(*manager), false);
                members.push(id);
            }
            continue;
        }
        let (director, f) = directors[next_director % directors.len()];
        next_director += 1;
        let region = REGIONS[rng.gen_range(0..REGIONS.len())];
        let number = team_numbers.entry((f, region)).or_insert(0);
        *number += 1;
        let team = format!("{} {region} {number}", FUNCTIONS[f].0);
        let manager = add(
            &mut people,
            &mut rng,
            &team,
            &format!("{} Manager", FUNCTIONS[f].0),
            Some(director),
            true,
        );
        let roles = FUNCTIONS[f].2;
        let members: Vec<usize> = (1..size)
            .map(|_| {
                let role = roles[rng.gen_range(0..roles.len())];
                add(&mut people, &mut rng, &team, role, Some(manager), false)
            })
            .collect();
        teams.push((manager, members));
    }
    Organisation { people, teams }
}
