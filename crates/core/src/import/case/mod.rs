//! Competency frameworks as 1EdTech CASE 1.1 packages (a `CFPackage` JSON document, as a CASE
//! server's `/ims/case/v1p1/CFPackages/{id}` returns it).
//!
//! `parse` checks the whole package before anything is built and reports every problem with
//! its JSON path, line and column (see `validate`). What it returns keeps each part's JSON
//! exactly as read, so `export::case` writes back the package it was given: fields Pilotdesk
//! does not use, and fields a server adds beyond the standard, survive a round trip.

mod validate;

use serde_json::{Map, Value};

use crate::error::Result;
use crate::import::problems::Problems;

pub use validate::ASSOCIATION_TYPES;

/// Pilotdesk's own framework, shipped with the app and used by the demo workspace.
pub const BUILT_IN: &str = include_str!("../../../assets/frameworks/pilotdesk-coaching.case.json");

/// The file name problems in the built-in framework would be reported against.
pub const BUILT_IN_FILE: &str = "pilotdesk-coaching.case.json";

#[derive(Debug, Clone, PartialEq)]
pub struct CaseFramework {
    /// `CFDocument.identifier` (a UUID).
    pub identifier: String,
    pub uri: String,
    pub title: String,
    /// `CFDocument.version`, or empty when the package does not say.
    pub version: String,
    /// The CFDocument object exactly as read.
    pub document: Value,
    /// `CFDefinitions` as read, if present.
    pub definitions: Option<Value>,
    pub items: Vec<CaseItem>,
    pub associations: Vec<CaseAssociation>,
    pub rubrics: Vec<CaseRubric>,
    /// The package's own `extensions` object, if present. Kept so an export loses nothing the
    /// standard defines; top-level keys outside the standard are not kept.
    pub extensions: Option<Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseItem {
    pub identifier: String,
    pub uri: String,
    pub full_statement: String,
    /// `humanCodingScheme`, e.g. `CE.2`; empty when the item has none.
    pub human_coding: String,
    /// `CFItemType`, else the title of `CFItemTypeURI`, else empty.
    pub item_type: String,
    pub json: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseAssociation {
    pub identifier: String,
    pub association_type: String,
    /// The origin node's identifier (for `isChildOf`, the child).
    pub origin: String,
    /// The destination node's identifier (for `isChildOf`, the parent: a CFItem or the
    /// CFDocument).
    pub destination: String,
    pub sequence_number: Option<i64>,
    pub json: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseRubric {
    pub identifier: String,
    /// Empty when the rubric has no title (CASE does not require one).
    pub title: String,
    pub criteria: Vec<CaseCriterion>,
    /// The rubric as read, with its CFRubricCriteria and their levels.
    pub json: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseCriterion {
    pub identifier: String,
    /// The CFItem the criterion is about, from `CFItemURI.identifier`.
    pub item: Option<String>,
    /// Ordered by position, lowest first, whatever order the file lists them in.
    pub levels: Vec<CaseLevel>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseLevel {
    pub identifier: String,
    pub position: i64,
    pub score: Option<f64>,
    pub quality: String,
    pub description: String,
}

/// Reads a CFPackage. `file` names the file in problems. Nothing is returned unless the whole
/// package is valid; otherwise the error lists every problem found.
pub fn parse(text: &str, file: &str) -> Result<CaseFramework> {
    let mut problems = Problems::new(file, None);
    match validate::check(text, &mut problems) {
        Some(root) if problems.is_empty() => Ok(build(root)),
        _ => Err(problems.into_error()),
    }
}

/// The built-in framework, read through the same checks as any imported package.
pub fn built_in() -> Result<CaseFramework> {
    parse(BUILT_IN, BUILT_IN_FILE)
}

fn text(object: &Value, key: &str) -> String {
    object
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn link_identifier(object: &Value, key: &str) -> Option<String> {
    object
        .get(key)
        .and_then(|link| link.get("identifier"))
        .and_then(Value::as_str)
        .map(String::from)
}

fn array(value: Option<Value>) -> Vec<Value> {
    match value {
        Some(Value::Array(values)) => values,
        _ => Vec::new(),
    }
}

/// Builds the framework from a package `validate::check` passed, so every field it reads has
/// the type CASE gives it.
fn build(root: Value) -> CaseFramework {
    let mut root = match root {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let document = root.remove("CFDocument").unwrap_or(Value::Null);
    let items = array(root.remove("CFItems"))
        .into_iter()
        .map(|json| {
            let item_type = match json.get("CFItemType").and_then(Value::as_str) {
                Some(kind) => kind.to_string(),
                None => json
                    .get("CFItemTypeURI")
                    .map(|link| text(link, "title"))
                    .unwrap_or_default(),
            };
            CaseItem {
                identifier: text(&json, "identifier"),
                uri: text(&json, "uri"),
                full_statement: text(&json, "fullStatement"),
                human_coding: text(&json, "humanCodingScheme"),
                item_type,
                json,
            }
        })
        .collect();
    let associations = array(root.remove("CFAssociations"))
        .into_iter()
        .map(|json| CaseAssociation {
            identifier: text(&json, "identifier"),
            association_type: text(&json, "associationType"),
            origin: link_identifier(&json, "originNodeURI").unwrap_or_default(),
            destination: link_identifier(&json, "destinationNodeURI").unwrap_or_default(),
            sequence_number: json.get("sequenceNumber").and_then(validate::integer),
            json,
        })
        .collect();
    let rubrics = array(root.remove("CFRubrics"))
        .into_iter()
        .map(|json| CaseRubric {
            identifier: text(&json, "identifier"),
            title: text(&json, "title"),
            criteria: json
                .get("CFRubricCriteria")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(criterion)
                .collect(),
            json,
        })
        .collect();
    CaseFramework {
        identifier: text(&document, "identifier"),
        uri: text(&document, "uri"),
        title: text(&document, "title"),
        version: text(&document, "version"),
        definitions: root.remove("CFDefinitions"),
        extensions: root.remove("extensions"),
        document,
        items,
        associations,
        rubrics,
    }
}

fn criterion(json: &Value) -> CaseCriterion {
    let mut levels: Vec<CaseLevel> = json
        .get("CFRubricCriterionLevels")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|level| CaseLevel {
            identifier: text(level, "identifier"),
            position: level
                .get("position")
                .and_then(validate::integer)
                .unwrap_or_default(),
            score: level.get("score").and_then(Value::as_f64),
            quality: text(level, "quality"),
            description: text(level, "description"),
        })
        .collect();
    levels.sort_by_key(|level| level.position);
    CaseCriterion {
        identifier: text(json, "identifier"),
        item: link_identifier(json, "CFItemURI"),
        levels,
    }
}
