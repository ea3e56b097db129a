//! Who is acting. Pilotdesk runs on one machine without a login, but every vote and change
//! names a person from People: chosen on first start, switchable at any time, or given
//! for one command line run with `--as`.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{CurrentUser, Person, PersonInput};
use crate::store::changes::{self, NewChange};
use crate::store::{people, settings, steering, Store};

use super::pilots::Problems;
use super::timestamp_now;

/// The acting person, the name changes are recorded under, and whom to suggest.
pub fn current_user(store: &Store) -> Result<CurrentUser> {
    let conn = store.conn();
    let settings = settings::load(conn)?;
    let person = match &settings.current_user_id {
        Some(id) => people::get(conn, id)?,
        None => None,
    };
    let steering_function = match &person {
        Some(p) => steering::member(conn, &p.id)?.map(|m| m.function),
        None => None,
    };
    let suggested = match &person {
        Some(_) => None,
        None => people::list(conn)?
            .into_iter()
            .find(|p| p.name == settings.current_user),
    };
    Ok(CurrentUser {
        person,
        name: settings.current_user,
        steering_function,
        suggested,
    })
}

/// The person acting, or a clear error when no one has been chosen.
pub fn acting_person(conn: &rusqlite::Connection) -> Result<Person> {
    let settings = settings::load(conn)?;
    let Some(id) = settings.current_user_id else {
        return Err(Error::Conflict(
            "no one is chosen as the current user; choose who you are first (in the app, or \
             `pilotdesk user set PERSON_ID`, or `--as PERSON_ID` for one command)"
                .into(),
        ));
    };
    people::get(conn, &id)?.ok_or_else(|| {
        Error::Conflict(format!(
            "the current user {id} is no longer in People; choose who you are again"
        ))
    })
}

fn find_person(store: &Store, person_id: &str) -> Result<Person> {
    let person_id = person_id.trim();
    people::get(store.conn(), person_id)?.ok_or_else(|| {
        Error::invalid_field(
            "personId",
            format!("there is no one with the id \"{person_id}\" in People"),
        )
    })
}

/// Makes a person from People the current user of this workspace.
pub fn choose_user(store: &mut Store, person_id: &str) -> Result<CurrentUser> {
    let person = find_person(store, person_id)?;
    let tx = store.write()?;
    settings::set(&tx, settings::CURRENT_USER_ID, &person.id)?;
    settings::set(&tx, settings::CURRENT_USER, &person.name)?;
    changes::append(
        &tx,
        &timestamp_now(),
        &NewChange {
            actor: &person.name,
            entity: "workspace",
            entity_id: "current_user",
            action: "user_chosen",
            summary: &format!("{} ({}) is now the current user", person.name, person.id),
        },
    )?;
    tx.commit()?;
    current_user(store)
}

/// Acts as a person for this session only (the command line's `--as`).
pub fn act_for_session(store: &Store, person_id: &str) -> Result<Person> {
    let person = find_person(store, person_id).map_err(|_| {
        Error::invalid_field(
            "as",
            format!(
                "there is no one with the id \"{}\" in People",
                person_id.trim()
            ),
        )
    })?;
    settings::act_for_session(store.conn(), &person.id)?;
    Ok(person)
}

const NAME_MAX: usize = 120;

/// Adds a person to People on the spot, e.g. someone who is not in the HR export yet.
pub fn add_person(store: &mut Store, input: &PersonInput, today: NaiveDate) -> Result<Person> {
    let mut problems = Problems::default();
    let name = problems.required("name", &input.name, NAME_MAX, "give the person's name");
    let email = input.email.trim().to_string();
    if email.is_empty() {
        problems.add("email", "give an email address");
    } else if !email.contains('@') || email.contains(' ') {
        problems.add("email", format!("\"{email}\" is not an email address"));
    }
    let team = problems.required("team", &input.team, 80, "name the person's team");
    let role = problems.required("role", &input.role, 80, "give the person's role");
    let id = input.id.trim().to_string();
    if !id.is_empty() {
        if id.len() > 40 || id.contains(char::is_whitespace) {
            problems.add("id", "an id is one word, e.g. E1042");
        } else if people::get(store.conn(), &id)?.is_some() {
            problems.add("id", format!("{id} is already someone's id"));
        }
    }
    problems.into_result(|| ())?;
    let id = if id.is_empty() {
        people::next_local_id(store.conn(), "L")?
    } else {
        id
    };
    let person = Person {
        id,
        name,
        email,
        team,
        role,
        manager_id: None,
        hire_date: None,
        leaving_date: None,
    };
    let actor = settings::load(store.conn())?.current_user;
    let tx = store.write()?;
    people::insert(&tx, &person, today)?;
    changes::append(
        &tx,
        &timestamp_now(),
        &NewChange {
            actor: &actor,
            entity: "person",
            entity_id: &person.id,
            action: "added",
            summary: &format!("Added {} ({}) to People", person.name, person.role),
        },
    )?;
    tx.commit()?;
    Ok(person)
}
