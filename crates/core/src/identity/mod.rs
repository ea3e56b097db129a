//! Who signs: each person using Pilotdesk has an Ed25519 key pair of their own, kept
//! beside their workspaces and never inside one, so a workspace file can be shared without
//! giving away the key. Members of the steering group register their public key with the
//! lead after confirming its short fingerprint out of band; ballots and review bundles are
//! signed with it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rand::RngCore;
use sha2::{Digest, Sha256};

pub mod envelope;
mod file;

pub use file::{default_path, export, load_or_create, read_public, IDENTITY_ENV};

/// A person's key pair, as loaded from their identity file.
pub struct Identity {
    signing: SigningKey,
    pub name: String,
}

/// Never prints the private half, so an identity can sit in a struct that is logged.
impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity")
            .field("name", &self.name)
            .field("fingerprint", &self.fingerprint())
            .finish_non_exhaustive()
    }
}

impl Identity {
    pub fn generate(name: &str) -> Identity {
        let mut seed = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut seed);
        Identity::from_seed(seed, name)
    }

    pub fn from_seed(seed: [u8; 32], name: &str) -> Identity {
        Identity {
            signing: SigningKey::from_bytes(&seed),
            name: name.to_string(),
        }
    }

    pub fn public_key(&self) -> [u8; 32] {
        self.signing.verifying_key().to_bytes()
    }

    pub fn public_key_text(&self) -> String {
        encode_key(&self.public_key())
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(&self.public_key())
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }

    fn seed(&self) -> [u8; 32] {
        self.signing.to_bytes()
    }
}

pub fn encode_key(public: &[u8; 32]) -> String {
    URL_SAFE_NO_PAD.encode(public)
}

/// A public key from its base64url text, or why it is not one.
pub fn decode_key(text: &str) -> std::result::Result<[u8; 32], String> {
    let bytes = URL_SAFE_NO_PAD
        .decode(text.trim())
        .map_err(|_| "the public key is not base64url".to_string())?;
    let key: [u8; 32] = bytes
        .try_into()
        .map_err(|b: Vec<u8>| format!("the public key is {} bytes, not Ed25519's 32", b.len()))?;
    VerifyingKey::from_bytes(&key).map_err(|_| "the public key is not an Ed25519 point")?;
    Ok(key)
}

/// The key's short name, read aloud to confirm it: the first 80 bits of its SHA-256 as
/// five groups of four upper-case hex digits, e.g. `3F9A-C2D1-7B40-E81F-22AB`.
pub fn fingerprint(public: &[u8; 32]) -> String {
    let digest = Sha256::digest(public);
    let hex = crate::hashing::hex(&digest[..10]).to_uppercase();
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A fingerprint as a person might type it: case, spaces and dashes do not matter.
pub fn same_fingerprint(typed: &str, fingerprint: &str) -> bool {
    let clean = |s: &str| {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect::<String>()
    };
    !clean(typed).is_empty() && clean(typed) == clean(fingerprint)
}

/// Whether `signature` over `message` was made with `public`.
pub fn verify(public: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
    match VerifyingKey::from_bytes(public) {
        Ok(key) => key
            .verify(message, &Signature::from_bytes(signature))
            .is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_is_five_groups_of_four_and_names_one_key() {
        let a = Identity::from_seed([1; 32], "A");
        let b = Identity::from_seed([2; 32], "B");
        let fp = a.fingerprint();
        assert_eq!(fp.len(), 24);
        assert_eq!(fp.split('-').count(), 5);
        assert_ne!(fp, b.fingerprint());
        assert!(same_fingerprint(&fp.to_lowercase().replace('-', " "), &fp));
        assert!(!same_fingerprint(&b.fingerprint(), &fp));
        assert!(!same_fingerprint("", &fp));
    }

    #[test]
    fn a_signature_verifies_with_its_key_only() {
        let a = Identity::from_seed([1; 32], "A");
        let b = Identity::from_seed([2; 32], "B");
        let signature = a.sign(b"ballot");
        assert!(verify(&a.public_key(), b"ballot", &signature));
        assert!(!verify(&b.public_key(), b"ballot", &signature));
        assert!(!verify(&a.public_key(), b"ballou", &signature));
    }

    #[test]
    fn a_key_reads_back_from_its_text_and_damage_is_named() {
        let a = Identity::from_seed([7; 32], "A");
        assert_eq!(decode_key(&a.public_key_text()).unwrap(), a.public_key());
        assert!(decode_key("not base64!").unwrap_err().contains("base64url"));
        assert!(decode_key("AAAA").unwrap_err().contains("3 bytes"));
    }
}
