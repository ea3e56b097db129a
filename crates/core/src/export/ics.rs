//! iCalendar (RFC 5545) files, the format calendars take: an agenda today, each coaching
//! pair's recurring cadence later. Times are written in UTC so a file means the same moment
//! on every computer without a VTIMEZONE block.

use chrono::{DateTime, Duration, Utc};

use crate::model::agenda::Agenda;

/// One calendar entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Stays the same for the same thing, so importing it again updates the entry rather
    /// than adding a second one.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    pub start: DateTime<Utc>,
    pub minutes: u32,
    /// A recurrence rule as RFC 5545 writes it, e.g. "FREQ=WEEKLY;BYDAY=TU;COUNT=12".
    pub rrule: Option<String>,
    /// When this version of the entry was made; a calendar keeps the later of two copies.
    pub stamp: DateTime<Utc>,
}

/// The longest a content line may be, in octets, before it is folded.
const LINE_OCTETS: usize = 75;

/// A calendar published by `product`, holding `events`. `product` is either a whole
/// formal public identifier ("-//Pilotdesk//Coaching agendas//EN"), written as it is, or a
/// product name ("Pilotdesk 0.1.0"), which becomes "-//Pilotdesk//Pilotdesk 0.1.0//EN".
/// RFC 5545 wants at least one event in a calendar, so export one or more.
pub fn calendar(product: &str, events: &[IcsEvent]) -> String {
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(&fold(text));
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:{}", escape(&product_id(product))));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for event in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&event.uid)));
        line(&format!("DTSTAMP:{}", utc(event.stamp)));
        line(&format!("DTSTART:{}", utc(event.start)));
        let end = event.start + Duration::minutes(i64::from(event.minutes));
        line(&format!("DTEND:{}", utc(end)));
        line(&format!("SUMMARY:{}", escape(&event.summary)));
        if !event.description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape(&event.description)));
        }
        if let Some(location) = event.location.as_deref().filter(|l| !l.is_empty()) {
            line(&format!("LOCATION:{}", escape(location)));
        }
        if let Some(rule) = event.rrule.as_deref() {
            // A rule is not TEXT and is not escaped; control characters are dropped so a
            // rule can never end its line and start a property of its own.
            let rule: String = rule.chars().filter(|c| !c.is_control()).collect();
            if !rule.trim().is_empty() {
                line(&format!("RRULE:{}", rule.trim()));
            }
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

fn product_id(product: &str) -> String {
    let product = product.trim();
    if product.starts_with("-//") || product.starts_with("+//") {
        product.to_string()
    } else {
        format!("-//Pilotdesk//{product}//EN")
    }
}

/// A UTC DATE-TIME: "20270112T093000Z".
fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value as RFC 5545 section 3.3.11 escapes it. Every kind of line break becomes
/// "\n", so a description typed on Windows reads the same.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Splits a content line so no physical line is longer than 75 octets, continuation lines
/// starting with a space (RFC 5545 section 3.1). A UTF-8 character is never split, which
/// some calendars would otherwise show as two broken characters.
pub fn fold(line: &str) -> String {
    if line.len() <= LINE_OCTETS {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            // The leading space counts towards the 75 octets of its line.
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out
}

/// Undoes `fold`: what a calendar reads.
pub fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

/// A short, stable stand-in for the workspace, so two workspaces' agenda 12 are two entries.
fn workspace_tag(workspace_key: &str) -> String {
    crate::hashing::sha256_hex(workspace_key.as_bytes())[..12].to_string()
}

/// The UID an agenda keeps however often it is exported.
pub fn agenda_uid(agenda_id: i64, workspace_key: &str) -> String {
    format!(
        "agenda-{agenda_id}-{}@pilotdesk",
        workspace_tag(workspace_key)
    )
}

/// The stamp of an agenda's current version: its decision when it has one (an edit is a
/// decision, so an edited agenda replaces the entry exported before it), else its creation.
fn agenda_stamp(agenda: &Agenda, start: DateTime<Utc>) -> DateTime<Utc> {
    agenda
        .decided_at
        .as_deref()
        .into_iter()
        .chain(std::iter::once(agenda.created_at.as_str()))
        .filter_map(|text| DateTime::parse_from_rfc3339(text).ok())
        .map(|at| at.with_timezone(&Utc))
        .max()
        .unwrap_or(start)
}

fn minutes_text(minutes: u32) -> String {
    format!("{minutes} min")
}

/// The agenda as a calendar entry for the manager and the coachee, starting at `start`.
/// `workspace_key` names the workspace (its file path or id) so UIDs never collide.
pub fn agenda_event(agenda: &Agenda, start: DateTime<Utc>, workspace_key: &str) -> IcsEvent {
    let mut summary = format!(
        "Coaching: {} with {}",
        agenda.manager_name, agenda.coachee_name
    );
    if let Some(task) = agenda.task.as_deref().filter(|t| !t.trim().is_empty()) {
        summary.push_str(&format!(" – {}", task.trim()));
    }
    let mut description = format!(
        "{} agenda, {}",
        agenda.context.label(),
        minutes_text(agenda.minutes)
    );
    if let Some(pilot) = &agenda.pilot_name {
        description.push_str(&format!(", {pilot}"));
    }
    description.push('\n');
    for item in &agenda.items {
        description.push_str(&format!(
            "\n{}. {} ({}): {}",
            item.position,
            item.kind.label(),
            minutes_text(item.kind.minutes()),
            item.text.trim()
        ));
    }
    IcsEvent {
        uid: agenda_uid(agenda.id, workspace_key),
        summary,
        description,
        location: None,
        start,
        minutes: agenda.minutes,
        rrule: None,
        stamp: agenda_stamp(agenda, start),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::agenda::{
        AgendaContext, AgendaItem, AgendaItemKind, AgendaSource, AgendaStatus,
    };

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 1, 12, hour, minute, 0).unwrap()
    }

    fn agenda(id: i64) -> Agenda {
        let item = |position, kind, text: &str| AgendaItem {
            position,
            kind,
            text: text.into(),
            suggested: text.into(),
        };
        Agenda {
            id,
            manager_id: "E100".into(),
            manager_name: "Dana Reyes".into(),
            coachee_id: "E210".into(),
            coachee_name: "Sam Ortiz".into(),
            pilot_id: Some(1),
            pilot_name: Some("Sales onboarding coaching pilot".into()),
            task_id: Some(3),
            task: Some("Qualify the lead before the demo".into()),
            context: AgendaContext::Onboarding,
            minutes: 12,
            items: vec![
                item(
                    1,
                    AgendaItemKind::Opening,
                    "What went well in Tuesday's call?",
                ),
                item(
                    2,
                    AgendaItemKind::Prompt,
                    "Which question, asked earlier, saves a demo?",
                ),
                item(
                    3,
                    AgendaItemKind::Practice,
                    "Run the first two minutes, with me as the buyer.",
                ),
                item(
                    4,
                    AgendaItemKind::Commitment,
                    "One qualifying question on every call, this week.",
                ),
                item(5, AgendaItemKind::NextStep, "Module: Discovery calls"),
            ],
            basis: vec![],
            source: AgendaSource::Offline,
            source_note: String::new(),
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
    fn text_escapes_backslash_semicolon_comma_and_every_line_break() {
        assert_eq!(escape("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assert_eq!(escape("plain: text"), "plain: text");
    }

    #[test]
    fn long_lines_of_multibyte_characters_fold_on_character_boundaries_and_unfold_back() {
        // 2-, 3- and 4-octet characters, so a fold point falls inside one of each sooner or
        // later.
        let value = "é€😀ü".repeat(40);
        let line = format!("DESCRIPTION:{value}");
        let folded = fold(&line);
        for physical in folded.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        assert!(folded.split("\r\n").skip(1).all(|l| l.starts_with(' ')));
        // Every line is valid UTF-8 on its own; `split` on a &str would have panicked
        // otherwise, and the bytes say the same.
        for physical in folded.as_bytes().split(|b| *b == b'\n') {
            assert!(std::str::from_utf8(physical).is_ok());
        }
        assert_eq!(unfold(&folded), line);
        assert_eq!(fold("SHORT:line"), "SHORT:line");
    }

    #[test]
    fn a_calendar_has_its_header_crlf_endings_and_utc_times() {
        let event = IcsEvent {
            uid: "pair-7@pilotdesk".into(),
            summary: "Coaching, weekly; Dana with Sam".into(),
            description: "Line one\nLine two".into(),
            location: Some("Room 4, floor 2".into()),
            start: at(9, 30),
            minutes: 15,
            rrule: Some("FREQ=WEEKLY;BYDAY=TU;COUNT=12\r\nX-EVIL:1".into()),
            stamp: at(8, 0),
        };
        let text = calendar("Pilotdesk 0.1.0", &[event]);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "bare line feed");
        let lines: Vec<&str> = text.split("\r\n").collect();
        for expected in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Pilotdesk//Pilotdesk 0.1.0//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:pair-7@pilotdesk",
            "DTSTAMP:20270112T080000Z",
            "DTSTART:20270112T093000Z",
            "DTEND:20270112T094500Z",
            "SUMMARY:Coaching\\, weekly\\; Dana with Sam",
            "DESCRIPTION:Line one\\nLine two",
            "LOCATION:Room 4\\, floor 2",
            "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=12X-EVIL:1",
            "END:VEVENT",
        ] {
            assert!(lines.contains(&expected), "{expected} missing from\n{text}");
        }
        assert!(!lines.iter().any(|l| l.starts_with("X-EVIL")));
        let formal = calendar("-//Pilotdesk//Coaching agendas//EN", &[]);
        assert!(formal.contains("\r\nPRODID:-//Pilotdesk//Coaching agendas//EN\r\n"));
    }

    #[test]
    fn an_agendas_uid_is_stable_and_differs_between_workspaces_and_agendas() {
        let first = agenda_event(&agenda(12), at(9, 0), "/home/lee/pilot.sqlite3");
        let again = agenda_event(&agenda(12), at(14, 0), "/home/lee/pilot.sqlite3");
        assert_eq!(first.uid, again.uid);
        assert!(first.uid.starts_with("agenda-12-"), "{}", first.uid);
        assert!(first.uid.ends_with("@pilotdesk"));
        assert_ne!(
            first.uid,
            agenda_event(&agenda(12), at(9, 0), "/home/lee/other.sqlite3").uid
        );
        assert_ne!(
            first.uid,
            agenda_event(&agenda(13), at(9, 0), "/home/lee/pilot.sqlite3").uid
        );
        // The path itself does not leave in the file.
        assert!(!first.uid.contains("lee"));
    }

    #[test]
    fn an_agenda_event_lists_its_items_in_order_and_lasts_its_minutes() {
        let event = agenda_event(&agenda(12), at(9, 0), "w");
        assert_eq!(
            event.summary,
            "Coaching: Dana Reyes with Sam Ortiz – Qualify the lead before the demo"
        );
        assert_eq!(event.minutes, 12);
        assert_eq!(
            event.stamp,
            Utc.with_ymd_and_hms(2027, 1, 10, 8, 0, 0).unwrap()
        );
        let mut from = 0;
        for item in &agenda(12).items {
            let label = format!(
                "{}. {} ({} min): {}",
                item.position,
                item.kind.label(),
                item.kind.minutes(),
                item.text
            );
            let found = event.description[from..]
                .find(&label)
                .unwrap_or_else(|| panic!("{label} out of order in\n{}", event.description));
            from += found + label.len();
        }
        assert!(event
            .description
            .contains("Next module or sample (1 min): Module"));
        let text = unfold(&calendar("Pilotdesk", &[event]));
        assert!(text.contains("DTEND:20270112T091200Z"));
        assert!(text.contains("Onboarding agenda\\, 12 min"));
    }

    #[test]
    fn a_decision_restamps_the_entry_so_the_edit_replaces_the_old_copy() {
        let mut edited = agenda(12);
        edited.status = AgendaStatus::Edited;
        edited.decided_at = Some("2027-01-11T16:20:00Z".into());
        let event = agenda_event(&edited, at(9, 0), "w");
        assert_eq!(
            event.stamp,
            Utc.with_ymd_and_hms(2027, 1, 11, 16, 20, 0).unwrap()
        );
    }
}
