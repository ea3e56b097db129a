use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{Error, Result};
use crate::model::{Baseline, Direction, Kpi, Money, SuccessCriterion};

/// A validated KPI ready to be written.
pub struct KpiRecord<'a> {
    pub name: &'a str,
    pub unit: &'a str,
    pub direction: Direction,
    pub value_per_unit: Option<Money>,
    pub data_source: &'a str,
    pub baseline: Option<&'a Baseline>,
    pub target_lift: Option<f64>,
    pub interval_above_zero: bool,
}

/// The decision rule in words, by the KPI's direction, e.g. "Scale if days to first deal
/// falls by at least 5 days and its whole 95% interval is a fall".
pub fn rule_text(
    name: &str,
    unit: &str,
    direction: Direction,
    target: f64,
    interval: bool,
) -> String {
    let movement = match direction {
        Direction::Higher => "rises",
        Direction::Lower => "falls",
    };
    let target = if target.fract() == 0.0 {
        format!("{target:.0}")
    } else {
        format!("{target}")
    };
    // A change in a percentage is stated in points, so "5" never reads as a relative 5%.
    let unit = if unit.trim() == "%" {
        "percentage points"
    } else {
        unit
    };
    let mut rule = format!(
        "Scale if {} {movement} by at least {target} {unit}",
        name.to_lowercase()
    );
    if interval {
        rule.push_str(match direction {
            Direction::Higher => " and its whole 95% interval is a rise",
            Direction::Lower => " and its whole 95% interval is a fall",
        });
    }
    rule
}

fn from_row(row: &Row) -> rusqlite::Result<Kpi> {
    let direction: String = row.get(4)?;
    let direction = Direction::parse(&direction).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            4,
            rusqlite::types::Type::Text,
            "unknown direction".into(),
        )
    })?;
    let name: String = row.get(2)?;
    let unit: String = row.get(3)?;
    let baseline = match (row.get(7)?, row.get(8)?, row.get(9)?) {
        (Some(start), Some(end), Some(value)) => Some(Baseline { start, end, value }),
        _ => None,
    };
    let interval: bool = row.get(11)?;
    let criterion = row
        .get::<_, Option<f64>>(10)?
        .map(|target_lift| SuccessCriterion {
            target_lift,
            interval_above_zero: interval,
            rule: rule_text(&name, &unit, direction, target_lift, interval),
        });
    Ok(Kpi {
        id: row.get(0)?,
        position: row.get(1)?,
        name,
        unit,
        direction,
        value_per_unit: row.get::<_, Option<i64>>(5)?.map(Money),
        data_source: row.get(6)?,
        baseline,
        criterion,
    })
}

const COLUMNS: &str = "id, position, name, unit, direction, value_per_unit, data_source, \
                       baseline_start, baseline_end, baseline_value, target_lift, interval_above_zero";

pub fn for_pilot(conn: &Connection, pilot_id: i64) -> Result<Vec<Kpi>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM pilot_kpis WHERE pilot_id = ?1 ORDER BY position"
    ))?;
    let rows = statement.query_map([pilot_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The pilot a KPI belongs to.
pub fn pilot_of(conn: &Connection, kpi_id: i64) -> Result<i64> {
    conn.query_row(
        "SELECT pilot_id FROM pilot_kpis WHERE id = ?1",
        [kpi_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: "KPI",
        id: kpi_id.to_string(),
    })
}

pub fn insert(tx: &Transaction, pilot_id: i64, record: &KpiRecord) -> Result<i64> {
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position) + 1, 0) FROM pilot_kpis WHERE pilot_id = ?1",
        [pilot_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO pilot_kpis (pilot_id, position, name, unit, direction, value_per_unit,
             data_source, baseline_start, baseline_end, baseline_value, target_lift,
             interval_above_zero)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            pilot_id,
            position,
            record.name,
            record.unit,
            record.direction.as_str(),
            record.value_per_unit.map(Money::cents),
            record.data_source,
            record.baseline.map(|b| b.start),
            record.baseline.map(|b| b.end),
            record.baseline.map(|b| b.value),
            record.target_lift,
            record.interval_above_zero
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update(tx: &Transaction, kpi_id: i64, record: &KpiRecord) -> Result<()> {
    tx.execute(
        "UPDATE pilot_kpis SET name = ?2, unit = ?3, direction = ?4, value_per_unit = ?5,
             data_source = ?6, baseline_start = ?7, baseline_end = ?8, baseline_value = ?9,
             target_lift = ?10, interval_above_zero = ?11
         WHERE id = ?1",
        params![
            kpi_id,
            record.name,
            record.unit,
            record.direction.as_str(),
            record.value_per_unit.map(Money::cents),
            record.data_source,
            record.baseline.map(|b| b.start),
            record.baseline.map(|b| b.end),
            record.baseline.map(|b| b.value),
            record.target_lift,
            record.interval_above_zero
        ],
    )?;
    Ok(())
}

pub fn delete(tx: &Transaction, kpi_id: i64) -> Result<()> {
    tx.execute("DELETE FROM pilot_kpis WHERE id = ?1", [kpi_id])?;
    Ok(())
}
