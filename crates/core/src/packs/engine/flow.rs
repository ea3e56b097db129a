//! Flowing blocks down the page and onto new pages.

use super::canvas::{Canvas, Style};
use super::fonts::{Fonts, Weight};
use super::theme::{self, Rgb};
use super::wrap::wrap;

#[derive(Debug, Clone, Copy)]
pub struct PageGeometry {
    pub width: f32,
    pub height: f32,
}

pub struct Flow<'a> {
    pub fonts: &'a Fonts,
    pub geometry: PageGeometry,
    pages: Vec<Canvas>,
    /// Where the next block starts, as a PDF y coordinate (from the bottom edge).
    y: f32,
}

impl<'a> Flow<'a> {
    pub fn new(fonts: &'a Fonts, geometry: PageGeometry) -> Flow<'a> {
        Flow {
            fonts,
            geometry,
            pages: vec![Canvas::default()],
            y: geometry.height - theme::MARGIN_TOP,
        }
    }

    pub fn left(&self) -> f32 {
        theme::MARGIN_SIDE
    }

    pub fn width(&self) -> f32 {
        self.geometry.width - 2.0 * theme::MARGIN_SIDE
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn canvas(&mut self) -> &mut Canvas {
        // `pages` starts with one page and only grows.
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn at_page_top(&self) -> bool {
        self.y >= self.geometry.height - theme::MARGIN_TOP
    }

    /// The height a whole page offers between its margins.
    pub fn page_space(&self) -> f32 {
        self.geometry.height - theme::MARGIN_TOP - theme::MARGIN_BOTTOM
    }

    /// The height `text` takes as `text_block` sets it across the full width.
    pub fn text_height(&self, weight: Weight, size: f32, text: &str) -> f32 {
        wrap(self.fonts, weight, size, self.width(), text).len() as f32 * size * theme::LEADING
    }

    pub fn space_left(&self) -> f32 {
        self.y - theme::MARGIN_BOTTOM
    }

    pub fn new_page(&mut self) {
        self.pages.push(Canvas::default());
        self.y = self.geometry.height - theme::MARGIN_TOP;
    }

    /// Starts a new page unless `height` still fits; true when it started one. A block
    /// taller than a whole page is started at the top and allowed to run over.
    pub fn ensure(&mut self, height: f32) -> bool {
        if height > self.space_left() && !self.at_page_top() {
            self.new_page();
            true
        } else {
            false
        }
    }

    pub fn advance(&mut self, dy: f32) {
        self.y -= dy;
    }

    /// Adds space, but never at the top of a page.
    pub fn gap(&mut self, dy: f32) {
        if !self.at_page_top() {
            self.y -= dy;
        }
    }

    /// Wrapped text at the full width, breaking across pages line by line.
    pub fn text_block(&mut self, weight: Weight, size: f32, colour: Rgb, text: &str) {
        let width = self.width();
        self.text_block_at(self.left(), width, weight, size, colour, text);
    }

    pub fn text_block_at(
        &mut self,
        x: f32,
        width: f32,
        weight: Weight,
        size: f32,
        colour: Rgb,
        text: &str,
    ) {
        let line_height = size * theme::LEADING;
        for line in wrap(self.fonts, weight, size, width, text) {
            self.ensure(line_height);
            let baseline = self.y - size;
            let fonts = self.fonts;
            self.canvas()
                .text(fonts, Style::new(weight, size, colour), x, baseline, &line);
            self.y -= line_height;
        }
    }

    pub fn finish(self) -> Vec<Canvas> {
        self.pages
    }
}
