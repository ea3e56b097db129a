//! The lift reproduces published difference-in-differences results on public panel data,
//! against a reference computed independently here by ordinary least squares (normal
//! equations with dummy variables), not by the code under test.
//!
//! 1. One treated unit: Kessler & Roth (2014) organ donation rates, 27 states × 6 quarters,
//!    California adopting active choice from Q3 2011. Published: Huntington-Klein, *The
//!    Effect* (2021), ch. 18, two-way fixed effects `Rate ~ Treated | State + Quarter`:
//!    −0.0225.
//! 2. Many treated units: Holzer et al. (1993) Michigan job training grants, firms with scrap
//!    rates in 1987 and 1988 (19 with a grant in 1988, 35 without). Published: Wooldridge,
//!    *Introductory Econometrics*, §13.5 (policy analysis with two-period panel data), the
//!    first-differenced equation Δlog(scrap) = −.057 − .317 grant, standard errors (.097)
//!    and (.164), n = 54.
//!
//! The data and their sources: tests/fixtures/README.md.

use std::collections::BTreeMap;

use pilotdesk_core::metrics::analytics::did::{self, UnitData};
use pilotdesk_core::metrics::analytics::inference;
use pilotdesk_core::metrics::analytics::moments::Moments;
use pilotdesk_core::metrics::analytics::precision::figure;
use pilotdesk_core::model::{Arm, LiftMethod};

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Rows of a plain CSV (no quoted fields), keyed by the header.
fn rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            header
                .iter()
                .zip(l.split(','))
                .map(|(h, v)| (h.to_string(), v.trim().to_string()))
                .collect()
        })
        .collect()
}

/// Least squares by the normal equations: the coefficients and their classical standard
/// errors. Gauss–Jordan with partial pivoting on X'X.
fn ols(x: &[Vec<f64>], y: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let p = x[0].len();
    let mut xtx = vec![vec![0.0; p]; p];
    let mut xty = vec![0.0; p];
    for (row, yi) in x.iter().zip(y) {
        for i in 0..p {
            xty[i] += row[i] * yi;
            for j in 0..p {
                xtx[i][j] += row[i] * row[j];
            }
        }
    }
    // [X'X | I] → [I | (X'X)⁻¹]
    let mut inverse: Vec<Vec<f64>> = (0..p)
        .map(|i| (0..p).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect();
    for column in 0..p {
        let pivot = (column..p)
            .max_by(|a, b| xtx[*a][column].abs().total_cmp(&xtx[*b][column].abs()))
            .unwrap();
        assert!(xtx[pivot][column].abs() > 1e-10, "collinear design");
        xtx.swap(column, pivot);
        inverse.swap(column, pivot);
        let scale = xtx[column][column];
        for j in 0..p {
            xtx[column][j] /= scale;
            inverse[column][j] /= scale;
        }
        for row in 0..p {
            if row != column {
                let factor = xtx[row][column];
                for j in 0..p {
                    xtx[row][j] -= factor * xtx[column][j];
                    inverse[row][j] -= factor * inverse[column][j];
                }
            }
        }
    }
    let beta: Vec<f64> = (0..p)
        .map(|i| (0..p).map(|j| inverse[i][j] * xty[j]).sum())
        .collect();
    let residual_squares: f64 = x
        .iter()
        .zip(y)
        .map(|(row, yi)| {
            let fitted: f64 = row.iter().zip(&beta).map(|(a, b)| a * b).sum();
            (yi - fitted).powi(2)
        })
        .sum();
    let s2 = residual_squares / (x.len() - p) as f64;
    let se = (0..p).map(|i| (s2 * inverse[i][i]).sqrt()).collect();
    (beta, se)
}

fn rounded(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

// ---- Organ donation: one treated unit. ----

struct Quarterly {
    state: String,
    /// Quarters since Q4 2010.
    quarter: usize,
    rate: f64,
}

/// "Q32011" → year * 4 + quarter - 1.
fn quarter_number(text: &str) -> usize {
    let q: usize = text[1..2].parse().expect("a quarter digit");
    let year: usize = text[2..].parse().expect("a year");
    year * 4 + q - 1
}

fn organ_donations() -> Vec<Quarterly> {
    let first = quarter_number("Q42010");
    rows(&fixture("organ_donation.csv"))
        .into_iter()
        .map(|r| Quarterly {
            state: r["State"].clone(),
            quarter: quarter_number(&r["Quarter"]) - first,
            rate: r["Rate"].parse().expect("a rate"),
        })
        .collect()
}

/// Q3 2011, the first quarter with active choice in California.
const ADOPTION: usize = 3;

#[test]
fn organ_donations_two_way_fixed_effects_reference_is_the_published_figure() {
    let data = organ_donations();
    let states: Vec<String> = {
        let mut s: Vec<String> = data.iter().map(|d| d.state.clone()).collect();
        s.sort();
        s.dedup();
        s
    };
    assert_eq!(
        (states.len(), data.len()),
        (27, 162),
        "27 states × 6 quarters"
    );
    // Rate ~ Treated + state dummies + quarter dummies (the first quarter dropped).
    let x: Vec<Vec<f64>> = data
        .iter()
        .map(|d| {
            let treated = d.state == "California" && d.quarter >= ADOPTION;
            let mut row = vec![f64::from(u8::from(treated))];
            row.extend(states.iter().map(|s| f64::from(u8::from(*s == d.state))));
            row.extend((1..6).map(|q| f64::from(u8::from(q == d.quarter))));
            row
        })
        .collect();
    let y: Vec<f64> = data.iter().map(|d| d.rate).collect();
    let (beta, _) = ols(&x, &y);
    assert_eq!(rounded(beta[0], 4), -0.0225, "{}", beta[0]);
    // statsmodels: -0.022458974358974905 (see the fixtures' README).
    assert!(
        (beta[0] - -0.022_458_974_358_974_9).abs() < 1e-12,
        "{}",
        beta[0]
    );
}

fn organ_units() -> Vec<UnitData> {
    let mut units: BTreeMap<String, UnitData> = BTreeMap::new();
    for d in organ_donations() {
        let unit = units.entry(d.state.clone()).or_insert_with(|| UnitData {
            unit: d.state.clone(),
            arm: if d.state == "California" {
                Arm::Pilot
            } else {
                Arm::Comparison
            },
            pre: Moments::default(),
            post: Moments::default(),
        });
        // Day numbers: quarters of about 91 days from Q4 2010.
        let day = d.quarter as f64 * 91.0;
        if d.quarter >= ADOPTION {
            unit.post.add(day, d.rate);
        } else {
            unit.pre.add(day, d.rate);
        }
    }
    units.into_values().collect()
}

#[test]
fn organ_donations_single_treated_state_matches_to_four_decimals_with_placebo_inference() {
    let estimate = did::estimate(&organ_units(), true).expect("an estimate");
    assert_eq!(estimate.method, LiftMethod::DifferenceInDifferences);
    assert_eq!((estimate.pilot_units, estimate.comparison_units), (1, 26));
    assert_eq!(rounded(estimate.effect, 4), -0.0225, "{}", estimate.effect);
    // In a balanced panel with one adoption date the two-way fixed effects estimate is
    // exactly the difference in differences of means.
    assert!((estimate.effect - -0.022_458_974_358_974_9).abs() < 1e-12);
    assert_eq!(estimate.welch, None, "no interval from one treated state");
    assert_eq!(figure(estimate.effect), "-0.0225");

    // Each of the 27 states as the treated one in turn: California's |effect| is the 5th
    // largest (behind Michigan, the District of Columbia, New Hampshire and South
    // Carolina), so p = 5/27.
    let placebo = inference::permutation(&estimate.changes).expect("placebo runs");
    assert!(placebo.exhaustive);
    assert_eq!((placebo.rank, placebo.of), (5, 27));
    assert!(
        (placebo.p_value - 5.0 / 27.0).abs() < 1e-12,
        "{}",
        placebo.p_value
    );
    assert_eq!(figure(placebo.p_value), "0.185");
    let sentence = inference::limits_sentence(1, 26, "state").expect("a caveat");
    assert!(sentence.contains("With one pilot state"), "{sentence}");
}

// ---- Job training grants: many treated units. ----

/// Firms with log scrap rates in both 1987 and 1988: (firm, grant in 1988, 1987, 1988).
fn scrap_rates() -> Vec<(String, bool, f64, f64)> {
    let mut by_firm: BTreeMap<String, (bool, Option<f64>, Option<f64>)> = BTreeMap::new();
    for r in rows(&fixture("jtrain.csv")) {
        let entry = by_firm.entry(r["fcode"].clone()).or_default();
        let lscrap = r["lscrap"].parse::<f64>().ok();
        match r["year"].as_str() {
            "1987" => entry.1 = lscrap,
            "1988" => {
                entry.0 = r["grant"] == "1";
                entry.2 = lscrap;
            }
            _ => {}
        }
    }
    by_firm
        .into_iter()
        .filter_map(|(firm, (grant, before, after))| Some((firm, grant, before?, after?)))
        .collect()
}

/// Δlog(scrap) on a constant and the grant dummy, by OLS.
fn first_differences_reference() -> (Vec<f64>, Vec<f64>) {
    let firms = scrap_rates();
    let x: Vec<Vec<f64>> = firms
        .iter()
        .map(|(_, grant, _, _)| vec![1.0, f64::from(u8::from(*grant))])
        .collect();
    let y: Vec<f64> = firms
        .iter()
        .map(|(_, _, before, after)| after - before)
        .collect();
    ols(&x, &y)
}

#[test]
fn job_training_first_differences_reference_is_the_published_equation() {
    assert_eq!(scrap_rates().len(), 54);
    let (beta, se) = first_differences_reference();
    assert_eq!((rounded(beta[0], 3), rounded(beta[1], 3)), (-0.057, -0.317));
    // statsmodels, two-way fixed effects on the same 108 firm-years: -0.3170579249277167.
    assert!(
        (beta[1] - -0.317_057_924_927_716_7).abs() < 1e-12,
        "{}",
        beta[1]
    );
    assert_eq!((rounded(se[0], 3), rounded(se[1], 3)), (0.097, 0.164));
}

#[test]
fn job_training_grants_lift_matches_the_reference_with_a_welch_interval() {
    let firms = scrap_rates();
    let units: Vec<UnitData> = firms
        .iter()
        .map(|(firm, grant, before, after)| {
            let mut unit = UnitData {
                unit: firm.clone(),
                arm: if *grant { Arm::Pilot } else { Arm::Comparison },
                pre: Moments::default(),
                post: Moments::default(),
            };
            unit.pre.add(0.0, *before);
            unit.post.add(365.0, *after);
            unit
        })
        .collect();
    let estimate = did::estimate(&units, true).expect("an estimate");
    assert_eq!((estimate.pilot_units, estimate.comparison_units), (19, 35));
    // The OLS slope on a dummy is the difference of the two groups' mean changes.
    let (reference, _) = first_differences_reference();
    assert!(
        (estimate.effect - reference[1]).abs() < 1e-12,
        "{}",
        estimate.effect
    );
    assert_eq!(figure(estimate.effect), "-0.317");
    assert!((estimate.pilot_change - -0.374_494).abs() < 1e-6);
    // Welch rather than the published pooled-variance error: sqrt(0.405452/19 +
    // 0.291149/35) = 0.172215 on 32.1798 degrees of freedom; the 95% interval from scipy's
    // t quantile is [-0.667772, 0.033656].
    let welch = estimate.welch.expect("an interval with 19 and 35 firms");
    assert!((welch.standard_error - 0.172_215).abs() < 1e-6, "{welch:?}");
    assert!(
        (welch.degrees_of_freedom - 32.1798).abs() < 1e-4,
        "{welch:?}"
    );
    assert!((welch.low - -0.667_772).abs() < 1e-6, "{welch:?}");
    assert!((welch.high - 0.033_656).abs() < 1e-6, "{welch:?}");

    // C(54, 19) splits: 10,000 sampled with a fixed seed, plus the actual one.
    let permutation = inference::permutation(&estimate.changes).expect("re-assignments");
    assert!(!permutation.exhaustive);
    assert_eq!(permutation.of, 10_001);
    // 200,000 random splits in numpy give 0.0565; 10,000 are within 0.007 (three standard
    // errors) of it.
    assert!(
        (permutation.p_value - 0.0565).abs() < 0.007,
        "{}",
        permutation.p_value
    );
}
