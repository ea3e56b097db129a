//! Copies of the workspace: what was made, when, and whether it still holds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a backup was made; automatic ones are rotated, the others kept a while longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// On the first start of a day.
    Daily,
    /// Just before an upgrade changed the database's schema.
    BeforeMigration,
    /// The workspace as it was, just before a restore replaced it.
    BeforeRestore,
    /// Asked for by a person.
    Manual,
}

impl BackupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::BeforeMigration => "before-migration",
            BackupKind::BeforeRestore => "before-restore",
            BackupKind::Manual => "manual",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BackupKind::Daily => "Daily",
            BackupKind::BeforeMigration => "Before an upgrade",
            BackupKind::BeforeRestore => "Before a restore",
            BackupKind::Manual => "Made by hand",
        }
    }
}

/// One backup file, as recorded when it was made and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupRecord {
    /// The file's name in the backups folder.
    pub file_name: String,
    pub kind: BackupKind,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub schema_version: i64,
    /// SHA-256 over the workspace's content (every table's rows), the same for the
    /// workspace and for a copy restored from this backup.
    pub content_hash: String,
    pub bytes: u64,
}

/// A backup checked again: SQLite's integrity check and its content hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupCheck {
    pub file_name: String,
    pub ok: bool,
    /// What was found, in a sentence.
    pub message: String,
}

/// The backups of the open workspace and where they are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    pub folder: String,
    /// Newest first.
    pub backups: Vec<BackupRecord>,
}

/// What a restore did: the backup now in place, and the workspace it replaced, kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    pub restored: BackupRecord,
    pub kept: BackupRecord,
    /// The restored workspace's content hash: the backup's own.
    pub content_hash: String,
}
