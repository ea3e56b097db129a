//! The identity file: the key pair of the person using Pilotdesk on this machine, in their
//! data folder, readable by them alone. It is made on first start and never leaves the
//! machine; what is shared is the public identity `export` writes.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::{decode_key, encode_key, fingerprint, Identity};
use crate::error::{Error, Result};
use crate::model::PublicIdentity;

/// Overrides where the identity file lives (tests give each member their own).
pub const IDENTITY_ENV: &str = "PILOTDESK_IDENTITY";

const FORMAT: &str = "pilotdesk-identity";
const PUBLIC_FORMAT: &str = "pilotdesk-public-identity";

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct IdentityFile {
    format: String,
    name: String,
    public_key: String,
    private_key: String,
    created_at: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PublicFile {
    format: String,
    name: String,
    public_key: String,
    fingerprint: String,
}

/// `$XDG_DATA_HOME/pilotdesk/identity.json`, or the file named by `PILOTDESK_IDENTITY`.
pub fn default_path() -> PathBuf {
    if let Some(path) = std::env::var_os(IDENTITY_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("pilotdesk")
        .join("identity.json")
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

fn damaged(path: &Path, why: &str) -> Error {
    Error::Conflict(format!(
        "the identity file {} is damaged ({why}); nothing can be signed with it. Move it \
         aside to make a new key, then register the new key with the steering group again",
        path.display()
    ))
}

fn read(path: &Path) -> Result<Identity> {
    let text = std::fs::read_to_string(path).map_err(io(path))?;
    let file: IdentityFile = serde_json::from_str(&text).map_err(|e| {
        damaged(
            path,
            &format!("line {}, column {}: {e}", e.line(), e.column()),
        )
    })?;
    if file.format != FORMAT {
        return Err(damaged(path, &format!("it is a {:?} file", file.format)));
    }
    let seed: [u8; 32] = URL_SAFE_NO_PAD
        .decode(file.private_key.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| damaged(path, "the private key is not 32 bytes of base64url"))?;
    let identity = Identity::from_seed(seed, &file.name);
    if identity.public_key_text() != file.public_key.trim() {
        return Err(damaged(
            path,
            "the public key does not match the private key",
        ));
    }
    Ok(identity)
}

/// Writes a new file readable by its owner only; refuses to replace one that exists, so a
/// key is never lost by a race between two first starts.
fn write_new(path: &Path, identity: &Identity, created_at: &str) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let file = IdentityFile {
        format: FORMAT.into(),
        name: identity.name.clone(),
        public_key: identity.public_key_text(),
        private_key: URL_SAFE_NO_PAD.encode(identity.seed()),
        created_at: created_at.into(),
    };
    let text = serde_json::to_string_pretty(&file).map_err(|e| Error::Pack(e.to_string()))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = options.open(path).map_err(io(path))?;
    out.write_all(text.as_bytes()).map_err(io(path))?;
    out.sync_all().map_err(io(path))?;
    Ok(())
}

/// The identity at `path`, made with `name` when there is none yet. The flag says whether
/// it was made now.
pub fn load_or_create(path: &Path, name: &str, now: &str) -> Result<(Identity, bool)> {
    if path.exists() {
        return Ok((read(path)?, false));
    }
    let identity = Identity::generate(name);
    match write_new(path, &identity, now) {
        Ok(()) => Ok((identity, true)),
        // Another start made it first: use theirs.
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::AlreadyExists => {
            Ok((read(path)?, false))
        }
        Err(other) => Err(other),
    }
}

/// What a member sends the lead: their name and public key, never the private half.
pub fn export(identity: &Identity, name: &str) -> String {
    let file = PublicFile {
        format: PUBLIC_FORMAT.into(),
        name: name.into(),
        public_key: identity.public_key_text(),
        fingerprint: identity.fingerprint(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// A public identity file as a member sent it, with its fingerprint computed here rather
/// than trusted from the file.
pub fn read_public(text: &str, source: &str) -> Result<PublicIdentity> {
    let file: PublicFile = serde_json::from_str(text).map_err(|e| {
        Error::invalid_field(
            "file",
            format!(
                "{source}: line {}, column {}: this is not a Pilotdesk public identity ({e})",
                e.line(),
                e.column()
            ),
        )
    })?;
    if file.format != PUBLIC_FORMAT {
        return Err(Error::invalid_field(
            "file",
            format!(
                "{source} is a {:?} file, not a public identity (`pilotdesk identity export`)",
                file.format
            ),
        ));
    }
    let key = decode_key(&file.public_key)
        .map_err(|why| Error::invalid_field("publicKey", format!("{source}: {why}")))?;
    Ok(PublicIdentity {
        name: file.name,
        public_key: encode_key(&key),
        fingerprint: fingerprint(&key),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identity_is_made_once_and_read_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("identity.json");
        let (made, fresh) = load_or_create(&path, "Helen", "2026-11-29T10:00:00Z").unwrap();
        assert!(fresh);
        let (again, fresh_again) = load_or_create(&path, "Other", "later").unwrap();
        assert!(!fresh_again);
        assert_eq!(made.public_key(), again.public_key());
        assert_eq!(again.name, "Helen");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn the_public_export_carries_no_private_key_and_reads_back() {
        let identity = Identity::from_seed([3; 32], "Tomasz");
        let text = export(&identity, "Tomasz Nowak");
        assert!(!text.contains(&URL_SAFE_NO_PAD.encode(identity.seed())));
        let public = read_public(&text, "tomasz.json").unwrap();
        assert_eq!(public.fingerprint, identity.fingerprint());
        assert_eq!(public.name, "Tomasz Nowak");
    }

    #[test]
    fn a_damaged_identity_or_public_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("identity.json");
        std::fs::write(&path, "{\"format\": \"pilotdesk-identity\",").unwrap();
        let error = load_or_create(&path, "x", "now").unwrap_err().to_string();
        assert!(
            error.contains("damaged") && error.contains("line 1"),
            "{error}"
        );
        let error = read_public("{}", "k.json").unwrap_err().to_string();
        assert!(error.contains("k.json"), "{error}");
        let forged = export(&Identity::from_seed([3; 32], "T"), "T")
            .replace("publicKey\": \"", "publicKey\": \"x");
        let error = read_public(&forged, "k.json").unwrap_err().to_string();
        assert!(error.contains("k.json"), "{error}");
    }
}
