//! The one-page decision record: what the steering group decided, by whose votes, on what
//! evidence, and where it sits in the tamper-evident decision log.

use chrono::NaiveDate;
use serde_json::Value;

use crate::model::{ChainVerdict, Decision, DecisionKind, LogEntry, Money, Recusal, Vote};

use super::dates::long_date_of;
use super::document::{Block, Column, KeyFigure, PackDocument, Table};

pub const TITLE: &str = "Decision record";

/// Everything the record prints, loaded beforehand.
pub struct DecisionData<'a> {
    pub decision: &'a Decision,
    /// What the group was asked, for a voted decision.
    pub subject: Option<&'a str>,
    /// The votes that counted, for a voted decision.
    pub votes: &'a [Vote],
    pub recusals: &'a [Recusal],
    pub log_entry: Option<&'a LogEntry>,
    pub verdict: &'a ChainVerdict,
    pub currency: &'a str,
    pub produced_on: NaiveDate,
}

fn date_of(timestamp: &str) -> String {
    long_date_of(timestamp).unwrap_or_else(|| timestamp.to_string())
}

/// How a vote reached the record: in the app, or by a ballot signed with a member's key.
fn how_cast(fingerprint: Option<&str>) -> String {
    match fingerprint {
        Some(key) => format!("Signed ballot, key {key}"),
        None => "In the app".into(),
    }
}

fn voted_figures(decision: &Decision, evidence: &Value, votes: &[Vote]) -> Vec<KeyFigure> {
    let eligible = evidence["eligible"].as_u64().unwrap_or(0);
    let needed = evidence["needed"].as_u64().unwrap_or(0);
    let winning = votes
        .iter()
        .filter(|v| v.choice.as_str() == decision.outcome)
        .count();
    vec![
        KeyFigure {
            value: decision.outcome_label.clone(),
            label: "Decision".into(),
            basis: date_of(&decision.decided_at),
        },
        KeyFigure {
            value: format!("{winning} of {eligible}"),
            label: "Votes for it".into(),
            basis: format!("{needed} needed; eligible members"),
        },
        KeyFigure {
            value: format!("{}", votes.len()),
            label: "Votes counted".into(),
            basis: if evidence["withoutMajority"].as_bool() == Some(true) {
                "No option had the threshold".into()
            } else {
                "Quorum rule met".into()
            },
        },
    ]
}

fn release_figures(
    decision: &Decision,
    evidence: &Value,
    log_entry: Option<&LogEntry>,
    currency: &str,
) -> Vec<KeyFigure> {
    let mut figures = vec![KeyFigure {
        value: decision.outcome_label.clone(),
        label: "Decision".into(),
        basis: date_of(&decision.decided_at),
    }];
    // The amount and the tranche are in the log entry the release was recorded with.
    let details = log_entry
        .and_then(|e| serde_json::from_str::<Value>(&e.content).ok())
        .map(|c| c["details"].clone())
        .unwrap_or(Value::Null);
    if let Some(cents) = details["amountCents"].as_i64() {
        figures.push(KeyFigure {
            value: Money(cents).format_whole_with(currency),
            label: "Released".into(),
            basis: details["label"].as_str().unwrap_or("tranche").to_string(),
        });
    }
    let lift = &evidence["lift"];
    if lift.is_object() {
        let unit = lift["unit"].as_str().unwrap_or_default();
        let improvement = lift["improvement"].as_f64().unwrap_or_default();
        figures.push(KeyFigure {
            value: format!("{improvement:.1} {unit}"),
            label: format!(
                "Improvement in {}",
                lift["kpiName"].as_str().unwrap_or("the KPI")
            ),
            basis: format!(
                "95% interval {:.1} to {:.1}",
                lift["improvementLow"].as_f64().unwrap_or_default(),
                lift["improvementHigh"].as_f64().unwrap_or_default()
            ),
        });
        figures.push(KeyFigure {
            value: if lift["weakerEvidence"].as_bool() == Some(true) {
                "Weaker".into()
            } else {
                "Comparison".into()
            },
            label: "Evidence".into(),
            basis: match lift["method"].as_str() {
                Some("difference_in_differences") => "Difference-in-differences".into(),
                _ => "Pre/post against the trend".into(),
            },
        });
    }
    figures
}

pub fn build(data: &DecisionData) -> PackDocument {
    let decision = data.decision;
    let evidence: Value = serde_json::from_str(&decision.evidence).unwrap_or(Value::Null);
    let mut blocks = vec![
        Block::Title(format!(
            "{}: {}",
            decision.kind.label(),
            decision.outcome_label
        )),
        Block::Lead(decision.summary.clone()),
    ];
    if decision.kind == DecisionKind::TrancheRelease {
        blocks.push(Block::KeyFigures(release_figures(
            decision,
            &evidence,
            data.log_entry,
            data.currency,
        )));
        blocks.push(Block::Heading("The condition and the evidence".into()));
        blocks.push(Block::Paragraph(
            evidence["explanation"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        ));
        if let Some(summary) = evidence["lift"]["summary"].as_str() {
            blocks.push(Block::Note(format!("Measured: {summary}.")));
        }
    } else {
        blocks.push(Block::KeyFigures(voted_figures(
            decision, &evidence, data.votes,
        )));
        if let Some(subject) = data.subject {
            blocks.push(Block::Paragraph(format!(
                "The steering group was asked: {subject}."
            )));
        }
        blocks.push(Block::Heading("Votes".into()));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Member", 1.4),
                Column::left("Function", 1.0),
                Column::left("Vote", 0.9),
                Column::left("Comment", 2.0),
                Column::left("When", 1.0),
                // Wide enough that a key's fingerprint breaks only after "key", never inside.
                Column::left("Cast", 2.9),
            ],
            rows: data
                .votes
                .iter()
                .map(|v| {
                    vec![
                        v.name.clone(),
                        v.function.label().into(),
                        v.choice.label().into(),
                        v.comment.clone(),
                        date_of(&v.at),
                        how_cast(v.fingerprint.as_deref()),
                    ]
                })
                .collect(),
            note: (!data.recusals.is_empty()).then(|| {
                format!(
                    "Recused, not counted: {}.",
                    data.recusals
                        .iter()
                        .map(|r| match &r.fingerprint {
                            Some(key) =>
                                format!("{} ({}; signed ballot, key {key})", r.name, r.reason),
                            None => format!("{} ({})", r.name, r.reason),
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            }),
        }));
        if let Some(rule) = evidence["rule"].as_str() {
            blocks.push(Block::Note(format!("Quorum rule at the time: {rule}")));
        }
        if data.votes.iter().any(|v| v.fingerprint.is_some()) {
            blocks.push(Block::Note(
                "A signed ballot was cast on the member's own machine and checked against the \
                 key registered for them (its fingerprint above); its signature is kept in the \
                 decision log, and `pilotdesk audit verify` checks it again."
                    .into(),
            ));
        }
    }
    blocks.push(Block::Heading("Record".into()));
    let mut record = vec![format!(
        "Recorded by {} on {} (decision {} of pilot #{}).",
        decision.recorded_by,
        date_of(&decision.decided_at),
        decision.id,
        decision.pilot_id
    )];
    if let Some(entry) = data.log_entry {
        record.push(format!(
            "Decision log entry {}, hash {}; previous entry's hash {}.",
            entry.id,
            crate::hashing::short(&entry.hash, 16),
            crate::hashing::short(&entry.prev_hash, 16)
        ));
    }
    // The full head hash and the count anchor the chain on paper: a log rewritten after this
    // copy was printed can no longer end in the same hash after the same number of entries.
    record.push(if data.verdict.verified {
        format!(
            "The decision log verified when this record was produced: {} entries, the last \
             with hash {}.",
            data.verdict.entries,
            data.verdict.head_hash.as_deref().unwrap_or("(none)")
        )
    } else {
        format!(
            "Warning: the decision log did not verify when this record was produced: {}",
            data.verdict.summary
        )
    });
    blocks.push(Block::Bullets(record));
    blocks.push(Block::Signatures(
        vec!["Chair of the steering group".into()],
    ));
    PackDocument {
        title: TITLE.into(),
        subject: decision.pilot_name.clone(),
        subject_label: None,
        produced_on: data.produced_on,
        draft: false,
        blocks,
    }
}
