//! A quarter's network read from the store into plain numbered data: people 0..n (by id),
//! their teams and roles as indexes, and the coaching contacts between them.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::error::Result;
use crate::metrics::network::graph::{self, Contact, ContactTally, Tie};
use crate::model::network::Quarter;
use crate::store::network::{self as store, PersonRow};

pub(crate) struct Network {
    pub quarter: Quarter,
    /// Employed during the quarter, by id.
    pub people: Vec<PersonRow>,
    /// Team names, sorted; `team_of[i]` indexes them.
    pub teams: Vec<String>,
    pub team_of: Vec<u32>,
    pub roles: Vec<String>,
    pub role_of: Vec<u32>,
    /// Nominated as an internal coach during the quarter.
    pub internal: Vec<bool>,
    pub contacts: Vec<Contact>,
    pub ties: Vec<Tie>,
    pub events: u32,
    pub minutes: u64,
    pub excluded_events: u32,
}

impl Network {
    pub fn index_of(&self) -> HashMap<&str, u32> {
        self.people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i as u32))
            .collect()
    }
}

/// Sorted distinct values and each item's index among them.
fn intern<'a>(values: impl Iterator<Item = &'a str> + Clone) -> (Vec<String>, Vec<u32>) {
    let mut names: Vec<&str> = values.clone().collect();
    names.sort_unstable();
    names.dedup();
    let index: HashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i as u32))
        .collect();
    let of = values.map(|v| index[v]).collect();
    (names.into_iter().map(String::from).collect(), of)
}

pub(crate) fn load(conn: &Connection, quarter: Quarter) -> Result<Network> {
    let (from, to) = (quarter.first_day(), quarter.last_day());
    let people = store::employed(conn, from, to)?;
    let (teams, team_of) = intern(people.iter().map(|p| p.team.as_str()));
    let (roles, role_of) = intern(people.iter().map(|p| p.role.as_str()));
    let index: HashMap<&str, u32> = people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as u32))
        .collect();
    let mut internal = vec![false; people.len()];
    for id in store::internal_coaches(conn, from, to)? {
        if let Some(&i) = index.get(id.as_str()) {
            internal[i as usize] = true;
        }
    }
    let mut tally = ContactTally::default();
    let (mut events, mut minutes, mut excluded_events) = (0u32, 0u64, 0u32);
    store::each_event(conn, from, to, |coach, coachee, length| {
        let pair = coachee.and_then(|coachee| Some((*index.get(coach)?, *index.get(coachee)?)));
        match pair {
            Some((coach, coachee)) if coach != coachee => {
                tally.add(coach, coachee, length);
                events += 1;
                minutes += u64::from(length);
            }
            _ => excluded_events += 1,
        }
    })?;
    let contacts = tally.contacts();
    let ties = graph::ties(people.len() as u32, &contacts);
    Ok(Network {
        quarter,
        people,
        teams,
        team_of,
        roles,
        role_of,
        internal,
        contacts,
        ties,
        events,
        minutes,
        excluded_events,
    })
}
