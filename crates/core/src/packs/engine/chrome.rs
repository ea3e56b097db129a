//! What every page carries: the pack title and date on top; the pilot, the content hash and
//! "page N of M" at the foot.

use crate::packs::document::PackDocument;

use super::canvas::{Canvas, Style};
use super::flow::PageGeometry;
use super::fonts::{Fonts, Weight};
use super::theme;
use crate::packs::dates::long_date;

pub struct PageChrome<'a> {
    pub doc: &'a PackDocument,
    pub short_hash: &'a str,
    pub geometry: PageGeometry,
}

impl PageChrome<'_> {
    pub fn draw(&self, canvas: &mut Canvas, fonts: &Fonts, page: usize, pages: usize) {
        let left = theme::MARGIN_SIDE;
        let right = self.geometry.width - theme::MARGIN_SIDE;
        let top = self.geometry.height - 38.0;
        let size = theme::SMALL;

        canvas.fill_rect(left, top - 1.0, 9.0, 9.0, theme::BRAND);
        canvas.text(
            fonts,
            Style::new(Weight::Bold, size + 0.5, theme::INK),
            left + 14.0,
            top,
            &self.doc.title,
        );
        let produced = format!("Produced {}", long_date(self.doc.produced_on));
        canvas.text_right(
            fonts,
            Style::new(Weight::Regular, size, theme::MUTED),
            right,
            top,
            &produced,
        );
        canvas.line((left, top - 9.0), (right, top - 9.0), 0.6, theme::RULE);

        let foot = 30.0;
        canvas.line((left, foot + 12.0), (right, foot + 12.0), 0.6, theme::RULE);
        let pilot = format!("Pilot: {}", self.doc.subject);
        let page_text = format!("page {page} of {pages}");
        let hash_text = format!("content hash {}", self.short_hash);
        let room_for_pilot = right
            - left
            - fonts.width(Weight::Regular, size, &page_text)
            - fonts.width(Weight::Regular, size, &hash_text)
            - 40.0;
        canvas.text(
            fonts,
            Style::new(Weight::Regular, size, theme::MUTED),
            left,
            foot,
            &truncate(fonts, size, room_for_pilot, &pilot),
        );
        let centre = right - fonts.width(Weight::Regular, size, &page_text) - 24.0;
        canvas.text_right(
            fonts,
            Style::new(Weight::Regular, size, theme::MUTED),
            centre,
            foot,
            &hash_text,
        );
        canvas.text_right(
            fonts,
            Style::new(Weight::Bold, size, theme::INK),
            right,
            foot,
            &page_text,
        );
    }
}

/// Shortens text with an ellipsis so it fits `width`.
fn truncate(fonts: &Fonts, size: f32, width: f32, text: &str) -> String {
    if fonts.width(Weight::Regular, size, text) <= width {
        return text.to_string();
    }
    let mut shortened: String = text.to_string();
    while !shortened.is_empty()
        && fonts.width(Weight::Regular, size, &format!("{shortened}…")) > width
    {
        shortened.pop();
    }
    format!("{}…", shortened.trim_end())
}
