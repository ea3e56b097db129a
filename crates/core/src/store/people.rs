use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Statement, Transaction};

use crate::error::Result;
use crate::model::{Person, Team};

use super::person_history::{self, HistoryWriter, Placement};

const COLUMNS: &str = "id, name, email, team, role, manager_id, hire_date, leaving_date";

/// Adds someone new on `day`, with the first entry of their history.
pub fn insert(tx: &Transaction, person: &Person, day: NaiveDate) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO people ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
        params![
            person.id,
            person.name,
            person.email,
            person.team,
            person.role,
            person.manager_id,
            person.hire_date,
            person.leaving_date
        ],
    )?;
    HistoryWriter::new(tx)?.joined(person, day, None)
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
        leaving_date: row.get(7)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<Person>> {
    let mut statement =
        conn.prepare(&format!("SELECT {COLUMNS} FROM people ORDER BY team, name"))?;
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
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM people WHERE id = ?1"),
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
/// differs, identical rows change nothing. Every new person gets a 'joined' history entry,
/// and a change of team, role or manager a dated one.
pub struct PersonWriter<'t> {
    /// Where a known person stands before the write; none when every person is new.
    placement: Option<Statement<'t>>,
    upsert: Statement<'t>,
    history: HistoryWriter<'t>,
    day: NaiveDate,
    import_id: Option<i64>,
    pub changed: u64,
}

impl<'t> PersonWriter<'t> {
    /// Writes dated `day`, from the import `import_id` when there is one.
    pub fn new(
        tx: &'t Transaction,
        day: NaiveDate,
        import_id: Option<i64>,
    ) -> Result<PersonWriter<'t>> {
        Ok(PersonWriter {
            placement: Some(tx.prepare("SELECT team, role, manager_id FROM people WHERE id = ?1")?),
            upsert: tx.prepare(&format!(
                "INSERT INTO people ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
                     team = excluded.team, role = excluded.role,
                     manager_id = excluded.manager_id, hire_date = excluded.hire_date,
                     leaving_date = excluded.leaving_date
                 WHERE name IS NOT excluded.name OR email IS NOT excluded.email
                     OR team IS NOT excluded.team OR role IS NOT excluded.role
                     OR manager_id IS NOT excluded.manager_id
                     OR hire_date IS NOT excluded.hire_date
                     OR leaving_date IS NOT excluded.leaving_date"
            ))?,
            history: HistoryWriter::new(tx)?,
            day,
            import_id,
            changed: 0,
        })
    }

    /// For a workspace known to hold none of these people (the generator's bulk write): one
    /// insert and one history entry per person, no look-ups.
    pub fn new_people(tx: &'t Transaction, day: NaiveDate) -> Result<PersonWriter<'t>> {
        Ok(PersonWriter {
            placement: None,
            upsert: tx.prepare(&format!(
                "INSERT INTO people ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            ))?,
            history: HistoryWriter::new(tx)?,
            day,
            import_id: None,
            changed: 0,
        })
    }

    pub fn write(&mut self, person: &Person) -> Result<()> {
        let before = match &mut self.placement {
            Some(statement) => statement
                .query_row([&person.id], |row| {
                    Ok(Placement {
                        team: row.get(0)?,
                        role: row.get(1)?,
                        manager_id: row.get(2)?,
                    })
                })
                .optional()?,
            None => None,
        };
        self.changed += self.upsert.execute(params![
            person.id,
            person.name,
            person.email,
            person.team,
            person.role,
            person.manager_id,
            person.hire_date,
            person.leaving_date
        ])? as u64;
        match before {
            None => self.history.joined(person, self.day, self.import_id),
            Some(before) => self.history.changed(
                person,
                &person_history::changes(&before, person),
                self.day,
                self.import_id,
            ),
        }
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
