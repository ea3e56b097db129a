//! The workspace's issuer key: one Ed25519 key pair, named by a did:key so that anyone can
//! check a credential's signature without a network or a key server.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use rand::RngCore;
use serde_json::{json, Value};

use super::base58;
use crate::error::{Error, Result};

/// The multicodec code of an Ed25519 public key (0xed), as the unsigned varint did:key
/// puts in front of the key's bytes.
const ED25519_PUB: [u8; 2] = [0xed, 0x01];

pub struct IssuerKey {
    signing: SigningKey,
}

/// Never prints the private half, so a key can sit in a struct that is logged.
impl std::fmt::Debug for IssuerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuerKey")
            .field("did", &self.did())
            .finish_non_exhaustive()
    }
}

impl IssuerKey {
    /// A new key from the operating system's random source.
    pub fn generate() -> IssuerKey {
        let mut seed = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut seed);
        IssuerKey::from_seed(seed)
    }

    pub fn from_seed(seed: [u8; 32]) -> IssuerKey {
        IssuerKey {
            signing: SigningKey::from_bytes(&seed),
        }
    }

    pub fn public_key(&self) -> [u8; 32] {
        self.signing.verifying_key().to_bytes()
    }

    /// The issuer's identifier: `did:key:z6Mk…`.
    pub fn did(&self) -> String {
        did_key(&self.public_key())
    }

    /// The verification method that signed: the did:key with its key as the fragment.
    pub fn key_id(&self) -> String {
        key_id(&self.public_key())
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }

    /// (public, private) as stored in `issuer_keys`: base64url of 32 bytes each.
    pub fn encoded(&self) -> (String, String) {
        (
            URL_SAFE_NO_PAD.encode(self.public_key()),
            URL_SAFE_NO_PAD.encode(self.signing.to_bytes()),
        )
    }

    /// The key as stored, refused when the two halves do not belong together: signing with
    /// a damaged key would issue credentials that can never verify.
    pub fn decode(public: &str, private: &str) -> Result<IssuerKey> {
        let damaged = |why: &str| {
            Error::Conflict(format!(
                "the workspace's issuer key is damaged ({why}); credentials cannot be signed with it"
            ))
        };
        let seed: [u8; 32] = URL_SAFE_NO_PAD
            .decode(private.trim())
            .ok()
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or_else(|| damaged("the private key is not 32 bytes of base64url"))?;
        let key = IssuerKey::from_seed(seed);
        if URL_SAFE_NO_PAD.encode(key.public_key()) != public.trim() {
            return Err(damaged("the public key does not match the private key"));
        }
        Ok(key)
    }
}

fn multibase(public: &[u8; 32]) -> String {
    let mut bytes = ED25519_PUB.to_vec();
    bytes.extend_from_slice(public);
    format!("z{}", base58::encode(&bytes))
}

pub fn did_key(public: &[u8; 32]) -> String {
    format!("did:key:{}", multibase(public))
}

pub fn key_id(public: &[u8; 32]) -> String {
    let fingerprint = multibase(public);
    format!("did:key:{fingerprint}#{fingerprint}")
}

/// The public key as a JWK, for verifiers that read a key from the JOSE header.
pub fn jwk(public: &[u8; 32]) -> Value {
    json!({"kty": "OKP", "crv": "Ed25519", "x": URL_SAFE_NO_PAD.encode(public)})
}

/// The Ed25519 key a did:key (or one of its key ids, `did:key:z…#z…`) stands for, or why
/// it cannot be read.
pub fn public_key_from_did(did: &str) -> std::result::Result<[u8; 32], String> {
    let (did_part, fragment) = match did.split_once('#') {
        Some((did_part, fragment)) => (did_part, Some(fragment)),
        None => (did, None),
    };
    let Some(fingerprint) = did_part.strip_prefix("did:key:") else {
        return Err(format!("{did} is not a did:key"));
    };
    if let Some(fragment) = fragment {
        // A did:key has one key, and its id repeats the key itself.
        if fragment != fingerprint {
            return Err(format!(
                "{did} names a key the did:key does not have (#{fragment})"
            ));
        }
    }
    let Some(encoded) = fingerprint.strip_prefix('z') else {
        return Err(format!(
            "{did} is not base58btc multibase (it should start did:key:z)"
        ));
    };
    let bytes = base58::decode(encoded)
        .map_err(|c| format!("{did} has '{c}', which is not a base58 character"))?;
    match bytes.split_first_chunk::<2>() {
        Some((prefix, key)) if *prefix == ED25519_PUB => key
            .try_into()
            .map_err(|_| format!("{did} holds {} key bytes, not Ed25519's 32", key.len())),
        _ => Err(format!("{did} is not an Ed25519 key")),
    }
}

/// The Ed25519 key of a JWK (`{"kty":"OKP","crv":"Ed25519","x":…}`), or why it is not one.
pub fn public_key_from_jwk(jwk: &Value) -> std::result::Result<[u8; 32], String> {
    if jwk.get("d").is_some() {
        return Err("the header's jwk holds a private key".into());
    }
    if jwk.get("kty").and_then(Value::as_str) != Some("OKP")
        || jwk.get("crv").and_then(Value::as_str) != Some("Ed25519")
    {
        return Err("the header's jwk is not an Ed25519 key (kty OKP, crv Ed25519)".into());
    }
    jwk.get("x")
        .and_then(Value::as_str)
        .and_then(|x| URL_SAFE_NO_PAD.decode(x).ok())
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| "the header's jwk x is not 32 bytes of base64url".into())
}

/// Whether `signature` is `public`'s signature of `message`. Strict verification refuses
/// the malleable and small-order forms a forger could use.
pub fn verifies(public: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
    VerifyingKey::from_bytes(public)
        .map(|key| {
            key.verify_strict(message, &Signature::from_bytes(signature))
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zero_seed_gives_the_published_did_key() {
        // RFC 8032's key for the all-zero seed, and its did:key as resolvers publish it.
        let key = IssuerKey::from_seed([0; 32]);
        assert_eq!(
            URL_SAFE_NO_PAD.encode(key.public_key()),
            "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik"
        );
        assert_eq!(
            key.did(),
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
        );
        assert_eq!(
            key.key_id(),
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp\
             #z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
        );
        assert_eq!(public_key_from_did(&key.key_id()), Ok(key.public_key()));
        assert_eq!(public_key_from_did(&key.did()), Ok(key.public_key()));
    }

    #[test]
    fn signs_as_rfc_8032_says() {
        // RFC 8032, section 7.1, test 2: one message byte 0x72.
        let seed: [u8; 32] =
            hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        let key = IssuerKey::from_seed(seed);
        assert_eq!(
            key.public_key(),
            hex::<32>("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
        );
        let signature = key.sign(&[0x72]);
        assert_eq!(
            signature,
            hex::<64>(
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da\
                 085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
            )
        );
        assert!(verifies(&key.public_key(), &[0x72], &signature));
        assert!(!verifies(&key.public_key(), &[0x73], &signature));
    }

    #[test]
    fn a_stored_key_reads_back_and_a_mismatched_one_is_refused() {
        let key = IssuerKey::generate();
        let (public, private) = key.encoded();
        assert_eq!(
            IssuerKey::decode(&public, &private).unwrap().did(),
            key.did()
        );
        let (other, _) = IssuerKey::generate().encoded();
        let error = IssuerKey::decode(&other, &private).unwrap_err().to_string();
        assert!(error.contains("does not match"), "{error}");
        assert!(!format!("{key:?}").contains(&private));
    }

    #[test]
    fn names_what_is_wrong_with_a_did() {
        let key = IssuerKey::from_seed([7; 32]);
        let other = IssuerKey::from_seed([8; 32]);
        let wrong_fragment = format!("{}#{}", key.did(), &other.did()[8..]);
        assert!(public_key_from_did(&wrong_fragment)
            .unwrap_err()
            .contains("names a key"));
        assert!(public_key_from_did("did:web:example.com")
            .unwrap_err()
            .contains("not a did:key"));
        assert!(public_key_from_did("did:key:z0OIl")
            .unwrap_err()
            .contains("not a base58"));
        // A P-256 did:key (multicodec 0x1200) is a did:key, but not an Ed25519 one.
        assert!(
            public_key_from_did("did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169")
                .unwrap_err()
                .contains("not an Ed25519 key")
        );
    }

    fn hex<const N: usize>(text: &str) -> [u8; N] {
        let bytes: Vec<u8> = (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect();
        bytes.try_into().unwrap()
    }
}
