//! The pilot's budget: tooling, analytics and vendor lines, and the time of the people
//! involved, which together make the fully loaded cost estimate.

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{BudgetCategory, BudgetInput, BudgetLine, Money, Pricing, TimeCosts};
use crate::store::{budget, Store};

use super::design::edit;
use super::pilots::Problems;

const LINES_MAX: usize = 30;
/// A billion in the workspace currency, in cents: thirty such lines still sum far inside i64.
const LINE_TOTAL_MAX_CENTS: i64 = 100_000_000_000;

fn hours(problems: &mut Problems, field: &str, text: &str) -> f64 {
    if text.trim().is_empty() {
        return 0.0;
    }
    match text.trim().parse::<f64>() {
        Ok(h) if (0.0..=40.0).contains(&h) => h,
        _ => {
            problems.add(field, "enter hours a week between 0 and 40, e.g. 1.5");
            0.0
        }
    }
}

fn amount(problems: &mut Problems, field: &str, text: &str) -> Money {
    if text.trim().is_empty() {
        return Money(0);
    }
    problems.money(field, text).unwrap_or_default()
}

fn count(problems: &mut Problems, field: &str, text: &str) -> u32 {
    if text.trim().is_empty() {
        return 0;
    }
    match text.trim().parse::<u32>() {
        Ok(n) if n <= 100_000 => n,
        _ => {
            problems.add(field, "enter a whole number");
            0
        }
    }
}

/// Replaces the budget lines and time costs with what was typed, all or nothing.
pub fn set_budget(
    store: &mut Store,
    pilot_id: i64,
    input: &BudgetInput,
    today: NaiveDate,
) -> Result<()> {
    let mut problems = Problems::default();
    if input.lines.len() > LINES_MAX {
        problems.add("lines", format!("keep to {LINES_MAX} lines"));
    }
    let mut lines = Vec::new();
    for (index, line) in input.lines.iter().enumerate() {
        let field = |name: &str| format!("lines.{index}.{name}");
        let category = BudgetCategory::parse(&line.category);
        if category.is_none() {
            problems.add(&field("category"), "choose tooling, analytics or vendor");
        }
        let pricing = Pricing::parse(&line.pricing);
        if pricing.is_none() {
            problems.add(&field("pricing"), "choose fixed, per seat or per module");
        }
        let description = problems.required(
            &field("description"),
            &line.description,
            160,
            "say what this line pays for",
        );
        let unit_cost = problems.money(&field("unitCost"), &line.unit_cost);
        let quantity = match pricing {
            Some(Pricing::Fixed) if line.quantity.trim().is_empty() => 1,
            _ => match line.quantity.trim().parse::<u32>() {
                Ok(n) if n <= 100_000 => n,
                _ => {
                    problems.add(
                        &field("quantity"),
                        "enter how many seats or modules, a whole number",
                    );
                    0
                }
            },
        };
        // A line's total must stay an amount a budget can hold, or every sum over it would
        // overflow (two large lines once added up to a negative estimate).
        if let Some(cost) = unit_cost {
            if cost
                .cents()
                .checked_mul(i64::from(quantity))
                .is_none_or(|total| total > LINE_TOTAL_MAX_CENTS)
            {
                problems.add(
                    &field("unitCost"),
                    "this line comes to more than 1,000,000,000 in all; check the unit cost and the quantity",
                );
            }
        }
        if let (Some(category), Some(pricing), Some(unit_cost)) = (category, pricing, unit_cost) {
            lines.push(BudgetLine {
                category,
                description,
                pricing,
                unit_cost,
                quantity,
            });
        }
    }
    let time = &input.time;
    let time = TimeCosts {
        manager_hours_per_week: hours(
            &mut problems,
            "time.managerHoursPerWeek",
            &time.manager_hours_per_week,
        ),
        manager_hourly_cost: amount(
            &mut problems,
            "time.managerHourlyCost",
            &time.manager_hourly_cost,
        ),
        coach_count: count(&mut problems, "time.coachCount", &time.coach_count),
        coach_hours_per_week: hours(
            &mut problems,
            "time.coachHoursPerWeek",
            &time.coach_hours_per_week,
        ),
        coach_hourly_cost: amount(
            &mut problems,
            "time.coachHourlyCost",
            &time.coach_hourly_cost,
        ),
        coachee_hours_per_week: hours(
            &mut problems,
            "time.coacheeHoursPerWeek",
            &time.coachee_hours_per_week,
        ),
        coachee_hourly_cost: amount(
            &mut problems,
            "time.coacheeHourlyCost",
            &time.coachee_hourly_cost,
        ),
    };
    problems.into_result(|| ())?;
    edit(store, pilot_id, today, |tx| {
        budget::replace(tx, pilot_id, &lines, &time)?;
        Ok(((), format!("Updated the budget ({} lines)", lines.len())))
    })
}
