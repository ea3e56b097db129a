//! What every page carries: the pack title and date on top; the pilot (or the person), the
//! content hash and "page N of M" at the foot.

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

        if self.doc.draft {
            self.watermark(canvas, fonts);
        }
        canvas.fill_rect(left, top - 1.0, 9.0, 9.0, theme::BRAND);
        let title_style = Style::new(Weight::Bold, size + 0.5, theme::INK);
        canvas.text(fonts, title_style, left + 14.0, top, &self.doc.title);
        if self.doc.draft {
            let title_width = fonts.width(Weight::Bold, size + 0.5, &self.doc.title);
            draft_badge(canvas, fonts, left + 14.0 + title_width + 8.0, top);
        }
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
        let pilot = format!(
            "{}: {}",
            self.doc.subject_label.as_deref().unwrap_or("Pilot"),
            self.doc.subject
        );
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

impl PageChrome<'_> {
    /// A large, light "DRAFT" across the page, drawn first so everything else prints over it.
    fn watermark(&self, canvas: &mut Canvas, fonts: &Fonts) {
        let size = 120.0;
        let (width, height) = (self.geometry.width, self.geometry.height);
        let angle = (height / width).atan().to_degrees().min(55.0);
        let (sin, cos) = angle.to_radians().sin_cos();
        let text_width = fonts.width(Weight::Bold, size, DRAFT);
        // Start the baseline so the word's centre lands on the page's centre.
        let (along, across) = (text_width / 2.0, size * 0.36);
        let x = width / 2.0 - along * cos + across * sin;
        let y = height / 2.0 - along * sin - across * cos;
        let mut mark = Canvas::default();
        mark.text_rotated(
            fonts,
            Style::new(Weight::Bold, size, theme::WATERMARK),
            x,
            y,
            angle,
            DRAFT,
        );
        canvas.ops.splice(0..0, mark.ops);
    }
}

const DRAFT: &str = "DRAFT";

/// "DRAFT" reversed out of a red box, beside the pack title in the header.
fn draft_badge(canvas: &mut Canvas, fonts: &Fonts, x: f32, baseline: f32) {
    let size = theme::SMALL;
    let width = fonts.width(Weight::Bold, size, DRAFT);
    canvas.fill_rect(x, baseline - 2.5, width + 8.0, size + 3.5, theme::DRAFT);
    canvas.text(
        fonts,
        Style::new(Weight::Bold, size, theme::WHITE),
        x + 4.0,
        baseline,
        DRAFT,
    );
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
