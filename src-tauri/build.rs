// Every app command gets an `allow-<command>` permission; capabilities/main.json grants the
// UI exactly the ones it calls.
const COMMANDS: &[&str] = &[
    "get_overview",
    "list_people",
    "update_settings",
    "list_pilots",
    "get_pilot_detail",
    "validate_new_pilot",
    "create_pilot",
    "transition_pilot",
    "submit_pilot",
    "get_pilot_design",
    "list_templates",
    "list_manager_candidates",
    "update_basics",
    "add_workflow",
    "apply_template",
    "rename_workflow",
    "remove_workflow",
    "add_task",
    "update_task",
    "remove_task",
    "save_kpi",
    "remove_kpi",
    "set_cohort",
    "set_budget",
    "mark_checklist_item",
    "clear_checklist_mark",
    "list_packs",
    "save_proposal_pack",
    "preview_import",
    "run_import",
    "list_imports",
    "list_events",
    "quick_log_options",
    "log_coaching",
    "time_credits",
    "kpi_data",
    "kpi_observations",
    "export_data",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri build step failed");
}
