//! Gathers what the workspace knows about a coaching pair into the generator's facts, and
//! checks the request on the way: who, which pilot and task, and whether the context allows
//! suggestions at all.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::agenda::facts::{AgendaFacts, FeedbackFact, GapFact, PersonFacts, TaskFacts};
use crate::model::agenda::{AgendaContext, AgendaRequest, AgendaSettings};
use crate::model::{Person, PilotStatus, Workflow};
use crate::store::agenda::facts;
use crate::store::skills::assignments::{self, Scope};
use crate::store::skills::ratings;
use crate::store::{people, pilots, playbooks, portfolio, Store};
use crate::workflows::pilots::Problems;

use super::compose::ONBOARDING_DAYS;

/// How far back the generator looks: enough to pick up a thread, not a person's history.
const RECENT_MOMENTS: u32 = 3;
const RECENT_FEEDBACK: usize = 2;

fn person_facts(person: &Person, today: NaiveDate) -> PersonFacts {
    PersonFacts {
        id: person.id.clone(),
        name: person.name.clone(),
        email: person.email.clone(),
        role: person.role.clone(),
        team: person.team.clone(),
        days_in_role: person
            .hire_date
            .map(|hired| (today - hired).num_days().max(0)),
    }
}

fn lookup(
    store: &Store,
    problems: &mut Problems,
    field: &str,
    id: &str,
    who: &str,
) -> Result<Option<Person>> {
    if id.trim().is_empty() {
        problems.add(field, format!("choose the {who}"));
        return Ok(None);
    }
    let found = people::get(store.conn(), id.trim())?;
    if found.is_none() {
        problems.add(
            field,
            format!("there is no one with the id \"{}\"", id.trim()),
        );
    }
    Ok(found)
}

/// The pilot the agenda belongs to: the one asked for, the task's, or the newest pilot
/// whose pilot arm holds the manager's team.
fn pilot_of(store: &Store, request: &AgendaRequest) -> Result<Option<i64>> {
    if let Some(pilot) = request.pilot_id {
        return Ok(Some(pilot));
    }
    if let Some(task) = request.task_id {
        if let Ok((pilot, _)) = playbooks::owner_of_task(store.conn(), task) {
            return Ok(Some(pilot));
        }
    }
    Ok(
        facts::pilots_of_manager(store.conn(), request.manager_id.trim())?
            .into_iter()
            .next(),
    )
}

/// The task coached longest ago with this person (never coached comes first), in
/// playbook order among equals.
fn task_due<'a>(
    workflows: &'a [Workflow],
    last_coached: &std::collections::HashMap<i64, String>,
) -> Option<(&'a Workflow, &'a crate::model::PlaybookTask)> {
    workflows
        .iter()
        .flat_map(|w| w.tasks.iter().map(move |t| (w, t)))
        .min_by(|(wa, a), (wb, b)| {
            let last = |id: i64| last_coached.get(&id).cloned().unwrap_or_default();
            last(a.id)
                .cmp(&last(b.id))
                .then(wa.position.cmp(&wb.position))
                .then(a.position.cmp(&b.position))
        })
}

fn default_context(task: Option<&TaskFacts>, coachee: &PersonFacts) -> AgendaContext {
    let onboarding_workflow =
        task.is_some_and(|t| t.workflow.to_lowercase().contains("onboarding"));
    let new_starter = coachee.days_in_role.is_some_and(|d| d < ONBOARDING_DAYS);
    if onboarding_workflow || new_starter {
        AgendaContext::Onboarding
    } else {
        AgendaContext::SkillPractice
    }
}

pub fn gather(
    store: &Store,
    request: &AgendaRequest,
    settings: &AgendaSettings,
    today: NaiveDate,
) -> Result<(AgendaFacts, Option<i64>)> {
    let conn = store.conn();
    let mut problems = Problems::default();
    let manager = lookup(
        store,
        &mut problems,
        "managerId",
        &request.manager_id,
        "manager",
    )?;
    let coachee = lookup(
        store,
        &mut problems,
        "coacheeId",
        &request.coachee_id,
        "coachee",
    )?;
    if let (Some(m), Some(c)) = (&manager, &coachee) {
        if m.id == c.id {
            problems.add("coacheeId", "choose someone other than the manager");
        }
    }
    let asked_context = if request.context.trim().is_empty() {
        None
    } else {
        let parsed = AgendaContext::parse(&request.context);
        if parsed.is_none() {
            problems.add(
                "context",
                "choose onboarding, skill practice, performance conversation or conflict",
            );
        }
        parsed
    };
    let pilot_id = pilot_of(store, request)?;
    let pilot = match pilot_id {
        Some(id) => match pilots::get(conn, id) {
            Ok(pilot) => Some(pilot),
            Err(_) => {
                problems.add("pilotId", format!("there is no pilot {id}"));
                None
            }
        },
        None => None,
    };
    let workflows = match &pilot {
        Some(p) => playbooks::workflows_for(conn, p.id)?,
        None => Vec::new(),
    };
    let (Some(manager), Some(coachee)) = (manager, coachee) else {
        return Err(Error::invalid(problems.0));
    };
    let last_coached = facts::last_coached(conn, &coachee.id)?;
    let chosen = match request.task_id {
        Some(id) => {
            let found = workflows
                .iter()
                .flat_map(|w| w.tasks.iter().map(move |t| (w, t)))
                .find(|(_, t)| t.id == id);
            if found.is_none() {
                problems.add(
                    "taskId",
                    match &pilot {
                        Some(p) => format!("the pilot \"{}\" has no playbook task {id}", p.name),
                        None => format!("there is no playbook task {id}"),
                    },
                );
            }
            found
        }
        None => task_due(&workflows, &last_coached),
    };
    problems.into_result(|| ())?;

    let task = match chosen {
        Some((workflow, task)) => Some(TaskFacts {
            id: task.id,
            behaviour: task.behaviour.clone(),
            workflow: workflow.name.clone(),
            moments: task.moments.iter().map(|m| m.prompt.clone()).collect(),
            competency: task.competency.clone(),
            skill_module: task.skill_module.clone(),
            kpi: match task.kpi_id {
                Some(kpi) => facts::kpi(conn, kpi)?,
                None => None,
            },
        }),
        None => None,
    };
    let coachee_facts = person_facts(&coachee, today);
    let context = asked_context.unwrap_or_else(|| default_context(task.as_ref(), &coachee_facts));
    if !settings
        .contexts
        .iter()
        .any(|rule| rule.context == context && rule.allowed)
    {
        return Err(Error::Conflict(format!(
            "agenda suggestions are off for {} in this workspace; a workspace turns them on in \
             Settings, Agendas, once it has decided they help there",
            context.label().to_lowercase()
        )));
    }

    let mut feedback = portfolio::feedback::load(conn, Some(&coachee.id))?;
    feedback.sort_by(|a, b| b.given_on.cmp(&a.given_on).then(b.id.cmp(&a.id)));
    let recent_feedback = feedback
        .into_iter()
        .take(RECENT_FEEDBACK)
        .filter_map(|f| {
            Some(FeedbackFact {
                on: NaiveDate::parse_from_str(&f.given_on, "%Y-%m-%d").ok()?,
                competency: f.competency,
                author_role: f.author_role.as_str().into(),
                author: f.author,
                note: f.note,
            })
        })
        .collect();

    let gaps = competency_gaps(conn, &coachee)?;
    let next_module = assignments::load(conn, Scope::Person(&coachee.id), today)?
        .into_iter()
        .filter(|a| a.completed_on.is_none())
        .min_by(|a, b| a.due_on.cmp(&b.due_on).then(a.id.cmp(&b.id)))
        .map(|a| a.module_title)
        .or_else(|| {
            task.as_ref()
                .map(|t| t.skill_module.trim().to_string())
                .filter(|m| !m.is_empty())
        });
    let open_sample = portfolio::samples::for_person(conn, &coachee.id)?
        .into_iter()
        .max_by(|a, b| a.added_on.cmp(&b.added_on).then(a.id.cmp(&b.id)))
        .map(|s| s.title);
    let pilot_day = pilot.as_ref().and_then(|p| {
        let running = matches!(
            p.status,
            PilotStatus::Running | PilotStatus::Day45Review | PilotStatus::Day90Outcome
        );
        (running && today >= p.start_date).then(|| (today - p.start_date).num_days() + 1)
    });
    Ok((
        AgendaFacts {
            context,
            manager: person_facts(&manager, today),
            coachee: coachee_facts,
            pilot: pilot.as_ref().map(|p| p.name.clone()),
            pilot_day,
            task,
            recent_moments: facts::recent_moments(conn, &coachee.id, RECENT_MOMENTS)?,
            recent_feedback,
            gaps,
            next_module,
            open_sample,
        },
        pilot_id,
    ))
}

/// The role's required competencies the person's latest rating falls short of, largest gap
/// first.
pub(crate) fn competency_gaps(
    conn: &rusqlite::Connection,
    person: &Person,
) -> Result<Vec<GapFact>> {
    let ratings = ratings::load(conn, Some(&person.id))?;
    let mut gaps: Vec<GapFact> = ratings::requirements(conn)?
        .into_iter()
        .filter(|r| r.role.eq_ignore_ascii_case(&person.role))
        .filter_map(|requirement| {
            let latest = ratings
                .iter()
                .filter(|r| r.competency_id == requirement.competency_id)
                .max_by(|a, b| a.rated_on.cmp(&b.rated_on).then(a.id.cmp(&b.id)))
                .map(|r| r.level);
            (latest.unwrap_or(0) < requirement.level).then_some(GapFact {
                competency: requirement.competency,
                level: latest,
                target: requirement.level,
            })
        })
        .collect();
    gaps.sort_by(|a, b| {
        let gap = |g: &GapFact| g.target - g.level.unwrap_or(0).min(g.target);
        gap(b).cmp(&gap(a)).then(a.competency.cmp(&b.competency))
    });
    Ok(gaps)
}
