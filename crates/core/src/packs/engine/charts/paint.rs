//! Drawing a sketch onto a PDF page: sketch coordinates run down from the chart's top-left
//! corner, the page's run up from its bottom-left.

use crate::packs::engine::canvas::Canvas;
use crate::packs::engine::fonts::Fonts;

use super::sketch::{symbol_outline, Anchor, Mark, Shape, Sketch};

pub fn paint(canvas: &mut Canvas, fonts: &Fonts, sketch: &Sketch, left: f32, top: f32) {
    let at = |x: f32, y: f32| (left + x, top - y);
    for mark in &sketch.marks {
        match mark {
            Mark::Rect {
                x,
                y,
                width,
                height,
                fill,
            } => {
                let (px, py) = at(*x, y + height);
                canvas.fill_rect(px, py, *width, *height, *fill);
            }
            Mark::Path { points, stroke } => {
                let points: Vec<(f32, f32)> = points.iter().map(|(x, y)| at(*x, *y)).collect();
                canvas.stroke_path(&points, stroke.width, stroke.colour, stroke.dash);
            }
            Mark::Symbol {
                x,
                y,
                radius,
                shape,
                fill,
            } => {
                if *shape == Shape::Circle {
                    let (cx, cy) = at(*x, *y);
                    canvas.fill_circle(cx, cy, *radius, *fill);
                } else {
                    let outline: Vec<(f32, f32)> = symbol_outline(*x, *y, *radius, *shape)
                        .into_iter()
                        .map(|(x, y)| at(x, y))
                        .collect();
                    canvas.fill_polygon(&outline, *fill);
                }
            }
            Mark::Text {
                x,
                y,
                anchor,
                style,
                text,
            } => {
                let (px, py) = at(*x, *y);
                match anchor {
                    Anchor::Start => canvas.text(fonts, *style, px, py, text),
                    Anchor::Middle => canvas.text_centred(fonts, *style, px, py, text),
                    Anchor::End => canvas.text_right(fonts, *style, px, py, text),
                }
            }
        }
    }
}
