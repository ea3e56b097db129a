//! The readiness checklist (DESIGN.md, "The readiness checklist"): each item evaluated from
//! the data wherever the data can say it, with the reason. Pure: it reads a loaded design.

use chrono::{Duration, NaiveDate};

use crate::model::agenda::AgendaContext;
use crate::model::coaches::CoachLevel;
use crate::model::{
    Arm, BudgetCategory, BudgetLine, ChecklistItem, ChecklistMark, ChecklistStep, Cohort,
    ComparisonDesign, Evidence, ItemStatus, Kpi, KpiMde, Pilot, PilotStatus, Readiness, Transition,
    Workflow,
};
use crate::packs::dates::long_date;

/// Everything the checklist reads.
pub struct ReadinessInput<'a> {
    pub pilot: &'a Pilot,
    pub workflows: &'a [Workflow],
    pub kpis: &'a [Kpi],
    pub cohort: &'a Cohort,
    pub budget_lines: &'a [BudgetLine],
    pub marks: &'a [ChecklistMark],
    pub transitions: &'a [Transition],
    pub evidence: &'a Evidence,
    /// The minimum detectable effect of each KPI, beside its success criterion.
    pub mdes: &'a [KpiMde],
    pub currency: &'a str,
    pub today: NaiveDate,
    pub skills: &'a SkillsFacts,
    pub check_ins: &'a CheckInFacts,
    /// The contexts in which the workspace allows agenda suggestions.
    pub agenda_contexts: &'a [AgendaContext],
    /// The internal coaches in the pilot's teams.
    pub coaches: &'a CoachFacts,
}

/// What the coaching network says about a pilot's teams, for the certified-coaches item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CoachFacts {
    /// Each coach with a valid certification: name, level and its last day.
    pub certified: Vec<(String, CoachLevel, NaiveDate)>,
    /// Coaches nominated or working toward certification, none valid yet.
    pub in_progress: u32,
}

fn coaches_verdict(facts: &CoachFacts, today: NaiveDate) -> Verdict {
    let certified = &facts.certified;
    if certified.is_empty() {
        return not_met(match facts.in_progress {
            0 => "No internal coach in the pilot's teams yet; nominate one under Network, \
                  Coaches"
                .to_string(),
            n => format!(
                "No coach in the pilot's teams holds a valid certification; {n} {} working \
                 toward it",
                if n == 1 { "is" } else { "are" }
            ),
        });
    }
    let count = |level: CoachLevel| certified.iter().filter(|(_, l, _)| *l == level).count();
    let mut levels = Vec::new();
    for level in [CoachLevel::Certified, CoachLevel::Associate] {
        if count(level) > 0 {
            levels.push(format!("{} {}", count(level), level.as_str()));
        }
    }
    let mut reason = format!(
        "{} coach{} with a valid certification in the pilot's teams ({})",
        certified.len(),
        if certified.len() == 1 { "" } else { "es" },
        levels.join(", ")
    );
    let expiring: Vec<String> = certified
        .iter()
        .filter(|(_, _, until)| crate::metrics::coaches::progress::expiring_soon(*until, today))
        .map(|(name, _, until)| format!("{name}'s on {}", long_date(*until)))
        .collect();
    if !expiring.is_empty() {
        reason.push_str(&format!(
            "; expiring soon: {}, recertify before then",
            list(&expiring)
        ));
    }
    met(reason)
}

/// What the coaching-quality review reads: how many people in the pilot's teams have had
/// asynchronous coaching with no live check-in for the workspace's number of weeks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckInFacts {
    pub weeks: u32,
    pub flagged: u32,
}

fn check_in_sentence(facts: &CheckInFacts) -> String {
    let weeks = format!(
        "{} week{}",
        facts.weeks,
        if facts.weeks == 1 { "" } else { "s" }
    );
    match facts.flagged {
        0 => format!(
            "no one in the pilot's teams has had async coaching without a live check-in for \
             {weeks}"
        ),
        1 => format!(
            "1 person in the pilot's teams has had async coaching without a live check-in for \
             {weeks}"
        ),
        n => format!(
            "{n} people in the pilot's teams have had async coaching without a live check-in \
             for {weeks}"
        ),
    }
}

/// What the skills records say about a pilot, for the two modular-learning items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkillsFacts {
    /// The titles of the modules in the catalog.
    pub catalog: Vec<String>,
    /// Module purchases made for the pilot, and the seats they bought (0 for a site licence).
    pub purchases: u32,
    pub seats: u32,
    /// People assigned a module for the pilot or in its pilot teams.
    pub assigned: u32,
}

/// Every item, in order: (step, key, title, confirmed by hand).
pub const ITEMS: &[(u32, &str, &str, bool)] = &[
    (
        1,
        "objective",
        "An objective: what the pilot should change, and for whom",
        false,
    ),
    (1, "workflows", "Two high-impact workflows chosen", false),
    (
        1,
        "playbooks",
        "A playbook of 3-4 tasks per workflow",
        false,
    ),
    (1, "window", "A 90-day window with a start date", false),
    (
        1,
        "ai_agenda",
        "An AI-assisted agenda set up or waived",
        false,
    ),
    (
        1,
        "modular_learning",
        "Modular learning linked to every task",
        false,
    ),
    (
        1,
        "kpis",
        "2-3 business KPIs, each with a baseline and a success criterion",
        false,
    ),
    (1, "cohort", "Pilot managers and their teams chosen", false),
    (1, "comparison", "A comparison design", false),
    (1, "sponsor", "A senior sponsor", false),
    (
        1,
        "budget",
        "A committed budget for tooling and analytics",
        false,
    ),
    (2, "events_flowing", "Coaching events flowing", false),
    (
        2,
        "kpi_observations",
        "Each KPI receiving observations",
        false,
    ),
    (2, "dashboard", "A monthly dashboard published", true),
    (2, "day45_review", "The day-45 review held", false),
    (3, "certified_coaches", "Certified internal coaches", false),
    (3, "modular_purchasing", "Modular purchasing set up", false),
    (3, "outcome_budget", "Outcome-based budget lines", true),
    (3, "governance_cadence", "A governance cadence", true),
    (
        3,
        "privacy_quality_reviews",
        "Privacy and coaching-quality reviews done",
        true,
    ),
];

pub const STEP_TITLES: [&str; 3] = [
    "Prioritize and pilot",
    "Measure and iterate",
    "Scale and sustain",
];

pub fn item(key: &str) -> Option<&'static (u32, &'static str, &'static str, bool)> {
    ITEMS.iter().find(|(_, k, _, _)| *k == key)
}

/// Lifecycle order, to ask "has the pilot reached this point?".
fn rank(status: PilotStatus) -> u32 {
    match status {
        PilotStatus::Draft | PilotStatus::ChangesRequested => 0,
        PilotStatus::Ready => 1,
        PilotStatus::Submitted => 2,
        PilotStatus::Rejected => 3,
        PilotStatus::Approved => 4,
        PilotStatus::Running => 5,
        PilotStatus::Day45Review => 6,
        PilotStatus::Day90Outcome => 7,
        PilotStatus::Scaled | PilotStatus::Iterating | PilotStatus::Stopped => 8,
    }
}

fn launched(input: &ReadinessInput) -> bool {
    rank(input.pilot.status) >= rank(PilotStatus::Running)
}

fn reached(input: &ReadinessInput, status: PilotStatus) -> bool {
    input.pilot.status == status || input.transitions.iter().any(|t| t.to == status)
}

type Verdict = (ItemStatus, String);

fn met(reason: impl Into<String>) -> Verdict {
    (ItemStatus::Met, reason.into())
}

fn not_met(reason: impl Into<String>) -> Verdict {
    (ItemStatus::NotMet, reason.into())
}

fn not_yet(reason: impl Into<String>) -> Verdict {
    (ItemStatus::NotYetApplicable, reason.into())
}

fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn quoted(names: impl Iterator<Item = String>) -> Vec<String> {
    names.map(|n| format!("\"{n}\"")).collect()
}

fn evaluate_item(key: &str, input: &ReadinessInput) -> Verdict {
    let pilot = input.pilot;
    let tasks = || input.workflows.iter().flat_map(|w| w.tasks.iter());
    match key {
        "objective" => {
            let objective = pilot.objective.trim();
            if objective.is_empty() {
                not_met(
                    "No objective stated: the steering group approves a pilot for what it \
                     should change, so say it in Basics before submitting",
                )
            } else {
                met(excerpt(objective, 140))
            }
        }
        "workflows" => match input.workflows.len() {
            0 => not_met("No workflow chosen yet; choose two high-impact workflows"),
            1 => not_met(format!(
                "Only \"{}\" is chosen; the operating model pairs two workflows",
                input.workflows[0].name
            )),
            2 => met(format!(
                "{} and {}",
                input.workflows[0].name, input.workflows[1].name
            )),
            n => met(format!(
                "{n} workflows chosen; two are recommended, consider narrowing"
            )),
        },
        "playbooks" => {
            if input.workflows.is_empty() {
                return not_met("No workflow has a playbook yet");
            }
            let off: Vec<String> = input
                .workflows
                .iter()
                .filter(|w| !(3..=4).contains(&w.tasks.len()))
                .map(|w| {
                    format!(
                        "\"{}\" has {} task{}",
                        w.name,
                        w.tasks.len(),
                        if w.tasks.len() == 1 { "" } else { "s" }
                    )
                })
                .collect();
            if off.is_empty() {
                met(format!(
                    "Every workflow has 3-4 tasks ({} in all)",
                    tasks().count()
                ))
            } else {
                not_met(format!("{}; each playbook needs 3 or 4", list(&off)))
            }
        }
        "window" => {
            let window = format!(
                "{} to {}",
                long_date(pilot.start_date),
                long_date(pilot.end_date)
            );
            if rank(pilot.status) >= rank(PilotStatus::Approved) {
                met(window)
            } else if pilot.start_date < input.today {
                not_met(format!(
                    "The start date, {}, has passed; choose a new one",
                    long_date(pilot.start_date)
                ))
            } else {
                let days = (pilot.start_date - input.today).num_days();
                met(format!(
                    "{window}; starts in {days} day{}",
                    if days == 1 { "" } else { "s" }
                ))
            }
        }
        "ai_agenda" => {
            let allowed = input.agenda_contexts;
            let labels = |contexts: Vec<AgendaContext>| {
                list(
                    &contexts
                        .iter()
                        .map(|c| c.label().to_lowercase())
                        .collect::<Vec<_>>(),
                )
            };
            if allowed.is_empty() {
                return not_met(
                    "Agenda suggestions are off in every context (Settings, Agendas); turn \
                     them on for onboarding or skill practice, or waive this item",
                );
            }
            let on = labels(allowed.to_vec());
            if pilot.ai_agenda.trim().is_empty() {
                return not_met(format!(
                    "Suggestions are allowed in {on}, but this pilot does not say where it uses \
                     them; name the low-risk moment (e.g. onboarding 1:1s), or waive it"
                ));
            }
            let risky: Vec<AgendaContext> =
                allowed.iter().copied().filter(|c| !c.low_risk()).collect();
            let caution = if risky.is_empty() {
                String::new()
            } else {
                format!(
                    "; suggestions are also on for {}, which the operating model keeps for \
                     later",
                    labels(risky)
                )
            };
            met(format!(
                "Set up for {}; suggestions allowed in {on}{caution}",
                pilot.ai_agenda.trim()
            ))
        }
        "modular_learning" => {
            let all: Vec<_> = tasks().collect();
            if all.is_empty() {
                return not_met("No playbook tasks yet to link learning to");
            }
            let in_catalog = |name: &str| {
                input
                    .skills
                    .catalog
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(name.trim()))
            };
            let missing = quoted(
                all.iter()
                    .filter(|t| t.skill_module.trim().is_empty())
                    .map(|t| t.behaviour.clone()),
            );
            let unknown: Vec<String> = all
                .iter()
                .filter(|t| !t.skill_module.trim().is_empty() && !in_catalog(&t.skill_module))
                .map(|t| format!("\"{}\"", t.skill_module.trim()))
                .collect();
            if !missing.is_empty() {
                not_met(format!("No skill module linked for {}", list(&missing)))
            } else if !unknown.is_empty() {
                not_met(format!(
                    "{} {} not in the module catalog; add {} under Skills or link a catalog module",
                    list(&unknown),
                    if unknown.len() == 1 { "is" } else { "are" },
                    if unknown.len() == 1 { "it" } else { "them" }
                ))
            } else {
                met(format!(
                    "All {} tasks link a skill module from the catalog",
                    all.len()
                ))
            }
        }
        "kpis" => {
            let count = input.kpis.len();
            if count < 2 {
                return not_met(if count == 0 {
                    "No KPI yet; choose 2 or 3 business KPIs".to_string()
                } else {
                    format!(
                        "Only \"{}\"; choose 2 or 3 business KPIs",
                        input.kpis[0].name
                    )
                });
            }
            if count > 3 {
                return not_met(format!(
                    "{count} KPIs; keep to 2 or 3 so the result stays clear"
                ));
            }
            let no_baseline = quoted(
                input
                    .kpis
                    .iter()
                    .filter(|k| k.baseline.is_none())
                    .map(|k| k.name.clone()),
            );
            let no_criterion = quoted(
                input
                    .kpis
                    .iter()
                    .filter(|k| k.criterion.is_none())
                    .map(|k| k.name.clone()),
            );
            let mut gaps = Vec::new();
            if !no_baseline.is_empty() {
                gaps.push(format!("no baseline for {}", list(&no_baseline)));
            }
            if !no_criterion.is_empty() {
                gaps.push(format!("no success criterion for {}", list(&no_criterion)));
            }
            if gaps.is_empty() {
                let below: Vec<String> = input
                    .kpis
                    .iter()
                    .filter(|k| {
                        input
                            .mdes
                            .iter()
                            .any(|m| m.kpi_id == k.id && m.criterion_below_mde)
                    })
                    .map(|k| format!("\"{}\"", k.name))
                    .collect();
                if below.is_empty() {
                    met(format!(
                        "{count} KPIs, each with a baseline and a success criterion"
                    ))
                } else {
                    met(format!(
                        "{count} KPIs, each with a baseline and a success criterion; the \
                         criterion of {} asks for less than the pilot can detect (see its \
                         minimum detectable effect)",
                        list(&below)
                    ))
                }
            } else {
                let text = gaps.join("; ");
                let mut chars = text.chars();
                let first = chars
                    .next()
                    .map(|c| c.to_uppercase().collect::<String>())
                    .unwrap_or_default();
                not_met(format!("{first}{}", chars.as_str()))
            }
        }
        "cohort" => {
            let pilot_arm: Vec<_> = input
                .cohort
                .members
                .iter()
                .filter(|m| m.arm == Arm::Pilot)
                .collect();
            let coachees: u32 = pilot_arm.iter().map(|m| m.team_size).sum();
            if pilot_arm.is_empty() {
                not_met("No pilot managers chosen yet")
            } else if coachees == 0 {
                not_met("The chosen managers have no direct reports to coach")
            } else {
                met(format!(
                    "{} manager{} coaching {coachees} people",
                    pilot_arm.len(),
                    if pilot_arm.len() == 1 { "" } else { "s" }
                ))
            }
        }
        "comparison" => {
            let design = input.cohort.design;
            let comparison = input
                .cohort
                .members
                .iter()
                .filter(|m| m.arm == Arm::Comparison)
                .count();
            match design {
                ComparisonDesign::None => not_met(
                    "No comparison group: the lift would be a pre/post change against the trend, \
                     which is weaker evidence. Choose a design or waive with a reason",
                ),
                _ if comparison == 0 => not_met(format!(
                    "{} chosen, but no comparison managers are assigned yet",
                    design.label()
                )),
                ComparisonDesign::RandomisedWaitlist => met(format!(
                    "Randomised waitlist: {comparison} managers wait, drawn with seed {}",
                    input.cohort.seed.as_deref().unwrap_or("(none)")
                )),
                ComparisonDesign::MatchedTeams => {
                    met(format!("Matched teams: {comparison} comparison teams"))
                }
                ComparisonDesign::StaggeredWaves => met(format!(
                    "Staggered waves: {comparison} managers start at day 45 and compare until then"
                )),
                ComparisonDesign::HandPicked => {
                    let teams = input.cohort.teams(Arm::Comparison).len();
                    met(format!(
                        "Hand-picked teams: {comparison} comparison manager{} in {teams} team{}",
                        if comparison == 1 { "" } else { "s" },
                        if teams == 1 { "" } else { "s" }
                    ))
                }
            }
        }
        "sponsor" => {
            if pilot.sponsor.trim().is_empty() {
                not_met("No senior sponsor named")
            } else {
                met(pilot.sponsor.clone())
            }
        }
        "budget" => {
            let lines: i64 = input
                .budget_lines
                .iter()
                .filter(|l| {
                    matches!(
                        l.category,
                        BudgetCategory::Tooling | BudgetCategory::Analytics
                    )
                })
                .fold(0i64, |sum, l| {
                    sum.saturating_add(l.unit_cost.cents().saturating_mul(i64::from(l.quantity)))
                });
            let committed = pilot.budget.format_with(input.currency);
            let needed = crate::model::Money(lines).format_with(input.currency);
            if pilot.budget.cents() == 0 {
                not_met("No budget committed for tooling and analytics")
            } else if pilot.budget.cents() < lines {
                not_met(format!("{committed} committed does not cover the {needed} of tooling and analytics lines"))
            } else if input.budget_lines.is_empty() {
                not_met(format!(
                    "{committed} committed, but no budget lines say what it buys: add the \
                     tooling, analytics and vendor lines in Budget"
                ))
            } else if lines == 0 {
                met(format!(
                    "{committed} committed; the budget lines are vendor costs only"
                ))
            } else {
                met(format!(
                    "{committed} committed covers {needed} of tooling and analytics lines"
                ))
            }
        }
        "events_flowing" => {
            if !launched(input) {
                return not_yet("Applies once the pilot is running");
            }
            match input.evidence.recent_events {
                0 => not_met("No coaching events recorded in the last 14 days"),
                n => met(format!(
                    "{n} coaching event{} in the last 14 days",
                    if n == 1 { "" } else { "s" }
                )),
            }
        }
        "kpi_observations" => {
            if !launched(input) {
                return not_yet("Applies once the pilot is running");
            }
            if input.kpis.is_empty() {
                return not_met("The pilot has no KPIs to observe");
            }
            let count_for = |id: i64| {
                input
                    .evidence
                    .observations_per_kpi
                    .iter()
                    .find(|(k, _)| *k == id)
                    .map_or(0, |(_, n)| *n)
            };
            let silent = quoted(
                input
                    .kpis
                    .iter()
                    .filter(|k| count_for(k.id) == 0)
                    .map(|k| k.name.clone()),
            );
            if silent.is_empty() {
                met(format!(
                    "All {} KPIs have observations since the start",
                    input.kpis.len()
                ))
            } else {
                not_met(format!(
                    "No observations since the start for {}",
                    list(&silent)
                ))
            }
        }
        "day45_review" => {
            let due = pilot.start_date + Duration::days(45);
            if reached(input, PilotStatus::Day45Review) {
                met("The day-45 review was held")
            } else if !launched(input) || input.today < due {
                not_yet(format!("Due on {}", long_date(due)))
            } else {
                not_met(format!("Was due on {}", long_date(due)))
            }
        }
        "certified_coaches" => coaches_verdict(input.coaches, input.today),
        "modular_purchasing" => {
            let skills = input.skills;
            let seats = if skills.seats > 0 {
                format!(
                    " ({} seat{})",
                    skills.seats,
                    if skills.seats == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            let bought = format!(
                "{} module purchase{}{seats}",
                skills.purchases,
                if skills.purchases == 1 { "" } else { "s" }
            );
            match (skills.purchases, skills.assigned) {
                (0, _) => not_met(
                    "No skill module is bought for this pilot yet; buy seats from the catalog under Skills",
                ),
                (_, 0) => not_met(format!("{bought}, but no one is assigned a module yet")),
                (_, assigned) => met(format!(
                    "{bought}; {assigned} {} assigned",
                    if assigned == 1 { "person" } else { "people" }
                )),
            }
        }
        _ => not_met("Confirm by hand once it is done"),
    }
}

fn step_applies(step: u32, input: &ReadinessInput) -> bool {
    match step {
        1 => true,
        2 => launched(input),
        _ => reached(input, PilotStatus::Day90Outcome),
    }
}

pub fn evaluate(input: &ReadinessInput) -> Readiness {
    let mut steps: Vec<ChecklistStep> = STEP_TITLES
        .iter()
        .enumerate()
        .map(|(i, title)| ChecklistStep {
            step: i as u32 + 1,
            title: (*title).into(),
            items: Vec::new(),
            done: 0,
            applicable: 0,
        })
        .collect();
    for &(step, key, title, by_hand) in ITEMS {
        let mark = input.marks.iter().find(|m| m.item == key).cloned();
        let (status, reason) = if !step_applies(step, input) && step > 1 {
            not_yet(if step == 2 {
                "Applies once the pilot is running"
            } else {
                "Applies from the day-90 outcome"
            })
        } else if by_hand {
            match &mark {
                Some(m) if m.kind == "confirmed" => {
                    met(format!("Confirmed by {}: {}", m.by, m.reason))
                }
                _ => not_met("The data cannot show this; confirm it by hand once it is done"),
            }
        } else {
            evaluate_item(key, input)
        };
        let reason = if key == "privacy_quality_reviews" && status != ItemStatus::NotYetApplicable {
            format!(
                "{}; {}",
                reason.trim_end_matches('.'),
                check_in_sentence(input.check_ins)
            )
        } else {
            reason
        };
        let status = match (&status, &mark) {
            (ItemStatus::NotMet, Some(m)) if m.kind == "waived" => ItemStatus::Waived,
            _ => status,
        };
        let slot = &mut steps[step as usize - 1];
        if status != ItemStatus::NotYetApplicable {
            slot.applicable += 1;
        }
        if matches!(status, ItemStatus::Met | ItemStatus::Waived) {
            slot.done += 1;
        }
        slot.items.push(ChecklistItem {
            key: key.into(),
            step,
            title: title.into(),
            status,
            reason,
            mark,
            confirmed_by_hand: by_hand,
        });
    }
    let step1_complete = steps[0]
        .items
        .iter()
        .all(|i| matches!(i.status, ItemStatus::Met | ItemStatus::Waived));
    Readiness {
        pilot_id: input.pilot.id,
        steps,
        step1_complete,
    }
}

/// The first `max` characters of a text, cut at a word, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.']))
}
