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

/// Chart colours by role. Each role also has its own dash and marker shape (charts/roles.rs),
/// so the groups stay apart when printed in grey.
pub const PILOT: Rgb = BRAND;
pub const PILOT_FILL: Rgb = BRAND;
pub const COMPARISON: Rgb = (0.776, 0.38, 0.0);
/// Lighter than the pilot fill, so grouped bars differ in grey too.
pub const COMPARISON_FILL: Rgb = (0.949, 0.659, 0.353);
pub const NEUTRAL: Rgb = (0.42, 0.46, 0.52);
pub const NEUTRAL_FILL: Rgb = (0.72, 0.75, 0.79);
pub const TARGET: Rgb = (0.494, 0.231, 0.62);
pub const TARGET_FILL: Rgb = (0.78, 0.66, 0.86);

/// Shaded windows on a date axis, in order: the baseline, then the pilot period.
pub const BAND_FILLS: [Rgb; 3] = [(0.925, 0.933, 0.945), BRAND_TINT, (0.992, 0.953, 0.898)];
pub const GRID: Rgb = (0.89, 0.905, 0.92);
pub const ZERO_LINE: Rgb = (0.33, 0.37, 0.42);
pub const WHITE: Rgb = (1.0, 1.0, 1.0);

/// The "DRAFT" mark: the badge in the header and the diagonal watermark behind the page.
pub const DRAFT: Rgb = (0.75, 0.21, 0.17);
pub const WATERMARK: Rgb = (0.925, 0.93, 0.94);
