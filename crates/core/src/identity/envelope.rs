//! A signed file: a JSON body, the signer's public key and an Ed25519 signature over the
//! file's kind, the key and the body in its canonical form (serde_json's compact output of
//! the parsed body), so re-indenting the file changes nothing and changing any value, the
//! signer or the kind breaks the signature.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};

use super::{decode_key, encode_key, fingerprint, verify, Identity};

/// The kinds of signed file: a review bundle the lead sends, a ballot a member returns.
pub const BUNDLE_KIND: &str = "pilotdesk-review";
pub const BALLOT_KIND: &str = "pilotdesk-ballot";

/// A signed file, opened and checked.
#[derive(Debug, Clone)]
pub struct Opened {
    pub body: Value,
    /// The exact bytes the signature covers.
    pub message: String,
    pub public_key: [u8; 32],
    pub fingerprint: String,
    pub signature: String,
    /// SHA-256 of the signed message: what names this file whatever its indentation.
    pub hash: String,
}

fn message(kind: &str, public_key: &str, body: &Value) -> String {
    format!("{kind}\n{public_key}\n{body}")
}

/// The file text for `body`, signed by `identity`.
pub fn seal(kind: &str, body: Value, identity: &Identity) -> String {
    seal_with_hash(kind, body, identity).0
}

/// The file text and the hash that names it (as `open` would report it), without reading
/// the text back.
pub fn seal_with_hash(kind: &str, body: Value, identity: &Identity) -> (String, String) {
    let public_key = identity.public_key_text();
    let signed = message(kind, &public_key, &body);
    let hash = crate::hashing::sha256_hex(signed.as_bytes());
    let signature = identity.sign(signed.as_bytes());
    let file = json!({
        "format": kind,
        "signer": {"publicKey": public_key, "fingerprint": identity.fingerprint()},
        "body": body,
        "signature": URL_SAFE_NO_PAD.encode(signature),
    });
    (
        serde_json::to_string_pretty(&file).unwrap_or_default() + "\n",
        hash,
    )
}

/// Opens a signed file of `kind`, or says what is wrong with it, naming the line and column
/// of text that is not JSON.
pub fn open(kind: &str, what: &str, text: &str) -> std::result::Result<Opened, String> {
    let file: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "line {}, column {}: this is not a Pilotdesk {what} ({e})",
            e.line(),
            e.column()
        )
    })?;
    let found = file.get("format").and_then(Value::as_str).unwrap_or("");
    if found != kind {
        return Err(if found.is_empty() {
            format!("this is not a Pilotdesk {what}: it has no \"format\"")
        } else {
            format!("this is a {found} file, not a Pilotdesk {what}")
        });
    }
    let public_text = file
        .pointer("/signer/publicKey")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("the {what} names no signer (signer.publicKey is missing)"))?;
    let public_key = decode_key(public_text).map_err(|why| format!("signer.publicKey: {why}"))?;
    // The stated fingerprint is what a person compares; it must be the key's own.
    let stated = file
        .pointer("/signer/fingerprint")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            format!("the {what} states no fingerprint (signer.fingerprint is missing)")
        })?;
    if stated != fingerprint(&public_key) {
        return Err(format!(
            "the {what} states the fingerprint {stated}, which is not its signer's key's"
        ));
    }
    let body = file
        .get("body")
        .filter(|b| b.is_object())
        .ok_or_else(|| format!("the {what} has no body"))?
        .clone();
    let signature_text = file
        .get("signature")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("the {what} is not signed (signature is missing)"))?;
    let signature: [u8; 64] = URL_SAFE_NO_PAD
        .decode(signature_text.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| "the signature is not 64 bytes of base64url".to_string())?;
    let message = message(kind, &encode_key(&public_key), &body);
    if !verify(&public_key, message.as_bytes(), &signature) {
        return Err(format!(
            "the signature does not match the {what}'s content: it was changed after it was \
             signed, or signed by another key than the one it names"
        ));
    }
    Ok(Opened {
        hash: crate::hashing::sha256_hex(message.as_bytes()),
        fingerprint: fingerprint(&public_key),
        signature: signature_text.trim().to_string(),
        body,
        message,
        public_key,
    })
}

/// Checks a signature recorded earlier (e.g. in the decision log) over its message.
pub fn verify_recorded(public_key: &str, message: &str, signature: &str) -> bool {
    let Ok(key) = decode_key(public_key) else {
        return false;
    };
    let Some(signature) = URL_SAFE_NO_PAD
        .decode(signature.trim())
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
    else {
        return false;
    };
    verify(&key, message.as_bytes(), &signature)
}

/// The body a recorded message carries, when the message is `kind`'s and names `public_key`.
pub fn body_of(message: &str, kind: &str, public_key: &str) -> Option<Value> {
    let rest = message.strip_prefix(kind)?.strip_prefix('\n')?;
    let body = rest.strip_prefix(public_key)?.strip_prefix('\n')?;
    serde_json::from_str(body).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> (Identity, String) {
        let identity = Identity::from_seed([9; 32], "Priya");
        let text = seal(
            "pilotdesk-ballot",
            json!({"choice": "approve", "comment": "Good design", "itemId": 4}),
            &identity,
        );
        (identity, text)
    }

    #[test]
    fn a_sealed_file_opens_with_its_signer_and_survives_reindenting() {
        let (identity, text) = sealed();
        let opened = open("pilotdesk-ballot", "ballot", &text).unwrap();
        assert_eq!(opened.public_key, identity.public_key());
        let (_, hash) = seal_with_hash(
            "pilotdesk-ballot",
            json!({"choice": "approve", "comment": "Good design", "itemId": 4}),
            &identity,
        );
        assert_eq!(hash, opened.hash, "the hash sealed is the hash opened");
        assert_eq!(opened.body["choice"], "approve");
        let compact =
            serde_json::to_string(&serde_json::from_str::<Value>(&text).unwrap()).unwrap();
        assert_eq!(
            open("pilotdesk-ballot", "ballot", &compact).unwrap().hash,
            opened.hash
        );
        assert!(verify_recorded(
            &encode_key(&opened.public_key),
            &opened.message,
            &opened.signature
        ));
        assert_eq!(
            body_of(
                &opened.message,
                "pilotdesk-ballot",
                &encode_key(&opened.public_key)
            )
            .unwrap(),
            opened.body
        );
    }

    #[test]
    fn every_single_byte_change_of_the_body_or_signature_is_refused() {
        let (_, text) = sealed();
        let bytes = text.as_bytes();
        let mut accepted_changes = Vec::new();
        for index in 0..bytes.len() {
            let mut changed = bytes.to_vec();
            changed[index] ^= 0x01;
            let Ok(changed) = String::from_utf8(changed) else {
                continue;
            };
            if open("pilotdesk-ballot", "ballot", &changed).is_ok() {
                accepted_changes.push(index);
            }
        }
        assert_eq!(
            accepted_changes,
            Vec::<usize>::new(),
            "changed bytes that passed"
        );
    }

    #[test]
    fn another_kind_or_signer_is_refused_with_why() {
        let (_, text) = sealed();
        assert!(open("pilotdesk-review", "review bundle", &text)
            .unwrap_err()
            .contains("pilotdesk-ballot file"));
        let other = Identity::from_seed([8; 32], "Mallory");
        let signer = Identity::from_seed([9; 32], "");
        let swapped = text
            .replace(&signer.public_key_text(), &other.public_key_text())
            .replace(&signer.fingerprint(), &other.fingerprint());
        assert!(open("pilotdesk-ballot", "ballot", &swapped)
            .unwrap_err()
            .contains("signature does not match"));
        assert!(open("pilotdesk-ballot", "ballot", "{\n  \"format\": ")
            .unwrap_err()
            .starts_with("line 2, column"));
    }
}
