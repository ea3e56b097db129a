//! Coach impact: the KPI change of a coach's coachees against comparable people, the way
//! the analytics area measures a change (`analytics::did`): per person, d = mean in the
//! quarter - mean in the quarter before (`Moments::mean`); effect = mean d (coachees) - mean
//! d (comparison), with the same Welch interval (`did::Welch`) when each group has two
//! people or more. Coachees were not assigned and nobody designed a comparison, so this is
//! weaker evidence whatever its interval says.
//!
//! `did::estimate` itself is not called: it keeps a named unit and the pre-period trends for
//! every unit, and here a comparison group can be a whole role of a thousand people, for
//! each of a thousand coaches. Each person's d is taken once and the groups are plain
//! lists of numbers.

use std::collections::HashSet;

use crate::metrics::analytics::did::Welch;
use crate::metrics::analytics::moments::Moments;
use crate::metrics::analytics::stats::mean;

/// One person's observations of a KPI in the quarter before (`pre`) and the quarter (`post`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PersonKpi {
    pub pre: Moments,
    pub post: Moments,
}

impl PersonKpi {
    /// The person's change, post mean - pre mean, when they were observed in both quarters
    /// (and the means are numbers), as the lift counts a unit.
    pub fn change(&self) -> Option<f64> {
        let d = self.post.mean()? - self.pre.mean()?;
        d.is_finite().then_some(d)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Team,
    Role,
}

impl Basis {
    pub fn label(self) -> &'static str {
        match self {
            Basis::Team => "the same team",
            Basis::Role => "the same role",
        }
    }
}

/// The people a coach's coachees are compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub people: Vec<u32>,
    pub basis: Basis,
}

/// Who the people are, for choosing comparable people: `team_of[i]` and `role_of[i]` index
/// `by_team` and `by_role`, which list the people of each team and role.
pub struct Population<'a> {
    pub team_of: &'a [u32],
    pub role_of: &'a [u32],
    pub by_team: &'a [Vec<u32>],
    pub by_role: &'a [Vec<u32>],
}

/// Comparable people: in the same team as one of the coachees, not coached by this coach
/// (and not the coach). A team is the closest match, the same manager and the same work;
/// when it leaves fewer than `floor` people with data, the same role across teams stands
/// in, since an estimate under the floor would not be shown at all.
pub fn comparable(
    population: &Population,
    coach: u32,
    coachees: &[u32],
    has_data: impl Fn(u32) -> bool,
    floor: u32,
) -> Comparison {
    let excluded: HashSet<u32> = coachees.iter().copied().chain([coach]).collect();
    let gather = |of: &[u32], groups: &[Vec<u32>]| -> Vec<u32> {
        let mut keys: Vec<u32> = coachees
            .iter()
            .filter_map(|&c| of.get(c as usize).copied())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut people: Vec<u32> = keys
            .iter()
            .filter_map(|&k| groups.get(k as usize))
            .flatten()
            .copied()
            .filter(|p| !excluded.contains(p))
            .collect();
        people.sort_unstable();
        people.dedup();
        people
    };
    let team = gather(population.team_of, population.by_team);
    let with_data = team.iter().filter(|&&p| has_data(p)).count() as u32;
    if with_data >= floor.max(2) {
        return Comparison {
            people: team,
            basis: Basis::Team,
        };
    }
    Comparison {
        people: gather(population.role_of, population.by_role),
        basis: Basis::Role,
    }
}

/// What a coach's impact comes to.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    /// People with a change (data in both quarters) in each group.
    pub coachees: u32,
    pub comparison: u32,
    /// None when it may not be shown; `why` says why.
    pub estimate: Option<Estimate>,
    pub why: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// In the KPI's unit: coachees' mean change minus the comparison's.
    pub effect: f64,
    pub coachee_change: f64,
    pub comparison_change: f64,
    /// With two people or more in each group.
    pub welch: Option<Welch>,
    /// The spread of the changes (both groups), for the digits to print when there is no
    /// interval.
    pub spread: Option<f64>,
}

/// The coach's impact on one KPI; `changes[i]` is person i's change (see
/// [`PersonKpi::change`]). No figure about fewer than `floor` people, in either group.
pub fn impact(
    coachees: &[u32],
    comparison: &Comparison,
    changes: &[Option<f64>],
    floor: u32,
) -> Impact {
    let of = |people: &[u32]| -> Vec<f64> {
        people
            .iter()
            .filter_map(|&p| changes.get(p as usize).copied().flatten())
            .collect()
    };
    let (with_coach, without) = (of(coachees), of(&comparison.people));
    let (n_with, n_without) = (with_coach.len() as u32, without.len() as u32);
    let hidden = |why: String| Impact {
        coachees: n_with,
        comparison: n_without,
        estimate: None,
        why: Some(why),
    };
    if n_with < floor.max(1) {
        return hidden(format!(
            "{n_with} of the coachees have data in both quarters, fewer than {floor} (the \
             privacy floor)"
        ));
    }
    if n_without < floor.max(1) {
        return hidden(format!(
            "{n_without} comparable people have data in both quarters, fewer than {floor} (the \
             privacy floor)"
        ));
    }
    // Neither group is empty past the checks above.
    let (coachee_change, comparison_change) = (
        mean(&with_coach).unwrap_or(0.0),
        mean(&without).unwrap_or(0.0),
    );
    let effect = coachee_change - comparison_change;
    let all: Vec<f64> = with_coach.iter().chain(&without).copied().collect();
    Impact {
        coachees: n_with,
        comparison: n_without,
        estimate: Some(Estimate {
            effect,
            coachee_change,
            comparison_change,
            welch: Welch::two_sample(effect, &with_coach, &without),
            spread: crate::metrics::analytics::stats::sample_variance(&all).map(f64::sqrt),
        }),
        why: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::analytics::did;
    use crate::model::Arm;

    fn person(pre: &[f64], post: &[f64]) -> PersonKpi {
        let mut k = PersonKpi::default();
        for (day, v) in pre.iter().enumerate() {
            k.pre.add(day as f64 - 100.0, *v);
        }
        for (day, v) in post.iter().enumerate() {
            k.post.add(day as f64, *v);
        }
        k
    }

    /// Two teams: 0 = {0, 1, 2, 3, 4}, 1 = {5, 6, 7}; roles: 0 = {0, 1, 5, 6}, 1 = the rest.
    struct Org {
        team_of: Vec<u32>,
        role_of: Vec<u32>,
        by_team: Vec<Vec<u32>>,
        by_role: Vec<Vec<u32>>,
    }

    impl Org {
        fn new() -> Org {
            Org {
                team_of: vec![0, 0, 0, 0, 0, 1, 1, 1],
                role_of: vec![0, 0, 1, 1, 1, 0, 0, 1],
                by_team: vec![vec![0, 1, 2, 3, 4], vec![5, 6, 7]],
                by_role: vec![vec![0, 1, 5, 6], vec![2, 3, 4, 7]],
            }
        }

        fn population(&self) -> Population<'_> {
            Population {
                team_of: &self.team_of,
                role_of: &self.role_of,
                by_team: &self.by_team,
                by_role: &self.by_role,
            }
        }
    }

    #[test]
    fn comparable_people_share_a_team_and_were_not_coached_by_the_coach() {
        let org = Org::new();
        // Coach 0 coached 1 and 5: their teams hold 0-4 and 5-7; 0, 1 and 5 are out.
        let c = comparable(&org.population(), 0, &[1, 5], |_| true, 2);
        assert_eq!(
            c,
            Comparison {
                people: vec![2, 3, 4, 6, 7],
                basis: Basis::Team
            }
        );
    }

    #[test]
    fn too_few_in_the_team_widens_to_the_role() {
        let org = Org::new();
        let p = org.population();
        // Coach 7 coached 5 and 6: team 1 leaves nobody (7 is the coach); role 0 leaves 0, 1.
        let c = comparable(&p, 7, &[5, 6], |_| true, 2);
        assert_eq!(
            c,
            Comparison {
                people: vec![0, 1],
                basis: Basis::Role
            }
        );
        // With data only for person 2, team 0 is too small for coach 0 and 1's role serves.
        let c = comparable(&p, 0, &[1], |person| person == 2, 2);
        assert_eq!(c.basis, Basis::Role);
        assert_eq!(c.people, vec![5, 6]);
    }

    #[test]
    fn the_effect_is_the_coachees_mean_change_minus_the_comparisons() {
        // Coachees 0 and 1 rise by 4 and 6 (mean 5); comparison 2 and 3 by 1 and 3 (mean 2):
        // effect 3. Person 4 has no data before, so does not count.
        let kpi = [
            person(&[10.0, 10.0], &[14.0]),
            person(&[20.0], &[26.0, 26.0]),
            person(&[5.0], &[6.0]),
            person(&[7.0, 9.0], &[11.0]),
            person(&[], &[50.0]),
        ];
        let comparison = Comparison {
            people: vec![2, 3, 4],
            basis: Basis::Team,
        };
        let changes: Vec<Option<f64>> = kpi.iter().map(PersonKpi::change).collect();
        assert_eq!(changes[4], None);
        let got = impact(&[0, 1], &comparison, &changes, 2);
        assert_eq!((got.coachees, got.comparison), (2, 2));
        let estimate = got.estimate.expect("an estimate");
        assert!((estimate.effect - 3.0).abs() < 1e-12);
        assert!(estimate.welch.is_some());
    }

    #[test]
    fn the_effect_and_its_interval_are_the_lifts_own() {
        // The same people as units of the analytics lift: the same effect, the same Welch.
        let kpi: Vec<PersonKpi> = (0..9)
            .map(|i| {
                let base = 50.0 + f64::from(i);
                let gain = if i < 4 {
                    3.0 + f64::from(i % 3)
                } else {
                    f64::from(i % 4)
                };
                person(&[base, base + 1.0], &[base + gain, base + gain + 0.5])
            })
            .collect();
        let changes: Vec<Option<f64>> = kpi.iter().map(PersonKpi::change).collect();
        let comparison = Comparison {
            people: (4..9).collect(),
            basis: Basis::Team,
        };
        let ours = impact(&[0, 1, 2, 3], &comparison, &changes, 2)
            .estimate
            .unwrap();
        let units: Vec<did::UnitData> = kpi
            .iter()
            .enumerate()
            .map(|(i, k)| did::UnitData {
                unit: i.to_string(),
                arm: if i < 4 { Arm::Pilot } else { Arm::Comparison },
                pre: k.pre,
                post: k.post,
            })
            .collect();
        let lift = did::estimate(&units, true).unwrap();
        assert!((ours.effect - lift.effect).abs() < 1e-12);
        let (a, b) = (ours.welch.unwrap(), lift.welch.unwrap());
        assert!((a.standard_error - b.standard_error).abs() < 1e-12);
        assert!((a.low - b.low).abs() < 1e-9 && (a.high - b.high).abs() < 1e-9);
    }

    #[test]
    fn under_the_floor_there_is_no_figure_and_a_reason() {
        let kpi = vec![Some(1.0); 4];
        let comparison = Comparison {
            people: vec![2, 3],
            basis: Basis::Team,
        };
        let got = impact(&[0, 1], &comparison, &kpi, 3);
        assert!(got.estimate.is_none());
        assert!(got.why.unwrap().contains("fewer than 3"));
        let got = impact(
            &[0, 1, 2],
            &Comparison {
                people: vec![3],
                basis: Basis::Team,
            },
            &kpi,
            3,
        );
        assert!(got.why.unwrap().contains("comparable"));
    }
}
