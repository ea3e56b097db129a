//! Module completion per skill: of the people assigned a module that builds a competency,
//! how many finished it.

use std::collections::BTreeMap;

/// One assignment as completion reads it: the competencies its module builds.
pub struct Assigned<'a> {
    pub person: &'a str,
    pub competencies: &'a [i64],
    pub completed: bool,
}

/// Per competency: (people assigned, people who completed). A person assigned two modules
/// for the same competency counts once, as completed if they finished either.
pub fn per_competency(assigned: &[Assigned]) -> BTreeMap<i64, (u32, u32)> {
    let mut people: BTreeMap<i64, BTreeMap<&str, bool>> = BTreeMap::new();
    for a in assigned {
        for competency in a.competencies {
            let done = people
                .entry(*competency)
                .or_default()
                .entry(a.person)
                .or_insert(false);
            *done |= a.completed;
        }
    }
    people
        .into_iter()
        .map(|(competency, by_person)| {
            let completed = by_person.values().filter(|d| **d).count() as u32;
            (competency, (by_person.len() as u32, completed))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_counts_once_per_competency() {
        let assigned = [
            Assigned {
                person: "E1",
                competencies: &[1, 2],
                completed: true,
            },
            Assigned {
                person: "E1",
                competencies: &[1],
                completed: false,
            },
            Assigned {
                person: "E2",
                competencies: &[1],
                completed: false,
            },
        ];
        let figures = per_competency(&assigned);
        assert_eq!(figures[&1], (2, 1));
        assert_eq!(figures[&2], (1, 1));
    }
}
