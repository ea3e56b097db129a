//! The Pilotdesk desktop shell: opens the workspace, registers the commands and plugins.
//! Everything it does is in the core; this crate only adapts it to Tauri.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod chosen_files;
mod commands;
mod state;
mod updates;

use std::path::PathBuf;

fn main() {
    // Dates in the window, the packs and the command line follow the person's locale.
    pilotdesk_core::packs::dates::set_style(
        pilotdesk_core::packs::dates::DateStyle::from_environment(),
    );
    let db_path = database_path_from_args().unwrap_or_else(pilotdesk_core::paths::default_db_path);
    let state = state::AppState::open(&db_path);

    #[allow(unused_mut)] // debug builds let the end-to-end tests name a loopback update server
    let mut context = tauri::generate_context!();
    #[cfg(debug_assertions)]
    updates::test_source::apply(&mut context);
    #[cfg(debug_assertions)]
    let install_target = updates::test_source::install_target();
    #[cfg(not(debug_assertions))]
    let install_target = updates::InstallTarget::default();

    // A review bundle double-clicked in the file manager was chosen by the person too.
    let chosen_files = chosen_files::ChosenFiles::default();
    if let Some(bundle) = launch_file() {
        chosen_files.remember(std::path::Path::new(&bundle));
    }

    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(state)
        .manage(chosen_files)
        .manage(commands::data::RunningImport::default())
        .manage(updates::PendingUpdate::default())
        .manage(install_target)
        .invoke_handler(tauri::generate_handler![
            commands::workspace::get_overview,
            commands::workspace::list_people,
            commands::workspace::get_person_history,
            commands::workspace::get_person_page,
            commands::backup::list_backups,
            commands::backup::create_backup,
            commands::backup::verify_backup,
            commands::backup::restore_backup,
            commands::files::choose_files,
            commands::files::choose_save_path,
            commands::updates::get_update_preferences,
            commands::updates::set_update_check_every,
            commands::updates::check_for_update,
            commands::updates::check_for_update_if_due,
            commands::updates::install_update,
            commands::updates::restart_app,
            commands::packs::open_pack,
            commands::packs::show_pack_in_folder,
            commands::workspace::update_settings,
            commands::pilots::list_pilots,
            commands::pilots::get_pilot_detail,
            commands::pilots::validate_new_pilot,
            commands::pilots::create_pilot,
            commands::pilots::transition_pilot,
            commands::pilots::submit_pilot,
            commands::design::get_pilot_design,
            commands::design::list_templates,
            commands::design::list_manager_candidates,
            commands::design::update_basics,
            commands::design::add_workflow,
            commands::design::apply_template,
            commands::design::rename_workflow,
            commands::design::remove_workflow,
            commands::design::add_task,
            commands::design::update_task,
            commands::design::remove_task,
            commands::design::save_kpi,
            commands::design::remove_kpi,
            commands::design::set_cohort,
            commands::design::set_budget,
            commands::design::mark_checklist_item,
            commands::design::clear_checklist_mark,
            commands::packs::list_packs,
            commands::packs::save_proposal_pack,
            commands::packs::save_decision_pack,
            commands::governance::get_current_user,
            commands::governance::choose_user,
            commands::governance::add_person_and_choose,
            commands::governance::get_governance_queue,
            commands::governance::get_review,
            commands::governance::cast_vote,
            commands::governance::recuse_from_item,
            commands::governance::propose_criteria_change,
            commands::governance::get_decision_log,
            commands::badges::save_badge,
            commands::badges::verify_badge,
            commands::governance::list_decisions,
            commands::governance::list_steering_members,
            commands::governance::add_steering_member,
            commands::governance::remove_steering_member,
            commands::governance::get_quorum_rule,
            commands::governance::set_quorum_rule,
            commands::governance::list_ledgers,
            commands::governance::add_tranche,
            commands::governance::update_tranche,
            commands::governance::remove_tranche,
            commands::governance::release_tranche,
            commands::governance::record_spend,
            commands::governance::measure_lift,
            commands::governance::list_vendors,
            commands::governance::save_vendor,
            commands::governance::remove_vendor,
            commands::governance::list_risks,
            commands::governance::save_risk,
            commands::data::preview_import,
            commands::data::run_import,
            commands::data::cancel_import,
            commands::data::list_imports,
            commands::data::list_events,
            commands::data::quick_log_options,
            commands::data::log_coaching,
            commands::data::time_credits,
            commands::data::kpi_data,
            commands::data::kpi_observations,
            commands::data::export_data,
            commands::analytics::get_dashboard,
            commands::analytics::get_portfolio,
            commands::analytics::get_home,
            commands::analytics::get_kpi_mdes,
            commands::analytics::get_rule_verdict,
            commands::analytics::set_roi_assumptions,
            commands::analytics::list_hourly_costs,
            commands::analytics::set_hourly_cost,
            commands::analytics::save_monthly_pack,
            commands::analytics::save_outcome_pack,
            commands::skills::list_frameworks,
            commands::skills::get_framework,
            commands::skills::import_framework,
            commands::skills::export_framework,
            commands::skills::list_competencies,
            commands::skills::list_modules,
            commands::skills::save_module,
            commands::skills::buy_module,
            commands::skills::list_purchases,
            commands::skills::assign_module,
            commands::skills::record_module_progress,
            commands::skills::get_assignment_board,
            commands::skills::rate_competency,
            commands::skills::list_role_requirements,
            commands::skills::set_role_requirement,
            commands::skills::remove_role_requirement,
            commands::skills::get_skill_profile,
            commands::skills::get_readiness_heatmap,
            commands::skills::get_skills_report,
            commands::portfolio::get_person_portfolio,
            commands::portfolio::give_feedback,
            commands::portfolio::list_feedback,
            commands::portfolio::add_work_sample,
            commands::portfolio::annotate_sample,
            commands::portfolio::get_sample_content,
            commands::portfolio::review_portfolio,
            commands::portfolio::list_check_in_flags,
            commands::portfolio::get_check_in_weeks,
            commands::portfolio::set_check_in_weeks,
            commands::portfolio::save_portfolio_pack,
            commands::portfolio::get_async_report,
            commands::coaches::list_coaches,
            commands::coaches::get_coach_progress,
            commands::coaches::get_coach_standard,
            commands::coaches::nominate_coach,
            commands::coaches::record_coach_training,
            commands::coaches::record_coach_observation,
            commands::coaches::record_coach_feedback,
            commands::coaches::certify_coach,
            commands::coaches::match_coaches,
            commands::coaches::save_coaching_calendar,
            commands::network::get_network,
            commands::portfolio::export_portfolio_xapi,
            commands::agenda::get_agenda_settings,
            commands::agenda::update_agenda_settings,
            commands::agenda::preview_agenda_request,
            commands::agenda::generate_agenda,
            commands::agenda::get_agenda,
            commands::agenda::list_agendas,
            commands::agenda::edit_agenda_item,
            commands::agenda::accept_agenda,
            commands::agenda::reject_agenda,
            commands::agenda::get_calibration,
            commands::agenda::save_agenda_card,
            commands::agenda::save_agenda_calendar,
            commands::ballots::get_identity,
            commands::ballots::export_identity,
            commands::ballots::list_member_keys,
            commands::ballots::add_member_key,
            commands::ballots::send_review_bundle,
            commands::ballots::open_review_bundle,
            commands::ballots::save_bundle_pack,
            commands::ballots::vote_by_ballot,
            commands::ballots::receive_ballots,
            commands::ballots::list_received_ballots,
            commands::ballots::get_launch_file,
        ])
        .run(context)
        .unwrap_or_else(|error| {
            eprintln!("pilotdesk: the window could not start: {error}");
            std::process::exit(1);
        });
}

/// The review bundle named on the command line: what a double-click in the file manager
/// passes (the desktop entry opens `.pdreview` files with the app).
pub fn launch_file() -> Option<String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            args.next();
            continue;
        }
        if !arg.starts_with("--") && arg.ends_with(".pdreview") {
            return Some(arg);
        }
    }
    None
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
