//! How each role looks: colour, bar fill, dash and marker. The UI's chart colours
//! (`--chart-*` in ui/src/styles/global.css) and dashes match these.

use crate::model::SeriesRole;
use crate::packs::engine::theme::{self, Rgb};

use super::sketch::{Shape, Stroke};

#[derive(Debug, Clone, Copy)]
pub struct RoleStyle {
    pub colour: Rgb,
    pub fill: Rgb,
    pub dash: &'static [f32],
    pub shape: Shape,
}

pub const LINE_WIDTH: f32 = 1.6;

pub fn style(role: SeriesRole) -> RoleStyle {
    match role {
        SeriesRole::Pilot => RoleStyle {
            colour: theme::PILOT,
            fill: theme::PILOT_FILL,
            dash: &[],
            shape: Shape::Circle,
        },
        SeriesRole::Comparison => RoleStyle {
            colour: theme::COMPARISON,
            fill: theme::COMPARISON_FILL,
            dash: &[5.0, 2.5],
            shape: Shape::Square,
        },
        SeriesRole::Neutral => RoleStyle {
            colour: theme::NEUTRAL,
            fill: theme::NEUTRAL_FILL,
            dash: &[1.5, 2.0],
            shape: Shape::Triangle,
        },
        SeriesRole::Target => RoleStyle {
            colour: theme::TARGET,
            fill: theme::TARGET_FILL,
            dash: &[7.0, 2.0, 1.5, 2.0],
            shape: Shape::Diamond,
        },
    }
}

impl RoleStyle {
    pub fn stroke(&self) -> Stroke {
        Stroke::dashed(LINE_WIDTH, self.colour, self.dash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex((r, g, b): Rgb) -> String {
        let channel = |v: f32| (v * 255.0).round() as u8;
        format!("#{:02x}{:02x}{:02x}", channel(r), channel(g), channel(b))
    }

    /// The UI's light-theme value of a CSS variable in ui/src/styles/global.css.
    fn ui_colour(css: &str, name: &str) -> Option<String> {
        let needle = format!("{name}:");
        css.lines()
            .find_map(|line| line.trim().strip_prefix(&needle))
            .map(|value| value.trim().trim_end_matches(';').to_string())
    }

    #[test]
    fn the_ui_draws_each_role_in_the_colours_the_packs_print() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../ui/src/styles/global.css"
        );
        let css = std::fs::read_to_string(path).expect("the UI's stylesheet");
        for (role, name) in [
            (SeriesRole::Pilot, "pilot"),
            (SeriesRole::Comparison, "comparison"),
            (SeriesRole::Neutral, "neutral"),
            (SeriesRole::Target, "target"),
        ] {
            let printed = style(role);
            let colour = ui_colour(&css, &format!("--chart-{name}"));
            let fill = ui_colour(&css, &format!("--chart-{name}-fill"));
            assert_eq!(colour, Some(hex(printed.colour)), "{name}");
            assert_eq!(fill, Some(hex(printed.fill)), "{name} fill");
        }
        for (index, band) in theme::BAND_FILLS.iter().enumerate() {
            let name = format!("--chart-band-{}", index + 1);
            assert_eq!(ui_colour(&css, &name), Some(hex(*band)), "{name}");
        }
    }

    #[test]
    fn roles_differ_in_dash_and_marker_so_they_survive_greyscale() {
        let all = [
            SeriesRole::Pilot,
            SeriesRole::Comparison,
            SeriesRole::Neutral,
            SeriesRole::Target,
        ]
        .map(style);
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.dash, b.dash);
                assert_ne!(a.shape, b.shape);
            }
        }
    }
}
