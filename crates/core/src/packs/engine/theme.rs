//! Type sizes, spacing and colours of every pack, in points and RGB.

pub const BODY: f32 = 10.0;
pub const SMALL: f32 = 8.0;
pub const TITLE: f32 = 21.0;
pub const LEAD: f32 = 13.0;
pub const HEADING: f32 = 13.5;
pub const SUBHEADING: f32 = 10.5;
pub const FIGURE: f32 = 19.0;

/// Line height as a multiple of the type size.
pub const LEADING: f32 = 1.38;

pub const MARGIN_SIDE: f32 = 54.0;
pub const MARGIN_TOP: f32 = 70.0;
pub const MARGIN_BOTTOM: f32 = 62.0;

/// Space after a paragraph-like block.
pub const GAP: f32 = 9.0;

pub type Rgb = (f32, f32, f32);

pub const INK: Rgb = (0.106, 0.141, 0.188);
pub const MUTED: Rgb = (0.38, 0.42, 0.48);
pub const RULE: Rgb = (0.82, 0.85, 0.88);
pub const BRAND: Rgb = (0.059, 0.463, 0.431);
pub const BRAND_TINT: Rgb = (0.90, 0.96, 0.95);
pub const ACCENT: Rgb = (0.851, 0.467, 0.024);
pub const ZEBRA: Rgb = (0.965, 0.97, 0.976);
pub const HEADER_FILL: Rgb = (0.925, 0.937, 0.949);
