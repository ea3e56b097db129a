//! The offline agenda: an opening question, two or three conversation prompts, one short
//! practice, a commitment and a next step, written from the facts the way a coach would
//! say them. A pure function of the facts: no clock, no network, no randomness.

use crate::model::agenda::facts::{AgendaFacts, TaskFacts};
use crate::model::agenda::{AgendaContext, AgendaItemKind};

use super::voice::{fill, lower_first, snippet, Voice};

const QUOTE: usize = 90;
/// Someone hired within this many days is still finding their feet.
pub const ONBOARDING_DAYS: i64 = 120;

fn day(date: chrono::NaiveDate) -> String {
    date.format("%-d %B").to_string()
}

/// Who sits across the table in the task's workflow.
fn counterpart(task: Option<&TaskFacts>) -> &'static str {
    let workflow = task.map(|t| t.workflow.to_lowercase()).unwrap_or_default();
    if workflow.contains("sales") || workflow.contains("account") {
        "buyer"
    } else if ["support", "escalation", "customer", "service"]
        .iter()
        .any(|w| workflow.contains(w))
    {
        "customer"
    } else {
        "other person"
    }
}

fn opening(facts: &AgendaFacts, voice: &Voice) -> String {
    let first = facts.coachee.first_name();
    if let Some(moment) = facts
        .recent_moments
        .iter()
        .find(|m| !m.notes.trim().is_empty())
    {
        let template = voice.pick(
            "opening-thread",
            &[
                "{first}, when we last spoke ({date}) we left it here: \"{note}\". What happened when you tried it?",
                "Picking up from {date}: \"{note}\". How has that gone since, {first}?",
                "Last time, on {date}, you said: \"{note}\". {first}, what did you notice when you tried it?",
            ],
        );
        return fill(
            template,
            &[
                ("first", first),
                ("date", &day(moment.on)),
                ("note", &snippet(&moment.notes, QUOTE)),
            ],
        );
    }
    let task = facts
        .task
        .as_ref()
        .map(|t| lower_first(&t.behaviour))
        .unwrap_or_else(|| "the job".into());
    // Weeks in only mean something to someone still new; a veteran moved into an
    // onboarding pilot gets the ordinary opening.
    if let Some(days) = facts
        .coachee
        .days_in_role
        .filter(|d| facts.context == AgendaContext::Onboarding && *d < ONBOARDING_DAYS)
    {
        let weeks = (days / 7).max(1).to_string();
        let template = voice.pick(
            "opening-onboarding",
            &[
                "{first}, you're {weeks} weeks in. What feels easier this week than last, and what still feels like guesswork?",
                "Week {weeks} for you, {first}. What has surprised you most about the work so far?",
                "{first}, {weeks} weeks in: where do you feel surest of yourself now, and where least?",
            ],
        );
        return fill(template, &[("first", first), ("weeks", &weeks)]);
    }
    let template = voice.pick(
        "opening",
        &[
            "{first}, what's one moment from this week you'd like to replay together?",
            "What went better than you expected this week, {first}, and what didn't?",
            "{first}, if you could redo one conversation from this week, which would it be?",
            "{first}, when you had to {task} this week, where did it feel hardest?",
        ],
    );
    fill(template, &[("first", first), ("task", &task)])
}

/// Every prompt the facts support, the task's own first; the voice decides the rest's order.
fn prompt_candidates(facts: &AgendaFacts, voice: &Voice) -> Vec<String> {
    let mut lead = Vec::new();
    let mut rest: Vec<(u64, String)> = Vec::new();
    let mut add = |salt: &str, text: String| rest.push((voice.number(salt), text));
    if let Some(task) = &facts.task {
        let behaviour = lower_first(&task.behaviour);
        let template = voice.pick(
            "prompt-task",
            &[
                "Walk me through the last time you had to {task}. What did you say first, and what did the {other} do?",
                "When you {task}, which part would you most like to get better at?",
                "Think of the next time you'll {task}. How will you open?",
            ],
        );
        lead.push(fill(
            template,
            &[("task", &behaviour), ("other", counterpart(Some(task)))],
        ));
        if !task.moments.is_empty() {
            let moment =
                &task.moments[(voice.number("moment") % task.moments.len() as u64) as usize];
            // Playbook moments are written as the manager's own question or instruction,
            // so they are quoted whole rather than bent into a sentence.
            let template = voice.pick(
                "prompt-moment",
                &[
                    "The playbook's moment for this: \"{moment}\" Let's take it now.",
                    "From the playbook: \"{moment}\" Take a minute with it.",
                ],
            );
            let moment = moment.trim();
            let moment = if moment.ends_with(['.', '?', '!']) {
                moment.to_string()
            } else {
                format!("{moment}.")
            };
            add("order-moment", fill(template, &[("moment", &moment)]));
        }
        if let Some(kpi) = &task.kpi {
            let direction = if kpi.lower_is_better {
                "lower is better"
            } else {
                "higher is better"
            };
            add(
                "order-kpi",
                fill(
                    voice.pick(
                        "prompt-kpi",
                        &[
                            "This task is meant to move {kpi} ({direction}). Which case from this week would have gone differently with it?",
                            "We track {kpi} for this ({direction}). Where does your own work show up in it?",
                        ],
                    ),
                    &[("kpi", &kpi.name), ("direction", direction)],
                ),
            );
        }
    }
    if let Some(feedback) = facts.recent_feedback.first() {
        let who = match feedback.author_role.as_str() {
            "peer" => "A peer's",
            "coach" => "Your coach's",
            _ => "Your manager's",
        };
        add(
            "order-feedback",
            fill(
                voice.pick(
                    "prompt-feedback",
                    &[
                        "{who} feedback on {date} said: \"{note}\". Where have you seen that in your work since?",
                        "On {date} you heard: \"{note}\". What did you make of it, and what have you tried?",
                    ],
                ),
                &[
                    ("who", who),
                    ("date", &day(feedback.on)),
                    ("note", &snippet(&feedback.note, QUOTE)),
                ],
            ),
        );
    }
    if let Some(gap) = facts.gaps.first() {
        let text = match gap.level {
            Some(level) => fill(
                voice.pick(
                    "prompt-gap",
                    &[
                        "On {competency} you're at level {level} and the role asks for {target}. What would one step up look like this week?",
                        "{competency}: level {level} today, {target} for the role. What's the smallest thing that would move it?",
                    ],
                ),
                &[
                    ("competency", &gap.competency),
                    ("level", &level.to_string()),
                    ("target", &gap.target.to_string()),
                ],
            ),
            None => fill(
                "{competency} hasn't been rated yet, and the role asks for level {target}. Where do you think you are, and why?",
                &[("competency", &gap.competency), ("target", &gap.target.to_string())],
            ),
        };
        add("order-gap", text);
    }
    rest.sort();
    lead.extend(rest.into_iter().map(|(_, text)| text));
    for filler in [
        "What's getting in the way right now, and what would help?",
        "What would you like more of from me in these conversations?",
    ] {
        if lead.len() >= 2 {
            break;
        }
        lead.push(filler.to_string());
    }
    lead
}

fn practice(facts: &AgendaFacts, voice: &Voice) -> String {
    let Some(task) = &facts.task else {
        return "Pick a conversation you have coming up and rehearse its first minute with me; then tell me what you'd keep.".into();
    };
    fill(
        voice.pick(
            "practice",
            &[
                "Two-minute rehearsal: I'll play the {other}, you {task}. Then we swap, and you tell me what you'd keep.",
                "Let's practise it once, out loud: you {task}, with me as the {other}. I'll note one thing to keep and one to try differently.",
                "Take a real case from this week and run it again with me from the moment it got hard. This time, {task}.",
            ],
        ),
        &[
            ("task", &lower_first(&task.behaviour)),
            ("other", counterpart(Some(task))),
        ],
    )
}

fn commitment(facts: &AgendaFacts, voice: &Voice) -> String {
    let other = counterpart(facts.task.as_ref());
    fill(
        voice.pick(
            "commitment",
            &[
                "Before we finish: what will you try before we next meet, and how will you know it worked?",
                "Name one thing you'll do differently in your next {other} conversation, and when.",
                "What's the one thing you'll practise this week? Say it in a sentence, and we'll start there next time.",
            ],
        ),
        &[("other", other)],
    )
}

fn next_step(facts: &AgendaFacts, voice: &Voice) -> String {
    if let Some(module) = &facts.next_module {
        return fill(
            voice.pick(
                "next-module",
                &[
                    "Next: the \"{module}\" module. Bring one idea from it to our next conversation.",
                    "Before next time, work through \"{module}\" and mark the part you want to try.",
                ],
            ),
            &[("module", module)],
        );
    }
    if let Some(sample) = &facts.open_sample {
        return fill(
            "Next time, let's look at \"{sample}\" together; add a note on what you would change.",
            &[("sample", sample)],
        );
    }
    let subject = facts
        .task
        .as_ref()
        .map(|t| lower_first(&t.behaviour))
        .unwrap_or_else(|| "your work this week".into());
    fill(
        "Bring one recent piece of work to our next conversation where you had to {subject}: a call note, an email or a ticket.",
        &[("subject", &subject)],
    )
}

/// The agenda's items in the order they are taken.
pub fn compose(facts: &AgendaFacts) -> Vec<(AgendaItemKind, String)> {
    let voice = Voice::new(&format!("{facts:?}"));
    let mut items = vec![(AgendaItemKind::Opening, opening(facts, &voice))];
    let prompts = prompt_candidates(facts, &voice);
    // Three prompts when the facts give three things worth raising; a 10-15 minute
    // conversation has no room for a fourth.
    let count = prompts.len().clamp(2, 3);
    items.extend(
        prompts
            .into_iter()
            .take(count)
            .map(|text| (AgendaItemKind::Prompt, text)),
    );
    items.push((AgendaItemKind::Practice, practice(facts, &voice)));
    items.push((AgendaItemKind::Commitment, commitment(facts, &voice)));
    items.push((AgendaItemKind::NextStep, next_step(facts, &voice)));
    items
}

/// What the suggestions rest on, one fact a line, as the manager sees it (and, with names
/// replaced, as a local model is told it).
pub fn basis(facts: &AgendaFacts) -> Vec<String> {
    let coachee = &facts.coachee;
    let mut lines = vec![format!(
        "{} is a {} in {}{}",
        coachee.name,
        coachee.role,
        coachee.team,
        coachee
            .days_in_role
            .map(|d| format!(", {d} days since joining"))
            .unwrap_or_default()
    )];
    lines.push(format!("Context: {}", facts.context.label().to_lowercase()));
    if let Some(pilot) = &facts.pilot {
        lines.push(match facts.pilot_day {
            Some(day) => format!("Pilot: {pilot}, day {day} of 90"),
            None => format!("Pilot: {pilot}, not running yet"),
        });
    }
    if let Some(task) = &facts.task {
        lines.push(format!(
            "Playbook task: {} ({} workflow)",
            task.behaviour, task.workflow
        ));
        for moment in &task.moments {
            lines.push(format!("Playbook moment: {moment}"));
        }
        if !task.competency.trim().is_empty() {
            lines.push(format!("Competency it builds: {}", task.competency));
        }
        if let Some(kpi) = &task.kpi {
            lines.push(format!(
                "KPI it moves: {} ({}; {} is better)",
                kpi.name,
                kpi.unit,
                if kpi.lower_is_better {
                    "lower"
                } else {
                    "higher"
                }
            ));
        }
    }
    for moment in &facts.recent_moments {
        lines.push(format!(
            "Coaching on {}: {}, {} min{}{}",
            moment.on,
            moment.kind.to_lowercase(),
            moment.minutes,
            moment
                .task
                .as_ref()
                .map(|t| format!(", on \"{t}\""))
                .unwrap_or_default(),
            if moment.notes.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", snippet(&moment.notes, 160))
            }
        ));
    }
    for feedback in &facts.recent_feedback {
        lines.push(format!(
            "Feedback from a {} on {} about {}: {}",
            feedback.author_role,
            feedback.on,
            feedback.competency,
            snippet(&feedback.note, 160)
        ));
    }
    for gap in facts.gaps.iter().take(3) {
        lines.push(match gap.level {
            Some(level) => format!(
                "Below the role's level: {} at {level} of {}",
                gap.competency, gap.target
            ),
            None => format!(
                "Not yet rated: {} (the role asks for {})",
                gap.competency, gap.target
            ),
        });
    }
    if let Some(module) = &facts.next_module {
        lines.push(format!("Next skill module: {module}"));
    }
    if let Some(sample) = &facts.open_sample {
        lines.push(format!("Latest work sample: {sample}"));
    }
    lines
}

pub fn minutes(items: &[(AgendaItemKind, String)]) -> u32 {
    items.iter().map(|(kind, _)| kind.minutes()).sum()
}
