//! The local model asked from a real workspace: what leaves the app names no one, the
//! answer comes back personal, and every way the model can fail ends in the offline
//! agenda with a notice. The server is a real one on this computer.
mod support;

use std::net::TcpListener;
use std::time::Duration;

use pilotdesk_core::model::agenda::{AgendaRequest, AgendaSettingsInput, AgendaSource};
use pilotdesk_core::store::agenda::settings as stored;
use pilotdesk_core::workflows::agenda::{generate, settings};
use pilotdesk_core::{Error, Store};
use support::chat::{completion, sized, Behaviour, Server};
use support::{date, demo_store};

const TODAY: &str = "2026-11-23";
const MANAGER: &str = "E1007";
const COACHEE: &str = "E1019";

const ANSWER: &str = r#"{"opening": "[COACHEE], how did the first discovery calls go?",
 "prompts": ["Which question surfaced the buyer's problem?", "What did you hold back, and why?"],
 "practice": "Rehearse the first minute of a call with [MANAGER] as the buyer.",
 "commitment": "Ask the three questions on two calls this week.",
 "next_step": "The discovery questioning module."}"#;

fn use_model(store: &mut Store, url: &str, timeout: &str) {
    settings::update(
        store,
        &AgendaSettingsInput {
            allowed_contexts: vec!["onboarding".into(), "skill_practice".into()],
            model_enabled: true,
            endpoint: url.into(),
            model: "llama3.2".into(),
            timeout_seconds: timeout.into(),
            allowed_hosts: String::new(),
        },
    )
    .unwrap();
}

fn request() -> AgendaRequest {
    AgendaRequest {
        manager_id: MANAGER.into(),
        coachee_id: COACHEE.into(),
        pilot_id: Some(1),
        use_model: true,
        ..AgendaRequest::default()
    }
}

/// Generates after looking at the preview, as the window and the command line do.
fn generate_seen(
    store: &mut Store,
) -> pilotdesk_core::Result<pilotdesk_core::model::agenda::Agenda> {
    let today = date(TODAY);
    let preview = generate::preview(store, &request(), today)?;
    let mut asked = request();
    asked.preview_hash = Some(preview.hash);
    generate::generate(store, &asked, today)
}

#[test]
fn what_is_sent_names_no_one_in_the_workspace_and_the_answer_is_personal_again() {
    let mut store = demo_store();
    let server = Server::start(Behaviour::Reply(sized("200 OK", &completion(ANSWER))));
    use_model(&mut store, &server.url(), "5");
    let preview = generate::preview(&store, &request(), date(TODAY)).unwrap();
    assert!(preview.body.contains("[COACHEE]"), "{}", preview.body);
    assert!(preview.url.ends_with("/v1/chat/completions"));

    let agenda = generate_seen(&mut store).unwrap();
    assert_eq!(agenda.source, AgendaSource::Model);
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let sent = &requests[0];
    assert!(
        sent.ends_with(&preview.body),
        "exactly the previewed body was sent"
    );
    let mut checked = 0;
    for (id, name, email) in pilotdesk_core::store::agenda::facts::identities(store.conn()).unwrap()
    {
        for secret in [id.as_str(), name.as_str(), email.as_str()] {
            assert!(!sent.contains(secret), "{secret} left the app:\n{sent}");
        }
        for part in name.split_whitespace().filter(|p| p.chars().count() > 2) {
            assert!(!sent.contains(part), "{part} (of {name}) left the app");
        }
        checked += 1;
    }
    assert!(
        checked > 50,
        "the whole demo organisation was checked: {checked}"
    );
    assert!(!sent.contains("Meridian"), "nor the organisation's name");

    let opening = &agenda.items[0].text;
    assert!(opening.starts_with("Diego,"), "{opening}");
    assert!(
        agenda.items[3].text.contains("Liam"),
        "{:?}",
        agenda.items[3]
    );
    assert!(agenda.source_note.contains(&server.url()));
}

#[test]
fn a_preview_that_no_longer_matches_sends_nothing() {
    let mut store = demo_store();
    let server = Server::start(Behaviour::Reply(sized("200 OK", &completion(ANSWER))));
    use_model(&mut store, &server.url(), "5");
    let mut asked = request();
    asked.preview_hash = Some("0".repeat(64));
    let refused = generate::generate(&mut store, &asked, date(TODAY)).unwrap_err();
    assert!(matches!(&refused, Error::Conflict(m) if m.contains("not what was shown")));
    assert!(server.requests().is_empty());
}

#[test]
fn a_slow_server_times_out_into_the_offline_agenda_with_a_notice() {
    let mut store = demo_store();
    let server = Server::start(Behaviour::Slow(
        Duration::from_secs(20),
        sized("200 OK", &completion(ANSWER)),
    ));
    use_model(&mut store, &server.url(), "1");
    let agenda = generate_seen(&mut store).unwrap();
    assert_eq!(agenda.source, AgendaSource::Fallback);
    assert_eq!(
        agenda.source_note,
        "The local model did not answer within 1 s, so this is the offline agenda."
    );
    let offline = generate::generate(
        &mut store,
        &AgendaRequest {
            use_model: false,
            ..request()
        },
        date(TODAY),
    )
    .unwrap();
    let texts = |a: &pilotdesk_core::model::agenda::Agenda| {
        a.items.iter().map(|i| i.text.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        texts(&agenda),
        texts(&offline),
        "the fall-back is the offline agenda"
    );
}

#[test]
fn a_malformed_or_refused_answer_is_refused_with_what_was_wrong() {
    for (reply, says) in [
        (sized("200 OK", "<html>busy</html>"), "not JSON"),
        (
            sized(
                "200 OK",
                &completion("Sure! Here is an agenda: talk about calls."),
            ),
            "answer",
        ),
        (
            sized("503 Service Unavailable", "{\"error\":\"loading model\"}"),
            "HTTP 503",
        ),
    ] {
        let mut store = demo_store();
        let server = Server::start(Behaviour::Reply(reply));
        use_model(&mut store, &server.url(), "5");
        let agenda = generate_seen(&mut store).unwrap();
        assert_eq!(agenda.source, AgendaSource::Fallback);
        assert!(agenda.source_note.contains(says), "{}", agenda.source_note);
        assert!(agenda
            .source_note
            .ends_with("so this is the offline agenda."));
        assert_eq!(server.requests().len(), 1);
    }
}

/// An address of this computer that is not loopback, if it has one.
fn outward_address() -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
fn a_host_that_is_neither_loopback_nor_allowed_is_never_contacted() {
    let ip = outward_address().expect("this machine has a network address");
    let listener = TcpListener::bind((ip, 0)).unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let mut store = demo_store();
    // As if the file had been edited by hand: Settings would have refused this.
    let mut saved = stored::load(store.conn()).unwrap();
    saved.model.enabled = true;
    saved.model.endpoint = format!("http://{ip}:{port}/v1");
    let tx = store.write().unwrap();
    stored::save(&tx, &saved).unwrap();
    tx.commit().unwrap();

    let refused = generate::preview(&store, &request(), date(TODAY)).unwrap_err();
    assert!(
        matches!(&refused, Error::Conflict(m) if m.contains(&ip.to_string())),
        "{refused:?}"
    );
    let mut asked = request();
    asked.preview_hash = Some("0".repeat(64));
    assert!(generate::generate(&mut store, &asked, date(TODAY)).is_err());
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("the host was contacted: {other:?}"),
    }
}
