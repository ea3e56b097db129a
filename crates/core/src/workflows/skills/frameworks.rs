//! Competency frameworks in and out as 1EdTech CASE packages, and the one Pilotdesk ships.

use crate::error::{Error, Result};
use crate::export::case as case_export;
use crate::import::case;
use crate::model::skills::{CompetencyChoice, FrameworkImport, FrameworkSummary, FrameworkView};
use crate::store::skills::frameworks;
use crate::store::Store;

use super::{record_change, timestamp_now};

/// Imports a CASE package: checked whole first (every problem with its JSON path), then
/// written in one transaction. A package whose CFDocument identifier is already here updates
/// that framework.
pub fn import_framework(store: &mut Store, text: &str, file: &str) -> Result<FrameworkImport> {
    let framework = case::parse(text, file)?;
    save(store, &framework, false)
}

/// Installs the shipped framework (or brings it up to this build's version).
pub fn install_builtin(store: &mut Store) -> Result<FrameworkImport> {
    let framework = case::built_in()?;
    save(store, &framework, true)
}

fn save(
    store: &mut Store,
    framework: &case::CaseFramework,
    builtin: bool,
) -> Result<FrameworkImport> {
    let now = timestamp_now();
    let tx = store.write()?;
    let saved = frameworks::save(&tx, framework, builtin, &now)?;
    let summary = if saved.updated {
        format!(
            "Updated the framework \"{}\" ({} added, {} changed, {} removed, {} retired)",
            framework.title, saved.added, saved.changed, saved.removed, saved.retired
        )
    } else {
        format!(
            "Imported the framework \"{}\" with {} items",
            framework.title,
            framework.items.len()
        )
    };
    record_change(
        &tx,
        "framework",
        &saved.id.to_string(),
        "imported",
        &summary,
    )?;
    let record = frameworks::import_record(&saved, frameworks::summary(&tx, saved.id)?);
    tx.commit()?;
    Ok(record)
}

/// The framework as a CASE package, pretty-printed JSON.
pub fn export_framework(store: &Store, id: i64) -> Result<String> {
    let framework = frameworks::load_package(store.conn(), id)?;
    Ok(case_export::to_json_string(&framework))
}

pub fn find_framework(store: &Store, key: &str) -> Result<i64> {
    frameworks::find_by_title_or_identifier(store.conn(), key)?.ok_or_else(|| Error::NotFound {
        entity: "framework",
        id: key.to_string(),
    })
}

pub fn list_frameworks(store: &Store) -> Result<Vec<FrameworkSummary>> {
    frameworks::list(store.conn())
}

pub fn view_framework(store: &Store, id: i64) -> Result<FrameworkView> {
    let conn = store.conn();
    let summary = frameworks::summary(conn, id)?;
    let document = frameworks::document(conn, id)?;
    let text = |key: &str| {
        document
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let mut other = std::collections::BTreeMap::<String, u32>::new();
    for a in frameworks::load_package(conn, id)?.associations {
        if a.association_type != "isChildOf" {
            *other.entry(a.association_type).or_default() += 1;
        }
    }
    Ok(FrameworkView {
        description: text("description"),
        publisher: text("publisher"),
        competencies: frameworks::tree(conn, id)?,
        other_associations: other
            .into_iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect(),
        summary,
    })
}

pub fn competency_choices(store: &Store) -> Result<Vec<CompetencyChoice>> {
    frameworks::choices(store.conn())
}

/// A competency named on the command line or in a file: its id, its code (e.g. "CE.2"),
/// its short name or its statement.
pub fn find_competency(store: &Store, key: &str) -> Result<i64> {
    let key = key.trim();
    if let Ok(id) = key.parse::<i64>() {
        if frameworks::names(store.conn())?.contains_key(&id) {
            return Ok(id);
        }
    }
    frameworks::resolve(store.conn(), key)?.ok_or_else(|| Error::NotFound {
        entity: "competency",
        id: key.to_string(),
    })
}

/// Installs the shipped framework into a workspace that has never had it, so every
/// workspace starts with a scale to rate against. Writes nothing when it is there.
pub fn ensure_builtin(store: &mut Store) -> Result<()> {
    let present: bool = store.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM frameworks WHERE builtin = 1)",
        [],
        |r| r.get(0),
    )?;
    if !present {
        install_builtin(store)?;
    }
    Ok(())
}
