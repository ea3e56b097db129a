//! How each KPI's generated values are drawn, and the effect built into them.

use crate::model::Direction;

/// How a KPI's values are drawn: a base level, spread between people, between teams and
/// from week to week, and the effect of coaching.
pub(super) struct KpiModel {
    pub(super) base: f64,
    pub(super) person_sd: f64,
    pub(super) team_sd: f64,
    pub(super) noise_sd: f64,
    pub(super) effect: f64,
}

pub(super) fn model_for(name: &str, direction: Direction) -> KpiModel {
    match name {
        "Days to first closed deal" => KpiModel {
            base: 62.0,
            person_sd: 7.0,
            team_sd: 4.0,
            noise_sd: 5.0,
            effect: -6.0,
        },
        "Discovery calls converted to qualified opportunities" => KpiModel {
            base: 24.0,
            person_sd: 4.0,
            team_sd: 2.5,
            noise_sd: 3.0,
            effect: 4.0,
        },
        "First-contact resolution" => KpiModel {
            base: 71.0,
            person_sd: 5.0,
            team_sd: 3.0,
            noise_sd: 4.0,
            effect: 5.0,
        },
        _ => KpiModel {
            base: 50.0,
            person_sd: 5.0,
            team_sd: 3.0,
            noise_sd: 4.0,
            effect: if direction == Direction::Lower {
                -5.0
            } else {
                5.0
            },
        },
    }
}
