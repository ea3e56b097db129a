//! Drawing primitives over printpdf operations, in points from the bottom-left corner.

use printpdf::{
    Color, Line, LineCapStyle, LineDashPattern, LineJoinStyle, LinePoint, Op, PaintMode,
    PdfFontHandle, Point, Polygon, PolygonRing, Pt, Rect, TextItem, TextMatrix, WindingOrder,
};

use super::fonts::{Fonts, Weight};
use super::theme::Rgb;

fn color((r, g, b): Rgb) -> Color {
    Color::Rgb(printpdf::Rgb::new(r, g, b, None))
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub weight: Weight,
    pub size: f32,
    pub colour: Rgb,
}

impl Style {
    pub const fn new(weight: Weight, size: f32, colour: Rgb) -> Style {
        Style {
            weight,
            size,
            colour,
        }
    }
}

/// The operations of one page.
#[derive(Default)]
pub struct Canvas {
    pub ops: Vec<Op>,
}

impl Canvas {
    /// One line of text with its baseline at `y`. Each run is its own text object, so its
    /// position is absolute.
    pub fn text(&mut self, fonts: &Fonts, style: Style, x: f32, y: f32, text: &str) {
        if text.is_empty() {
            return;
        }
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(fonts.face(style.weight).id.clone()),
                size: Pt(style.size),
            },
            Op::SetFillColor {
                col: color(style.colour),
            },
            Op::SetTextCursor {
                pos: Point { x: Pt(x), y: Pt(y) },
            },
            Op::ShowText {
                items: vec![TextItem::Text(
                    fonts.printable(style.weight, text).into_owned(),
                )],
            },
            Op::EndTextSection,
        ]);
    }

    /// Text whose right edge sits at `right`.
    pub fn text_right(&mut self, fonts: &Fonts, style: Style, right: f32, y: f32, text: &str) {
        let x = right - fonts.width(style.weight, style.size, text);
        self.text(fonts, style, x, y, text);
    }

    /// Text centred on `centre`.
    pub fn text_centred(&mut self, fonts: &Fonts, style: Style, centre: f32, y: f32, text: &str) {
        let x = centre - fonts.width(style.weight, style.size, text) / 2.0;
        self.text(fonts, style, x, y, text);
    }

    /// A filled rectangle; `y` is its bottom edge.
    pub fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32, colour: Rgb) {
        self.ops.push(Op::SetFillColor { col: color(colour) });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                mode: Some(PaintMode::Fill),
                ..Rect::from_xywh(Pt(x), Pt(y), Pt(width), Pt(height))
            },
        });
    }

    /// A stroked rectangle outline; `y` is its bottom edge.
    pub fn stroke_rect(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        thickness: f32,
        colour: Rgb,
    ) {
        self.line_style(thickness, colour);
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    point(x, y),
                    point(x + width, y),
                    point(x + width, y + height),
                    point(x, y + height),
                ],
                is_closed: true,
            },
        });
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, colour: Rgb) {
        self.line_style(thickness, colour);
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(from.0, from.1), point(to.0, to.1)],
                is_closed: false,
            },
        });
    }

    /// A filled polygon through `points`.
    pub fn fill_polygon(&mut self, points: &[(f32, f32)], colour: Rgb) {
        self.ops.push(Op::SetFillColor { col: color(colour) });
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: points.iter().map(|(x, y)| point(*x, *y)).collect(),
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// A polyline with round joins and an optional dash pattern; the graphics state is saved
    /// and restored around it, so the dash never leaks into what is drawn next.
    pub fn stroke_path(
        &mut self,
        points: &[(f32, f32)],
        thickness: f32,
        colour: Rgb,
        dash: &[f32],
    ) {
        if points.len() < 2 {
            return;
        }
        self.ops.push(Op::SaveGraphicsState);
        self.line_style(thickness, colour);
        self.ops.push(Op::SetLineJoinStyle {
            join: LineJoinStyle::Round,
        });
        self.ops.push(Op::SetLineCapStyle {
            cap: if dash.is_empty() {
                LineCapStyle::Round
            } else {
                LineCapStyle::Butt
            },
        });
        if !dash.is_empty() {
            self.ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, dash),
            });
        }
        self.ops.push(Op::DrawLine {
            line: Line {
                points: points.iter().map(|(x, y)| point(*x, *y)).collect(),
                is_closed: false,
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// A filled circle, as four Bézier arcs.
    pub fn fill_circle(&mut self, cx: f32, cy: f32, radius: f32, colour: Rgb) {
        // The control-point distance that makes a quarter Bézier arc closest to a circle.
        let k = radius * 0.552_284_8;
        let r = radius;
        let curve = |x: f32, y: f32| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: true,
        };
        let points = vec![
            point(cx + r, cy),
            curve(cx + r, cy + k),
            curve(cx + k, cy + r),
            point(cx, cy + r),
            curve(cx - k, cy + r),
            curve(cx - r, cy + k),
            point(cx - r, cy),
            curve(cx - r, cy - k),
            curve(cx - k, cy - r),
            point(cx, cy - r),
            curve(cx + k, cy - r),
            curve(cx + r, cy - k),
            point(cx + r, cy),
        ];
        self.ops.push(Op::SetFillColor { col: color(colour) });
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// One line of text turned `degrees` anticlockwise about its start at (`x`, `y`).
    pub fn text_rotated(
        &mut self,
        fonts: &Fonts,
        style: Style,
        x: f32,
        y: f32,
        degrees: f32,
        text: &str,
    ) {
        let (sin, cos) = degrees.to_radians().sin_cos();
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(fonts.face(style.weight).id.clone()),
                size: Pt(style.size),
            },
            Op::SetFillColor {
                col: color(style.colour),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::Raw([cos, sin, -sin, cos, x, y]),
            },
            Op::ShowText {
                items: vec![TextItem::Text(
                    fonts.printable(style.weight, text).into_owned(),
                )],
            },
            Op::EndTextSection,
        ]);
    }

    fn line_style(&mut self, thickness: f32, colour: Rgb) {
        self.ops.push(Op::SetOutlineColor { col: color(colour) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
    }
}
