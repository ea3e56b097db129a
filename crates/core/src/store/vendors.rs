use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Error, Result};
use crate::model::{Money, Pricing, PrivacyChecklist, VendorProposal};

/// A validated proposal ready to be written.
pub struct VendorRecord<'a> {
    pub pilot_id: Option<i64>,
    pub vendor: &'a str,
    pub offering: &'a str,
    pub pricing: Pricing,
    pub unit_price: Money,
    pub contract_months: u32,
    pub privacy: &'a PrivacyChecklist,
}

pub fn insert(tx: &Transaction, record: &VendorRecord, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO vendor_proposals (pilot_id, vendor, offering, pricing, unit_price_cents,
             contract_months, personal_data, storage_location, retention, sub_processors,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            record.pilot_id,
            record.vendor,
            record.offering,
            record.pricing.as_str(),
            record.unit_price.cents(),
            record.contract_months,
            record.privacy.personal_data,
            record.privacy.storage_location,
            record.privacy.retention,
            record.privacy.sub_processors,
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update(tx: &Transaction, id: i64, record: &VendorRecord, now: &str) -> Result<()> {
    tx.execute(
        "UPDATE vendor_proposals SET pilot_id = ?2, vendor = ?3, offering = ?4, pricing = ?5,
             unit_price_cents = ?6, contract_months = ?7, personal_data = ?8,
             storage_location = ?9, retention = ?10, sub_processors = ?11, updated_at = ?12
         WHERE id = ?1",
        params![
            id,
            record.pilot_id,
            record.vendor,
            record.offering,
            record.pricing.as_str(),
            record.unit_price.cents(),
            record.contract_months,
            record.privacy.personal_data,
            record.privacy.storage_location,
            record.privacy.retention,
            record.privacy.sub_processors,
            now
        ],
    )?;
    Ok(())
}

pub fn delete(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute("DELETE FROM vendor_proposals WHERE id = ?1", [id])?;
    Ok(())
}

const SELECT: &str = "SELECT v.id, v.pilot_id, p.name, v.vendor, v.offering, v.pricing,
        v.unit_price_cents, v.contract_months, v.personal_data, v.storage_location, v.retention,
        v.sub_processors, v.updated_at
    FROM vendor_proposals v LEFT JOIN pilots p ON p.id = v.pilot_id";

fn from_row(row: &rusqlite::Row) -> rusqlite::Result<VendorProposal> {
    let pricing: String = row.get(5)?;
    let privacy = PrivacyChecklist {
        personal_data: row.get(8)?,
        storage_location: row.get(9)?,
        retention: row.get(10)?,
        sub_processors: row.get(11)?,
    };
    Ok(VendorProposal {
        id: row.get(0)?,
        pilot_id: row.get(1)?,
        pilot_name: row.get(2)?,
        vendor: row.get(3)?,
        offering: row.get(4)?,
        pricing: Pricing::parse(&pricing).unwrap_or(Pricing::Fixed),
        unit_price: Money(row.get(6)?),
        contract_months: row.get(7)?,
        privacy_answered: privacy.answered(),
        privacy,
        updated_at: row.get(12)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<VendorProposal>> {
    let mut statement = conn.prepare(&format!("{SELECT} ORDER BY v.vendor, v.id"))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn for_pilot(conn: &Connection, pilot_id: i64) -> Result<Vec<VendorProposal>> {
    let mut statement = conn.prepare(&format!("{SELECT} WHERE v.pilot_id = ?1 ORDER BY v.id"))?;
    let rows = statement.query_map([pilot_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<VendorProposal> {
    conn.query_row(&format!("{SELECT} WHERE v.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "vendor proposal",
            id: id.to_string(),
        })
}
