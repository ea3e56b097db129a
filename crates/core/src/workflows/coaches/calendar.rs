//! Each coaching pair's cadence as a calendar (RFC 5545): the usual weekday and time and
//! the median length read from their recent sessions, weekly or fortnightly, continued as
//! a recurring entry in the workspace's time zone. Each pair keeps its UID, so importing a
//! re-export updates the entries rather than adding second ones.

use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::export::ics::{self, IcsEvent};
use crate::metrics::coaches::cadence::{self, Cadence};
use crate::model::coaches::{CalendarExport, CalendarPair, SkippedPair};
use crate::store::coaches::facts::{pair_sessions, PairSessions};
use crate::store::{pilots, Store};

/// How far back a pair's sessions are read: a cadence is what they do now.
pub const LOOKBACK_WEEKS: i64 = 12;
/// How far ahead a series runs when no pilot bounds it.
pub const HORIZON_WEEKS: i64 = 12;

const PRODUCT: &str = "-//Pilotdesk//Coaching cadences//EN";

/// The workspace's time zone: the TZ environment variable, else /etc/timezone, else the
/// zone /etc/localtime points at; UTC when none names a zone Pilotdesk knows.
pub fn workspace_zone() -> Tz {
    let from_env = std::env::var("TZ").ok();
    let from_file = || std::fs::read_to_string("/etc/timezone").ok();
    let from_link = || {
        std::fs::read_link("/etc/localtime")
            .ok()
            .and_then(|target| {
                let text = target.to_string_lossy().to_string();
                text.split_once("zoneinfo/")
                    .map(|(_, name)| name.to_string())
            })
    };
    [from_env, from_file(), from_link()]
        .into_iter()
        .flatten()
        .find_map(|name| zone_named(&name))
        .unwrap_or(Tz::UTC)
}

/// A zone by its IANA name, as TZ may write it (":Europe/London").
pub fn zone_named(name: &str) -> Option<Tz> {
    name.trim().trim_start_matches(':').parse().ok()
}

/// Everything about one pair's entry.
struct Planned {
    pair: CalendarPair,
    event: IcsEvent,
}

fn plan(
    pair: &PairSessions,
    cadence: &Cadence,
    first: NaiveDate,
    count: u32,
    zone: Tz,
    workspace_key: &str,
    stamp: DateTime<Utc>,
) -> Result<Planned> {
    let local = first.and_time(cadence.time);
    // A start the clock change skips (02:30 on the spring-forward night) moves to the
    // first moment that exists.
    let start = zone
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            zone.from_local_datetime(&(local + Duration::hours(1)))
                .earliest()
        })
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| Error::Conflict(format!("{local} does not exist in {}", zone.name())))?;
    let uid = ics::pair_uid(&pair.coach_id, &pair.coachee_id, workspace_key);
    let weekday = first.format("%A").to_string();
    let time = cadence.time.format("%H:%M").to_string();
    let every = if cadence.interval_weeks == 1 {
        "weekly"
    } else {
        "fortnightly"
    };
    Ok(Planned {
        event: IcsEvent {
            uid: uid.clone(),
            summary: format!("Coaching: {} with {}", pair.coach_name, pair.coachee_name),
            description: format!(
                "{} on {weekday}s at {time} for {} min, as read from {} sessions in the \
                 {LOOKBACK_WEEKS} weeks before the export. Exported by Pilotdesk; a later \
                 export updates this entry.",
                capitalised(every),
                cadence.minutes,
                pair.sessions.len()
            ),
            location: None,
            start,
            minutes: cadence.minutes,
            rrule: Some(cadence::rrule(cadence, count)),
            stamp,
            zone: Some(zone),
        },
        pair: CalendarPair {
            uid,
            coach_id: pair.coach_id.clone(),
            coach_name: pair.coach_name.clone(),
            coachee_id: pair.coachee_id.clone(),
            coachee_name: pair.coachee_name.clone(),
            weekday,
            time,
            minutes: cadence.minutes,
            interval_weeks: cadence.interval_weeks,
            first,
            count,
            sessions: pair.sessions.len() as u32,
        },
    })
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// The calendar of every pair coaching now (one pilot's when `pilot_id` is given): its
/// text and what it holds. `today` bounds the sessions read; the series start on or after
/// it. A pilot's series end with the pilot; others run `HORIZON_WEEKS` weeks.
pub fn calendar(
    store: &mut Store,
    pilot_id: Option<i64>,
    zone: Tz,
    today: NaiveDate,
    stamp: DateTime<Utc>,
) -> Result<(String, CalendarExport)> {
    let until_pilot = match pilot_id {
        Some(id) => Some(pilots::get(store.conn(), id)?),
        None => None,
    };
    let key = crate::workflows::agenda::outputs::workspace_key(store)?;
    let from = today - Duration::weeks(LOOKBACK_WEEKS);
    let pairs = pair_sessions(store.conn(), from, today, pilot_id)?;
    let mut planned = Vec::new();
    let mut skipped = Vec::new();
    for pair in &pairs {
        let skip = |reason: String| SkippedPair {
            coach_name: pair.coach_name.clone(),
            coachee_name: pair.coachee_name.clone(),
            reason,
        };
        let cadence = match cadence::cadence(&pair.sessions) {
            Ok(c) => c,
            Err(reason) => {
                skipped.push(skip(reason));
                continue;
            }
        };
        let last = pair.sessions.last().map_or(today, |s| s.at.date());
        let first = cadence::first_session(&cadence, last, today);
        let until = match &until_pilot {
            Some(pilot) => pilot.end_date,
            None => first + Duration::weeks(HORIZON_WEEKS) - Duration::days(1),
        };
        let count = cadence::sessions_until(&cadence, first, until);
        if count == 0 {
            skipped.push(skip(format!(
                "the pilot ends on {}, before the next session",
                crate::packs::dates::long_date(until)
            )));
            continue;
        }
        planned.push(plan(pair, &cadence, first, count, zone, &key, stamp)?);
    }
    if planned.is_empty() {
        let why = if pairs.is_empty() {
            format!(
                "no coaching pair met in the last {LOOKBACK_WEEKS} weeks{}",
                if pilot_id.is_some() {
                    " in this pilot"
                } else {
                    ""
                }
            )
        } else {
            format!(
                "no pair has a weekly or fortnightly cadence yet ({} with sessions; a cadence \
                 needs {} sessions in the last {LOOKBACK_WEEKS} weeks)",
                pairs.len(),
                cadence::MIN_SESSIONS
            )
        };
        return Err(Error::Conflict(format!("Nothing to export: {why}")));
    }
    let events: Vec<IcsEvent> = planned.iter().map(|p| p.event.clone()).collect();
    let text = ics::calendar(PRODUCT, &events);
    Ok((
        text,
        CalendarExport {
            path: String::new(),
            time_zone: zone.name().to_string(),
            pairs: planned.into_iter().map(|p| p.pair).collect(),
            skipped,
        },
    ))
}

/// Writes the calendar where `path` says, whole or not at all.
pub fn export(
    store: &mut Store,
    path: &Path,
    pilot_id: Option<i64>,
    zone: Tz,
    today: NaiveDate,
    stamp: DateTime<Utc>,
) -> Result<CalendarExport> {
    let (text, mut summary) = calendar(store, pilot_id, zone, today, stamp)?;
    crate::workflows::agenda::outputs::write_whole(path, text.as_bytes())?;
    summary.path = path.display().to_string();
    Ok(summary)
}
