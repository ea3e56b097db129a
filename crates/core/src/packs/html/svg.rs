//! A chart's sketch as inline SVG, in points, so it prints at the size the PDF prints it.

use std::fmt::Write;

use crate::packs::engine::charts::sketch::{symbol_outline, Anchor, Mark, Shape, Sketch};
use crate::packs::engine::fonts::Weight;
use crate::packs::engine::theme::Rgb;

use super::escape;

fn hex((r, g, b): Rgb) -> String {
    let channel = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", channel(r), channel(g), channel(b))
}

fn points(list: &[(f32, f32)]) -> String {
    list.iter()
        .map(|(x, y)| format!("{x:.2},{y:.2}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn svg(sketch: &Sketch, title: &str) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.2} {h:.2}\" \
         width=\"{w:.2}pt\" height=\"{h:.2}pt\" role=\"img\" aria-label=\"{label}\" \
         font-family=\"'Noto Sans', sans-serif\">",
        w = sketch.width,
        h = sketch.height,
        label = escape(title)
    );
    for mark in &sketch.marks {
        let _ = match mark {
            Mark::Rect {
                x,
                y,
                width,
                height,
                fill,
            } => writeln!(
                out,
                "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{width:.2}\" height=\"{height:.2}\" fill=\"{}\"/>",
                hex(*fill)
            ),
            Mark::Path { points: list, stroke } => {
                let dash = if stroke.dash.is_empty() {
                    String::from(" stroke-linecap=\"round\"")
                } else {
                    let pattern: Vec<String> = stroke.dash.iter().map(|d| format!("{d}")).collect();
                    format!(" stroke-dasharray=\"{}\"", pattern.join(" "))
                };
                writeln!(
                    out,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" \
                     stroke-linejoin=\"round\"{dash}/>",
                    points(list),
                    hex(stroke.colour),
                    stroke.width
                )
            }
            Mark::Symbol {
                x,
                y,
                radius,
                shape,
                fill,
            } => {
                if *shape == Shape::Circle {
                    writeln!(
                        out,
                        "<circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"{radius:.2}\" fill=\"{}\"/>",
                        hex(*fill)
                    )
                } else {
                    writeln!(
                        out,
                        "<polygon points=\"{}\" fill=\"{}\"/>",
                        points(&symbol_outline(*x, *y, *radius, *shape)),
                        hex(*fill)
                    )
                }
            }
            Mark::Text {
                x,
                y,
                anchor,
                style,
                text,
            } => {
                let anchor = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let weight = match style.weight {
                    Weight::Regular => "400",
                    Weight::Bold => "700",
                };
                writeln!(
                    out,
                    "<text x=\"{x:.2}\" y=\"{y:.2}\" font-size=\"{}\" font-weight=\"{weight}\" \
                     fill=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                    style.size,
                    hex(style.colour),
                    escape(text)
                )
            }
        };
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs::engine::canvas::Style;
    use crate::packs::engine::charts::sketch::Stroke;

    #[test]
    fn marks_become_svg_elements_with_escaped_text() {
        let mut sketch = Sketch {
            width: 100.0,
            height: 50.0,
            marks: vec![],
        };
        sketch.rect(0.0, 0.0, 10.0, 5.0, (1.0, 0.0, 0.0));
        sketch.path(
            vec![(0.0, 0.0), (5.0, 5.0), (10.0, 0.0)],
            Stroke::dashed(1.0, (0.0, 0.0, 0.0), &[2.0, 1.0]),
        );
        sketch.symbol(5.0, 5.0, 2.0, Shape::Diamond, (0.0, 0.5, 0.0));
        sketch.text(
            50.0,
            20.0,
            Anchor::End,
            Style::new(Weight::Bold, 7.0, (0.0, 0.0, 0.0)),
            "Cost <5 & \"rising\"",
        );
        let svg = svg(&sketch, "A <title>");
        assert!(svg.contains("aria-label=\"A &lt;title&gt;\""), "{svg}");
        assert!(svg.contains(
            "<rect x=\"0.00\" y=\"0.00\" width=\"10.00\" height=\"5.00\" fill=\"#ff0000\"/>"
        ));
        assert!(svg.contains("points=\"0.00,0.00 5.00,5.00 10.00,0.00\""));
        assert!(svg.contains("stroke-dasharray=\"2 1\""));
        assert_eq!(
            svg.matches("<polygon").count(),
            2,
            "the symbol and its white ring"
        );
        assert!(svg.contains("text-anchor=\"end\">Cost &lt;5 &amp; &quot;rising&quot;</text>"));
    }
}
