//! Each coaching pair's cadence as iCalendar, read back by a reference parser (Python's
//! `icalendar`, which scripts/setup installs as python3-icalendar) with the recurrences
//! expanded by python3-dateutil's `rrulestr` to the dates worked out here by hand, the
//! zone's offsets taken from the file's own VTIMEZONE; a re-export keeps every UID.
mod support;

use std::path::Path;
use std::process::Command;

use chrono::{TimeZone, Utc};
use pilotdesk_core::model::Person;
use pilotdesk_core::store::people;
use pilotdesk_core::workflows::coaches::calendar::{export, zone_named};
use pilotdesk_core::Store;
use serde_json::Value;
use support::{date, temp_db};

fn person(id: &str, name: &str, team: &str) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        email: format!("{}@example.com", id.to_lowercase()),
        team: team.into(),
        role: "Team member".into(),
        manager_id: None,
        hire_date: None,
        leaving_date: None,
    }
}

fn workspace(path: &Path) -> Store {
    let mut store = Store::open(path).unwrap();
    let tx = store.write().unwrap();
    for p in [
        person("M1", "Mara Manager", "Sales East"),
        person("P1", "Pat Park", "Sales East"),
        person("C2", "Chris Coach", "Support"),
        person("S1", "Sam Stone", "Support"),
        person("C3", "Cleo Carter", "Success"),
        person("S2", "Sky Shaw", "Success"),
    ] {
        people::insert(&tx, &p, date("2026-01-01")).unwrap();
    }
    tx.commit().unwrap();
    store
}

fn event(store: &mut Store, coach: &str, coachee: &str, at: &str, minutes: u32, kind: &str) {
    pilot_event(store, None, coach, coachee, at, minutes, kind);
}

fn pilot_event(
    store: &mut Store,
    pilot: Option<i64>,
    coach: &str,
    coachee: &str,
    at: &str,
    minutes: u32,
    kind: &str,
) {
    let tx = store.write().unwrap();
    let n: i64 = tx
        .query_row("SELECT count(*) FROM coaching_events", [], |r| r.get(0))
        .unwrap();
    tx.execute(
        "INSERT INTO coaching_events (uid, manager_id, coachee_id, occurred_at, minutes, kind,
             source, pilot_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'quick_log', ?7)",
        rusqlite::params![
            format!("00000000-0000-4000-8000-{n:012}"),
            coach,
            coachee,
            at,
            minutes,
            kind,
            pilot
        ],
    )
    .unwrap();
    tx.commit().unwrap();
}

const READ_BACK: &str = r#"
import json, sys
import icalendar
from dateutil.rrule import rrulestr

calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
zones = {}
for component in calendar.walk('VTIMEZONE'):
    zones[str(component['TZID'])] = component.to_tz()

def offset(zone, naive):
    local = zone.localize(naive) if hasattr(zone, 'localize') else naive.replace(tzinfo=zone)
    return int(local.utcoffset().total_seconds())

events = []
for event in calendar.walk('VEVENT'):
    start = event['DTSTART']
    tzid = start.params.get('TZID')
    naive = start.dt.replace(tzinfo=None)
    end = event['DTEND'].dt.replace(tzinfo=None)
    rule = event['RRULE'].to_ical().decode()
    dates = list(rrulestr(rule, dtstart=naive))
    events.append({
        'uid': str(event['UID']),
        'summary': str(event['SUMMARY']),
        'stamp': event['DTSTAMP'].dt.isoformat(),
        'tzid': tzid,
        'minutes': int((end - naive).total_seconds() // 60),
        # icalendar writes the parts in an order of its own: sorted, they compare.
        'rule': ';'.join(sorted(rule.split(';'))),
        'dates': [d.isoformat() for d in dates],
        'offsets': [offset(zones[tzid], d) for d in dates],
    })
print(json.dumps({'prodid': str(calendar['PRODID']), 'events': events}))
"#;

/// The first Python that has the reference parser: Debian's own (where python3-icalendar
/// installs) before whatever else is first on the PATH.
fn python() -> String {
    for candidate in ["/usr/bin/python3", "python3"] {
        let ok = Command::new(candidate)
            .args(["-c", "import icalendar, dateutil"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return candidate.to_string();
        }
    }
    panic!(
        "this test reads the calendar back with Python's icalendar and dateutil: run \
         scripts/setup (it installs python3-icalendar and python3-dateutil)"
    );
}

fn read_back(path: &Path) -> Value {
    let output = Command::new(python())
        .args(["-c", READ_BACK])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "icalendar could not read the file: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn by_summary<'a>(read: &'a Value, summary: &str) -> &'a Value {
    read["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["summary"] == summary)
        .unwrap_or_else(|| panic!("no event {summary} in {read}"))
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().map_or_else(|| v.to_string(), String::from))
        .collect()
}

#[test]
fn each_pairs_cadence_parses_expands_to_the_expected_dates_and_keeps_its_uid() {
    let (_dir, db) = temp_db();
    let mut store = workspace(&db);
    // Mara and Pat: Tuesdays at 09:30 for 20 minutes, 19 Jan to 23 Feb 2027 (weekly),
    // with one written feedback that is not a meeting.
    for day in ["01-19", "01-26", "02-02", "02-09", "02-16", "02-23"] {
        event(
            &mut store,
            "M1",
            "P1",
            &format!("2027-{day}T09:30:00"),
            20,
            "micro_coaching",
        );
    }
    event(
        &mut store,
        "M1",
        "P1",
        "2027-02-25T18:00:00",
        5,
        "async_feedback",
    );
    // Chris and Sam: every other Thursday at 14:00, 45 minutes.
    for day in ["01-07", "01-21", "02-04", "02-18"] {
        event(
            &mut store,
            "C2",
            "S1",
            &format!("2027-{day}T14:00:00"),
            45,
            "live_check_in",
        );
    }
    // Cleo and Sky: twice only, no cadence yet.
    event(
        &mut store,
        "C3",
        "S2",
        "2027-02-10T11:00:00",
        15,
        "micro_coaching",
    );
    event(
        &mut store,
        "C3",
        "S2",
        "2027-02-17T11:00:00",
        15,
        "micro_coaching",
    );

    let london = zone_named(":Europe/London").unwrap();
    let today = date("2027-03-03");
    let first_stamp = Utc.with_ymd_and_hms(2027, 3, 3, 8, 0, 0).unwrap();
    let out = db.with_file_name("coaching.ics");
    let summary = export(&mut store, &out, None, london, today, first_stamp).unwrap();
    assert_eq!(summary.time_zone, "Europe/London");
    assert_eq!(summary.pairs.len(), 2);
    assert_eq!(summary.skipped.len(), 1);
    assert_eq!(summary.skipped[0].coachee_name, "Sky Shaw");
    assert_eq!(
        summary.skipped[0].reason,
        "2 sessions in the window; a cadence needs 3"
    );

    let text = std::fs::read_to_string(&out).unwrap();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(!text.replace("\r\n", "").contains('\n'), "bare line feed");

    let read = read_back(&out);
    assert_eq!(read["prodid"], "-//Pilotdesk//Coaching cadences//EN");
    let weekly = by_summary(&read, "Coaching: Mara Manager with Pat Park");
    assert_eq!(weekly["tzid"], "Europe/London");
    assert_eq!(weekly["minutes"], 20);
    assert_eq!(weekly["rule"], "BYDAY=TU;COUNT=12;FREQ=WEEKLY");
    assert!(text.contains("\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=12\r\n"));
    // The last session was Tuesday 23 Feb; the next week's Tuesday (2 Mar) is before the
    // export, so the series starts on 9 Mar and runs twelve weeks.
    let expected: Vec<String> = [
        "03-09", "03-16", "03-23", "03-30", "04-06", "04-13", "04-20", "04-27", "05-04", "05-11",
        "05-18", "05-25",
    ]
    .iter()
    .map(|d| format!("2027-{d}T09:30:00"))
    .collect();
    assert_eq!(strings(&weekly["dates"]), expected);
    // The clocks go forward on Sunday 28 March 2027: the series stays at 09:30 local, GMT
    // before and BST after, as the file's own VTIMEZONE says.
    let offsets: Vec<i64> = weekly["offsets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(offsets, [vec![0; 3], vec![3600; 9]].concat());

    let fortnightly = by_summary(&read, "Coaching: Chris Coach with Sam Stone");
    assert_eq!(fortnightly["minutes"], 45);
    assert_eq!(
        fortnightly["rule"],
        "BYDAY=TH;COUNT=6;FREQ=WEEKLY;INTERVAL=2"
    );
    // Two weeks after the week of 18 Feb: 4 Mar, then every other Thursday to 26 May.
    assert_eq!(
        strings(&fortnightly["dates"]),
        ["03-04", "03-18", "04-01", "04-15", "04-29", "05-13"]
            .iter()
            .map(|d| format!("2027-{d}T14:00:00"))
            .collect::<Vec<_>>()
    );

    // By 20 May Mara and Pat meet on Thursdays at 10:00 for 25 minutes; Chris and Sam
    // kept their fortnight; Cleo and Sky found a weekly Wednesday. The sessions of January
    // and February are out of the 12-week window. The re-export keeps both pairs' UIDs, so
    // calendars update those entries, and adds Cleo and Sky's.
    for day in [
        "04-01", "04-08", "04-15", "04-22", "04-29", "05-06", "05-13",
    ] {
        event(
            &mut store,
            "M1",
            "P1",
            &format!("2027-{day}T10:00:00"),
            25,
            "micro_coaching",
        );
    }
    for day in ["03-04", "03-18", "04-01", "04-15", "04-29", "05-13"] {
        event(
            &mut store,
            "C2",
            "S1",
            &format!("2027-{day}T14:00:00"),
            45,
            "live_check_in",
        );
    }
    for day in ["04-07", "04-14", "04-21"] {
        event(
            &mut store,
            "C3",
            "S2",
            &format!("2027-{day}T11:00:00"),
            15,
            "ai_agenda",
        );
    }
    let again = export(
        &mut store,
        &out,
        None,
        london,
        date("2027-05-20"),
        Utc.with_ymd_and_hms(2027, 5, 20, 8, 0, 0).unwrap(),
    )
    .unwrap();
    let reread = read_back(&out);
    let uids = |read: &Value| -> Vec<String> {
        let mut uids: Vec<String> = read["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["uid"].as_str().unwrap().to_string())
            .collect();
        uids.sort();
        uids
    };
    let before = uids(&read);
    let after = uids(&reread);
    assert_eq!(after.len(), 3);
    for uid in &before {
        assert!(after.contains(uid), "{uid} was not kept: {after:?}");
    }
    let moved = by_summary(&reread, "Coaching: Mara Manager with Pat Park");
    assert_eq!(moved["uid"], weekly["uid"]);
    assert_eq!(moved["rule"], "BYDAY=TH;COUNT=12;FREQ=WEEKLY");
    assert_eq!(moved["minutes"], 25);
    assert_eq!(strings(&moved["dates"])[0], "2027-05-20T10:00:00");
    let kept = by_summary(&reread, "Coaching: Chris Coach with Sam Stone");
    assert_eq!(kept["uid"], fortnightly["uid"]);
    assert_eq!(strings(&kept["dates"])[0], "2027-05-27T14:00:00");
    // The later stamp is what tells a calendar this copy replaces the first.
    assert!(moved["stamp"].as_str().unwrap() > weekly["stamp"].as_str().unwrap());
    assert!(again.skipped.is_empty());
}

#[test]
fn a_pilots_calendar_ends_with_the_pilot_and_an_unknown_zone_is_refused_by_name() {
    assert!(zone_named("Mars/Olympus_Mons").is_none());
    assert_eq!(zone_named("UTC").map(|z| z.name()), Some("UTC"));
    let (_dir, db) = temp_db();
    let mut store = workspace(&db);
    let out = db.with_file_name("none.ics");
    let nothing = export(
        &mut store,
        &out,
        None,
        chrono_tz::UTC,
        date("2027-03-03"),
        Utc.with_ymd_and_hms(2027, 3, 3, 8, 0, 0).unwrap(),
    )
    .unwrap_err();
    assert_eq!(
        nothing.to_string(),
        "Nothing to export: no coaching pair met in the last 12 weeks"
    );
    assert!(!out.exists(), "no file is left behind");
    assert_eq!(
        export(
            &mut store,
            &out,
            Some(99),
            chrono_tz::UTC,
            date("2027-03-03"),
            Utc::now()
        )
        .unwrap_err()
        .to_string(),
        "pilot 99 was not found"
    );
    // A pilot from 11 Jan 2027 runs to 11 Apr. Mara and Pat's Tuesdays in it continue from
    // 9 Mar to its end: 9, 16, 23 and 30 Mar and 6 Apr. Chris and Sam's sessions are
    // outside the pilot, so its calendar leaves them out.
    let pilot = pilotdesk_core::workflows::pilots::create_pilot(
        &mut store,
        &support::pilot_input("Calendar pilot"),
    )
    .unwrap();
    assert_eq!(pilot.end_date, date("2027-04-11"));
    for day in ["01-19", "01-26", "02-02", "02-09", "02-16", "02-23"] {
        let at = format!("2027-{day}T09:30:00");
        pilot_event(
            &mut store,
            Some(pilot.id),
            "M1",
            "P1",
            &at,
            20,
            "micro_coaching",
        );
    }
    for day in ["01-07", "01-21", "02-04", "02-18"] {
        event(
            &mut store,
            "C2",
            "S1",
            &format!("2027-{day}T14:00:00"),
            45,
            "live_check_in",
        );
    }
    let stamp = Utc.with_ymd_and_hms(2027, 3, 3, 8, 0, 0).unwrap();
    let summary = export(
        &mut store,
        &out,
        Some(pilot.id),
        chrono_tz::UTC,
        date("2027-03-03"),
        stamp,
    )
    .unwrap();
    assert_eq!(summary.pairs.len(), 1);
    assert_eq!(
        (summary.pairs[0].first, summary.pairs[0].count),
        (date("2027-03-09"), 5)
    );
    assert_eq!(summary.time_zone, "UTC");
    let read = read_back(&out);
    assert_eq!(read["events"].as_array().unwrap().len(), 1);
    assert_eq!(read["events"][0]["tzid"], "UTC");
    assert_eq!(read["events"][0]["dates"].as_array().unwrap().len(), 5);
    // After the pilot's last session there is nothing left to put in a calendar.
    let late = export(
        &mut store,
        &out,
        Some(pilot.id),
        chrono_tz::UTC,
        date("2027-04-07"),
        stamp,
    )
    .unwrap_err();
    assert!(late.to_string().starts_with("Nothing to export"), "{late}");
}
