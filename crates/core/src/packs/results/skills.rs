//! The skills figures of a results pack: what the modules bought turned into. Completion
//! and speed-to-competency per competency (people still on the way counted, not dropped),
//! seats used, and the cost per competency gained. Groups under the privacy floor arrive
//! without figures and print as such.

use crate::metrics::analytics::precision::fixed;
use crate::model::skills::SkillsReport;
use crate::packs::document::{Block, Column, Table};

fn percent(share: Option<f64>) -> String {
    share.map_or("hidden (privacy floor)".into(), |s| {
        format!("{}%", fixed(s * 100.0, 0))
    })
}

fn days(value: Option<f64>) -> String {
    value.map_or("not yet".into(), |d| format!("{} days", fixed(d, 0)))
}

pub fn section(report: &SkillsReport, currency: &str) -> Vec<Block> {
    if report.assignments == 0 && report.purchases.is_empty() {
        return Vec::new();
    }
    let money = |m: crate::model::Money| m.format_whole_with(currency);
    let mut blocks = vec![Block::Heading(
        "Skills: what the modules bought turned into".into(),
    )];
    let cost = match report.cost_per_competency_gained {
        Some(cost) => format!(
            "{} spent on modules for {} competencies reached at their target level after \
             assignment: {} per competency gained.",
            money(report.spend),
            report.competencies_gained,
            money(cost)
        ),
        None => format!(
            "{} spent on modules; no one has yet been rated at a module's target level after \
             being assigned it, so the cost per competency gained is not known yet.",
            money(report.spend)
        ),
    };
    blocks.push(Block::Paragraph(format!(
        "{} module assignments; role readiness in the pilot teams is {}. {cost}",
        report.assignments,
        percent(report.readiness)
    )));
    let rows: Vec<Vec<String>> = report
        .speed
        .iter()
        .map(|s| {
            let completion = report
                .completion
                .iter()
                .find(|c| c.competency_id == s.competency_id);
            vec![
                s.competency.clone(),
                completion.map_or("–".into(), |c| percent(c.rate)),
                if s.people == 0 {
                    "hidden (privacy floor)".into()
                } else {
                    format!("{} of {} ({} on the way)", s.reached, s.people, s.censored)
                },
                days(s.median_days),
                match (s.quartile_low_days, s.quartile_high_days) {
                    (None, None) => "–".into(),
                    (low, high) => format!("{} to {}", days(low), days(high)),
                },
            ]
        })
        .collect();
    if !rows.is_empty() {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Competency", 2.4),
                Column::right("Modules completed", 1.3),
                Column::left("Reached target level", 1.9),
                Column::right("Median time", 1.1),
                Column::left("Middle half", 1.6),
            ],
            rows,
            note: Some(format!(
                "Days from assignment to the first manager or assessor rating at the module's \
                 target level, as of {}. People not there yet are counted as still on the way \
                 (Kaplan-Meier), so the median is not flattered by the fast; it is \"not yet\" \
                 while fewer than half have arrived. No figure for fewer than {} people.",
                report.as_of, report.min_group_size
            )),
        }));
    }
    if !report.seats.is_empty() {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Module", 3.0),
                Column::right("Seats bought", 1.2),
                Column::right("In use", 1.0),
                Column::right("Utilisation", 1.2),
            ],
            rows: report
                .seats
                .iter()
                .map(|s| {
                    vec![
                        s.module_title.clone(),
                        s.bought.map_or("site licence".into(), |b| b.to_string()),
                        s.used.to_string(),
                        s.utilisation
                            .map_or("–".into(), |u| format!("{}%", fixed(u * 100.0, 0))),
                    ]
                })
                .collect(),
            note: Some(
                "Seats of the pilot's purchases against the people assigned the module.".into(),
            ),
        }));
    }
    if !report.warnings.is_empty() {
        blocks.push(Block::Subheading("Fragmented paths".into()));
        blocks.push(Block::Bullets(
            report.warnings.iter().map(|w| w.message.clone()).collect(),
        ));
    }
    blocks
}
