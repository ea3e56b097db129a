//! The demo's data: weekly KPI observations for the people of a pilot's teams, from months
//! before launch to the demo's day, with a known effect of coaching in the pilot teams; and
//! the coaching moments the pilot managers (and, less often, the comparison managers) log.
//! Seeded, so the same day gives the same data.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::error::Result;
use crate::model::{EventKind, EventSource, Kpi, Person};
use crate::store::events::{EventRecord, EventWriter};
use crate::store::imports::{self, NewImport};
use crate::store::observations::{ObservationRecord, ObservationWriter};
use crate::store::Store;

/// How a KPI's weekly values are drawn and what coaching does to them.
pub(crate) struct KpiShape {
    pub level: f64,
    pub person_spread: f64,
    pub noise: f64,
    /// The change coaching brings once it has run four weeks, in the KPI's unit.
    pub effect: f64,
}

/// One manager's team in a demo pilot.
pub(crate) struct DemoTeam<'a> {
    pub manager: &'a Person,
    pub reports: Vec<&'a Person>,
    pub coached: bool,
}

/// A normal draw by Box-Muller: the demo needs no statistics crate.
fn normal(rng: &mut ChaCha8Rng, mean: f64, sd: f64) -> f64 {
    let u1: f64 = rng.gen_range(f64::EPSILON..1.0);
    let u2: f64 = rng.gen();
    mean + sd * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

fn fridays(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut day = from;
    while day.weekday() != Weekday::Fri {
        day += Duration::days(1);
    }
    let mut days = Vec::new();
    while day <= to {
        days.push(day);
        day += Duration::days(7);
    }
    days
}

pub(super) struct PilotData<'a> {
    pub pilot_id: i64,
    pub start: NaiveDate,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub teams: &'a [DemoTeam<'a>],
    pub kpis: &'a [(Kpi, KpiShape)],
    /// Playbook tasks the pilot managers practise.
    pub tasks: &'a [i64],
    pub seed: u64,
    /// When the rows were "imported", stamped on the import record.
    pub imported_at: &'a str,
    pub actor: &'a str,
}

/// Writes a pilot's observations and coaching moments in one transaction, each set
/// recorded as an import for the data lineage.
pub(super) fn write_pilot_data(store: &mut Store, data: &PilotData) -> Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(data.seed);
    let tx = store.write()?;
    let observation_import = imports::insert(
        &tx,
        &NewImport {
            kind: "generated",
            file_name: "demo data: weekly KPI values from the CRM and the service desk",
            content_hash: &crate::hashing::sha256_hex(
                format!("demo kpis {} {}", data.pilot_id, data.seed).as_bytes(),
            ),
            at: data.imported_at,
            actor: data.actor,
        },
    )?;
    let mut writer = ObservationWriter::new(&tx, Some(observation_import))?;
    let mut rows = 0u32;
    let weeks = fridays(data.first_day, data.last_day);
    let ramp_up = data.start + Duration::days(28);
    for (kpi, shape) in data.kpis {
        for team in data.teams {
            let team_level = normal(&mut rng, shape.level, shape.person_spread / 2.0);
            for person in &team.reports {
                let person_level = normal(&mut rng, team_level, shape.person_spread);
                for day in &weeks {
                    if person.leaving_date.is_some_and(|left| *day > left) {
                        break;
                    }
                    // The effect builds over the first four weeks of coaching.
                    let effect = if team.coached && *day >= data.start {
                        let weeks_in = (*day - data.start).num_days() as f64;
                        let share = if *day >= ramp_up {
                            1.0
                        } else {
                            weeks_in / 28.0
                        };
                        shape.effect * share
                    } else {
                        0.0
                    };
                    let value = normal(&mut rng, person_level + effect, shape.noise);
                    writer.write(&ObservationRecord {
                        kpi_id: kpi.id,
                        person_id: Some(person.id.clone()),
                        team: None,
                        observed_on: *day,
                        value: (value * 10.0).round() / 10.0,
                    })?;
                    rows += 1;
                }
            }
        }
    }
    drop(writer);
    imports::set_counts(&tx, observation_import, rows, rows, 0, 0)?;

    let event_import = imports::insert(
        &tx,
        &NewImport {
            kind: "generated",
            file_name: "demo data: coaching moments logged by managers",
            content_hash: &crate::hashing::sha256_hex(
                format!("demo events {} {}", data.pilot_id, data.seed).as_bytes(),
            ),
            at: data.imported_at,
            actor: data.actor,
        },
    )?;
    let mut writer = EventWriter::new(&tx, EventSource::Import, Some(event_import))?;
    let mut events = 0u32;
    let mut day = data.start;
    let last = data.last_day;
    while day <= last {
        if day.weekday().num_days_from_monday() < 5 {
            for team in data.teams {
                for person in &team.reports {
                    if person.leaving_date.is_some_and(|left| day > left) {
                        continue;
                    }
                    // Pilot managers coach each person about twice a week; the comparison
                    // group's managers about once a fortnight, as before the pilot.
                    let chance = if team.coached { 0.42 } else { 0.1 };
                    if !rng.gen_bool(chance) {
                        continue;
                    }
                    let hour = rng.gen_range(8..17);
                    let minute = [0, 15, 30, 45][rng.gen_range(0..4)];
                    let kind = if team.coached && rng.gen_bool(0.15) {
                        EventKind::AiAgenda
                    } else if rng.gen_bool(0.1) {
                        EventKind::LiveCheckIn
                    } else {
                        EventKind::MicroCoaching
                    };
                    let task = (team.coached && !data.tasks.is_empty())
                        .then(|| data.tasks[rng.gen_range(0..data.tasks.len())]);
                    let mut bytes = [0u8; 16];
                    rng.fill(&mut bytes);
                    writer.write(&EventRecord {
                        uid: uuid::Builder::from_random_bytes(bytes)
                            .into_uuid()
                            .hyphenated()
                            .to_string(),
                        manager_id: team.manager.id.clone(),
                        coachee_id: Some(person.id.clone()),
                        occurred_at: day
                            .and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default()),
                        minutes: [10, 10, 15, 15, 20][rng.gen_range(0..5)],
                        kind,
                        pilot_id: team.coached.then_some(data.pilot_id),
                        task_id: task,
                        notes: String::new(),
                    })?;
                    events += 1;
                }
            }
        }
        day += Duration::days(1);
    }
    writer.finish()?;
    imports::set_counts(&tx, event_import, events, events, 0, 0)?;
    tx.commit()?;
    Ok(())
}
