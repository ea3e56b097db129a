use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{ItemKind, PackKind, PackRecord, PaperSize};
use crate::packs::approval::ApprovalPage;
use crate::packs::{self, decision, proposal, PackDocument, RenderedPack};
use crate::store::changes::{self, NewChange};
use crate::store::{decision_log, decisions, items, people, settings, steering, votes, Store};

use super::timestamp_now;

mod results;

pub use results::{
    outcome_html, render_monthly, render_outcome, save_monthly, save_outcome, teams_csv_path,
    OutcomePack,
};

/// Lays out the proposal pack for a pilot, as of `today`, with the steering group's
/// approval page as it stands.
pub fn render_proposal(
    store: &Store,
    pilot_id: i64,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<(RenderedPack, PackRecord)> {
    render_proposal_with(store, pilot_id, paper, today, None)
}

/// The proposal, naming the roster's CSV when the cohort is too long to print.
fn render_proposal_with(
    store: &Store,
    pilot_id: i64,
    paper: Option<PaperSize>,
    today: NaiveDate,
    roster_file: Option<&str>,
) -> Result<(RenderedPack, PackRecord)> {
    let conn = store.conn();
    let design = super::design::load_design(store, pilot_id, today)?;
    let settings = settings::load(conn)?;
    let history = changes::for_entity(conn, "pilot", &pilot_id.to_string())?;
    let rule = steering::rule(conn)?;
    let members = steering::members(conn)?;
    let approval = items::for_pilot(conn, pilot_id)?
        .into_iter()
        .rev()
        .find(|i| i.kind == ItemKind::Approval);
    let (item_votes, recusals, status, decision) = match &approval {
        Some(item) => (
            votes::for_item(conn, item.id)?,
            votes::recusals(conn, item.id)?,
            Some(super::review::status_of(conn, item.id, item.kind)?),
            match item.decision_id {
                Some(id) => Some(decisions::get(conn, id)?),
                None => None,
            },
        ),
        None => (Vec::new(), Vec::new(), None, None),
    };
    let facts = crate::store::analytics::team_facts::team_facts(
        conn,
        pilot_id,
        design.pilot.start_date,
        design.kpis.first(),
    )?;
    let (kpi_label, unit) = design
        .kpis
        .first()
        .map_or((String::new(), String::new()), |k| {
            (k.name.clone(), k.unit.clone())
        });
    let balance = crate::metrics::analytics::balance::balance(
        &facts,
        &kpi_label,
        &unit,
        settings.min_group_size,
    );
    let roster = match roster_file {
        Some(file) if design.cohort.members.len() > proposal::ROSTER_ROWS_IN_PACK => {
            proposal::Roster::Beside(file.to_string())
        }
        _ => proposal::Roster::InAppendix,
    };
    let skills = crate::workflows::skills::report::proposal_plan(conn, pilot_id, today)?;
    let document = proposal::build(&proposal::ProposalData {
        skills: &skills,
        design: &design,
        balance: &balance,
        roster,
        settings: &settings,
        changes: &history,
        people_on_record: people::count(conn)?,
        produced_on: today,
        approval: ApprovalPage {
            rule: &rule,
            members: &members,
            votes: &item_votes,
            recusals: &recusals,
            status: status.as_ref(),
            decision: decision.as_ref(),
        },
    });
    render_record(
        &document,
        PackKind::Proposal,
        Some(design.pilot.id),
        paper,
        &settings,
    )
}

pub(crate) fn render_record(
    document: &PackDocument,
    kind: PackKind,
    pilot_id: Option<i64>,
    paper: Option<PaperSize>,
    settings: &crate::model::WorkspaceSettings,
) -> Result<(RenderedPack, PackRecord)> {
    let paper = paper.unwrap_or(settings.paper_size);
    let rendered = packs::render(document, paper)?;
    let record = PackRecord {
        id: 0,
        kind,
        pilot_id,
        title: document.title.clone(),
        subject: document.subject.clone(),
        produced_at: timestamp_now(),
        produced_by: settings.current_user.clone(),
        content_hash: rendered.content_hash.clone(),
        pages: rendered.pages as u32,
        paper_size: paper,
        path: None,
    };
    Ok((rendered, record))
}

/// Writes a rendered pack to `out` and records it. The file appears whole or not at all:
/// it is written beside its destination and renamed into place.
pub(crate) fn save(
    store: &mut Store,
    rendered: RenderedPack,
    mut record: PackRecord,
    out: &Path,
    what: &str,
) -> Result<PackRecord> {
    write_atomically(out, &rendered.bytes)?;
    record.path = Some(out.display().to_string());
    // Printing a pack changes nothing a dashboard reads, so it keeps them current.
    let tx = store.write_derived()?;
    record.id = crate::store::packs::insert(&tx, &record)?;
    if let Some(pilot_id) = record.pilot_id {
        changes::append(
            &tx,
            &record.produced_at,
            &NewChange {
                actor: &record.produced_by,
                entity: "pilot",
                entity_id: &pilot_id.to_string(),
                action: "pack_produced",
                summary: &format!(
                    "Produced the {what} ({} page{}, content hash {})",
                    record.pages,
                    if record.pages == 1 { "" } else { "s" },
                    packs::short_hash(&record.content_hash)
                ),
            },
        )?;
    }
    tx.commit()?;
    Ok(record)
}

/// Renders the proposal pack, writes it to `out` and records it.
pub fn save_proposal(
    store: &mut Store,
    pilot_id: i64,
    out: &Path,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<PackRecord> {
    let csv = results::beside(out, "cohort");
    let csv_name = csv
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (rendered, record) = render_proposal_with(store, pilot_id, paper, today, Some(&csv_name))?;
    let cohort = crate::store::cohort::load(store.conn(), pilot_id)?;
    if cohort.members.len() > proposal::ROSTER_ROWS_IN_PACK {
        crate::export::cohort::write_cohort_csv(&cohort, &csv)?;
    }
    save(store, rendered, record, out, "proposal pack")
}

/// Lays out the one-page record of a decision.
pub fn render_decision(
    store: &Store,
    decision_id: i64,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<(RenderedPack, PackRecord)> {
    let conn = store.conn();
    let recorded = decisions::get(conn, decision_id)?;
    let settings = settings::load(conn)?;
    let (subject, counted, recusals) = match recorded.item_id {
        Some(item_id) => {
            let item = items::get(conn, item_id)?;
            let counted: Vec<_> = votes::for_item(conn, item_id)?
                .into_iter()
                .filter(|v| !v.superseded && !v.recused)
                .collect();
            (Some(item.subject), counted, votes::recusals(conn, item_id)?)
        }
        None => (None, Vec::new(), Vec::new()),
    };
    let log_entry = decision_log::get(conn, recorded.log_id)?;
    let verdict = super::audit::verify(store)?;
    let document = decision::build(&decision::DecisionData {
        decision: &recorded,
        subject: subject.as_deref(),
        votes: &counted,
        recusals: &recusals,
        log_entry: log_entry.as_ref(),
        verdict: &verdict,
        currency: &settings.currency,
        produced_on: today,
    });
    render_record(
        &document,
        PackKind::Decision,
        Some(recorded.pilot_id),
        paper,
        &settings,
    )
}

/// Renders a decision record, writes it to `out` and records it.
pub fn save_decision(
    store: &mut Store,
    decision_id: i64,
    out: &Path,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<PackRecord> {
    let (rendered, record) = render_decision(store, decision_id, paper, today)?;
    save(
        store,
        rendered,
        record,
        out,
        &format!("record of decision {decision_id}"),
    )
}

pub fn list_packs(store: &Store) -> Result<Vec<PackRecord>> {
    crate::store::packs::list(store.conn())
}

/// The file a recorded pack was saved to, for opening it or showing it in its folder. Only
/// files Pilotdesk itself saved as packs are offered, so the window cannot ask for others.
pub fn saved_file(store: &Store, pack_id: i64) -> Result<std::path::PathBuf> {
    let record = crate::store::packs::get(store.conn(), pack_id)?;
    let Some(path) = record.path else {
        return Err(Error::Conflict(format!(
            "pack {pack_id} (\"{}\") was produced without being saved to a file",
            record.title
        )));
    };
    let path = std::path::PathBuf::from(path);
    if !path.is_file() {
        return Err(Error::Conflict(format!(
            "{} is no longer there: it was moved or deleted after Pilotdesk saved it; the \
             pack's record and content hash are kept",
            path.display()
        )));
    }
    Ok(path)
}

pub(crate) fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    crate::export::destination::write_whole(out, bytes)
}
