//! A competency framework as a 1EdTech CASE 1.1 package (`CFPackage` JSON), built from the JSON
//! each part was read with, so a package imported and exported again says what it said.

use serde_json::{Map, Value};

use crate::import::case::CaseFramework;

/// The package's parts in the order CASE lists them.
const PACKAGE_ORDER: [&str; 6] = [
    "CFDocument",
    "CFItems",
    "CFAssociations",
    "CFDefinitions",
    "CFRubrics",
    "extensions",
];

/// The CFPackage: `CFRubrics` only when there are rubrics, `CFDefinitions` and `extensions`
/// only when the framework was read with them.
pub fn package(framework: &CaseFramework) -> Value {
    let mut package = Map::new();
    package.insert("CFDocument".into(), framework.document.clone());
    package.insert(
        "CFItems".into(),
        Value::Array(framework.items.iter().map(|i| i.json.clone()).collect()),
    );
    package.insert(
        "CFAssociations".into(),
        Value::Array(
            framework
                .associations
                .iter()
                .map(|a| a.json.clone())
                .collect(),
        ),
    );
    if let Some(definitions) = &framework.definitions {
        package.insert("CFDefinitions".into(), definitions.clone());
    }
    if !framework.rubrics.is_empty() {
        package.insert(
            "CFRubrics".into(),
            Value::Array(framework.rubrics.iter().map(|r| r.json.clone()).collect()),
        );
    }
    if let Some(extensions) = &framework.extensions {
        package.insert("extensions".into(), extensions.clone());
    }
    Value::Object(package)
}

/// The package as pretty-printed JSON for a person to open: the parts in CASE's order, and in
/// every object `identifier` and `uri` first, the other keys alphabetically.
pub fn to_json_string(framework: &CaseFramework) -> String {
    let mut out = String::new();
    write(&mut out, &package(framework), 0, true);
    out.push('\n');
    out
}

fn rank(key: &str, top: bool) -> (usize, &str) {
    if top {
        let at = PACKAGE_ORDER.iter().position(|k| *k == key);
        return (at.unwrap_or(PACKAGE_ORDER.len()), key);
    }
    match key {
        "identifier" => (0, key),
        "uri" => (1, key),
        _ => (2, key),
    }
}

fn indent(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write(out: &mut String, value: &Value, depth: usize, top: bool) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| rank(a.0, top).cmp(&rank(b.0, top)));
            out.push('{');
            for (n, (key, value)) in entries.into_iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                out.push_str(&Value::String(key.clone()).to_string());
                out.push_str(": ");
                write(out, value, depth + 1, false);
            }
            indent(out, depth);
            out.push('}');
        }
        Value::Array(values) if !values.is_empty() => {
            out.push('[');
            for (n, value) in values.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write(out, value, depth + 1, false);
            }
            indent(out, depth);
            out.push(']');
        }
        // Scalars and empty containers print as compact JSON.
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pretty_output_puts_identifiers_first_and_reads_back_the_same() {
        let value =
            json!({"b": [1, {"uri": "u", "a": "x\"y", "identifier": "i"}], "a": {}, "c": []});
        let mut out = String::new();
        write(&mut out, &value, 0, false);
        assert_eq!(
            out,
            "{\n  \"a\": {},\n  \"b\": [\n    1,\n    {\n      \"identifier\": \"i\",\n      \
             \"uri\": \"u\",\n      \"a\": \"x\\\"y\"\n    }\n  ],\n  \"c\": []\n}"
        );
        let back: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, value);
    }
}
