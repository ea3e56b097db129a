//! The pilot proposal pack: what the steering group reads before approving a pilot. It
//! leads with the ask and the numbers that carry it, then the evidence design, the
//! playbooks, the budget, the checklist and the risks, and ends with methods and lineage.

mod sections;
mod skills;

pub use skills::{PlannedModule, SkillsPlan};

use chrono::{Duration, NaiveDate};

use crate::model::{ChangeRecord, ComparisonDesign, ItemStatus, PilotDesign, WorkspaceSettings};

use super::approval::{self, ApprovalPage};
use super::dates::{date_range, long_date, long_date_of};
use super::document::{Block, KeyFigure, Milestone, PackDocument, Timeline};

/// Everything the proposal prints, loaded beforehand so building it is a pure function.
/// Where the cohort's roster is printed: in the appendix while it is short, otherwise in
/// a CSV file beside the pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Roster {
    InAppendix,
    Beside(String),
}

/// A roster longer than this goes to a CSV beside the pack, so the pack stays short.
pub const ROSTER_ROWS_IN_PACK: usize = 30;

pub struct ProposalData<'a> {
    pub design: &'a PilotDesign,
    /// Pilot against comparison on size, role mix, tenure and baseline.
    pub balance: &'a crate::model::BalanceTable,
    pub roster: Roster,
    pub settings: &'a WorkspaceSettings,
    pub changes: &'a [ChangeRecord],
    pub people_on_record: u32,
    pub produced_on: NaiveDate,
    pub approval: ApprovalPage<'a>,
    pub skills: &'a SkillsPlan,
}

pub const TITLE: &str = "Pilot proposal";

/// The steering group decides a week before launch, so managers can be briefed in time.
pub fn decision_due(start: NaiveDate) -> NaiveDate {
    start - Duration::days(7)
}

fn workflow_phrase(names: &[String]) -> String {
    let lower: Vec<String> = names.iter().map(|w| w.to_lowercase()).collect();
    match lower.as_slice() {
        [] => "its workflows".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn key_figures(data: &ProposalData) -> Vec<KeyFigure> {
    let design = data.design;
    let pilot = &design.pilot;
    let money = |m: crate::model::Money| m.format_with(&data.settings.currency);
    let step1 = &design.readiness.steps[0];
    let waived = step1
        .items
        .iter()
        .filter(|i| i.status == ItemStatus::Waived)
        .count();
    vec![
        KeyFigure {
            value: "90 days".into(),
            label: "Pilot window".into(),
            basis: date_range(pilot.start_date, pilot.end_date),
        },
        KeyFigure {
            value: design
                .estimate
                .total
                .format_whole_with(&data.settings.currency),
            label: "Fully loaded cost".into(),
            basis: format!(
                "Estimate; {} committed for tooling and analytics",
                money(pilot.budget)
            ),
        },
        KeyFigure {
            value: match design.cohort.design {
                ComparisonDesign::RandomisedWaitlist => "Waitlist".into(),
                ComparisonDesign::MatchedTeams => "Matched".into(),
                ComparisonDesign::StaggeredWaves => "Waves".into(),
                ComparisonDesign::HandPicked => "Hand-picked".into(),
                ComparisonDesign::None => "None".into(),
            },
            label: "Comparison design".into(),
            basis: if design.cohort.design == ComparisonDesign::None {
                "Weaker evidence: pre/post against the trend".into()
            } else {
                design.cohort.design.label().into()
            },
        },
        KeyFigure {
            value: format!("{} of {}", step1.done, step1.applicable),
            label: "Step 1 readiness".into(),
            basis: match waived {
                0 => "Items met, from the data".into(),
                n => format!("{n} waived with a recorded reason"),
            },
        },
    ]
}

/// Page 1 leads with the answer: the ask while the steering group has not decided, the
/// verdict once it has.
fn lead_and_callout(data: &ProposalData, names: &[String], review: NaiveDate) -> (Block, Block) {
    let design = data.design;
    let pilot = &design.pilot;
    let currency = &data.settings.currency;
    let what = format!(
        "a 90-day manager-led coaching pilot in {}, running {}, sponsored by {}, at a fully \
         loaded cost of {} of which {} is committed for tooling and analytics",
        workflow_phrase(names),
        date_range(pilot.start_date, pilot.end_date),
        pilot.sponsor,
        design.estimate.total.format_whole_with(currency),
        pilot.budget.format_whole_with(currency)
    );
    let decided =
        |decision: &crate::model::Decision| long_date_of(&decision.decided_at).unwrap_or_default();
    match data.approval.decision {
        Some(decision) if decision.outcome == "approve" => (
            Block::Lead(format!(
                "On {} the steering group approved {what} (decision {}).",
                decided(decision),
                decision.id
            )),
            Block::Callout {
                title: format!("Approved; launch on {}", long_date(pilot.start_date)),
                text: format!(
                    "{} The baselines and success criteria below are locked: changing them \
                     needs a new decision. The group next decides at the day-45 review on {} \
                     and at the day-90 outcome on {}. The sponsor, {}, owns the outcome.",
                    decision.summary,
                    long_date(review),
                    long_date(pilot.end_date),
                    pilot.sponsor
                ),
            },
        ),
        Some(decision) if decision.outcome == "reject" => (
            Block::Lead(format!(
                "On {} the steering group rejected {what} (decision {}).",
                decided(decision),
                decision.id
            )),
            Block::Callout {
                title: format!("Rejected on {}", decided(decision)),
                text: format!(
                    "{} The members' comments are on the approval page.",
                    decision.summary
                ),
            },
        ),
        // Not decided yet, or returned for changes and being redesigned: the ask stands.
        _ => {
            let due = decision_due(pilot.start_date);
            let earlier = match data.approval.decision {
                Some(decision) => format!(
                    "The group asked for changes on {} (decision {}); their comments are on \
                     the approval page. ",
                    decided(decision),
                    decision.id
                ),
                None => String::new(),
            };
            (
                Block::Lead(format!("Approve {what}.")),
                Block::Callout {
                    title: format!("Decision requested by {}", long_date(due)),
                    text: format!(
                        "{earlier}The steering group is asked to approve this pilot, request \
                         changes or reject it by {}, one week before launch, so that managers \
                         can be briefed. Approval locks the baselines and success criteria \
                         below. The sponsor, {}, owns the outcome.",
                        long_date(due),
                        pilot.sponsor
                    ),
                },
            )
        }
    }
}

pub fn build(data: &ProposalData) -> PackDocument {
    let design = data.design;
    let pilot = &design.pilot;
    let review = pilot.start_date + Duration::days(45);
    let names: Vec<String> = design.workflows.iter().map(|w| w.name.clone()).collect();

    let (lead, callout) = lead_and_callout(data, &names, review);
    let draft = !data
        .approval
        .decision
        .is_some_and(|d| d.outcome == "approve" || d.outcome == "reject");
    let mut blocks = vec![
        Block::Title(pilot.name.clone()),
        lead,
        Block::KeyFigures(key_figures(data)),
        callout,
    ];
    if draft {
        blocks.extend(what_is_missing(design));
    }
    blocks.extend([
        Block::Heading("Objective".into()),
        Block::Paragraph(if pilot.objective.is_empty() {
            "No objective has been written yet; the pilot designer should state in one \
             sentence what the pilot sets out to prove before it is submitted."
                .into()
        } else {
            pilot.objective.clone()
        }),
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
    ]);
    blocks.extend(sections::success(design, &data.settings.currency));
    blocks.extend(sections::evidence_design(design, data.balance));
    blocks.extend(sections::playbooks(design));
    blocks.extend(sections::budget(design, &data.settings.currency));
    blocks.extend(skills::page(data.skills, &data.settings.currency));
    blocks.extend(sections::checklist(design));
    blocks.extend(sections::risks(design));
    blocks.extend(approval::blocks(&data.approval));
    blocks.extend(sections::appendix(data));
    blocks.extend(sections::roster(design, &data.roster));

    PackDocument {
        title: TITLE.into(),
        subject: pilot.name.clone(),
        subject_label: None,
        produced_on: data.produced_on,
        draft,
        blocks,
    }
}

/// A draft says plainly what stands between it and the steering group's decision: the
/// Step 1 items still open, one line each with the reason the data gives.
fn what_is_missing(design: &crate::model::PilotDesign) -> Vec<Block> {
    let open: Vec<String> = design.readiness.steps[0]
        .items
        .iter()
        .filter(|i| !matches!(i.status, ItemStatus::Met | ItemStatus::Waived))
        .map(|i| format!("{}: {}.", i.title, i.reason.trim_end_matches('.')))
        .collect();
    let title = "Draft: not yet decided by the steering group".to_string();
    if open.is_empty() {
        return vec![Block::Callout {
            title,
            text: "Every Step 1 item of the readiness checklist is met or waived. This copy \
                   becomes final when the steering group decides; until then it carries no \
                   signatures."
                .into(),
        }];
    }
    vec![
        Block::Callout {
            title,
            text: format!(
                "{} of the readiness checklist's Step 1 {} still open, so the pilot cannot be \
                 submitted yet. What is missing:",
                open.len(),
                if open.len() == 1 {
                    "item is"
                } else {
                    "items are"
                },
            ),
        },
        Block::Bullets(open),
    ]
}
