//! The proof signed ballots leave in the decision log, checked again from the log alone:
//! each ballot's signature over its message, the message agreeing with the vote or recusal
//! it was counted as, and the key registered for that member by an earlier entry. Pure.

use std::collections::HashMap;

use serde_json::Value;

use crate::identity::envelope::{body_of, verify_recorded, BALLOT_KIND};
use crate::identity::{decode_key, fingerprint};

/// One log entry as the check reads it: its id and its hashed content.
pub struct LoggedEntry<'a> {
    pub id: i64,
    pub content: &'a Value,
}

fn text<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value.pointer(pointer).and_then(Value::as_str).unwrap_or("")
}

/// The first entry whose ballot proof does not hold, with why; none when all hold.
pub fn first_unproven(entries: &[LoggedEntry]) -> Option<(i64, String)> {
    let mut registered: HashMap<String, String> = HashMap::new();
    for entry in entries {
        let content = entry.content;
        let kind = text(content, "/kind");
        if kind == "key_registered" {
            registered.insert(
                text(content, "/details/publicKey").to_string(),
                text(content, "/details/personId").to_string(),
            );
            continue;
        }
        if !matches!(kind, "vote" | "recusal") {
            continue;
        }
        let Some(ballot) = content.pointer("/details/ballot") else {
            continue;
        };
        if let Some(reason) = check(content, kind, ballot, &registered) {
            return Some((entry.id, reason));
        }
    }
    None
}

fn check(
    content: &Value,
    kind: &str,
    ballot: &Value,
    registered: &HashMap<String, String>,
) -> Option<String> {
    let public_key = text(ballot, "/publicKey");
    let message = text(ballot, "/message");
    if !verify_recorded(public_key, message, text(ballot, "/signature")) {
        return Some("its ballot's signature does not verify against the key it names".into());
    }
    let key_fingerprint = decode_key(public_key).map(|k| fingerprint(&k)).ok();
    if key_fingerprint.as_deref() != Some(text(ballot, "/fingerprint")) {
        return Some("its ballot's fingerprint is not its key's".into());
    }
    let Some(body) = body_of(message, BALLOT_KIND, public_key) else {
        return Some("its ballot's signed message is not a ballot".into());
    };
    let details = &content["details"];
    let (choice, said) = match kind {
        "vote" => (text(details, "/choice"), text(details, "/comment")),
        _ => ("recuse", text(details, "/reason")),
    };
    if body["itemId"] != details["itemId"]
        || text(&body, "/choice") != choice
        || text(&body, "/comment").trim() != said.trim()
    {
        return Some(format!(
            "the {kind} it records is not what the signed ballot says (the ballot says {} on \
             item {})",
            text(&body, "/choice"),
            body["itemId"]
        ));
    }
    let actor = text(content, "/actor_id");
    match registered.get(public_key) {
        Some(owner) if owner == actor => None,
        Some(owner) => Some(format!(
            "its ballot is signed with the key registered for {owner}, not for {actor}"
        )),
        None => Some("its ballot is signed with a key no earlier entry registered".into()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::identity::envelope::{open, seal};
    use crate::identity::{encode_key, Identity};

    fn vote_entry(identity: &Identity, actor: &str, choice_logged: &str) -> Value {
        let text = seal(
            BALLOT_KIND,
            json!({"itemId": 3, "choice": "approve", "comment": "Sound plan"}),
            identity,
        );
        let opened = open(BALLOT_KIND, "ballot", &text).unwrap();
        json!({"kind": "vote", "actor_id": actor, "details": {
            "itemId": 3, "choice": choice_logged, "comment": "Sound plan",
            "ballot": {"message": opened.message, "signature": opened.signature,
                       "publicKey": encode_key(&opened.public_key), "fingerprint": opened.fingerprint}}})
    }

    fn registered(identity: &Identity, person: &str) -> Value {
        json!({"kind": "key_registered", "details": {"personId": person,
               "publicKey": identity.public_key_text()}})
    }

    fn check_all(contents: &[Value]) -> Option<(i64, String)> {
        let entries: Vec<LoggedEntry> = contents
            .iter()
            .enumerate()
            .map(|(i, content)| LoggedEntry {
                id: i as i64 + 1,
                content,
            })
            .collect();
        first_unproven(&entries)
    }

    #[test]
    fn a_registered_members_ballot_is_proven_and_each_forgery_is_named() {
        let tomasz = Identity::from_seed([5; 32], "Tomasz");
        let good = [
            registered(&tomasz, "E1005"),
            vote_entry(&tomasz, "E1005", "approve"),
        ];
        assert_eq!(check_all(&good), None);

        // The vote recorded is not the vote signed.
        let changed = [
            registered(&tomasz, "E1005"),
            vote_entry(&tomasz, "E1005", "reject"),
        ];
        let (id, why) = check_all(&changed).unwrap();
        assert_eq!(id, 2);
        assert!(why.contains("not what the signed ballot says"), "{why}");

        // Counted for someone the key does not belong to.
        let other = [
            registered(&tomasz, "E1005"),
            vote_entry(&tomasz, "E1002", "approve"),
        ];
        assert!(check_all(&other)
            .unwrap()
            .1
            .contains("registered for E1005"));

        // No entry registered the key, or it was registered only afterwards.
        let late = [
            vote_entry(&tomasz, "E1005", "approve"),
            registered(&tomasz, "E1005"),
        ];
        assert!(check_all(&late)
            .unwrap()
            .1
            .contains("no earlier entry registered"));

        // A signature changed in the log.
        let mut broken = vote_entry(&tomasz, "E1005", "approve");
        broken["details"]["ballot"]["signature"] = json!("AAAA");
        let (id, why) = check_all(&[registered(&tomasz, "E1005"), broken]).unwrap();
        assert_eq!(id, 2);
        assert!(why.contains("does not verify"), "{why}");
    }
}
