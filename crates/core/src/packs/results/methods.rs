//! The appendix every results pack ends with: how each figure was computed, what it rests
//! on, what was left out and why, and where the data came from.

use crate::metrics::analytics::precision::fixed;
use crate::model::{ComparisonDesign, Dashboard, ImportRecord};
use crate::packs::dates::long_date_of;
use crate::packs::document::{Block, Column, Table};

fn isolation(design: ComparisonDesign) -> &'static str {
    match design {
        ComparisonDesign::RandomisedWaitlist => {
            "Isolation: a randomised waitlist. Managers were drawn at random into the pilot or \
             a waitlist with the app's own seeded draw; the waitlist is the comparison group. \
             Randomisation inference re-draws the assignment with the same draw 1,000 times and \
             asks how often chance alone gives an effect as large."
        }
        ComparisonDesign::MatchedTeams => {
            "Isolation: matched teams. Each pilot team was compared with the most similar team \
             outside the pilot on size, role mix and baseline; the estimate rests on the teams \
             trending alike before launch."
        }
        ComparisonDesign::StaggeredWaves => {
            "Isolation: staggered waves, drawn at random. Wave 2 is the comparison for wave 1 \
             until it starts at day 45, so the effect covers days 0-44."
        }
        ComparisonDesign::HandPicked => {
            "Isolation: hand-picked teams. Named pilot teams against named comparison teams; \
             the estimate rests on the two trending alike before launch, which the series \
             charts let a reader judge."
        }
        ComparisonDesign::None => {
            "Isolation: none. Without a comparison group each team's change is measured \
             against its own baseline trend projected forward: weaker evidence."
        }
    }
}

pub fn appendix(dashboard: &Dashboard, lineage: &[ImportRecord], workspace: &str) -> Vec<Block> {
    let mut methods = vec![
        "Unit of analysis: a team, meaning one cohort manager's direct reports (or a team \
         whose KPI is recorded for the team as a whole). Each team's mean KPI is taken in the \
         baseline window and in the pilot window; d = post - pre."
            .to_string(),
        "Difference-in-differences: effect = mean(d, pilot teams) - mean(d, comparison teams). \
         With at least two teams in each group, the standard error is sqrt(var_p/n_p + \
         var_c/n_c) (Welch) and the 95% interval comes from the t distribution with \
         Welch-Satterthwaite degrees of freedom."
            .to_string(),
        "With fewer teams, no interval is made up: the estimate is ranked against the placebo \
         effects of every re-assignment of the teams (with one pilot team: each comparison team \
         in turn treated as if it were the pilot team), p = share at least as extreme."
            .to_string(),
        "Event study: each team's mean per 30-day period minus its baseline mean, pilot minus \
         comparison, with Welch intervals where each group has two teams or more."
            .to_string(),
        "Minimum detectable effect: (t(0.975, df) + t(0.80, df)) x sd x sqrt(1/n_p + 1/n_c), \
         with sd the spread of each team's change between the two halves of its baseline window."
            .to_string(),
        isolation(dashboard.design).to_string(),
        format!(
            "Privacy floor: no cell, point or breakdown for a group under {} people, and as many \
             more held back as keep a total minus the cells shown from revealing one; \
             flight-risk signals are cohort-level and no individual is scored.",
            dashboard.min_group_size
        ),
    ];
    if let Some(roi) = &dashboard.roi {
        methods.extend(roi.figures.methods.iter().cloned());
        for assumption in &roi.assumptions {
            if assumption.value_per_unit.is_none() {
                continue;
            }
            methods.push(format!(
                "Confidence in {}: {}; units affected in the first year: {} {}{}.",
                assumption.kpi_name,
                assumption.confidence_basis,
                fixed(assumption.affected_per_year, 0),
                assumption.affected_unit,
                if assumption.affected_stated {
                    " (stated)"
                } else {
                    " (the default: the people in the pilot group)"
                }
            ));
        }
    }
    let mut exclusions: Vec<String> = dashboard
        .kpis
        .iter()
        .filter_map(|p| p.lift.as_ref())
        .flat_map(|l| {
            l.excluded
                .iter()
                .map(move |e| format!("{}: {e}", l.kpi_name))
        })
        .collect();
    exclusions.extend(dashboard.privacy_notes.iter().cloned());
    let mut blocks = vec![
        Block::PageBreak,
        Block::Heading("Appendix: methods, assumptions and data lineage".into()),
        Block::Bullets(methods),
    ];
    blocks.push(Block::Subheading(
        "Excluded data and the privacy floor".into(),
    ));
    if exclusions.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Nothing was excluded; every group shown has at least {} people.",
            dashboard.min_group_size
        )));
    } else {
        blocks.push(Block::Bullets(exclusions));
    }
    blocks.push(Block::Subheading("Data lineage".into()));
    if lineage.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "The data were entered in the workspace \"{workspace}\"; no file was imported."
        )));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Imported", 1.2),
                Column::left("What", 0.9),
                Column::left("File", 2.4),
                Column::right("Rows", 0.8),
                Column::left("SHA-256 (first 16)", 1.6),
            ],
            rows: lineage
                .iter()
                .map(|i| {
                    vec![
                        long_date_of(&i.at).unwrap_or_else(|| i.at.clone()),
                        i.kind.clone(),
                        i.file_name.clone(),
                        fixed(f64::from(i.rows), 0),
                        crate::packs::short_hash(&i.content_hash).to_string(),
                    ]
                })
                .collect(),
            note: Some(format!(
                "Every import into the workspace \"{workspace}\" up to the data's last day; each \
                 file can be matched by its SHA-256."
            )),
        }));
    }
    blocks.push(Block::Note(
        "This pack is frozen: the content hash in the footer identifies this exact content in \
         Pilotdesk's pack records."
            .into(),
    ));
    blocks
}
