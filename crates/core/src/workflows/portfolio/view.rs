//! One person's portfolio as the person and their manager see it.

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::portfolio::Portfolio;
use crate::store::portfolio::{feedback, reviews, samples};
use crate::store::{people, Store};

use super::not_found;

pub fn portfolio(store: &Store, person_id: &str, today: NaiveDate) -> Result<Portfolio> {
    let conn = store.conn();
    let person = people::get(conn, person_id)?.ok_or_else(|| not_found("person", person_id))?;
    let reviews = reviews::for_person(conn, person_id)?;
    let levels = crate::store::skills::frameworks::levels(conn)?
        .values()
        .flat_map(|l| l.iter().map(|l| l.level))
        .max()
        .unwrap_or(4);
    let missing_check_in = super::check_ins::flags(store, None, today)?
        .into_iter()
        .find(|f| f.person_id == person_id);
    Ok(Portfolio {
        agreement: super::reviews::agreement(&reviews, levels),
        samples: samples::for_person(conn, person_id)?,
        feedback: feedback::load(conn, Some(person_id))?,
        reviews,
        missing_check_in,
        person_id: person.id,
        name: person.name,
        team: person.team,
        role: person.role,
    })
}
