use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::{MemberFunction, QuorumRule, SteeringMember, Threshold, VoteBasis};

fn unknown(what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unknown {what} {value:?}").into(),
    )
}

/// The current members, by function then name.
pub fn members(conn: &Connection) -> Result<Vec<SteeringMember>> {
    let mut statement = conn.prepare(
        "SELECT s.person_id, p.name, p.role, p.team, s.function, s.joined_at, k.fingerprint
         FROM steering_members s JOIN people p ON p.id = s.person_id
         LEFT JOIN steering_keys k ON k.person_id = s.person_id AND k.retired_at IS NULL
         WHERE s.left_at IS NULL
         ORDER BY CASE s.function WHEN 'hr' THEN 0 WHEN 'analytics' THEN 1 WHEN 'finance' THEN 2
                  WHEN 'frontline' THEN 3 ELSE 4 END, p.name",
    )?;
    let rows = statement.query_map([], |row| {
        let function: String = row.get(4)?;
        Ok(SteeringMember {
            person_id: row.get(0)?,
            name: row.get(1)?,
            role: row.get(2)?,
            team: row.get(3)?,
            function: MemberFunction::parse(&function)
                .ok_or_else(|| unknown("function", &function))?,
            joined_at: row.get(5)?,
            key_fingerprint: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn member(conn: &Connection, person_id: &str) -> Result<Option<SteeringMember>> {
    Ok(members(conn)?
        .into_iter()
        .find(|m| m.person_id == person_id))
}

/// Adds a member, or brings a former member back with their new function.
pub fn add(tx: &Transaction, person_id: &str, function: MemberFunction, at: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO steering_members (person_id, function, joined_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (person_id) DO UPDATE SET function = excluded.function,
             joined_at = excluded.joined_at, left_at = NULL",
        params![person_id, function.as_str(), at],
    )?;
    Ok(())
}

pub fn remove(tx: &Transaction, person_id: &str, at: &str) -> Result<()> {
    tx.execute(
        "UPDATE steering_members SET left_at = ?2 WHERE person_id = ?1 AND left_at IS NULL",
        params![person_id, at],
    )?;
    Ok(())
}

/// A member's function, current or when they left; none for someone never a member.
pub fn function_of(conn: &Connection, person_id: &str) -> Result<Option<MemberFunction>> {
    let function: Option<String> = conn
        .query_row(
            "SELECT function FROM steering_members WHERE person_id = ?1",
            [person_id],
            |row| row.get(0),
        )
        .optional()?;
    Ok(function.and_then(|f| MemberFunction::parse(&f)))
}

pub fn rule(conn: &Connection) -> Result<QuorumRule> {
    let (functions, threshold, basis): (String, String, String) = conn.query_row(
        "SELECT required_functions, threshold, basis FROM quorum_rule WHERE id = 1",
        [],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    Ok(QuorumRule::new(
        functions
            .split(',')
            .filter_map(MemberFunction::parse)
            .collect(),
        Threshold::parse(&threshold).ok_or_else(|| unknown("threshold", &threshold))?,
        VoteBasis::parse(&basis).ok_or_else(|| unknown("basis", &basis))?,
    ))
}

pub fn set_rule(tx: &Transaction, rule: &QuorumRule) -> Result<()> {
    let functions: Vec<&str> = rule.required_functions.iter().map(|f| f.as_str()).collect();
    tx.execute(
        "UPDATE quorum_rule SET required_functions = ?1, threshold = ?2, basis = ?3 WHERE id = 1",
        params![
            functions.join(","),
            rule.threshold.as_str(),
            rule.basis.as_str()
        ],
    )?;
    Ok(())
}
