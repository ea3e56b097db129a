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
