//! The agenda card: one page a manager takes into a 10-15 minute coaching conversation.
//! It says who with whom and on what, the parts of the conversation with their minutes,
//! what the suggestions rest on and where their words came from, so the manager can judge
//! them, and leaves room for notes. It asks no one to decide anything, so it carries no
//! signature lines.

use chrono::NaiveDate;

use crate::error::Result;
use crate::metrics::analytics::precision::fixed;
use crate::model::agenda::{Agenda, AgendaSource, AgendaStatus};
use crate::model::PaperSize;

use super::dates::long_date_of;
use super::document::{Block, Column, PackDocument, Table};

pub const TITLE: &str = "Coaching agenda";

/// Ruled rows left for notes: as many as fit on the one page, between these two. The
/// fewest still leave room for what was agreed; more than the most would crowd the card.
pub const MOST_NOTE_LINES: usize = 8;
pub const FEWEST_NOTE_LINES: usize = 3;

/// The basis is printed as a short line, about two lines of small type; the app shows all
/// of it.
const BASIS_CHARACTERS: usize = 240;

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn lead(agenda: &Agenda) -> String {
    format!(
        "{} with {}: {} minutes",
        agenda.manager_name, agenda.coachee_name, agenda.minutes
    )
}

/// The task and the context in one sentence.
fn setting(agenda: &Agenda) -> String {
    let task = match agenda.task.as_deref().map(str::trim) {
        Some(task) if !task.is_empty() => format!("Task: {}.", task.trim_end_matches('.')),
        _ => "No playbook task: a general check-in.".into(),
    };
    let pilot = agenda
        .pilot_name
        .as_deref()
        .map_or(String::new(), |p| format!(", in the {p}"));
    format!(
        "{task} Context: {}{pilot}.",
        agenda.context.label().to_lowercase()
    )
}

fn items_table(agenda: &Agenda) -> Block {
    let rows = agenda
        .items
        .iter()
        .map(|item| {
            vec![
                format!("{}. {}", item.position, item.kind.label()),
                item.text.trim().to_string(),
                format!("{} min", item.kind.minutes()),
            ]
        })
        .collect();
    Block::Table(Table {
        columns: vec![
            Column::left("Part", 1.9),
            Column::left("What to ask or do", 4.4),
            Column::right("Minutes", 0.85),
        ],
        rows,
        note: None,
    })
}

/// A fact the card already states above (the context, the task), left out of the short
/// line so it carries something new.
fn on_the_card(agenda: &Agenda, fact: &str) -> bool {
    let context = format!("Context: {}", agenda.context.label());
    let task = agenda.task.as_deref().map(str::trim).unwrap_or("");
    fact.eq_ignore_ascii_case(&context) || (!task.is_empty() && fact.contains(task))
}

fn basis(agenda: &Agenda) -> Block {
    let facts: Vec<&str> = agenda
        .basis
        .iter()
        .map(|f| f.trim().trim_end_matches('.'))
        .filter(|f| !f.is_empty() && !on_the_card(agenda, f))
        .collect();
    if facts.is_empty() {
        return Block::Note(
            "Rests on: nothing the workspace knows about this person yet, so the suggestions \
             are general ones."
                .into(),
        );
    }
    // Facts are taken whole, in the generator's order (who, then the task, then history),
    // until the line is long enough.
    let mut shown: Vec<&str> = Vec::new();
    let mut length = 0;
    for fact in &facts {
        if !shown.is_empty() && length + fact.chars().count() > BASIS_CHARACTERS {
            break;
        }
        length += fact.chars().count() + 2;
        shown.push(fact);
    }
    let mut line = shown.join("; ");
    if facts.len() > shown.len() {
        line.push_str(&format!(
            "; and {} in the app",
            plural(facts.len() - shown.len(), "more fact", "more facts")
        ));
    }
    Block::Note(format!("Rests on: {line}."))
}

/// Where the words came from and what the manager has done with them, so a suggestion is
/// read as a suggestion.
fn provenance(agenda: &Agenda) -> String {
    let note = agenda.source_note.trim().trim_end_matches('.');
    let mut text = match agenda.source {
        AgendaSource::Offline => {
            "Suggested by Pilotdesk's offline generator, on this computer; nothing left it."
                .to_string()
        }
        AgendaSource::Model if note.is_empty() => {
            "Suggested by the workspace's local model.".to_string()
        }
        AgendaSource::Model => format!("Suggested by the workspace's local model ({note})."),
        AgendaSource::Fallback if note.is_empty() => {
            "The local model could not be used, so Pilotdesk's offline generator wrote it."
                .to_string()
        }
        AgendaSource::Fallback => format!(
            "The local model could not be used ({note}), so Pilotdesk's offline generator \
             wrote it."
        ),
    };
    if let Some(day) = long_date_of(&agenda.created_at) {
        text.push_str(&format!(" Made on {day} as agenda {}.", agenda.id));
    }
    let edited = agenda
        .items
        .iter()
        .filter(|i| i.text.trim() != i.suggested.trim())
        .count();
    let decided = agenda
        .decided_at
        .as_deref()
        .and_then(long_date_of)
        .map_or(String::new(), |d| format!(" on {d}"));
    match agenda.status {
        AgendaStatus::Open if edited > 0 => text.push_str(&format!(
            " The manager has changed {} of {} so far.",
            edited,
            plural(agenda.items.len(), "part", "parts")
        )),
        AgendaStatus::Open => {}
        AgendaStatus::Accepted => {
            text.push_str(&format!(" Accepted as suggested{decided}."));
        }
        AgendaStatus::Edited => {
            let share = agenda.change_share.map_or(String::new(), |s| {
                format!(", {}% of its text", fixed(s * 100.0, 0))
            });
            text.push_str(&format!(
                " Edited by the manager{decided}: {} of {}{share}.",
                edited,
                plural(agenda.items.len(), "part", "parts"),
            ));
        }
        AgendaStatus::Rejected => {
            let reason = agenda
                .reject_reason
                .map_or(String::new(), |r| format!(": {}", r.label().to_lowercase()));
            text.push_str(&format!(" Set aside by the manager{decided}{reason}."));
        }
    }
    text
}

/// Ruled rows for the manager's pen, drawn as an empty table so the engine rules them.
fn note_lines(count: usize) -> Block {
    Block::Table(Table {
        columns: vec![Column::left("Notes: what was said, what was agreed", 1.0)],
        rows: vec![vec![String::new()]; count],
        note: None,
    })
}

fn document(
    agenda: &Agenda,
    workspace: &str,
    produced_on: NaiveDate,
    note_rows: usize,
) -> PackDocument {
    let blocks = vec![
        Block::Title(TITLE.into()),
        Block::Lead(lead(agenda)),
        Block::Paragraph(setting(agenda)),
        items_table(agenda),
        basis(agenda),
        Block::Note(provenance(agenda)),
        note_lines(note_rows),
    ];
    PackDocument {
        title: TITLE.into(),
        subject: format!(
            "{} with {}, {workspace}",
            agenda.manager_name, agenda.coachee_name
        ),
        subject_label: Some(format!("Agenda {}", agenda.id)),
        produced_on,
        draft: false,
        blocks,
    }
}

/// Whether the card stays on one page on either paper. Both are tried, so the card (and its
/// content hash) is the same whichever paper it is printed on: Letter is shorter, A4
/// narrower.
fn fits_one_page(doc: &PackDocument) -> bool {
    [PaperSize::A4, PaperSize::Letter]
        .into_iter()
        .all(|paper| super::render(doc, paper).is_ok_and(|r| r.pages == 1))
}

/// The card's content, with as many ruled rows for notes as let it fit on one page (an
/// agenda too long for one page even with the fewest runs over rather than lose a part).
/// The content hash is taken over it, as for every pack.
pub fn build(agenda: &Agenda, workspace: &str, produced_on: NaiveDate) -> PackDocument {
    (FEWEST_NOTE_LINES..=MOST_NOTE_LINES)
        .rev()
        .map(|rows| document(agenda, workspace, produced_on, rows))
        .find(fits_one_page)
        .unwrap_or_else(|| document(agenda, workspace, produced_on, FEWEST_NOTE_LINES))
}

/// The card as a PDF, ready to print.
pub fn agenda_card(
    agenda: &Agenda,
    workspace: &str,
    paper: PaperSize,
    produced_on: NaiveDate,
) -> Result<Vec<u8>> {
    Ok(super::render(&build(agenda, workspace, produced_on), paper)?.bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::agenda::{AgendaContext, AgendaItem, AgendaItemKind, RejectReason};

    fn agenda() -> Agenda {
        Agenda {
            id: 7,
            manager_id: "E1".into(),
            manager_name: "Dana Reyes".into(),
            coachee_id: "E2".into(),
            coachee_name: "Sam Ortiz".into(),
            pilot_id: None,
            pilot_name: None,
            task_id: None,
            task: None,
            context: AgendaContext::SkillPractice,
            minutes: 10,
            items: vec![AgendaItem {
                position: 1,
                kind: AgendaItemKind::Opening,
                text: "How did it go?".into(),
                suggested: "How did it go?".into(),
            }],
            basis: vec![],
            source: AgendaSource::Fallback,
            source_note: "the server did not answer within 20 seconds".into(),
            status: AgendaStatus::Open,
            change_share: None,
            reject_reason: None,
            reject_note: String::new(),
            created_at: "2027-01-10T08:00:00Z".into(),
            decided_at: None,
            decided_by: None,
        }
    }

    #[test]
    fn a_fall_back_says_why_and_who_wrote_it() {
        let text = provenance(&agenda());
        assert!(text.contains("could not be used (the server did not answer within 20 seconds)"));
        assert!(text.contains("offline generator wrote it"));
        assert!(text.contains("Made on 10 Jan 2027 as agenda 7."));
    }

    #[test]
    fn a_decision_is_stated_with_its_day() {
        let mut rejected = agenda();
        rejected.status = AgendaStatus::Rejected;
        rejected.reject_reason = Some(RejectReason::TooGeneric);
        rejected.decided_at = Some("2027-01-11T09:00:00Z".into());
        assert!(provenance(&rejected)
            .ends_with("Set aside by the manager on 11 Jan 2027: too generic."));

        let mut edited = agenda();
        edited.status = AgendaStatus::Edited;
        edited.change_share = Some(0.25);
        edited.items[0].text = "What did the buyer say?".into();
        assert!(
            provenance(&edited).ends_with("Edited by the manager: 1 of 1 part, 25% of its text.")
        );
    }

    #[test]
    fn without_a_task_or_basis_the_card_says_so() {
        assert_eq!(
            setting(&agenda()),
            "No playbook task: a general check-in. Context: skill practice."
        );
        let doc = build(
            &agenda(),
            "Meridian",
            NaiveDate::from_ymd_opt(2027, 1, 12).unwrap(),
        );
        assert!(!doc.blocks.iter().any(|b| matches!(b, Block::Signatures(_))));
        assert_eq!(doc.subject, "Dana Reyes with Sam Ortiz, Meridian");
    }

    fn note_rows(doc: &PackDocument) -> usize {
        match doc.blocks.last() {
            Some(Block::Table(table)) => table.rows.len(),
            other => panic!("the card ends with its notes, not {other:?}"),
        }
    }

    #[test]
    fn a_long_agenda_gives_up_notes_rows_before_it_gives_up_its_one_page() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 12).unwrap();
        let short = build(&agenda(), "Meridian", day);
        assert_eq!(note_rows(&short), MOST_NOTE_LINES);

        let mut long = agenda();
        let kinds = [
            AgendaItemKind::Opening,
            AgendaItemKind::Prompt,
            AgendaItemKind::Prompt,
            AgendaItemKind::Prompt,
            AgendaItemKind::Practice,
            AgendaItemKind::Commitment,
            AgendaItemKind::NextStep,
        ];
        // About three lines a part, as a quoted note makes an opening or a prompt.
        let said = "Last time, on 4 January, you said: \"I lose them when they ask about price \
                    first\". What did you notice when you asked about the deadline first?";
        long.items = kinds
            .iter()
            .enumerate()
            .map(|(i, kind)| AgendaItem {
                position: i as u32 + 1,
                kind: *kind,
                text: said.into(),
                suggested: said.into(),
            })
            .collect();
        long.basis = (0..12)
            .map(|i| {
                format!("A long fact number {i} about the coachee's recent coaching and feedback")
            })
            .collect();
        let doc = build(&long, "Meridian", day);
        let rows = note_rows(&doc);
        assert!(
            (FEWEST_NOTE_LINES..MOST_NOTE_LINES).contains(&rows),
            "{rows} rows"
        );
        assert!(fits_one_page(&doc));
    }
}
