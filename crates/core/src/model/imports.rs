use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    People,
    Events,
    Observations,
    Xapi,
    /// Progress and completion of module assignments (CSV or a workbook); xAPI statements
    /// about modules arrive with `Xapi`.
    ModuleProgress,
}

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::People => "people",
            ImportKind::Events => "events",
            ImportKind::Observations => "observations",
            ImportKind::Xapi => "xapi",
            ImportKind::ModuleProgress => "module_progress",
        }
    }

    pub fn parse(text: &str) -> Option<ImportKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            "people" => Some(ImportKind::People),
            "events" => Some(ImportKind::Events),
            "observations" => Some(ImportKind::Observations),
            "xapi" => Some(ImportKind::Xapi),
            "module_progress" | "module-progress" => Some(ImportKind::ModuleProgress),
            _ => None,
        }
    }

    /// What one row is, for summaries: "person", "coaching event".
    pub fn noun(self) -> (&'static str, &'static str) {
        match self {
            ImportKind::People => ("person", "people"),
            ImportKind::Events => ("coaching event", "coaching events"),
            // A file of statements may hold coaching events and module progress.
            ImportKind::Xapi => ("xAPI statement", "xAPI statements"),
            ImportKind::Observations => ("KPI observation", "KPI observations"),
            ImportKind::ModuleProgress => ("module assignment", "module assignments"),
        }
    }
}

/// A field an import fills, and the column it is read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldSpec {
    pub key: String,
    pub label: String,
    pub required: bool,
    /// What the column holds, e.g. "YYYY-MM-DD or an Excel date".
    pub hint: String,
    /// The column (an index into the headers), detected from the header names or chosen.
    pub column: Option<u32>,
}

/// A row of the preview, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    pub line: u32,
    pub cells: Vec<String>,
}

/// The first rows of a file, how it was read and the detected column mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub kind: ImportKind,
    pub file_name: String,
    /// How the file was read, in words: "CSV, semicolon-separated, UTF-8 with BOM".
    pub format: String,
    /// The sheets of a workbook; empty for CSV and JSON.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<PreviewRow>,
    /// Rows (records) after the header, blank lines not counted.
    pub row_count: u32,
    /// Empty for xAPI, which needs no mapping.
    pub fields: Vec<FieldSpec>,
}

/// A column chosen for a field; `column` is an index into the headers, none to leave it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldMapping {
    pub field: String,
    pub column: Option<u32>,
}

/// An import as asked for. An empty mapping uses the one detected from the headers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRequest {
    pub kind: ImportKind,
    pub path: String,
    pub sheet: Option<String>,
    pub mapping: Vec<FieldMapping>,
    /// Validate only: report what would change and write nothing.
    pub dry_run: bool,
}

/// How far an import has read its file, reported every few thousand rows while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub rows_read: u32,
    /// Rows checked so far; an import checks each row as it reads it.
    pub rows_checked: u32,
    /// Rows written so far, in the import's transaction: none of them is kept if the
    /// import is refused or cancelled.
    pub rows_written: u32,
    /// An estimate from the file's size; the last report may pass it.
    pub rows_expected: u32,
}

/// What an import did (or, dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub kind: ImportKind,
    pub file_name: String,
    pub rows: u32,
    pub inserted: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub dry_run: bool,
    /// The lineage record; none for a dry run or when nothing changed.
    pub import_id: Option<i64>,
    /// Things worth knowing that are not problems, e.g. an xAPI result with more pages.
    pub notes: Vec<String>,
}

impl ImportSummary {
    /// "80 people: 12 new, 3 changed, 65 unchanged".
    pub fn describe(&self) -> String {
        let (one, many) = self.kind.noun();
        let noun = if self.rows == 1 { one } else { many };
        format!(
            "{} {noun}: {} new, {} changed, {} unchanged",
            self.rows, self.inserted, self.updated, self.unchanged
        )
    }
}

/// A recorded import, for the data lineage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRecord {
    pub id: i64,
    pub kind: String,
    pub file_name: String,
    pub content_hash: String,
    pub rows: u32,
    pub inserted: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub at: String,
    pub actor: String,
}

/// A file written by an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    pub kind: ImportKind,
    pub path: String,
    pub rows: u64,
}
