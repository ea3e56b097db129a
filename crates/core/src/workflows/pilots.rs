use chrono::{Duration, NaiveDate};

use crate::error::{Error, ErrorDetail, Result};
use crate::metrics::pilot_phase;
use crate::model::{
    Money, NewPilotInput, Pilot, PilotDetail, PilotStatus, PilotSummary, PILOT_LENGTH_DAYS,
};
use crate::store::changes::{self, NewChange};
use crate::store::pilots::{self, PilotRecord};
use crate::store::{settings, Store};

use super::timestamp_now;

const NAME_MAX: usize = 120;
const OBJECTIVE_MAX: usize = 400;
const WORKFLOW_NAME_MAX: usize = 80;
const WORKFLOWS_MAX: usize = 6;

pub fn end_date_for(start: NaiveDate) -> NaiveDate {
    start + Duration::days(PILOT_LENGTH_DAYS)
}

/// A new pilot that passed validation.
#[derive(Debug, Clone)]
pub struct ValidPilot {
    pub name: String,
    pub objective: String,
    pub workflows: Vec<String>,
    pub start_date: NaiveDate,
    pub sponsor: String,
    pub budget: Money,
}

/// Checks everything a person typed and reports every problem against its field, so a form
/// can show them all at once.
pub fn validate_new_pilot(store: &Store, input: &NewPilotInput) -> Result<ValidPilot> {
    let mut problems = Vec::new();

    let name = input.name.trim().to_string();
    if name.is_empty() {
        problems.push(ErrorDetail::field("name", "give the pilot a name"));
    } else if name.chars().count() > NAME_MAX {
        problems.push(ErrorDetail::field(
            "name",
            format!("keep the name under {NAME_MAX} characters"),
        ));
    } else if pilots::name_taken(store.conn(), &name)? {
        problems.push(ErrorDetail::field(
            "name",
            format!("a pilot named \"{name}\" already exists"),
        ));
    }

    let objective = input.objective.trim().to_string();
    if objective.chars().count() > OBJECTIVE_MAX {
        problems.push(ErrorDetail::field(
            "objective",
            format!("keep the objective to one sentence (under {OBJECTIVE_MAX} characters)"),
        ));
    }

    let workflows: Vec<String> = input
        .workflows
        .iter()
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect();
    if workflows.is_empty() {
        problems.push(ErrorDetail::field(
            "workflows",
            "name at least one high-impact workflow, e.g. Sales onboarding",
        ));
    } else if workflows.len() > WORKFLOWS_MAX {
        problems.push(ErrorDetail::field(
            "workflows",
            format!("a pilot covers at most {WORKFLOWS_MAX} workflows; two is recommended"),
        ));
    }
    if let Some(long) = workflows
        .iter()
        .find(|w| w.chars().count() > WORKFLOW_NAME_MAX)
    {
        problems.push(ErrorDetail::field(
            "workflows",
            format!("\"{long}\" is longer than {WORKFLOW_NAME_MAX} characters"),
        ));
    }
    for (index, workflow) in workflows.iter().enumerate() {
        if workflows[..index]
            .iter()
            .any(|earlier| earlier.eq_ignore_ascii_case(workflow))
        {
            problems.push(ErrorDetail::field(
                "workflows",
                format!("\"{workflow}\" is listed twice"),
            ));
        }
    }

    let start_date = match parse_date(&input.start_date) {
        Ok(date) => Some(date),
        Err(message) => {
            problems.push(ErrorDetail::field("startDate", message));
            None
        }
    };

    let sponsor = input.sponsor.trim().to_string();
    if sponsor.is_empty() {
        problems.push(ErrorDetail::field(
            "sponsor",
            "name the one senior sponsor who owns the outcome",
        ));
    }

    let budget = match Money::parse(&input.budget) {
        Ok(budget) => Some(budget),
        Err(message) => {
            problems.push(ErrorDetail::field("budget", message));
            None
        }
    };

    match (start_date, budget) {
        (Some(start_date), Some(budget)) if problems.is_empty() => Ok(ValidPilot {
            name,
            objective,
            workflows,
            start_date,
            sponsor,
            budget,
        }),
        _ => Err(Error::invalid(problems)),
    }
}

/// Parses an ISO date and says what is wrong in words when it cannot.
pub fn parse_date(text: &str) -> std::result::Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("choose a start date".into());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("\"{text}\" is not a date; use YYYY-MM-DD, e.g. 2026-01-12"))
}

/// Creates a draft pilot and records who created it.
pub fn create_pilot(store: &mut Store, input: &NewPilotInput) -> Result<Pilot> {
    let valid = validate_new_pilot(store, input)?;
    let actor = settings::load(store.conn())?.current_user;
    let now = timestamp_now();
    let tx = store.write()?;
    let id = pilots::insert(
        &tx,
        &PilotRecord {
            name: &valid.name,
            objective: &valid.objective,
            workflows: &valid.workflows,
            start_date: valid.start_date,
            end_date: end_date_for(valid.start_date),
            sponsor: &valid.sponsor,
            budget: valid.budget,
            status: PilotStatus::Draft,
        },
        &now,
    )?;
    changes::append(
        &tx,
        &now,
        &NewChange {
            actor: &actor,
            entity: "pilot",
            entity_id: &id.to_string(),
            action: "created",
            summary: &format!("Created draft pilot \"{}\"", valid.name),
        },
    )?;
    tx.commit()?;
    pilots::get(store.conn(), id)
}

pub fn list_pilots(store: &Store) -> Result<Vec<PilotSummary>> {
    pilots::list(store.conn())
}

pub fn get_pilot(store: &Store, id: i64) -> Result<Pilot> {
    pilots::get(store.conn(), id)
}

/// The pilot page: the pilot, where today falls in its window, its history and its packs.
pub fn pilot_detail(store: &Store, id: i64, today: NaiveDate) -> Result<PilotDetail> {
    let pilot = pilots::get(store.conn(), id)?;
    let changes = changes::for_entity(store.conn(), "pilot", &id.to_string())?;
    let packs = crate::store::packs::list(store.conn())?
        .into_iter()
        .filter(|p| p.pilot_id == Some(id))
        .collect();
    Ok(PilotDetail {
        phase: pilot_phase(pilot.start_date, today),
        review_date: pilot.start_date + Duration::days(45),
        decision_due: crate::packs::proposal::decision_due(pilot.start_date),
        pilot,
        changes,
        packs,
    })
}
