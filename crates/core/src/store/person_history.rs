//! Each person's team, role and manager over time: a 'joined' entry when they arrive, then
//! one dated entry per write that changes any of the three.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Statement, Transaction};

use crate::error::Result;
use crate::model::{Person, PersonChange, PersonHistoryEntry};

/// Where a person stands: what the history follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub team: String,
    pub role: String,
    pub manager_id: Option<String>,
}

/// What differs between where a person stood and the person as now written, in the order
/// team, role, manager.
pub fn changes(before: &Placement, after: &Person) -> Vec<PersonChange> {
    let mut changes = Vec::new();
    if before.team != after.team {
        changes.push(PersonChange::Team);
    }
    if before.role != after.role {
        changes.push(PersonChange::Role);
    }
    if before.manager_id != after.manager_id {
        changes.push(PersonChange::Manager);
    }
    changes
}

fn change_text(changes: &[PersonChange]) -> String {
    changes
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// Appends history entries through one prepared statement.
pub struct HistoryWriter<'t> {
    statement: Statement<'t>,
}

impl<'t> HistoryWriter<'t> {
    pub fn new(tx: &'t Transaction) -> Result<HistoryWriter<'t>> {
        Ok(HistoryWriter {
            statement: tx.prepare(
                "INSERT INTO person_history
                     (person_id, valid_from, team, role, manager_id, change, import_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
        })
    }

    /// A person new to the workspace: their first entry starts at the hire date when it is
    /// known, otherwise on `day`.
    pub fn joined(
        &mut self,
        person: &Person,
        day: NaiveDate,
        import_id: Option<i64>,
    ) -> Result<()> {
        self.append(
            person,
            person.hire_date.unwrap_or(day),
            &[PersonChange::Joined],
            import_id,
        )
    }

    /// The person as written on `day`, when `changes` is not empty.
    pub fn changed(
        &mut self,
        person: &Person,
        changes: &[PersonChange],
        day: NaiveDate,
        import_id: Option<i64>,
    ) -> Result<()> {
        if changes.is_empty() {
            return Ok(());
        }
        self.append(person, day, changes, import_id)
    }

    fn append(
        &mut self,
        person: &Person,
        valid_from: NaiveDate,
        changes: &[PersonChange],
        import_id: Option<i64>,
    ) -> Result<()> {
        self.statement.execute(params![
            person.id,
            valid_from,
            person.team,
            person.role,
            person.manager_id,
            change_text(changes),
            import_id
        ])?;
        Ok(())
    }
}

/// A person's history, oldest first; entries of the same day in the order they were written.
pub fn for_person(conn: &Connection, person_id: &str) -> Result<Vec<PersonHistoryEntry>> {
    let mut statement = conn.prepare(
        "SELECT h.valid_from, h.team, h.role, h.manager_id, m.name, h.change, h.import_id
         FROM person_history h LEFT JOIN people m ON m.id = h.manager_id
         WHERE h.person_id = ?1
         ORDER BY h.valid_from, h.id",
    )?;
    let rows = statement.query_map([person_id], |row| {
        let change: String = row.get(5)?;
        Ok(PersonHistoryEntry {
            valid_from: row.get(0)?,
            team: row.get(1)?,
            role: row.get(2)?,
            manager_id: row.get(3)?,
            manager_name: row.get(4)?,
            changes: change.split(',').filter_map(PersonChange::parse).collect(),
            import_id: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many entries the workspace holds, for tests and checks.
pub fn count(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row("SELECT count(*) FROM person_history", [], |row| row.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(team: &str, role: &str, manager: Option<&str>) -> Person {
        Person {
            id: "E1".into(),
            name: "Ada".into(),
            email: String::new(),
            team: team.into(),
            role: role.into(),
            manager_id: manager.map(String::from),
            hire_date: None,
            leaving_date: None,
        }
    }

    #[test]
    fn changes_name_what_moved_in_a_fixed_order() {
        let before = Placement {
            team: "Sales".into(),
            role: "Rep".into(),
            manager_id: Some("E9".into()),
        };
        assert!(changes(&before, &person("Sales", "Rep", Some("E9"))).is_empty());
        assert_eq!(
            changes(&before, &person("Support", "Lead", None)),
            vec![
                PersonChange::Team,
                PersonChange::Role,
                PersonChange::Manager
            ]
        );
        assert_eq!(
            change_text(&changes(&before, &person("Sales", "Lead", Some("E9")))),
            "role"
        );
        assert_eq!(
            change_text(&changes(&before, &person("Support", "Rep", Some("E8")))),
            "team,manager"
        );
    }
}
