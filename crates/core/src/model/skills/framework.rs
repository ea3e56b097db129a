use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A competency framework as the list of frameworks shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkSummary {
    pub id: i64,
    /// The CASE CFDocument identifier, kept so a later version updates this framework.
    pub identifier: String,
    pub title: String,
    pub version: String,
    /// Shipped with Pilotdesk rather than imported.
    pub builtin: bool,
    pub competencies: u32,
    /// The highest proficiency level any competency defines.
    pub levels: u32,
    pub updated_at: String,
}

/// One proficiency level of a competency and what it looks like in behaviour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProficiencyLevel {
    pub level: u32,
    pub label: String,
    pub descriptor: String,
}

/// A competency (a CASE CFItem) in its place in the framework's tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompetencyNode {
    pub id: i64,
    pub identifier: String,
    /// What lists call it: the CASE abbreviatedStatement, else the full statement.
    pub name: String,
    pub statement: String,
    pub human_coding: String,
    pub item_type: String,
    pub parent_id: Option<i64>,
    /// 0 for a top-level item.
    pub depth: u32,
    pub levels: Vec<ProficiencyLevel>,
}

/// A framework with its competencies in tree order (each parent before its children).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkView {
    pub summary: FrameworkSummary,
    pub description: String,
    pub publisher: String,
    pub competencies: Vec<CompetencyNode>,
    /// Associations other than the tree itself, e.g. "2 isRelatedTo".
    pub other_associations: Vec<String>,
}

/// What importing a CASE package did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkImport {
    pub framework: FrameworkSummary,
    /// A framework already here with the same identifier was updated, not duplicated.
    pub updated: bool,
    pub added: u32,
    pub changed: u32,
    /// Competencies the new version dropped that modules or ratings still use, kept aside.
    pub retired: u32,
    pub removed: u32,
}

/// A competency to pick in a form: its code and statement, and the levels it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompetencyChoice {
    pub id: i64,
    pub label: String,
    pub framework: String,
    pub levels: Vec<ProficiencyLevel>,
}
