//! The Phillips ROI of a pilot (DESIGN.md, "Measurement"): first-year benefits from the
//! isolated KPI effects, adjusted by the stated confidence, against fully loaded costs, with
//! the extras a steering group asks for (payback, break-even, the interval's ends and a
//! sensitivity curve). Money is computed in f64 minor units and rounded only for display, so
//! the ratios are exact for the inputs given.

use crate::model::{
    BenefitLine, CategoryCost, CostCategory, CostLine, Money, RoiFigures, SensitivityPoint,
};

use super::precision::{compact as number, percent};

/// One monetised KPI.
#[derive(Debug, Clone, PartialEq)]
pub struct BenefitInput {
    pub kpi: String,
    /// The KPI's unit, e.g. "days"; named in the formula.
    pub unit: String,
    /// The isolated effect in the KPI's good direction (positive is better).
    pub improvement: f64,
    /// The improvement's 95% interval, when there is one.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Minor units: what one unit of improvement is worth for one affected unit for a year.
    pub value_per_unit: f64,
    /// How many units the improvement applies to in the first year.
    pub affected_per_year: f64,
    /// What those units are, e.g. "new hires"; named in the formula.
    pub affected_unit: String,
    /// 0..=1, the stated confidence in the isolated effect.
    pub confidence: f64,
}

/// One fully loaded cost, in minor units, with how it was reached.
#[derive(Debug, Clone, PartialEq)]
pub struct CostInput {
    pub category: CostCategory,
    pub label: String,
    pub amount: f64,
    pub basis: String,
}

/// The effect scale factors of the sensitivity curve: none of the effect up to twice it.
const SENSITIVITY_STEPS: u32 = 8;
const SENSITIVITY_STEP: f64 = 0.25;
const MONTHS_PER_YEAR: f64 = 12.0;

/// Benefits against costs for one pilot. `intangibles` are passed through to be listed, never
/// monetised; `currency` names the amounts in the formulas.
pub fn roi(
    benefits: &[BenefitInput],
    costs: &[CostInput],
    intangibles: &[String],
    currency: &str,
) -> RoiFigures {
    let costs_total: f64 = costs.iter().map(|c| finite_or_zero(c.amount)).sum();
    let benefits_total = total_at_scale(benefits, 1.0);

    let benefit_lines = benefits
        .iter()
        .map(|b| benefit_line(b, costs_total, currency))
        .collect();
    let cost_lines = costs
        .iter()
        .map(|c| CostLine {
            category: c.category,
            label: c.label.clone(),
            amount: money(c.amount),
            basis: c.basis.clone(),
        })
        .collect();

    let (benefits_low, benefits_high, interval_note) = interval_benefits(benefits);
    let sensitivity = if costs_total > 0.0 {
        (0..=SENSITIVITY_STEPS)
            .map(|step| {
                let scale = f64::from(step) * SENSITIVITY_STEP;
                let scaled = total_at_scale(benefits, scale);
                SensitivityPoint {
                    scale,
                    benefits: money(scaled),
                    roi_percent: roi_percent(scaled, costs_total).unwrap_or_default(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };

    RoiFigures {
        benefits: benefit_lines,
        costs: cost_lines,
        benefits_total: money(benefits_total),
        costs_total: money(costs_total),
        costs_by_category: costs_by_category(costs),
        bcr: (costs_total > 0.0).then(|| benefits_total / costs_total),
        roi_percent: roi_percent(benefits_total, costs_total),
        payback_months: (benefits_total > 0.0)
            .then(|| costs_total / (benefits_total / MONTHS_PER_YEAR)),
        break_even_scale: (benefits_total > 0.0).then(|| costs_total / benefits_total),
        benefits_low: benefits_low.map(money),
        benefits_high: benefits_high.map(money),
        roi_percent_low: benefits_low.and_then(|b| roi_percent(b, costs_total)),
        roi_percent_high: benefits_high.and_then(|b| roi_percent(b, costs_total)),
        interval_note,
        sensitivity,
        intangibles: intangibles.to_vec(),
        methods: methods(benefits_total, costs_total),
    }
}

/// (B − C) / C × 100; no figure without costs, since any benefit over nothing is not a rate.
fn roi_percent(benefits: f64, costs: f64) -> Option<f64> {
    (costs > 0.0).then(|| (benefits - costs) / costs * 100.0)
}

/// A confidence outside 0..=1 cannot be meant; an unreadable one counts as none, the
/// conservative reading.
fn stated_confidence(confidence: f64) -> f64 {
    if confidence.is_finite() {
        confidence.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// An input that is not a number (say, an effect that could not be estimated) counts nothing
/// rather than turning every total into NaN.
fn finite_or_zero(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

/// improvement × value per unit × affected per year, before any adjustment.
fn annual_value(benefit: &BenefitInput, improvement: f64) -> f64 {
    finite_or_zero(improvement)
        * finite_or_zero(benefit.value_per_unit)
        * finite_or_zero(benefit.affected_per_year)
}

/// What a year's value counts for. A gain is discounted by the confidence in it; a loss is
/// not, because shrinking a loss by doubt would flatter the pilot.
fn counted(annual: f64, confidence: f64) -> f64 {
    if annual > 0.0 {
        annual * stated_confidence(confidence)
    } else {
        annual
    }
}

/// The benefits if every measured effect were `scale` times its size. Scaling each line
/// keeps a loss a loss, so the curve stays linear in the scale for scale ≥ 0.
fn total_at_scale(benefits: &[BenefitInput], scale: f64) -> f64 {
    benefits
        .iter()
        .map(|b| counted(annual_value(b, b.improvement * scale), b.confidence))
        .sum()
}

/// Benefits with every improvement at its interval's low end and at its high end, or a note
/// naming the KPIs that have no interval: mixing ends with point estimates would present a
/// partial range as the whole one.
fn interval_benefits(benefits: &[BenefitInput]) -> (Option<f64>, Option<f64>, Option<String>) {
    let without: Vec<&str> = benefits
        .iter()
        .filter(|b| !has_interval(b))
        .map(|b| b.kpi.as_str())
        .collect();
    if !without.is_empty() {
        let verb = if without.len() == 1 { "has" } else { "have" };
        return (
            None,
            None,
            Some(format!(
                "ROI at the ends of the interval is not given: {} {verb} no 95% interval.",
                list_in_words(&without)
            )),
        );
    }
    let end = |pick_high: bool| {
        benefits
            .iter()
            .map(|b| {
                let (low, high) = ordered_interval(b);
                let improvement = if pick_high { high } else { low };
                counted(annual_value(b, improvement), b.confidence)
            })
            .sum::<f64>()
    };
    (Some(end(false)), Some(end(true)), None)
}

fn has_interval(benefit: &BenefitInput) -> bool {
    matches!((benefit.low, benefit.high), (Some(low), Some(high)) if low.is_finite() && high.is_finite())
}

/// The interval's ends as (lower, higher) whichever order they were given in.
fn ordered_interval(benefit: &BenefitInput) -> (f64, f64) {
    let low = benefit.low.unwrap_or(benefit.improvement);
    let high = benefit.high.unwrap_or(benefit.improvement);
    (low.min(high), low.max(high))
}

fn benefit_line(benefit: &BenefitInput, costs_total: f64, currency: &str) -> BenefitLine {
    let confidence = stated_confidence(benefit.confidence);
    let annual = annual_value(benefit, benefit.improvement);
    let adjusted = counted(annual, benefit.confidence);
    let worth_per_unit_of_improvement = finite_or_zero(benefit.value_per_unit)
        * finite_or_zero(benefit.affected_per_year)
        * confidence;
    let (improvement_low, improvement_high) = if has_interval(benefit) {
        let (low, high) = ordered_interval(benefit);
        (Some(low), Some(high))
    } else {
        (None, None)
    };
    BenefitLine {
        kpi: benefit.kpi.clone(),
        unit: benefit.unit.clone(),
        improvement: benefit.improvement,
        improvement_low,
        improvement_high,
        value_per_unit: money(benefit.value_per_unit),
        affected_per_year: benefit.affected_per_year,
        affected_unit: benefit.affected_unit.clone(),
        confidence,
        annual_value: money(annual),
        adjusted_value: money(adjusted),
        formula: formula(benefit, annual, adjusted, currency),
        break_even_improvement: (worth_per_unit_of_improvement > 0.0)
            .then(|| costs_total / worth_per_unit_of_improvement),
    }
}

/// "6.2 days × USD 350 × 40 new hires × 80% confidence = USD 69,440": every input named, so
/// a reader can redo the sum on paper.
fn formula(benefit: &BenefitInput, annual: f64, adjusted: f64, currency: &str) -> String {
    let inputs = format!(
        "{} × {} × {}",
        with_unit(benefit.improvement, &benefit.unit),
        money(benefit.value_per_unit).format_with(currency),
        with_unit(benefit.affected_per_year, &benefit.affected_unit),
    );
    if annual > 0.0 {
        format!(
            "{inputs} × {} confidence = {}",
            percent(stated_confidence(benefit.confidence)),
            money(adjusted).format_with(currency)
        )
    } else if annual < 0.0 {
        format!(
            "{inputs} = {}, a loss counted in full",
            money(annual).format_with(currency)
        )
    } else {
        format!("{inputs} = {}", money(annual).format_with(currency))
    }
}

fn with_unit(value: f64, unit: &str) -> String {
    super::precision::with_change_unit(&number(value), unit)
}

fn costs_by_category(costs: &[CostInput]) -> Vec<CategoryCost> {
    CostCategory::ALL
        .into_iter()
        .filter(|category| costs.iter().any(|c| c.category == *category))
        .map(|category| CategoryCost {
            category,
            label: category.label().into(),
            total: money(
                costs
                    .iter()
                    .filter(|c| c.category == category)
                    .map(|c| finite_or_zero(c.amount))
                    .sum(),
            ),
        })
        .collect()
}

/// The sentences for the methods appendix: what was counted, how, and every conservative
/// choice, plus what could not be computed and why.
fn methods(benefits_total: f64, costs_total: f64) -> Vec<String> {
    let mut sentences: Vec<String> = [
        "Benefits count the first year only: each KPI's isolated improvement × what one unit \
         of it is worth for a year × the units it applies to in that year; later years are \
         not counted.",
        "Each gain is multiplied by the stated confidence in its isolated effect (the Phillips \
         adjustment), so an uncertain effect counts for less.",
        "A KPI that got worse counts against the pilot at its full measured size: the \
         confidence adjustment never shrinks a loss.",
        "Costs are fully loaded: vendor fees, tooling and analytics, and the time of managers, \
         coaches and coachees at their hourly cost.",
        "BCR = benefits / costs; ROI % = (benefits − costs) / costs × 100; payback in months = \
         costs / (benefits / 12), which assumes the first year's benefit arrives evenly.",
        "Break-even per KPI is the improvement that KPI alone would need to cover all costs, \
         counting nothing from the other KPIs.",
        "The break-even scale is the fraction of every measured effect at which benefits equal \
         costs: below 1, the pilot pays even if the effects were overstated by that much.",
        "ROI at the ends of the interval puts every KPI at the low (or high) end of its 95% \
         interval at once, a harsher (kinder) case than the uncertainty of any one KPI.",
        "Intangibles are listed, not monetised.",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    if costs_total <= 0.0 {
        sentences.push(
            "No costs are recorded, so BCR, ROI % and the sensitivity curve are not given.".into(),
        );
    }
    if benefits_total <= 0.0 {
        sentences.push(
            "The benefits are not positive, so there is no payback period and no break-even \
             scale."
                .into(),
        );
    }
    sentences
}

fn list_in_words(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Rounded to whole minor units for display; the figures themselves use the unrounded sums.
fn money(minor_units: f64) -> Money {
    Money(finite_or_zero(minor_units).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::{roi, BenefitInput, CostInput};
    use crate::model::{CostCategory, Money};

    const EXACT: f64 = 1e-9;

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("a figure");
        assert!(
            (actual - expected).abs() < EXACT,
            "{actual} is not {expected}"
        );
    }

    fn onboarding() -> BenefitInput {
        BenefitInput {
            kpi: "Time to first deal".into(),
            unit: "days".into(),
            improvement: 6.2,
            low: Some(2.0),
            high: Some(10.4),
            value_per_unit: 35_000.0, // USD 350 per day saved per new hire
            affected_per_year: 40.0,
            affected_unit: "new hires".into(),
            confidence: 0.8,
        }
    }

    fn resolution() -> BenefitInput {
        BenefitInput {
            kpi: "First-contact resolution".into(),
            unit: "%".into(),
            improvement: 2.5,
            low: Some(-0.5),
            high: Some(5.5),
            value_per_unit: 12_000.0, // USD 120 per percentage point per agent
            affected_per_year: 150.0,
            affected_unit: "agents".into(),
            confidence: 0.5,
        }
    }

    fn cost(category: CostCategory, amount: f64) -> CostInput {
        CostInput {
            category,
            label: category.label().into(),
            amount,
            basis: "ledger".into(),
        }
    }

    fn pilot_costs() -> Vec<CostInput> {
        vec![
            cost(CostCategory::Vendor, 3_000_000.0),
            cost(CostCategory::Tooling, 500_000.0),
            cost(CostCategory::Analytics, 400_000.0),
            cost(CostCategory::ManagerTime, 1_200_000.0),
            cost(CostCategory::CoachTime, 300_000.0),
            cost(CostCategory::CoacheeTime, 600_000.0),
            cost(CostCategory::Vendor, 0.0),
        ]
    }

    #[test]
    fn worked_example_matches_the_hand_arithmetic() {
        // Onboarding: 6.2 days × 35,000 × 40 = 8,680,000 a year; × 0.8 = 6,944,000.
        // Resolution: 2.5 points × 12,000 × 150 = 4,500,000 a year; × 0.5 = 2,250,000.
        // B = 6,944,000 + 2,250,000 = 9,194,000.
        // C = 3,000,000 + 500,000 + 400,000 + 1,200,000 + 300,000 + 600,000 = 6,000,000.
        let figures = roi(&[onboarding(), resolution()], &pilot_costs(), &[], "USD");
        assert_eq!(figures.benefits_total, Money(9_194_000));
        assert_eq!(figures.costs_total, Money(6_000_000));
        assert_eq!(figures.benefits[0].annual_value, Money(8_680_000));
        assert_eq!(figures.benefits[0].adjusted_value, Money(6_944_000));
        assert_eq!(figures.benefits[1].adjusted_value, Money(2_250_000));

        // BCR = 9,194,000 / 6,000,000.
        close(figures.bcr, 9_194_000.0 / 6_000_000.0);
        // ROI % = (9,194,000 − 6,000,000) / 6,000,000 × 100 = 3,194,000 / 60,000 = 53.2333…
        close(figures.roi_percent, 3_194_000.0 / 60_000.0);
        // Payback = 6,000,000 / (9,194,000 / 12) = 72,000,000 / 9,194,000 = 7.83… months.
        close(figures.payback_months, 72_000_000.0 / 9_194_000.0);
        // Break-even, each KPI alone: C / (value × affected × confidence).
        // Onboarding: 6,000,000 / (35,000 × 40 × 0.8 = 1,120,000) = 5.3571… days.
        close(
            figures.benefits[0].break_even_improvement,
            6_000_000.0 / 1_120_000.0,
        );
        // Resolution: 6,000,000 / (12,000 × 150 × 0.5 = 900,000) = 6.6667 points.
        close(
            figures.benefits[1].break_even_improvement,
            6_000_000.0 / 900_000.0,
        );
        // Common scale on both effects: C / B = 6,000,000 / 9,194,000 = 0.6526…
        close(figures.break_even_scale, 6_000_000.0 / 9_194_000.0);

        // Low ends: 2.0 × 1,400,000 × 0.8 = 2,240,000; −0.5 × 1,800,000 = −900,000 (a loss,
        // not shrunk by the 0.5 confidence). B_low = 1,340,000.
        assert_eq!(figures.benefits_low, Some(Money(1_340_000)));
        // ROI low = (1,340,000 − 6,000,000) / 60,000 = −77.6667 %.
        close(figures.roi_percent_low, -4_660_000.0 / 60_000.0);
        // High ends: 10.4 × 1,400,000 × 0.8 = 11,648,000; 5.5 × 1,800,000 × 0.5 = 4,950,000.
        // B_high = 16,598,000; ROI high = 10,598,000 / 60,000 = 176.6333 %.
        assert_eq!(figures.benefits_high, Some(Money(16_598_000)));
        close(figures.roi_percent_high, 10_598_000.0 / 60_000.0);
        assert_eq!(figures.interval_note, None);
    }

    #[test]
    fn formulas_name_every_input() {
        let figures = roi(&[onboarding(), resolution()], &pilot_costs(), &[], "USD");
        assert_eq!(
            figures.benefits[0].formula,
            "6.2 days × USD 350 × 40 new hires × 80% confidence = USD 69,440"
        );
        assert_eq!(
            figures.benefits[1].formula,
            "2.5 percentage points × USD 120 × 150 agents × 50% confidence = USD 22,500"
        );
    }

    #[test]
    fn costs_are_totalled_per_category_in_a_fixed_order() {
        let mut costs = pilot_costs();
        costs.reverse();
        let figures = roi(&[onboarding()], &costs, &[], "USD");
        let categories: Vec<_> = figures
            .costs_by_category
            .iter()
            .map(|c| (c.category, c.total))
            .collect();
        assert_eq!(
            categories,
            vec![
                (CostCategory::Vendor, Money(3_000_000)),
                (CostCategory::Tooling, Money(500_000)),
                (CostCategory::Analytics, Money(400_000)),
                (CostCategory::ManagerTime, Money(1_200_000)),
                (CostCategory::CoachTime, Money(300_000)),
                (CostCategory::CoacheeTime, Money(600_000)),
            ]
        );
        assert_eq!(figures.costs.len(), 7);
    }

    #[test]
    fn the_break_even_improvement_really_breaks_even() {
        let costs = pilot_costs();
        let figures = roi(&[onboarding()], &costs, &[], "USD");
        let needed = figures.benefits[0]
            .break_even_improvement
            .expect("a break-even");
        let at_break_even = BenefitInput {
            improvement: needed,
            ..onboarding()
        };
        let again = roi(&[at_break_even], &costs, &[], "USD");
        close(again.roi_percent, 0.0);
        close(again.bcr, 1.0);
    }

    #[test]
    fn sensitivity_runs_from_no_effect_to_twice_the_effect() {
        let figures = roi(&[onboarding(), resolution()], &pilot_costs(), &[], "USD");
        let scales: Vec<f64> = figures.sensitivity.iter().map(|p| p.scale).collect();
        assert_eq!(
            scales,
            vec![0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0]
        );
        // Scale 0: nothing gained, all costs lost.
        close(Some(figures.sensitivity[0].roi_percent), -100.0);
        // Scale 1 is the central figure.
        close(
            Some(figures.sensitivity[4].roi_percent),
            3_194_000.0 / 60_000.0,
        );
        // Scale 2: B = 18,388,000; (18,388,000 − 6,000,000) / 60,000 = 206.4667 %.
        close(
            Some(figures.sensitivity[8].roi_percent),
            12_388_000.0 / 60_000.0,
        );
        assert_eq!(figures.sensitivity[8].benefits, Money(18_388_000));
    }

    #[test]
    fn a_kpi_that_got_worse_counts_as_a_full_loss() {
        let worse = BenefitInput {
            improvement: -1.5,
            ..resolution()
        };
        let figures = roi(&[onboarding(), worse], &pilot_costs(), &[], "USD");
        // −1.5 × 12,000 × 150 = −2,700,000, confidence not applied.
        assert_eq!(figures.benefits[1].annual_value, Money(-2_700_000));
        assert_eq!(figures.benefits[1].adjusted_value, Money(-2_700_000));
        assert_eq!(figures.benefits_total, Money(6_944_000 - 2_700_000));
        assert!(figures.benefits[1]
            .formula
            .contains("a loss counted in full"));
        assert!(!figures.benefits[1].formula.contains("confidence"));
    }

    #[test]
    fn no_costs_means_no_ratio() {
        let figures = roi(&[onboarding()], &[], &[], "USD");
        assert_eq!(figures.bcr, None);
        assert_eq!(figures.roi_percent, None);
        assert_eq!(figures.roi_percent_low, None);
        assert!(figures.sensitivity.is_empty());
        // Nothing to pay back: paid back at once.
        close(figures.payback_months, 0.0);
        assert!(figures.methods.iter().any(|m| m.contains("No costs")));
    }

    #[test]
    fn no_benefit_means_no_payback() {
        let nothing = BenefitInput {
            improvement: 0.0,
            ..onboarding()
        };
        let figures = roi(&[nothing], &pilot_costs(), &[], "USD");
        assert_eq!(figures.payback_months, None);
        assert_eq!(figures.break_even_scale, None);
        close(figures.roi_percent, -100.0);
        close(figures.bcr, 0.0);

        let worse = BenefitInput {
            improvement: -3.0,
            ..onboarding()
        };
        let figures = roi(&[worse], &pilot_costs(), &[], "USD");
        assert_eq!(figures.payback_months, None);
        assert!(figures.methods.iter().any(|m| m.contains("not positive")));

        let figures = roi(&[], &pilot_costs(), &[], "USD");
        assert_eq!(figures.payback_months, None);
        assert_eq!(figures.benefits_total, Money(0));
    }

    #[test]
    fn a_kpi_without_confidence_or_value_never_breaks_even() {
        let doubted = BenefitInput {
            confidence: 0.0,
            ..onboarding()
        };
        let figures = roi(&[doubted], &pilot_costs(), &[], "USD");
        assert_eq!(figures.benefits[0].break_even_improvement, None);
        assert_eq!(figures.benefits_total, Money(0));
    }

    #[test]
    fn the_interval_ends_need_every_kpi_to_have_an_interval() {
        let single_unit = BenefitInput {
            low: None,
            high: None,
            ..resolution()
        };
        let figures = roi(&[onboarding(), single_unit], &pilot_costs(), &[], "USD");
        assert_eq!(figures.roi_percent_low, None);
        assert_eq!(figures.roi_percent_high, None);
        assert_eq!(figures.benefits_low, None);
        assert_eq!(
            figures.interval_note.as_deref(),
            Some(
                "ROI at the ends of the interval is not given: First-contact resolution has no \
                 95% interval."
            )
        );
        // The central figure is still given.
        assert!(figures.roi_percent.is_some());
    }

    #[test]
    fn confidence_outside_its_range_is_clamped() {
        let overconfident = BenefitInput {
            confidence: 1.7,
            ..onboarding()
        };
        let figures = roi(&[overconfident], &pilot_costs(), &[], "USD");
        assert_eq!(figures.benefits_total, Money(8_680_000));
        assert_eq!(figures.benefits[0].confidence, 1.0);
    }

    #[test]
    fn intangibles_are_listed_not_counted() {
        let intangibles = vec!["Managers report more confidence in hard conversations".into()];
        let with = roi(&[onboarding()], &pilot_costs(), &intangibles, "USD");
        let without = roi(&[onboarding()], &pilot_costs(), &[], "USD");
        assert_eq!(with.intangibles, intangibles);
        assert_eq!(with.benefits_total, without.benefits_total);
    }
}
