//! What a pack says, independent of paper and pagination. The content hash is taken over
//! this, so the same content prints with the same hash on A4 or Letter.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Chart;

#[derive(Debug, Clone, Serialize)]
pub struct PackDocument {
    /// e.g. "Pilot proposal"; printed in every page header.
    pub title: String,
    /// The pilot the pack is about; printed in every page footer.
    pub subject: String,
    /// What the subject is, as the footer names it: "Pilot" when left out. Left out of the
    /// content hash when none, so the packs about a pilot hash as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_label: Option<String>,
    pub produced_on: NaiveDate,
    /// Printed before the decision it asks for: every page says DRAFT and signature lines are
    /// left out. Left out of the content hash when false, so a final pack hashes as before.
    #[serde(skip_serializing_if = "is_false")]
    pub draft: bool,
    pub blocks: Vec<Block>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl PackDocument {
    /// SHA-256 over the pack's content, hex encoded.
    pub fn content_hash(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        let canonical = serde_json::to_vec(self).unwrap_or_default();
        crate::hashing::sha256_hex(&canonical)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub title: String,
    /// Share of the table width relative to the other columns.
    pub weight: f32,
    pub align: Align,
}

impl Column {
    pub fn left(title: &str, weight: f32) -> Column {
        Column {
            title: title.into(),
            weight,
            align: Align::Left,
        }
    }

    pub fn right(title: &str, weight: f32) -> Column {
        Column {
            title: title.into(),
            weight,
            align: Align::Right,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Shown under the table, e.g. the source and period of its figures.
    pub note: Option<String>,
}

/// One of the few numbers that carry the page, with its unit and basis.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigure {
    pub value: String,
    pub label: String,
    /// Period, evidence strength or basis, in a few words.
    pub basis: String,
}

/// A date on a timeline chart.
#[derive(Debug, Clone, Serialize)]
pub struct Milestone {
    pub date: NaiveDate,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// States the finding, as every chart title does.
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as printed beside the bar, with its unit.
    pub display: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BarChart {
    pub title: String,
    pub bars: Vec<Bar>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub enum Block {
    /// The page-1 headline.
    Title(String),
    /// The verdict or the ask in one sentence, set large.
    Lead(String),
    Heading(String),
    Subheading(String),
    Paragraph(String),
    /// Small muted text: sources, caveats.
    Note(String),
    Bullets(Vec<String>),
    KeyFigures(Vec<KeyFigure>),
    /// A boxed request: what the reader is asked to decide, by when.
    Callout {
        title: String,
        text: String,
    },
    Table(Table),
    Timeline(Timeline),
    BarChart(BarChart),
    /// A chart the UI draws too, from the same description.
    Chart(Chart),
    /// The coaching network's map, as the window draws it (`packs::network`).
    Network(crate::packs::network::NetworkChart),
    /// Lines for names and signatures.
    Signatures(Vec<String>),
    PageBreak,
}
