//! Module progress from the command line: `import module-progress` refuses a bad file with
//! every problem as file:line:column and writes nothing, imports a good one once, and
//! `import xapi` takes statements about catalog modules.

mod support;

use std::path::{Path, PathBuf};

use support::{ok, pilotdesk, workspace};

fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The module progress export, one map of header to value per assignment.
fn progress(db: &Path, dir: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let out = dir.join("progress-export.csv");
    ok(db, &["export", "module-progress", "--out", arg(&out)]);
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let headers: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    lines
        .map(|line| {
            headers
                .iter()
                .cloned()
                .zip(line.split(',').map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn module_progress_imports_from_csv_and_xapi_all_or_nothing() {
    let (dir, db) = workspace();
    ok(&db, &["demo"]);
    let before = progress(&db, dir.path());
    let open: Vec<_> = before
        .iter()
        .filter(|a| a["Completed on"].is_empty())
        .collect();
    assert!(open.len() >= 2, "the demo has unfinished assignments");
    let (a, b) = (open[0], open[1]);

    let bad = file(
        dir.path(),
        "progress.csv",
        &format!(
            "Employee ID,Module,Progress\n{},{},75\n{},No such module,50\n",
            a["Employee ID"], a["Module"], b["Employee ID"]
        ),
    );
    let refused = pilotdesk(&db, &["import", "module-progress", arg(&bad)]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with("progress.csv:3:2: there is no module \"No such module\""),
        "{stderr}"
    );
    assert!(lines[1].ends_with("nothing was imported"), "{stderr}");
    assert_eq!(progress(&db, dir.path()), before, "nothing was written");

    let good = file(
        dir.path(),
        "progress.csv",
        &format!(
            "Employee ID,Module,Progress\n{},{},75\n",
            a["Employee ID"], a["Module ID"]
        ),
    );
    let imported = ok(&db, &["import", "module-progress", arg(&good)]);
    assert_eq!(
        imported.trim(),
        "Imported progress.csv: 1 module assignment: 0 new, 1 changed, 0 unchanged."
    );
    let again = ok(&db, &["import", "module-progress", arg(&good)]);
    assert!(again.contains("Nothing changed"), "{again}");
    let now = progress(&db, dir.path());
    let row = now
        .iter()
        .find(|r| r["Employee ID"] == a["Employee ID"] && r["Module ID"] == a["Module ID"])
        .unwrap();
    assert_eq!(
        (row["Progress"].as_str(), row["Source"].as_str()),
        ("75", "csv")
    );

    let statements = file(
        dir.path(),
        "statements.json",
        &format!(
            r#"[{{"actor": {{"account": {{"homePage": "https://lms.example", "name": "{}"}}}},
  "verb": {{"id": "http://adlnet.gov/expapi/verbs/completed"}},
  "object": {{"objectType": "Activity", "id": "https://pilotdesk.app/modules/{}"}},
  "result": {{"completion": true, "success": true, "score": {{"scaled": 0.87}}}},
  "timestamp": "{}T12:00:00Z"}}]"#,
            b["Employee ID"], b["Module ID"], b["Assigned on"]
        ),
    );
    let imported = ok(&db, &["import", "xapi", arg(&statements)]);
    assert!(
        imported.contains("1 of the statements is module progress"),
        "{imported}"
    );
    let now = progress(&db, dir.path());
    let row = now
        .iter()
        .find(|r| r["Employee ID"] == b["Employee ID"] && r["Module ID"] == b["Module ID"])
        .unwrap();
    assert_eq!(
        [
            &row["Progress"],
            &row["Completed on"],
            &row["Passed"],
            &row["Score"],
            &row["Source"]
        ],
        ["100", &b["Assigned on"], "yes", "87", "xapi"]
    );
}
