use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::Result;
use crate::model::agenda::{
    Agenda, AgendaContext, AgendaItem, AgendaItemKind, AgendaOutcome, AgendaSource, AgendaStatus,
    AgendaSummary, RejectReason,
};

pub struct NewAgenda<'a> {
    pub manager_id: &'a str,
    pub coachee_id: &'a str,
    pub pilot_id: Option<i64>,
    pub task_id: Option<i64>,
    pub task: Option<&'a str>,
    pub context: AgendaContext,
    pub minutes: u32,
    pub basis: &'a [String],
    pub source: AgendaSource,
    pub source_note: &'a str,
    pub items: &'a [(AgendaItemKind, String)],
    pub created_at: &'a str,
    pub created_by: &'a str,
}

pub fn insert(tx: &Transaction, agenda: &NewAgenda) -> Result<i64> {
    tx.execute(
        "INSERT INTO agendas (manager_id, coachee_id, pilot_id, task_id, task, context, minutes,
                              basis_json, source, source_note, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            agenda.manager_id,
            agenda.coachee_id,
            agenda.pilot_id,
            agenda.task_id,
            agenda.task,
            agenda.context.as_str(),
            agenda.minutes,
            serde_json::to_string(agenda.basis).unwrap_or_else(|_| "[]".into()),
            agenda.source.as_str(),
            agenda.source_note,
            agenda.created_at,
            agenda.created_by,
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut statement = tx.prepare(
        "INSERT INTO agenda_items (agenda_id, position, kind, suggested, text)
         VALUES (?1, ?2, ?3, ?4, ?4)",
    )?;
    for (index, (kind, text)) in agenda.items.iter().enumerate() {
        statement.execute(params![id, index as i64 + 1, kind.as_str(), text])?;
    }
    Ok(id)
}

pub fn set_item_text(tx: &Transaction, agenda_id: i64, position: u32, text: &str) -> Result<()> {
    tx.execute(
        "UPDATE agenda_items SET text = ?3 WHERE agenda_id = ?1 AND position = ?2",
        params![agenda_id, position, text],
    )?;
    Ok(())
}

pub struct Decision<'a> {
    pub status: AgendaStatus,
    pub change_share: Option<f64>,
    pub reject_reason: Option<RejectReason>,
    pub reject_note: &'a str,
    pub at: &'a str,
    pub by: &'a str,
}

pub fn decide(tx: &Transaction, agenda_id: i64, decision: &Decision) -> Result<()> {
    tx.execute(
        "UPDATE agendas SET status = ?2, change_share = ?3, reject_reason = ?4, reject_note = ?5,
                            decided_at = ?6, decided_by = ?7
         WHERE id = ?1",
        params![
            agenda_id,
            decision.status.as_str(),
            decision.change_share,
            decision.reject_reason.map(RejectReason::as_str),
            decision.reject_note,
            decision.at,
            decision.by,
        ],
    )?;
    Ok(())
}

const VIEW: &str = "SELECT a.id, a.manager_id, m.name, a.coachee_id, c.name, a.pilot_id, p.name,
           a.task_id, a.task, a.context, a.minutes, a.basis_json, a.source, a.source_note,
           a.status, a.change_share, a.reject_reason, a.reject_note, a.created_at,
           a.decided_at, a.decided_by
    FROM agendas a
    JOIN people m ON m.id = a.manager_id
    JOIN people c ON c.id = a.coachee_id
    LEFT JOIN pilots p ON p.id = a.pilot_id";

fn from_row(row: &Row) -> rusqlite::Result<Agenda> {
    let context: String = row.get(9)?;
    let basis: String = row.get(11)?;
    let source: String = row.get(12)?;
    let status: String = row.get(14)?;
    let reason: Option<String> = row.get(16)?;
    Ok(Agenda {
        id: row.get(0)?,
        manager_id: row.get(1)?,
        manager_name: row.get(2)?,
        coachee_id: row.get(3)?,
        coachee_name: row.get(4)?,
        pilot_id: row.get(5)?,
        pilot_name: row.get(6)?,
        task_id: row.get(7)?,
        task: row.get(8)?,
        context: AgendaContext::parse(&context).unwrap_or(AgendaContext::Onboarding),
        minutes: row.get(10)?,
        items: Vec::new(),
        basis: serde_json::from_str(&basis).unwrap_or_default(),
        source: AgendaSource::parse(&source).unwrap_or(AgendaSource::Offline),
        source_note: row.get(13)?,
        status: AgendaStatus::parse(&status).unwrap_or(AgendaStatus::Open),
        change_share: row.get(15)?,
        reject_reason: reason.as_deref().and_then(RejectReason::parse),
        reject_note: row.get(17)?,
        created_at: row.get(18)?,
        decided_at: row.get(19)?,
        decided_by: row.get(20)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Agenda>> {
    let Some(mut agenda) = conn
        .query_row(&format!("{VIEW} WHERE a.id = ?1"), [id], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    let mut statement = conn.prepare(
        "SELECT position, kind, text, suggested FROM agenda_items
         WHERE agenda_id = ?1 ORDER BY position",
    )?;
    agenda.items = statement
        .query_map([id], |row| {
            let kind: String = row.get(1)?;
            Ok(AgendaItem {
                position: row.get(0)?,
                kind: AgendaItemKind::parse(&kind).unwrap_or(AgendaItemKind::Prompt),
                text: row.get(2)?,
                suggested: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(agenda))
}

/// Newest first; `limit` keeps the list a list.
pub fn list(conn: &Connection, manager_id: Option<&str>, limit: u32) -> Result<Vec<AgendaSummary>> {
    let mut statement = conn.prepare(&format!(
        "{VIEW} WHERE ?1 IS NULL OR a.manager_id = ?1 ORDER BY a.created_at DESC, a.id DESC LIMIT ?2"
    ))?;
    let rows = statement.query_map(params![manager_id, limit], from_row)?;
    let mut summaries = Vec::new();
    for agenda in rows {
        let agenda = agenda?;
        summaries.push(AgendaSummary {
            id: agenda.id,
            manager_name: agenda.manager_name,
            coachee_name: agenda.coachee_name,
            task: agenda.task,
            context: agenda.context,
            source: agenda.source,
            status: agenda.status,
            created_at: agenda.created_at,
        });
    }
    Ok(summaries)
}

/// Agendas made up to and including `until` (a date, YYYY-MM-DD), of one pilot or all.
pub fn decisions(
    conn: &Connection,
    pilot_id: Option<i64>,
    until: Option<&str>,
) -> Result<Vec<AgendaOutcome>> {
    let mut statement = conn.prepare(
        "SELECT a.manager_id, m.name, a.context, a.status, a.change_share, a.reject_reason
         FROM agendas a JOIN people m ON m.id = a.manager_id
         WHERE (?1 IS NULL OR a.pilot_id = ?1) AND (?2 IS NULL OR substr(a.created_at, 1, 10) <= ?2)
         ORDER BY a.id",
    )?;
    let rows = statement.query_map(params![pilot_id, until], |row| {
        let context: String = row.get(2)?;
        let status: String = row.get(3)?;
        let reason: Option<String> = row.get(5)?;
        Ok(AgendaOutcome {
            manager_id: row.get(0)?,
            manager_name: row.get(1)?,
            context: AgendaContext::parse(&context).unwrap_or(AgendaContext::Onboarding),
            status: AgendaStatus::parse(&status).unwrap_or(AgendaStatus::Open),
            change_share: row.get(4)?,
            reject_reason: reason.as_deref().and_then(RejectReason::parse),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
