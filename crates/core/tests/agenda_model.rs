//! The local-model client against real HTTP servers started in the test on this computer:
//! good answers (sized and chunked), slow, malformed and refused ones, and a host that must
//! never be contacted. Each server records the raw requests it receives.

use std::io::ErrorKind;
use std::net::{IpAddr, TcpListener, UdpSocket};
use std::time::Duration;

mod support;

use pilotdesk_core::model::agenda::{AgendaItemKind, ModelSettings};
use pilotdesk_core::workflows::agenda::endpoint;
use pilotdesk_core::workflows::agenda::http::{post_json, HttpFailure};
use pilotdesk_core::workflows::agenda::prompt::{ask, build_body, ModelFailure};
use pilotdesk_core::workflows::agenda::redact::Redactor;
use support::chat::{completion, sized, Behaviour, Server};

fn settings(endpoint: &str) -> ModelSettings {
    ModelSettings {
        enabled: true,
        endpoint: endpoint.into(),
        model: "test-model".into(),
        timeout_seconds: 1,
        allowed_hosts: Vec::new(),
    }
}

const AGENDA: &str = r#"{"opening": "How is the first month going for you, [COACHEE]?",
 "prompts": ["Which customer call stayed with you?", "What would you try differently?"],
 "practice": "Rehearse the opening of a call with [MANAGER] playing the customer.",
 "commitment": "Use the new opener on two calls this week.",
 "next_step": "The Active listening module."}"#;

fn chunked(body: &str) -> Vec<u8> {
    let mut reply = String::from(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    );
    let bytes = body.as_bytes();
    for (n, piece) in bytes.chunks(37).enumerate() {
        let piece = std::str::from_utf8(piece).expect("the test body is ASCII");
        // One chunk carries an extension, which readers must ignore.
        let extension = if n == 1 { ";name=value" } else { "" };
        reply.push_str(&format!("{:x}{extension}\r\n{piece}\r\n", piece.len()));
    }
    reply.push_str("0\r\nX-Trailer: yes\r\n\r\n");
    reply.into_bytes()
}

fn body() -> String {
    build_body(
        "test-model",
        "Onboarding",
        &["[COACHEE] joined 20 days ago".to_string()],
    )
}

fn expected_items() -> Vec<(AgendaItemKind, String)> {
    vec![
        (
            AgendaItemKind::Opening,
            "How is the first month going for you, [COACHEE]?".into(),
        ),
        (
            AgendaItemKind::Prompt,
            "Which customer call stayed with you?".into(),
        ),
        (
            AgendaItemKind::Prompt,
            "What would you try differently?".into(),
        ),
        (
            AgendaItemKind::Practice,
            "Rehearse the opening of a call with [MANAGER] playing the customer.".into(),
        ),
        (
            AgendaItemKind::Commitment,
            "Use the new opener on two calls this week.".into(),
        ),
        (
            AgendaItemKind::NextStep,
            "The Active listening module.".into(),
        ),
    ]
}

#[test]
fn a_good_answer_with_content_length_is_read_and_the_request_is_well_formed() {
    let server = Server::start(Behaviour::Reply(sized("200 OK", &completion(AGENDA))));
    let body = body();
    let items = ask(&settings(&server.url()), &body).expect("the server answers");
    assert_eq!(items, expected_items());

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    let (head, sent) = request.split_once("\r\n\r\n").unwrap();
    let lines: Vec<&str> = head.split("\r\n").collect();
    assert_eq!(lines[0], "POST /v1/chat/completions HTTP/1.1");
    let port = server.addr.port();
    for header in [
        format!("Host: 127.0.0.1:{port}"),
        "Content-Type: application/json".to_string(),
        format!("Content-Length: {}", body.len()),
        "Connection: close".to_string(),
    ] {
        assert!(lines.contains(&header.as_str()), "{header} in {head}");
    }
    assert_eq!(sent, body);
}

#[test]
fn a_good_answer_in_chunks_is_read() {
    let server = Server::start(Behaviour::Reply(chunked(&completion(AGENDA))));
    assert_eq!(
        ask(&settings(&server.url()), &body()).expect("the server answers"),
        expected_items()
    );
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn an_answer_without_a_length_is_read_to_the_end() {
    let reply = format!(
        "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{}",
        completion(&format!("```json\n{AGENDA}\n```"))
    );
    let server = Server::start(Behaviour::Reply(reply.into_bytes()));
    assert_eq!(
        ask(&settings(&server.url()), &body()).unwrap(),
        expected_items()
    );
}

#[test]
fn a_slow_server_times_out() {
    let server = Server::start(Behaviour::Slow(
        Duration::from_secs(30),
        sized("200 OK", &completion(AGENDA)),
    ));
    let failure = ask(&settings(&server.url()), &body()).unwrap_err();
    assert_eq!(failure, ModelFailure::TimedOut(Duration::from_secs(1)));
    assert_eq!(
        failure.to_string(),
        "the local model did not answer within 1 s"
    );
    assert_eq!(server.requests().len(), 1, "the request was sent");
}

#[test]
fn malformed_answers_are_refused_with_what_is_wrong() {
    let one_prompt = AGENDA.replace(r#", "What would you try differently?""#, "");
    let cases = [
        (
            "<html>Service starting</html>".to_string(),
            "the server's reply is not JSON: expected value at line 1 column 1",
        ),
        (
            r#"{"object": "chat.completion", "choices": []}"#.to_string(),
            "the answer has no choices[0].message.content",
        ),
        (
            completion("Sure! Start by asking how the week went, then practise the opener."),
            "the answer holds no JSON object; it reads \"Sure! Start by asking how the week went, then practise the opener.\"",
        ),
        (
            completion(&one_prompt),
            "the answer's prompts has 1 item; an agenda needs 2 or 3",
        ),
    ];
    for (reply, message) in cases {
        let server = Server::start(Behaviour::Reply(sized("200 OK", &reply)));
        assert_eq!(
            ask(&settings(&server.url()), &body()),
            Err(ModelFailure::Malformed(message.to_string())),
            "{reply}"
        );
        assert_eq!(server.requests().len(), 1);
    }
}

#[test]
fn an_error_status_is_refused_with_the_status() {
    let server = Server::start(Behaviour::Reply(sized(
        "500 Internal Server Error",
        r#"{"error": {"message": "model failed to load"}}"#,
    )));
    match ask(&settings(&server.url()), &body()) {
        Err(ModelFailure::Refused(message)) => {
            assert!(
                message.starts_with("the local model answered HTTP 500: "),
                "{message}"
            );
            assert!(message.contains("model failed to load"), "{message}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_redirect_is_not_followed() {
    let target = Server::start(Behaviour::Reply(sized("200 OK", &completion(AGENDA))));
    let redirect = format!(
        "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:{}/v1/chat/completions\r\n\
         Content-Length: 0\r\n\r\n",
        target.addr.port()
    );
    let server = Server::start(Behaviour::Reply(redirect.into_bytes()));
    let endpoint = endpoint::check(&settings(&server.url()).endpoint, &[]).unwrap();
    match post_json(&endpoint, &body(), Duration::from_secs(2)) {
        Err(HttpFailure::Protocol(message)) => assert!(message.contains("307"), "{message}"),
        other => panic!("expected a protocol failure, got {other:?}"),
    }
    assert!(
        target.requests().is_empty(),
        "the redirect was not followed"
    );
}

#[test]
fn an_oversized_answer_is_cut_off() {
    let huge = "x".repeat(3 * 1024 * 1024);
    let server = Server::start(Behaviour::Reply(sized("200 OK", &huge)));
    match ask(&settings(&server.url()), &body()) {
        Err(ModelFailure::Malformed(message)) => {
            assert!(message.contains("larger than 2 MiB"), "{message}")
        }
        other => panic!("expected a malformed answer, got {other:?}"),
    }
    let chunked_server = Server::start(Behaviour::Reply(chunked(&huge)));
    assert!(matches!(
        ask(&settings(&chunked_server.url()), &body()),
        Err(ModelFailure::Malformed(message)) if message.contains("larger than 2 MiB")
    ));
}

#[test]
fn other_statuses_reach_the_caller_of_post_json() {
    let server = Server::start(Behaviour::Reply(sized("404 Not Found", "no such route")));
    let endpoint = endpoint::check(&settings(&server.url()).endpoint, &[]).unwrap();
    let reply = post_json(&endpoint, "{}", Duration::from_secs(2)).unwrap();
    assert_eq!((reply.status, reply.body.as_str()), (404, "no such route"));
}

#[test]
fn nothing_listening_is_a_refusal() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    match ask(&settings(&format!("http://127.0.0.1:{port}/v1")), &body()) {
        Err(ModelFailure::Refused(message)) => {
            assert!(message.contains("connection refused"), "{message}");
            assert!(message.contains(&port.to_string()), "{message}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// This machine's address on its network, found without sending anything: connecting a UDP
/// socket only picks the route.
fn non_loopback_ipv4() -> Option<IpAddr> {
    let socket = UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("10.255.255.255:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
fn a_host_that_is_not_allowed_is_never_contacted() {
    let Some(ip) = non_loopback_ipv4() else {
        eprintln!("skipped: this machine has no non-loopback IPv4 address");
        return;
    };
    let listener = TcpListener::bind("0.0.0.0:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let mut settings = settings(&format!("http://{ip}:{port}/v1"));

    match ask(&settings, &body()) {
        Err(ModelFailure::NotAllowed(message)) => {
            assert!(message.contains(&ip.to_string()), "{message}");
            assert!(message.contains("allowed hosts in Settings"), "{message}");
        }
        other => panic!("expected NotAllowed, got {other:?}"),
    }
    match listener.accept() {
        Err(error) => assert_eq!(error.kind(), ErrorKind::WouldBlock, "{error}"),
        Ok((_, from)) => panic!("the listener was contacted from {from}"),
    }

    // Allowed, the same server is reached: the check above could have failed.
    listener.set_nonblocking(false).unwrap();
    let server = Server::on(
        listener,
        Behaviour::Reply(sized("200 OK", &completion(AGENDA))),
    );
    settings.allowed_hosts = vec![ip.to_string()];
    assert_eq!(ask(&settings, &body()).unwrap(), expected_items());
    assert_eq!(server.requests().len(), 1);
    assert!(server.requests()[0].contains(&format!("Host: {ip}:{port}\r\n")));
}

#[test]
fn what_is_sent_names_no_one_and_the_answer_is_made_personal_again() {
    let others: Vec<(String, String, String)> = [
        ("E1001", "Amara Haddad", "amara.haddad@northwind.example"),
        ("E1002", "Jonas Berg", "jonas.berg@northwind.example"),
        ("E1017", "Priya Raman", "priya.raman@northwind.example"),
        ("E1023", "Tomasz Nowak", "t.nowak@northwind.example"),
    ]
    .iter()
    .map(|(id, name, email)| (id.to_string(), name.to_string(), email.to_string()))
    .collect();
    let redactor = Redactor::new(
        ("E1001", "Amara Haddad", "amara.haddad@northwind.example"),
        ("E1002", "Jonas Berg", "jonas.berg@northwind.example"),
        &others,
        "Northwind Health",
    );
    let basis = [
        "Amara Haddad (E1001, Amara.Haddad@northwind.example) joined Northwind Health 20 days ago",
        "Manager: Jonas Berg, jonas.berg@northwind.example",
        "Feedback from Priya on 2026-11-02: Amara listens well but rushes the close",
        "Peer note by E1023 (t.nowak@northwind.example): Haddad asked good questions",
    ];
    let redacted: Vec<String> = basis.iter().map(|line| redactor.redact(line)).collect();
    let body = build_body("test-model", "Onboarding", &redacted);
    for secret in [
        "Amara",
        "Haddad",
        "Jonas",
        "Berg",
        "Priya",
        "Raman",
        "Nowak",
        "E1001",
        "E1002",
        "E1017",
        "E1023",
        "northwind.example",
        "Northwind Health",
    ] {
        assert!(
            !body.contains(secret),
            "{secret} would leave the app: {body}"
        );
    }
    assert!(body.contains("[COACHEE]") && body.contains("[MANAGER]"));
    assert!(body.contains("[PERSON 1]") && body.contains("[PERSON 2]"));
    assert!(body.contains("[ORGANISATION]"));
    let tokens: Vec<String> = redactor
        .placeholders()
        .into_iter()
        .map(|p| p.token)
        .collect();
    assert_eq!(
        tokens,
        [
            "[COACHEE]",
            "[MANAGER]",
            "[PERSON 1]",
            "[PERSON 2]",
            "[ORGANISATION]"
        ]
    );

    let answer = AGENDA.replace(
        "The Active listening module.",
        "Ask [PERSON 1] and [PERSON 2] at [ORGANISATION] for a sample call.",
    );
    let server = Server::start(Behaviour::Reply(sized("200 OK", &completion(&answer))));
    let items = ask(&settings(&server.url()), &body).unwrap();
    let sent = &server.requests()[0];
    for secret in ["Amara", "Haddad", "E1001", "northwind.example", "Priya"] {
        assert!(!sent.contains(secret), "{secret} was sent");
    }
    let restored: Vec<String> = items
        .iter()
        .map(|(_, text)| redactor.restore(text))
        .collect();
    assert_eq!(restored[0], "How is the first month going for you, Amara?");
    assert_eq!(
        restored[3],
        "Rehearse the opening of a call with Jonas playing the customer."
    );
    assert_eq!(
        restored[5],
        "Ask Priya Raman and Tomasz Nowak at Northwind Health for a sample call."
    );
}
