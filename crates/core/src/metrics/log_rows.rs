//! The rows the decision log stands behind, matched to its entries one to one and field by
//! field: every vote, recusal and decision entry has exactly one row that refers to it and
//! says the same thing, so deleting a vote, or deleting it and inserting another under the
//! same log id, is noticed. Pure: plain rows against plain entries.

use std::collections::HashMap;

use serde_json::Value;

use super::ballots::LoggedEntry;

/// A vote, recusal or decision as stored, with the fields its log entry repeats.
pub struct RecordedRow {
    /// "vote", "recusal" or "decision".
    pub what: &'static str,
    pub id: i64,
    pub log_id: i64,
    pub fields: Vec<(&'static str, Value)>,
}

/// The row kind an entry kind stands behind.
fn row_kind(entry_kind: &str) -> Option<&'static str> {
    match entry_kind {
        "vote" => Some("vote"),
        "recusal" => Some("recusal"),
        "decision" | "tranche_release" => Some("decision"),
        _ => None,
    }
}

/// What the entry says a row's field holds.
fn expected(entry: &Value, field: &str) -> Value {
    let kind = entry["kind"].as_str().unwrap_or("");
    let details = &entry["details"];
    match field {
        "itemId" => details.get("itemId").cloned().unwrap_or(Value::Null),
        "personId" => entry["actor_id"].clone(),
        "pilotId" => entry["pilot_id"].clone(),
        "summary" => entry["summary"].clone(),
        "outcome" if kind == "tranche_release" => Value::from("released"),
        other => details.get(other).cloned().unwrap_or(Value::Null),
    }
}

/// The first entry whose rows do not match it, with why; none when every entry and row agree.
pub fn first_mismatch(entries: &[LoggedEntry], rows: &[RecordedRow]) -> Option<(i64, String)> {
    let mut by_log: HashMap<i64, Vec<&RecordedRow>> = HashMap::new();
    for row in rows {
        by_log.entry(row.log_id).or_default().push(row);
    }
    for entry in entries {
        let kind = entry.content["kind"].as_str().unwrap_or("");
        let referring = by_log.remove(&entry.id).unwrap_or_default();
        let Some(what) = row_kind(kind) else {
            if let Some(row) = referring.first() {
                return Some((
                    entry.id,
                    format!(
                        "{} {} refers to it, but it records a {kind}, not a {}",
                        row.what, row.id, row.what
                    ),
                ));
            }
            continue;
        };
        let row = match referring.as_slice() {
            [] => {
                return Some((
                    entry.id,
                    format!(
                        "it records a {what}, but no {what} refers to it (the {what} was deleted)"
                    ),
                ))
            }
            [row] => row,
            [first, second, ..] => {
                return Some((
                    entry.id,
                    format!(
                        "{} {} and {} {} both refer to it; one entry stands for one {what}",
                        first.what, first.id, second.what, second.id
                    ),
                ))
            }
        };
        if row.what != what {
            return Some((
                entry.id,
                format!(
                    "it records a {what}, but {} {} refers to it",
                    row.what, row.id
                ),
            ));
        }
        for (field, stored) in &row.fields {
            let recorded = expected(entry.content, field);
            if &recorded != stored {
                return Some((
                    entry.id,
                    format!(
                        "{what} {} has {field} {stored} but the entry recorded {recorded}: the \\
                         {what} was changed or replaced after it was recorded",
                        row.id
                    ),
                ));
            }
        }
    }
    // Rows whose entry is gone: the log was cut short or entries were removed.
    if let Some(row) = by_log.values().flatten().min_by_key(|r| r.log_id) {
        return Some((
            row.log_id,
            format!(
                "it is missing, though {} {} was recorded with it (entries were removed)",
                row.what, row.id
            ),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn vote_entry() -> Value {
        json!({"kind": "vote", "actor_id": "E1", "pilot_id": 1, "summary": "s",
               "details": {"itemId": 4, "choice": "reject", "comment": "Too costly"}})
    }

    fn vote_row(choice: &str, log_id: i64) -> RecordedRow {
        RecordedRow {
            what: "vote",
            id: 9,
            log_id,
            fields: vec![
                ("itemId", json!(4)),
                ("personId", json!("E1")),
                ("choice", json!(choice)),
                ("comment", json!("Too costly")),
            ],
        }
    }

    fn check(entry: &Value, rows: &[RecordedRow]) -> Option<(i64, String)> {
        first_mismatch(
            &[LoggedEntry {
                id: 1,
                content: entry,
            }],
            rows,
        )
    }

    #[test]
    fn a_vote_that_matches_its_entry_passes() {
        assert_eq!(check(&vote_entry(), &[vote_row("reject", 1)]), None);
    }

    #[test]
    fn a_deleted_vote_is_named() {
        let (id, why) = check(&vote_entry(), &[]).unwrap();
        assert_eq!(id, 1);
        assert!(why.contains("no vote refers to it"), "{why}");
    }

    #[test]
    fn a_vote_replaced_under_the_same_log_id_is_named() {
        let (_, why) = check(&vote_entry(), &[vote_row("approve", 1)]).unwrap();
        assert!(
            why.contains("choice \"approve\"") && why.contains("\"reject\""),
            "{why}"
        );
    }

    #[test]
    fn two_rows_for_one_entry_are_named() {
        let (_, why) = check(
            &vote_entry(),
            &[vote_row("reject", 1), vote_row("reject", 1)],
        )
        .unwrap();
        assert!(why.contains("both refer to it"), "{why}");
    }

    #[test]
    fn a_row_whose_entry_is_gone_is_named() {
        let (id, why) = first_mismatch(&[], &[vote_row("reject", 12)]).unwrap();
        assert_eq!(id, 12);
        assert!(why.contains("entries were removed"), "{why}");
    }

    #[test]
    fn a_tranche_release_stands_behind_a_released_decision() {
        let entry = json!({"kind": "tranche_release", "actor_id": "E5", "pilot_id": 2, "summary": "Released",
                           "details": {"trancheId": 3}});
        let row = |outcome: &str| RecordedRow {
            what: "decision",
            id: 7,
            log_id: 1,
            fields: vec![
                ("pilotId", json!(2)),
                ("itemId", Value::Null),
                ("outcome", json!(outcome)),
                ("summary", json!("Released")),
            ],
        };
        assert_eq!(check(&entry, &[row("released")]), None);
        assert!(check(&entry, &[row("rejected")]).is_some());
    }
}
