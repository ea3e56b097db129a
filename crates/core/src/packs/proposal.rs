//! The pilot proposal pack: what the steering group reads before approving a pilot.

use chrono::{Duration, NaiveDate};

use crate::model::{ChangeRecord, Pilot, WorkspaceSettings};

use super::dates::{date_range, long_date};
use super::document::{Block, Column, KeyFigure, Milestone, PackDocument, Table, Timeline};

/// Everything the proposal prints, loaded beforehand so building it is a pure function.
pub struct ProposalData<'a> {
    pub pilot: &'a Pilot,
    pub settings: &'a WorkspaceSettings,
    pub changes: &'a [ChangeRecord],
    pub people_on_record: u32,
    pub produced_on: NaiveDate,
}

pub const TITLE: &str = "Pilot proposal";

/// The steering group decides a week before launch, so managers can be briefed in time.
pub fn decision_due(start: NaiveDate) -> NaiveDate {
    start - Duration::days(7)
}

fn workflow_phrase(workflows: &[String]) -> String {
    let lower: Vec<String> = workflows.iter().map(|w| w.to_lowercase()).collect();
    match lower.as_slice() {
        [] => "its workflows".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub fn build(data: &ProposalData) -> PackDocument {
    let pilot = data.pilot;
    let money = |m: crate::model::Money| m.format_with(&data.settings.currency);
    let review = pilot.start_date + Duration::days(45);
    let due = decision_due(pilot.start_date);

    let mut blocks = vec![
        Block::Title(pilot.name.clone()),
        Block::Lead(format!(
            "Approve a 90-day manager-led coaching pilot in {}, running {}, sponsored by {}, \
             with {} committed for tooling and analytics.",
            workflow_phrase(&pilot.workflows),
            date_range(pilot.start_date, pilot.end_date),
            pilot.sponsor,
            money(pilot.budget)
        )),
        Block::KeyFigures(vec![
            KeyFigure {
                value: "90 days".into(),
                label: "Pilot window".into(),
                basis: date_range(pilot.start_date, pilot.end_date),
            },
            KeyFigure {
                value: pilot.workflows.len().to_string(),
                label: if pilot.workflows.len() == 1 {
                    "High-impact workflow".into()
                } else {
                    "High-impact workflows".into()
                },
                basis: "Two is the recommended scope for a first pilot".into(),
            },
            KeyFigure {
                value: money(pilot.budget),
                label: "Committed budget".into(),
                basis: "Tooling and analytics, for the 90 days".into(),
            },
            KeyFigure {
                value: "Day 45".into(),
                label: "Mid-point review".into(),
                basis: long_date(review),
            },
        ]),
        Block::Callout {
            title: format!("Decision requested by {}", long_date(due)),
            text: format!(
                "The steering group is asked to approve this pilot, request changes or reject \
                 it by {}, one week before launch, so that managers can be briefed. The \
                 sponsor, {}, owns the outcome.",
                long_date(due),
                pilot.sponsor
            ),
        },
        Block::Heading("Objective".into()),
        Block::Paragraph(if pilot.objective.is_empty() {
            "No objective has been written yet; the pilot designer should state in one \
             sentence what the pilot sets out to prove before it is submitted."
                .into()
        } else {
            pilot.objective.clone()
        }),
        Block::Heading("Timeline".into()),
        Block::Timeline(Timeline {
            title: format!(
                "Three checkpoints: launch on {}, review at day 45, outcome decision at day 90",
                long_date(pilot.start_date)
            ),
            start: pilot.start_date,
            end: pilot.end_date,
            milestones: vec![
                Milestone {
                    date: pilot.start_date,
                    label: "Launch (day 0)".into(),
                },
                Milestone {
                    date: review,
                    label: "Day-45 review".into(),
                },
                Milestone {
                    date: pilot.end_date,
                    label: "Day-90 outcome".into(),
                },
            ],
        }),
        Block::Heading("The pilot at a glance".into()),
        Block::Table(Table {
            columns: vec![Column::left("Item", 1.0), Column::left("Detail", 3.0)],
            rows: vec![
                vec!["Status".into(), pilot.status.label().into()],
                vec!["Senior sponsor".into(), pilot.sponsor.clone()],
                vec![
                    "Window".into(),
                    format!(
                        "{} to {} (90 days)",
                        long_date(pilot.start_date),
                        long_date(pilot.end_date)
                    ),
                ],
                vec!["Committed budget".into(), money(pilot.budget)],
                vec!["Decision due".into(), long_date(due)],
            ],
            note: None,
        }),
        Block::Subheading("Workflows in scope, in priority order".into()),
        Block::Table(Table {
            columns: vec![
                Column::right("Priority", 0.7),
                Column::left("Workflow", 5.0),
            ],
            rows: pilot
                .workflows
                .iter()
                .enumerate()
                .map(|(i, w)| vec![(i + 1).to_string(), w.clone()])
                .collect(),
            note: None,
        }),
        Block::Heading("Appendix: methods and data lineage".into()),
        Block::Bullets(vec![
            "The pilot window is fixed at 90 days from the start date; the mid-point review \
             falls on day 45 and the outcome decision on day 90."
                .into(),
            format!(
                "Amounts are in {} and cover tooling and analytics only.",
                data.settings.currency
            ),
            format!(
                "Drawn from the workspace \"{}\" on {}: pilot record #{} and {} people on record.",
                data.settings.workspace_name,
                long_date(data.produced_on),
                pilot.id,
                data.people_on_record
            ),
            "This pack is frozen: the content hash in the footer identifies this exact content \
             in Pilotdesk's pack records."
                .into(),
        ]),
    ];

    if !data.changes.is_empty() {
        blocks.push(Block::Subheading("Record of changes".into()));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("When (UTC)", 1.4),
                Column::left("Who", 1.4),
                Column::left("What", 3.2),
            ],
            rows: data
                .changes
                .iter()
                .map(|c| {
                    vec![
                        c.at.replace('T', " ").trim_end_matches('Z').to_string(),
                        c.actor.clone(),
                        c.summary.clone(),
                    ]
                })
                .collect(),
            note: None,
        }));
    }

    PackDocument {
        title: TITLE.into(),
        subject: pilot.name.clone(),
        produced_on: data.produced_on,
        blocks,
    }
}
