//! The fully loaded cost of a 90-day pilot: tooling, analytics and vendor lines plus the
//! time of managers, coaches and coachees at what an hour of it costs.

use crate::model::{
    BudgetCategory, BudgetEstimate, BudgetLine, CostRow, Money, Pricing, TimeCosts,
};

/// A 90-day pilot spans 13 weeks.
pub const PILOT_WEEKS: u32 = 13;

/// Who the time costs apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Headcount {
    pub managers: u32,
    pub coachees: u32,
}

fn line_total(line: &BudgetLine) -> Money {
    Money(
        line.unit_cost
            .cents()
            .saturating_mul(i64::from(line.quantity)),
    )
}

/// Whole cents of people × hours a week × weeks × hourly cost.
fn time_cost(people: u32, hours_per_week: f64, hourly: Money) -> Money {
    let cents = f64::from(people) * hours_per_week * f64::from(PILOT_WEEKS) * hourly.cents() as f64;
    Money(cents.round() as i64)
}

fn hours(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0} h")
    } else {
        format!("{value} h")
    }
}

/// The fully loaded cost. It is never below the `committed` tooling and analytics budget:
/// what is committed but not yet itemised in budget lines is counted as one line of its own,
/// so a steering group never reads a cost lower than the money it is asked to commit.
pub fn estimate(
    lines: &[BudgetLine],
    time: &TimeCosts,
    headcount: Headcount,
    committed: Money,
    currency: &str,
) -> BudgetEstimate {
    let mut rows = Vec::new();
    let mut tooling_and_analytics = 0i64;
    let mut vendor = 0i64;
    for line in lines {
        let amount = line_total(line);
        match line.category {
            BudgetCategory::Tooling | BudgetCategory::Analytics => {
                tooling_and_analytics = tooling_and_analytics.saturating_add(amount.cents())
            }
            BudgetCategory::Vendor => vendor = vendor.saturating_add(amount.cents()),
        }
        let basis = match line.pricing {
            Pricing::Fixed => "fixed".to_string(),
            Pricing::PerSeat | Pricing::PerModule => format!(
                "{} × {} {}",
                line.quantity,
                line.unit_cost.format_with(currency),
                line.pricing.label()
            ),
        };
        rows.push(CostRow {
            label: format!("{}: {}", line.category.label(), line.description),
            basis,
            amount,
        });
    }
    let unitemised = committed.cents().saturating_sub(tooling_and_analytics);
    if unitemised > 0 {
        rows.push(CostRow {
            label: "Committed for tooling and analytics, not yet in budget lines".into(),
            basis: format!(
                "{} committed less {} itemised",
                committed.format_with(currency),
                Money(tooling_and_analytics).format_with(currency)
            ),
            amount: Money(unitemised),
        });
        tooling_and_analytics = committed.cents();
    }

    let time_rows = [
        (
            "Managers' coaching time",
            headcount.managers,
            "managers",
            time.manager_hours_per_week,
            time.manager_hourly_cost,
        ),
        (
            "Internal coaches' time",
            time.coach_count,
            "coaches",
            time.coach_hours_per_week,
            time.coach_hourly_cost,
        ),
        (
            "Coachees' time",
            headcount.coachees,
            "coachees",
            time.coachee_hours_per_week,
            time.coachee_hourly_cost,
        ),
    ];
    let mut people_time = 0i64;
    for (label, people, noun, per_week, hourly) in time_rows {
        if people == 0 || per_week == 0.0 {
            continue;
        }
        let amount = time_cost(people, per_week, hourly);
        people_time = people_time.saturating_add(amount.cents());
        rows.push(CostRow {
            label: label.into(),
            basis: format!(
                "{people} {noun} × {} a week × {PILOT_WEEKS} weeks × {}/h",
                hours(per_week),
                hourly.format_with(currency)
            ),
            amount,
        });
    }

    BudgetEstimate {
        rows,
        tooling_and_analytics: Money(tooling_and_analytics),
        vendor: Money(vendor),
        people_time: Money(people_time),
        total: Money(
            tooling_and_analytics
                .saturating_add(vendor)
                .saturating_add(people_time),
        ),
        managers: headcount.managers,
        coachees: headcount.coachees,
        weeks: PILOT_WEEKS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(category: BudgetCategory, pricing: Pricing, unit: i64, quantity: u32) -> BudgetLine {
        BudgetLine {
            category,
            description: "x".into(),
            pricing,
            unit_cost: Money(unit),
            quantity,
        }
    }

    #[test]
    fn adds_lines_and_thirteen_weeks_of_time() {
        let lines = [
            line(BudgetCategory::Tooling, Pricing::Fixed, 400_000, 1),
            line(BudgetCategory::Analytics, Pricing::Fixed, 250_000, 1),
            line(BudgetCategory::Vendor, Pricing::PerSeat, 12_000, 30),
            line(BudgetCategory::Vendor, Pricing::PerModule, 50_000, 3),
        ];
        let time = TimeCosts {
            manager_hours_per_week: 1.5,
            manager_hourly_cost: Money(6_500),
            coach_count: 2,
            coach_hours_per_week: 2.0,
            coach_hourly_cost: Money(5_500),
            coachee_hours_per_week: 0.5,
            coachee_hourly_cost: Money(4_000),
        };
        let estimate = estimate(
            &lines,
            &time,
            Headcount {
                managers: 4,
                coachees: 30,
            },
            Money(0),
            "USD",
        );
        assert_eq!(estimate.tooling_and_analytics, Money(650_000));
        assert_eq!(estimate.vendor, Money(360_000 + 150_000));
        // 4 × 1.5 × 13 × 65 = 5,070; 2 × 2 × 13 × 55 = 2,860; 30 × 0.5 × 13 × 40 = 7,800
        assert_eq!(estimate.people_time, Money(507_000 + 286_000 + 780_000));
        assert_eq!(estimate.total, Money(650_000 + 510_000 + 1_573_000));
        assert_eq!(estimate.rows.len(), 7);
        assert_eq!(
            estimate.rows[4].basis,
            "4 managers × 1.5 h a week × 13 weeks × USD 65/h"
        );
        assert_eq!(estimate.rows[2].basis, "30 × USD 120 per seat");
    }

    #[test]
    fn people_without_hours_add_no_rows() {
        let estimate = estimate(
            &[],
            &TimeCosts::default(),
            Headcount {
                managers: 3,
                coachees: 20,
            },
            Money(0),
            "EUR",
        );
        assert!(estimate.rows.is_empty());
        assert_eq!(estimate.total, Money(0));
    }

    #[test]
    fn the_fully_loaded_cost_is_never_below_the_committed_budget() {
        // Approved for 18,000 with nothing itemised: the estimate reads 18,000, not 0.
        let none = estimate(
            &[],
            &TimeCosts::default(),
            Headcount::default(),
            Money(1_800_000),
            "USD",
        );
        assert_eq!(none.total, Money(1_800_000));
        assert_eq!(none.tooling_and_analytics, Money(1_800_000));
        assert_eq!(none.rows.len(), 1);
        assert_eq!(
            none.rows[0].basis,
            "USD 18,000 committed less USD 0 itemised"
        );

        // Lines short of the commitment: the rest is counted once, not twice.
        let part = estimate(
            &[line(BudgetCategory::Tooling, Pricing::Fixed, 500_000, 1)],
            &TimeCosts::default(),
            Headcount::default(),
            Money(1_800_000),
            "USD",
        );
        assert_eq!(part.total, Money(1_800_000));
        assert_eq!(part.rows[1].amount, Money(1_300_000));

        // Lines above it: nothing is added.
        let over = estimate(
            &[line(
                BudgetCategory::Analytics,
                Pricing::Fixed,
                2_000_000,
                1,
            )],
            &TimeCosts::default(),
            Headcount::default(),
            Money(1_800_000),
            "USD",
        );
        assert_eq!(over.total, Money(2_000_000));
        assert_eq!(over.rows.len(), 1);
    }
}
