//! The checks a CFPackage passes before it is read: the fields 1EdTech's CASE 1.1 schema
//! requires and their types, identifiers that are UUIDs and unique across the package, and a
//! hierarchy that holds together (every `isChildOf` joins the package's own items, without
//! loops). Each problem names its JSON path, e.g. `$.CFItems[3].identifier`, and the line and
//! column of the value, or of the object a missing field belongs in.
//!
//! Fields outside the standard are not refused: servers add their own, and they are kept as
//! read. An optional field written as `null` counts as absent, as several servers write them. Associations other than `isChildOf` may point outside the package (an `exactMatchOf`
//! usually names another framework's item), so only `isChildOf` ends are checked.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};
use serde_json::{Map, Value};

use crate::import::json_position::{locate, Seg};
use crate::import::problems::{Place, Problems, LISTED_MAX};

/// The association types CASE 1.1 defines. Others must be extensions named `ext:...`.
pub const ASSOCIATION_TYPES: [&str; 10] = [
    "isChildOf",
    "isPeerOf",
    "isPartOf",
    "exactMatchOf",
    "precedes",
    "isRelatedTo",
    "replacedBy",
    "exemplar",
    "hasSkillLevel",
    "isTranslationOf",
];

type Path = Vec<Seg<'static>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Uuid,
    Text,
    DateTime,
    Date,
    Integer,
    Number,
    /// An array of strings.
    Texts,
    /// `{title, identifier (a UUID), uri}`: a link to a CASE object.
    LinkUri,
    /// `{title, identifier, uri, targetType?}`: a link that may leave CASE.
    LinkGenUri,
    LinkUris,
    /// A class's `extensions` object.
    Extension,
    /// `CFRubricCriterionLevel.extensions`, which the schema makes an array of objects.
    Extensions,
    AssociationType,
    CaseVersion,
    /// An array of objects the caller checks itself.
    List,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    Optional,
    /// Must be there and not blank.
    Filled,
    /// Optional in CASE, required by Pilotdesk.
    Ours,
}

struct Field {
    name: &'static str,
    kind: Kind,
    need: Need,
}

const fn filled(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        need: Need::Filled,
    }
}

const fn optional(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        need: Need::Optional,
    }
}

/// A CASE class as the schema's `$defs` describe it (the package forms: `CFPckgItem` and so on).
struct Class {
    name: &'static str,
    fields: &'static [Field],
}

use Kind::*;

const DOCUMENT: Class = Class {
    name: "CFDocument",
    fields: &[
        filled("identifier", Uuid),
        filled("uri", Text),
        filled("creator", Text),
        filled("title", Text),
        filled("lastChangeDateTime", DateTime),
        optional("frameworkType", Text),
        optional("caseVersion", CaseVersion),
        optional("officialSourceURL", Text),
        optional("publisher", Text),
        optional("description", Text),
        optional("subject", Texts),
        optional("subjectURI", LinkUris),
        optional("language", Text),
        optional("version", Text),
        optional("adoptionStatus", Text),
        optional("statusStartDate", Date),
        optional("statusEndDate", Date),
        optional("licenseURI", LinkUri),
        optional("notes", Text),
        optional("extensions", Extension),
    ],
};

const ITEM: Class = Class {
    name: "CFItem",
    fields: &[
        filled("identifier", Uuid),
        filled("fullStatement", Text),
        filled("uri", Text),
        filled("lastChangeDateTime", DateTime),
        optional("alternativeLabel", Text),
        optional("CFItemType", Text),
        optional("humanCodingScheme", Text),
        optional("listEnumeration", Text),
        optional("abbreviatedStatement", Text),
        optional("conceptKeywords", Texts),
        optional("conceptKeywordsURI", LinkUri),
        optional("notes", Text),
        optional("subject", Texts),
        optional("subjectURI", LinkUris),
        optional("language", Text),
        optional("educationLevel", Texts),
        optional("CFItemTypeURI", LinkUri),
        optional("licenseURI", LinkUri),
        optional("statusStartDate", Date),
        optional("statusEndDate", Date),
        optional("extensions", Extension),
    ],
};

const ASSOCIATION: Class = Class {
    name: "CFAssociation",
    fields: &[
        filled("identifier", Uuid),
        filled("associationType", AssociationType),
        filled("uri", Text),
        filled("originNodeURI", LinkGenUri),
        filled("destinationNodeURI", LinkGenUri),
        filled("lastChangeDateTime", DateTime),
        optional("sequenceNumber", Integer),
        optional("CFAssociationGroupingURI", LinkUri),
        optional("notes", Text),
        optional("extensions", Extension),
    ],
};

const RUBRIC: Class = Class {
    name: "CFRubric",
    fields: &[
        filled("identifier", Uuid),
        filled("uri", Text),
        filled("lastChangeDateTime", DateTime),
        optional("title", Text),
        optional("description", Text),
        optional("CFRubricCriteria", List),
        optional("extensions", Extension),
    ],
};

const CRITERION: Class = Class {
    name: "CFRubricCriterion",
    fields: &[
        filled("identifier", Uuid),
        filled("uri", Text),
        filled("lastChangeDateTime", DateTime),
        optional("category", Text),
        optional("description", Text),
        optional("CFItemURI", LinkUri),
        optional("weight", Number),
        optional("position", Integer),
        optional("rubricId", Uuid),
        optional("CFRubricCriterionLevels", List),
        optional("extensions", Extension),
    ],
};

const LEVEL: Class = Class {
    name: "CFRubricCriterionLevel",
    fields: &[
        filled("identifier", Uuid),
        filled("uri", Text),
        filled("lastChangeDateTime", DateTime),
        // A level without a position cannot be ordered against the others, and Pilotdesk
        // ranks proficiency by it.
        Field {
            name: "position",
            kind: Integer,
            need: Need::Ours,
        },
        optional("description", Text),
        optional("quality", Text),
        optional("score", Number),
        optional("feedback", Text),
        optional("rubricCriterionId", Uuid),
        optional("extensions", Extensions),
    ],
};

// The definitions are kept and given back on export, but Pilotdesk reads none of them, so
// only what makes them addressable is required: real servers often leave out the rest
// (Smarter Balanced's CASE 1.0 packages have item types without descriptions).
const CONCEPT: Class = Class {
    name: "CFConcept",
    fields: &[
        filled("identifier", Uuid),
        filled("uri", Text),
        optional("title", Text),
        optional("hierarchyCode", Text),
        optional("lastChangeDateTime", DateTime),
        optional("keywords", Text),
        optional("description", Text),
        optional("extensions", Extension),
    ],
};

const SUBJECT: Class = Class {
    name: "CFSubject",
    fields: &[
        filled("identifier", Uuid),
        filled("uri", Text),
        optional("title", Text),
        optional("hierarchyCode", Text),
        optional("lastChangeDateTime", DateTime),
        optional("description", Text),
        optional("extensions", Extension),
    ],
};

const LICENSE: Class = Class {
    name: "CFLicense",
    fields: &[
        filled("identifier", Uuid),
        filled("uri", Text),
        optional("title", Text),
        optional("licenseText", Text),
        optional("lastChangeDateTime", DateTime),
        optional("description", Text),
        optional("extensions", Extension),
    ],
};

const ITEM_TYPE: Class = Class {
    name: "CFItemType",
    fields: &[
        filled("identifier", Uuid),
        filled("uri", Text),
        optional("title", Text),
        optional("description", Text),
        optional("hierarchyCode", Text),
        optional("lastChangeDateTime", DateTime),
        optional("typeCode", Text),
        optional("extensions", Extension),
    ],
};

const GROUPING: Class = Class {
    name: "CFAssociationGrouping",
    fields: &[
        filled("identifier", Uuid),
        filled("uri", Text),
        optional("title", Text),
        optional("lastChangeDateTime", DateTime),
        optional("description", Text),
        optional("extensions", Extension),
    ],
};

const DEFINITION_LISTS: [(&str, &Class); 5] = [
    ("CFConcepts", &CONCEPT),
    ("CFSubjects", &SUBJECT),
    ("CFLicenses", &LICENSE),
    ("CFItemTypes", &ITEM_TYPE),
    ("CFAssociationGroupings", &GROUPING),
];

const UUID_EXAMPLE: &str = "such as 0d9c7a34-5b1e-4c6f-8a2d-3e4f5a6b7c8d";
const DATE_TIME_EXAMPLE: &str = "such as 2025-03-01T09:30:00Z";
const PACKAGE_SHAPE: &str =
    "{\"CFDocument\": {...}, \"CFItems\": [...], \"CFAssociations\": [...]}";

/// Checks the package in `text`; returns the parsed JSON when it is at least JSON. Problems go
/// to `problems`; the package is usable only when none were added.
pub(super) fn check(text: &str, problems: &mut Problems) -> Option<Value> {
    let root: Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(value) => value,
        Err(error) => {
            problems.add(
                Place {
                    line: error.line().max(1) as u32,
                    column: Some(error.column().max(1) as u32),
                },
                Some("$"),
                format!(
                    "this is not valid JSON ({error}); a CASE package is the JSON a CASE \
                     server returns for a CFPackage: {PACKAGE_SHAPE}"
                ),
            );
            return None;
        }
    };
    let mut checker = Checker {
        text,
        problems,
        identifiers: HashMap::new(),
    };
    checker.package(&root);
    Some(root)
}

/// A whole number, as JSON Schema counts them (`3.0` is one).
pub(super) fn integer(value: &Value) -> Option<i64> {
    value.as_i64().or_else(|| {
        value
            .as_f64()
            .filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15)
            .map(|n| n as i64)
    })
}

/// The 8-4-4-4-12 hexadecimal form CASE uses (any version or variant, either case).
fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// An RFC 3339 date and time with its offset, as JSON Schema's `date-time` format has it.
fn is_date_time(text: &str) -> bool {
    text.len() > 10
        && matches!(text.as_bytes()[10], b'T' | b't')
        && DateTime::parse_from_rfc3339(text).is_ok()
}

fn is_date(text: &str) -> bool {
    text.len() == 10 && NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

fn is_extension_name(text: &str) -> bool {
    text.strip_prefix("ext:").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '|'))
    })
}

/// What a value is, for a message that says what was found instead.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            format!("the text \"{}...\"", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// How to write a value of a kind, for messages.
fn expected(kind: Kind) -> String {
    match kind {
        Uuid => format!("a UUID {UUID_EXAMPLE}"),
        Text => "text".into(),
        DateTime => format!("an ISO 8601 date and time with its UTC offset, {DATE_TIME_EXAMPLE}"),
        Date => "a date such as 2025-03-01".into(),
        Integer => "a whole number".into(),
        Number => "a number".into(),
        Texts => "a list of texts, such as [\"Sales\"]".into(),
        LinkUri => "a link {\"title\": ..., \"identifier\": <UUID>, \"uri\": ...}".into(),
        LinkGenUri => "a link {\"title\": ..., \"identifier\": ..., \"uri\": ...}".into(),
        LinkUris => "a list of links {\"title\", \"identifier\", \"uri\"}".into(),
        Extension => "an object".into(),
        Extensions => "a list of objects".into(),
        AssociationType => format!(
            "one of {} (or an extension named \"ext:...\")",
            ASSOCIATION_TYPES.join(", ")
        ),
        CaseVersion => "\"1.1\"".into(),
        List => "a list of objects".into(),
    }
}

/// What a missing field should hold, in words where its type alone says too little.
fn wanted(field: &Field) -> String {
    let words = match field.name {
        "creator" => "who wrote the framework",
        "title" => "its title",
        "fullStatement" => "the text of the statement",
        "uri" => "the address it is published at, e.g. .../ims/case/v1p1/CFItems/<identifier>",
        "hierarchyCode" => "its code in the hierarchy (empty text will do)",
        "description" => "a description (empty text will do)",
        "licenseText" => "the licence's terms",
        "position" => "its place among the criterion's levels, a whole number (1 for the lowest)",
        _ => return expected(field.kind),
    };
    words.to_string()
}

/// "$.CFItems[3].identifier"
fn label(path: &[Seg]) -> String {
    let mut out = String::from("$");
    for seg in path {
        match seg {
            Seg::Key(key) => {
                out.push('.');
                out.push_str(key);
            }
            Seg::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

fn join(path: &[Seg<'static>], more: &[Seg<'static>]) -> Path {
    path.iter().chain(more).copied().collect()
}

fn text<'v>(object: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    object.get(key).and_then(Value::as_str)
}

fn link_identifier<'v>(object: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    object
        .get(key)
        .and_then(|link| link.get("identifier"))
        .and_then(Value::as_str)
}

/// A CFItem as the package's own items know it.
struct ItemRef {
    index: usize,
    /// Its human code when it has one, else its identifier: how messages name it.
    name: String,
}

struct Checker<'t> {
    text: &'t str,
    problems: &'t mut Problems,
    /// Each UUID seen (lower case) and the path of the object that has it.
    identifiers: HashMap<String, String>,
}

impl Checker<'_> {
    fn problem(&mut self, path: &[Seg], message: impl Into<String>) {
        // Past the listing limit a problem is only counted, so finding its place is skipped:
        // `locate` scans the text, and a huge broken file would otherwise take quadratic time.
        let (line, column) = if self.problems.count() >= LISTED_MAX {
            (0, 0)
        } else {
            locate(self.text, path)
        };
        self.problems.add(
            Place {
                line,
                column: Some(column),
            },
            Some(&label(path)),
            message,
        );
    }

    fn package(&mut self, root: &Value) {
        let Some(package) = root.as_object() else {
            let found = match root {
                Value::Array(_) => "a JSON array".to_string(),
                other => describe(other),
            };
            self.problem(
                &[],
                format!(
                    "this file holds {found}; a CASE package is one JSON object, \
                     {PACKAGE_SHAPE}"
                ),
            );
            return;
        };
        let document_id = match package.get("CFDocument") {
            Some(document) => self
                .object(document, &[Seg::Key("CFDocument")], &DOCUMENT)
                .and_then(|document| text(document, "identifier"))
                .map(str::to_ascii_lowercase),
            None => {
                self.no_document(package);
                None
            }
        };
        let items = self.list(package, &[], "CFItems", &ITEM);
        let mut known: HashMap<String, ItemRef> = HashMap::new();
        for (index, (_, item)) in items.iter().enumerate() {
            if let Some(id) = text(item, "identifier") {
                let name = text(item, "humanCodingScheme")
                    .filter(|code| !code.trim().is_empty())
                    .unwrap_or(id);
                known.entry(id.to_ascii_lowercase()).or_insert(ItemRef {
                    index,
                    name: name.to_string(),
                });
            }
        }
        self.associations(package, document_id.as_deref(), &known, items.len());
        self.rubrics(package, &known);
        if let Some(definitions) = package.get("CFDefinitions") {
            self.definitions(definitions);
        }
        if let Some(extensions) = package.get("extensions") {
            if !extensions.is_object() {
                self.problem(
                    &[Seg::Key("extensions")],
                    format!(
                        "the package's \"extensions\" must be an object, not {}",
                        describe(extensions)
                    ),
                );
            }
        }
    }

    /// Says what the file looks like instead, since the usual mistake is downloading the
    /// wrong endpoint.
    fn no_document(&mut self, package: &Map<String, Value>) {
        let message = if package.contains_key("CFDocuments") {
            "this is a list of frameworks, not a package: download one framework's package \
             (.../ims/case/v1p1/CFPackages/<its identifier>) and import that"
                .to_string()
        } else if package.contains_key("identifier") && package.contains_key("creator") {
            format!(
                "this looks like a CFDocument on its own; a package wraps it with its items, \
                 {PACKAGE_SHAPE}: download the framework's CFPackage instead"
            )
        } else {
            format!(
                "there is no CFDocument; a CASE package is {PACKAGE_SHAPE}, and its \
                 CFDocument says which framework it is"
            )
        };
        self.problem(&[Seg::Key("CFDocument")], message);
    }

    /// The objects of an optional array field, each checked as `class`.
    fn list<'v>(
        &mut self,
        parent: &'v Map<String, Value>,
        at: &[Seg<'static>],
        key: &'static str,
        class: &Class,
    ) -> Vec<(Path, &'v Map<String, Value>)> {
        let path = join(at, &[Seg::Key(key)]);
        match parent.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(values)) => values
                .iter()
                .enumerate()
                .filter_map(|(index, value)| {
                    let path = join(&path, &[Seg::Index(index)]);
                    self.object(value, &path, class)
                        .map(|object| (path, object))
                })
                .collect(),
            Some(other) => {
                self.problem(
                    &path,
                    format!(
                        "\"{key}\" must be a list of {} objects, not {}",
                        class.name,
                        describe(other)
                    ),
                );
                Vec::new()
            }
        }
    }

    /// Checks every field `class` defines; the object, if it is one.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &[Seg<'static>],
        class: &Class,
    ) -> Option<&'v Map<String, Value>> {
        let Some(object) = value.as_object() else {
            self.problem(
                path,
                format!(
                    "a {} must be a JSON object, not {}",
                    class.name,
                    describe(value)
                ),
            );
            return None;
        };
        for field in class.fields {
            let at = join(path, &[Seg::Key(field.name)]);
            match object.get(field.name) {
                None | Some(Value::Null) => {
                    let who = match field.need {
                        Need::Optional => continue,
                        Need::Ours => "Pilotdesk needs it to order the levels",
                        Need::Filled => "CASE requires it",
                    };
                    self.problem(
                        &at,
                        format!(
                            "this {} has no \"{}\" ({who}): add {}",
                            class.name,
                            field.name,
                            wanted(field)
                        ),
                    );
                }
                Some(value) => self.field(class, field, value, &at),
            }
        }
        if let Some(id) = text(object, "identifier").filter(|id| is_uuid(id)) {
            self.identifier(id, path);
        }
        Some(object)
    }

    fn identifier(&mut self, id: &str, owner: &[Seg<'static>]) {
        let key = id.to_ascii_lowercase();
        match self.identifiers.get(&key) {
            Some(first) => {
                let first = first.clone();
                self.problem(
                    &join(owner, &[Seg::Key("identifier")]),
                    format!(
                        "the identifier {id} is already used by {first}; each object in a \
                         package needs its own UUID"
                    ),
                );
            }
            None => {
                self.identifiers.insert(key, label(owner));
            }
        }
    }

    fn field(&mut self, class: &Class, field: &Field, value: &Value, at: &[Seg<'static>]) {
        let name = field.name;
        let wrong = |value: &Value| {
            format!(
                "\"{name}\" must be {}, not {}",
                expected(field.kind),
                describe(value)
            )
        };
        match (field.kind, value) {
            (Text, Value::String(s)) if field.need == Need::Filled && s.trim().is_empty() => {
                self.problem(
                    at,
                    format!(
                        "this {}'s \"{name}\" is empty; CASE requires it",
                        class.name
                    ),
                );
            }
            (Text, Value::String(_)) => {}
            (Uuid, Value::String(s)) if !is_uuid(s) => self.problem(
                at,
                format!(
                    "\"{s}\" is not a UUID; CASE identifiers are written 8-4-4-4-12 in \
                     hexadecimal, {UUID_EXAMPLE}"
                ),
            ),
            (DateTime, Value::String(s)) if !is_date_time(s) => self.problem(
                at,
                format!(
                    "\"{name}\" is \"{s}\", which is not an ISO 8601 date and time with its \
                     UTC offset; write it like 2025-03-01T09:30:00Z or 2025-03-01T10:30:00+01:00"
                ),
            ),
            (Date, Value::String(s)) if !is_date(s) => self.problem(
                at,
                format!("\"{name}\" is \"{s}\", which is not a date; write it as 2025-03-01"),
            ),
            (Uuid | DateTime | Date, Value::String(_)) => {}
            (Integer, value) if integer(value).is_some() => {}
            (Number, Value::Number(_)) => {}
            (Extension, Value::Object(_)) => {}
            (List, Value::Array(_)) => {}
            (Texts, Value::Array(values)) => {
                for (index, value) in values.iter().enumerate() {
                    if !value.is_string() {
                        self.problem(
                            &join(at, &[Seg::Index(index)]),
                            format!(
                                "each entry of \"{name}\" must be text, not {}",
                                describe(value)
                            ),
                        );
                    }
                }
            }
            (Extensions, Value::Array(values)) => {
                for (index, value) in values.iter().enumerate() {
                    if !value.is_object() {
                        self.problem(
                            &join(at, &[Seg::Index(index)]),
                            format!(
                                "each entry of \"{name}\" must be an object, not {}",
                                describe(value)
                            ),
                        );
                    }
                }
            }
            (LinkUri | LinkGenUri, Value::Object(link)) => {
                self.link(name, link, at, field.kind == LinkUri);
            }
            (LinkUris, Value::Array(values)) => {
                for (index, value) in values.iter().enumerate() {
                    let at = join(at, &[Seg::Index(index)]);
                    match value.as_object() {
                        Some(link) => self.link(name, link, &at, true),
                        None => self.problem(
                            &at,
                            format!(
                                "each entry of \"{name}\" must be {}, not {}",
                                expected(LinkUri),
                                describe(value)
                            ),
                        ),
                    }
                }
            }
            (AssociationType, Value::String(s)) => self.association_type(s, at),
            (CaseVersion, Value::String(s)) if s == "1.1" => {}
            (CaseVersion, value) => self.problem(
                at,
                format!(
                    "\"caseVersion\" is {}; this is a CASE 1.1 package only if it says \
                     \"1.1\" (or leaves caseVersion out)",
                    describe(value)
                ),
            ),
            (_, value) => self.problem(at, wrong(value)),
        }
    }

    fn association_type(&mut self, found: &str, at: &[Seg<'static>]) {
        if ASSOCIATION_TYPES.contains(&found) || is_extension_name(found) {
            return;
        }
        let hint = match ASSOCIATION_TYPES
            .iter()
            .find(|known| known.eq_ignore_ascii_case(found.trim()))
        {
            Some(known) => format!("did you mean \"{known}\"? CASE names are case-sensitive"),
            None => format!(
                "use one of {}, or name an extension \"ext:{found}\"",
                ASSOCIATION_TYPES.join(", ")
            ),
        };
        self.problem(
            at,
            format!("\"{found}\" is not a CASE 1.1 associationType; {hint}"),
        );
    }

    /// A `LinkURI` (identifier must be a UUID) or `LinkGenURI` (identifier is any text, and a
    /// `targetType` may say it is not a CASE object).
    fn link(
        &mut self,
        name: &str,
        link: &Map<String, Value>,
        at: &[Seg<'static>],
        uuid_identifier: bool,
    ) {
        for key in ["title", "identifier", "uri"] {
            let path = join(at, &[Seg::Key(key)]);
            match link.get(key) {
                Some(Value::String(s)) => {
                    if key == "identifier" && uuid_identifier && !is_uuid(s) {
                        self.problem(
                            &path,
                            format!(
                                "\"{s}\" is not a UUID; the identifier of a {name} link \
                                 names a CASE object by its UUID, {UUID_EXAMPLE}"
                            ),
                        );
                    } else if key != "title" && s.trim().is_empty() {
                        self.problem(
                            &path,
                            format!("the {name} link's \"{key}\" is empty; CASE requires it"),
                        );
                    }
                }
                None | Some(Value::Null) => self.problem(
                    &path,
                    format!(
                        "the {name} link has no \"{key}\"; a link is {{\"title\", \
                         \"identifier\", \"uri\"}} and CASE requires all three"
                    ),
                ),
                Some(other) => self.problem(
                    &path,
                    format!(
                        "the {name} link's \"{key}\" must be text, not {}",
                        describe(other)
                    ),
                ),
            }
        }
        if !uuid_identifier {
            if let Some(target) = link.get("targetType") {
                let fine = target
                    .as_str()
                    .is_some_and(|t| t == "CASE" || is_extension_name(t));
                if !fine {
                    self.problem(
                        &join(at, &[Seg::Key("targetType")]),
                        format!(
                            "\"targetType\" is {}; it must be \"CASE\" or an extension named \
                             \"ext:...\"",
                            describe(target)
                        ),
                    );
                }
            }
        }
    }

    fn associations(
        &mut self,
        package: &Map<String, Value>,
        document_id: Option<&str>,
        known: &HashMap<String, ItemRef>,
        item_count: usize,
    ) {
        let associations = self.list(package, &[], "CFAssociations", &ASSOCIATION);
        // child item -> (parent item, the association's path)
        let mut parents: Vec<Vec<(usize, usize)>> = vec![Vec::new(); item_count];
        let mut paths: Vec<Path> = Vec::new();
        for (path, association) in &associations {
            if text(association, "associationType") != Some("isChildOf") {
                continue;
            }
            let origin = link_identifier(association, "originNodeURI");
            let destination = link_identifier(association, "destinationNodeURI");
            let child = origin.and_then(|id| self.child_end(id, path, document_id, known));
            let parent = destination.and_then(|id| self.parent_end(id, path, document_id, known));
            if let (Some(child), Some(Some(parent))) = (child, parent) {
                parents[child].push((parent, paths.len()));
                paths.push(path.clone());
            }
        }
        let names: Vec<&str> = {
            let mut names = vec![""; item_count];
            for item in known.values() {
                names[item.index] = &item.name;
            }
            names
        };
        self.loops(&parents, &paths, &names);
    }

    /// The item an `isChildOf` places, if it is one of the package's.
    fn child_end(
        &mut self,
        id: &str,
        path: &[Seg<'static>],
        document_id: Option<&str>,
        known: &HashMap<String, ItemRef>,
    ) -> Option<usize> {
        let key = id.to_ascii_lowercase();
        if let Some(item) = known.get(&key) {
            return Some(item.index);
        }
        let at = join(path, &[Seg::Key("originNodeURI"), Seg::Key("identifier")]);
        let message = if Some(key.as_str()) == document_id {
            "the isChildOf association's originNodeURI is the CFDocument, which cannot be a \
             child: the origin is the CFItem placed under the destination"
                .to_string()
        } else {
            format!(
                "the isChildOf association's originNodeURI names CFItem {id}, which is not in \
                 this package; add that CFItem to CFItems or remove the association"
            )
        };
        self.problem(&at, message);
        None
    }

    /// The parent an `isChildOf` names: `Some(Some(item))`, `Some(None)` for the CFDocument,
    /// `None` when it is not in the package.
    fn parent_end(
        &mut self,
        id: &str,
        path: &[Seg<'static>],
        document_id: Option<&str>,
        known: &HashMap<String, ItemRef>,
    ) -> Option<Option<usize>> {
        let key = id.to_ascii_lowercase();
        if Some(key.as_str()) == document_id {
            return Some(None);
        }
        if let Some(item) = known.get(&key) {
            return Some(Some(item.index));
        }
        self.problem(
            &join(
                path,
                &[Seg::Key("destinationNodeURI"), Seg::Key("identifier")],
            ),
            format!(
                "the isChildOf association's destinationNodeURI names {id}, which is neither \
                 this package's CFDocument nor one of its CFItems; a parent must be in the \
                 package"
            ),
        );
        None
    }

    /// Each loop in the hierarchy, reported once at the association that closes it. Iterative,
    /// so a deep (or deliberately deep) hierarchy cannot overflow the stack.
    fn loops(&mut self, parents: &[Vec<(usize, usize)>], paths: &[Path], names: &[&str]) {
        const WHITE: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![WHITE; parents.len()];
        for start in 0..parents.len() {
            if state[start] != WHITE {
                continue;
            }
            state[start] = ON_PATH;
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            while let Some(&(node, next)) = stack.last() {
                let Some(&(parent, association)) = parents[node].get(next) else {
                    state[node] = DONE;
                    stack.pop();
                    continue;
                };
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                match state[parent] {
                    WHITE => {
                        state[parent] = ON_PATH;
                        stack.push((parent, 0));
                    }
                    ON_PATH => {
                        let from = stack.iter().position(|&(n, _)| n == parent).unwrap_or(0);
                        let mut chain: Vec<&str> =
                            stack[from..].iter().map(|&(n, _)| names[n]).collect();
                        chain.push(names[parent]);
                        self.problem(
                            &paths[association],
                            format!(
                                "these isChildOf associations make a loop: {} (each arrow \
                                 points to a parent); an item cannot sit under itself, so \
                                 remove or redirect one of them",
                                chain.join(" -> ")
                            ),
                        );
                    }
                    _ => {}
                }
            }
        }
    }

    fn rubrics(&mut self, package: &Map<String, Value>, known: &HashMap<String, ItemRef>) {
        for (path, rubric) in self.list(package, &[], "CFRubrics", &RUBRIC) {
            let rubric_id = text(rubric, "identifier").unwrap_or_default();
            for (path, criterion) in self.list(rubric, &path, "CFRubricCriteria", &CRITERION) {
                self.parent_id(criterion, &path, "rubricId", "CFRubric", rubric_id);
                if let Some(item) = link_identifier(criterion, "CFItemURI") {
                    if is_uuid(item) && !known.contains_key(&item.to_ascii_lowercase()) {
                        self.problem(
                            &join(&path, &[Seg::Key("CFItemURI"), Seg::Key("identifier")]),
                            format!(
                                "the criterion's CFItemURI names CFItem {item}, which is not \
                                 in this package; a criterion rates one of the package's \
                                 CFItems"
                            ),
                        );
                    }
                }
                let criterion_id = text(criterion, "identifier").unwrap_or_default();
                let mut positions: HashMap<i64, String> = HashMap::new();
                for (path, level) in self.list(criterion, &path, "CFRubricCriterionLevels", &LEVEL)
                {
                    self.parent_id(
                        level,
                        &path,
                        "rubricCriterionId",
                        "CFRubricCriterion",
                        criterion_id,
                    );
                    let Some(position) = level.get("position").and_then(integer) else {
                        continue;
                    };
                    if let Some(first) = positions.get(&position) {
                        let first = first.clone();
                        self.problem(
                            &join(&path, &[Seg::Key("position")]),
                            format!(
                                "{first} is at position {position} too; each level of a \
                                 criterion needs its own position"
                            ),
                        );
                    } else {
                        positions.insert(position, label(&path));
                    }
                }
            }
        }
    }

    /// A child's optional back-reference (`rubricId`, `rubricCriterionId`) must name the
    /// object it sits in.
    fn parent_id(
        &mut self,
        child: &Map<String, Value>,
        path: &[Seg<'static>],
        key: &'static str,
        parent: &str,
        parent_id: &str,
    ) {
        let Some(named) = text(child, key) else {
            return;
        };
        if is_uuid(named) && is_uuid(parent_id) && !named.eq_ignore_ascii_case(parent_id) {
            self.problem(
                &join(path, &[Seg::Key(key)]),
                format!(
                    "\"{key}\" is {named}, but this sits in {parent} {parent_id}; make them \
                     the same or leave {key} out"
                ),
            );
        }
    }

    fn definitions(&mut self, definitions: &Value) {
        let path = [Seg::Key("CFDefinitions")];
        let Some(definitions) = definitions.as_object() else {
            self.problem(
                &path,
                format!(
                    "\"CFDefinitions\" must be an object {{\"CFItemTypes\": [...], \
                     \"CFSubjects\": [...], ...}}, not {}",
                    describe(definitions)
                ),
            );
            return;
        };
        for (key, class) in DEFINITION_LISTS {
            self.list(definitions, &path, key, class);
        }
        if let Some(extensions) = definitions.get("extensions") {
            if !extensions.is_object() {
                self.problem(
                    &join(&path, &[Seg::Key("extensions")]),
                    format!(
                        "\"extensions\" must be an object, not {}",
                        describe(extensions)
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn problems(text: &str) -> Vec<crate::error::ErrorDetail> {
        let mut problems = Problems::new("t.json", None);
        check(text, &mut problems);
        match problems.into_error() {
            Error::Invalid { details, .. } => details,
            other => panic!("{other}"),
        }
    }

    #[test]
    fn uuids_are_the_hyphenated_hex_form() {
        assert!(is_uuid("0d9c7a34-5b1e-4c6f-8a2d-3e4f5a6b7c8d"));
        assert!(is_uuid("0D9C7A34-5B1E-4C6F-8A2D-3E4F5A6B7C8D"));
        assert!(is_uuid("d0000000-0000-0000-0000-000000000000"));
        assert!(!is_uuid("0d9c7a345b1e4c6f8a2d3e4f5a6b7c8d"));
        assert!(!is_uuid("{0d9c7a34-5b1e-4c6f-8a2d-3e4f5a6b7c8d}"));
        assert!(!is_uuid("0d9c7a34-5b1e-4c6f-8a2d-3e4f5a6b7c8g"));
    }

    #[test]
    fn date_times_need_an_offset() {
        assert!(is_date_time("2025-03-01T09:30:00Z"));
        assert!(is_date_time("2018-03-02T19:47:11+00:00"));
        assert!(is_date_time("2025-03-01T09:30:00.125-05:00"));
        assert!(!is_date_time("2025-03-01T09:30:00"));
        assert!(!is_date_time("2025-03-01 09:30:00Z"));
        assert!(!is_date_time("2025-02-30T09:30:00Z"));
        assert!(is_date("2025-03-01"));
        assert!(!is_date("2025-3-1"));
    }

    #[test]
    fn extension_association_types_are_named_ext() {
        assert!(is_extension_name("ext:isAssessedBy"));
        assert!(!is_extension_name("ext:"));
        assert!(!is_extension_name("isAssessedBy"));
    }

    #[test]
    fn whole_numbers_include_integral_floats() {
        assert_eq!(integer(&serde_json::json!(3)), Some(3));
        assert_eq!(integer(&serde_json::json!(3.0)), Some(3));
        assert_eq!(integer(&serde_json::json!(3.5)), None);
        assert_eq!(integer(&serde_json::json!("3")), None);
    }

    #[test]
    fn a_syntax_error_names_its_line_and_column() {
        let details = problems("{\n  \"CFDocument\": {,\n}");
        assert_eq!(details.len(), 1);
        assert_eq!((details[0].line, details[0].column), (Some(2), Some(18)));
        assert_eq!(details[0].field.as_deref(), Some("$"));
        assert!(details[0].message.contains("not valid JSON"));
    }

    #[test]
    fn a_list_of_frameworks_is_told_apart_from_a_package() {
        let details = problems("{\"CFDocuments\": []}");
        assert_eq!(details.len(), 1);
        assert!(
            details[0].message.contains("CFPackages"),
            "{}",
            details[0].message
        );
        let details = problems("[1, 2]");
        assert!(details[0].message.contains("JSON array"));
    }

    #[test]
    fn a_miscased_association_type_gets_a_suggestion() {
        let mut problems = Problems::new("t.json", None);
        let mut checker = Checker {
            text: "{}",
            problems: &mut problems,
            identifiers: HashMap::new(),
        };
        checker.association_type("ischildof", &[]);
        checker.association_type("isParentOf", &[]);
        let Error::Invalid { details, .. } = problems.into_error() else {
            panic!();
        };
        assert!(details[0].message.contains("did you mean \"isChildOf\""));
        assert!(details[1].message.contains("ext:isParentOf"));
    }

    #[test]
    fn a_loop_is_reported_once_with_its_items() {
        let mut problems = Problems::new("t.json", None);
        let mut checker = Checker {
            text: "{}",
            problems: &mut problems,
            identifiers: HashMap::new(),
        };
        // 0 -> 1 -> 2 -> 0, and 3 -> 0 hangs off the loop.
        let parents = vec![vec![(1, 0)], vec![(2, 1)], vec![(0, 2)], vec![(0, 3)]];
        let paths: Vec<Path> = (0..4)
            .map(|i| vec![Seg::Key("CFAssociations"), Seg::Index(i)])
            .collect();
        checker.loops(&parents, &paths, &["A", "B", "C", "D"]);
        let Error::Invalid { details, .. } = problems.into_error() else {
            panic!();
        };
        assert_eq!(details.len(), 1);
        assert!(
            details[0].message.contains("A -> B -> C -> A"),
            "{}",
            details[0].message
        );
        assert_eq!(details[0].field.as_deref(), Some("$.CFAssociations[2]"));
    }
}
