//! The lift's inference checked against data with a known truth: the generator builds a
//! randomised pilot whose KPIs move by a known effect in the pilot teams (or by none), and
//! the dashboard must find it: 95% intervals that cover the true effect about 95% of the
//! time, and randomisation p-values that are small when the effect is large and spread
//! evenly when there is no effect at all.

mod support;

use pilotdesk_core::model::Dashboard;
use pilotdesk_core::workflows::analytics;
use pilotdesk_core::workflows::generate::{generate, GenerateOptions, GenerateSummary};
use pilotdesk_core::Store;
use support::date;

/// Enough data sets that a 95% interval missing about one in twenty is a firm count, not luck.
const SEEDS: u64 = 60;

fn generated(seed: u64, effect_scale: f64) -> (Dashboard, GenerateSummary) {
    let mut store = Store::open_in_memory().unwrap();
    let summary = generate(
        &mut store,
        &GenerateOptions {
            people: 240,
            events: 1500,
            weeks: 26,
            seed,
            end: date("2026-06-30"),
            effect_scale,
        },
    )
    .unwrap();
    let dashboard = analytics::dashboard(&store, summary.pilot_id, summary.last_day).unwrap();
    (dashboard, summary)
}

#[test]
fn the_95_percent_interval_covers_the_built_in_effect_at_least_nine_times_in_ten() {
    let mut covered = [0u32; 3];
    let mut runs = 0;
    for seed in 1..=SEEDS {
        let (dashboard, summary) = generated(seed, 1.0);
        runs += 1;
        for (index, effect) in summary.effects.iter().enumerate() {
            let panel = dashboard
                .kpis
                .iter()
                .find(|p| p.kpi_id == effect.kpi_id)
                .unwrap();
            let lift = panel.lift.as_ref().unwrap_or_else(|| {
                panic!(
                    "seed {seed}: {} not measured: {:?}",
                    panel.name, panel.not_measured
                )
            });
            let (low, high) = (lift.interval_low.unwrap(), lift.interval_high.unwrap());
            if low <= effect.effect && effect.effect <= high {
                covered[index] += 1;
            }
        }
    }
    assert_eq!(runs, SEEDS);
    // At least 18 in 20 for every KPI (54 of 60), and close to 95% over all of them
    // (over 400 seeds the three KPIs came to 94.5%, 94.8% and 93.5%).
    for (index, count) in covered.iter().enumerate() {
        assert!(
            *count >= 54,
            "KPI {index}: the interval covered the true effect in {count} of {SEEDS} seeds"
        );
    }
    let all: u32 = covered.iter().sum();
    assert!(
        f64::from(all) / (3.0 * SEEDS as f64) >= 0.92,
        "{all} of {} intervals covered the true effect",
        3 * SEEDS
    );
}

#[test]
fn randomisation_p_values_are_small_for_a_real_effect_and_spread_evenly_for_none() {
    for seed in 1..=6 {
        let (dashboard, _) = generated(seed, 1.0);
        for panel in &dashboard.kpis {
            let test = panel.lift.as_ref().unwrap().randomisation.as_ref().unwrap();
            assert!(
                test.p_value < 0.05,
                "seed {seed}, {}: p = {} with a real effect",
                panel.name,
                test.p_value
            );
            assert_eq!(test.draws, 1000);
        }
    }
    let mut p_values = Vec::new();
    for seed in 1..=SEEDS {
        let (dashboard, summary) = generated(100 + seed, 0.0);
        assert!(summary.effects.iter().all(|e| e.effect == 0.0));
        let lift = dashboard.kpis[0].lift.as_ref().unwrap();
        p_values.push(lift.randomisation.as_ref().unwrap().p_value);
    }
    // About one in twenty below 0.05 when nothing is there, and each quarter of [0, 1]
    // about a quarter of the time.
    let below = p_values.iter().filter(|p| **p < 0.05).count();
    assert!(
        below as u64 <= SEEDS / 10,
        "{below} of {SEEDS} p-values below 0.05 with no effect: {p_values:?}"
    );
    for quarter in 0..4 {
        let (from, to) = (quarter as f64 / 4.0, (quarter + 1) as f64 / 4.0);
        let hits = p_values.iter().filter(|p| **p >= from && **p < to).count();
        assert!(
            hits as u64 >= SEEDS / 6,
            "only {hits} p-values in [{from}, {to}) with no effect: {p_values:?}"
        );
    }
}
