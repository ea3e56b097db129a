//! The pack engine: lays a `PackDocument` out on A4 or US Letter pages with printpdf.

mod blocks;
pub(crate) mod canvas;
pub(crate) mod charts;
mod chrome;
pub(crate) mod flow;
pub(crate) mod fonts;
mod table;
pub(crate) mod theme;
pub(crate) mod wrap;

use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions, Pt};

use crate::error::{Error, Result};
use crate::model::PaperSize;

use super::document::{Block, PackDocument};
use chrome::PageChrome;
use flow::{Flow, PageGeometry};
use fonts::Fonts;

/// A finished PDF and what identifies it.
pub struct RenderedPack {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub content_hash: String,
}

/// The first 16 hex digits: enough to find a printed copy's record, short enough to read out.
pub fn short_hash(content_hash: &str) -> &str {
    crate::hashing::short(content_hash, 16)
}

/// Page sizes in millimetres, as the standards define them; the layout works in points.
fn paper_mm(paper: PaperSize) -> (f32, f32) {
    match paper {
        PaperSize::A4 => (210.0, 297.0),
        PaperSize::Letter => (215.9, 279.4),
    }
}

pub(crate) fn geometry(paper: PaperSize) -> PageGeometry {
    let (width, height) = paper_mm(paper);
    PageGeometry {
        width: Pt::from(Mm(width)).0,
        height: Pt::from(Mm(height)).0,
    }
}

pub fn render(doc: &PackDocument, paper: PaperSize) -> Result<RenderedPack> {
    let mut pdf = PdfDocument::new(&format!("{}: {}", doc.title, doc.subject));
    pdf.metadata.info.subject = doc.subject.clone();
    pdf.metadata.info.author = "Pilotdesk".into();
    pdf.metadata.info.creator = "Pilotdesk".into();
    let fonts = Fonts::embed(&mut pdf)?;
    let geometry = geometry(paper);

    let mut flow = Flow::new(&fonts, geometry);
    // A draft carries no signature lines, nor the heading that would introduce them.
    let printed: Vec<&Block> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(index, block)| {
            let signing = matches!(block, Block::Signatures(_))
                || (matches!(block, Block::Subheading(_) | Block::Heading(_))
                    && matches!(doc.blocks.get(index + 1), Some(Block::Signatures(_))));
            !(doc.draft && signing)
        })
        .map(|(_, block)| block)
        .collect();
    for (index, block) in printed.iter().enumerate() {
        blocks::draw(&mut flow, block, &printed[index + 1..]);
    }
    let canvases = flow.finish();

    let content_hash = doc.content_hash();
    let chrome = PageChrome {
        doc,
        short_hash: short_hash(&content_hash),
        geometry,
    };
    let total = canvases.len();
    let pages: Vec<PdfPage> = canvases
        .into_iter()
        .enumerate()
        .map(|(index, mut canvas)| {
            chrome.draw(&mut canvas, &fonts, index + 1, total);
            let (width, height) = paper_mm(paper);
            PdfPage::new(Mm(width), Mm(height), canvas.ops)
        })
        .collect();

    let mut warnings = Vec::new();
    let bytes = pdf
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings);
    if bytes.is_empty() {
        return Err(Error::Pack("the PDF writer produced no output".into()));
    }
    Ok(RenderedPack {
        bytes,
        pages: total,
        content_hash,
    })
}
