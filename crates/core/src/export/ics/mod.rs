//! iCalendar (RFC 5545) files, the format calendars take: an agenda, and each coaching
//! pair's recurring cadence. A one-off entry is written in UTC, so the file means the same
//! moment on every computer. A recurring one is written in its time zone (TZID, with the
//! zone's VTIMEZONE in the file), so a weekly 09:30 stays at 09:30 across a clock change.

mod agenda;
mod timezone;

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;

pub use agenda::{agenda_event, agenda_uid, pair_uid};
pub use timezone::vtimezone;

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
    /// The zone the entry's wall-clock times belong to; none for UTC times.
    pub zone: Option<Tz>,
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
    let mut zones: Vec<Tz> = events.iter().filter_map(|e| e.zone).collect();
    zones.sort_by_key(|z| z.name());
    zones.dedup();
    for zone in zones {
        let years = events
            .iter()
            .filter(|e| e.zone == Some(zone))
            .map(|e| e.start.with_timezone(&zone).year());
        let (first, last) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        // From the year before the first entry, so the offset in force at its start is
        // defined; to the year after the last, for a series that runs on.
        for text in vtimezone(zone, first - 1, last + 1) {
            line(&text);
        }
    }
    for event in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&event.uid)));
        line(&format!("DTSTAMP:{}", utc(event.stamp)));
        let end = event.start + Duration::minutes(i64::from(event.minutes));
        match event.zone {
            Some(zone) => {
                line(&format!(
                    "DTSTART;TZID={}:{}",
                    zone.name(),
                    local(event.start, zone)
                ));
                line(&format!("DTEND;TZID={}:{}", zone.name(), local(end, zone)));
            }
            None => {
                line(&format!("DTSTART:{}", utc(event.start)));
                line(&format!("DTEND:{}", utc(end)));
            }
        }
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

/// A local DATE-TIME in `zone`: "20270112T093000".
fn local(at: DateTime<Utc>, zone: Tz) -> String {
    floating(at.with_timezone(&zone).naive_local())
}

fn floating(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// A UTC offset as RFC 5545 writes it: "+0100", "-0430", with seconds only when a zone's
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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::timezone::offset_text;
    use super::*;
    use crate::model::agenda::{
        Agenda, AgendaContext, AgendaItem, AgendaItemKind, AgendaSource, AgendaStatus,
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
            zone: None,
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

    fn block(zone: Tz, from: i32, to: i32) -> String {
        vtimezone(zone, from, to).join("\n")
    }

    #[test]
    fn london_changes_on_the_last_sundays_of_march_and_october() {
        // 2026: BST from 01:00 GMT on Sunday 29 March, GMT from 02:00 BST on Sunday 25
        // October (the last Sundays); the same every year after.
        let text = block(chrono_tz::Europe::London, 2026, 2028);
        assert_eq!(
            text,
            [
                "BEGIN:VTIMEZONE",
                "TZID:Europe/London",
                "BEGIN:DAYLIGHT",
                "DTSTART:20260329T010000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "TZOFFSETFROM:+0000",
                "TZOFFSETTO:+0100",
                "TZNAME:BST",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "DTSTART:20261025T020000",
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0000",
                "TZNAME:GMT",
                "END:STANDARD",
                "END:VTIMEZONE",
            ]
            .join("\n")
        );
    }

    #[test]
    fn new_york_changes_on_the_second_sunday_of_march_and_the_first_of_november() {
        // 2027: EDT from 02:00 EST on 14 March, EST from 02:00 EDT on 7 November.
        let text = block(chrono_tz::America::New_York, 2027, 2029);
        assert!(
            text.contains(
                "BEGIN:DAYLIGHT\nDTSTART:20270314T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\n\
             TZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nTZNAME:EDT\nEND:DAYLIGHT"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "BEGIN:STANDARD\nDTSTART:20271107T020000\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\n\
             TZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nTZNAME:EST\nEND:STANDARD"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_zone_without_changes_has_one_standard_observance() {
        for (zone, offset, name) in [
            (chrono_tz::Asia::Kolkata, "+0530", "IST"),
            (chrono_tz::UTC, "+0000", "UTC"),
        ] {
            let text = block(zone, 2026, 2028);
            assert!(
                text.contains(&format!(
                    "BEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:{offset}\n\
                     TZOFFSETTO:{offset}\nTZNAME:{name}\nEND:STANDARD"
                )),
                "{text}"
            );
        }
        assert_eq!(offset_text(-16_200), "-0430");
        assert_eq!(offset_text(-75), "-000115");
    }

    #[test]
    fn a_zoned_event_is_written_in_wall_clock_time_with_its_zone_before_the_events() {
        // 09:30 in London on 12 Jan 2027 (GMT) and on 13 Jul 2027 (BST, 08:30 UTC).
        let winter = IcsEvent {
            uid: "w@pilotdesk".into(),
            summary: "Coaching".into(),
            description: String::new(),
            location: None,
            start: at(9, 30),
            minutes: 20,
            rrule: Some("FREQ=WEEKLY;BYDAY=TU;COUNT=30".into()),
            stamp: at(8, 0),
            zone: Some(chrono_tz::Europe::London),
        };
        let summer = IcsEvent {
            uid: "s@pilotdesk".into(),
            start: Utc.with_ymd_and_hms(2027, 7, 13, 8, 30, 0).unwrap(),
            ..winter.clone()
        };
        let text = unfold(&calendar("Pilotdesk", &[winter, summer]));
        assert!(text.contains("DTSTART;TZID=Europe/London:20270112T093000\r\n"));
        assert!(text.contains("DTEND;TZID=Europe/London:20270112T095000\r\n"));
        assert!(text.contains("DTSTART;TZID=Europe/London:20270713T093000\r\n"));
        // One VTIMEZONE for both, before the first event, covering 2026 to 2028.
        assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1);
        assert!(text.find("END:VTIMEZONE") < text.find("BEGIN:VEVENT"));
        assert!(text.contains("DTSTART:20260329T010000"));
    }

    #[test]
    fn a_pairs_uid_is_stable_hides_the_ids_and_differs_per_pair_and_workspace() {
        let uid = pair_uid("E1042", "E2001", "workspace-a");
        assert_eq!(uid, pair_uid("E1042", "E2001", "workspace-a"));
        assert!(
            uid.starts_with("pair-") && uid.ends_with("@pilotdesk"),
            "{uid}"
        );
        assert!(!uid.contains("E1042"));
        assert_ne!(uid, pair_uid("E2001", "E1042", "workspace-a"));
        assert_ne!(uid, pair_uid("E1042", "E2001", "workspace-b"));
        // The separator keeps ("E1", "0E2") and ("E10", "E2") apart.
        assert_ne!(pair_uid("E1", "0E2", "w"), pair_uid("E10", "E2", "w"));
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
