//! Exporting people, coaching events, KPI observations and module progress to CSV or XLSX,
//! and events to xAPI statements. Nothing in the workspace changes, so nothing is recorded.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::error::{Error, Result};
use crate::export::csv::CsvSink;
use crate::export::xlsx::XlsxSink;
use crate::export::{self, rows, FileFormat, Sink};
use crate::model::{EventFilter, ExportSummary, ImportKind};
use crate::store::Store;

use super::coaching::check_filter;

/// Writes `kind` to `path`, as CSV or XLSX by its extension. Events follow `filter`.
pub fn export_table(
    store: &Store,
    kind: ImportKind,
    path: &Path,
    filter: &EventFilter,
) -> Result<ExportSummary> {
    let format = FileFormat::of(path)?;
    let filter = check_filter(filter)?;
    let (headers, widths, sheet) = match kind {
        ImportKind::People => (rows::PEOPLE_HEADERS, rows::PEOPLE_WIDTHS, "People"),
        ImportKind::Events => (rows::EVENT_HEADERS, rows::EVENT_WIDTHS, "Coaching events"),
        ImportKind::Observations => (
            rows::OBSERVATION_HEADERS,
            rows::OBSERVATION_WIDTHS,
            "KPI observations",
        ),
        ImportKind::ModuleProgress => (
            rows::MODULE_PROGRESS_HEADERS,
            rows::MODULE_PROGRESS_WIDTHS,
            "Module progress",
        ),
        ImportKind::Xapi => {
            return Err(Error::invalid_field(
                "kind",
                "xAPI statements are exported as JSON (export xapi)",
            ))
        }
    };
    let partial = export::partial_path(path)?;
    let conn = store.conn();
    let written = match format {
        FileFormat::Csv => {
            let mut sink = CsvSink::create(&partial, headers)?;
            match fill_rows(conn, kind, &filter, &mut sink) {
                Ok(count) => sink.finish().map(|()| count),
                Err(error) => Err(error),
            }
        }
        FileFormat::Xlsx => {
            let mut sink = XlsxSink::create(&partial, sheet, headers, widths)?;
            match fill_rows(conn, kind, &filter, &mut sink) {
                Ok(count) => sink.finish().map(|()| count),
                Err(error) => Err(error),
            }
        }
    };
    let rows = match written {
        Ok(rows) => rows,
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
    };
    export::finish(&partial, path)?;
    Ok(ExportSummary {
        kind,
        path: path.display().to_string(),
        rows,
    })
}

fn fill_rows(
    conn: &rusqlite::Connection,
    kind: ImportKind,
    filter: &crate::store::events::Filter,
    sink: &mut impl Sink,
) -> Result<u64> {
    match kind {
        ImportKind::People => rows::people(conn, sink),
        ImportKind::Events => rows::events(conn, filter, sink),
        ImportKind::Observations => rows::observations(conn, sink),
        ImportKind::ModuleProgress => rows::module_progress(conn, sink),
        ImportKind::Xapi => Ok(0),
    }
}

/// Writes the events that match `filter` as a JSON array of xAPI 1.0.3 statements.
pub fn export_xapi(store: &Store, path: &Path, filter: &EventFilter) -> Result<ExportSummary> {
    let filter = check_filter(filter)?;
    let partial = export::partial_path(path)?;
    let result = (|| {
        let file = File::create(&partial).map_err(|e| Error::io(&partial, e))?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        let count = export::xapi::write(store.conn(), &filter, &mut out)?;
        out.flush().map_err(|e| Error::io(&partial, e))?;
        Ok(count)
    })();
    let rows = match result {
        Ok(rows) => rows,
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
    };
    export::finish(&partial, path)?;
    Ok(ExportSummary {
        kind: ImportKind::Xapi,
        path: path.display().to_string(),
        rows,
    })
}

/// Feedback and portfolio review scores as xAPI statements (a JSON array), everyone's or one
/// person's; returns how many statements were written.
pub fn export_portfolio_xapi(store: &Store, path: &Path, person: Option<&str>) -> Result<u64> {
    use crate::export::portfolio_xapi;
    use crate::store::portfolio::{feedback, reviews};
    let conn = store.conn();
    let person = person.map(str::trim).filter(|p| !p.is_empty());
    if let Some(id) = person {
        if crate::store::people::get(conn, id)?.is_none() {
            return Err(Error::invalid_field(
                "person",
                format!("there is no one with the id \"{id}\""),
            ));
        }
    }
    let notes = feedback::load(conn, person)?;
    let reviewed: Vec<String> = match person {
        Some(id) => vec![id.to_string()],
        None => {
            let mut statement =
                conn.prepare("SELECT DISTINCT person_id FROM portfolio_reviews ORDER BY 1")?;
            let ids = statement.query_map([], |r| r.get(0))?;
            ids.collect::<rusqlite::Result<_>>()?
        }
    };
    let mut all_reviews = Vec::new();
    for id in &reviewed {
        all_reviews.extend(reviews::for_person(conn, id)?);
    }
    let people = crate::store::people::by_id(conn)?;
    let competencies = portfolio_xapi::competencies(conn)?;
    let statements = portfolio_xapi::statements(
        &notes,
        &all_reviews,
        &portfolio_xapi::Names {
            people: &people,
            competencies: &competencies,
        },
    );
    let partial = export::partial_path(path)?;
    let written = (|| {
        let file = File::create(&partial).map_err(|e| Error::io(&partial, e))?;
        let mut out = BufWriter::new(file);
        let count = portfolio_xapi::write(&statements, &mut out)?;
        out.flush().map_err(|e| Error::io(&partial, e))?;
        Ok(count)
    })();
    match written {
        Ok(count) => {
            export::finish(&partial, path)?;
            Ok(count)
        }
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            Err(error)
        }
    }
}
