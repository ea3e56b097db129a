//! Coaching ties and the figures over them (DESIGN.md, "Network"), for people numbered
//! 0..n by the caller. A tie is an unordered pair with at least one coaching event between
//! them, whichever way: a coach and a coachee know each other after a conversation whoever
//! led it. Density = ties / (n(n-1)/2); reach = share of people with a tie; cross-team
//! transfer = share of ties between two teams. Linear in people plus contacts.

use std::collections::HashMap;

/// Coaching from one person to another over the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    pub coach: u32,
    pub coachee: u32,
    pub events: u32,
    pub minutes: u64,
}

/// Adds events up per (coach, coachee), one event at a time: a quarter can hold half a
/// million events, and only their pairs matter.
#[derive(Debug, Default)]
pub struct ContactTally {
    pairs: HashMap<(u32, u32), (u32, u64)>,
}

impl ContactTally {
    pub fn add(&mut self, coach: u32, coachee: u32, minutes: u32) {
        let pair = self.pairs.entry((coach, coachee)).or_default();
        pair.0 += 1;
        pair.1 += u64::from(minutes);
    }

    /// Ordered by coach, then coachee, so the same events always give the same list.
    pub fn contacts(self) -> Vec<Contact> {
        let mut contacts: Vec<Contact> = self
            .pairs
            .into_iter()
            .map(|((coach, coachee), (events, minutes))| Contact {
                coach,
                coachee,
                events,
                minutes,
            })
            .collect();
        contacts.sort_unstable_by_key(|c| (c.coach, c.coachee));
        contacts
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tie {
    /// `a` < `b`.
    pub a: u32,
    pub b: u32,
    /// Events between the two, either way.
    pub events: u32,
}

/// The ties among `people` people, ordered by (a, b). Coaching oneself is no tie, and a
/// contact naming someone outside 0..people is left out rather than trusted.
pub fn ties(people: u32, contacts: &[Contact]) -> Vec<Tie> {
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::with_capacity(contacts.len());
    for c in contacts {
        if c.coach == c.coachee || c.coach >= people || c.coachee >= people {
            continue;
        }
        let key = (c.coach.min(c.coachee), c.coach.max(c.coachee));
        *pairs.entry(key).or_default() += c.events;
    }
    let mut ties: Vec<Tie> = pairs
        .into_iter()
        .map(|((a, b), events)| Tie { a, b, events })
        .collect();
    ties.sort_unstable_by_key(|t| (t.a, t.b));
    ties
}

/// Each person's number of ties.
pub fn degrees(people: u32, ties: &[Tie]) -> Vec<u32> {
    let mut degree = vec![0u32; people as usize];
    for tie in ties {
        degree[tie.a as usize] += 1;
        degree[tie.b as usize] += 1;
    }
    degree
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub people: u32,
    pub possible_ties: u64,
    pub ties: u32,
    pub density: Option<f64>,
    pub reached: u32,
    pub reach: Option<f64>,
    pub cross_team_ties: u32,
    pub cross_team: Option<f64>,
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The network's figures. `team_of[i]` is person i's team; `ties` come from [`ties`] over
/// the same people.
pub fn summary(team_of: &[u32], ties: &[Tie]) -> Summary {
    let n = team_of.len() as u64;
    let possible_ties = n * n.saturating_sub(1) / 2;
    let reached = degrees(n as u32, ties).iter().filter(|&&d| d > 0).count() as u64;
    let cross = ties
        .iter()
        .filter(|t| team_of[t.a as usize] != team_of[t.b as usize])
        .count() as u64;
    let count = ties.len() as u64;
    Summary {
        people: n as u32,
        possible_ties,
        ties: count as u32,
        density: share(count, possible_ties),
        reached: reached as u32,
        reach: share(reached, n),
        cross_team_ties: cross as u32,
        cross_team: share(cross, count),
    }
}

/// One team's share of the network: a tie across teams counts for both of its teams.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TeamCounts {
    pub people: u32,
    pub reached: u32,
    pub within: u32,
    pub across: u32,
}

pub fn per_team(team_of: &[u32], teams: usize, ties: &[Tie]) -> Vec<TeamCounts> {
    let mut counts = vec![TeamCounts::default(); teams];
    let degree = degrees(team_of.len() as u32, ties);
    for (person, &team) in team_of.iter().enumerate() {
        let Some(row) = counts.get_mut(team as usize) else {
            continue;
        };
        row.people += 1;
        if degree[person] > 0 {
            row.reached += 1;
        }
    }
    for tie in ties {
        let (ta, tb) = (team_of[tie.a as usize], team_of[tie.b as usize]);
        if ta == tb {
            if let Some(row) = counts.get_mut(ta as usize) {
                row.within += 1;
            }
        } else {
            for team in [ta, tb] {
                if let Some(row) = counts.get_mut(team as usize) {
                    row.across += 1;
                }
            }
        }
    }
    counts
}

/// One coach's load and reach over the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoachLoad {
    pub coach: u32,
    pub events: u32,
    pub minutes: u64,
    /// Distinct coachees.
    pub coachees: Vec<u32>,
    /// Distinct teams of the coachees.
    pub teams_reached: u32,
    /// Coachees outside the coach's own team.
    pub other_team_coachees: u32,
}

/// Every coach's load, ordered by coach. Coaching oneself is left out, like in [`ties`].
pub fn coach_loads(team_of: &[u32], contacts: &[Contact]) -> Vec<CoachLoad> {
    let people = team_of.len() as u32;
    let mut by_coach: HashMap<u32, CoachLoad> = HashMap::new();
    for c in contacts {
        if c.coach == c.coachee || c.coach >= people || c.coachee >= people {
            continue;
        }
        let load = by_coach.entry(c.coach).or_insert_with(|| CoachLoad {
            coach: c.coach,
            events: 0,
            minutes: 0,
            coachees: Vec::new(),
            teams_reached: 0,
            other_team_coachees: 0,
        });
        load.events += c.events;
        load.minutes += c.minutes;
        load.coachees.push(c.coachee);
    }
    let mut loads: Vec<CoachLoad> = by_coach.into_values().collect();
    for load in &mut loads {
        load.coachees.sort_unstable();
        load.coachees.dedup();
        let own = team_of[load.coach as usize];
        let mut teams: Vec<u32> = load.coachees.iter().map(|&c| team_of[c as usize]).collect();
        load.other_team_coachees = teams.iter().filter(|&&t| t != own).count() as u32;
        teams.sort_unstable();
        teams.dedup();
        load.teams_reached = teams.len() as u32;
    }
    loads.sort_unstable_by_key(|l| l.coach);
    loads
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(coach: u32, coachee: u32, events: u32) -> Contact {
        Contact {
            coach,
            coachee,
            events,
            minutes: u64::from(events) * 15,
        }
    }

    #[test]
    fn both_directions_make_one_tie_and_oneself_makes_none() {
        let contacts = [
            contact(0, 1, 2),
            contact(1, 0, 1),
            contact(2, 2, 5),
            contact(2, 0, 1),
        ];
        let ties = ties(3, &contacts);
        assert_eq!(
            ties,
            vec![
                Tie {
                    a: 0,
                    b: 1,
                    events: 3
                },
                Tie {
                    a: 0,
                    b: 2,
                    events: 1
                }
            ]
        );
        assert_eq!(degrees(3, &ties), vec![2, 1, 1]);
    }

    #[test]
    fn someone_outside_the_people_is_no_tie() {
        assert!(ties(2, &[contact(0, 5, 1), contact(7, 1, 1)]).is_empty());
        assert!(coach_loads(&[0, 0], &[contact(0, 5, 1)]).is_empty());
    }

    #[test]
    fn figures_of_a_triangle_with_an_outsider() {
        // Four people; 0 and 1 in team 0, 2 and 3 in team 1. Ties 0-1 and 1-2: 2 of the
        // 4·3/2 = 6 possible, so density 1/3; people 0, 1, 2 reached: 3/4; 1-2 crosses
        // teams: 1/2.
        let team_of = [0, 0, 1, 1];
        let ties = ties(4, &[contact(0, 1, 1), contact(1, 2, 4)]);
        let s = summary(&team_of, &ties);
        assert_eq!(
            (
                s.people,
                s.possible_ties,
                s.ties,
                s.reached,
                s.cross_team_ties
            ),
            (4, 6, 2, 3, 1)
        );
        assert_eq!(s.density, Some(2.0 / 6.0));
        assert_eq!(s.reach, Some(0.75));
        assert_eq!(s.cross_team, Some(0.5));
        let teams = per_team(&team_of, 2, &ties);
        assert_eq!(
            teams[0],
            TeamCounts {
                people: 2,
                reached: 2,
                within: 1,
                across: 1
            }
        );
        assert_eq!(
            teams[1],
            TeamCounts {
                people: 2,
                reached: 1,
                within: 0,
                across: 1
            }
        );
    }

    #[test]
    fn an_empty_or_lonely_network_has_no_shares_to_divide() {
        let s = summary(&[], &[]);
        assert_eq!((s.density, s.reach, s.cross_team), (None, None, None));
        let s = summary(&[0], &[]);
        assert_eq!((s.possible_ties, s.density, s.reach), (0, None, Some(0.0)));
        let s = summary(&[0, 0], &[]);
        assert_eq!((s.density, s.cross_team), (Some(0.0), None));
    }

    #[test]
    fn a_coach_load_counts_each_coachee_once_and_the_teams_they_are_in() {
        // Person 0 (team 0) coaches 1 (team 0) twice in two contacts... the tally merges
        // them; 2 and 3 are in team 1.
        let mut tally = ContactTally::default();
        for (coachee, minutes) in [(1, 10), (1, 20), (2, 15), (3, 5), (0, 60)] {
            tally.add(0, coachee, minutes);
        }
        tally.add(2, 3, 30);
        let contacts = tally.contacts();
        assert_eq!(
            contacts[0],
            Contact {
                coach: 0,
                coachee: 0,
                events: 1,
                minutes: 60
            }
        );
        let loads = coach_loads(&[0, 0, 1, 1], &contacts);
        assert_eq!(loads.len(), 2);
        let first = &loads[0];
        assert_eq!((first.coach, first.events, first.minutes), (0, 4, 50));
        assert_eq!(first.coachees, vec![1, 2, 3]);
        assert_eq!((first.teams_reached, first.other_team_coachees), (2, 2));
        let second = &loads[1];
        assert_eq!(
            (
                second.coach,
                second.coachees.clone(),
                second.teams_reached,
                second.other_team_coachees
            ),
            (2, vec![3], 1, 0)
        );
    }
}
