use crate::error::{Error, Result};
use crate::model::{PersonHistory, WorkspaceOverview};
use crate::store::{migrations, people, person_history, pilots, settings, Store};

pub fn overview(store: &Store) -> Result<WorkspaceOverview> {
    Ok(WorkspaceOverview {
        settings: settings::load(store.conn())?,
        people_count: people::count(store.conn())?,
        teams: people::teams(store.conn())?,
        pilot_count: pilots::count(store.conn())?,
        database_path: store.path().map(|p| p.display().to_string()),
        schema_version: migrations::schema_version(store.conn())?,
        date_style: crate::packs::dates::style(),
    })
}

pub fn list_people(store: &Store) -> Result<Vec<crate::model::Person>> {
    people::list(store.conn())
}

/// A person with their dated team, role and manager history, oldest first.
pub fn person_history(store: &Store, person_id: &str) -> Result<PersonHistory> {
    let person_id = person_id.trim();
    let person = people::get(store.conn(), person_id)?.ok_or_else(|| Error::NotFound {
        entity: "person",
        id: person_id.to_string(),
    })?;
    Ok(PersonHistory {
        entries: person_history::for_person(store.conn(), &person.id)?,
        person,
    })
}
