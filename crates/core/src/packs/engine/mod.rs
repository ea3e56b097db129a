//! The pack engine: lays a `PackDocument` out on A4 or US Letter pages with printpdf.

mod blocks;
mod canvas;
mod chart;
mod chrome;
mod flow;
mod fonts;
mod table;
mod theme;
mod wrap;

use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions, Pt};

use crate::error::{Error, Result};
use crate::model::PaperSize;

use super::document::PackDocument;
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
    &content_hash[..content_hash.len().min(16)]
}

fn geometry(paper: PaperSize) -> PageGeometry {
    match paper {
        PaperSize::A4 => PageGeometry {
            width: 595.28,
            height: 841.89,
        },
        PaperSize::Letter => PageGeometry {
            width: 612.0,
            height: 792.0,
        },
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
    for block in &doc.blocks {
        blocks::draw(&mut flow, block);
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
            PdfPage::new(
                Mm::from(Pt(geometry.width)),
                Mm::from(Pt(geometry.height)),
                canvas.ops,
            )
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
