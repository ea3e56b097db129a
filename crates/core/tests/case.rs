//! CASE 1.1 competency frameworks: the built-in framework and an outside-style package read,
//! export unchanged, and satisfy 1EdTech's published schema; a broken package reports every
//! problem with its JSON path and line.

use pilotdesk_core::export::case::{package, to_json_string};
use pilotdesk_core::import::case::{built_in, parse, CaseFramework, BUILT_IN};
use pilotdesk_core::{Error, ErrorDetail};
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("fixtures/case/case_v1p1_cfpackage-jsonschema1.json");
const NORTHFIELD: &str = include_str!("fixtures/case/northfield-workplace-communication.case.json");

/// The value with every array of identified objects sorted by identifier, so two packages
/// compare equal when they differ only in the order they list things (objects are maps, so
/// their key order never matters).
fn canonical(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| (key.clone(), canonical(value)))
                .collect(),
        ),
        Value::Array(values) => {
            let mut values: Vec<Value> = values.iter().map(canonical).collect();
            let identified = values
                .iter()
                .all(|v| v.get("identifier").and_then(Value::as_str).is_some());
            if identified {
                values.sort_by(|a, b| {
                    let id = |v: &Value| v["identifier"].as_str().unwrap_or_default().to_string();
                    id(a).cmp(&id(b))
                });
            }
            Value::Array(values)
        }
        other => other.clone(),
    }
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema fixture is JSON");
    assert_eq!(
        schema["$id"],
        "https://purl.imsglobal.org/spec/case/v1p1/schema/json/case_v1p1_cfpackage-jsonschema1.json"
    );
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the official schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, package: &Value) -> Vec<String> {
    validator
        .iter_errors(package)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn problems(text: &str) -> Vec<ErrorDetail> {
    match parse(text, "broken.json") {
        Err(Error::Invalid { details, .. }) => details,
        Err(other) => panic!("expected invalid input, got {other}"),
        Ok(_) => panic!("the package was accepted"),
    }
}

/// The 1-based line of the only line containing `needle`.
fn line_of(text: &str, needle: &str) -> u32 {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .map(|(n, _)| n + 1)
        .collect();
    assert_eq!(lines.len(), 1, "{needle} should be on exactly one line");
    lines[0] as u32
}

fn assert_round_trips(text: &str, framework: &CaseFramework) {
    let original: Value = serde_json::from_str(text).unwrap();
    let exported = package(framework);
    assert_eq!(canonical(&exported), canonical(&original));
    let written = to_json_string(framework);
    let reread: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(reread, exported);
    let again = parse(&written, "exported.json").expect("an export imports again");
    assert_eq!(&again, framework);
}

#[test]
fn the_built_in_framework_reads_and_exports_unchanged() {
    let framework = built_in().expect("the built-in framework is valid");
    assert_eq!(framework.title, "Pilotdesk coaching competencies");
    assert_eq!(framework.version, "1.0");
    assert_eq!(framework.items.len(), 15);
    let areas: Vec<&str> = framework
        .items
        .iter()
        .filter(|i| i.item_type == "Competency Area")
        .map(|i| i.human_coding.as_str())
        .collect();
    assert_eq!(areas, ["SO", "CE", "NM"]);
    let competencies: Vec<_> = framework
        .items
        .iter()
        .filter(|i| i.item_type == "Competency")
        .collect();
    assert_eq!(competencies.len(), 12);

    // Every area hangs off the document and every competency off its area.
    for item in &framework.items {
        let parents: Vec<&str> = framework
            .associations
            .iter()
            .filter(|a| a.association_type == "isChildOf" && a.origin == item.identifier)
            .map(|a| a.destination.as_str())
            .collect();
        assert_eq!(parents.len(), 1, "{} has one parent", item.human_coding);
        let expected = match item.human_coding.split_once('.') {
            None => framework.identifier.clone(),
            Some((area, _)) => framework
                .items
                .iter()
                .find(|i| i.human_coding == area)
                .unwrap()
                .identifier
                .clone(),
        };
        assert_eq!(parents[0], expected);
    }

    // One criterion per competency, each with the four proficiency levels in order.
    assert_eq!(framework.rubrics.len(), 1);
    let rubric = &framework.rubrics[0];
    assert_eq!(rubric.criteria.len(), 12);
    for competency in competencies {
        let criterion = rubric
            .criteria
            .iter()
            .find(|c| c.item.as_deref() == Some(competency.identifier.as_str()))
            .unwrap_or_else(|| panic!("{} has a criterion", competency.human_coding));
        let qualities: Vec<&str> = criterion
            .levels
            .iter()
            .map(|l| l.quality.as_str())
            .collect();
        assert_eq!(
            qualities,
            ["Aware", "Practising", "Proficient", "Role model"]
        );
        let positions: Vec<i64> = criterion.levels.iter().map(|l| l.position).collect();
        assert_eq!(positions, [1, 2, 3, 4]);
        assert!(criterion.levels.iter().all(|l| l.description.len() > 40));
    }

    assert_round_trips(BUILT_IN, &framework);
}

#[test]
fn exports_satisfy_the_official_case_schema() {
    let validator = validator();
    for (name, text) in [("built-in", BUILT_IN), ("northfield", NORTHFIELD)] {
        let framework = parse(text, name).unwrap();
        let errors = schema_errors(&validator, &package(&framework));
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

type Breakage = fn(&mut Value);

#[test]
fn the_schema_check_catches_a_broken_export() {
    let validator = validator();
    let framework = built_in().unwrap();
    let breakages: [(&str, Breakage); 4] = [
        ("a document without a title", |p| {
            p["CFDocument"].as_object_mut().unwrap().remove("title");
        }),
        ("an item with a field CASE does not define", |p| {
            p["CFItems"][0]["competencyColour"] = json!("blue");
        }),
        ("a date that is not a date", |p| {
            p["CFAssociations"][0]["lastChangeDateTime"] = json!("last Tuesday");
        }),
        ("an identifier that is not a UUID", |p| {
            p["CFRubrics"][0]["CFRubricCriteria"][0]["identifier"] = json!("criterion-1");
        }),
    ];
    for (what, breakage) in breakages {
        let mut broken = package(&framework);
        breakage(&mut broken);
        assert!(
            !validator.is_valid(&broken),
            "the schema accepted {what}, so it checks nothing"
        );
    }
}

#[test]
fn an_outside_package_reads_and_exports_unchanged() {
    let framework = parse(NORTHFIELD, "northfield.json").expect("the package is valid");
    assert_eq!(framework.title, "Workplace Communication Skills");
    assert_eq!(framework.version, "2.3");
    assert_eq!(framework.items.len(), 9);
    let definitions = framework.definitions.as_ref().unwrap();
    for list in [
        "CFItemTypes",
        "CFSubjects",
        "CFConcepts",
        "CFLicenses",
        "CFAssociationGroupings",
    ] {
        assert!(definitions[list].as_array().is_some_and(|l| !l.is_empty()));
    }

    let item = |code: &str| {
        framework
            .items
            .iter()
            .find(|i| i.human_coding == code)
            .unwrap_or_else(|| panic!("{code}"))
    };
    let standard = item("WC.L.1");
    assert_eq!(standard.item_type, "Standard");
    assert_eq!(standard.json["educationLevel"], json!(["AD"]));
    assert_eq!(item("WC.L.1.a").json["listEnumeration"], "a");

    // An item may have two parents, and associations may leave the package.
    let shared = &item("WC.L.1.b").identifier;
    let parents = framework
        .associations
        .iter()
        .filter(|a| a.association_type == "isChildOf" && &a.origin == shared)
        .count();
    assert_eq!(parents, 2);
    let kinds: Vec<&str> = framework
        .associations
        .iter()
        .map(|a| a.association_type.as_str())
        .collect();
    for kind in ["exactMatchOf", "exemplar", "ext:isAssessedBy", "precedes"] {
        assert!(kinds.contains(&kind), "{kind}");
    }
    let sequenced = framework
        .associations
        .iter()
        .find(|a| a.origin == item("WC.S.2").identifier && a.association_type == "isChildOf")
        .unwrap();
    assert_eq!(sequenced.sequence_number, Some(2));

    // Levels come out in position order whatever order the file lists them in.
    let criterion = &framework.rubrics[0].criteria[0];
    assert_eq!(
        criterion.item.as_deref(),
        Some(item("WC.W.1").identifier.as_str())
    );
    let levels: Vec<(i64, &str, Option<f64>)> = criterion
        .levels
        .iter()
        .map(|l| (l.position, l.quality.as_str(), l.score))
        .collect();
    assert_eq!(
        levels,
        [
            (1, "Not yet", Some(0.0)),
            (2, "Developing", Some(1.0)),
            (3, "Meets", Some(2.0)),
            (4, "Exceeds", Some(2.5)),
        ]
    );

    assert_round_trips(NORTHFIELD, &framework);
}

const DOC: &str = "a3b1c2d4-0000-4000-8000-000000000001";
const ITEM_A: &str = "a3b1c2d4-0000-4000-8000-0000000000a1";
const ITEM_B: &str = "a3b1c2d4-0000-4000-8000-0000000000b1";

/// Five independent problems, one per line marked with its number.
const FIVE_PROBLEMS: &str = r#"{
  "CFDocument": {
    "identifier": "a3b1c2d4-0000-4000-8000-000000000001",
    "uri": "https://example.org/CFDocuments/1",
    "title": "Broken on purpose",
    "lastChangeDateTime": "2025-01-01T00:00:00Z"
  },
  "CFItems": [
    {
      "identifier": "a3b1c2d4-0000-4000-8000-0000000000a1",
      "uri": "https://example.org/CFItems/a",
      "fullStatement": "Listens first",
      "lastChangeDateTime": "2025-01-01T00:00:00Z"
    },
    {
      "identifier": "SO-1",
      "uri": "https://example.org/CFItems/so-1",
      "fullStatement": "Plans the call",
      "lastChangeDateTime": "2025-01-01T00:00:00Z"
    },
    {
      "identifier": "a3b1c2d4-0000-4000-8000-0000000000b1",
      "uri": "https://example.org/CFItems/b",
      "fullStatement": "Follows up",
      "lastChangeDateTime": "last Tuesday"
    }
  ],
  "CFAssociations": [
    {
      "identifier": "a3b1c2d4-0000-4000-8000-00000000a550",
      "uri": "https://example.org/CFAssociations/1",
      "associationType": "isParentOf",
      "originNodeURI": {"title": "Listens first", "identifier": "a3b1c2d4-0000-4000-8000-0000000000a1", "uri": "https://example.org/CFItems/a"},
      "destinationNodeURI": {"title": "Broken on purpose", "identifier": "a3b1c2d4-0000-4000-8000-000000000001", "uri": "https://example.org/CFDocuments/1"},
      "lastChangeDateTime": "2025-01-01T00:00:00Z"
    },
    {
      "identifier": "a3b1c2d4-0000-4000-8000-00000000a551",
      "uri": "https://example.org/CFAssociations/2",
      "associationType": "isChildOf",
      "originNodeURI": {"title": "Follows up", "identifier": "a3b1c2d4-0000-4000-8000-0000000000b1", "uri": "https://example.org/CFItems/b"},
      "destinationNodeURI": {"title": "Somewhere else", "identifier": "ffffffff-0000-4000-8000-000000000999", "uri": "https://example.org/CFItems/gone"},
      "lastChangeDateTime": "2025-01-01T00:00:00Z"
    }
  ]
}"#;

#[test]
fn every_problem_in_a_package_is_reported_with_its_path_and_line() {
    let text = FIVE_PROBLEMS;
    let details = problems(text);
    let found: Vec<(&str, u32)> = details
        .iter()
        .map(|d| (d.field.as_deref().unwrap(), d.line.unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            // A missing field is placed at the object it belongs in.
            ("$.CFDocument.creator", 2),
            ("$.CFItems[1].identifier", line_of(text, "\"SO-1\"")),
            (
                "$.CFItems[2].lastChangeDateTime",
                line_of(text, "last Tuesday")
            ),
            (
                "$.CFAssociations[0].associationType",
                line_of(text, "isParentOf")
            ),
            (
                "$.CFAssociations[1].destinationNodeURI.identifier",
                line_of(text, "ffffffff-")
            ),
        ],
        "{details:#?}"
    );
    assert!(details
        .iter()
        .all(|d| d.file.as_deref() == Some("broken.json") && d.column.is_some()));
    assert_eq!(details[0].column, Some(17));
    let messages: Vec<&str> = details.iter().map(|d| d.message.as_str()).collect();
    assert!(messages[0].contains("\"creator\""), "{}", messages[0]);
    assert!(messages[1].contains("not a UUID"), "{}", messages[1]);
    assert!(
        messages[2].contains("2025-03-01T09:30:00Z"),
        "{}",
        messages[2]
    );
    assert!(messages[3].contains("isChildOf"), "{}", messages[3]);
    assert!(
        messages[4].contains("ffffffff-0000-4000-8000-000000000999")
            && messages[4].contains("neither this package's CFDocument nor one of its CFItems"),
        "{}",
        messages[4]
    );

    let Err(error) = parse(text, "broken.json") else {
        unreachable!()
    };
    assert!(error.to_string().contains("5 problems"), "{error}");
}

fn minimal() -> Value {
    json!({
        "CFDocument": {
            "identifier": DOC, "uri": "https://example.org/d", "title": "Small",
            "creator": "Tests", "lastChangeDateTime": "2025-01-01T00:00:00Z"
        },
        "CFItems": [
            {"identifier": ITEM_A, "uri": "https://example.org/a", "fullStatement": "A",
             "humanCodingScheme": "A.1", "lastChangeDateTime": "2025-01-01T00:00:00Z"},
            {"identifier": ITEM_B, "uri": "https://example.org/b", "fullStatement": "B",
             "humanCodingScheme": "B.1", "lastChangeDateTime": "2025-01-01T00:00:00Z"}
        ],
        "CFAssociations": []
    })
}

fn child_of(id: &str, child: &str, parent: &str) -> Value {
    json!({
        "identifier": id, "uri": format!("https://example.org/{id}"), "associationType": "isChildOf",
        "originNodeURI": {"title": "c", "identifier": child, "uri": "https://example.org/c"},
        "destinationNodeURI": {"title": "p", "identifier": parent, "uri": "https://example.org/p"},
        "lastChangeDateTime": "2025-01-01T00:00:00Z"
    })
}

fn problems_of(package: &Value) -> Vec<ErrorDetail> {
    problems(&serde_json::to_string_pretty(package).unwrap())
}

#[test]
fn a_minimal_package_is_enough() {
    let mut input = minimal();
    input["CFAssociations"] = json!([
        child_of("a3b1c2d4-0000-4000-8000-00000000c001", ITEM_A, DOC),
        child_of("a3b1c2d4-0000-4000-8000-00000000c002", ITEM_B, ITEM_A),
    ]);
    let framework = parse(&input.to_string(), "small.json").unwrap();
    assert_eq!(framework.version, "");
    assert!(framework.rubrics.is_empty() && framework.definitions.is_none());
    // The export adds nothing (no empty CFRubrics) and drops nothing.
    assert_eq!(package(&framework), input);
}

#[test]
fn an_is_child_of_loop_is_a_problem() {
    let mut package = minimal();
    package["CFAssociations"] = json!([
        child_of("a3b1c2d4-0000-4000-8000-00000000c001", ITEM_A, ITEM_B),
        child_of("a3b1c2d4-0000-4000-8000-00000000c002", ITEM_B, ITEM_A),
    ]);
    let details = problems_of(&package);
    assert_eq!(details.len(), 1, "{details:#?}");
    assert!(
        details[0].message.contains("loop"),
        "{}",
        details[0].message
    );
    assert!(details[0].message.contains("A.1 -> B.1 -> A.1"));
    assert_eq!(details[0].field.as_deref(), Some("$.CFAssociations[1]"));
}

#[test]
fn an_is_child_of_from_outside_the_package_is_a_problem() {
    let mut package = minimal();
    let stranger = "a3b1c2d4-0000-4000-8000-0000000000ff";
    package["CFAssociations"] = json!([
        child_of("a3b1c2d4-0000-4000-8000-00000000c001", stranger, DOC),
        child_of("a3b1c2d4-0000-4000-8000-00000000c002", DOC, ITEM_A),
        // Other kinds may name another framework's items.
        {
            "identifier": "a3b1c2d4-0000-4000-8000-00000000c003", "uri": "https://example.org/x",
            "associationType": "exactMatchOf",
            "originNodeURI": {"title": "A", "identifier": ITEM_A, "uri": "https://example.org/a"},
            "destinationNodeURI": {"title": "far", "identifier": stranger, "uri": "https://far.example/i"},
            "lastChangeDateTime": "2025-01-01T00:00:00Z"
        }
    ]);
    let details = problems_of(&package);
    let fields: Vec<&str> = details
        .iter()
        .map(|d| d.field.as_deref().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "$.CFAssociations[0].originNodeURI.identifier",
            "$.CFAssociations[1].originNodeURI.identifier",
        ]
    );
    assert!(details[0].message.contains(&format!(
        "originNodeURI names CFItem {stranger}, which is not in this package"
    )));
    assert!(details[1].message.contains("cannot be a child"));
}

#[test]
fn identifiers_are_unique_across_the_package() {
    let mut package = minimal();
    // An association that reuses an item's identifier.
    package["CFAssociations"] = json!([child_of(ITEM_B, ITEM_A, DOC)]);
    let details = problems_of(&package);
    assert_eq!(details.len(), 1, "{details:#?}");
    assert_eq!(
        details[0].field.as_deref(),
        Some("$.CFAssociations[0].identifier")
    );
    assert!(details[0].message.contains("$.CFItems[1]"));
}

#[test]
fn rubric_levels_need_positions_of_their_own() {
    let mut package = minimal();
    let level = |id: &str, position: Option<i64>| {
        let mut level = json!({
            "identifier": id, "uri": "https://example.org/l", "quality": "q",
            "lastChangeDateTime": "2025-01-01T00:00:00Z"
        });
        if let Some(position) = position {
            level["position"] = json!(position);
        }
        level
    };
    package["CFRubrics"] = json!([{
        "identifier": "a3b1c2d4-0000-4000-8000-00000000e001", "uri": "https://example.org/r",
        "lastChangeDateTime": "2025-01-01T00:00:00Z",
        "CFRubricCriteria": [{
            "identifier": "a3b1c2d4-0000-4000-8000-00000000e002", "uri": "https://example.org/c",
            "lastChangeDateTime": "2025-01-01T00:00:00Z",
            "CFItemURI": {"title": "gone", "identifier": "a3b1c2d4-0000-4000-8000-0000000000ff", "uri": "https://example.org/gone"},
            "CFRubricCriterionLevels": [
                level("a3b1c2d4-0000-4000-8000-00000000e003", Some(1)),
                level("a3b1c2d4-0000-4000-8000-00000000e004", None),
                level("a3b1c2d4-0000-4000-8000-00000000e005", Some(1)),
            ]
        }]
    }]);
    let details = problems_of(&package);
    let fields: Vec<&str> = details
        .iter()
        .map(|d| d.field.as_deref().unwrap())
        .collect();
    let criterion = "$.CFRubrics[0].CFRubricCriteria[0]";
    assert_eq!(
        fields,
        [
            format!("{criterion}.CFItemURI.identifier"),
            format!("{criterion}.CFRubricCriterionLevels[1].position"),
            format!("{criterion}.CFRubricCriterionLevels[2].position"),
        ]
    );
    assert!(details[1].message.contains("order the levels"));
    assert!(details[2].message.contains("position 1"));
}

#[test]
fn text_that_is_not_a_package_says_what_it_is() {
    let details = problems("{\n  \"CFDocument\": {\n    \"title\": \"x\",,\n  }\n}");
    assert_eq!(details.len(), 1);
    assert_eq!((details[0].line, details[0].column), (Some(3), Some(18)));
    assert!(details[0].message.contains("not valid JSON"));

    let details = problems("[]");
    assert!(details[0].message.contains("JSON array"));

    let details = problems(r#"{"identifier": "x", "creator": "y", "title": "z"}"#);
    assert_eq!(details.len(), 1);
    assert!(details[0].message.contains("CFDocument on its own"));
}

/// A package cut short anywhere, or with any one byte changed, is refused or read, never a
/// panic: what a person picks in the open dialog must not be able to crash the app.
#[test]
fn any_truncation_or_one_byte_change_is_refused_or_read_never_a_panic() {
    let text = pilotdesk_core::import::case::BUILT_IN;
    let bytes = text.as_bytes();
    for cut in (0..bytes.len()).step_by(37) {
        if bytes[cut..].iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let truncated = String::from_utf8_lossy(&bytes[..cut]);
        assert!(pilotdesk_core::import::case::parse(&truncated, "cut.json").is_err());
    }
    let mut refused = 0;
    for (n, at) in (0..bytes.len()).step_by(53).enumerate() {
        let mut changed = bytes.to_vec();
        changed[at] = b"{}[],:\"0a\\ "[n % 11];
        let changed = String::from_utf8_lossy(&changed);
        if pilotdesk_core::import::case::parse(&changed, "changed.json").is_err() {
            refused += 1;
        }
    }
    assert!(refused > 0, "some changes must break the package");
}

/// Real servers leave out the descriptive fields of definitions (Smarter Balanced's CASE
/// 1.0 packages have item types without a description or hierarchy code). Pilotdesk reads
/// none of them, so such a package is read, and given back as it came.
#[test]
fn definitions_without_their_descriptive_fields_are_read_and_kept() {
    let mut package: serde_json::Value =
        serde_json::from_str(pilotdesk_core::import::case::BUILT_IN).unwrap();
    let types = package["CFDefinitions"]["CFItemTypes"]
        .as_array_mut()
        .unwrap();
    for item_type in types.iter_mut() {
        let object = item_type.as_object_mut().unwrap();
        for key in [
            "description",
            "hierarchyCode",
            "title",
            "lastChangeDateTime",
        ] {
            object.remove(key);
        }
    }
    let text = package.to_string();
    let framework = pilotdesk_core::import::case::parse(&text, "sparse.json").unwrap();
    let back = pilotdesk_core::export::case::package(&framework);
    assert_eq!(back["CFDefinitions"], package["CFDefinitions"]);
    // What makes a definition addressable is still required.
    package["CFDefinitions"]["CFItemTypes"][0]
        .as_object_mut()
        .unwrap()
        .remove("identifier");
    let error =
        pilotdesk_core::import::case::parse(&package.to_string(), "sparse.json").unwrap_err();
    let api = pilotdesk_core::ApiError::from(error);
    assert_eq!(
        api.details[0].field.as_deref(),
        Some("$.CFDefinitions.CFItemTypes[0].identifier")
    );
}
