//! Sections the results packs share, each a function of the dashboard: charts first, the
//! tables under them, every figure with its unit, period and evidence.

use crate::metrics::analytics::precision::{fixed, with_change_unit};
use crate::model::{Arm, Dashboard, KeyNumber, KpiPanel, LiftMethod};
use crate::packs::document::{Block, Column, KeyFigure, Table};

/// Rows of a breakdown printed in the body; a longer one goes to a CSV beside the pack.
pub const ROWS_IN_BODY: usize = 25;

pub fn key_figures(numbers: &[KeyNumber]) -> Block {
    Block::KeyFigures(
        numbers
            .iter()
            .map(|n| KeyFigure {
                value: n.value.clone(),
                label: n.label.clone(),
                basis: n.basis.clone(),
            })
            .collect(),
    )
}

fn interval_text(panel: &KpiPanel) -> String {
    match &panel.lift {
        Some(lift) => match (&lift.display.interval, &lift.display.test) {
            (Some(interval), _) => interval.clone(),
            (None, Some(test)) => test.clone(),
            (None, None) => "none: too few teams".into(),
        },
        None => "-".into(),
    }
}

/// Every KPI in one table: the improvement, its uncertainty, the evidence and the verdict on
/// the criterion.
pub fn kpi_table(dashboard: &Dashboard) -> Block {
    Block::Table(Table {
        columns: vec![
            Column::left("KPI", 1.8),
            Column::right("Improvement", 1.5),
            Column::left("95% interval or test", 1.8),
            Column::left("Evidence", 1.5),
            Column::left("Criterion", 2.2),
        ],
        rows: dashboard
            .kpis
            .iter()
            .map(|panel| {
                let (improvement, evidence, criterion) = match &panel.lift {
                    Some(lift) => (
                        lift.display.improvement.clone(),
                        lift.evidence.label().to_string(),
                        match (&lift.criterion, lift.criterion_met) {
                            (Some(rule), true) => format!("Met: {rule}"),
                            (Some(rule), false) => format!("Not met: {rule}"),
                            (None, _) => "No criterion".into(),
                        },
                    ),
                    None => (
                        "-".into(),
                        "-".into(),
                        format!(
                            "Not measured yet: {}",
                            panel.not_measured.clone().unwrap_or_default()
                        ),
                    ),
                };
                vec![
                    format!("{} ({})", panel.name, panel.unit),
                    improvement,
                    interval_text(panel),
                    evidence,
                    criterion,
                ]
            })
            .collect(),
        note: Some(format!(
            "Improvement in each KPI's good direction, data to {}. Units are teams: a manager's \
             direct reports.",
            crate::packs::dates::long_date(dashboard.as_of)
        )),
    })
}

/// One KPI: its series, its effect month by month, and what the data can and cannot show.
pub fn kpi_detail(panel: &KpiPanel) -> Vec<Block> {
    // The charts' titles name the KPI, and a heading of its own would be left at the foot
    // of a page whenever the chart after it moves to the next.
    let mut blocks = vec![Block::Chart(panel.series.clone())];
    if let Some(chart) = &panel.event_study {
        blocks.push(Block::Chart(chart.clone()));
    }
    match &panel.lift {
        Some(lift) => {
            let mut text = lift.summary.clone();
            if let (Some(p), Some(c)) = (lift.pilot_pre_trend, lift.comparison_pre_trend) {
                let decimals = lift.decimals as usize + 1;
                text.push_str(&format!(
                    " Before launch the pilot group's teams drifted {} per 30 days and the \
                     comparison group's {}: the closer the two, the safer the comparison.",
                    with_change_unit(&fixed(p, decimals), &panel.unit),
                    fixed(c, decimals)
                ));
            }
            if lift.method == LiftMethod::PrePostTrend {
                text.push_str(
                    " Without a comparison group the change cannot be told apart from anything \
                     else that moved the KPI in the same weeks.",
                );
            }
            blocks.push(Block::Paragraph(text));
            if let Some(limits) = &lift.limits {
                blocks.push(Block::Note(limits.clone()));
            }
        }
        None => blocks.push(Block::Paragraph(format!(
            "{} cannot be measured yet: {}.",
            panel.name,
            panel.not_measured.clone().unwrap_or_default()
        ))),
    }
    if let Some(mde) = &panel.mde {
        blocks.push(Block::Note(mde.sentence.clone()));
    }
    blocks
}

pub fn coaching(dashboard: &Dashboard, with_scatter: bool) -> Vec<Block> {
    let coaching = &dashboard.coaching;
    let mut blocks = vec![
        Block::Heading("What went in: coaching".into()),
        Block::Chart(coaching.weekly.clone()),
        Block::Paragraph(coaching.summary.clone()),
    ];
    if with_scatter {
        if let Some(chart) = &coaching.inputs_against_outcomes {
            blocks.push(Block::Chart(chart.clone()));
        }
    }
    if !coaching.tasks.is_empty() {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Task", 3.0),
                Column::left("Workflow", 1.6),
                Column::right("Moments", 0.9),
                Column::right("Hours", 0.8),
            ],
            rows: coaching
                .tasks
                .iter()
                .map(|t| {
                    vec![
                        t.behaviour.clone(),
                        t.workflow.clone(),
                        fixed(f64::from(t.events), 0),
                        fixed(t.hours, 1),
                    ]
                })
                .collect(),
            note: Some(format!(
                "Time credits earned: {}. Manager-weeks over the load threshold: {}.",
                fixed(coaching.credits, 1),
                coaching.overloaded_manager_weeks
            )),
        }));
    }
    blocks
}

pub fn money(dashboard: &Dashboard) -> Vec<Block> {
    let cost = &dashboard.cost;
    let currency = &dashboard.currency;
    let money = |m: crate::model::Money| m.format_whole_with(currency);
    let mut blocks = vec![Block::Heading("What it cost".into())];
    blocks.push(Block::Chart(cost.chart.clone()));
    blocks.push(Block::Paragraph(cost.summary.clone()));
    if !cost.tranches.is_empty() {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Tranche", 1.4),
                Column::right("Amount", 1.0),
                Column::left("Condition", 2.2),
                Column::left("Status", 2.6),
            ],
            rows: cost
                .tranches
                .iter()
                .map(|t| {
                    vec![
                        t.label.clone(),
                        money(t.amount),
                        t.condition.clone(),
                        if t.released {
                            "Released".into()
                        } else if t.met {
                            format!("Condition met, not yet released. {}", t.explanation)
                        } else {
                            format!("Not met. {}", t.explanation)
                        },
                    ]
                })
                .collect(),
            note: None,
        }));
    }
    blocks
}

pub fn roi(dashboard: &Dashboard) -> Vec<Block> {
    let Some(report) = &dashboard.roi else {
        return vec![
            Block::Heading("Return on investment".into()),
            Block::Paragraph(
                "No monetised KPI and no cost are recorded yet, so no ROI can be computed.".into(),
            ),
        ];
    };
    let currency = &dashboard.currency;
    let money = |m: crate::model::Money| m.format_whole_with(currency);
    let figures = &report.figures;
    let mut blocks = vec![
        Block::Heading("Return on investment".into()),
        Block::Chart(report.cost_against_benefit.clone()),
    ];
    if let Some(chart) = &report.sensitivity {
        blocks.push(Block::Chart(chart.clone()));
    }
    blocks.push(Block::Paragraph(report.summary.clone()));
    let ratio = |v: Option<f64>| v.map_or("-".to_string(), |v| fixed(v, 2));
    let percent = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{}%", fixed(v, 0)));
    blocks.push(Block::Table(Table {
        columns: vec![Column::left("Figure", 2.4), Column::right("Value", 1.4)],
        rows: vec![
            vec![
                "First-year benefit, adjusted".into(),
                money(figures.benefits_total),
            ],
            vec!["Fully loaded cost".into(), money(figures.costs_total)],
            vec!["Benefit-cost ratio".into(), ratio(figures.bcr)],
            vec!["ROI".into(), percent(figures.roi_percent)],
            vec![
                "ROI at the interval's low and high ends".into(),
                format!(
                    "{} / {}",
                    percent(figures.roi_percent_low),
                    percent(figures.roi_percent_high)
                ),
            ],
            vec![
                "Payback".into(),
                figures
                    .payback_months
                    .map_or("-".into(), |m| format!("{} months", fixed(m, 1))),
            ],
            vec![
                "Break-even: share of the measured effects".into(),
                figures
                    .break_even_scale
                    .map_or("-".into(), |s| format!("{}%", fixed(s * 100.0, 0))),
            ],
        ],
        note: figures.interval_note.clone(),
    }));
    if !figures.benefits.is_empty() {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Benefit", 1.6),
                Column::left("How it was reached", 3.6),
                Column::right("First year", 1.1),
                Column::right("Break-even", 1.2),
            ],
            rows: figures
                .benefits
                .iter()
                .map(|b| {
                    vec![
                        b.kpi.clone(),
                        b.formula.clone(),
                        money(b.adjusted_value),
                        b.break_even_improvement
                            .map_or("-".into(), |e| format!("{} {}", fixed(e, 2), b.unit)),
                    ]
                })
                .collect(),
            note: Some(
                "Break-even: the improvement that KPI alone would need for the benefit to equal \
                 the cost."
                    .into(),
            ),
        }));
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left("Cost", 2.0),
            Column::left("Basis", 3.2),
            Column::right("Amount", 1.2),
        ],
        rows: figures
            .costs
            .iter()
            .map(|c| vec![c.label.clone(), c.basis.clone(), money(c.amount)])
            .collect(),
        note: Some(if report.projected {
            "Fully loaded: money paid out and the time of everyone involved at their hourly cost; \
             the time so far is projected to day 90."
                .into()
        } else {
            "Fully loaded: money paid out and the time of everyone involved at their hourly cost."
                .into()
        }),
    }));
    if !figures.intangibles.is_empty() {
        blocks.push(Block::Subheading("Listed, not monetised".into()));
        blocks.push(Block::Bullets(figures.intangibles.clone()));
    }
    blocks
}

pub fn flight_risk(dashboard: &Dashboard) -> Vec<Block> {
    use crate::metrics::analytics::flight_risk::percent;
    let risk = &dashboard.flight_risk;
    let row = |name: &str, arm: &crate::model::ArmRisk| match &arm.figures {
        Some(f) => vec![
            name.to_string(),
            f.headcount.to_string(),
            format!("{} ({})", f.leavers.count, percent(f.leavers.rate)),
            format!("{} ({})", f.moves.count, percent(f.moves.rate)),
        ],
        None => vec![
            name.to_string(),
            arm.note.clone().unwrap_or_else(|| "not shown".into()),
            String::new(),
            String::new(),
        ],
    };
    vec![
        Block::Heading("Flight-risk signals (cohort level)".into()),
        Block::Paragraph(risk.summary.clone()),
        Block::Table(Table {
            columns: vec![
                Column::left("Group", 1.4),
                Column::right("People at launch", 1.2),
                Column::right("Left", 1.0),
                Column::right("Moved team or manager", 1.4),
            ],
            rows: vec![
                row("Pilot group", &risk.pilot),
                row("Comparison group", &risk.comparison),
            ],
            note: Some(format!(
                "{} to {}; whole groups only, no one is scored, and a group under {} people is \
                 not shown.",
                crate::packs::dates::long_date(risk.window_start),
                crate::packs::dates::long_date(risk.window_end),
                risk.floor
            )),
        }),
    ]
}

/// The breakdown by team, when it is short enough for the body; otherwise a sentence that
/// points to the CSV written beside the pack.
pub fn teams(dashboard: &Dashboard, csv_name: Option<&str>) -> Vec<Block> {
    let units = &dashboard.units;
    let mut blocks = vec![Block::Heading("By team".into())];
    if units.rows.len() > ROWS_IN_BODY {
        blocks.push(Block::Paragraph(format!(
            "{} teams are shown{}; too many to print here.",
            units.rows.len(),
            match csv_name {
                Some(name) => format!(" in {name}, written beside this pack"),
                None => " in the app's dashboard".into(),
            }
        )));
        blocks.push(Block::Note(units.note.clone()));
        return blocks;
    }
    let mut columns = vec![
        Column::left("Team", 2.4),
        Column::left("Group", 1.0),
        Column::right("People", 0.7),
        Column::right("Coaching h", 0.9),
    ];
    for name in &units.kpis {
        columns.push(Column::right(name, 1.1));
    }
    blocks.push(Block::Table(Table {
        columns,
        rows: units
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![
                    row.label.clone(),
                    match row.arm {
                        Arm::Pilot => "Pilot".into(),
                        Arm::Comparison => "Comparison".into(),
                    },
                    row.people.to_string(),
                    fixed(row.coaching_hours, 1),
                ];
                for change in &row.changes {
                    cells.push(change.map_or("-".into(), |c| fixed(c, 2)));
                }
                cells
            })
            .collect(),
        note: Some(format!(
            "KPI columns: each team's change from its baseline mean, in the KPI's unit. {}",
            units.note
        )),
    }));
    blocks
}
