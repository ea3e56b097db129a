//! Importing people, coaching events, KPI observations, module progress and xAPI
//! statements (coaching events and module progress, in one file if need be).
//!
//! Every row is checked, and every problem is reported with its file, line and column;
//! a file with any problem writes nothing. Events and observations are checked and
//! written in one pass inside the transaction, which is rolled back at the first problem's
//! end of file; writing stops at the first problem, checking does not. A clean file is
//! written in one transaction with its import record and change-record entry; rows are
//! written by key, so importing the same file again changes nothing (and records
//! nothing). A dry run writes the same way and rolls back, so its counts are exactly what
//! the import would do. A file that dwarfs its table is written with the table's indexes
//! and rollup triggers set aside and rebuilt once (`store::bulk`); events then find the rows
//! already there by key in memory. `import_reporting` tells the caller how far it has read.

use std::cell::Cell;
use std::path::Path;
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::import::mapping::{self, Mapping};
use crate::import::module_progress::{self, Modules};
use crate::import::problems::{Place, Problems};
use crate::import::source::{self, Table, PROGRESS_EVERY};
use crate::import::{events, observations, people, xapi};
use crate::model::{
    EventSource, ImportKind, ImportPreview, ImportProgress, ImportRecord, ImportRequest,
    ImportSummary, PreviewRow,
};
use crate::store::analytics::rollups::{self, Rollups};
use crate::store::changes::{self, NewChange};
use crate::store::events::EventWriter;
use crate::store::imports::{self, NewImport};
use crate::store::observations::ObservationWriter;
use crate::store::people::PersonWriter;
use crate::store::{self as store_mod, bulk, settings, Store};

use super::timestamp_now;

const PREVIEW_ROWS: usize = 8;

/// The first rows of a file, how it was read and the mapping detected from its headers.
pub fn preview(path: &Path, kind: ImportKind, sheet: Option<&str>) -> Result<ImportPreview> {
    if kind == ImportKind::Xapi {
        return preview_xapi(path);
    }
    let table = Table::open(path, sheet)?;
    let (rows, row_count) = table.first_rows(PREVIEW_ROWS)?;
    Ok(ImportPreview {
        kind,
        file_name: table.file_name.clone(),
        format: table.describe_format(),
        sheets: table.sheets(),
        sheet: table.sheet().map(String::from),
        headers: table.headers.clone(),
        rows: rows
            .into_iter()
            .map(|r| PreviewRow {
                line: r.line,
                cells: r.cells,
            })
            .collect(),
        row_count,
        fields: mapping::specs(kind, &table.headers),
    })
}

fn read_json(path: &Path) -> Result<(String, String, String)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let name = source::file_name(path);
    let hash = crate::hashing::sha256_hex(&bytes);
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, hash, text)),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            let line = text.matches('\n').count() as u32 + 1;
            let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            let mut problems = Problems::new(&name, None);
            problems.add(
                Place {
                    line,
                    column: Some(column),
                },
                None,
                "the file is not UTF-8 text; xAPI statements are JSON in UTF-8",
            );
            Err(problems.into_error())
        }
    }
}

fn preview_xapi(path: &Path) -> Result<ImportPreview> {
    let (file_name, _, text) = read_json(path)?;
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| {
            let mut problems = Problems::new(&file_name, None);
            problems.add(
                Place {
                    line: e.line().max(1) as u32,
                    column: Some(e.column().max(1) as u32),
                },
                None,
                format!("this is not valid JSON: {e}"),
            );
            problems.into_error()
        })?;
    let statements = match &value {
        serde_json::Value::Array(items) => items.clone(),
        serde_json::Value::Object(map) => match map.get("statements") {
            Some(serde_json::Value::Array(items)) => items.clone(),
            _ => vec![value.clone()],
        },
        _ => Vec::new(),
    };
    let text_of = |v: Option<&serde_json::Value>| {
        v.map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .unwrap_or_default()
    };
    let rows = statements
        .iter()
        .take(PREVIEW_ROWS)
        .enumerate()
        .map(|(i, s)| PreviewRow {
            line: i as u32 + 1,
            cells: vec![
                text_of(
                    s.pointer("/actor/name")
                        .or(s.pointer("/actor/account/name")),
                ),
                text_of(s.pointer("/verb/display/en-US").or(s.pointer("/verb/id"))),
                text_of(s.pointer("/object/name").or(s.pointer("/object/id"))),
                text_of(s.pointer("/timestamp")),
                text_of(s.pointer("/result/duration")),
            ],
        })
        .collect();
    Ok(ImportPreview {
        kind: ImportKind::Xapi,
        file_name,
        format: "xAPI statements (JSON)".into(),
        sheets: Vec::new(),
        sheet: None,
        headers: ["Actor", "Verb", "Object", "Timestamp", "Duration"]
            .map(String::from)
            .to_vec(),
        rows,
        row_count: statements.len() as u32,
        fields: Vec::new(),
    })
}

/// Imports a file, or with `dry_run` checks it and reports what would change.
pub fn import(
    store: &mut Store,
    request: &ImportRequest,
    today: NaiveDate,
) -> Result<ImportSummary> {
    import_reporting(store, request, today, |_| {}, Arc::default())
}

/// `import`, telling `progress` how far it has read, checked and written every few thousand
/// rows, and stopping (everything rolled back) once `cancel` is set.
pub fn import_reporting(
    store: &mut Store,
    request: &ImportRequest,
    today: NaiveDate,
    progress: impl Fn(ImportProgress) + 'static,
    cancel: Arc<AtomicBool>,
) -> Result<ImportSummary> {
    store.with_bulk_cache(|store| import_file(store, request, today, progress, cancel))
}

fn import_file(
    store: &mut Store,
    request: &ImportRequest,
    today: NaiveDate,
    progress: impl Fn(ImportProgress) + 'static,
    cancel: Arc<AtomicBool>,
) -> Result<ImportSummary> {
    let path = Path::new(&request.path);
    if request.kind == ImportKind::Xapi {
        return import_xapi(store, path, request.dry_run, today);
    }
    let mut table = Table::open(path, request.sheet.as_deref())?;
    table.cancel_when(cancel);
    let incoming = table.rough_row_count();
    let rows_expected = u32::try_from(incoming).unwrap_or(u32::MAX);
    let written = Rc::new(Cell::new(0u32));
    let progress: Rc<dyn Fn(ImportProgress)> = Rc::new(progress);
    let report = {
        let (progress, written) = (Rc::clone(&progress), Rc::clone(&written));
        move |rows_read: u32| {
            progress(ImportProgress {
                rows_read,
                rows_checked: rows_read,
                rows_written: written.get(),
                rows_expected: rows_expected.max(rows_read),
            })
        }
    };
    table.report_progress(report);
    let mut problems = table.problems();
    let mapping = mapping::resolve(
        request.kind,
        &table.headers,
        table.header_line,
        &request.mapping,
        &mut problems,
    )?;
    match request.kind {
        ImportKind::People => {
            let writing = |rows_written: u32| {
                progress(ImportProgress {
                    rows_read: rows_written.max(rows_expected),
                    rows_checked: rows_written.max(rows_expected),
                    rows_written,
                    rows_expected,
                })
            };
            let people: (&Table, &Mapping, &dyn Fn(u32)) = (&table, &mapping, &writing);
            import_people(store, people, problems, request.dry_run, today)
        }
        ImportKind::Events => {
            let lookup = store_mod::lookup::load(store.conn())?;
            write(
                store,
                &table,
                ImportKind::Events,
                request.dry_run,
                |tx, import_id| {
                    let before = store_mod::events::count(tx)?;
                    let (table, mapping, lookup) = (&table, &mapping, &lookup);
                    let (rows, changed) = in_bulk_if_worth_it(
                        tx,
                        ("coaching_events", Rollups::Coaching, Keys::InMemory),
                        (before, incoming),
                        move |unindexed| {
                            let mut writer = if unindexed {
                                EventWriter::bulk(tx, EventSource::Import, import_id)?
                            } else {
                                EventWriter::new(tx, EventSource::Import, import_id)?
                            };
                            let rows =
                                events::check(table, mapping, lookup, today, &mut problems, |e| {
                                    written.set(written.get() + 1);
                                    writer.write(&e)
                                })?;
                            let changed = writer.finish()?;
                            refuse_problems(problems, table, rows)?;
                            Ok((rows, changed))
                        },
                    )?;
                    let inserted = store_mod::events::count(tx)? - before;
                    Ok((rows, inserted, changed))
                },
            )
        }
        ImportKind::Observations => {
            let lookup = store_mod::lookup::load(store.conn())?;
            write(
                store,
                &table,
                ImportKind::Observations,
                request.dry_run,
                |tx, import_id| {
                    let before = store_mod::observations::count(tx)?;
                    let (table, mapping, lookup) = (&table, &mapping, &lookup);
                    let (rows, changed) = in_bulk_if_worth_it(
                        tx,
                        ("kpi_observations", Rollups::Kpi, Keys::ByIndex),
                        (before, incoming),
                        move |unindexed| {
                            let mut writer = if unindexed {
                                ObservationWriter::inserting(tx, import_id)?
                            } else {
                                ObservationWriter::new(tx, import_id)?
                            };
                            let rows = observations::check(
                                table,
                                mapping,
                                lookup,
                                today,
                                &mut problems,
                                |row| {
                                    written.set(written.get() + 1);
                                    writer.write(&row)
                                },
                            )?;
                            let changed = writer.changed;
                            drop(writer);
                            refuse_problems(problems, table, rows)?;
                            Ok((rows, changed))
                        },
                    )?;
                    let inserted = store_mod::observations::count(tx)? - before;
                    Ok((rows, inserted, changed))
                },
            )
        }
        ImportKind::ModuleProgress => {
            import_module_progress(store, &table, &mapping, problems, request.dry_run, today)
        }
        ImportKind::Xapi => unreachable!("handled above"),
    }
}

fn import_module_progress(
    store: &mut Store,
    table: &Table,
    mapping: &Mapping,
    mut problems: Problems,
    dry_run: bool,
    today: NaiveDate,
) -> Result<ImportSummary> {
    let lookup = store_mod::lookup::load(store.conn())?;
    let mut modules = Modules::load(store.conn())?;
    let checked =
        module_progress::check(table, mapping, &lookup, &mut modules, today, &mut problems)?;
    refuse_problems(problems, table, checked.rows)?;
    let changes = modules.changes();
    let now = timestamp_now();
    let mut summary = write(
        store,
        table,
        ImportKind::ModuleProgress,
        dry_run,
        |tx, import_id| {
            module_progress::write_changes(tx, &changes, "csv", import_id, &now)?;
            Ok((checked.rows, 0, u64::from(checked.changed)))
        },
    )?;
    if checked.known_moved_on > 0 {
        summary
            .notes
            .push(known_rows_note(checked.known_moved_on, "row"));
    }
    Ok(summary)
}

/// Rows imported before, left as they are although their assignment has changed since.
fn known_rows_note(count: u32, noun: &str) -> String {
    if count == 1 {
        format!(
            "1 {noun} was imported before and its assignment has changed since; it was left \
             as it is (the same {noun} imported again never changes progress)."
        )
    } else {
        format!(
            "{count} {noun}s were imported before and their assignments have changed since; \
             they were left as they are (the same {noun} imported again never changes \
             progress)."
        )
    }
}

fn refuse_problems(problems: Problems, table: &Table, rows: u32) -> Result<()> {
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    if rows == 0 {
        let mut empty = table.problems();
        empty.add(
            Place {
                line: table.header_line,
                column: None,
            },
            None,
            "the file names its columns but has no rows under them",
        );
        return Err(empty.into_error());
    }
    Ok(())
}

/// How a bulk writer finds the rows already in its table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// It reads their keys into memory, so every index can be set aside.
    InMemory,
    /// Through the table's unique index, which stays unless the table is empty.
    ByIndex,
}

/// Writes a file's rows with `write`, told whether the table's unique index is set aside
/// (so the writer must not lean on it). A file that dwarfs its table
/// (`bulk::worth_setting_aside`) is written with the table's indexes and rollup triggers
/// set aside and rebuilt once at the end; the file's own duplicates are refused as it is
/// checked, and the rebuilt unique index refuses any that slipped through.
fn in_bulk_if_worth_it<T>(
    tx: &rusqlite::Transaction,
    (table, rollups, keys): (&str, Rollups, Keys),
    (existing, incoming): (u64, u64),
    write: impl FnOnce(bool) -> Result<T>,
) -> Result<T> {
    if !bulk::worth_setting_aside(existing, incoming) {
        return write(false);
    }
    rollups::suspended_for(tx, &[rollups], || {
        if keys == Keys::InMemory || existing == 0 {
            bulk::without_indexes(tx, &[table], || write(true))
        } else {
            bulk::without_secondary_indexes(tx, &[table], || write(false))
        }
    })
}

/// People are checked whole (a manager may be named before their row), then written,
/// reporting how many every few thousand rows and stopping if the import is cancelled.
fn import_people(
    store: &mut Store,
    (table, mapping, report): (&Table, &Mapping, &dyn Fn(u32)),
    mut problems: Problems,
    dry_run: bool,
    today: NaiveDate,
) -> Result<ImportSummary> {
    let existing = store_mod::people::by_id(store.conn())?;
    let rows = people::check(table, mapping, &existing, today, &mut problems)?;
    refuse_problems(problems, table, rows.len() as u32)?;
    write(
        store,
        table,
        ImportKind::People,
        dry_run,
        |tx, import_id| {
            let before = u64::from(store_mod::people::count(tx)?);
            let mut writer = PersonWriter::new(tx, today, import_id)?;
            for (index, row) in rows.iter().enumerate() {
                writer.write(&row.person)?;
                let written = index as u32 + 1;
                if written.is_multiple_of(PROGRESS_EVERY) {
                    report(written);
                    table.check_cancelled()?;
                }
            }
            let changed = writer.changed;
            drop(writer);
            let inserted = u64::from(store_mod::people::count(tx)?) - before;
            Ok((rows.len() as u32, inserted, changed))
        },
    )
}

/// Writes in one transaction: the import record, the rows (`apply` returns how many were
/// inserted and how many inserted or changed), the counts and the change record. Rolled
/// back for a dry run, or when nothing changed.
fn write(
    store: &mut Store,
    table: &Table,
    kind: ImportKind,
    dry_run: bool,
    apply: impl FnOnce(&rusqlite::Transaction, Option<i64>) -> Result<(u32, u64, u64)>,
) -> Result<ImportSummary> {
    write_rows(
        store,
        (&table.file_name, &table.content_hash),
        kind,
        dry_run,
        apply,
    )
}

/// `apply` writes the rows and returns how many the file holds, how many were inserted and
/// how many inserted or changed; an error from it rolls everything back.
fn write_rows(
    store: &mut Store,
    (file_name, content_hash): (&str, &str),
    kind: ImportKind,
    dry_run: bool,
    apply: impl FnOnce(&rusqlite::Transaction, Option<i64>) -> Result<(u32, u64, u64)>,
) -> Result<ImportSummary> {
    let actor = settings::load(store.conn())?.current_user;
    let now = timestamp_now();
    let tx = store.write()?;
    let import_id = imports::insert(
        &tx,
        &NewImport {
            kind: kind.as_str(),
            file_name,
            content_hash,
            at: &now,
            actor: &actor,
        },
    )?;
    let (rows, inserted, changed) = apply(&tx, Some(import_id))?;
    let inserted = inserted as u32;
    let updated = (changed as u32).saturating_sub(inserted);
    let mut summary = ImportSummary {
        kind,
        file_name: file_name.to_string(),
        rows,
        inserted,
        updated,
        unchanged: rows.saturating_sub(inserted + updated),
        dry_run,
        import_id: None,
        notes: Vec::new(),
    };
    if dry_run {
        tx.rollback()?;
        return Ok(summary);
    }
    if inserted + updated == 0 {
        // The same file again: nothing to record.
        tx.rollback()?;
        summary.notes.push(format!(
            "Nothing changed: every row of {file_name} is already in the workspace."
        ));
        return Ok(summary);
    }
    imports::set_counts(
        &tx,
        import_id,
        summary.rows,
        summary.inserted,
        summary.updated,
        summary.unchanged,
    )?;
    changes::append(
        &tx,
        &now,
        &NewChange {
            actor: &actor,
            entity: "import",
            entity_id: &import_id.to_string(),
            action: "imported",
            summary: &format!("Imported {file_name}: {}", summary.describe()),
        },
    )?;
    tx.commit()?;
    summary.import_id = Some(import_id);
    Ok(summary)
}

fn import_xapi(
    store: &mut Store,
    path: &Path,
    dry_run: bool,
    today: NaiveDate,
) -> Result<ImportSummary> {
    let (file_name, content_hash, text) = read_json(path)?;
    let lookup = store_mod::lookup::load(store.conn())?;
    let mut modules = Modules::load(store.conn())?;
    let mut problems = Problems::new(&file_name, None);
    let statements = xapi::check(&text, &lookup, &mut modules, today, &mut problems);
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    if statements.count == 0 {
        let mut empty = Problems::new(&file_name, None);
        empty.add(
            Place {
                line: 1,
                column: Some(1),
            },
            None,
            "the file holds no statements",
        );
        return Err(empty.into_error());
    }
    // Coaching events and module progress are written in the one transaction: all or
    // nothing across both.
    let changes = modules.changes();
    let now = timestamp_now();
    let mut summary = write_rows(
        store,
        (&file_name, &content_hash),
        ImportKind::Xapi,
        dry_run,
        |tx, import_id| {
            let before = store_mod::events::count(tx)?;
            let mut writer = EventWriter::new(tx, EventSource::Xapi, import_id)?;
            for event in &statements.events {
                writer.write(event)?;
            }
            let changed = writer.finish()?;
            let inserted = store_mod::events::count(tx)? - before;
            module_progress::write_changes(tx, &changes, "xapi", import_id, &now)?;
            Ok((
                statements.count,
                inserted,
                changed + u64::from(statements.module_changed),
            ))
        },
    )?;
    if statements.module_statements > 0 {
        let events = statements.count - statements.module_statements;
        summary.notes.push(format!(
            "{} of the statements {} module progress ({} changing an assignment){}.",
            statements.module_statements,
            if statements.module_statements == 1 {
                "is"
            } else {
                "are"
            },
            statements.module_changed,
            match events {
                0 => String::new(),
                1 => "; 1 is a coaching event".to_string(),
                n => format!("; {n} are coaching events"),
            }
        ));
    }
    if statements.module_known_moved_on > 0 {
        summary.notes.push(known_rows_note(
            statements.module_known_moved_on,
            "module statement",
        ));
    }
    if let Some(more) = statements.more {
        summary.notes.push(format!(
            "The statement result says more statements are available at {more}; fetch that \
             page from the learning record store and import it too."
        ));
    }
    Ok(summary)
}

pub fn list_imports(store: &Store) -> Result<Vec<ImportRecord>> {
    imports::list(store.conn())
}
