//! Open Badges 3.0: the workspace issues each certification of an internal coach as an
//! OpenBadgeCredential, signed with its own Ed25519 key (VC-JWT, EdDSA), and checks any such
//! credential offline. Pure functions; `workflows::badges` reads and writes the store.
//!
//! - `keys`: the issuer key and its did:key.
//! - `credential`: the credential and its signature.
//! - `verify`: structure, signature, dates, shape and claims, each failure named.

mod base58;
pub mod credential;
pub mod keys;
pub mod verify;

pub use credential::{BadgeFacts, OpenBadgeCredential};
pub use keys::IssuerKey;
pub use verify::verify;
