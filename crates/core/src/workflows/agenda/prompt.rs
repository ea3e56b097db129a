//! What the local model is asked, how its answer is read, and the call itself.
//!
//! The body is built once and shown to the person before it is sent, so it must be exactly
//! reproducible: the same model, context and basis always give the same bytes and hash.

use std::fmt;
use std::time::Duration;

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::model::agenda::{AgendaItemKind, ModelSettings};

use super::endpoint;
use super::http::{self, describe_duration, shorten, HttpFailure};

/// The longest item an agenda takes; a model that writes more is not writing an agenda.
pub const MAX_ITEM_CHARS: usize = 400;

const SYSTEM: &str = "You help a manager prepare a 10-15 minute coaching conversation with \
someone they coach. Answer with one JSON object and nothing else: no prose before or after \
it, no code fences. It has exactly this shape:
{\"opening\": string, \"prompts\": [2 or 3 strings], \"practice\": string, \"commitment\": string, \"next_step\": string}
- opening: one open question that starts the conversation.
- prompts: two or three conversation prompts, each a question or invitation the manager says aloud.
- practice: one short practice to do together in about four minutes.
- commitment: one small, specific thing the coachee could commit to before the next conversation.
- next_step: the next skill module or work sample to look at, taken from the facts given.
Write the way a good coach talks: plain, warm and curious; ask rather than tell; one idea per \
item; short sentences, under 40 words an item. People appear as placeholders in square \
brackets, such as [COACHEE] for the person being coached and [MANAGER] for the manager; \
write them exactly as given and never guess a real name. Use only the facts given: do not \
invent facts, numbers, events or feedback.";

/// The chat-completions request for one agenda. `basis` must already be redacted.
pub fn build_body(model: &str, context_label: &str, basis: &[String]) -> String {
    let mut user = format!("The conversation: {context_label}.\n\nWhat the workspace knows:\n");
    if basis.is_empty() {
        user.push_str("- nothing beyond the conversation's kind\n");
    }
    for line in basis {
        user.push_str("- ");
        user.push_str(line.trim());
        user.push('\n');
    }
    user.push_str("\nWrite the agenda as the JSON object described.");

    let mut body = Map::new();
    if !model.trim().is_empty() {
        body.insert("model".into(), Value::String(model.trim().to_string()));
    }
    body.insert(
        "messages".into(),
        json!([
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": user},
        ]),
    );
    body.insert("temperature".into(), json!(0.4));
    body.insert("max_tokens".into(), json!(700));
    body.insert("stream".into(), json!(false));
    Value::Object(body).to_string()
}

/// The SHA-256 of a body, in lowercase hex: what the preview shows and the send checks.
pub fn body_hash(body: &str) -> String {
    Sha256::digest(body.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Reads an OpenAI chat completion and returns its agenda in the order it is taken:
/// opening, prompts, practice, commitment, next step. Placeholders are left as they are.
pub fn parse_answer(http_body: &str) -> Result<Vec<(AgendaItemKind, String)>, String> {
    let reply: Value = serde_json::from_str(http_body)
        .map_err(|error| format!("the server's reply is not JSON: {error}"))?;
    let Some(content) = reply
        .pointer("/choices/0/message/content")
        .and_then(Value::as_str)
    else {
        if let Some(error) = reply.get("error") {
            let said = error
                .get("message")
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| error.to_string());
            return Err(format!(
                "the server's reply is an error: {}",
                shorten(&said, 200)
            ));
        }
        return Err("the answer has no choices[0].message.content".into());
    };
    let agenda = find_object(content)?;
    let field = |name: &str| -> Result<String, String> {
        match agenda.get(name) {
            None => Err(format!("the answer has no \"{name}\"")),
            Some(value) => item_text(value, &format!("the answer's {name}")),
        }
    };
    let mut items = vec![(AgendaItemKind::Opening, field("opening")?)];
    let prompts = match agenda.get("prompts") {
        None => return Err("the answer has no \"prompts\"".into()),
        Some(Value::Array(prompts)) => prompts,
        Some(_) => return Err("the answer's prompts is not a list".into()),
    };
    if !(2..=3).contains(&prompts.len()) {
        let noun = if prompts.len() == 1 { "item" } else { "items" };
        return Err(format!(
            "the answer's prompts has {} {noun}; an agenda needs 2 or 3",
            prompts.len()
        ));
    }
    for (index, prompt) in prompts.iter().enumerate() {
        let text = item_text(prompt, &format!("the answer's prompt {}", index + 1))?;
        items.push((AgendaItemKind::Prompt, text));
    }
    items.push((AgendaItemKind::Practice, field("practice")?));
    items.push((AgendaItemKind::Commitment, field("commitment")?));
    items.push((AgendaItemKind::NextStep, field("next_step")?));
    Ok(items)
}

fn item_text(value: &Value, what: &str) -> Result<String, String> {
    let Some(text) = value.as_str() else {
        return Err(format!("{what} is not text"));
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("{what} is empty"));
    }
    let length = text.chars().count();
    if length > MAX_ITEM_CHARS {
        return Err(format!(
            "{what} is {length} characters long; an item may have at most {MAX_ITEM_CHARS}"
        ));
    }
    Ok(text.to_string())
}

/// The agenda object inside the model's words: bare, fenced, or with prose around it.
fn find_object(content: &str) -> Result<Map<String, Value>, String> {
    let content = without_thinking(content).trim();
    let unfenced = unfence(content);
    if let Ok(Value::Object(object)) = serde_json::from_str(unfenced) {
        return Ok(object);
    }
    let mut search = unfenced;
    let mut invalid = None;
    while let Some(start) = search.find('{') {
        let candidate = &search[start..];
        if let Some(end) = balanced_end(candidate) {
            match serde_json::from_str(&candidate[..end]) {
                Ok(Value::Object(object)) => return Ok(object),
                Ok(_) => {}
                Err(error) => invalid = invalid.or(Some(error)),
            }
        }
        search = &candidate[1..];
    }
    if content.is_empty() {
        return Err("the answer is empty".into());
    }
    Err(match invalid {
        Some(error) => format!("the answer's JSON object is not valid JSON: {error}"),
        None => format!(
            "the answer holds no JSON object; it reads \"{}\"",
            shorten(content, 80)
        ),
    })
}

/// Reasoning models may think aloud in <think> tags before the answer.
fn without_thinking(content: &str) -> &str {
    match content.find("</think>") {
        Some(end) if content.trim_start().starts_with("<think>") => &content[end + 8..],
        _ => content,
    }
}

fn unfence(content: &str) -> &str {
    let Some(rest) = content.strip_prefix("```") else {
        return content;
    };
    // Drop the language tag ("json") on the opening fence's line.
    let rest = rest.split_once('\n').map_or("", |(_, after)| after);
    rest.trim_end().strip_suffix("```").unwrap_or(rest).trim()
}

/// The byte length of the `{…}` at the start of `text`, minding strings and escapes.
fn balanced_end(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(at + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Why the local model's agenda could not be used. `Display` gives the cause as a clause
/// ("the local model did not answer within 5 s") for the caller's notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelFailure {
    /// The endpoint may not be contacted; nothing was sent.
    NotAllowed(String),
    TimedOut(Duration),
    /// No connection, or the server answered with an error status.
    Refused(String),
    /// The server answered, but not with an agenda Pilotdesk can use.
    Malformed(String),
}

impl fmt::Display for ModelFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelFailure::NotAllowed(message) | ModelFailure::Refused(message) => {
                f.write_str(message)
            }
            ModelFailure::TimedOut(timeout) => write!(
                f,
                "the local model did not answer within {}",
                describe_duration(*timeout)
            ),
            ModelFailure::Malformed(message) => {
                write!(f, "the local model's answer could not be used: {message}")
            }
        }
    }
}

impl std::error::Error for ModelFailure {}

/// Sends `body` (built by `build_body`, already shown to the person) to the workspace's local
/// model and returns its agenda, placeholders still in. Nothing is contacted unless the
/// model is on and its endpoint passes `endpoint::check`.
pub fn ask(
    settings: &ModelSettings,
    body: &str,
) -> Result<Vec<(AgendaItemKind, String)>, ModelFailure> {
    if !settings.enabled {
        return Err(ModelFailure::NotAllowed(
            "the local model is turned off in Settings".into(),
        ));
    }
    let endpoint = endpoint::check(&settings.endpoint, &settings.allowed_hosts)
        .map_err(ModelFailure::NotAllowed)?;
    let addrs = endpoint::resolve(&endpoint).map_err(|unreachable| {
        if unreachable.not_allowed {
            ModelFailure::NotAllowed(unreachable.message)
        } else {
            ModelFailure::Refused(unreachable.message)
        }
    })?;
    let timeout = Duration::from_secs(u64::from(settings.timeout_seconds.max(1)));
    let reply =
        http::post_json_to(&endpoint, &addrs, body, timeout).map_err(|failure| match failure {
            HttpFailure::TimedOut(timeout) => ModelFailure::TimedOut(timeout),
            HttpFailure::Refused(message) => ModelFailure::Refused(message),
            HttpFailure::Protocol(message) => ModelFailure::Malformed(message),
        })?;
    if !(200..300).contains(&reply.status) {
        let said = reply.body.trim();
        return Err(ModelFailure::Refused(if said.is_empty() {
            format!(
                "the local model answered HTTP {} with no explanation",
                reply.status
            )
        } else {
            format!(
                "the local model answered HTTP {}: {}",
                reply.status,
                said.chars().take(200).collect::<String>()
            )
        }));
    }
    parse_answer(&reply.body).map_err(ModelFailure::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn completion(content: &str) -> String {
        json!({
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": "stop"}],
        })
        .to_string()
    }

    const AGENDA: &str = r#"{"opening": "How did the first week feel, [COACHEE]?",
        "prompts": ["What surprised you?", "Where did you get stuck?"],
        "practice": "Role-play the first call.",
        "commitment": "Try the opener twice.",
        "next_step": "The listening module."}"#;

    #[test]
    fn the_body_is_deterministic_and_complete() {
        let basis = vec!["[COACHEE] joined 12 days ago".to_string()];
        let body = build_body("llama3.2", "Onboarding", &basis);
        assert_eq!(body, build_body("llama3.2", "Onboarding", &basis));
        assert_eq!(body_hash(&body), body_hash(&body));
        assert_eq!(body_hash(&body).len(), 64);
        let value: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(value["model"], "llama3.2");
        assert_eq!(value["temperature"], 0.4);
        assert_eq!(value["max_tokens"], 700);
        assert_eq!(value["stream"], false);
        assert_eq!(value["messages"][0]["role"], "system");
        let system = value["messages"][0]["content"].as_str().unwrap();
        assert!(system.contains("\"prompts\": [2 or 3 strings]"));
        assert!(system.contains("[COACHEE]") && system.contains("[MANAGER]"));
        let user = value["messages"][1]["content"].as_str().unwrap();
        assert!(user.contains("Onboarding") && user.contains("- [COACHEE] joined 12 days ago"));

        let without = build_body("", "Onboarding", &basis);
        assert!(serde_json::from_str::<Value>(&without)
            .unwrap()
            .get("model")
            .is_none());
        assert_ne!(body_hash(&body), body_hash(&without));
    }

    #[test]
    fn the_hash_is_sha256_hex() {
        assert_eq!(
            body_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn answers_are_read_bare_fenced_or_with_prose_around() {
        let expected = vec![
            (
                AgendaItemKind::Opening,
                "How did the first week feel, [COACHEE]?".to_string(),
            ),
            (AgendaItemKind::Prompt, "What surprised you?".to_string()),
            (
                AgendaItemKind::Prompt,
                "Where did you get stuck?".to_string(),
            ),
            (
                AgendaItemKind::Practice,
                "Role-play the first call.".to_string(),
            ),
            (
                AgendaItemKind::Commitment,
                "Try the opener twice.".to_string(),
            ),
            (
                AgendaItemKind::NextStep,
                "The listening module.".to_string(),
            ),
        ];
        for content in [
            AGENDA.to_string(),
            format!("```json\n{AGENDA}\n```"),
            format!("```\n{AGENDA}\n```\n"),
            format!("Here is the agenda:\n{AGENDA}\nI hope it helps {{ or not."),
            format!("<think>{{plan}} it</think>\n{AGENDA}"),
            format!("Mind the {{ brace. {AGENDA}"),
        ] {
            assert_eq!(
                parse_answer(&completion(&content)).unwrap(),
                expected,
                "{content}"
            );
        }
    }

    #[test]
    fn bad_answers_say_what_is_wrong() {
        let error = |content: &str| parse_answer(&completion(content)).unwrap_err();
        assert_eq!(
            parse_answer("<html>").unwrap_err(),
            "the server's reply is not JSON: expected value at line 1 column 1"
        );
        assert_eq!(
            parse_answer(r#"{"choices": []}"#).unwrap_err(),
            "the answer has no choices[0].message.content"
        );
        assert_eq!(
            parse_answer(r#"{"error": {"message": "model not found"}}"#).unwrap_err(),
            "the server's reply is an error: model not found"
        );
        assert!(error("Sure! Start by asking how it went.")
            .starts_with("the answer holds no JSON object; it reads \"Sure!"));
        assert_eq!(error(""), "the answer is empty");
        let one = AGENDA.replace(r#", "Where did you get stuck?""#, "");
        assert_eq!(
            error(&one),
            "the answer's prompts has 1 item; an agenda needs 2 or 3"
        );
        let four = AGENDA.replace(r#""What surprised you?","#, r#""a", "b", "c","#);
        assert_eq!(
            error(&four),
            "the answer's prompts has 4 items; an agenda needs 2 or 3"
        );
        let missing = AGENDA.replace(r#""practice""#, r#""exercise""#);
        assert_eq!(error(&missing), "the answer has no \"practice\"");
        let empty = AGENDA.replace("Try the opener twice.", "  ");
        assert_eq!(error(&empty), "the answer's commitment is empty");
        let number = AGENDA.replace(r#""The listening module.""#, "3");
        assert_eq!(error(&number), "the answer's next_step is not text");
        let blank_prompt = AGENDA.replace("What surprised you?", "");
        assert_eq!(error(&blank_prompt), "the answer's prompt 1 is empty");
        let long = AGENDA.replace("Role-play the first call.", &"x".repeat(401));
        assert_eq!(
            error(&long),
            "the answer's practice is 401 characters long; an item may have at most 400"
        );
        let not_list = AGENDA.replace(
            r#"["What surprised you?", "Where did you get stuck?"]"#,
            r#""What surprised you?""#,
        );
        assert_eq!(error(&not_list), "the answer's prompts is not a list");
    }

    #[test]
    fn failures_read_as_clauses() {
        assert_eq!(
            ModelFailure::TimedOut(Duration::from_secs(5)).to_string(),
            "the local model did not answer within 5 s"
        );
        assert_eq!(
            ModelFailure::Malformed("the answer is empty".into()).to_string(),
            "the local model's answer could not be used: the answer is empty"
        );
    }

    #[test]
    fn a_model_that_is_off_or_not_allowed_is_not_asked() {
        let mut settings = ModelSettings {
            enabled: false,
            endpoint: "http://127.0.0.1:9/v1".into(),
            model: String::new(),
            timeout_seconds: 1,
            allowed_hosts: Vec::new(),
        };
        assert!(matches!(
            ask(&settings, "{}"),
            Err(ModelFailure::NotAllowed(_))
        ));
        settings.enabled = true;
        settings.endpoint = "https://127.0.0.1:9/v1".into();
        assert!(matches!(
            ask(&settings, "{}"),
            Err(ModelFailure::NotAllowed(_))
        ));
    }
}
