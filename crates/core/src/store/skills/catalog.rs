//! The module catalog, the competencies each module builds, and the purchases of seats.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Error, Result};
use crate::model::skills::{Delivery, ModulePricing, ModuleTarget, Purchase};
use crate::model::Money;

use super::frameworks::{self, NAME_SQL};

pub struct ModuleRecord<'a> {
    pub title: &'a str,
    pub vendor: &'a str,
    pub duration_hours: f64,
    pub delivery: Delivery,
    pub pricing: ModulePricing,
    pub price: Money,
    /// (competency, target level)
    pub targets: &'a [(i64, u32)],
}

pub fn insert_module(tx: &Transaction, record: &ModuleRecord, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO skill_modules (title, vendor, duration_hours, delivery, pricing, price_cents,
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            record.title,
            record.vendor,
            record.duration_hours,
            record.delivery.as_str(),
            record.pricing.as_str(),
            record.price.cents(),
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_targets(tx, id, record.targets)?;
    Ok(id)
}

pub fn update_module(tx: &Transaction, id: i64, record: &ModuleRecord, now: &str) -> Result<()> {
    tx.execute(
        "UPDATE skill_modules SET title = ?2, vendor = ?3, duration_hours = ?4, delivery = ?5,
             pricing = ?6, price_cents = ?7, updated_at = ?8 WHERE id = ?1",
        params![
            id,
            record.title,
            record.vendor,
            record.duration_hours,
            record.delivery.as_str(),
            record.pricing.as_str(),
            record.price.cents(),
            now
        ],
    )?;
    tx.execute("DELETE FROM module_competencies WHERE module_id = ?1", [id])?;
    write_targets(tx, id, record.targets)
}

fn write_targets(tx: &Transaction, id: i64, targets: &[(i64, u32)]) -> Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO module_competencies (module_id, competency_id, target_level) VALUES (?1, ?2, ?3)",
    )?;
    for (competency, level) in targets {
        insert.execute(params![id, competency, level])?;
    }
    Ok(())
}

/// A module as stored, before seat use is worked out.
pub struct ModuleRow {
    pub id: i64,
    pub title: String,
    pub vendor: String,
    pub duration_hours: f64,
    pub delivery: Delivery,
    pub pricing: ModulePricing,
    pub price: Money,
    pub targets: Vec<ModuleTarget>,
}

pub fn modules(conn: &Connection) -> Result<Vec<ModuleRow>> {
    let mut targets = targets(conn)?;
    let mut statement = conn.prepare(
        "SELECT id, title, vendor, duration_hours, delivery, pricing, price_cents
         FROM skill_modules ORDER BY title COLLATE NOCASE",
    )?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, f64>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, i64>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, title, vendor, duration_hours, delivery, pricing, price) = row?;
        out.push(ModuleRow {
            id,
            title,
            vendor,
            duration_hours,
            delivery: Delivery::parse(&delivery).unwrap_or(Delivery::SelfPaced),
            pricing: ModulePricing::parse(&pricing).unwrap_or(ModulePricing::PerModule),
            price: Money(price),
            targets: targets.remove(&id).unwrap_or_default(),
        });
    }
    Ok(out)
}

pub fn module(conn: &Connection, id: i64) -> Result<ModuleRow> {
    modules(conn)?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| Error::NotFound {
            entity: "module",
            id: id.to_string(),
        })
}

pub fn find_module(conn: &Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM skill_modules WHERE title = ?1 COLLATE NOCASE OR CAST(id AS TEXT) = ?1
             ORDER BY id LIMIT 1",
            [key.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

/// The competencies each module builds, with the target level's label.
pub fn targets(conn: &Connection) -> Result<HashMap<i64, Vec<ModuleTarget>>> {
    let mut statement = conn.prepare(&format!(
        "SELECT m.module_id, m.competency_id, c.human_coding, {NAME_SQL}, m.target_level,
                coalesce(l.label, '')
         FROM module_competencies m JOIN competencies c ON c.id = m.competency_id
         LEFT JOIN competency_levels l ON l.competency_id = m.competency_id AND l.level = m.target_level
         ORDER BY m.module_id, c.position"
    ))?;
    let mut by: HashMap<i64, Vec<ModuleTarget>> = HashMap::new();
    for row in statement.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            ModuleTarget {
                competency_id: r.get(1)?,
                competency: frameworks::label(&r.get::<_, String>(2)?, &r.get::<_, String>(3)?),
                target_level: r.get(4)?,
                level_label: r.get(5)?,
            },
        ))
    })? {
        let (module, target) = row?;
        by.entry(module).or_default().push(target);
    }
    Ok(by)
}

pub struct PurchaseRecord {
    pub module_id: i64,
    pub pilot_id: Option<i64>,
    pub pricing: ModulePricing,
    pub unit: Money,
    pub seats: u32,
    pub months: u32,
    pub total: Money,
    pub starts_on: chrono::NaiveDate,
}

pub fn insert_purchase(
    tx: &Transaction,
    p: &PurchaseRecord,
    actor: &str,
    now: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO module_purchases (module_id, pilot_id, pricing, unit_cents, seats, months,
             total_cents, starts_on, purchased_at, purchased_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            p.module_id,
            p.pilot_id,
            p.pricing.as_str(),
            p.unit.cents(),
            p.seats,
            p.months,
            p.total.cents(),
            p.starts_on,
            now,
            actor
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn delete_purchase(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute("DELETE FROM module_purchases WHERE id = ?1", [id])?;
    Ok(())
}

/// Purchases, newest first; for one pilot when `pilot_id` is given.
pub fn purchases(conn: &Connection, pilot_id: Option<i64>) -> Result<Vec<PurchaseRow>> {
    let mut statement = conn.prepare(
        "SELECT p.id, p.module_id, m.title, m.vendor, p.pilot_id, pl.name, p.pricing, p.unit_cents,
                p.seats, p.months, p.total_cents, p.starts_on, p.purchased_at, p.purchased_by
         FROM module_purchases p JOIN skill_modules m ON m.id = p.module_id
         LEFT JOIN pilots pl ON pl.id = p.pilot_id
         WHERE ?1 IS NULL OR p.pilot_id = ?1
         ORDER BY p.starts_on DESC, p.id DESC",
    )?;
    let rows = statement.query_map([pilot_id], |r| {
        Ok(PurchaseRow {
            id: r.get(0)?,
            module_id: r.get(1)?,
            module_title: r.get(2)?,
            vendor: r.get(3)?,
            pilot_id: r.get(4)?,
            pilot_name: r.get(5)?,
            pricing: ModulePricing::parse(&r.get::<_, String>(6)?)
                .unwrap_or(ModulePricing::PerModule),
            unit: Money(r.get(7)?),
            seats: r.get(8)?,
            months: r.get(9)?,
            total: Money(r.get(10)?),
            starts_on: r.get(11)?,
            purchased_at: r.get(12)?,
            purchased_by: r.get(13)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub struct PurchaseRow {
    pub id: i64,
    pub module_id: i64,
    pub module_title: String,
    pub vendor: String,
    pub pilot_id: Option<i64>,
    pub pilot_name: Option<String>,
    pub pricing: ModulePricing,
    pub unit: Money,
    pub seats: u32,
    pub months: u32,
    pub total: Money,
    pub starts_on: chrono::NaiveDate,
    pub purchased_at: String,
    pub purchased_by: String,
}

impl PurchaseRow {
    pub fn ends_on(&self) -> chrono::NaiveDate {
        self.starts_on
            .checked_add_months(chrono::Months::new(self.months))
            .and_then(|d| d.pred_opt())
            .unwrap_or(self.starts_on)
    }

    pub fn into_purchase(self, currency: &str) -> Purchase {
        let ends_on = self.ends_on();
        let basis = basis(self.pricing, self.seats, self.months, self.unit, currency);
        Purchase {
            id: self.id,
            module_id: self.module_id,
            module_title: self.module_title,
            vendor: self.vendor,
            pilot_id: self.pilot_id,
            pilot_name: self.pilot_name,
            pricing: self.pricing,
            unit_price: self.unit,
            seats: self.seats,
            months: self.months,
            total: self.total,
            starts_on: self.starts_on.to_string(),
            ends_on: ends_on.to_string(),
            purchased_at: self.purchased_at,
            purchased_by: self.purchased_by,
            basis,
        }
    }
}

/// How a purchase's total is reached, in words a budget holder checks.
pub fn basis(
    pricing: ModulePricing,
    seats: u32,
    months: u32,
    unit: Money,
    currency: &str,
) -> String {
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let price = unit.format_with(currency);
    match pricing {
        ModulePricing::PerSeatMonth => format!(
            "{} × {} × {price}",
            plural(seats, "seat", "seats"),
            plural(months, "month", "months")
        ),
        ModulePricing::PerModule => format!("{} × {price}", plural(seats, "learner", "learners")),
        ModulePricing::SiteLicence => {
            format!(
                "site licence, {} × {price}",
                plural(months, "month", "months")
            )
        }
    }
}

/// What a purchase costs: the one place the pricing rules live.
pub fn total(pricing: ModulePricing, seats: u32, months: u32, unit: Money) -> Option<Money> {
    let cents = match pricing {
        ModulePricing::PerSeatMonth => unit
            .cents()
            .checked_mul(i64::from(seats))?
            .checked_mul(i64::from(months))?,
        ModulePricing::PerModule => unit.cents().checked_mul(i64::from(seats))?,
        ModulePricing::SiteLicence => unit.cents().checked_mul(i64::from(months))?,
    };
    Some(Money(cents))
}
