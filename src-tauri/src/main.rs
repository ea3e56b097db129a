//! The Pilotdesk desktop shell: opens the workspace, registers the commands and plugins.
//! Everything it does is in the core; this crate only adapts it to Tauri.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod state;

use std::path::PathBuf;

fn main() {
    let db_path = database_path_from_args().unwrap_or_else(pilotdesk_core::paths::default_db_path);
    let state = state::AppState::open(&db_path);

    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::get_overview,
            commands::list_pilots,
            commands::get_pilot_detail,
            commands::validate_new_pilot,
            commands::create_pilot,
            commands::list_people,
            commands::list_packs,
            commands::save_proposal_pack,
            commands::update_settings,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|error| {
            eprintln!("pilotdesk: the window could not start: {error}");
            std::process::exit(1);
        });
}

/// `--db FILE` (or `--db=FILE`) points the app at another workspace, e.g. in tests.
fn database_path_from_args() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--db=") {
            return Some(PathBuf::from(path));
        }
    }
    None
}
