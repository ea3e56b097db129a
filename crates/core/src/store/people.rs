use rusqlite::{params, Connection, Row, Transaction};

use crate::error::Result;
use crate::model::{Person, Team};

pub fn insert(tx: &Transaction, person: &Person) -> Result<()> {
    tx.execute(
        "INSERT INTO people (id, name, email, team, role, manager_id, hire_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            person.id,
            person.name,
            person.email,
            person.team,
            person.role,
            person.manager_id,
            person.hire_date
        ],
    )?;
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get(0)?,
        name: row.get(1)?,
        email: row.get(2)?,
        team: row.get(3)?,
        role: row.get(4)?,
        manager_id: row.get(5)?,
        hire_date: row.get(6)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<Person>> {
    let mut statement = conn.prepare(
        "SELECT id, name, email, team, role, manager_id, hire_date FROM people
         ORDER BY team, name",
    )?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM people", [], |row| row.get(0))?)
}

/// Teams with their headcount and how many of their people manage someone.
pub fn teams(conn: &Connection) -> Result<Vec<Team>> {
    let mut statement = conn.prepare(
        "SELECT p.team, count(*),
                sum(EXISTS (SELECT 1 FROM people r WHERE r.manager_id = p.id))
         FROM people p GROUP BY p.team ORDER BY p.team",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(Team {
            name: row.get(0)?,
            headcount: row.get(1)?,
            managers: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Person>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT id, name, email, team, role, manager_id, hire_date FROM people WHERE id = ?1",
            [id],
            from_row,
        )
        .optional()?)
}

/// The first free id of the form `{prefix}{n}`, for people added by hand.
pub fn next_local_id(conn: &Connection, prefix: &str) -> Result<String> {
    let mut n: u32 = conn.query_row(
        "SELECT count(*) + 1 FROM people WHERE id LIKE ?1 || '%'",
        [prefix],
        |row| row.get(0),
    )?;
    loop {
        let id = format!("{prefix}{n}");
        if get(conn, &id)?.is_none() {
            return Ok(id);
        }
        n += 1;
    }
}

/// Everyone, by employee id.
pub fn by_id(conn: &Connection) -> Result<std::collections::HashMap<String, Person>> {
    Ok(list(conn)?.into_iter().map(|p| (p.id.clone(), p)).collect())
}

/// Writes people by employee id: new ids insert, known ids update only when something
/// differs, identical rows change nothing.
pub struct PersonWriter<'t> {
    statement: rusqlite::Statement<'t>,
    pub changed: u64,
}

impl<'t> PersonWriter<'t> {
    pub fn new(tx: &'t Transaction) -> Result<PersonWriter<'t>> {
        Ok(PersonWriter {
            statement: tx.prepare(
                "INSERT INTO people (id, name, email, team, role, manager_id, hire_date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
                     team = excluded.team, role = excluded.role,
                     manager_id = excluded.manager_id, hire_date = excluded.hire_date
                 WHERE name IS NOT excluded.name OR email IS NOT excluded.email
                     OR team IS NOT excluded.team OR role IS NOT excluded.role
                     OR manager_id IS NOT excluded.manager_id
                     OR hire_date IS NOT excluded.hire_date",
            )?,
            changed: 0,
        })
    }

    pub fn write(&mut self, person: &Person) -> Result<()> {
        self.changed += self.statement.execute(params![
            person.id,
            person.name,
            person.email,
            person.team,
            person.role,
            person.manager_id,
            person.hire_date
        ])? as u64;
        Ok(())
    }
}

/// Managers with their direct reports, for the quick log.
pub fn managers_with_reports(conn: &Connection) -> Result<Vec<(Person, Vec<Person>)>> {
    let everyone = list(conn)?;
    let mut reports: std::collections::HashMap<&str, Vec<Person>> =
        std::collections::HashMap::new();
    for person in &everyone {
        if let Some(manager) = &person.manager_id {
            reports.entry(manager).or_default().push(person.clone());
        }
    }
    let mut managers: Vec<(Person, Vec<Person>)> = everyone
        .iter()
        .filter_map(|p| {
            reports.get(p.id.as_str()).map(|r| {
                let mut r = r.clone();
                r.sort_by(|a, b| a.name.cmp(&b.name));
                (p.clone(), r)
            })
        })
        .collect();
    managers.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    Ok(managers)
}
