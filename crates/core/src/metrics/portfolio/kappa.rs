//! Agreement between two reviewers scoring the same work samples on an ordinal scale,
//! beyond what their own score distributions would produce by chance (weighted Cohen's
//! kappa). A portfolio-quality figure means little if two reviewers would score the same
//! sample differently, so the calibration check comes before the quality trend.

/// How much credit a near miss earns. On an ordinal scale a 3 against a 4 is not the same
/// failure as a 1 against a 5; unweighted kappa treats them alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weights {
    /// Only identical scores agree.
    Unweighted,
    /// Credit 1 − |i − j| / (k − 1) (Cicchetti-Allison, SAS's default for weighted kappa).
    Linear,
    /// Credit 1 − (i − j)² / (k − 1)² (Fleiss-Cohen): punishes wide misses hardest.
    Quadratic,
}

impl Weights {
    fn credit(self, first: usize, second: usize, levels: usize) -> f64 {
        let distance = first.abs_diff(second) as f64;
        let widest = (levels - 1) as f64;
        match self {
            Weights::Unweighted => f64::from(u8::from(first == second)),
            Weights::Linear => 1.0 - distance / widest,
            Weights::Quadratic => 1.0 - (distance / widest).powi(2),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KappaResult {
    pub kappa: f64,
    /// Weighted share of agreement actually seen.
    pub observed_agreement: f64,
    /// Weighted share expected if the reviewers scored independently with their own marginals.
    pub expected_agreement: f64,
    pub n: u32,
    /// Large-sample standard error under the alternative (kappa as estimated, not zero):
    /// Fleiss, Cohen & Everitt (1969), the "ASE" SAS PROC FREQ prints. It is the one an
    /// interval around kappa needs; `standard_error_under_null` is the one a test of
    /// kappa = 0 needs. None from a single pair, which estimates no spread.
    pub standard_error: Option<f64>,
}

/// Every (row, column) of a k × k table.
fn cells(k: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..k).flat_map(move |i| (0..k).map(move |j| (i, j)))
}

/// The pairs as a table of proportions with its margins and credit matrix.
struct Table {
    n: f64,
    proportions: Vec<Vec<f64>>,
    first_margin: Vec<f64>,
    second_margin: Vec<f64>,
    credit: Vec<Vec<f64>>,
    observed: f64,
    expected: f64,
}

impl Table {
    /// None without pairs, on a scale of fewer than two levels, or when a score lies off
    /// the scale: dropping it silently would report agreement on data nobody checked.
    fn build(pairs: &[(u32, u32)], levels: u32, weights: Weights) -> Option<Table> {
        if pairs.is_empty() || levels < 2 {
            return None;
        }
        let k = levels as usize;
        let on_scale = |score: u32| (1..=levels).contains(&score);
        if pairs.iter().any(|&(a, b)| !on_scale(a) || !on_scale(b)) {
            return None;
        }
        let n = pairs.len() as f64;
        let mut proportions = vec![vec![0.0; k]; k];
        for &(a, b) in pairs {
            proportions[a as usize - 1][b as usize - 1] += 1.0 / n;
        }
        let first_margin: Vec<f64> = proportions.iter().map(|row| row.iter().sum()).collect();
        let second_margin: Vec<f64> = (0..k)
            .map(|j| proportions.iter().map(|row| row[j]).sum())
            .collect();
        let credit: Vec<Vec<f64>> = (0..k)
            .map(|i| (0..k).map(|j| weights.credit(i, j, k)).collect())
            .collect();
        let observed = cells(k)
            .map(|(i, j)| credit[i][j] * proportions[i][j])
            .sum();
        let expected = cells(k)
            .map(|(i, j)| credit[i][j] * first_margin[i] * second_margin[j])
            .sum();
        Some(Table {
            n,
            proportions,
            first_margin,
            second_margin,
            credit,
            observed,
            expected,
        })
    }

    /// With every score at one level chance already explains all agreement, and kappa is
    /// 0/0 rather than a measure of anything.
    fn expected_disagreement(&self) -> Option<f64> {
        let disagreement = 1.0 - self.expected;
        (disagreement > 1e-12).then_some(disagreement)
    }

    /// w̄ᵢ. and w̄.ⱼ: the mean credit a score of i (first reviewer) or j (second) earns
    /// against the other reviewer's distribution.
    fn mean_credits(&self) -> (Vec<f64>, Vec<f64>) {
        let k = self.credit.len();
        let by_first = (0..k)
            .map(|i| {
                (0..k)
                    .map(|j| self.second_margin[j] * self.credit[i][j])
                    .sum()
            })
            .collect();
        let by_second = (0..k)
            .map(|j| {
                (0..k)
                    .map(|i| self.first_margin[i] * self.credit[i][j])
                    .sum()
            })
            .collect();
        (by_first, by_second)
    }
}

/// Weighted kappa for pairs of scores (first reviewer, second reviewer) on levels
/// 1..=`levels`. The weights depend on the scale, not on the levels used, so an unused
/// level still widens the scale. None without pairs, with a score off the scale, or when
/// all scores sit at one level (no disagreement was possible by chance).
pub fn weighted_kappa(pairs: &[(u32, u32)], levels: u32, weights: Weights) -> Option<KappaResult> {
    let table = Table::build(pairs, levels, weights)?;
    let disagreement = table.expected_disagreement()?;
    let kappa = (table.observed - table.expected) / disagreement;
    let standard_error = (pairs.len() >= 2).then(|| {
        let (by_first, by_second) = table.mean_credits();
        let spread: f64 = cells(by_first.len())
            .map(|(i, j)| {
                let centred = table.credit[i][j] - (by_first[i] + by_second[j]) * (1.0 - kappa);
                table.proportions[i][j] * centred * centred
            })
            .sum();
        let shift = kappa - table.expected * (1.0 - kappa);
        // Rounding can leave a perfect-agreement variance a hair below zero.
        ((spread - shift * shift) / (table.n * disagreement * disagreement))
            .max(0.0)
            .sqrt()
    });
    Some(KappaResult {
        kappa,
        observed_agreement: table.observed,
        expected_agreement: table.expected,
        n: pairs.len() as u32,
        standard_error,
    })
}

/// The standard error of kappa if the reviewers agreed only by chance (Fleiss, Cohen &
/// Everitt 1969, under the null): z = kappa / this tests kappa = 0, as R's `irr::kappa2`
/// does. Same None cases as `weighted_kappa`, and None from a single pair.
pub fn standard_error_under_null(
    pairs: &[(u32, u32)],
    levels: u32,
    weights: Weights,
) -> Option<f64> {
    let table = Table::build(pairs, levels, weights)?;
    let disagreement = table.expected_disagreement()?;
    if pairs.len() < 2 {
        return None;
    }
    let (by_first, by_second) = table.mean_credits();
    let spread: f64 = cells(by_first.len())
        .map(|(i, j)| {
            let centred = table.credit[i][j] - (by_first[i] + by_second[j]);
            table.first_margin[i] * table.second_margin[j] * centred * centred
        })
        .sum();
    let variance =
        (spread - table.expected * table.expected) / (table.n * disagreement * disagreement);
    Some(variance.max(0.0).sqrt())
}

/// Indices of the pairs whose scores differ by more than `levels_apart`: the samples the
/// two reviewers should talk through, since a wide miss means they read the rubric
/// differently, not that one of them was a little strict.
pub fn disagreements_beyond(pairs: &[(u32, u32)], levels_apart: u32) -> Vec<usize> {
    pairs
        .iter()
        .enumerate()
        .filter(|(_, (a, b))| a.abs_diff(*b) > levels_apart)
        .map(|(index, _)| index)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    /// Pairs from a contingency table: row = first reviewer's level, column = second's.
    fn pairs_from(table: &[&[u32]]) -> Vec<(u32, u32)> {
        let mut pairs = Vec::new();
        for (i, row) in table.iter().enumerate() {
            for (j, count) in row.iter().enumerate() {
                for _ in 0..*count {
                    pairs.push((i as u32 + 1, j as u32 + 1));
                }
            }
        }
        pairs
    }

    #[test]
    fn the_sas_printout_for_a_three_level_table() {
        // Table [[0, 4, 1], [0, 8, 0], [0, 1, 5]], n = 19, as checked against SAS PROC
        // FREQ output in statsmodels (statsmodels/stats/tests/test_inter_rater.py,
        // `table10`, UnweightedCohens and TestWeightedCohens with weights [0, 1, 2]):
        // simple kappa 0.4842, ASE 0.1380, ASE under H0 0.1484;
        // weighted (Cicchetti-Allison = linear) 0.4701, ASE 0.1457, ASE under H0 0.1426.
        // By hand, unweighted: p_o = 13/19; margins (5, 8, 6)/19 and (0, 13, 6)/19, so
        // p_e = (104 + 36)/361 = 140/361 and kappa = (247 − 140)/(361 − 140) = 107/221.
        let pairs = pairs_from(&[&[0, 4, 1], &[0, 8, 0], &[0, 1, 5]]);

        let simple = weighted_kappa(&pairs, 3, Weights::Unweighted).unwrap();
        assert!(close(simple.kappa, 107.0 / 221.0, 1e-12));
        assert!(close(simple.observed_agreement, 13.0 / 19.0, 1e-12));
        assert!(close(simple.expected_agreement, 140.0 / 361.0, 1e-12));
        assert_eq!(simple.n, 19);
        assert!(close(simple.kappa, 0.4842, 5e-5));
        assert!(close(simple.standard_error.unwrap(), 0.1380, 5e-5));
        let null = standard_error_under_null(&pairs, 3, Weights::Unweighted).unwrap();
        assert!(close(null, 0.1484, 5e-5), "{null}");

        let linear = weighted_kappa(&pairs, 3, Weights::Linear).unwrap();
        assert!(close(linear.kappa, 0.4701, 5e-5), "{}", linear.kappa);
        assert!(close(linear.standard_error.unwrap(), 0.1457, 5e-5));
        let null = standard_error_under_null(&pairs, 3, Weights::Linear).unwrap();
        assert!(close(null, 0.1426, 5e-5), "{null}");
    }

    #[test]
    fn scikit_learns_none_linear_and_quadratic_values() {
        // scikit-learn, sklearn/metrics/tests/test_classification.py, test_cohen_kappa
        // ("Weighting example: none, linear, quadratic"): y1 = 46 × 0, 44 × 1, 10 × 2 and
        // y2 = 50 × 0, 40 × 1, 10 × 2, both sorted, give 0.9315, 0.9412 and 0.9541.
        // Paired in order that is the table [[46, 0, 0], [4, 40, 0], [0, 0, 10]].
        // By hand, linear: p_o = 0.96 + 0.04 × 0.5 = 0.98; margins (.46, .44, .10) and
        // (.50, .40, .10) give p_e = 0.66, so kappa = 0.32 / 0.34 = 0.941176.
        let pairs = pairs_from(&[&[46, 0, 0], &[4, 40, 0], &[0, 0, 10]]);
        let none = weighted_kappa(&pairs, 3, Weights::Unweighted).unwrap();
        let linear = weighted_kappa(&pairs, 3, Weights::Linear).unwrap();
        let quadratic = weighted_kappa(&pairs, 3, Weights::Quadratic).unwrap();
        assert!(close(none.kappa, 0.9315, 5e-5), "{}", none.kappa);
        assert!(close(linear.kappa, 16.0 / 17.0, 1e-12));
        assert!(close(linear.kappa, 0.9412, 5e-5));
        assert!(close(quadratic.kappa, 0.9541, 5e-5), "{}", quadratic.kappa);
    }

    #[test]
    fn r_irr_kappa2_on_the_anxiety_data() {
        // R's irr::kappa2(anxiety[, 2:3], w) as recorded in statsmodels'
        // test_cohens_kappa_irr: unweighted −0.006289308 (z −0.0604067), "equal"
        // 0.1459075 (z 1.282472), "squared" 0.2520325 (z 1.437451). irr builds its scale
        // from the levels present: rater 2 and 3 use 1, 2, 3, 4 and 6, so 6 is level 5.
        let rater2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4];
        let rater3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2];
        let level = |score: u32| if score == 6 { 5 } else { score };
        let pairs: Vec<(u32, u32)> = rater2
            .iter()
            .zip(rater3)
            .map(|(a, b)| (level(*a), level(b)))
            .collect();
        for (weights, kappa, z) in [
            (Weights::Unweighted, -0.006_289_308, -0.060_406_7),
            (Weights::Linear, 0.145_907_5, 1.282_472),
            (Weights::Quadratic, 0.252_032_5, 1.437_451),
        ] {
            let result = weighted_kappa(&pairs, 5, weights).unwrap();
            assert!(
                close(result.kappa, kappa, 1e-7),
                "{weights:?} {}",
                result.kappa
            );
            let null = standard_error_under_null(&pairs, 5, weights).unwrap();
            assert!(
                close(result.kappa / null, z, 1e-5),
                "{weights:?} {}",
                result.kappa / null
            );
        }
    }

    #[test]
    fn an_unweighted_two_by_two_by_hand() {
        // Artstein & Poesio (2008), Table 1 (also scikit-learn's first kappa test, 0.348):
        // [[20, 20], [10, 50]]. p_o = 0.70; margins (.4, .6) and (.3, .7), so
        // p_e = 0.12 + 0.42 = 0.54 and kappa = 0.16 / 0.46 = 0.347826.
        let pairs = pairs_from(&[&[20, 20], &[10, 50]]);
        let result = weighted_kappa(&pairs, 2, Weights::Unweighted).unwrap();
        assert!(close(result.observed_agreement, 0.70, 1e-12));
        assert!(close(result.expected_agreement, 0.54, 1e-12));
        assert!(close(result.kappa, 8.0 / 23.0, 1e-12));
        // On two levels every weighting is the same: a miss is the widest miss there is.
        for weights in [Weights::Linear, Weights::Quadratic] {
            let weighted = weighted_kappa(&pairs, 2, weights).unwrap();
            assert!(close(weighted.kappa, result.kappa, 1e-12));
        }
    }

    #[test]
    fn perfect_agreement_is_one_with_no_spread() {
        let pairs = [(1, 1), (2, 2), (3, 3), (4, 4), (2, 2)];
        for weights in [Weights::Unweighted, Weights::Linear, Weights::Quadratic] {
            let result = weighted_kappa(&pairs, 4, weights).unwrap();
            assert!(close(result.kappa, 1.0, 1e-12));
            assert!(close(result.observed_agreement, 1.0, 1e-12));
            assert!(result.standard_error.unwrap() < 1e-7);
        }
    }

    #[test]
    fn nothing_to_measure_gives_none() {
        assert_eq!(weighted_kappa(&[], 5, Weights::Linear), None);
        // Both reviewers always said 3: chance explains it all.
        assert_eq!(weighted_kappa(&[(3, 3), (3, 3)], 5, Weights::Linear), None);
        // A score off the scale.
        assert_eq!(weighted_kappa(&[(1, 2), (6, 2)], 5, Weights::Linear), None);
        assert_eq!(weighted_kappa(&[(0, 1), (1, 1)], 5, Weights::Linear), None);
        assert_eq!(weighted_kappa(&[(1, 1)], 1, Weights::Unweighted), None);
    }

    #[test]
    fn a_single_pair_has_a_kappa_but_no_standard_error() {
        // Margins (1, 0) and (0, 1): nothing expected by chance, nothing observed.
        let result = weighted_kappa(&[(1, 2)], 2, Weights::Unweighted).unwrap();
        assert_eq!(result.kappa, 0.0);
        assert_eq!(result.standard_error, None);
        assert_eq!(
            standard_error_under_null(&[(1, 2)], 2, Weights::Unweighted),
            None
        );
    }

    #[test]
    fn wide_misses_are_flagged_for_a_calibration_talk() {
        let pairs = [(1, 1), (1, 3), (4, 2), (5, 1), (2, 3)];
        assert_eq!(disagreements_beyond(&pairs, 1), vec![1, 2, 3]);
        assert_eq!(disagreements_beyond(&pairs, 2), vec![3]);
        assert_eq!(disagreements_beyond(&pairs, 0), vec![1, 2, 3, 4]);
        assert!(disagreements_beyond(&pairs, 4).is_empty());
    }
}
