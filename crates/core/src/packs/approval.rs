//! The proposal pack's approval page: the steering group's members and functions, their
//! votes and comments as they stand, and signature lines for the paper copy.

use crate::model::{Decision, QuorumRule, QuorumStatus, Recusal, SteeringMember, Vote};

use super::dates::long_date_of;
use super::document::{Block, Column, Table};

/// The steering group's record on the pilot's latest approval, if it was put to them.
pub struct ApprovalPage<'a> {
    pub rule: &'a QuorumRule,
    pub members: &'a [SteeringMember],
    /// Votes on the latest approval item, in the order cast.
    pub votes: &'a [Vote],
    pub recusals: &'a [Recusal],
    /// Where the item stands; none when the pilot was never submitted.
    pub status: Option<&'a QuorumStatus>,
    pub decision: Option<&'a Decision>,
}

fn date_of(timestamp: &str) -> String {
    long_date_of(timestamp).unwrap_or_default()
}

pub fn blocks(page: &ApprovalPage) -> Vec<Block> {
    let mut blocks = vec![
        Block::PageBreak,
        Block::Heading("Approval by the steering group".into()),
    ];
    let standing = match (page.decision, page.status) {
        (Some(decision), _) => format!(
            "Decided on {} (decision {}): {}",
            date_of(&decision.decided_at),
            decision.id,
            decision.summary
        ),
        (None, Some(status)) => format!("Not decided yet. {}", status.explanation),
        (None, None) => {
            "Not yet submitted to the steering group; the votes below are to be cast.".into()
        }
    };
    blocks.push(Block::Paragraph(standing));
    blocks.push(Block::Note(format!(
        "Quorum rule: {}",
        page.rule.description
    )));
    if page.members.is_empty() {
        blocks.push(Block::Paragraph(
            "The steering group has no members yet.".into(),
        ));
        return blocks;
    }
    let rows = page
        .members
        .iter()
        .map(|member| {
            let recusal = page
                .recusals
                .iter()
                .find(|r| r.person_id == member.person_id);
            let vote = page
                .votes
                .iter()
                .rev()
                .find(|v| v.person_id == member.person_id);
            let (choice, comment, when) = match (recusal, vote) {
                (Some(r), _) => ("Recused".to_string(), r.reason.clone(), date_of(&r.at)),
                (None, Some(v)) => (
                    v.choice.label().to_string(),
                    v.comment.clone(),
                    date_of(&v.at),
                ),
                (None, None) => ("Not yet voted".to_string(), String::new(), String::new()),
            };
            vec![
                format!("{}\n{}", member.name, member.role),
                member.function.label().to_string(),
                choice,
                comment,
                when,
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left("Member", 2.0),
            Column::left("Function", 1.2),
            Column::left("Vote", 1.2),
            Column::left("Comment", 2.9),
            Column::left("When", 1.4),
        ],
        rows,
        note: Some(
            "Each vote and recusal is in Pilotdesk's tamper-evident decision log; dissenting \
             votes are kept with their comments."
                .into(),
        ),
    }));
    blocks.push(Block::Subheading("Signatures".into()));
    blocks.push(Block::Signatures(
        page.members
            .iter()
            .map(|m| format!("{} ({})", m.name, m.function.label()))
            .collect(),
    ));
    // The appendix that follows starts on a page of its own, below no signature.
    blocks.push(Block::PageBreak);
    blocks
}
