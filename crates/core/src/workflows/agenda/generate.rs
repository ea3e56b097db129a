//! Making an agenda in three steps, so nothing holds the workspace while a model thinks:
//! `plan` reads the workspace, `answer` asks the local model when one was asked for (or
//! writes offline), `save` records the agenda.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::agenda::facts::AgendaFacts;
use crate::model::agenda::{
    Agenda, AgendaItemKind, AgendaRequest, AgendaSource, ModelPreview, ModelSettings,
};
use crate::store::agenda::{agendas, facts as identity, settings};
use crate::store::Store;
use crate::workflows::{record_change, timestamp_now};

use super::compose::{basis, compose, minutes};
use super::gather::gather;
use super::prompt::{ask, body_hash, build_body};
use super::redact::Redactor;

/// What the local model would be sent, and how its answer is made personal again.
pub struct ModelCall {
    settings: ModelSettings,
    body: String,
    url: String,
    redactor: Redactor,
}

pub struct Plan {
    facts: AgendaFacts,
    pilot_id: Option<i64>,
    offline: Vec<(AgendaItemKind, String)>,
    basis: Vec<String>,
    model: Option<ModelCall>,
}

pub struct Answer {
    items: Vec<(AgendaItemKind, String)>,
    source: AgendaSource,
    note: String,
}

fn model_call(
    store: &Store,
    facts: &AgendaFacts,
    basis: &[String],
    settings: &ModelSettings,
) -> Result<ModelCall> {
    if !settings.enabled {
        return Err(Error::Conflict(
            "the local model is off in this workspace; turn it on in Settings, Agendas, or use \
             the offline agenda"
                .into(),
        ));
    }
    let endpoint = super::endpoint::check(&settings.endpoint, &settings.allowed_hosts)
        .map_err(|message| Error::Conflict(format!("the local model's address: {message}")))?;
    let coachee = &facts.coachee;
    let manager = &facts.manager;
    let others = identity::identities(store.conn())?;
    let organisation = crate::store::settings::load(store.conn())?.workspace_name;
    let redactor = Redactor::new(
        (
            coachee.id.as_str(),
            coachee.name.as_str(),
            coachee.email.as_str(),
        ),
        (
            manager.id.as_str(),
            manager.name.as_str(),
            manager.email.as_str(),
        ),
        &others,
        &organisation,
    );
    let redacted: Vec<String> = basis.iter().map(|line| redactor.redact(line)).collect();
    let body = build_body(&settings.model, facts.context.label(), &redacted);
    Ok(ModelCall {
        settings: settings.clone(),
        body,
        url: endpoint.url,
        redactor,
    })
}

/// Reads the workspace and decides what would be written or sent.
pub fn plan(store: &Store, request: &AgendaRequest, today: NaiveDate) -> Result<Plan> {
    let settings = settings::load(store.conn())?;
    let (facts, pilot_id) = gather(store, request, &settings, today)?;
    let offline = compose(&facts);
    let basis = basis(&facts);
    let model = if request.use_model {
        let call = model_call(store, &facts, &basis, &settings.model)?;
        let hash = body_hash(&call.body);
        if request.preview_hash.as_deref() != Some(hash.as_str()) {
            return Err(Error::Conflict(
                "what would be sent to the local model is not what was shown; look at it again \
                 before sending"
                    .into(),
            ));
        }
        Some(call)
    } else {
        None
    };
    Ok(Plan {
        facts,
        pilot_id,
        offline,
        basis,
        model,
    })
}

/// Exactly what would leave the app if the local model were asked.
pub fn preview(store: &Store, request: &AgendaRequest, today: NaiveDate) -> Result<ModelPreview> {
    let settings = settings::load(store.conn())?;
    let (facts, _) = gather(store, request, &settings, today)?;
    let call = model_call(store, &facts, &basis(&facts), &settings.model)?;
    Ok(ModelPreview {
        url: call.url.clone(),
        hash: body_hash(&call.body),
        placeholders: call.redactor.placeholders(),
        body: call.body,
    })
}

/// Asks the model when the plan says so; falls back to the offline agenda, saying why.
/// Touches no workspace, so it may take as long as the model's timeout.
pub fn answer(plan: &Plan) -> Answer {
    let Some(call) = &plan.model else {
        return Answer {
            items: plan.offline.clone(),
            source: AgendaSource::Offline,
            note: String::new(),
        };
    };
    match ask(&call.settings, &call.body) {
        Ok(items) => Answer {
            items: items
                .into_iter()
                .map(|(kind, text)| (kind, call.redactor.restore(&text)))
                .collect(),
            source: AgendaSource::Model,
            note: format!("Written by the local model at {}", call.url),
        },
        Err(failure) => Answer {
            items: plan.offline.clone(),
            source: AgendaSource::Fallback,
            note: fallback_note(&failure.to_string()),
        },
    }
}

pub fn save(store: &mut Store, plan: &Plan, answer: Answer) -> Result<Agenda> {
    let now = timestamp_now();
    let tx = store.write()?;
    let author = crate::store::settings::load(&tx)?.current_user;
    let facts = &plan.facts;
    let id = agendas::insert(
        &tx,
        &agendas::NewAgenda {
            manager_id: &facts.manager.id,
            coachee_id: &facts.coachee.id,
            pilot_id: plan.pilot_id,
            task_id: facts.task.as_ref().map(|t| t.id),
            task: facts.task.as_ref().map(|t| t.behaviour.as_str()),
            context: facts.context,
            minutes: minutes(&answer.items),
            basis: &plan.basis,
            source: answer.source,
            source_note: &answer.note,
            items: &answer.items,
            created_at: &now,
            created_by: &author,
        },
    )?;
    record_change(
        &tx,
        "agenda",
        &id.to_string(),
        "created",
        &format!(
            "Agenda for {} with {} ({})",
            facts.manager.name,
            facts.coachee.name,
            answer.source.as_str()
        ),
    )?;
    tx.commit()?;
    super::decide::get(store, id)
}

/// Plans, answers and saves in one go: the command line's way.
pub fn generate(store: &mut Store, request: &AgendaRequest, today: NaiveDate) -> Result<Agenda> {
    let plan = plan(store, request, today)?;
    let answer = answer(&plan);
    save(store, &plan, answer)
}

/// The cause as the notice's first sentence, then what the person is reading. A cause that
/// ends in a question ("is the model server running?") keeps its question mark.
fn fallback_note(cause: &str) -> String {
    let cause = sentence_start(cause.trim());
    if cause.ends_with(['?', '.', '!']) {
        format!("{cause} This is the offline agenda.")
    } else {
        format!("{cause}, so this is the offline agenda.")
    }
}

/// "the local model did not answer" opens a notice as "The local model did not answer".
fn sentence_start(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}
