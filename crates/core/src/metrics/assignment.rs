//! Assigning managers to the pilot or the comparison group: a seeded random draw (the same
//! seed and candidates always give the same split) and matching teams on size, role mix and
//! baseline.

use std::collections::BTreeMap;

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// Splits candidates into a first group (the pilot, or wave 1) and a second (the waitlist,
/// or wave 2). Candidates are sorted first, so the input order does not matter; the first
/// group takes the extra manager when the count is odd.
pub fn draw(candidates: &[String], seed: u64) -> (Vec<String>, Vec<String>) {
    let mut ids: Vec<String> = candidates.to_vec();
    ids.sort();
    ids.dedup();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    ids.shuffle(&mut rng);
    let first = ids.len().div_ceil(2);
    let second = ids.split_off(first);
    ids.sort();
    let mut second = second;
    second.sort();
    (ids, second)
}

/// `draw` by position, for re-drawing thousands of times without touching a string: over
/// `count` distinct candidates, `true` at i when `draw` puts the i-th smallest id in the first
/// group. The same seeded shuffle of the same length, so the split is exactly `draw`'s.
pub fn draw_indices(count: usize, seed: u64) -> Vec<bool> {
    let mut order: Vec<usize> = (0..count).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    order.shuffle(&mut rng);
    let mut in_first = vec![false; count];
    for &index in &order[..count.div_ceil(2)] {
        in_first[index] = true;
    }
    in_first
}

/// What a team looks like for matching.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamProfile {
    pub manager_id: String,
    pub size: u32,
    /// Headcount per role among the direct reports.
    pub roles: BTreeMap<String, u32>,
    /// The team's mean baseline on the pilot's first KPI, when observations exist.
    pub baseline: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub pilot: String,
    pub comparison: String,
    pub distance: f64,
}

/// 0 for identical teams, growing as they differ. Size and role mix weigh equally; the
/// baseline, when both teams have one, weighs as much again.
pub fn distance(a: &TeamProfile, b: &TeamProfile) -> f64 {
    let larger = f64::from(a.size.max(b.size).max(1));
    let size = f64::from(a.size.abs_diff(b.size)) / larger;
    let share = |team: &TeamProfile, role: &str| {
        f64::from(*team.roles.get(role).unwrap_or(&0)) / f64::from(team.size.max(1))
    };
    let roles: std::collections::BTreeSet<&String> = a.roles.keys().chain(b.roles.keys()).collect();
    // Total variation distance between the two role distributions: 0 same mix, 1 disjoint.
    let mix = roles
        .iter()
        .map(|r| (share(a, r) - share(b, r)).abs())
        .sum::<f64>()
        / 2.0;
    let baseline = match (a.baseline, b.baseline) {
        (Some(x), Some(y)) => {
            let scale = x.abs().max(y.abs()).max(f64::EPSILON);
            (x - y).abs() / scale
        }
        _ => 0.0,
    };
    size + mix + baseline
}

/// Greedy nearest-neighbour matching: pilot teams in id order each take the closest
/// candidate not yet taken. Pilot teams left without a candidate are not matched.
pub fn propose_matches(pilot: &[TeamProfile], candidates: &[TeamProfile]) -> Vec<Match> {
    let mut pilot: Vec<&TeamProfile> = pilot.iter().collect();
    pilot.sort_by(|a, b| a.manager_id.cmp(&b.manager_id));
    let mut taken = std::collections::HashSet::new();
    let mut matches = Vec::new();
    for team in pilot {
        let best = candidates
            .iter()
            .filter(|c| c.manager_id != team.manager_id && !taken.contains(&c.manager_id))
            .map(|c| (distance(team, c), c))
            .min_by(|x, y| {
                x.0.total_cmp(&y.0)
                    .then_with(|| x.1.manager_id.cmp(&y.1.manager_id))
            });
        if let Some((distance, candidate)) = best {
            taken.insert(candidate.manager_id.clone());
            matches.push(Match {
                pilot: team.manager_id.clone(),
                comparison: candidate.manager_id.clone(),
                distance,
            });
        }
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("E{i:02}")).collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_draw_in_any_input_order() {
        let candidates = ids(9);
        let mut reversed = candidates.clone();
        reversed.reverse();
        let (a, b) = draw(&candidates, 42);
        assert_eq!(draw(&reversed, 42), (a.clone(), b.clone()));
        assert_eq!((a.len(), b.len()), (5, 4));
        let mut all: Vec<String> = a.iter().chain(&b).cloned().collect();
        all.sort();
        assert_eq!(all, candidates);
    }

    #[test]
    fn different_seeds_give_different_draws() {
        let candidates = ids(12);
        let draws: std::collections::HashSet<Vec<String>> =
            (0..20).map(|seed| draw(&candidates, seed).0).collect();
        assert!(draws.len() > 10, "only {} distinct draws", draws.len());
    }

    #[test]
    fn drawing_by_position_gives_exactly_the_split_of_the_draw() {
        for count in [0, 1, 2, 3, 10, 11, 64, 257] {
            // Ids whose sorted order differs from their input order.
            let candidates: Vec<String> = (0..count)
                .rev()
                .map(|i| format!("M{}", i * 7919 % 10_007))
                .collect();
            let mut sorted = candidates.clone();
            sorted.sort();
            for seed in [0, 1, 2, 42, 1_000, u64::MAX] {
                let (first, second) = draw(&candidates, seed);
                let in_first = draw_indices(count, seed);
                let by_position: Vec<String> = sorted
                    .iter()
                    .zip(&in_first)
                    .filter(|(_, first)| **first)
                    .map(|(id, _)| id.clone())
                    .collect();
                assert_eq!(by_position, first, "count {count}, seed {seed}");
                assert_eq!(in_first.iter().filter(|f| !**f).count(), second.len());
            }
        }
    }

    fn team(id: &str, size: u32, roles: &[(&str, u32)], baseline: Option<f64>) -> TeamProfile {
        TeamProfile {
            manager_id: id.into(),
            size,
            roles: roles.iter().map(|(r, n)| (r.to_string(), *n)).collect(),
            baseline,
        }
    }

    #[test]
    fn matches_the_most_similar_team() {
        let pilot = [team("P1", 8, &[("AE", 6), ("SDR", 2)], Some(40.0))];
        let candidates = [
            team("C1", 8, &[("Support", 8)], Some(40.0)),
            team("C2", 7, &[("AE", 5), ("SDR", 2)], Some(42.0)),
            team("C3", 15, &[("AE", 10), ("SDR", 5)], Some(40.0)),
        ];
        let matches = propose_matches(&pilot, &candidates);
        assert_eq!(matches.len(), 1);
        assert_eq!(matches[0].comparison, "C2");
        assert!(distance(&pilot[0], &pilot[0]) == 0.0);
        assert!(distance(&pilot[0], &candidates[0]) > matches[0].distance);
    }

    #[test]
    fn a_candidate_is_matched_once() {
        let pilot = [
            team("P1", 5, &[("A", 5)], None),
            team("P2", 5, &[("A", 5)], None),
        ];
        let candidates = [team("C1", 5, &[("A", 5)], None)];
        let matches = propose_matches(&pilot, &candidates);
        assert_eq!(matches.len(), 1);
        assert_eq!(matches[0].pilot, "P1");
    }
}
