//! The update flow against a real HTTP server on 127.0.0.1, the way the plugin's authors
//! test it: a release manifest and an artifact signed with a key made for the test. The app
//! is 0.1.0; the install target is a stand-in file, so every test can see whether anything
//! was installed.

use std::io::{BufRead, BufReader, Cursor, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use base64::Engine;
use serde_json::{json, Value};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};

use super::*;

const INSTALLED: &[u8] = b"\x7fELF the installed Pilotdesk 0.1.0";

fn new_build(version: &str) -> Vec<u8> {
    let mut bytes = format!("\x7fELF Pilotdesk {version} ").into_bytes();
    // Big enough to arrive in several chunks, so progress is reported more than once.
    bytes.resize(256 * 1024, 0x5a);
    bytes
}

struct ReleaseKey {
    public: minisign::PublicKey,
    secret: minisign::SecretKey,
}

impl ReleaseKey {
    fn new() -> Self {
        let minisign::KeyPair { pk, sk } =
            minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        ReleaseKey {
            public: pk,
            secret: sk,
        }
    }

    /// The key as tauri.conf.json holds it: the minisign public key file, base64-encoded.
    fn config_value(&self) -> String {
        base64(self.public.to_box().unwrap().to_string().as_bytes())
    }

    /// The signature as a manifest holds it; the trusted comment names the version, as the
    /// Tauri CLI writes it.
    fn sign(&self, bytes: &[u8], version: &str) -> String {
        let trusted = format!("timestamp:1764489600\tfile:pilotdesk\tversion:{version}");
        let signature = minisign::sign(
            Some(&self.public),
            &self.secret,
            Cursor::new(bytes),
            Some(&trusted),
            Some("signature from the test's release key"),
        )
        .unwrap();
        base64(signature.to_string().as_bytes())
    }
}

fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Serves `/manifest` and `/artifact` until the test ends. The manifest is made once the
/// server's address is known, since it names the artifact's URL.
struct UpdateServer {
    base: String,
    downloads: Arc<Mutex<u32>>,
}

fn serve(make_manifest: impl FnOnce(&str) -> String, artifact: Vec<u8>) -> UpdateServer {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let manifest = make_manifest(&base);
    let downloads = Arc::new(Mutex::new(0));
    let counted = Arc::clone(&downloads);
    std::thread::spawn(move || {
        for socket in listener.incoming() {
            let Ok(mut socket) = socket else { continue };
            let mut reader = BufReader::new(socket.try_clone().unwrap());
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                    break;
                }
            }
            let (kind, body): (&str, &[u8]) = if request_line.contains(" /manifest") {
                ("application/json", manifest.as_bytes())
            } else if request_line.contains(" /artifact") {
                *counted.lock().unwrap() += 1;
                ("application/octet-stream", &artifact)
            } else {
                ("text/plain", b"not here")
            };
            let _ = write!(
                socket,
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = socket.write_all(body);
        }
    });
    UpdateServer { base, downloads }
}

impl UpdateServer {
    fn manifest_url(&self) -> String {
        format!("{}/manifest", self.base)
    }

    fn downloads(&self) -> u32 {
        *self.downloads.lock().unwrap()
    }
}

fn manifest(server_base: &str, version: &str, signature: &str) -> String {
    json!({
        "version": version,
        "notes": "Outcome packs print the day-90 verdict first.",
        "pub_date": "2026-11-30T08:00:00Z",
        "platforms": {
            "linux-x86_64": { "url": format!("{server_base}/artifact"), "signature": signature }
        }
    })
    .to_string()
}

/// The app as shipped (0.1.0, the updater plugin configured), pointed at the test server
/// and key, with a stand-in file in the installed app's place.
struct Harness {
    app: tauri::App<MockRuntime>,
    target: InstallTarget,
    installed: PathBuf,
    _dir: tempfile::TempDir,
}

fn harness(endpoint: &str, key: &ReleaseKey) -> Harness {
    let mut context = mock_context(noop_assets());
    let shipped: Value = serde_json::from_str(include_str!("../../../tauri.conf.json")).unwrap();
    let mut updater = shipped["plugins"]["updater"].clone();
    updater["endpoints"] = json!([endpoint]);
    updater["pubkey"] = json!(key.config_value());
    updater["dangerousInsecureTransportProtocol"] = json!(true);
    context
        .config_mut()
        .plugins
        .0
        .insert("updater".into(), updater);
    let app = mock_builder()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .build(context)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let installed = dir.path().join("pilotdesk-app");
    std::fs::write(&installed, INSTALLED).unwrap();
    Harness {
        app,
        target: InstallTarget(Some(installed.clone())),
        installed,
        _dir: dir,
    }
}

fn now() -> chrono::DateTime<chrono::Utc> {
    "2026-11-30T09:00:00Z".parse().unwrap()
}

/// Checks, then installs what was offered; returns the check, the install's outcome and
/// the progress reports.
fn check_and_install(
    harness: &Harness,
) -> (
    UpdateCheck,
    Result<UpdateInstalled, ApiError>,
    Vec<UpdateProgress>,
) {
    let pending = PendingUpdate::default();
    let handle = harness.app.handle();
    let checked =
        tauri::async_runtime::block_on(check(handle, &harness.target, &pending, now())).unwrap();
    let mut progress = Vec::new();
    let installed = tauri::async_runtime::block_on(install(&pending, |step| progress.push(step)));
    (checked, installed, progress)
}

fn assert_nothing_installed(harness: &Harness) {
    assert_eq!(std::fs::read(&harness.installed).unwrap(), INSTALLED);
}

/// A server announcing `version`, signed as `signed_as` by `signer`, serving `artifact`.
fn release(signer: &ReleaseKey, version: &str, signed_as: &str, artifact: Vec<u8>) -> UpdateServer {
    let signature = signer.sign(&artifact, signed_as);
    let version = version.to_string();
    serve(move |base| manifest(base, &version, &signature), artifact)
}

#[test]
fn a_newer_signed_release_is_offered_downloaded_verified_and_installed() {
    let key = ReleaseKey::new();
    let build = new_build("0.2.0");
    let server = release(&key, "0.2.0", "0.2.0", build.clone());
    let harness = harness(&server.manifest_url(), &key);
    let (checked, installed, progress) = check_and_install(&harness);

    let offer = checked.offer.expect("0.2.0 is offered");
    assert_eq!(offer.version, "0.2.0");
    assert_eq!(offer.current_version, "0.1.0");
    assert_eq!(
        offer.notes.as_deref(),
        Some("Outcome packs print the day-90 verdict first.")
    );
    assert_eq!(offer.published_at.as_deref(), Some("2026-11-30T08:00:00Z"));
    assert_eq!(checked.reason, None);
    assert_eq!(checked.checked_at, "2026-11-30T09:00:00Z");

    let installed = installed.expect("a release signed by the configured key installs");
    assert_eq!(installed.version, "0.2.0");
    assert_eq!(installed.bytes, build.len() as u64);
    assert_eq!(std::fs::read(&harness.installed).unwrap(), build);
    let last = progress.last().expect("progress is reported");
    assert_eq!(last.downloaded_bytes, build.len() as u64);
    assert_eq!(last.total_bytes, Some(build.len() as u64));
    assert!(
        progress
            .windows(2)
            .all(|w| w[0].downloaded_bytes <= w[1].downloaded_bytes),
        "progress only grows: {progress:?}"
    );
}

#[test]
fn a_tampered_artifact_is_refused_and_nothing_is_installed() {
    let key = ReleaseKey::new();
    let build = new_build("0.2.0");
    let signature = key.sign(&build, "0.2.0");
    let mut tampered = build;
    tampered[100] ^= 0x01;
    let server = serve(move |base| manifest(base, "0.2.0", &signature), tampered);
    let harness = harness(&server.manifest_url(), &key);
    let (checked, installed, _) = check_and_install(&harness);

    assert!(checked.offer.is_some(), "the manifest itself is fine");
    let refused = installed.unwrap_err();
    assert_eq!(refused.code, refusal::CODE);
    assert!(
        refused
            .message
            .contains("not signed by Pilotdesk's release key"),
        "{}",
        refused.message
    );
    assert!(
        refused.message.contains("nothing was installed"),
        "{}",
        refused.message
    );
    assert_eq!(server.downloads(), 1);
    assert_nothing_installed(&harness);
}

#[test]
fn a_release_signed_by_another_key_is_refused_and_nothing_is_installed() {
    let trusted = ReleaseKey::new();
    let stranger = ReleaseKey::new();
    let server = release(&stranger, "0.2.0", "0.2.0", new_build("0.2.0"));
    let harness = harness(&server.manifest_url(), &trusted);
    let (_, installed, _) = check_and_install(&harness);

    let refused = installed.unwrap_err();
    assert_eq!(refused.code, refusal::CODE);
    assert!(
        refused
            .message
            .contains("not signed by Pilotdesk's release key"),
        "{}",
        refused.message
    );
    assert_nothing_installed(&harness);
}

#[test]
fn an_older_or_equal_version_is_not_offered_and_nothing_is_downloaded() {
    for version in ["0.1.0", "0.0.9"] {
        let key = ReleaseKey::new();
        let server = release(&key, version, version, new_build(version));
        let harness = harness(&server.manifest_url(), &key);
        let (checked, installed, _) = check_and_install(&harness);

        assert_eq!(checked.offer, None, "{version} is not newer than 0.1.0");
        let reason = checked.reason.unwrap();
        assert!(
            reason.contains(&format!(
                "offers {version}, which is not newer than this 0.1.0"
            )),
            "{reason}"
        );
        let refused = installed.unwrap_err();
        assert!(
            refused.message.contains("check for updates first"),
            "{}",
            refused.message
        );
        assert_eq!(server.downloads(), 0);
        assert_nothing_installed(&harness);
    }
}

#[test]
fn a_malformed_manifest_is_refused_with_a_clear_message() {
    let key = ReleaseKey::new();
    for broken in [
        r#"{"version": "0.2.0", "platforms": {"#.to_string(),
        r#"{"version": "two", "platforms": {}}"#.to_string(),
        r#"{"notes": "no version at all"}"#.to_string(),
    ] {
        let server = serve(move |_| broken, new_build("0.2.0"));
        let harness = harness(&server.manifest_url(), &key);
        let pending = PendingUpdate::default();
        let refused = tauri::async_runtime::block_on(check(
            harness.app.handle(),
            &harness.target,
            &pending,
            now(),
        ))
        .unwrap_err();
        assert_eq!(refused.code, refusal::CODE);
        assert!(
            refused
                .message
                .contains("not a release manifest Pilotdesk can read"),
            "{}",
            refused.message
        );
        assert_eq!(server.downloads(), 0);
        assert_nothing_installed(&harness);
    }
}

#[test]
fn a_newer_version_number_on_an_older_signed_file_is_refused() {
    // A crafted manifest pairs "0.3.0" with the genuine, validly signed 0.2.0 file.
    let key = ReleaseKey::new();
    let server = release(&key, "0.3.0", "0.2.0", new_build("0.2.0"));
    let harness = harness(&server.manifest_url(), &key);
    let (_, installed, _) = check_and_install(&harness);

    let refused = installed.unwrap_err();
    assert!(
        refused
            .message
            .contains("announced 0.3.0, but the file is signed as 0.2.0"),
        "{}",
        refused.message
    );
    assert_nothing_installed(&harness);
}
