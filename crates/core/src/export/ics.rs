//! iCalendar (RFC 5545) files, the format calendars take: an agenda, and each coaching
//! pair's recurring cadence. A one-off entry is written in UTC, so the file means the same
//! moment on every computer. A recurring one is written in its time zone (TZID, with the
//! zone's VTIMEZONE in the file), so a weekly 09:30 stays at 09:30 across a clock change.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

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
/// history needs them.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, rest) = (s / 3600, s / 60 % 60, s % 60);
    if rest == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{rest:02}")
    }
}

/// A change of a zone's offset: when (UTC), from what to what, and what it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Transition {
    at: NaiveDateTime,
    from: i32,
    to: i32,
    name: String,
    daylight: bool,
}

impl Transition {
    /// Its start in the local time of the offset it leaves, as VTIMEZONE wants it.
    fn local_start(&self) -> NaiveDateTime {
        self.at + Duration::seconds(i64::from(self.from))
    }
}

fn observance(zone: Tz, at: NaiveDateTime) -> (i32, String, bool) {
    let offset = zone.offset_from_utc_datetime(&at);
    (
        offset.fix().local_minus_utc(),
        offset.abbreviation().unwrap_or_default().to_string(),
        !offset.dst_offset().is_zero(),
    )
}

/// Every change of offset from the start of `from_year` to the end of `to_year`: day by
/// day to find the day, then to the second within it.
fn transitions(zone: Tz, from_year: i32, to_year: i32) -> Vec<Transition> {
    let start = |year: i32| {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .unwrap_or(NaiveDate::MIN)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
    };
    let end = start(to_year + 1);
    let mut at = start(from_year);
    let mut out = Vec::new();
    while at < end {
        let next = at + Duration::days(1);
        let (before, _, _) = observance(zone, at);
        if observance(zone, next).0 != before {
            let (mut lo, mut hi) = (0i64, 86_400i64);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if observance(zone, at + Duration::seconds(mid)).0 == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let when = at + Duration::seconds(hi);
            let (to, name, daylight) = observance(zone, when);
            out.push(Transition {
                at: when,
                from: before,
                to,
                name,
                daylight,
            });
        }
        at = next;
    }
    out
}

/// "-1SU" for the last Sunday of its month, "2SU" for the second; both when it is both.
fn weekday_rules(day: NaiveDate) -> (Option<String>, String) {
    let code = crate::metrics::coaches::cadence::rrule_day(day.weekday());
    let days_in_month = NaiveDate::from_ymd_opt(day.year(), day.month(), 1)
        .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
        .map_or(31, |next| next.pred_opt().map_or(31, |last| last.day()));
    let last = (day.day() + 7 > days_in_month).then(|| format!("-1{code}"));
    (last, format!("{}{code}", (day.day() - 1) / 7 + 1))
}

/// The yearly rule all of `group` follow (same month, weekday rule and time, one a year
/// through `to_year`), if there is one.
fn yearly_rule(group: &[&Transition], to_year: i32) -> Option<String> {
    let first = group.first()?;
    let years_run_on = group
        .windows(2)
        .all(|w| w[1].local_start().year() == w[0].local_start().year() + 1)
        && group.last()?.local_start().year() == to_year;
    if !years_run_on || group.len() < 2 {
        return None;
    }
    let start = first.local_start();
    let same_day = |t: &&Transition| {
        let s = t.local_start();
        s.month() == start.month() && s.time() == start.time()
    };
    if !group.iter().all(same_day) {
        return None;
    }
    let rules: Vec<(Option<String>, String)> = group
        .iter()
        .map(|t| weekday_rules(t.local_start().date()))
        .collect();
    let by_day = if rules
        .iter()
        .all(|(last, _)| last.is_some() && *last == rules[0].0)
    {
        rules[0].0.clone()?
    } else if rules.iter().all(|(_, nth)| *nth == rules[0].1) {
        rules[0].1.clone()
    } else {
        return None;
    };
    Some(format!(
        "FREQ=YEARLY;BYMONTH={};BYDAY={by_day}",
        start.month()
    ))
}

/// The VTIMEZONE block of `zone` (its lines, unfolded) describing its offsets from
/// `from_year` through `to_year`: each kind of change as a yearly rule when the changes
/// follow one, else as the list of their dates; a zone that never changes as one
/// STANDARD observance.
pub fn vtimezone(zone: Tz, from_year: i32, to_year: i32) -> Vec<String> {
    let mut out = vec![
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{}", zone.name()),
    ];
    let found = transitions(zone, from_year, to_year);
    if found.is_empty() {
        let at = NaiveDate::from_ymd_opt(from_year, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        let (offset, name, _) = observance(zone, at);
        out.extend([
            "BEGIN:STANDARD".to_string(),
            "DTSTART:19700101T000000".to_string(),
            format!("TZOFFSETFROM:{}", offset_text(offset)),
            format!("TZOFFSETTO:{}", offset_text(offset)),
        ]);
        if !name.is_empty() {
            out.push(format!("TZNAME:{}", escape(&name)));
        }
        out.push("END:STANDARD".to_string());
    }
    // Grouped by what the change is, in order of first appearance.
    let mut groups: Vec<Vec<&Transition>> = Vec::new();
    for t in &found {
        let same = |g: &&mut Vec<&Transition>| {
            let o = g[0];
            (o.from, o.to, &o.name, o.daylight) == (t.from, t.to, &t.name, t.daylight)
        };
        match groups.iter_mut().find(same) {
            Some(group) => group.push(t),
            None => groups.push(vec![t]),
        }
    }
    for group in groups {
        let first = group[0];
        let kind = if first.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        out.push(format!("BEGIN:{kind}"));
        out.push(format!("DTSTART:{}", floating(first.local_start())));
        match yearly_rule(&group, to_year) {
            Some(rule) => out.push(format!("RRULE:{rule}")),
            None => {
                for t in &group[1..] {
                    out.push(format!("RDATE:{}", floating(t.local_start())));
                }
            }
        }
        out.push(format!("TZOFFSETFROM:{}", offset_text(first.from)));
        out.push(format!("TZOFFSETTO:{}", offset_text(first.to)));
        if !first.name.is_empty() {
            out.push(format!("TZNAME:{}", escape(&first.name)));
        }
        out.push(format!("END:{kind}"));
    }
    out.push("END:VTIMEZONE".to_string());
    out
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

/// The UID a coaching pair's recurring entry keeps however often it is exported, whatever
/// its cadence becomes: the pair's ids are hashed, so they do not leave in the file.
pub fn pair_uid(coach_id: &str, coachee_id: &str, workspace_key: &str) -> String {
    let pair = crate::hashing::sha256_hex(format!("{coach_id}\u{0}{coachee_id}").as_bytes());
    format!(
        "pair-{}-{}@pilotdesk",
        &pair[..16],
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
        zone: None,
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
