use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{PackKind, PackRecord, PaperSize};
use crate::packs::{self, proposal, RenderedPack};
use crate::store::changes::{self, NewChange};
use crate::store::{people, settings, Store};

use super::timestamp_now;

/// Lays out the proposal pack for a pilot, as of `today`.
pub fn render_proposal(
    store: &Store,
    pilot_id: i64,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<(RenderedPack, PackRecord)> {
    let design = super::design::load_design(store, pilot_id, today)?;
    let settings = settings::load(store.conn())?;
    let history = changes::for_entity(store.conn(), "pilot", &pilot_id.to_string())?;
    let document = proposal::build(&proposal::ProposalData {
        design: &design,
        settings: &settings,
        changes: &history,
        people_on_record: people::count(store.conn())?,
        produced_on: today,
    });
    let pilot = &design.pilot;
    let paper = paper.unwrap_or(settings.paper_size);
    let rendered = packs::render(&document, paper)?;
    let record = PackRecord {
        id: 0,
        kind: PackKind::Proposal,
        pilot_id: Some(pilot.id),
        title: document.title.clone(),
        subject: document.subject.clone(),
        produced_at: timestamp_now(),
        produced_by: settings.current_user,
        content_hash: rendered.content_hash.clone(),
        pages: rendered.pages as u32,
        paper_size: paper,
        path: None,
    };
    Ok((rendered, record))
}

/// Renders the proposal pack, writes it to `out` and records it. The file appears whole or
/// not at all: it is written beside its destination and renamed into place.
pub fn save_proposal(
    store: &mut Store,
    pilot_id: i64,
    out: &Path,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<PackRecord> {
    let (rendered, mut record) = render_proposal(store, pilot_id, paper, today)?;
    write_atomically(out, &rendered.bytes)?;
    record.path = Some(out.display().to_string());

    let tx = store.write()?;
    record.id = crate::store::packs::insert(&tx, &record)?;
    changes::append(
        &tx,
        &record.produced_at,
        &NewChange {
            actor: &record.produced_by,
            entity: "pilot",
            entity_id: &pilot_id.to_string(),
            action: "pack_produced",
            summary: &format!(
                "Produced the proposal pack ({} pages, content hash {})",
                record.pages,
                packs::short_hash(&record.content_hash)
            ),
        },
    )?;
    tx.commit()?;
    Ok(record)
}

pub fn list_packs(store: &Store) -> Result<Vec<PackRecord>> {
    crate::store::packs::list(store.conn())
}

fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    let file_name = out
        .file_name()
        .ok_or_else(|| Error::invalid_field("out", "name a file to write, e.g. proposal.pdf"))?;
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent {
        if !parent.is_dir() {
            return Err(Error::invalid_field(
                "out",
                format!("the folder {} does not exist", parent.display()),
            ));
        }
    }
    let partial_name = format!(
        ".{}.partial-{}",
        file_name.to_string_lossy(),
        std::process::id()
    );
    let partial = match parent {
        Some(parent) => parent.join(partial_name),
        None => partial_name.into(),
    };
    let written = (|| {
        let mut file = std::fs::File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&partial, out)
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(Error::io(out, error));
    }
    Ok(())
}
