//! The running pilot's AI-assisted agendas: one per "AI-assisted agenda" moment its
//! managers logged, written by the offline generator and decided the way two different
//! managers would, so the calibration page has a story: one manager edits and sometimes
//! rejects, the other accepts nearly everything unedited.

use chrono::NaiveDateTime;

use crate::error::Result;
use crate::metrics::agenda::change::change_share;
use crate::model::agenda::{AgendaRequest, AgendaSource, AgendaStatus, RejectReason};
use crate::store::agenda::{agendas, settings};
use crate::store::events::parse_time;
use crate::store::Store;
use crate::workflows::agenda::compose::{basis, compose, minutes};
use crate::workflows::agenda::gather::gather;

struct Moment {
    manager: String,
    coachee: String,
    task: Option<i64>,
    at: NaiveDateTime,
}

fn moments(store: &Store, pilot_id: i64) -> Result<Vec<Moment>> {
    let mut statement = store.conn().prepare(
        "SELECT manager_id, coachee_id, task_id, occurred_at FROM coaching_events
         WHERE pilot_id = ?1 AND kind = 'ai_agenda' AND coachee_id IS NOT NULL
         ORDER BY occurred_at, id",
    )?;
    let rows = statement.query_map([pilot_id], |row| {
        let at: String = row.get(3)?;
        Ok(Moment {
            manager: row.get(0)?,
            coachee: row.get(1)?,
            task: row.get(2)?,
            at: parse_time(&at)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn seed(store: &mut Store, pilot_id: i64) -> Result<()> {
    let moments = moments(store, pilot_id)?;
    let rules = settings::load(store.conn())?;
    let mut managers: Vec<String> = moments.iter().map(|m| m.manager.clone()).collect();
    managers.sort();
    managers.dedup();
    let author = crate::store::settings::load(store.conn())?.current_user;
    let mut made = Vec::new();
    for moment in &moments {
        let request = AgendaRequest {
            manager_id: moment.manager.clone(),
            coachee_id: moment.coachee.clone(),
            pilot_id: Some(pilot_id),
            task_id: moment.task,
            ..AgendaRequest::default()
        };
        let (facts, _) = gather(store, &request, &rules, moment.at.date())?;
        made.push((moment, facts));
    }
    let tx = store.write()?;
    let mut decided: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (moment, facts) in made {
        // Each manager's own count, so their habits do not depend on the other's diary.
        let n = {
            let count = decided.entry(moment.manager.as_str()).or_default();
            *count += 1;
            *count
        };
        let items = compose(&facts);
        let at = moment
            .at
            .and_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let id = agendas::insert(
            &tx,
            &agendas::NewAgenda {
                manager_id: &moment.manager,
                coachee_id: &moment.coachee,
                pilot_id: Some(pilot_id),
                task_id: facts.task.as_ref().map(|t| t.id),
                task: facts.task.as_ref().map(|t| t.behaviour.as_str()),
                context: facts.context,
                minutes: minutes(&items),
                basis: &basis(&facts),
                source: AgendaSource::Offline,
                source_note: "",
                items: &items,
                created_at: &at,
                created_by: &author,
            },
        )?;
        let careful = managers.first() == Some(&moment.manager);
        let (status, reason) = match (careful, n % 5, n % 12) {
            (true, 0, _) => (
                AgendaStatus::Rejected,
                Some(RejectReason::ALL[(n / 5) % RejectReason::ALL.len()]),
            ),
            (true, 1 | 2, _) => (AgendaStatus::Edited, None),
            (false, _, 7) => (AgendaStatus::Edited, None),
            _ => (AgendaStatus::Accepted, None),
        };
        let mut share = None;
        if status == AgendaStatus::Edited {
            let (position, suggested) = items
                .iter()
                .enumerate()
                .find(|(_, (kind, _))| *kind == crate::model::agenda::AgendaItemKind::Prompt)
                .map(|(i, (_, text))| (i as u32 + 1, text.clone()))
                .unwrap_or((1, items[0].1.clone()));
            let kept = format!("{suggested} Ask for one real example from this week.");
            agendas::set_item_text(&tx, id, position, &kept)?;
            let pairs: Vec<(&str, &str)> = items
                .iter()
                .enumerate()
                .map(|(i, (_, text))| {
                    if i as u32 + 1 == position {
                        (text.as_str(), kept.as_str())
                    } else {
                        (text.as_str(), text.as_str())
                    }
                })
                .collect();
            share = Some(change_share(&pairs));
        }
        agendas::decide(
            &tx,
            id,
            &agendas::Decision {
                status,
                change_share: share,
                reject_reason: reason,
                reject_note: "",
                at: &at,
                by: &author,
            },
        )?;
    }
    tx.commit()?;
    Ok(())
}
