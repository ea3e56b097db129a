use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A file to add to a person's portfolio, read from `path`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleInput {
    pub person_id: String,
    pub path: String,
    /// Empty: the file's name.
    pub title: String,
    pub competency_id: Option<i64>,
}

/// A work sample in a portfolio; the file itself is kept once per content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkSample {
    pub id: i64,
    pub person_id: String,
    pub title: String,
    pub file_name: String,
    /// What the content is, read from its bytes: "application/pdf", "image/png", ...
    pub media_type: String,
    pub size: u64,
    pub sha256: String,
    pub competency_id: Option<i64>,
    pub competency: Option<String>,
    pub added_on: String,
    pub added_by: String,
    pub annotations: Vec<Annotation>,
}

/// What adding a file did: added, or found the same file already in the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleAdded {
    pub sample: WorkSample,
    pub already_there: bool,
    /// The same content is kept for someone else too; stored once.
    pub content_shared: bool,
}

/// Where in a sample an annotation points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Anchor {
    /// A region of a PDF page or an image, as fractions (0 to 1) of its width and height.
    Region {
        page: u32,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
    },
    /// Lines of a text, 1-based and inclusive.
    Lines { from: u32, to: u32 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnnotationInput {
    pub sample_id: i64,
    pub competency_id: Option<i64>,
    pub anchor: Anchor,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    pub id: i64,
    pub sample_id: i64,
    pub competency_id: i64,
    pub competency: String,
    /// "page 2, region at 10%/40%" or "lines 3-7".
    pub place: String,
    pub anchor: Anchor,
    pub note: String,
    pub author: String,
    pub created_at: String,
}

/// A sample's content for the viewer in the window: images and PDFs preview, other kinds
/// are listed with their hash. Text comes as text so lines can be annotated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleContent {
    pub sample_id: i64,
    pub file_name: String,
    pub media_type: String,
    /// The bytes, base64-encoded, for images and PDFs; empty otherwise.
    pub base64: String,
    /// The text of a text sample; empty otherwise.
    pub text: String,
}
