//! What every chart has around its plot: the title stating the finding, the subtitle with unit
//! and period, a legend of roles, the axis title under the plot and the note.

use crate::packs::engine::canvas::Style;
use crate::packs::engine::fonts::{Fonts, Weight};
use crate::packs::engine::theme::{self, Rgb};
use crate::packs::engine::wrap::wrap;

use super::roles::RoleStyle;
use super::sketch::{Anchor, Sketch, Stroke};

/// Tick labels, band labels and printed values.
pub const TICK: Style = Style::new(Weight::Regular, 7.0, theme::MUTED);
pub const VALUE: Style = Style::new(Weight::Bold, 7.0, theme::INK);
pub const AXIS_TITLE: Style = Style::new(Weight::Regular, 7.5, theme::MUTED);
const TITLE: Style = Style::new(Weight::Bold, theme::SUBHEADING, theme::INK);
const SUBTITLE: Style = Style::new(Weight::Regular, theme::SMALL, theme::MUTED);
const LEGEND: Style = Style::new(Weight::Regular, 7.5, theme::INK);
const NOTE: Style = Style::new(Weight::Regular, theme::SMALL - 0.5, theme::MUTED);

/// The height of a row of small labels (ticks, bands, the value axis title).
pub const LABEL_ROW: f32 = 10.0;

/// What a legend entry shows beside its name.
#[derive(Debug, Clone, Copy)]
pub enum Swatch {
    /// A short stretch of line with the role's marker on it.
    Line(RoleStyle),
    /// A filled square, for bars.
    Bar(RoleStyle),
    /// The role's marker alone, for points and estimates.
    Symbol(RoleStyle),
    /// A line without a marker, e.g. a fitted line.
    Plain(Rgb, &'static [f32]),
}

#[derive(Debug, Clone)]
pub struct LegendEntry {
    pub label: String,
    pub swatch: Swatch,
}

/// A chart being laid out: its sketch and how far down it has got.
pub struct Frame<'a> {
    pub fonts: &'a Fonts,
    pub sketch: Sketch,
    pub y: f32,
}

impl<'a> Frame<'a> {
    pub fn begin(fonts: &'a Fonts, width: f32, title: &str, subtitle: Option<&str>) -> Frame<'a> {
        let mut frame = Frame {
            fonts,
            sketch: Sketch {
                width,
                ..Sketch::default()
            },
            y: 0.0,
        };
        frame.paragraph(TITLE, title);
        if let Some(subtitle) = subtitle.filter(|s| !s.trim().is_empty()) {
            frame.y += 1.0;
            frame.paragraph(SUBTITLE, subtitle);
        }
        frame.y += 5.0;
        frame
    }

    pub fn width(&self) -> f32 {
        self.sketch.width
    }

    pub fn measure(&self, style: Style, text: &str) -> f32 {
        self.fonts.width(style.weight, style.size, text)
    }

    pub fn text(&mut self, x: f32, y: f32, anchor: Anchor, style: Style, text: &str) {
        self.sketch.text(x, y, anchor, style, text);
    }

    /// Wrapped text at the full width.
    fn paragraph(&mut self, style: Style, text: &str) {
        let line_height = style.size * theme::LEADING;
        for line in wrap(self.fonts, style.weight, style.size, self.width(), text) {
            self.sketch
                .text(0.0, self.y + style.size, Anchor::Start, style, &line);
            self.y += line_height;
        }
    }

    /// Entries side by side, wrapping onto more rows when they do not fit.
    pub fn legend(&mut self, entries: &[LegendEntry]) {
        if entries.is_empty() {
            return;
        }
        let swatch_width = 18.0;
        let row_height = 11.0;
        let mut x = 0.0;
        let mut row_top = self.y;
        for entry in entries {
            let label = self.measure(LEGEND, &entry.label);
            let width = swatch_width + 4.0 + label;
            if x > 0.0 && x + width > self.width() {
                x = 0.0;
                row_top += row_height;
            }
            let middle = row_top + row_height / 2.0 - 1.0;
            self.swatch(x, middle, swatch_width, entry.swatch);
            self.sketch.text(
                x + swatch_width + 4.0,
                middle + LEGEND.size * 0.35,
                Anchor::Start,
                LEGEND,
                &entry.label,
            );
            x += width + 14.0;
        }
        self.y = row_top + row_height + 3.0;
    }

    fn swatch(&mut self, x: f32, middle: f32, width: f32, swatch: Swatch) {
        match swatch {
            Swatch::Line(role) => {
                self.sketch
                    .line((x, middle), (x + width, middle), role.stroke());
                self.sketch
                    .symbol(x + width / 2.0, middle, 2.6, role.shape, role.colour);
            }
            Swatch::Bar(role) => {
                let side = 8.0;
                let left = x + (width - side) / 2.0;
                self.sketch
                    .rect(left, middle - side / 2.0, side, side, role.fill);
            }
            Swatch::Symbol(role) => {
                self.sketch
                    .symbol(x + width / 2.0, middle, 3.0, role.shape, role.colour);
            }
            Swatch::Plain(colour, dash) => {
                self.sketch.line(
                    (x, middle),
                    (x + width, middle),
                    Stroke::dashed(1.2, colour, dash),
                );
            }
        }
    }

    /// The value axis title above the plot's top-left corner, e.g. "Resolution rate, %".
    pub fn axis_title_above(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.sketch.text(
                0.0,
                self.y + AXIS_TITLE.size,
                Anchor::Start,
                AXIS_TITLE,
                text,
            );
        }
    }

    /// Says there is nothing to draw, in place of the plot.
    pub fn nothing_to_show(&mut self) {
        let height = 36.0;
        self.sketch
            .rect(0.0, self.y, self.width(), height, theme::ZEBRA);
        self.sketch.text(
            self.width() / 2.0,
            self.y + height / 2.0 + 3.0,
            Anchor::Middle,
            Style::new(Weight::Regular, theme::SMALL, theme::MUTED),
            "No data to show yet.",
        );
        self.y += height + 4.0;
    }

    /// The axis title centred under the plot (between `left` and `right`), then the note.
    pub fn finish(mut self, axis_title: &str, centre: f32, note: Option<&str>) -> Sketch {
        if !axis_title.trim().is_empty() {
            let half = self.measure(AXIS_TITLE, axis_title) / 2.0;
            let centre = centre.max(half).min((self.width() - half).max(half));
            self.sketch.text(
                centre,
                self.y + AXIS_TITLE.size,
                Anchor::Middle,
                AXIS_TITLE,
                axis_title,
            );
            self.y += LABEL_ROW + 2.0;
        }
        if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
            self.y += 3.0;
            self.paragraph(NOTE, note);
        }
        self.sketch.height = self.y + 2.0;
        self.sketch
    }
}
