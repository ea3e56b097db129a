use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::{BudgetCategory, BudgetLine, Money, Pricing, TimeCosts};

pub fn lines_for(conn: &Connection, pilot_id: i64) -> Result<Vec<BudgetLine>> {
    let mut statement = conn.prepare(
        "SELECT category, description, pricing, unit_cost, quantity FROM budget_lines
         WHERE pilot_id = ?1 ORDER BY position",
    )?;
    let rows = statement.query_map([pilot_id], |row| {
        let category: String = row.get(0)?;
        let pricing: String = row.get(2)?;
        Ok(BudgetLine {
            category: BudgetCategory::parse(&category).unwrap_or(BudgetCategory::Tooling),
            description: row.get(1)?,
            pricing: Pricing::parse(&pricing).unwrap_or(Pricing::Fixed),
            unit_cost: Money(row.get(3)?),
            quantity: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn time_for(conn: &Connection, pilot_id: i64) -> Result<TimeCosts> {
    Ok(conn
        .query_row(
            "SELECT manager_hours_per_week, manager_hourly_cost, coach_count, coach_hours_per_week,
                    coach_hourly_cost, coachee_hours_per_week, coachee_hourly_cost
             FROM pilot_time_costs WHERE pilot_id = ?1",
            [pilot_id],
            |row| {
                Ok(TimeCosts {
                    manager_hours_per_week: row.get(0)?,
                    manager_hourly_cost: Money(row.get(1)?),
                    coach_count: row.get(2)?,
                    coach_hours_per_week: row.get(3)?,
                    coach_hourly_cost: Money(row.get(4)?),
                    coachee_hours_per_week: row.get(5)?,
                    coachee_hourly_cost: Money(row.get(6)?),
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

pub fn replace(
    tx: &Transaction,
    pilot_id: i64,
    lines: &[BudgetLine],
    time: &TimeCosts,
) -> Result<()> {
    tx.execute("DELETE FROM budget_lines WHERE pilot_id = ?1", [pilot_id])?;
    let mut insert = tx.prepare(
        "INSERT INTO budget_lines (pilot_id, position, category, description, pricing, unit_cost, quantity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (position, line) in lines.iter().enumerate() {
        insert.execute(params![
            pilot_id,
            position as i64,
            line.category.as_str(),
            line.description,
            line.pricing.as_str(),
            line.unit_cost.cents(),
            line.quantity
        ])?;
    }
    tx.execute(
        "INSERT INTO pilot_time_costs (pilot_id, manager_hours_per_week, manager_hourly_cost,
             coach_count, coach_hours_per_week, coach_hourly_cost, coachee_hours_per_week,
             coachee_hourly_cost)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (pilot_id) DO UPDATE SET
             manager_hours_per_week = excluded.manager_hours_per_week,
             manager_hourly_cost = excluded.manager_hourly_cost,
             coach_count = excluded.coach_count,
             coach_hours_per_week = excluded.coach_hours_per_week,
             coach_hourly_cost = excluded.coach_hourly_cost,
             coachee_hours_per_week = excluded.coachee_hours_per_week,
             coachee_hourly_cost = excluded.coachee_hourly_cost",
        params![
            pilot_id,
            time.manager_hours_per_week,
            time.manager_hourly_cost.cents(),
            time.coach_count,
            time.coach_hours_per_week,
            time.coach_hourly_cost.cents(),
            time.coachee_hours_per_week,
            time.coachee_hourly_cost.cents()
        ],
    )?;
    Ok(())
}
