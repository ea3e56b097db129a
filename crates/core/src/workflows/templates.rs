//! Built-in micro-coaching playbooks. Each names three or four high-impact tasks with
//! concrete behaviours, the moments a manager uses to coach them, and the KPIs they move.
//! A template is cloned into a pilot; after that everything is the pilot's own to edit.

use crate::model::{Direction, TemplateSummary};

#[derive(Debug)]
pub struct KpiTemplate {
    pub name: &'static str,
    pub unit: &'static str,
    pub direction: Direction,
    pub data_source: &'static str,
    /// What one unit of improvement is worth, in cents; a starting point to adjust.
    pub value_per_unit: Option<i64>,
}

#[derive(Debug)]
pub struct MomentTemplate {
    pub prompt: &'static str,
    pub per_week: u32,
    pub minutes: u32,
}

#[derive(Debug)]
pub struct TaskTemplate {
    pub behaviour: &'static str,
    pub moments: &'static [MomentTemplate],
    pub competency: &'static str,
    pub skill_module: &'static str,
    pub kpi: &'static str,
}

#[derive(Debug)]
pub struct Template {
    pub key: &'static str,
    pub workflow: &'static str,
    pub summary: &'static str,
    pub kpis: &'static [KpiTemplate],
    pub tasks: &'static [TaskTemplate],
}

const fn moment(prompt: &'static str, per_week: u32, minutes: u32) -> MomentTemplate {
    MomentTemplate {
        prompt,
        per_week,
        minutes,
    }
}

pub const TEMPLATES: &[Template] = &[
    Template {
        key: "sales-onboarding",
        workflow: "Sales onboarding",
        summary: "New account executives reach their first closed deal sooner: discovery, \
                  qualification, price objections and mutual action plans, coached in the \
                  week they happen.",
        kpis: &[
            KpiTemplate {
                name: "Days to first closed deal",
                unit: "days",
                direction: Direction::Lower,
                data_source: "CRM: opportunity close dates for reps hired in the window",
                value_per_unit: Some(35_000),
            },
            KpiTemplate {
                name: "Discovery calls converted to qualified opportunities",
                unit: "%",
                direction: Direction::Higher,
                data_source: "CRM: first meetings and stage-2 opportunities per rep",
                value_per_unit: Some(120_000),
            },
        ],
        tasks: &[
            TaskTemplate {
                behaviour: "Uncover the buyer's business problem before presenting the product",
                moments: &[
                    moment("Before the call: which three questions will surface the business problem, and what will you hold back until you hear it?", 2, 10),
                    moment("After the call: replay the moment the buyer named a pain. What did you ask next, and what would you ask now?", 1, 10),
                ],
                competency: "Consultative discovery",
                skill_module: "Discovery questioning (45-minute module)",
                kpi: "Discovery calls converted to qualified opportunities",
            },
            TaskTemplate {
                behaviour: "Qualify every deal against the team's framework and drop the ones that fail",
                moments: &[moment(
                    "Pipeline review: pick one deal. Which qualification element is weakest, and what is the next step that closes the gap or closes the deal out?",
                    1,
                    15,
                )],
                competency: "Deal qualification",
                skill_module: "Qualification frameworks in practice",
                kpi: "Days to first closed deal",
            },
            TaskTemplate {
                behaviour: "Answer the first price objection with value, not a discount",
                moments: &[moment(
                    "Role-play the objection heard most this week: the manager plays the buyer for three minutes, then swap and debrief one phrase to keep.",
                    1,
                    10,
                )],
                competency: "Value-based negotiation",
                skill_module: "Handling price objections",
                kpi: "Days to first closed deal",
            },
            TaskTemplate {
                behaviour: "Agree a mutual action plan with the buyer after the second meeting",
                moments: &[moment(
                    "Open the last plan you sent: does every step have a buyer-side owner and a date they agreed to? Fix one gap today.",
                    1,
                    5,
                )],
                competency: "Deal management",
                skill_module: "Mutual action plans",
                kpi: "Days to first closed deal",
            },
        ],
    },
    Template {
        key: "customer-escalation",
        workflow: "Customer escalation",
        summary: "Frontline agents resolve more at first contact and escalate less: \
                  acknowledging impact, owning the case, structured diagnosis and closing \
                  the loop.",
        kpis: &[
            KpiTemplate {
                name: "First-contact resolution",
                unit: "%",
                direction: Direction::Higher,
                data_source: "Help desk: tickets solved without transfer or reopen, per agent",
                value_per_unit: Some(90_000),
            },
            KpiTemplate {
                name: "Escalations to a manager per 100 tickets",
                unit: "per 100 tickets",
                direction: Direction::Lower,
                data_source: "Help desk: escalation tag per team, weekly",
                value_per_unit: Some(60_000),
            },
        ],
        tasks: &[
            TaskTemplate {
                behaviour: "Name the impact on the customer before starting to troubleshoot",
                moments: &[moment(
                    "Listen to one escalated call together: where did the customer first say how the problem hurts them, and how soon did we say it back?",
                    2,
                    10,
                )],
                competency: "Empathetic communication",
                skill_module: "De-escalation language",
                kpi: "Escalations to a manager per 100 tickets",
            },
            TaskTemplate {
                behaviour: "Own the case: give a specific time for the next update and keep it",
                moments: &[moment(
                    "Scan yesterday's open escalations: did each customer get a committed update time, and was it met? Agree what to change for the misses.",
                    2,
                    5,
                )],
                competency: "Ownership and follow-through",
                skill_module: "Case ownership",
                kpi: "First-contact resolution",
            },
            TaskTemplate {
                behaviour: "Work through the diagnostic checklist before escalating to tier 2",
                moments: &[moment(
                    "Take one ticket escalated this week and walk the checklist together: mark the step where it could have been solved at tier 1.",
                    1,
                    15,
                )],
                competency: "Structured troubleshooting",
                skill_module: "Tier-1 diagnostics",
                kpi: "First-contact resolution",
            },
            TaskTemplate {
                behaviour: "Confirm the fix with the customer and log the root cause in plain words",
                moments: &[moment(
                    "Pick two closed tickets: could a product team act on the root cause as written? Rewrite one together.",
                    1,
                    5,
                )],
                competency: "Root-cause reporting",
                skill_module: "Writing useful case notes",
                kpi: "Escalations to a manager per 100 tickets",
            },
        ],
    },
    Template {
        key: "new-manager-onboarding",
        workflow: "New-manager onboarding",
        summary: "First-time managers build the habits that keep teams engaged: 1:1s the \
                  report leads, fast specific feedback, real delegation and early \
                  retention conversations.",
        kpis: &[
            KpiTemplate {
                name: "Regretted attrition in new managers' teams",
                unit: "% a quarter",
                direction: Direction::Lower,
                data_source: "HRIS: voluntary regretted leavers per team, quarterly",
                value_per_unit: Some(1_500_000),
            },
            KpiTemplate {
                name: "Team engagement pulse",
                unit: "points",
                direction: Direction::Higher,
                data_source: "Monthly engagement pulse survey, team average",
                value_per_unit: None,
            },
        ],
        tasks: &[
            TaskTemplate {
                behaviour: "Hold a weekly 1:1 in which the team member sets the agenda",
                moments: &[
                    moment("Before the 1:1: what will you ask so your report leads? Write the opening question.", 1, 5),
                    moment("After the 1:1: what did you learn that you did not know last week?", 1, 5),
                ],
                competency: "Coaching conversations",
                skill_module: "Running effective 1:1s",
                kpi: "Team engagement pulse",
            },
            TaskTemplate {
                behaviour: "Give specific feedback within 48 hours of what prompted it",
                moments: &[moment(
                    "Draft one piece of this week's feedback as situation, behaviour, impact; the coach checks it names something observable.",
                    2,
                    5,
                )],
                competency: "Feedback",
                skill_module: "Situation-behaviour-impact feedback",
                kpi: "Team engagement pulse",
            },
            TaskTemplate {
                behaviour: "Delegate a piece of work with a clear outcome, a deadline and one check-in",
                moments: &[moment(
                    "Name one task you did yourself this week that someone on the team could own. Plan the handover conversation.",
                    1,
                    10,
                )],
                competency: "Delegation",
                skill_module: "Delegating for growth",
                kpi: "Regretted attrition in new managers' teams",
            },
            TaskTemplate {
                behaviour: "Notice early signs of disengagement and ask about them",
                moments: &[moment(
                    "Scan the team for changes in energy or output; choose one person to check in with and rehearse how you will open.",
                    1,
                    10,
                )],
                competency: "Retention conversations",
                skill_module: "Stay interviews",
                kpi: "Regretted attrition in new managers' teams",
            },
        ],
    },
];

pub fn find(key: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.key == key)
}

pub fn summaries() -> Vec<TemplateSummary> {
    TEMPLATES
        .iter()
        .map(|t| TemplateSummary {
            key: t.key.into(),
            workflow: t.workflow.into(),
            summary: t.summary.split_whitespace().collect::<Vec<_>>().join(" "),
            tasks: t.tasks.iter().map(|task| task.behaviour.into()).collect(),
            kpis: t.kpis.iter().map(|k| k.name.into()).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_a_complete_playbook() {
        assert!(TEMPLATES.len() >= 3);
        for template in TEMPLATES {
            assert!((3..=4).contains(&template.tasks.len()), "{}", template.key);
            assert!((1..=3).contains(&template.kpis.len()), "{}", template.key);
            for task in template.tasks {
                assert!(!task.moments.is_empty());
                assert!(task
                    .moments
                    .iter()
                    .all(|m| (5..=15).contains(&m.minutes) && (1..=5).contains(&m.per_week)));
                assert!(!task.skill_module.is_empty() && !task.competency.is_empty());
                assert!(
                    template.kpis.iter().any(|k| k.name == task.kpi),
                    "{} names an unknown KPI",
                    task.behaviour
                );
            }
        }
        assert!(find("sales-onboarding").is_some() && find("nope").is_none());
    }
}
