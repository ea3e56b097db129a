//! An empty Tauri 2 window: what any Tauri app costs before it does anything.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .unwrap_or_else(|error| eprintln!("empty-tauri-app: {error}"));
}
