//! What imports check references against: the workspace's people, teams, pilots, playbook
//! tasks and KPIs, loaded once per import.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use crate::error::Result;

pub struct PersonRef {
    pub name: String,
    pub email: String,
}

pub struct PilotRef {
    pub id: i64,
    pub name: String,
}

pub struct TaskRef {
    pub pilot_id: i64,
    pub behaviour: String,
}

pub struct KpiRef {
    pub id: i64,
    pub pilot_id: i64,
    pub name: String,
    /// What its values are measured in, which bounds them (a percentage lies in 0..=100).
    pub unit: String,
}

#[derive(Default)]
pub struct Lookup {
    pub people: HashMap<String, PersonRef>,
    /// Lower-cased email -> employee ids (more than one makes the email ambiguous).
    emails: HashMap<String, Vec<String>>,
    pub teams: HashSet<String>,
    pub pilots: Vec<PilotRef>,
    pub tasks: HashMap<i64, TaskRef>,
    pub kpis: Vec<KpiRef>,
}

pub fn load(conn: &Connection) -> Result<Lookup> {
    let mut lookup = Lookup::default();
    let mut statement = conn.prepare("SELECT id, name, email, team FROM people")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let email: String = row.get(2)?;
        if !email.trim().is_empty() {
            lookup
                .emails
                .entry(email.trim().to_lowercase())
                .or_default()
                .push(id.clone());
        }
        lookup.teams.insert(row.get(3)?);
        lookup.people.insert(
            id,
            PersonRef {
                name: row.get(1)?,
                email,
            },
        );
    }
    let mut statement = conn.prepare("SELECT id, name FROM pilots ORDER BY id")?;
    lookup.pilots = statement
        .query_map([], |r| {
            Ok(PilotRef {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut statement = conn.prepare(
        "SELECT t.id, w.pilot_id, t.behaviour FROM playbook_tasks t
         JOIN pilot_workflows w ON w.id = t.workflow_id",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        lookup.tasks.insert(
            row.get(0)?,
            TaskRef {
                pilot_id: row.get(1)?,
                behaviour: row.get(2)?,
            },
        );
    }
    let mut statement =
        conn.prepare("SELECT id, pilot_id, name, unit FROM pilot_kpis ORDER BY id")?;
    lookup.kpis = statement
        .query_map([], |r| {
            Ok(KpiRef {
                id: r.get(0)?,
                pilot_id: r.get(1)?,
                name: r.get(2)?,
                unit: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(lookup)
}

impl Lookup {
    /// An employee id, or an email address of exactly one person.
    pub fn person(&self, text: &str) -> std::result::Result<String, String> {
        if self.people.contains_key(text) {
            return Ok(text.to_string());
        }
        if text.contains('@') {
            return match self.emails.get(&text.to_lowercase()).map(Vec::as_slice) {
                Some([one]) => Ok(one.clone()),
                Some(many) if many.len() > 1 => Err(format!(
                    "{text} is the email of {} people ({}); use the employee id",
                    many.len(),
                    many.join(", ")
                )),
                _ => Err(format!("no one in the workspace has the email {text}")),
            };
        }
        Err(format!(
            "no one with the employee id {text} is in the workspace; import the people first"
        ))
    }

    /// A pilot by id or by name (case-insensitive).
    pub fn pilot(&self, text: &str) -> std::result::Result<i64, String> {
        if let Ok(id) = text.parse::<i64>() {
            if self.pilots.iter().any(|p| p.id == id) {
                return Ok(id);
            }
        }
        self.pilots
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(text))
            .map(|p| p.id)
            .ok_or_else(|| format!("there is no pilot \"{text}\" (by id or name)"))
    }

    pub fn pilot_name(&self, id: i64) -> &str {
        self.pilots
            .iter()
            .find(|p| p.id == id)
            .map_or("", |p| p.name.as_str())
    }

    /// A playbook task by id, or by its behaviour within the pilot (or within all pilots
    /// when none is given). Returns the task and its pilot.
    pub fn task(&self, text: &str, pilot: Option<i64>) -> std::result::Result<(i64, i64), String> {
        if let Ok(id) = text.parse::<i64>() {
            let Some(task) = self.tasks.get(&id) else {
                return Err(format!("there is no playbook task {id}"));
            };
            return match pilot {
                Some(pilot) if pilot != task.pilot_id => Err(format!(
                    "task {id} is in the playbook of \"{}\", not of \"{}\"",
                    self.pilot_name(task.pilot_id),
                    self.pilot_name(pilot)
                )),
                _ => Ok((id, task.pilot_id)),
            };
        }
        let matches: Vec<(i64, i64)> = self
            .tasks
            .iter()
            .filter(|(_, t)| pilot.is_none_or(|p| p == t.pilot_id))
            .filter(|(_, t)| t.behaviour.eq_ignore_ascii_case(text))
            .map(|(id, t)| (*id, t.pilot_id))
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(match pilot {
                Some(p) => format!(
                    "the playbook of \"{}\" has no task \"{text}\"",
                    self.pilot_name(p)
                ),
                None => format!("no playbook has a task \"{text}\""),
            }),
            _ => Err(format!(
                "\"{text}\" is a task in more than one pilot; give the pilot too, or the task id"
            )),
        }
    }

    /// A KPI by id, or by name within the pilot (or within all pilots when none is given).
    /// The unit a KPI is measured in; empty for an id that is not there.
    pub fn kpi_unit(&self, id: i64) -> &str {
        self.kpis
            .iter()
            .find(|k| k.id == id)
            .map_or("", |k| k.unit.as_str())
    }

    pub fn kpi(&self, text: &str, pilot: Option<i64>) -> std::result::Result<i64, String> {
        if let Ok(id) = text.parse::<i64>() {
            return match self.kpis.iter().find(|k| k.id == id) {
                Some(kpi) if pilot.is_some_and(|p| p != kpi.pilot_id) => Err(format!(
                    "KPI {id} belongs to \"{}\"",
                    self.pilot_name(kpi.pilot_id)
                )),
                Some(_) => Ok(id),
                None => Err(format!("there is no KPI {id}")),
            };
        }
        let matches: Vec<&KpiRef> = self
            .kpis
            .iter()
            .filter(|k| pilot.is_none_or(|p| p == k.pilot_id))
            .filter(|k| k.name.eq_ignore_ascii_case(text))
            .collect();
        match matches.as_slice() {
            [one] => Ok(one.id),
            [] => Err(match pilot {
                Some(p) => format!(
                    "unknown KPI \"{text}\": the pilot \"{}\" tracks no KPI of that name",
                    self.pilot_name(p)
                ),
                None => format!("unknown KPI \"{text}\": no pilot tracks a KPI of that name"),
            }),
            _ => Err(format!(
                "\"{text}\" is a KPI of {} pilots; add a pilot column or use the KPI id",
                matches.len()
            )),
        }
    }
}
