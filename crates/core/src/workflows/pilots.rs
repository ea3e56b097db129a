use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

use crate::error::{Error, ErrorDetail, Result};
use crate::metrics::pilot_phase;
use crate::model::{
    BasicsInput, Money, NewPilotInput, Pilot, PilotDetail, PilotStatus, PilotSummary,
    PILOT_LENGTH_DAYS,
};
use crate::store::changes::{self, NewChange};
use crate::store::pilots::{self, BasicsRecord, PilotRecord};
use crate::store::{settings, Store};

use super::{templates, timestamp_now};

const NAME_MAX: usize = 120;
const OBJECTIVE_MAX: usize = 400;
const AI_AGENDA_MAX: usize = 200;
const WORKFLOW_NAME_MAX: usize = 80;
pub const WORKFLOWS_MAX: usize = 6;

pub fn end_date_for(start: NaiveDate) -> NaiveDate {
    start + Duration::days(PILOT_LENGTH_DAYS)
}

/// Collects field problems while checking a form.
#[derive(Default)]
pub(crate) struct Problems(pub Vec<ErrorDetail>);

impl Problems {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(ErrorDetail::field(field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(Error::invalid(self.0))
        }
    }

    /// Text that must be present and not too long.
    pub fn required(&mut self, field: &str, text: &str, max: usize, empty: &str) -> String {
        let text = text.trim().to_string();
        if text.is_empty() {
            self.add(field, empty);
        } else {
            self.limit(field, &text, max);
        }
        text
    }

    pub fn limit(&mut self, field: &str, text: &str, max: usize) {
        if text.chars().count() > max {
            self.add(field, format!("keep it under {max} characters"));
        }
    }

    pub fn money(&mut self, field: &str, text: &str) -> Option<Money> {
        Money::parse(text).map_err(|m| self.add(field, m)).ok()
    }

    pub fn date(&mut self, field: &str, text: &str, empty: &str) -> Option<NaiveDate> {
        let text = text.trim();
        if text.is_empty() {
            self.add(field, empty);
            return None;
        }
        parse_date(text).map_err(|m| self.add(field, m)).ok()
    }
}

/// The fields every pilot has, checked.
struct Basics {
    name: String,
    objective: String,
    start_date: NaiveDate,
    sponsor: String,
    budget: Money,
}

fn check_basics(
    conn: &Connection,
    problems: &mut Problems,
    input: (&str, &str, &str, &str, &str),
    pilot_id: Option<i64>,
) -> Result<Option<Basics>> {
    let (name, objective, start_date, sponsor, budget) = input;
    let name = problems.required("name", name, NAME_MAX, "give the pilot a name");
    if !name.is_empty()
        && name.chars().count() <= NAME_MAX
        && pilots::name_taken(conn, &name, pilot_id)?
    {
        problems.add("name", format!("a pilot named \"{name}\" already exists"));
    }
    let objective = objective.trim().to_string();
    if objective.chars().count() > OBJECTIVE_MAX {
        problems.add(
            "objective",
            format!("keep the objective to one sentence (under {OBJECTIVE_MAX} characters)"),
        );
    }
    let start_date = problems.date("startDate", start_date, "choose a start date");
    let sponsor = problems.required(
        "sponsor",
        sponsor,
        NAME_MAX,
        "name the one senior sponsor who owns the outcome",
    );
    let budget = problems.money("budget", budget);
    Ok(match (start_date, budget) {
        (Some(start_date), Some(budget)) => Some(Basics {
            name,
            objective,
            start_date,
            sponsor,
            budget,
        }),
        _ => None,
    })
}

/// A new pilot that passed validation.
#[derive(Debug, Clone)]
pub struct ValidPilot {
    pub name: String,
    pub objective: String,
    /// Typed workflows, created with empty playbooks.
    pub workflows: Vec<String>,
    pub templates: Vec<&'static templates::Template>,
    pub start_date: NaiveDate,
    pub sponsor: String,
    pub budget: Money,
}

/// Checks everything a person typed and reports every problem against its field, so a form
/// can show them all at once.
pub fn validate_new_pilot(store: &Store, input: &NewPilotInput) -> Result<ValidPilot> {
    let mut problems = Problems::default();
    let basics = check_basics(
        store.conn(),
        &mut problems,
        (
            &input.name,
            &input.objective,
            &input.start_date,
            &input.sponsor,
            &input.budget,
        ),
        None,
    )?;

    let mut chosen_templates = Vec::new();
    for key in &input.templates {
        match templates::find(key.trim()) {
            Some(template) => chosen_templates.push(template),
            None => problems.add(
                "templates",
                format!(
                    "there is no template \"{key}\"; choose from {}",
                    templates::TEMPLATES
                        .iter()
                        .map(|t| t.key)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        }
    }
    let workflows: Vec<String> = input
        .workflows
        .iter()
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect();
    let all_names: Vec<String> = chosen_templates
        .iter()
        .map(|t| t.workflow.to_string())
        .chain(workflows.iter().cloned())
        .collect();
    check_workflow_names(&mut problems, &all_names);
    // Report problems in the order the form shows its fields.
    const FORM_ORDER: [&str; 7] = [
        "name",
        "objective",
        "templates",
        "workflows",
        "startDate",
        "sponsor",
        "budget",
    ];
    problems.0.sort_by_key(|d| {
        FORM_ORDER
            .iter()
            .position(|f| Some(*f) == d.field.as_deref())
    });

    match basics {
        Some(b) if problems.is_empty() => Ok(ValidPilot {
            name: b.name,
            objective: b.objective,
            workflows,
            templates: chosen_templates,
            start_date: b.start_date,
            sponsor: b.sponsor,
            budget: b.budget,
        }),
        _ => Err(Error::invalid(problems.0)),
    }
}

pub(crate) fn check_workflow_names(problems: &mut Problems, names: &[String]) {
    if names.is_empty() {
        problems.add(
            "workflows",
            "name at least one high-impact workflow, e.g. Sales onboarding",
        );
    } else if names.len() > WORKFLOWS_MAX {
        problems.add(
            "workflows",
            format!("a pilot covers at most {WORKFLOWS_MAX} workflows; two is recommended"),
        );
    }
    if let Some(long) = names.iter().find(|w| w.chars().count() > WORKFLOW_NAME_MAX) {
        problems.add(
            "workflows",
            format!("\"{long}\" is longer than {WORKFLOW_NAME_MAX} characters"),
        );
    }
    for (index, name) in names.iter().enumerate() {
        if names[..index]
            .iter()
            .any(|earlier| earlier.eq_ignore_ascii_case(name))
        {
            problems.add("workflows", format!("\"{name}\" is listed twice"));
        }
    }
}

pub use crate::import::values::{check_year, FIRST_YEAR, LAST_YEAR};

/// Parses an ISO date and says what is wrong in words when it cannot.
pub fn parse_date(text: &str) -> std::result::Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("choose a date".into());
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("\"{text}\" is not a date; use YYYY-MM-DD, e.g. 2026-01-12"))?;
    check_year(date)
}

/// Creates a draft pilot, cloning any chosen templates, and records who created it.
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
            workflows: &[],
            start_date: valid.start_date,
            end_date: end_date_for(valid.start_date),
            sponsor: &valid.sponsor,
            budget: valid.budget,
            status: PilotStatus::Draft,
        },
        &now,
    )?;
    for template in &valid.templates {
        super::design::clone_template(&tx, id, template)?;
    }
    for workflow in &valid.workflows {
        crate::store::playbooks::insert_workflow(&tx, id, workflow, None)?;
    }
    let from = if valid.templates.is_empty() {
        String::new()
    } else {
        format!(
            " from the {} template{}",
            valid
                .templates
                .iter()
                .map(|t| t.workflow)
                .collect::<Vec<_>>()
                .join(" and "),
            if valid.templates.len() > 1 { "s" } else { "" }
        )
    };
    changes::append(
        &tx,
        &now,
        &NewChange {
            actor: &actor,
            entity: "pilot",
            entity_id: &id.to_string(),
            action: "created",
            summary: &format!("Created draft pilot \"{}\"{from}", valid.name),
        },
    )?;
    tx.commit()?;
    pilots::get(store.conn(), id)
}

/// The designer's basics form, checked.
pub(crate) struct CheckedBasics {
    name: String,
    objective: String,
    start_date: NaiveDate,
    sponsor: String,
    budget: Money,
    ai_agenda: String,
}

impl CheckedBasics {
    pub fn record(&self) -> BasicsRecord<'_> {
        BasicsRecord {
            name: &self.name,
            objective: &self.objective,
            start_date: self.start_date,
            end_date: end_date_for(self.start_date),
            sponsor: &self.sponsor,
            budget: self.budget,
            ai_agenda: &self.ai_agenda,
        }
    }
}

pub(crate) fn check_basics_input(
    conn: &Connection,
    pilot_id: i64,
    input: &BasicsInput,
) -> Result<CheckedBasics> {
    let mut problems = Problems::default();
    let basics = check_basics(
        conn,
        &mut problems,
        (
            &input.name,
            &input.objective,
            &input.start_date,
            &input.sponsor,
            &input.budget,
        ),
        Some(pilot_id),
    )?;
    let ai_agenda = input.ai_agenda.trim().to_string();
    problems.limit("aiAgenda", &ai_agenda, AI_AGENDA_MAX);
    match basics {
        Some(b) if problems.is_empty() => Ok(CheckedBasics {
            name: b.name,
            objective: b.objective,
            start_date: b.start_date,
            sponsor: b.sponsor,
            budget: b.budget,
            ai_agenda,
        }),
        _ => Err(Error::invalid(problems.0)),
    }
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
