//! Backups: made with SQLite's online backup API, checked, rotated, and restored through a
//! checked copy; a damaged or newer backup is refused and the workspace left as it was.

mod support;

use chrono::{TimeZone, Utc};
use pilotdesk_core::backup::{self, content_hash, folder};
use pilotdesk_core::model::BackupKind;
use pilotdesk_core::workflows::pilots::{create_pilot, list_pilots};
use pilotdesk_core::{Error, Store};
use support::{pilot_input, temp_db};

fn at(hour: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, hour, 0, 0).unwrap()
}

fn demo(path: &std::path::Path) -> Store {
    let mut store = Store::open(path).unwrap();
    pilotdesk_core::workflows::demo::load_demo(&mut store, support::date("2026-11-23")).unwrap();
    store
}

#[test]
fn a_backup_restores_to_a_workspace_with_the_same_content_hash_and_the_replaced_one_is_kept() {
    let (_dir, path) = temp_db();
    let mut store = demo(&path);
    let before = content_hash(store.conn()).unwrap();
    let made = backup::create(store.conn(), &path, BackupKind::Manual, at(9)).unwrap();
    assert_eq!(made.content_hash, before);
    assert_eq!(
        made.schema_version,
        pilotdesk_core::store::migrations::latest_version()
    );
    assert!(backup::verify(&path, &made.file_name).unwrap().ok);

    create_pilot(&mut store, &pilot_input("Made after the backup")).unwrap();
    let changed = content_hash(store.conn()).unwrap();
    assert_ne!(changed, before);

    let report = backup::restore(&mut store, &made.file_name, at(10)).unwrap();
    assert_eq!(report.content_hash, before);
    assert_eq!(content_hash(store.conn()).unwrap(), before);
    assert!(list_pilots(&store)
        .unwrap()
        .iter()
        .all(|p| p.name != "Made after the backup"));
    // The workspace as it was before the restore is a backup of its own, and it holds the
    // pilot made after the first one.
    assert_eq!(report.kept.kind, BackupKind::BeforeRestore);
    assert_eq!(report.kept.content_hash, changed);
    let listed = backup::list(&path).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].file_name, report.kept.file_name, "newest first");

    // A second connection (the app's readers) sees the restored workspace.
    let reader = Store::open_reader(&path).unwrap();
    assert_eq!(content_hash(reader.conn()).unwrap(), before);
}

#[test]
fn a_damaged_backup_is_named_by_verify_and_refused_by_restore_leaving_the_workspace() {
    let (_dir, path) = temp_db();
    let mut store = demo(&path);
    let made = backup::create(store.conn(), &path, BackupKind::Manual, at(9)).unwrap();
    let file = folder::folder_for(&path).join(&made.file_name);
    let mut bytes = std::fs::read(&file).unwrap();
    // Damage a page in the middle of the file, as a failing disk would.
    let middle = bytes.len() / 2;
    for byte in &mut bytes[middle..middle + 512] {
        *byte ^= 0x5a;
    }
    std::fs::write(&file, &bytes).unwrap();

    let check = backup::verify(&path, &made.file_name).unwrap();
    assert!(!check.ok, "{}", check.message);
    assert!(check.message.starts_with("Damaged:"), "{}", check.message);

    let workspace = content_hash(store.conn()).unwrap();
    let error = backup::restore(&mut store, &made.file_name, at(10)).unwrap_err();
    assert!(
        error.to_string().contains("the workspace was not touched"),
        "{error}"
    );
    assert_eq!(content_hash(store.conn()).unwrap(), workspace);
    assert_eq!(
        backup::list(&path).unwrap().len(),
        1,
        "no restore, no kept copy"
    );
}

#[test]
fn a_backup_from_a_newer_pilotdesk_is_refused_like_a_newer_database() {
    let (_dir, path) = temp_db();
    let mut store = demo(&path);
    let made = backup::create(store.conn(), &path, BackupKind::Manual, at(9)).unwrap();
    let file = folder::folder_for(&path).join(&made.file_name);
    rusqlite::Connection::open(&file)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let workspace = content_hash(store.conn()).unwrap();
    let error = backup::restore(&mut store, &made.file_name, at(10)).unwrap_err();
    assert!(
        matches!(error, Error::DatabaseTooNew { found: 999, .. }),
        "{error}"
    );
    assert_eq!(content_hash(store.conn()).unwrap(), workspace);
}

#[test]
fn an_upgrade_keeps_the_workspace_as_it_was_and_a_day_keeps_one_daily_backup() {
    let (_dir, path) = temp_db();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        pilotdesk_core::store::migrations::migrate_to(&mut conn, 13).unwrap();
    }
    let store = Store::open(&path).unwrap();
    let listed = backup::list(&path).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].kind, BackupKind::BeforeMigration);
    assert_eq!(listed[0].schema_version, 13);

    assert!(backup::daily_if_due(store.conn(), &path, at(8))
        .unwrap()
        .is_some());
    assert!(backup::daily_if_due(store.conn(), &path, at(17))
        .unwrap()
        .is_none());
    assert_eq!(backup::list(&path).unwrap().len(), 2);
}

#[test]
fn a_name_that_leaves_the_backups_folder_is_refused() {
    let (_dir, path) = temp_db();
    let mut store = demo(&path);
    for name in ["../pilotdesk.sqlite3", "/etc/passwd", ".hidden"] {
        let error = backup::restore(&mut store, name, at(10)).unwrap_err();
        assert!(
            matches!(error, Error::NotFound { .. } | Error::Invalid { .. }),
            "{name}: {error}"
        );
    }
}
