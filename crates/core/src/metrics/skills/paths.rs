//! Fragmented learning paths (the risk of skills-as-a-service): a module assigned that
//! builds nothing the pilot's playbook tasks need, or one person holding two modules for
//! the same competency.

use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy)]
pub struct AssignedModule<'a> {
    pub person: &'a str,
    pub module: i64,
    pub competencies: &'a [i64],
}

/// Modules (by id) that build none of `needed`. An empty `needed` (no task names a
/// competency yet) flags nothing: there is nothing to be off-path from.
pub fn unmapped(assigned: &[AssignedModule], needed: &BTreeSet<i64>) -> BTreeSet<i64> {
    if needed.is_empty() {
        return BTreeSet::new();
    }
    assigned
        .iter()
        .filter(|a| !a.competencies.iter().any(|c| needed.contains(c)))
        .map(|a| a.module)
        .collect()
}

/// (person, competency, modules) wherever a person has two or more modules for one
/// competency.
pub fn overlaps<'a>(assigned: &[AssignedModule<'a>]) -> Vec<(&'a str, i64, Vec<i64>)> {
    let mut by: BTreeMap<(&'a str, i64), BTreeSet<i64>> = BTreeMap::new();
    for a in assigned {
        for competency in a.competencies {
            by.entry((a.person, *competency))
                .or_default()
                .insert(a.module);
        }
    }
    by.into_iter()
        .filter(|(_, modules)| modules.len() > 1)
        .map(|((person, competency), modules)| (person, competency, modules.into_iter().collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_off_path_modules_and_overlaps() {
        let assigned = [
            AssignedModule {
                person: "E1",
                module: 10,
                competencies: &[1],
            },
            AssignedModule {
                person: "E1",
                module: 11,
                competencies: &[1, 5],
            },
            AssignedModule {
                person: "E2",
                module: 12,
                competencies: &[7],
            },
        ];
        let needed: BTreeSet<i64> = [1, 2].into();
        assert_eq!(unmapped(&assigned, &needed), [12].into());
        assert_eq!(unmapped(&assigned, &BTreeSet::new()), BTreeSet::new());
        assert_eq!(overlaps(&assigned), vec![("E1", 1, vec![10, 11])]);
    }
}
