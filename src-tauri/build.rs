// Every app command gets an `allow-<command>` permission; capabilities/main.json grants the
// UI exactly the ones it calls.
const COMMANDS: &[&str] = &[
    "get_overview",
    "list_pilots",
    "get_pilot_detail",
    "validate_new_pilot",
    "create_pilot",
    "list_people",
    "list_packs",
    "save_proposal_pack",
    "update_settings",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri build step failed");
}
