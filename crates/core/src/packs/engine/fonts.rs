//! The embedded typeface and text measurement. Noto Sans ships inside the binary (see
//! assets/fonts/OFL.txt), so packs print the same on every machine and nothing is fetched.

use std::borrow::Cow;

use printpdf::{FontId, ParsedFont, PdfDocument};

use crate::error::{Error, Result};

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

pub struct Face {
    parsed: ParsedFont,
    pub id: FontId,
}

pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    pub fn embed(doc: &mut PdfDocument) -> Result<Fonts> {
        let mut load = |bytes: &[u8], name: &str| -> Result<Face> {
            let mut warnings = Vec::new();
            let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
                .ok_or_else(|| Error::Pack(format!("the embedded font {name} is unreadable")))?;
            let id = doc.add_font(&parsed);
            Ok(Face { parsed, id })
        };
        Ok(Fonts {
            regular: load(REGULAR, "Noto Sans")?,
            bold: load(BOLD, "Noto Sans Bold")?,
        })
    }

    /// The faces for measuring text only, e.g. to lay out a chart that is written as SVG.
    pub fn for_measuring() -> Result<Fonts> {
        Fonts::embed(&mut PdfDocument::new("measuring"))
    }

    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// `text` with every character the typeface lacks replaced by a printable stand-in, so
    /// an arrow in a change summary or an emoji in a typed note prints as something legible
    /// instead of an empty box.
    pub fn printable<'a>(&self, weight: Weight, text: &'a str) -> Cow<'a, str> {
        let font = &self.face(weight).parsed;
        let has_glyph = |c: char| c.is_whitespace() || font.lookup_glyph_index(c as u32).is_some();
        if text.chars().all(has_glyph) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if has_glyph(c) {
                out.push(c);
            } else {
                out.push_str(stand_in(c));
            }
        }
        Cow::Owned(out)
    }

    /// Advance width of `text` in points at `size`, as it will print.
    pub fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        let font = &self.face(weight).parsed;
        let units_per_em = f32::from(font.units_per_em.max(1));
        let units: u32 = self
            .printable(weight, text)
            .chars()
            .map(|c| {
                let glyph = font.lookup_glyph_index(c as u32).unwrap_or(0);
                u32::from(font.get_glyph_width(glyph).unwrap_or(0))
            })
            .sum();
        units as f32 / units_per_em * size
    }
}

/// What prints in place of a character Noto Sans has no glyph for.
fn stand_in(c: char) -> &'static str {
    match c {
        '→' | '⟶' | '⇒' => "->",
        '←' | '⟵' | '⇐' => "<-",
        '↔' | '⇔' => "<->",
        '✓' | '✔' => "yes",
        '✗' | '✘' => "no",
        '★' | '☆' => "*",
        // Noto Sans as shipped has no minus sign; the en dash is the closest glyph it has.
        '−' => "–",
        '≤' => "<=",
        '≥' => ">=",
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_without_a_glyph_print_as_stand_ins() {
        let mut doc = PdfDocument::new("test");
        let fonts = Fonts::embed(&mut doc).unwrap();
        assert_eq!(
            fonts.printable(Weight::Regular, "Draft → Ready"),
            "Draft -> Ready"
        );
        assert_eq!(fonts.printable(Weight::Bold, "Done 🎉"), "Done ?");
        assert_eq!(fonts.printable(Weight::Regular, "−2.6 days"), "–2.6 days");
        assert!(matches!(
            fonts.printable(Weight::Regular, "Café, 5–15 min, “quoted” • Zoë"),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            fonts.width(Weight::Regular, 10.0, "a → b"),
            fonts.width(Weight::Regular, 10.0, "a -> b")
        );
    }
}
