//! A chart laid out once, as a list of marks in points from its top-left corner (y down), so
//! the PDF and the HTML rendering draw exactly the same shapes and words.

use crate::packs::engine::canvas::Style;
use crate::packs::engine::theme::Rgb;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// The marker of a role, so roles differ in shape as well as colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub colour: Rgb,
    /// Dash and gap lengths in points; empty for a solid line.
    pub dash: &'static [f32],
}

impl Stroke {
    pub const fn solid(width: f32, colour: Rgb) -> Stroke {
        Stroke {
            width,
            colour,
            dash: &[],
        }
    }

    pub const fn dashed(width: f32, colour: Rgb, dash: &'static [f32]) -> Stroke {
        Stroke {
            width,
            colour,
            dash,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// `y` is the top edge.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Rgb,
    },
    Path {
        points: Vec<(f32, f32)>,
        stroke: Stroke,
    },
    Symbol {
        x: f32,
        y: f32,
        /// Half the symbol's width.
        radius: f32,
        shape: Shape,
        fill: Rgb,
    },
    /// One line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        anchor: Anchor,
        style: Style,
        text: String,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Sketch {
    pub width: f32,
    pub height: f32,
    pub marks: Vec<Mark>,
}

impl Sketch {
    pub fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Rgb) {
        // A negative height (a bar below zero) is the same rectangle drawn from its other edge.
        let (y, height) = if height < 0.0 {
            (y + height, -height)
        } else {
            (y, height)
        };
        self.marks.push(Mark::Rect {
            x,
            y,
            width,
            height,
            fill,
        });
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), stroke: Stroke) {
        self.path(vec![from, to], stroke);
    }

    pub fn path(&mut self, points: Vec<(f32, f32)>, stroke: Stroke) {
        if points.len() >= 2 {
            self.marks.push(Mark::Path { points, stroke });
        }
    }

    /// A symbol with a thin white ring, so it stands clear of the lines it sits on.
    pub fn symbol(&mut self, x: f32, y: f32, radius: f32, shape: Shape, fill: Rgb) {
        self.marks.push(Mark::Symbol {
            x,
            y,
            radius: radius + 0.8,
            shape,
            fill: super::super::theme::WHITE,
        });
        self.marks.push(Mark::Symbol {
            x,
            y,
            radius,
            shape,
            fill,
        });
    }

    pub fn text(&mut self, x: f32, y: f32, anchor: Anchor, style: Style, text: &str) {
        if !text.is_empty() {
            self.marks.push(Mark::Text {
                x,
                y,
                anchor,
                style,
                text: text.to_string(),
            });
        }
    }

    /// Every text mark, in drawing order (for tests).
    #[cfg(test)]
    pub fn texts(&self) -> Vec<&str> {
        self.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// The corners of a symbol, clockwise from the top; a circle is drawn with curves instead.
pub fn symbol_outline(x: f32, y: f32, radius: f32, shape: Shape) -> Vec<(f32, f32)> {
    let r = radius;
    match shape {
        Shape::Circle | Shape::Square => {
            let s = if shape == Shape::Square { r * 0.9 } else { r };
            vec![
                (x - s, y - s),
                (x + s, y - s),
                (x + s, y + s),
                (x - s, y + s),
            ]
        }
        Shape::Triangle => {
            let r = r * 1.2;
            vec![
                (x, y - r),
                (x + r * 0.94, y + r * 0.62),
                (x - r * 0.94, y + r * 0.62),
            ]
        }
        Shape::Diamond => {
            let r = r * 1.25;
            vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        }
    }
}
