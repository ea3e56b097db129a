//! The day-45 review pack and the day-90 outcome pack: the recommendation first (for day 90,
//! the verdict of the rule registered before launch), what the group is asked to decide and
//! by when, then the evidence, charts before tables, and the appendix.

use crate::model::{Dashboard, VoteChoice};
use crate::packs::dates::{long_date, long_date_of};
use crate::packs::document::{Block, PackDocument};

use super::{methods, sections, skills, ResultsData};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Day45,
    Day90,
}

impl Gate {
    pub fn title(self) -> &'static str {
        match self {
            Gate::Day45 => "Day-45 review pack",
            Gate::Day90 => "Day-90 outcome pack",
        }
    }
}

fn choice_word(choice: VoteChoice) -> &'static str {
    match choice {
        VoteChoice::Scale => "scale",
        VoteChoice::Iterate => "iterate",
        VoteChoice::Stop => "stop",
        VoteChoice::Continue => "continue",
        VoteChoice::Approve => "approve",
        VoteChoice::Reject => "reject",
        VoteChoice::RequestChanges => "request changes",
    }
}

/// What the day-45 evidence points to: stop only when coaching never started or a KPI is
/// clearly worse; otherwise continue and look again at day 90.
fn day45_recommendation(dashboard: &Dashboard) -> (bool, String) {
    if dashboard.coaching.events == 0 {
        return (
            false,
            "no coaching has been logged in 45 days, so there is nothing to measure".into(),
        );
    }
    let worse: Vec<&str> = dashboard
        .kpis
        .iter()
        .filter(|k| {
            k.lift
                .as_ref()
                .is_some_and(|l| l.improvement_high.is_some_and(|h| h < 0.0))
        })
        .map(|k| k.name.as_str())
        .collect();
    if !worse.is_empty() {
        return (
            false,
            format!(
                "{} is clearly worse than in the comparison group",
                worse.join(" and ")
            ),
        );
    }
    (
        true,
        "coaching is flowing and no KPI is clearly worse; the day-90 outcome will say whether it \
         works"
            .into(),
    )
}

fn lead_and_ask(data: &ResultsData, gate: Gate) -> (Block, Block) {
    let dashboard = data.dashboard;
    let decided = data.gate.as_ref().and_then(|g| g.decision.as_ref());
    let due = data.gate.as_ref().map(|g| g.due_on);
    match gate {
        Gate::Day90 => {
            let rule = data.verdict.map(|v| {
                (
                    choice_word(v.choice),
                    v.reasons.last().cloned().unwrap_or_default(),
                )
            });
            match (decided, rule) {
                (Some(decision), rule) => (
                    Block::Lead(format!(
                        "On {} the steering group decided to {} \"{}\" (decision {}).{}",
                        long_date_of(&decision.decided_at).unwrap_or_default(),
                        decision.outcome_label.to_lowercase(),
                        dashboard.pilot_name,
                        decision.id,
                        rule.map(|(choice, _)| format!(
                            " The rule registered before launch said: {choice}."
                        ))
                        .unwrap_or_default()
                    )),
                    Block::Callout {
                        title: format!("Decided: {}", decision.outcome_label),
                        text: decision.summary.clone(),
                    },
                ),
                (None, Some((choice, reason))) => (
                    Block::Lead(format!(
                        "Recommendation: {choice}, by the decision rule registered before \
                         launch ({}).",
                        lower_first(reason.trim_end_matches('.'))
                    )),
                    Block::Callout {
                        title: match due {
                            Some(due) => format!("Decision requested by {}", long_date(due)),
                            None => "Decision requested".into(),
                        },
                        text: format!(
                            "The steering group is asked to scale, iterate or stop \"{}\". The \
                             recommendation is the verdict of the decision rule registered \
                             before launch; the group's vote decides, and its record will show \
                             both side by side. The sponsor owns the outcome.",
                            dashboard.pilot_name
                        ),
                    },
                ),
                (None, None) => (
                    Block::Lead(dashboard.headline.clone()),
                    Block::Callout {
                        title: "Decision requested".into(),
                        text: "The steering group is asked to scale, iterate or stop the pilot."
                            .into(),
                    },
                ),
            }
        }
        Gate::Day45 => {
            let (go_on, why) = day45_recommendation(dashboard);
            match decided {
                Some(decision) => (
                    Block::Lead(format!(
                        "On {} the steering group decided to {} \"{}\" at its day-45 review \
                         (decision {}).",
                        long_date_of(&decision.decided_at).unwrap_or_default(),
                        decision.outcome_label.to_lowercase(),
                        dashboard.pilot_name,
                        decision.id
                    )),
                    Block::Callout {
                        title: format!("Decided: {}", decision.outcome_label),
                        text: decision.summary.clone(),
                    },
                ),
                None => (
                    Block::Lead(format!(
                        "Recommendation at day 45: {}. {}.",
                        if go_on {
                            "continue"
                        } else {
                            "consider stopping"
                        },
                        capitalised(&why)
                    )),
                    Block::Callout {
                        title: match due {
                            Some(due) => format!("Decision requested by {}", long_date(due)),
                            None => "Decision requested".into(),
                        },
                        text: format!(
                            "The steering group is asked to continue \"{}\" to its day-90 \
                             outcome or to stop it now. {}",
                            dashboard.pilot_name, dashboard.headline
                        ),
                    },
                ),
            }
        }
    }
}

/// "Scale: all 3 KPIs met" -> "all 3 KPIs met": the reason without its verdict word.
fn lower_first(text: &str) -> String {
    let text = match text.split_once(": ") {
        Some((head, rest)) if !head.contains(' ') => rest,
        _ => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn build(data: &ResultsData, gate: Gate, teams_csv: Option<&str>) -> PackDocument {
    let dashboard = data.dashboard;
    // Before the decision it asks for, whether the gate is open or was never opened.
    let draft = data.gate.as_ref().is_none_or(|g| g.decision.is_none());
    let (lead, ask) = lead_and_ask(data, gate);
    let mut blocks = vec![
        Block::Title(dashboard.pilot_name.clone()),
        lead,
        sections::key_figures(&dashboard.key_numbers),
        ask,
    ];
    if let (Gate::Day90, Some(verdict)) = (gate, data.verdict) {
        blocks.push(Block::Heading(
            "The decision rule registered before launch".into(),
        ));
        blocks.push(Block::Paragraph(verdict.rule.clone()));
        blocks.push(Block::Bullets(verdict.reasons.clone()));
    }
    match gate {
        Gate::Day90 => {
            blocks.push(Block::PageBreak);
            blocks.push(Block::Heading("What came out: lift per KPI".into()));
            if let Some(chart) = &dashboard.lift_chart {
                blocks.push(Block::Chart(chart.clone()));
            }
            blocks.push(sections::kpi_table(dashboard));
            for panel in &dashboard.kpis {
                blocks.extend(sections::kpi_detail(panel));
            }
            blocks.extend(sections::coaching(dashboard, true));
            blocks.extend(sections::roi(dashboard));
            blocks.extend(sections::money(dashboard));
        }
        Gate::Day45 => {
            blocks.extend(sections::coaching(dashboard, false));
            blocks.push(Block::Heading("Early results".into()));
            blocks.push(sections::kpi_table(dashboard));
            for panel in &dashboard.kpis {
                blocks.extend(sections::kpi_detail(panel));
            }
            blocks.extend(sections::money(dashboard));
        }
    }
    if let Some(report) = data.skills {
        blocks.extend(skills::section(report, &dashboard.currency));
    }
    blocks.extend(sections::flight_risk(dashboard));
    blocks.extend(sections::teams(dashboard, teams_csv));
    if let (false, Some(decision)) = (draft, data.gate.as_ref().and_then(|g| g.decision.as_ref())) {
        blocks.push(Block::Heading("Sign-off".into()));
        blocks.push(Block::Paragraph(format!(
            "Signed for the steering group's decision {} of {}: {}",
            decision.id,
            long_date_of(&decision.decided_at).unwrap_or_default(),
            decision.summary
        )));
        blocks.push(Block::Signatures(vec![
            "Senior sponsor".into(),
            "Chair of the steering group".into(),
        ]));
    }
    blocks.extend(methods::appendix(dashboard, data.lineage, data.workspace));
    PackDocument {
        title: gate.title().into(),
        subject: dashboard.pilot_name.clone(),
        subject_label: None,
        produced_on: data.produced_on,
        draft,
        blocks,
    }
}
