//! The embedded typeface and text measurement. Noto Sans ships inside the binary (see
//! assets/fonts/OFL.txt), so packs print the same on every machine and nothing is fetched.

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

    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Advance width of `text` in points at `size`.
    pub fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        let font = &self.face(weight).parsed;
        let units_per_em = f32::from(font.units_per_em.max(1));
        let units: u32 = text
            .chars()
            .map(|c| {
                let glyph = font.lookup_glyph_index(c as u32).unwrap_or(0);
                u32::from(font.get_glyph_width(glyph).unwrap_or(0))
            })
            .sum();
        units as f32 / units_per_em * size
    }
}
