//! Inference for the designs real pilots have (DESIGN.md, "Small and awkward designs"):
//! placebo (permutation) inference across units, randomisation inference by re-drawing with
//! the app's own draw, and a plain sentence on what few units cannot show.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::did::UnitChange;
use crate::metrics::assignment::draw_indices;
use crate::model::Arm;

/// Up to this many re-assignments are all tried; beyond it a fixed-seed sample is.
const EXHAUSTIVE_LIMIT: u64 = 20_000;
const SAMPLED_REASSIGNMENTS: u32 = 10_000;
/// Fixed so that the same data always give the same p-value.
const SAMPLING_SEED: u64 = 2_014;
/// Effects this close (relative to the largest change) count as ties, so that rounding in
/// a sum does not decide whether a re-assignment is as extreme as the actual one.
const TIE_TOLERANCE: f64 = 1e-10;

#[derive(Debug, Clone, PartialEq)]
pub struct Permutation {
    pub p_value: f64,
    /// 1 when no re-assignment gives a larger |effect| than the actual one.
    pub rank: u32,
    /// How many effects were counted, the actual one included.
    pub of: u32,
    pub exhaustive: bool,
    /// Every counted effect (the actual one among them), for a chart of the placebo spread.
    pub effects: Vec<f64>,
}

/// The two group means' difference for every split of `values` with the same group sizes,
/// computed from the sum of one side (the smaller one, to keep each split cheap).
struct Splits<'a> {
    values: &'a [f64],
    total: f64,
    pilot_size: usize,
    /// Whether the summed side is the pilot side.
    summing_pilot: bool,
}

impl Splits<'_> {
    fn side(&self) -> usize {
        if self.summing_pilot {
            self.pilot_size
        } else {
            self.values.len() - self.pilot_size
        }
    }

    fn effect(&self, side: impl Iterator<Item = usize>) -> f64 {
        let side_sum: f64 = side.map(|i| self.values[i]).sum();
        let pilot_sum = if self.summing_pilot {
            side_sum
        } else {
            self.total - side_sum
        };
        let k = self.pilot_size as f64;
        let rest = (self.values.len() - self.pilot_size) as f64;
        pilot_sum / k - (self.total - pilot_sum) / rest
    }
}

/// C(n, k) when it is at most `limit`.
fn combinations_at_most(n: usize, k: usize, limit: u64) -> Option<u64> {
    let k = k.min(n - k);
    let mut count: u128 = 1;
    for i in 0..k {
        count = count * (n - i) as u128 / (i + 1) as u128;
        if count > u128::from(limit) {
            return None;
        }
    }
    u64::try_from(count).ok()
}

/// Every k-subset of 0..n in lexicographic order, each handed to `visit`.
fn each_subset(n: usize, k: usize, mut visit: impl FnMut(&[usize])) {
    let mut chosen: Vec<usize> = (0..k).collect();
    loop {
        visit(&chosen);
        // The rightmost position that can still move right.
        let Some(i) = (0..k).rev().find(|&i| chosen[i] < n - k + i) else {
            return;
        };
        chosen[i] += 1;
        for j in i + 1..k {
            chosen[j] = chosen[j - 1] + 1;
        }
    }
}

/// Placebo/permutation inference across units: every re-assignment of the units with the same group sizes
/// (exhaustive when there are at most 20_000 of them, otherwise 10_000 drawn with a fixed seed), p = share of
/// |placebo effect| ≥ |actual| counting the actual one. With ONE pilot unit this is exactly the placebo test:
/// each comparison unit treated in turn as if it were the pilot unit. None when no re-assignment exists.
pub fn permutation(changes: &[UnitChange]) -> Option<Permutation> {
    let values: Vec<f64> = changes.iter().map(|c| c.change).collect();
    let pilot: Vec<usize> = (0..changes.len())
        .filter(|&i| changes[i].arm == Arm::Pilot)
        .collect();
    let n = values.len();
    let k = pilot.len();
    if k == 0 || k == n || values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let splits = Splits {
        values: &values,
        total: values.iter().sum(),
        pilot_size: k,
        summing_pilot: k <= n - k,
    };
    let actual_side: Vec<usize> = (0..n)
        .filter(|&i| (changes[i].arm == Arm::Pilot) == splits.summing_pilot)
        .collect();
    let actual = splits.effect(actual_side.iter().copied());
    let m = splits.side();

    let (effects, exhaustive) = match combinations_at_most(n, k, EXHAUSTIVE_LIMIT) {
        Some(count) => {
            let mut effects = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
            each_subset(n, m, |side| {
                effects.push(splits.effect(side.iter().copied()))
            });
            (effects, true)
        }
        None => {
            // The actual assignment counts once, beside the sampled ones.
            let mut effects = Vec::with_capacity(SAMPLED_REASSIGNMENTS as usize + 1);
            effects.push(actual);
            let mut order: Vec<usize> = (0..n).collect();
            let mut rng = ChaCha8Rng::seed_from_u64(SAMPLING_SEED);
            for _ in 0..SAMPLED_REASSIGNMENTS {
                // A partial shuffle of any permutation gives a uniform m-subset up front.
                let (side, _) = order.partial_shuffle(&mut rng, m);
                effects.push(splits.effect(side.iter().copied()));
            }
            (effects, false)
        }
    };
    let tolerance = TIE_TOLERANCE * values.iter().fold(1.0_f64, |a, v| a.max(v.abs()));
    let size = actual.abs();
    let as_extreme = effects
        .iter()
        .filter(|e| e.abs() >= size - tolerance)
        .count();
    let more_extreme = effects
        .iter()
        .filter(|e| e.abs() > size + tolerance)
        .count();
    Some(Permutation {
        p_value: as_extreme as f64 / effects.len() as f64,
        rank: more_extreme as u32 + 1,
        of: effects.len() as u32,
        exhaustive,
        effects,
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Randomisation {
    pub p_value: f64,
    /// The re-draws counted: those that left data in both groups.
    pub draws: u32,
    /// The effect under the actual assignment, over the units that took part in the draw.
    pub observed: f64,
}

/// Randomisation inference for a randomised design: re-draw the assignment with the app's own
/// `metrics::assignment::draw` over `managers` (all managers in the original draw, ids) for seeds 1..=draws,
/// recompute the DiD over the units (unit id == manager id) that have data; p = (1 + #{|stat| ≥ |observed|}) / (1 + draws).
///
/// Units outside `managers` took no part in the draw and are left out of the observed effect
/// too. A re-draw that leaves one group without data gives no statistic and is not counted.
/// None when the actual assignment has no data in a group or no re-draw counts.
pub fn randomisation(
    changes: &[UnitChange],
    managers: &[String],
    draws: u32,
) -> Option<Randomisation> {
    randomisation_over(changes, &Redraws::new(managers, draws))
}

/// The re-drawn assignments of a randomised design, drawn once and reused for every KPI of
/// the pilot: each is the app's own draw over the same managers with another seed.
#[derive(Debug, Clone, PartialEq)]
pub struct Redraws {
    /// The managers of the draw, sorted, as the draw sorts them.
    ids: Vec<String>,
    /// Per seed 1..=draws: for each manager (by position in `ids`), drawn into the pilot.
    in_first: Vec<Vec<bool>>,
}

impl Redraws {
    pub fn new(managers: &[String], draws: u32) -> Redraws {
        let mut ids: Vec<String> = managers.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let in_first = (1..=u64::from(draws))
            .map(|seed| draw_indices(ids.len(), seed))
            .collect();
        Redraws { ids, in_first }
    }
}

/// [`randomisation`] over assignments drawn beforehand.
pub fn randomisation_over(changes: &[UnitChange], redraws: &Redraws) -> Option<Randomisation> {
    let with_data: Vec<(usize, f64, Arm)> = changes
        .iter()
        .filter_map(|c| {
            let position = redraws
                .ids
                .binary_search_by(|id| id.as_str().cmp(c.unit.as_str()))
                .ok()?;
            c.change.is_finite().then_some((position, c.change, c.arm))
        })
        .collect();
    let difference = |in_pilot: &dyn Fn(usize, Arm) -> bool| {
        let (mut pilot, mut comparison) = ((0.0, 0u32), (0.0, 0u32));
        for &(position, change, arm) in &with_data {
            let group = if in_pilot(position, arm) {
                &mut pilot
            } else {
                &mut comparison
            };
            group.0 += change;
            group.1 += 1;
        }
        (pilot.1 > 0 && comparison.1 > 0)
            .then(|| pilot.0 / f64::from(pilot.1) - comparison.0 / f64::from(comparison.1))
    };
    let observed = difference(&|_, arm| arm == Arm::Pilot)?;
    let tolerance = TIE_TOLERANCE * with_data.iter().fold(1.0_f64, |a, d| a.max(d.1.abs()));
    // Each re-draw only sums its pilot side; the comparison side is the rest of the total.
    let total: f64 = with_data.iter().map(|d| d.1).sum();
    let units = with_data.len() as u32;
    let (mut counted, mut as_extreme) = (0u32, 0u32);
    for in_first in &redraws.in_first {
        let (mut sum, mut count) = (0.0, 0u32);
        for &(position, change, _) in &with_data {
            if in_first[position] {
                sum += change;
                count += 1;
            }
        }
        let rest = units - count;
        if count == 0 || rest == 0 {
            continue;
        }
        let stat = sum / f64::from(count) - (total - sum) / f64::from(rest);
        counted += 1;
        if stat.abs() >= observed.abs() - tolerance {
            as_extreme += 1;
        }
    }
    (counted > 0).then(|| Randomisation {
        p_value: f64::from(1 + as_extreme) / f64::from(1 + counted),
        draws: counted,
        observed,
    })
}

/// Below this many units in a group, an interval leans hard on its assumptions.
const FEW_UNITS: u32 = 5;

fn plural(noun: &str, count: u64) -> String {
    if count == 1 {
        return noun.to_string();
    }
    let consonant_y = noun.ends_with('y')
        && !noun.ends_with("ay")
        && !noun.ends_with("ey")
        && !noun.ends_with("oy");
    if consonant_y {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if ["s", "x", "ch", "sh"].iter().any(|end| noun.ends_with(end)) {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

fn counted(count: u32, noun: &str) -> String {
    format!("{count} {}", plural(noun, u64::from(count)))
}

/// A plain sentence on what the data cannot show, for one pilot unit or too few units (never a made-up interval).
/// `comparison_units` 0 means no comparison group. None when there are enough units
/// (five or more in each group) for the interval to speak for itself.
pub fn limits_sentence(pilot_units: u32, comparison_units: u32, unit_noun: &str) -> Option<String> {
    let noun = unit_noun;
    let nouns = plural(noun, 2);
    if pilot_units == 0 {
        return Some(format!(
            "No pilot {noun} has data in both the baseline and the pilot window, so the data \
             cannot show an effect yet."
        ));
    }
    if comparison_units == 0 {
        return match pilot_units {
            1 => Some(format!(
                "With one pilot {noun} and no comparison group, the data show only how far that \
                 {noun} moved from its own baseline trend; they cannot show whether coaching \
                 caused it, and no interval or p-value can be given."
            )),
            n if n < FEW_UNITS => Some(format!(
                "With only {} and no comparison group, the interval is wide and the data cannot \
                 rule out that something other than coaching moved them all.",
                counted(n, &format!("pilot {noun}"))
            )),
            _ => None,
        };
    }
    let all = u64::from(pilot_units) + u64::from(comparison_units);
    if pilot_units == 1 {
        let mut sentence = format!(
            "With one pilot {noun}, the data cannot separate coaching from anything else that \
             happened to that {noun} during the pilot, so no interval is given; the placebo test \
             only says how unusual its change is among all {all} {nouns}."
        );
        // The actual unit is one of `all` placebo runs, so p can never fall below 1/all.
        if all < 20 {
            sentence.push_str(&format!(
                " With so few, even the most extreme change gives p = 1/{all}, which cannot reach \
                 the 5% level."
            ));
        }
        return Some(sentence);
    }
    if comparison_units == 1 {
        return Some(format!(
            "With one comparison {noun}, its change stands in for what would have happened \
             without coaching and the data cannot show whether it is typical, so no interval is \
             given; read the permutation test over the {all} {nouns}."
        ));
    }
    if pilot_units < FEW_UNITS || comparison_units < FEW_UNITS {
        return Some(format!(
            "With only {} and {}, the interval is wide and leans on the changes being roughly \
             normally distributed; read it beside the permutation test.",
            counted(pilot_units, &format!("pilot {noun}")),
            counted(comparison_units, &format!("comparison {noun}"))
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::stats::standard_normal as noise;
    use super::*;
    use crate::metrics::assignment::draw;

    fn change(unit: &str, arm: Arm, change: f64) -> UnitChange {
        UnitChange {
            unit: unit.into(),
            arm,
            change,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn one_pilot_unit_is_the_placebo_test_over_every_unit() {
        // Pilot a changed by 10; comparison 1, 2, 3, 14. Each unit as the pilot in turn:
        // a: 10 - 5 = 5; x: 1 - 7.25 = -6.25; y: 2 - 7 = -5; z: 3 - 6.75 = -3.75;
        // w: 14 - 4 = 10. |effect| >= 5 for a, x, y and w: p = 4/5, rank 3 (x and w beat it).
        let changes = [
            change("a", Arm::Pilot, 10.0),
            change("x", Arm::Comparison, 1.0),
            change("y", Arm::Comparison, 2.0),
            change("z", Arm::Comparison, 3.0),
            change("w", Arm::Comparison, 14.0),
        ];
        let p = permutation(&changes).unwrap();
        assert!(p.exhaustive);
        assert_eq!((p.rank, p.of), (3, 5));
        assert!(close(p.p_value, 0.8));
        let mut effects = p.effects.clone();
        effects.sort_by(f64::total_cmp);
        let want = [-6.25, -5.0, -3.75, 5.0, 10.0];
        assert!(
            effects.iter().zip(want).all(|(e, w)| close(*e, w)),
            "{effects:?}"
        );
    }

    #[test]
    fn the_most_extreme_of_all_splits_has_the_smallest_p_value() {
        // Two pilot units far above four comparison units: C(6, 2) = 15 splits, and the
        // actual one is the only one as extreme, so p = 1/15.
        let changes = [
            change("a", Arm::Pilot, 20.0),
            change("b", Arm::Pilot, 21.0),
            change("x", Arm::Comparison, 1.0),
            change("y", Arm::Comparison, 2.0),
            change("z", Arm::Comparison, 0.0),
            change("w", Arm::Comparison, 1.5),
        ];
        let p = permutation(&changes).unwrap();
        assert_eq!((p.rank, p.of, p.exhaustive), (1, 15, true));
        assert!(close(p.p_value, 1.0 / 15.0));
        // The same split counted from the comparison side (4 pilot units, 2 comparison)
        // gives the same spread of |effects|.
        let flipped: Vec<UnitChange> = changes
            .iter()
            .map(|c| {
                let arm = if c.arm == Arm::Pilot {
                    Arm::Comparison
                } else {
                    Arm::Pilot
                };
                change(&c.unit, arm, c.change)
            })
            .collect();
        let q = permutation(&flipped).unwrap();
        assert_eq!((q.rank, q.of), (1, 15));
    }

    #[test]
    fn many_units_are_sampled_with_a_fixed_seed() {
        // C(40, 20) is far above 20,000: 10,000 sampled splits plus the actual one.
        let changes: Vec<UnitChange> = (0..40)
            .map(|i| {
                let arm = if i < 20 { Arm::Pilot } else { Arm::Comparison };
                change(&format!("u{i}"), arm, f64::from(i % 9))
            })
            .collect();
        let p = permutation(&changes).unwrap();
        assert!(!p.exhaustive);
        assert_eq!(p.of, 10_001);
        assert_eq!(p.effects.len(), 10_001);
        assert_eq!(
            permutation(&changes).unwrap(),
            p,
            "the same data, the same p"
        );
        assert!(p.p_value > 0.0 && p.p_value <= 1.0);
    }

    #[test]
    fn no_reassignment_without_both_groups() {
        assert_eq!(permutation(&[]), None);
        assert_eq!(
            permutation(&[change("a", Arm::Pilot, 1.0), change("b", Arm::Pilot, 2.0)]),
            None
        );
        assert_eq!(permutation(&[change("x", Arm::Comparison, 1.0)]), None);
    }

    #[test]
    fn counting_combinations_stops_at_the_limit() {
        assert_eq!(combinations_at_most(27, 1, 20_000), Some(27));
        assert_eq!(combinations_at_most(10, 3, 20_000), Some(120));
        assert_eq!(combinations_at_most(10, 7, 20_000), Some(120));
        assert_eq!(combinations_at_most(20_000, 1, 20_000), Some(20_000));
        assert_eq!(combinations_at_most(20_001, 1, 20_000), None);
        assert_eq!(combinations_at_most(40, 20, 20_000), None);
        let mut seen = Vec::new();
        each_subset(4, 2, |s| seen.push(s.to_vec()));
        assert_eq!(seen, [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
    }

    fn ids(count: usize) -> Vec<String> {
        (0..count).map(|i| format!("M{i:04}")).collect()
    }

    /// Changes for a design drawn with `draw(managers, seed)`, pilot units lifted by `effect`.
    fn randomised(
        managers: &[String],
        seed: u64,
        effect: f64,
        rng: &mut ChaCha8Rng,
    ) -> Vec<UnitChange> {
        let (pilot, comparison) = draw(managers, seed);
        let mut changes: Vec<UnitChange> = pilot
            .iter()
            .map(|id| change(id, Arm::Pilot, effect + noise(rng)))
            .collect();
        changes.extend(
            comparison
                .iter()
                .map(|id| change(id, Arm::Comparison, noise(rng))),
        );
        changes
    }

    #[test]
    fn randomisation_by_hand_on_a_small_draw() {
        // Four managers, the pilot pair lifted by 100: the observed difference is about
        // 100, and a re-draw only matches it when it puts the same pair (or the other
        // pair, the mirror image) first.
        let managers = ids(4);
        let (pilot, _) = draw(&managers, 7);
        let changes: Vec<UnitChange> = managers
            .iter()
            .map(|id| {
                let lifted = pilot.contains(id);
                change(
                    id,
                    if lifted { Arm::Pilot } else { Arm::Comparison },
                    if lifted { 100.0 } else { 0.0 },
                )
            })
            .collect();
        let r = randomisation(&changes, &managers, 300).unwrap();
        assert_eq!((r.draws, r.observed), (300, 100.0));
        let extreme = (1..=300u64)
            .filter(|&seed| {
                let (first, _) = draw(&managers, seed);
                let mut sorted_pilot = pilot.clone();
                sorted_pilot.sort();
                first == sorted_pilot || first.iter().all(|m| !pilot.contains(m))
            })
            .count();
        assert!(
            close(r.p_value, (1.0 + extreme as f64) / 301.0),
            "{} vs {extreme}",
            r.p_value
        );
        // 2 of the 6 equally likely splits are as extreme: p near 1/3.
        assert!((0.25..0.42).contains(&r.p_value), "{}", r.p_value);
    }

    #[test]
    fn randomisation_finds_a_large_effect() {
        let managers = ids(40);
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        let changes = randomised(&managers, 5, 2.0, &mut rng);
        let r = randomisation(&changes, &managers, 1_000).unwrap();
        assert!(r.p_value < 0.05, "{}", r.p_value);
        assert!(r.observed > 1.0, "{}", r.observed);
    }

    #[test]
    fn randomisation_p_values_are_spread_evenly_when_there_is_no_effect() {
        let managers = ids(30);
        let mut rng = ChaCha8Rng::seed_from_u64(2024);
        let p_values: Vec<f64> = (0..40u64)
            .map(|data_set| {
                // Each null data set has its own actual draw (seeds beyond the re-draws).
                let changes = randomised(&managers, 10_000 + data_set, 0.0, &mut rng);
                randomisation(&changes, &managers, 200).unwrap().p_value
            })
            .collect();
        let significant = p_values.iter().filter(|p| **p < 0.05).count();
        assert!(
            significant <= 5,
            "{significant} of 40 below 0.05: {p_values:?}"
        );
        for quartile in 0..4 {
            let (low, high) = (f64::from(quartile) / 4.0, f64::from(quartile + 1) / 4.0);
            let hits = p_values.iter().filter(|p| **p > low && **p <= high).count();
            assert!(
                hits >= 4,
                "quartile {quartile}: {hits} hits in {p_values:?}"
            );
        }
    }

    #[test]
    fn randomisation_counts_only_managers_in_the_draw_and_redraws_with_data_in_both_groups() {
        let managers = ids(6);
        let mut changes = vec![
            change("M0000", Arm::Pilot, 5.0),
            change("M0003", Arm::Comparison, 1.0),
            // Not in the draw: left out of the observed effect.
            change("outsider", Arm::Pilot, 1_000.0),
        ];
        let r = randomisation(&changes, &managers, 100).unwrap();
        assert_eq!(r.observed, 4.0);
        // With two units holding data, half of the re-draws put both in one group.
        assert!(r.draws < 100 && r.draws > 20, "{}", r.draws);
        changes.retain(|c| c.arm == Arm::Comparison);
        assert_eq!(randomisation(&changes, &managers, 100), None);
        assert_eq!(randomisation(&[], &managers, 100), None);
    }

    #[test]
    #[cfg_attr(debug_assertions, ignore = "a timing; run with --release")]
    fn randomisation_over_a_thousand_managers_takes_well_under_50_ms() {
        let managers = ids(1_000);
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let changes = randomised(&managers, 99_999, 0.3, &mut rng);
        let started = std::time::Instant::now();
        let r = randomisation(&changes, &managers, 1_000).unwrap();
        let elapsed = started.elapsed();
        assert_eq!(r.draws, 1_000);
        assert!(elapsed.as_millis() < 50, "{elapsed:?}");
    }

    #[test]
    fn the_limits_sentence_says_what_few_units_cannot_show() {
        let one = limits_sentence(1, 26, "state").unwrap();
        assert!(one.contains("With one pilot state"), "{one}");
        assert!(one.contains("all 27 states"), "{one}");
        assert!(!one.contains("1/27"), "27 runs can reach 5%: {one}");
        let tiny = limits_sentence(1, 4, "team").unwrap();
        assert!(
            tiny.contains("p = 1/5, which cannot reach the 5% level"),
            "{tiny}"
        );
        let alone = limits_sentence(1, 0, "team").unwrap();
        assert!(alone.contains("no comparison group"), "{alone}");
        assert!(limits_sentence(1, 0, "team")
            .unwrap()
            .contains("no interval or p-value"));
        let few = limits_sentence(3, 2, "team").unwrap();
        assert!(
            few.contains("3 pilot teams and 2 comparison teams"),
            "{few}"
        );
        let one_comparison = limits_sentence(4, 1, "manager's team").unwrap();
        assert!(
            one_comparison.contains("one comparison manager's team"),
            "{one_comparison}"
        );
        assert!(limits_sentence(0, 5, "team")
            .unwrap()
            .contains("No pilot team"));
        assert_eq!(limits_sentence(5, 5, "team"), None);
        assert_eq!(limits_sentence(12, 0, "team"), None);
        assert_eq!(plural("company", 2), "companies");
        assert_eq!(plural("branch", 2), "branches");
        assert_eq!(plural("day", 2), "days");
    }
}
