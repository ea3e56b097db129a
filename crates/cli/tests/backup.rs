//! `pilotdesk backup create|list|verify|restore` on a real workspace file.

mod support;

use support::{json, ok, pilotdesk, stdout, workspace};

#[test]
fn a_backup_is_made_listed_verified_and_restored_and_a_damaged_one_exits_3() {
    let (dir, db) = workspace();
    ok(&db, &["demo"]);
    let made = json(&db, &["backup", "create", "--json"]);
    let file = made["fileName"].as_str().unwrap().to_string();
    assert_eq!(made["kind"], "manual");

    let list = ok(&db, &["backup", "list"]);
    assert!(list.contains(&file), "{list}");
    assert!(list.contains("Made by hand"), "{list}");
    let verified = ok(&db, &["backup", "verify", &file]);
    assert!(verified.contains("Intact"), "{verified}");

    ok(
        &db,
        &[
            "pilot",
            "create",
            "--name",
            "After the backup",
            "--start",
            "2027-03-01",
            "--sponsor",
            "Priya Raman",
            "--budget",
            "5000",
            "--workflow",
            "Renewals",
        ],
    );
    let restored = json(&db, &["backup", "restore", &file, "--json"]);
    assert_eq!(restored["contentHash"], made["contentHash"]);
    assert_eq!(restored["kept"]["kind"], "before_restore");
    let pilots = json(&db, &["pilot", "list", "--json"]);
    assert!(pilots
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["name"] != "After the backup"));

    // A backup damaged on disk is named, and the command exits 3 as `audit verify` does.
    let path = dir
        .path()
        .join(format!(
            "{}-backups",
            db.file_stem().unwrap().to_string_lossy()
        ))
        .join(&file);
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    for byte in &mut bytes[middle..middle + 512] {
        *byte ^= 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();
    let output = pilotdesk(&db, &["backup", "verify"]);
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stdout(&output).contains(&format!("{file}: Damaged")),
        "{}",
        stdout(&output)
    );
}
