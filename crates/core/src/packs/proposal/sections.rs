//! The proposal's sections after page one, each a function of the design.

use crate::model::{Arm, ComparisonDesign, Direction, ItemStatus, PilotDesign};
use crate::packs::dates::{date_range, long_date, long_date_of};
use crate::packs::document::{Bar, BarChart, Block, Column, Table};

use super::{ProposalData, Roster};
use crate::model::BalanceTable;

fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

pub fn success(design: &PilotDesign, currency: &str) -> Vec<Block> {
    let mut blocks = vec![Block::Heading("What success looks like".into())];
    if design.kpis.is_empty() {
        blocks.push(Block::Paragraph(
            "No KPIs are chosen yet. A pilot tracks 2-3 business KPIs, each with a baseline and \
             a success criterion decided before launch."
                .into(),
        ));
        return blocks;
    }
    blocks.push(Block::Paragraph(format!(
        "{} business KPIs, each with a baseline and a success criterion decided before launch. \
         {}",
        design.kpis.len(),
        if design.criteria_locked {
            "The approval locked them; changing one needs a new decision."
        } else {
            "They lock when the pilot is approved."
        }
    )));
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left("KPI", 2.0),
            Column::left("Baseline", 1.7),
            Column::left("Success criterion", 3.0),
            Column::right("Value per unit", 1.2),
        ],
        rows: design
            .kpis
            .iter()
            .map(|k| {
                let better = match k.direction {
                    Direction::Higher => "higher is better",
                    Direction::Lower => "lower is better",
                };
                vec![
                    format!("{} ({}, {better})", k.name, k.unit),
                    k.baseline.as_ref().map_or("not set".into(), |b| {
                        format!(
                            "{} {} over {}",
                            number(b.value),
                            k.unit,
                            date_range(b.start, b.end)
                        )
                    }),
                    k.criterion
                        .as_ref()
                        .map_or("not set".into(), |c| c.rule.clone()),
                    k.value_per_unit
                        .map_or("not monetised".into(), |v| v.format_with(currency)),
                ]
            })
            .collect(),
        note: Some(format!(
            "Sources: {}.",
            design
                .kpis
                .iter()
                .map(|k| if k.data_source.is_empty() {
                    format!("{}: not stated", k.name)
                } else {
                    format!("{}: {}", k.name, k.data_source)
                })
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }));
    blocks
}

pub fn evidence_design(design: &PilotDesign, balance: &BalanceTable) -> Vec<Block> {
    let cohort = &design.cohort;
    let mut blocks = vec![Block::Heading("How the effect will be isolated".into())];
    let explanation = match cohort.design {
        ComparisonDesign::RandomisedWaitlist => format!(
            "Randomised waitlist. Managers were drawn at random into the pilot or a waitlist that \
             starts after day 90; the draw used seed {} and can be reproduced from it. The effect \
             is a difference-in-differences against the waitlist: the strongest evidence this \
             pilot can produce.",
            cohort.seed.as_deref().unwrap_or("(none)")
        ),
        ComparisonDesign::MatchedTeams => "Matched teams. Each pilot team is compared with the most similar team outside the \
             pilot on team size, role mix and baseline. The effect is a difference-in-differences \
             against the matched teams; it rests on the teams trending alike before launch."
            .into(),
        ComparisonDesign::StaggeredWaves => format!(
            "Staggered waves. Wave 2 starts at day 45 and is the comparison for wave 1 until then{}. \
             The early effect is a difference-in-differences over days 0-45.",
            cohort.seed.as_ref().map(|s| format!("; waves were drawn with seed {s}")).unwrap_or_default()
        ),
        ComparisonDesign::HandPicked => format!(
            "Hand-picked teams. The pilot teams ({}) were chosen by name and are compared with the \
             named comparison teams ({}). The effect is a difference-in-differences against those \
             teams; as they were not drawn at random, it rests on the two groups trending alike \
             before launch, which the baseline trends of both will show.",
            list_or_count(&cohort.teams(Arm::Pilot)),
            list_or_count(&cohort.teams(Arm::Comparison))
        ),
        ComparisonDesign::None => "No comparison group. The lift will be a pre/post change against the baseline trend \
             projected forward, and every figure will be flagged as weaker evidence."
            .into(),
    };
    blocks.push(Block::Paragraph(explanation));
    if cohort.members.is_empty() {
        blocks.push(Block::Note("No managers are assigned yet.".into()));
        return blocks;
    }
    blocks.push(Block::Subheading(
        "How alike the groups are before launch".into(),
    ));
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left("", 2.6),
            Column::right("Pilot", 1.3),
            Column::right("Comparison", 1.3),
            Column::right("Std. difference", 1.2),
            Column::left("", 1.1),
        ],
        rows: balance
            .rows
            .iter()
            .map(|row| {
                vec![
                    row.label.clone(),
                    row.pilot_text.clone(),
                    row.comparison_text.clone(),
                    row.difference
                        .map_or(String::new(), |d| format!("{d:+.2}").replace('+', "")),
                    row.flag.map_or(String::new(), |f| f.label().to_string()),
                ]
            })
            .collect(),
        note: Some(balance.notes.join(" ")),
    }));
    blocks
}

/// The cohort team by team: in the appendix while short, otherwise in a CSV beside the pack.
pub fn roster(design: &PilotDesign, roster: &Roster) -> Vec<Block> {
    let cohort = &design.cohort;
    if cohort.members.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Subheading("The cohort, team by team".into())];
    if let Roster::Beside(file) = roster {
        blocks.push(Block::Paragraph(format!(
            "The {} managers of the cohort and their teams are listed in {file}, written beside \
             this pack: too many to print here.",
            cohort.members.len()
        )));
        return blocks;
    }
    let arm_label = |arm: Arm, wave: Option<u32>| match (cohort.design, arm, wave) {
        (ComparisonDesign::StaggeredWaves, _, Some(w)) => format!("Wave {w}"),
        (ComparisonDesign::RandomisedWaitlist, Arm::Comparison, _) => "Waitlist".into(),
        (_, Arm::Pilot, _) => "Pilot".into(),
        (_, Arm::Comparison, _) => "Comparison".into(),
    };
    let name_of = |id: &str| {
        cohort
            .members
            .iter()
            .find(|m| m.manager_id == id)
            .map_or(id.to_string(), |m| m.manager_name.clone())
    };
    let mut columns = vec![
        Column::left("Group", 1.0),
        Column::left("Manager", 1.8),
        Column::left("Team", 1.6),
        Column::right("People", 0.8),
    ];
    let matched = cohort.design == ComparisonDesign::MatchedTeams;
    if matched {
        columns.push(Column::left("Matched with", 1.6));
    }
    blocks.push(Block::Table(Table {
        columns,
        rows: cohort
            .members
            .iter()
            .map(|m| {
                let mut row = vec![
                    arm_label(m.arm, m.wave),
                    m.manager_name.clone(),
                    m.team.clone(),
                    m.team_size.to_string(),
                ];
                if matched {
                    row.push(m.matched_with.as_deref().map(name_of).unwrap_or_default());
                }
                row
            })
            .collect(),
        note: Some(
            "People are the managers' direct reports, the coachees of the pilot arm.".into(),
        ),
    }));
    blocks
}

/// A few team names in full; many as a count, so a paragraph stays a paragraph.
fn list_or_count(teams: &[String]) -> String {
    match teams.len() {
        0 => "none yet".into(),
        1..=4 => teams.join(", "),
        n => format!("{n} teams"),
    }
}

pub fn playbooks(design: &PilotDesign) -> Vec<Block> {
    let mut blocks = vec![Block::Heading("Micro-coaching playbooks".into())];
    if design.workflows.is_empty() {
        blocks.push(Block::Paragraph("No workflows chosen yet.".into()));
    }
    let kpi_name = |id: Option<i64>| {
        id.and_then(|id| design.kpis.iter().find(|k| k.id == id))
            .map_or("none".to_string(), |k| k.name.clone())
    };
    for workflow in &design.workflows {
        blocks.push(Block::Subheading(format!(
            "{}: {} task{}",
            workflow.name,
            workflow.tasks.len(),
            if workflow.tasks.len() == 1 { "" } else { "s" }
        )));
        if workflow.tasks.is_empty() {
            blocks.push(Block::Note(
                "No playbook tasks yet; a playbook needs 3 or 4.".into(),
            ));
            continue;
        }
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Task", 2.2),
                Column::left("Coaching moments", 3.2),
                Column::left("Builds / supported by", 1.9),
                Column::left("Moves", 1.4),
            ],
            rows: workflow
                .tasks
                .iter()
                .map(|t| {
                    vec![
                        t.behaviour.clone(),
                        t.moments
                            .iter()
                            .map(|m| {
                                format!("{}× a week, {} min: {}", m.per_week, m.minutes, m.prompt)
                            })
                            .collect::<Vec<_>>()
                            .join("\n"),
                        format!(
                            "{}\n{}",
                            if t.competency.is_empty() {
                                "No competency"
                            } else {
                                &t.competency
                            },
                            if t.skill_module.is_empty() {
                                "No skill module"
                            } else {
                                &t.skill_module
                            }
                        ),
                        kpi_name(t.kpi_id),
                    ]
                })
                .collect(),
            note: None,
        }));
    }
    blocks
}

pub fn budget(design: &PilotDesign, currency: &str) -> Vec<Block> {
    let estimate = &design.estimate;
    let money = |m: crate::model::Money| m.format_with(currency);
    let mut blocks = vec![Block::Heading("Budget: the fully loaded cost".into())];
    if estimate.rows.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "No budget lines or time costs are entered yet; {} is committed for tooling and analytics.",
            money(design.pilot.budget)
        )));
        return blocks;
    }
    let total = estimate.total.cents().max(1) as f64;
    let time_share = (estimate.people_time.cents() as f64 / total * 100.0).round();
    let components = [
        ("Tooling and analytics", estimate.tooling_and_analytics),
        ("Vendor", estimate.vendor),
        ("People's time", estimate.people_time),
    ];
    blocks.push(Block::BarChart(BarChart {
        title: format!(
            "People's time is {time_share:.0}% of the {} fully loaded cost",
            estimate.total.format_whole_with(currency)
        ),
        bars: components
            .iter()
            .filter(|(_, m)| m.cents() > 0)
            .map(|(label, m)| Bar {
                label: (*label).into(),
                value: m.cents() as f64,
                display: money(*m),
            })
            .collect(),
        note: Some(format!(
            "Estimate for {} weeks, {} managers and {} coachees; time at each group's hourly cost.",
            estimate.weeks, estimate.managers, estimate.coachees
        )),
    }));
    let mut rows: Vec<Vec<String>> = estimate
        .rows
        .iter()
        .map(|r| vec![r.label.clone(), r.basis.clone(), money(r.amount)])
        .collect();
    rows.push(vec![
        "Total".into(),
        "fully loaded".into(),
        money(estimate.total),
    ]);
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left("Cost", 2.4),
            Column::left("Basis", 3.2),
            Column::right("Amount", 1.3),
        ],
        rows,
        note: Some(format!(
            "Committed for tooling and analytics: {}.",
            money(design.pilot.budget)
        )),
    }));
    blocks
}

fn status_text(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Met => "Met",
        ItemStatus::NotMet => "Not met",
        ItemStatus::Waived => "Waived",
        ItemStatus::NotYetApplicable => "Not yet",
    }
}

pub fn checklist(design: &PilotDesign) -> Vec<Block> {
    let readiness = &design.readiness;
    let step1 = &readiness.steps[0];
    let mut blocks = vec![
        Block::Heading("Readiness checklist".into()),
        Block::Paragraph(format!(
            "Step 1, {}: {} of {} items met or waived{}. Each item is read from the pilot's data; \
             a waiver records who waived it and why.",
            step1.title.to_lowercase(),
            step1.done,
            step1.applicable,
            if readiness.step1_complete {
                ", so the pilot may be submitted"
            } else {
                "; the pilot cannot be submitted yet"
            }
        )),
    ];
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left("Step 1 item", 2.4),
            Column::left("Status", 0.9),
            Column::left("Why", 4.0),
        ],
        rows: step1
            .items
            .iter()
            .map(|i| {
                let why = match &i.mark {
                    Some(m) if i.status == ItemStatus::Waived => {
                        let on = long_date_of(&m.at).unwrap_or_default();
                        format!(
                            "{}. Waived by {} on {on}: {}",
                            i.reason.trim_end_matches('.'),
                            m.by,
                            m.reason
                        )
                    }
                    _ => i.reason.clone(),
                };
                vec![i.title.clone(), status_text(i.status).into(), why]
            })
            .collect(),
        note: Some(format!(
            "Steps 2 ({}) and 3 ({}) apply once the pilot runs and at its outcome: {}.",
            readiness.steps[1].title.to_lowercase(),
            readiness.steps[2].title.to_lowercase(),
            readiness.steps[1..]
                .iter()
                .flat_map(|s| &s.items)
                .map(|i| i.title.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }));
    blocks
}

pub fn risks(design: &PilotDesign) -> Vec<Block> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    if design.cohort.design == ComparisonDesign::None {
        rows.push(vec![
            "Attribution: without a comparison group the lift cannot be separated from seasonality or other change".into(),
            "Report pre/post against the projected trend, flag it as weaker evidence, and consider a waitlist".into(),
        ]);
    } else {
        rows.push(vec![
            "Attribution: other changes during the 90 days move the KPIs too".into(),
            format!(
                "{} comparison; every figure states its method and strength",
                design.cohort.design.label()
            ),
        ]);
    }
    let manager_hours = design.time_costs.manager_hours_per_week;
    rows.push(vec![
        "Manager overload: coaching is squeezed out by delivery work".into(),
        if manager_hours > 0.0 {
            format!("{manager_hours} h a week per manager budgeted and credited as time credits; load watched weekly")
        } else {
            "Budget managers' coaching hours and credit them as time credits".into()
        },
    ]);
    rows.push(vec![
        "Noisy bite-size content: too many small prompts dilute the message".into(),
        "Playbooks are governed: 3-4 high-impact tasks per workflow, moments of 5-15 minutes"
            .into(),
    ]);
    if !design.pilot.ai_agenda.is_empty() {
        rows.push(vec![
            "Over-reliance on AI-generated agendas".into(),
            format!(
                "Used only for {}; each suggestion is recorded as accepted, edited or rejected",
                design.pilot.ai_agenda
            ),
        ]);
    }
    rows.push(vec![
        "Coaching feels impersonal when much of it is asynchronous".into(),
        "Live check-ins stay in the plan alongside async feedback".into(),
    ]);
    for item in design.readiness.steps[0]
        .items
        .iter()
        .filter(|i| i.status == ItemStatus::Waived)
    {
        rows.push(vec![
            format!("Waived item: {}", item.title),
            item.mark
                .as_ref()
                .map_or(String::new(), |m| format!("{} ({})", m.reason, m.by)),
        ]);
    }
    vec![
        Block::Heading("Risks and mitigations".into()),
        Block::Table(Table {
            columns: vec![Column::left("Risk", 3.0), Column::left("Mitigation", 3.4)],
            rows,
            note: None,
        }),
    ]
}

pub fn appendix(data: &ProposalData) -> Vec<Block> {
    let design = data.design;
    let pilot = &design.pilot;
    let mut blocks = vec![
        Block::Heading("Appendix: methods, assumptions and data lineage".into()),
        Block::Bullets(vec![
            "Lift with a comparison group (difference-in-differences): for each team, the mean KPI \
             in the baseline window and in the pilot window; d = post - pre. Effect = mean(d, pilot) \
             - mean(d, comparison); standard error sqrt(var_p/n_p + var_c/n_c) (Welch), with a 95% \
             interval from the t distribution. Pre-period trends of both groups are shown so the \
             parallel-trends assumption can be judged."
                .into(),
            "Lift without a comparison group: the pre/post change against the baseline trend \
             projected forward, flagged as weaker evidence."
                .into(),
            "Return on investment (Phillips): benefits are monetised KPI changes (value per unit \
             × isolated effect), first year only, the most conservative choice when in doubt and \
             adjusted by the stated confidence; costs are fully loaded as in the budget above. \
             BCR = benefits / costs; ROI % = (benefits - costs) / costs × 100. Intangibles are \
             listed, not monetised."
                .into(),
            format!(
                "Privacy: no breakdown is shown or printed for a group smaller than {} people; \
                 flight-risk signals are cohort-level only and no individual is scored.",
                data.settings.min_group_size
            ),
            format!(
                "The pilot window is fixed at 90 days from {}; the mid-point review falls on day 45 \
                 and the outcome decision on day 90.",
                long_date(pilot.start_date)
            ),
            format!(
                "Data lineage: drawn from the workspace \"{}\" on {}: pilot record #{} and {} people \
                 on record. Amounts are in {}.",
                data.settings.workspace_name,
                long_date(data.produced_on),
                pilot.id,
                data.people_on_record,
                data.settings.currency
            ),
            "This pack is frozen: the content hash in the footer identifies this exact content in \
             Pilotdesk's pack records."
                .into(),
        ]),
    ];
    if !data.changes.is_empty() {
        const SHOWN: usize = 12;
        let skipped = data.changes.len().saturating_sub(SHOWN);
        blocks.push(Block::Subheading("Record of changes".into()));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("When (UTC)", 1.4),
                Column::left("Who", 1.3),
                Column::left("What", 3.6),
            ],
            rows: data.changes[skipped..]
                .iter()
                .map(|c| {
                    vec![
                        crate::packs::dates::date_time_of(&c.at),
                        c.actor.clone(),
                        // The embedded font has no arrows; the record reads the same in words.
                        c.summary.replace(" → ", " to "),
                    ]
                })
                .collect(),
            note: (skipped > 0).then(|| {
                format!("The {skipped} earlier changes are in Pilotdesk's change record.")
            }),
        }));
    }
    blocks
}
