//! Competency frameworks as CASE packages: each object saved with the JSON it came in, so
//! an export gives it back; the tree, levels and descriptors in columns the app reads.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Error, Result};
use crate::import::case::{CaseAssociation, CaseFramework, CaseItem, CaseRubric};
use crate::model::skills::{
    CompetencyChoice, CompetencyNode, FrameworkImport, FrameworkSummary, ProficiencyLevel,
};

/// What saving a version of a framework changed.
#[derive(Debug, Default)]
pub struct Saved {
    pub id: i64,
    pub updated: bool,
    pub added: u32,
    pub changed: u32,
    pub retired: u32,
    pub removed: u32,
}

fn json(value: &serde_json::Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Saves `framework`, updating the one with the same CFDocument identifier if there is one.
/// Competencies keep their row (and so their modules, ratings and requirements) by
/// identifier; those the new version drops are deleted, or retired while still in use.
pub fn save(
    tx: &Transaction,
    framework: &CaseFramework,
    builtin: bool,
    now: &str,
) -> Result<Saved> {
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM frameworks WHERE identifier = ?1",
            [&framework.identifier],
            |r| r.get(0),
        )
        .optional()?;
    let definitions = framework.definitions.as_ref().map(json);
    let extensions = framework.extensions.as_ref().map(json);
    let mut saved = Saved::default();
    let id = match existing {
        Some(id) => {
            tx.execute(
                "UPDATE frameworks SET uri = ?2, title = ?3, version = ?4, document_json = ?5,
                     definitions_json = ?6, extensions_json = ?7, updated_at = ?8 WHERE id = ?1",
                params![
                    id,
                    framework.uri,
                    framework.title,
                    framework.version,
                    json(&framework.document),
                    definitions,
                    extensions,
                    now
                ],
            )?;
            saved.updated = true;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO frameworks (identifier, uri, title, version, document_json,
                     definitions_json, extensions_json, builtin, imported_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                params![
                    framework.identifier,
                    framework.uri,
                    framework.title,
                    framework.version,
                    json(&framework.document),
                    definitions,
                    extensions,
                    builtin,
                    now
                ],
            )?;
            tx.last_insert_rowid()
        }
    };
    saved.id = id;
    let ids = save_items(tx, id, framework, &mut saved)?;
    save_tree(tx, framework, &ids)?;
    tx.execute(
        "DELETE FROM framework_associations WHERE framework_id = ?1",
        [id],
    )?;
    let mut insert = tx.prepare(
        "INSERT INTO framework_associations (framework_id, identifier, association_type, origin,
             destination, position, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (position, a) in framework.associations.iter().enumerate() {
        insert.execute(params![
            id,
            a.identifier,
            a.association_type,
            a.origin,
            a.destination,
            position as i64,
            json(&a.json)
        ])?;
    }
    save_rubrics(tx, id, &framework.rubrics, &ids)?;
    Ok(saved)
}

fn save_items(
    tx: &Transaction,
    framework_id: i64,
    framework: &CaseFramework,
    saved: &mut Saved,
) -> Result<HashMap<String, i64>> {
    let mut before: HashMap<String, (i64, String)> = HashMap::new();
    {
        let mut statement = tx.prepare(
            "SELECT identifier, id, item_json FROM competencies WHERE framework_id = ?1",
        )?;
        for row in statement.query_map([framework_id], |r| {
            Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?)))
        })? {
            let (identifier, rest) = row?;
            before.insert(identifier, rest);
        }
    }
    let mut ids = HashMap::new();
    for (position, item) in framework.items.iter().enumerate() {
        let item_json = json(&item.json);
        match before.remove(&item.identifier) {
            Some((id, old_json)) => {
                if old_json != item_json {
                    saved.changed += 1;
                }
                tx.execute(
                    "UPDATE competencies SET uri = ?2, statement = ?3, human_coding = ?4,
                         item_type = ?5, position = ?6, retired = 0, item_json = ?7,
                         parent_id = NULL, short_name = ?8 WHERE id = ?1",
                    params![
                        id,
                        item.uri,
                        item.full_statement,
                        item.human_coding,
                        item.item_type,
                        position as i64,
                        item_json,
                        short_name(item)
                    ],
                )?;
                ids.insert(item.identifier.clone(), id);
            }
            None => {
                let elsewhere: Option<String> = tx
                    .query_row(
                        "SELECT f.title FROM competencies c JOIN frameworks f ON f.id = c.framework_id
                         WHERE c.identifier = ?1",
                        [&item.identifier],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(title) = elsewhere {
                    return Err(Error::Conflict(format!(
                        "CFItem {} already belongs to the framework \"{title}\"; a CASE \
                         identifier names one item in one framework",
                        item.identifier
                    )));
                }
                tx.execute(
                    "INSERT INTO competencies (framework_id, identifier, uri, statement,
                         human_coding, item_type, position, item_json, short_name)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        framework_id,
                        item.identifier,
                        item.uri,
                        item.full_statement,
                        item.human_coding,
                        item.item_type,
                        position as i64,
                        item_json,
                        short_name(item)
                    ],
                )?;
                ids.insert(item.identifier.clone(), tx.last_insert_rowid());
                saved.added += 1;
            }
        }
    }
    for (_, (id, _)) in before {
        if in_use(tx, id)? {
            tx.execute(
                "UPDATE competencies SET retired = 1, parent_id = NULL WHERE id = ?1",
                [id],
            )?;
            saved.retired += 1;
        } else {
            tx.execute("DELETE FROM competencies WHERE id = ?1", [id])?;
            saved.removed += 1;
        }
    }
    Ok(ids)
}

fn short_name(item: &CaseItem) -> String {
    text_of(&item.json, "abbreviatedStatement")
        .trim()
        .to_string()
}

fn in_use(conn: &Connection, competency_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM module_competencies WHERE competency_id = ?1)
             OR EXISTS (SELECT 1 FROM competency_ratings WHERE competency_id = ?1)
             OR EXISTS (SELECT 1 FROM role_requirements WHERE competency_id = ?1)",
        [competency_id],
        |r| r.get(0),
    )?)
}

/// The tree comes from isChildOf (origin: the child, destination: the parent or the
/// document); siblings are ordered by the association's sequenceNumber, then by the
/// package's order.
fn save_tree(
    tx: &Transaction,
    framework: &CaseFramework,
    ids: &HashMap<String, i64>,
) -> Result<()> {
    let item_position: HashMap<&str, usize> = framework
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.identifier.as_str(), i))
        .collect();
    let mut children: Vec<&CaseAssociation> = framework
        .associations
        .iter()
        .filter(|a| a.association_type == "isChildOf")
        .collect();
    children.sort_by_key(|a| {
        (
            a.sequence_number.unwrap_or(i64::MAX),
            item_position
                .get(a.origin.as_str())
                .copied()
                .unwrap_or(usize::MAX),
        )
    });
    let mut positioned = HashSet::new();
    let mut next = 0i64;
    for association in children {
        let Some(child) = ids.get(&association.origin) else {
            continue;
        };
        let parent = ids.get(&association.destination).copied();
        tx.execute(
            "UPDATE competencies SET parent_id = ?2, position = ?3 WHERE id = ?1",
            params![child, parent, next],
        )?;
        positioned.insert(*child);
        next += 1;
    }
    for item in &framework.items {
        if let Some(id) = ids.get(&item.identifier) {
            if !positioned.contains(id) {
                tx.execute(
                    "UPDATE competencies SET position = ?2 WHERE id = ?1",
                    params![id, next],
                )?;
                next += 1;
            }
        }
    }
    Ok(())
}

fn save_rubrics(
    tx: &Transaction,
    framework_id: i64,
    rubrics: &[CaseRubric],
    ids: &HashMap<String, i64>,
) -> Result<()> {
    tx.execute(
        "DELETE FROM framework_rubrics WHERE framework_id = ?1",
        [framework_id],
    )?;
    tx.execute(
        "DELETE FROM competency_levels WHERE competency_id IN
             (SELECT id FROM competencies WHERE framework_id = ?1)",
        [framework_id],
    )?;
    let mut level = tx.prepare(
        "INSERT OR REPLACE INTO competency_levels (competency_id, level, label, descriptor)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, rubric) in rubrics.iter().enumerate() {
        tx.execute(
            "INSERT INTO framework_rubrics (framework_id, identifier, position, json)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                framework_id,
                rubric.identifier,
                position as i64,
                json(&rubric.json)
            ],
        )?;
        for criterion in &rubric.criteria {
            let Some(competency) = criterion.item.as_ref().and_then(|i| ids.get(i)) else {
                continue;
            };
            for l in &criterion.levels {
                level.execute(params![
                    competency,
                    l.position.max(0),
                    l.quality.trim(),
                    l.description.trim()
                ])?;
            }
        }
    }
    Ok(())
}

fn parse_json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or(serde_json::Value::Null)
}

fn text_of(value: &serde_json::Value, key: &str) -> String {
    value
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

/// The framework as a CASE package again: what was imported, less retired items.
pub fn load_package(conn: &Connection, id: i64) -> Result<CaseFramework> {
    let (identifier, uri, title, version, document, definitions, extensions) = conn
        .query_row(
            "SELECT identifier, uri, title, version, document_json, definitions_json,
                    extensions_json
             FROM frameworks WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity: "framework",
            id: id.to_string(),
        })?;
    let mut items = Vec::new();
    let mut statement = conn.prepare(
        "SELECT identifier, uri, statement, human_coding, item_type, item_json FROM competencies
         WHERE framework_id = ?1 AND retired = 0 ORDER BY id",
    )?;
    for row in statement.query_map([id], |r| {
        Ok(CaseItem {
            identifier: r.get(0)?,
            uri: r.get(1)?,
            full_statement: r.get(2)?,
            human_coding: r.get(3)?,
            item_type: r.get(4)?,
            json: parse_json(&r.get::<_, String>(5)?),
        })
    })? {
        items.push(row?);
    }
    let mut associations = Vec::new();
    let mut statement = conn.prepare(
        "SELECT identifier, association_type, origin, destination, json
         FROM framework_associations WHERE framework_id = ?1 ORDER BY position",
    )?;
    for row in statement.query_map([id], |r| {
        let json = parse_json(&r.get::<_, String>(4)?);
        Ok(CaseAssociation {
            identifier: r.get(0)?,
            association_type: r.get(1)?,
            origin: r.get(2)?,
            destination: r.get(3)?,
            sequence_number: json.get("sequenceNumber").and_then(|v| v.as_i64()),
            json,
        })
    })? {
        associations.push(row?);
    }
    let mut rubrics = Vec::new();
    let mut statement = conn.prepare(
        "SELECT identifier, json FROM framework_rubrics WHERE framework_id = ?1 ORDER BY position",
    )?;
    for row in statement.query_map([id], |r| {
        let json = parse_json(&r.get::<_, String>(1)?);
        Ok(CaseRubric {
            identifier: r.get(0)?,
            title: text_of(&json, "title"),
            criteria: Vec::new(),
            json,
        })
    })? {
        rubrics.push(row?);
    }
    Ok(CaseFramework {
        identifier,
        uri,
        title,
        version,
        document: parse_json(&document),
        definitions: definitions.as_deref().map(parse_json),
        extensions: extensions.as_deref().map(parse_json),
        items,
        associations,
        rubrics,
    })
}

pub fn find_by_title_or_identifier(conn: &Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM frameworks WHERE identifier = ?1 OR title = ?1 COLLATE NOCASE
                 OR CAST(id AS TEXT) = ?1 ORDER BY id LIMIT 1",
            [key.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn list(conn: &Connection) -> Result<Vec<FrameworkSummary>> {
    let mut statement = conn.prepare(
        "SELECT f.id, f.identifier, f.title, f.version, f.builtin, f.updated_at,
                (SELECT count(*) FROM competencies c WHERE c.framework_id = f.id AND c.retired = 0),
                (SELECT coalesce(max(l.level), 0) FROM competency_levels l
                     JOIN competencies c ON c.id = l.competency_id WHERE c.framework_id = f.id)
         FROM frameworks f ORDER BY f.builtin DESC, f.title",
    )?;
    let rows = statement.query_map([], |r| {
        Ok(FrameworkSummary {
            id: r.get(0)?,
            identifier: r.get(1)?,
            title: r.get(2)?,
            version: r.get(3)?,
            builtin: r.get(4)?,
            updated_at: r.get(5)?,
            competencies: r.get(6)?,
            levels: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn summary(conn: &Connection, id: i64) -> Result<FrameworkSummary> {
    list(conn)?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or_else(|| Error::NotFound {
            entity: "framework",
            id: id.to_string(),
        })
}

pub fn document(conn: &Connection, id: i64) -> Result<serde_json::Value> {
    let text: String = conn.query_row(
        "SELECT document_json FROM frameworks WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    Ok(parse_json(&text))
}

/// Every level of every competency, by competency.
pub fn levels(conn: &Connection) -> Result<HashMap<i64, Vec<ProficiencyLevel>>> {
    let mut statement = conn.prepare(
        "SELECT competency_id, level, label, descriptor FROM competency_levels
         ORDER BY competency_id, level",
    )?;
    let mut by: HashMap<i64, Vec<ProficiencyLevel>> = HashMap::new();
    for row in statement.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            ProficiencyLevel {
                level: r.get(1)?,
                label: r.get(2)?,
                descriptor: r.get(3)?,
            },
        ))
    })? {
        let (id, level) = row?;
        by.entry(id).or_default().push(level);
    }
    Ok(by)
}

/// A framework's competencies in tree order: each parent, then its children.
pub fn tree(conn: &Connection, framework_id: i64) -> Result<Vec<CompetencyNode>> {
    let mut statement = conn.prepare(
        "SELECT id, identifier, statement, human_coding, item_type, parent_id, short_name
         FROM competencies WHERE framework_id = ?1 AND retired = 0 ORDER BY position, id",
    )?;
    type Row = (i64, String, String, String, String, Option<i64>, String);
    let rows: Vec<Row> = statement
        .query_map([framework_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut levels = levels(conn)?;
    let known: HashSet<i64> = rows.iter().map(|r| r.0).collect();
    let mut children: HashMap<Option<i64>, Vec<usize>> = HashMap::new();
    for (index, row) in rows.iter().enumerate() {
        let parent = row.5.filter(|p| known.contains(p));
        children.entry(parent).or_default().push(index);
    }
    let mut out = Vec::with_capacity(rows.len());
    let mut stack: Vec<(usize, u32)> = children
        .get(&None)
        .map(|c| c.iter().rev().map(|i| (*i, 0)).collect())
        .unwrap_or_default();
    let mut seen = HashSet::new();
    while let Some((index, depth)) = stack.pop() {
        if !seen.insert(index) {
            continue;
        }
        let (id, identifier, statement, human_coding, item_type, parent, short_name) =
            rows[index].clone();
        out.push(CompetencyNode {
            id,
            identifier,
            name: if short_name.is_empty() {
                statement.clone()
            } else {
                short_name
            },
            statement,
            human_coding,
            item_type,
            parent_id: parent.filter(|p| known.contains(p)),
            depth,
            levels: levels.remove(&id).unwrap_or_default(),
        });
        if let Some(kids) = children.get(&Some(id)) {
            stack.extend(kids.iter().rev().map(|i| (*i, depth + 1)));
        }
    }
    Ok(out)
}

/// What a competency is called in lists, in SQL over `competencies c`: its short name
/// (CASE abbreviatedStatement) when it has one, else its full statement.
pub const NAME_SQL: &str = "coalesce(nullif(c.short_name, ''), c.statement)";

/// The label a competency goes by in lists: its code, then its name.
pub fn label(code: &str, statement: &str) -> String {
    if code.trim().is_empty() {
        statement.to_string()
    } else {
        format!("{} {}", code.trim(), statement)
    }
}

/// Competencies with levels, for pickers: those a module can target or a rating rate.
pub fn choices(conn: &Connection) -> Result<Vec<CompetencyChoice>> {
    let mut statement = conn.prepare(
        &format!("SELECT c.id, c.human_coding, {NAME_SQL}, f.title FROM competencies c
         JOIN frameworks f ON f.id = c.framework_id
         WHERE c.retired = 0 AND EXISTS (SELECT 1 FROM competency_levels l WHERE l.competency_id = c.id)
         ORDER BY f.builtin DESC, f.title, c.position"),
    )?;
    let mut levels = levels(conn)?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, code, statement, framework) = row?;
        out.push(CompetencyChoice {
            id,
            label: label(&code, &statement),
            framework,
            levels: levels.remove(&id).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The full statement of each competency, for where there is room to print it.
pub fn statements(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut statement = conn.prepare("SELECT id, statement FROM competencies")?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every competency (retired too, as old records may name them): id to (code, name).
pub fn names(conn: &Connection) -> Result<HashMap<i64, (String, String)>> {
    let mut statement = conn.prepare(&format!(
        "SELECT c.id, c.human_coding, {NAME_SQL} FROM competencies c"
    ))?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Text in a playbook task ("SO.2", or a statement) resolved to a competency.
pub fn resolve(conn: &Connection, text: &str) -> Result<Option<i64>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT id FROM competencies WHERE retired = 0 AND (human_coding = ?1 COLLATE NOCASE
                 OR statement = ?1 COLLATE NOCASE
                 OR short_name = ?1 COLLATE NOCASE
                 OR (human_coding || ' ' || statement) = ?1 COLLATE NOCASE)
             ORDER BY id LIMIT 1",
            [text],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn import_record(saved: &Saved, summary: FrameworkSummary) -> FrameworkImport {
    FrameworkImport {
        framework: summary,
        updated: saved.updated,
        added: saved.added,
        changed: saved.changed,
        retired: saved.retired,
        removed: saved.removed,
    }
}
