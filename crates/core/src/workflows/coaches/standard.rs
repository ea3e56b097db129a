//! The certification standard: a default of Pilotdesk's own writing, stored as version 1
//! on first use; the workspace may write its own, which becomes the next version. A
//! certification names the version it was assessed against, so a change never rewrites
//! an old one.

use rusqlite::{Connection, Transaction};

use crate::error::{Error, Result};
use crate::model::coaches::{CoachLevel, LevelCriteria, RubricItem, Standard, StandardCriteria};
use crate::store::coaches::standards;
use crate::store::Store;
use crate::workflows::pilots::Problems;
use crate::workflows::{record_change, timestamp_now};

pub const DEFAULT_NAME: &str = "Pilotdesk internal coach standard";
const DEFAULT_AUTHOR: &str = "Pilotdesk (default standard)";

fn item(key: &str, label: &str, description: &str) -> RubricItem {
    RubricItem {
        key: key.into(),
        label: label.into(),
        description: description.into(),
    }
}

/// The default criteria. An associate has the basics observed once; a certified coach has
/// logged the hours of a pilot's worth of weekly sessions, been observed twice at
/// "proficient" and is rated well by five coachees. Two years' validity, renewable in the
/// last 90 days, on evidence from those two years; the L&D lead assesses until the first
/// coaches are certified.
pub fn default_criteria() -> StandardCriteria {
    StandardCriteria {
        levels: vec![
            LevelCriteria {
                level: CoachLevel::Associate,
                training: true,
                hours: 8.0,
                observations: 1,
                min_observation_mean: 2.5,
                feedback_count: 3,
                min_feedback_mean: 3.5,
            },
            LevelCriteria {
                level: CoachLevel::Certified,
                training: true,
                hours: 20.0,
                observations: 2,
                min_observation_mean: 3.0,
                feedback_count: 5,
                min_feedback_mean: 4.0,
            },
        ],
        rubric: vec![
            item(
                "agreement",
                "Agrees the focus",
                "Opens by agreeing what the session is for and what a good outcome looks \
                 like, in the coachee's words.",
            ),
            item(
                "questions",
                "Asks before telling",
                "Open questions do the work; the coachee does most of the talking and the \
                 thinking.",
            ),
            item(
                "listening",
                "Listens and reflects",
                "Plays back what was said, and what was not, so the coachee hears their own \
                 reasoning.",
            ),
            item(
                "feedback",
                "Gives specific feedback",
                "Names an observed behaviour and its effect on the task, never the person.",
            ),
            item(
                "commitment",
                "Ends with a commitment",
                "Closes on one concrete next step the coachee owns, and when it will happen.",
            ),
        ],
        validity_months: 24,
        renewal_days: 90,
        evidence_months: 24,
        approved_assessors: Vec::new(),
        approved_assessor_roles: vec!["L&D Lead".into()],
    }
}

fn default_standard() -> Standard {
    Standard {
        version: 1,
        name: DEFAULT_NAME.into(),
        criteria: default_criteria(),
        created_at: String::new(),
        created_by: DEFAULT_AUTHOR.into(),
    }
}

/// The standard in force: the newest version, or the default before anything is stored.
pub fn current_in(conn: &Connection) -> Result<Standard> {
    Ok(standards::latest(conn)?.unwrap_or_else(default_standard))
}

pub fn current(store: &Store) -> Result<Standard> {
    current_in(store.conn())
}

/// The standard in force, storing the default as version 1 if nothing is stored yet: done
/// in the transaction that first needs it (a nomination, a certification).
pub(crate) fn ensure_in(tx: &Transaction) -> Result<Standard> {
    if let Some(standard) = standards::latest(tx)? {
        return Ok(standard);
    }
    let mut standard = default_standard();
    standard.created_at = timestamp_now();
    standards::insert(tx, &standard)?;
    Ok(standard)
}

/// Checks a standard as the workspace wrote it; every problem names its field.
pub fn check(name: &str, criteria: &StandardCriteria) -> Result<()> {
    let mut problems = Problems::default();
    problems.required("name", name, 120, "name the standard");
    for level in CoachLevel::ALL {
        let found = criteria.levels.iter().filter(|l| l.level == level).count();
        if found != 1 {
            problems.add(
                "levels",
                format!(
                    "give the {} level exactly once (found {found})",
                    level.as_str()
                ),
            );
        }
    }
    for l in &criteria.levels {
        let field = |what: &str| format!("levels.{}.{what}", l.level.as_str());
        if !l.hours.is_finite() || !(0.0..=2000.0).contains(&l.hours) {
            problems.add(&field("hours"), "give the hours as 0 to 2000");
        }
        if l.observations > 50 {
            problems.add(
                &field("observations"),
                "ask for at most 50 observed sessions",
            );
        }
        if l.observations > 0 && !(1.0..=4.0).contains(&l.min_observation_mean) {
            problems.add(
                &field("minObservationMean"),
                "the rubric scores 1 to 4, so the minimum mean is 1 to 4",
            );
        }
        if l.feedback_count > 200 {
            problems.add(&field("feedbackCount"), "ask for at most 200 ratings");
        }
        if l.feedback_count > 0 && !(1.0..=5.0).contains(&l.min_feedback_mean) {
            problems.add(
                &field("minFeedbackMean"),
                "coachees rate 1 to 5, so the minimum mean is 1 to 5",
            );
        }
    }
    if criteria.rubric.is_empty() || criteria.rubric.len() > 8 {
        problems.add("rubric", "give the rubric 1 to 8 items");
    }
    for (i, item) in criteria.rubric.iter().enumerate() {
        let key_ok = !item.key.is_empty()
            && item
                .key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !key_ok {
            problems.add(
                &format!("rubric.{i}.key"),
                "use lower-case letters, digits, '-' and '_' (typed as --score KEY=3)",
            );
        } else if criteria.rubric[..i].iter().any(|o| o.key == item.key) {
            problems.add(
                &format!("rubric.{i}.key"),
                format!("\"{}\" is used twice", item.key),
            );
        }
        if item.label.trim().is_empty() {
            problems.add(&format!("rubric.{i}.label"), "say what the item scores");
        }
    }
    if !(1..=120).contains(&criteria.validity_months) {
        problems.add("validityMonths", "give the validity as 1 to 120 months");
    }
    if criteria.renewal_days > criteria.validity_months.saturating_mul(28) {
        problems.add(
            "renewalDays",
            "the renewal window must be shorter than the validity",
        );
    }
    if !(1..=120).contains(&criteria.evidence_months) {
        problems.add(
            "evidenceMonths",
            "give the evidence window as 1 to 120 months",
        );
    }
    problems.into_result(|| ())
}

/// Stores the workspace's own standard as the next version.
pub fn set(store: &mut Store, name: &str, criteria: &StandardCriteria) -> Result<Standard> {
    check(name, criteria)?;
    let tx = store.write()?;
    let previous = ensure_in(&tx)?;
    let mut levels = criteria.levels.clone();
    levels.sort_by_key(|l| l.level);
    let standard = Standard {
        version: previous.version + 1,
        name: name.trim().to_string(),
        criteria: StandardCriteria {
            levels,
            ..criteria.clone()
        },
        created_at: timestamp_now(),
        created_by: crate::store::settings::load(&tx)?.current_user,
    };
    standards::insert(&tx, &standard)?;
    record_change(
        &tx,
        "certification_standard",
        &standard.version.to_string(),
        "created",
        &format!(
            "Certification standard version {}: {}",
            standard.version, standard.name
        ),
    )?;
    tx.commit()?;
    Ok(standard)
}

/// A standard read from JSON, as `pilotdesk coach standard --set FILE` takes it: either
/// the criteria alone or `{"name": ..., "criteria": {...}}`.
pub fn parse(text: &str) -> Result<(String, StandardCriteria)> {
    #[derive(serde::Deserialize)]
    struct Named {
        name: String,
        criteria: StandardCriteria,
    }
    if let Ok(named) = serde_json::from_str::<Named>(text) {
        return Ok((named.name, named.criteria));
    }
    serde_json::from_str::<StandardCriteria>(text)
        .map(|criteria| (DEFAULT_NAME.to_string(), criteria))
        .map_err(|e| {
            Error::invalid_field(
                "standard",
                format!(
                    "not a standard: {e} (line {}, column {})",
                    e.line(),
                    e.column()
                ),
            )
        })
}
