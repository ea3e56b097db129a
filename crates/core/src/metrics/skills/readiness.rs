//! Role readiness: the share of a role's required competencies a person meets at the
//! required level, by the latest manager or assessor rating; and the same pooled per team.

use std::collections::HashMap;

/// A rating as readiness reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rated<'a> {
    pub person: &'a str,
    pub competency: i64,
    pub level: u32,
    /// ISO date; the latest counts.
    pub on: &'a str,
    /// Self-ratings are recorded but not counted.
    pub counts: bool,
}

/// Each person's current level per competency: their latest counted rating. A later
/// rating lower than an earlier one wins, because skills can fade and the latest
/// observation is the evidence.
pub fn current_levels<'a>(ratings: &[Rated<'a>]) -> HashMap<(&'a str, i64), u32> {
    let mut latest: HashMap<(&'a str, i64), (&'a str, u32)> = HashMap::new();
    for rating in ratings.iter().filter(|r| r.counts) {
        let key = (rating.person, rating.competency);
        match latest.get(&key) {
            Some((on, _)) if *on > rating.on => {}
            _ => {
                latest.insert(key, (rating.on, rating.level));
            }
        }
    }
    latest
        .into_iter()
        .map(|(k, (_, level))| (k, level))
        .collect()
}

/// (met, required) for one person against their role's requirements.
pub fn person_counts(
    person: &str,
    requirements: &[(i64, u32)],
    levels: &HashMap<(&str, i64), u32>,
) -> (u32, u32) {
    let met = requirements
        .iter()
        .filter(|(competency, level)| {
            levels
                .get(&(person, *competency))
                .is_some_and(|current| current >= level)
        })
        .count() as u32;
    (met, requirements.len() as u32)
}

pub fn share(met: u32, required: u32) -> Option<f64> {
    (required > 0).then(|| f64::from(met) / f64::from(required))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r<'a>(person: &'a str, competency: i64, level: u32, on: &'a str, counts: bool) -> Rated<'a> {
        Rated {
            person,
            competency,
            level,
            on,
            counts,
        }
    }

    #[test]
    fn readiness_counts_the_latest_manager_or_assessor_rating_at_the_required_level() {
        let ratings = [
            r("E1", 1, 3, "2026-02-01", true),
            r("E1", 2, 1, "2026-02-01", true),
            r("E1", 2, 3, "2026-03-01", true),
            // A self-rating of 4 does not make the third requirement met.
            r("E1", 3, 4, "2026-03-05", false),
            // The latest rating fell below the bar.
            r("E2", 1, 3, "2026-01-01", true),
            r("E2", 1, 2, "2026-02-01", true),
        ];
        let levels = current_levels(&ratings);
        let role = [(1, 3), (2, 2), (3, 3)];
        // By hand: E1 meets 1 (3 ≥ 3) and 2 (3 ≥ 2), not 3 (no counted rating): 2 of 3.
        assert_eq!(person_counts("E1", &role, &levels), (2, 3));
        // E2: competency 1 now at 2 < 3; nothing else rated: 0 of 3.
        assert_eq!(person_counts("E2", &role, &levels), (0, 3));
        assert_eq!(share(2, 3), Some(2.0 / 3.0));
        assert_eq!(share(0, 0), None);
    }
}
