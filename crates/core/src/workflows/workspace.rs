use crate::error::Result;
use crate::model::WorkspaceOverview;
use crate::store::{migrations, people, pilots, settings, Store};

pub fn overview(store: &Store) -> Result<WorkspaceOverview> {
    Ok(WorkspaceOverview {
        settings: settings::load(store.conn())?,
        people_count: people::count(store.conn())?,
        teams: people::teams(store.conn())?,
        pilot_count: pilots::count(store.conn())?,
        database_path: store.path().map(|p| p.display().to_string()),
        schema_version: migrations::schema_version(store.conn())?,
    })
}

pub fn list_people(store: &Store) -> Result<Vec<crate::model::Person>> {
    people::list(store.conn())
}
