//! Which automatic backups to keep: the newest daily ones for a week, then one a week for
//! a month; a few of each other kind. Pure, so the rule is tested without files.

use chrono::{DateTime, Datelike, NaiveDate};

use crate::model::{BackupKind, BackupRecord};

pub const DAILY_KEPT: usize = 7;
pub const WEEKLY_KEPT: usize = 4;
/// Backups made before an upgrade or a restore, or by hand, kept of each kind.
pub const OTHERS_KEPT: usize = 10;

fn day_of(record: &BackupRecord) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(&record.created_at)
        .ok()
        .map(|t| t.date_naive())
}

/// The file names to delete, given every record (in any order).
pub fn to_remove(records: &[BackupRecord]) -> Vec<String> {
    let mut newest_first: Vec<&BackupRecord> = records.iter().collect();
    newest_first.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    let mut remove = Vec::new();

    let daily: Vec<&BackupRecord> = newest_first
        .iter()
        .copied()
        .filter(|r| r.kind == BackupKind::Daily)
        .collect();
    let mut weeks_kept = Vec::new();
    for (index, record) in daily.iter().enumerate() {
        if index < DAILY_KEPT {
            continue;
        }
        // Beyond a week, the newest backup of each ISO week stands for it, for four weeks.
        let week = day_of(record).map(|d| (d.iso_week().year(), d.iso_week().week()));
        let kept_week = daily[..DAILY_KEPT.min(daily.len())]
            .iter()
            .any(|r| day_of(r).map(|d| (d.iso_week().year(), d.iso_week().week())) == week);
        if week.is_some()
            && !kept_week
            && !weeks_kept.contains(&week)
            && weeks_kept.len() < WEEKLY_KEPT
        {
            weeks_kept.push(week);
            continue;
        }
        remove.push(record.file_name.clone());
    }

    for kind in [
        BackupKind::BeforeMigration,
        BackupKind::BeforeRestore,
        BackupKind::Manual,
    ] {
        remove.extend(
            newest_first
                .iter()
                .filter(|r| r.kind == kind)
                .skip(OTHERS_KEPT)
                .map(|r| r.file_name.clone()),
        );
    }
    remove
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: BackupKind, day: &str) -> BackupRecord {
        BackupRecord {
            file_name: format!("{}-{day}.sqlite3", kind.as_str()),
            kind,
            created_at: format!("{day}T08:00:00Z"),
            schema_version: 14,
            content_hash: String::new(),
            bytes: 0,
        }
    }

    #[test]
    fn seven_days_then_one_a_week_for_four_weeks() {
        // Sixty days of daily backups, 1 Jan to 1 Mar 2027.
        let start: NaiveDate = "2027-01-01".parse().unwrap();
        let records: Vec<BackupRecord> = (0..60)
            .map(|i| {
                record(
                    BackupKind::Daily,
                    &(start + chrono::Duration::days(i)).to_string(),
                )
            })
            .collect();
        let removed = to_remove(&records);
        let kept: Vec<&str> = records
            .iter()
            .map(|r| r.created_at.get(..10).unwrap())
            .filter(|day| !removed.iter().any(|f| f.contains(day)))
            .collect();
        assert_eq!(kept.len(), DAILY_KEPT + WEEKLY_KEPT, "{kept:?}");
        // The week: 23 Feb to 1 Mar.
        for day in ["2027-03-01", "2027-02-23"] {
            assert!(kept.contains(&day), "{day} in {kept:?}");
        }
        // Then the Sundays closing each of the four weeks before (ISO weeks end on Sunday).
        for day in ["2027-02-21", "2027-02-14", "2027-02-07", "2027-01-31"] {
            assert!(kept.contains(&day), "{day} in {kept:?}");
        }
        assert!(!kept.contains(&"2027-01-24"));
    }

    #[test]
    fn other_kinds_keep_their_newest_ten_and_a_short_history_keeps_all() {
        let mut records: Vec<BackupRecord> = (1..=12)
            .map(|d| record(BackupKind::Manual, &format!("2027-01-{d:02}")))
            .collect();
        records.push(record(BackupKind::BeforeMigration, "2027-01-05"));
        records.push(record(BackupKind::Daily, "2027-01-12"));
        let removed = to_remove(&records);
        assert_eq!(
            removed,
            vec!["manual-2027-01-02.sqlite3", "manual-2027-01-01.sqlite3"]
        );
    }
}
