//! Certifying a coach at a level: refused, naming each unmet criterion, until the evidence
//! meets the standard; when it does, the certification records that evidence as it stood.

use chrono::NaiveDate;

use crate::error::{Error, ErrorDetail, Result};
use crate::metrics::coaches::progress;
use crate::model::coaches::{Certification, CertifyInput, CoachLevel};
use crate::store::coaches::certifications;
use crate::store::Store;
use crate::workflows::{record_change, timestamp_now};

use super::roster::{evidence_of, levels};
use super::{active_coach, standard};

/// The criterion key as a form field: "observation_score" -> "observationScore".
fn field_of(key: crate::model::coaches::CriterionKey) -> String {
    let snake = serde_json::to_value(key)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default();
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

pub fn certify(store: &mut Store, input: &CertifyInput, today: NaiveDate) -> Result<Certification> {
    let conn = store.conn();
    let coach = active_coach(conn, &input.coach_id)?;
    let Some(level) = CoachLevel::parse(&input.level) else {
        return Err(Error::invalid_field(
            "level",
            "choose the level: associate or certified",
        ));
    };
    let standard = standard::current_in(conn)?;
    let evidence = evidence_of(conn, &coach, &standard, today)?;
    let certs = certifications::for_coach(conn, &coach.person_id)?;
    let Some(reached) = levels(&standard, &evidence, &certs, None, today)
        .into_iter()
        .find(|l| l.level == level)
    else {
        return Err(Error::invalid_field(
            "level",
            format!(
                "the standard (version {}) has no {} level",
                standard.version,
                level.as_str()
            ),
        ));
    };
    if let Some(reason) = progress::held(level, &certs, standard.criteria.renewal_days, today) {
        return Err(Error::Conflict(format!("{}: {reason}", coach.name)));
    }
    let unmet: Vec<ErrorDetail> = reached
        .criteria
        .iter()
        .filter(|c| !c.met)
        .map(|c| ErrorDetail::field(field_of(c.key), format!("{}: {}", c.label, c.reason)))
        .collect();
    if !unmet.is_empty() {
        return Err(Error::Invalid {
            summary: format!(
                "{} cannot be certified as {} yet: {} of the standard's criteria {} not met",
                coach.name,
                level.label().to_lowercase(),
                unmet.len(),
                if unmet.len() == 1 { "is" } else { "are" }
            ),
            details: unmet,
        });
    }
    let now = timestamp_now();
    let tx = store.write()?;
    // The version assessed against must be on record before a certification names it.
    let standard = standard::ensure_in(&tx)?;
    let certified_by = crate::store::settings::load(&tx)?.current_user;
    let valid_until = progress::valid_until(today, standard.criteria.validity_months);
    let id = certifications::insert(
        &tx,
        &certifications::NewCertification {
            coach_id: &coach.person_id,
            level,
            standard_version: standard.version,
            certified_on: today,
            valid_until,
            certified_by: &certified_by,
            evidence: &reached.criteria,
            created_at: &now,
        },
    )?;
    record_change(
        &tx,
        "certification",
        &id.to_string(),
        "certified",
        &format!(
            "Certified {} as {} until {}",
            coach.name,
            level.label().to_lowercase(),
            crate::packs::dates::long_date(valid_until)
        ),
    )?;
    tx.commit()?;
    certifications::get(store.conn(), id)?.ok_or_else(|| Error::NotFound {
        entity: "certification",
        id: id.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::coaches::CriterionKey;

    #[test]
    fn criterion_keys_become_form_fields() {
        assert_eq!(field_of(CriterionKey::ObservationScore), "observationScore");
        assert_eq!(field_of(CriterionKey::Hours), "hours");
        assert_eq!(field_of(CriterionKey::FeedbackRating), "feedbackRating");
    }
}
