//! The monthly pack: the status in one sentence, the numbers that carry it, what changed
//! since last month and what the steering group is asked, then the evidence.

use crate::metrics::analytics::precision::fixed;
use crate::model::{Dashboard, KpiPanel};
use crate::packs::dates::long_date;
use crate::packs::document::{Block, PackDocument};

use super::{calibration, methods, sections, ResultsData};

pub const TITLE: &str = "Monthly pack";

fn month_name(dashboard: &Dashboard) -> String {
    dashboard.as_of.format("%B %Y").to_string()
}

fn kpi_change(now: &KpiPanel, before: Option<&KpiPanel>) -> String {
    match (&now.lift, before.and_then(|b| b.lift.as_ref())) {
        (Some(now_lift), Some(then)) => {
            let decimals = now_lift.decimals as usize;
            let delta = now_lift.improvement - then.improvement;
            format!(
                "{}: {} now, {} a month ago ({}{})",
                now.name,
                now_lift.display.improvement,
                then.display.improvement,
                if delta >= 0.0 { "+" } else { "" },
                fixed(delta, decimals)
            )
        }
        (Some(now_lift), None) => format!(
            "{}: measured for the first time, {}",
            now.name, now_lift.display.improvement
        ),
        (None, _) => format!(
            "{}: not measured yet ({})",
            now.name,
            now.not_measured.clone().unwrap_or_default()
        ),
    }
}

fn changes(dashboard: &Dashboard, previous: Option<&Dashboard>) -> Vec<String> {
    let Some(previous) = previous else {
        return vec!["This is the pilot's first monthly pack: nothing to compare with yet.".into()];
    };
    let mut lines: Vec<String> = dashboard
        .kpis
        .iter()
        .map(|k| kpi_change(k, previous.kpis.iter().find(|p| p.kpi_id == k.kpi_id)))
        .collect();
    let rate = |d: &Dashboard| d.coaching.events_per_manager_week;
    match (rate(dashboard), rate(previous)) {
        (Some(now), Some(then)) => lines.push(format!(
            "Coaching: {} moments a week per pilot manager, against {} a month ago",
            fixed(now, 1),
            fixed(then, 1)
        )),
        (Some(now), None) => lines.push(format!(
            "Coaching: {} moments a week per pilot manager since launch",
            fixed(now, 1)
        )),
        _ => {}
    }
    let spent = dashboard.cost.spent.cents() - previous.cost.spent.cents();
    lines.push(format!(
        "Money: {} spent this month; {} in all of {} committed",
        crate::model::Money(spent).format_whole_with(&dashboard.currency),
        dashboard.cost.spent.format_whole_with(&dashboard.currency),
        dashboard.cost.budget.format_whole_with(&dashboard.currency)
    ));
    lines
}

fn asks(data: &ResultsData) -> (String, String) {
    let dashboard = data.dashboard;
    let mut asks = Vec::new();
    if let Some(gate) = data.gate.as_ref().filter(|g| g.open) {
        asks.push(format!(
            "decide the pilot's open gate by {}",
            long_date(gate.due_on)
        ));
    }
    for tranche in dashboard
        .cost
        .tranches
        .iter()
        .filter(|t| t.met && !t.released)
    {
        asks.push(format!(
            "release the \"{}\" tranche ({}): its condition is met",
            tranche.label,
            tranche.amount.format_whole_with(&dashboard.currency)
        ));
    }
    if asks.is_empty() {
        (
            "No decision is asked this month".into(),
            "The steering group is asked only to note the progress above. The pilot's next \
             gate is on the Governance screen."
                .into(),
        )
    } else {
        (
            "What the steering group is asked".into(),
            format!("The steering group is asked to {}.", asks.join("; and to ")),
        )
    }
}

pub fn build(data: &ResultsData) -> PackDocument {
    let dashboard = data.dashboard;
    let (ask_title, ask_text) = asks(data);
    let mut blocks = vec![
        Block::Title(format!(
            "{}: {}",
            dashboard.pilot_name,
            month_name(dashboard)
        )),
        Block::Lead(dashboard.headline.clone()),
        sections::key_figures(&dashboard.key_numbers),
        Block::Callout {
            title: ask_title,
            text: ask_text,
        },
        Block::Heading("What changed since last month".into()),
        Block::Bullets(changes(dashboard, data.previous)),
        Block::Heading("The evidence".into()),
    ];
    if let Some(chart) = &dashboard.lift_chart {
        blocks.push(Block::Chart(chart.clone()));
    }
    if let Some(first) = dashboard.kpis.iter().find(|k| k.lift.is_some()) {
        blocks.push(Block::Chart(first.series.clone()));
    }
    blocks.push(sections::kpi_table(dashboard));
    blocks.push(Block::Chart(dashboard.coaching.weekly.clone()));
    blocks.push(Block::Paragraph(dashboard.coaching.summary.clone()));
    blocks.push(Block::Paragraph(dashboard.cost.summary.clone()));
    if let Some(figures) = data.calibration {
        blocks.extend(calibration::section(figures, dashboard.as_of));
    }
    if let Some((figures, layout)) = data.network.filter(|(f, _)| f.ties > 0) {
        blocks.extend(crate::packs::network::blocks(figures, layout));
    }
    blocks.extend(methods::appendix(dashboard, data.lineage, data.workspace));
    PackDocument {
        title: TITLE.into(),
        subject: dashboard.pilot_name.clone(),
        subject_label: None,
        produced_on: data.produced_on,
        draft: false,
        blocks,
    }
}
