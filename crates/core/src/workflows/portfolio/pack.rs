//! One person's portfolio as a PDF: loaded from the same view the window shows, built by a
//! pure function, rendered, saved whole or not at all, and recorded with its content hash.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{PackKind, PackRecord, PaperSize};
use crate::packs::portfolio::{build, PortfolioData};
use crate::packs::RenderedPack;
use crate::store::{settings, Store};
use crate::workflows::packs::{render_record, save as save_pack};

/// Lays out a person's portfolio pack as of `today`.
pub fn render(
    store: &Store,
    person_id: &str,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<(RenderedPack, PackRecord)> {
    let conn = store.conn();
    let portfolio = super::view::portfolio(store, person_id.trim(), today)?;
    let top_level = crate::store::skills::frameworks::levels(conn)?
        .values()
        .flat_map(|l| l.iter().map(|l| l.level))
        .max()
        .unwrap_or(4);
    let document = build(&PortfolioData {
        portfolio: &portfolio,
        top_level,
        check_in_weeks: super::check_ins::weeks(store)?,
        produced_on: today,
    });
    render_record(
        &document,
        PackKind::Portfolio,
        None,
        paper,
        &settings::load(conn)?,
    )
}

/// Renders a person's portfolio pack, writes it to `out` and records it.
pub fn save(
    store: &mut Store,
    person_id: &str,
    out: &Path,
    paper: Option<PaperSize>,
    today: NaiveDate,
) -> Result<PackRecord> {
    let (rendered, record) = render(store, person_id, paper, today)?;
    save_pack(store, rendered, record, out, "portfolio pack")
}
