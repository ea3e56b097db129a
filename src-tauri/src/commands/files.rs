//! Pilotdesk's own open and save dialogs. The path the person picks is remembered as chosen
//! (`ChosenFiles`), which is what lets the other commands read or write it.

use std::path::PathBuf;

use serde::Deserialize;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

use super::{in_background, Reply};
use crate::chosen_files::ChosenFiles;

/// A file type the dialog offers, e.g. "CSV or Excel workbook" with its extensions.
#[derive(Debug, Clone, Deserialize)]
pub struct FileFilter {
    pub name: String,
    pub extensions: Vec<String>,
}

fn dialog(app: &AppHandle, title: &str, filters: &[FileFilter]) -> FileDialogBuilder<tauri::Wry> {
    let mut builder = app.dialog().file().set_title(title);
    for filter in filters {
        let extensions: Vec<&str> = filter.extensions.iter().map(String::as_str).collect();
        builder = builder.add_filter(&filter.name, &extensions);
    }
    // Documents is where people keep what they import and where packs usually go.
    if let Ok(documents) = app.path().document_dir() {
        builder = builder.set_directory(documents);
    }
    builder
}

fn local(path: FilePath) -> Option<PathBuf> {
    path.into_path().ok()
}

/// Asks which files to open; an empty list when the person cancels.
#[tauri::command]
pub async fn choose_files(
    app: AppHandle,
    chosen: State<'_, ChosenFiles>,
    title: String,
    filters: Vec<FileFilter>,
    multiple: bool,
) -> Reply<Vec<String>> {
    let builder = dialog(&app, &title, &filters);
    let picked = in_background(move || {
        Ok(if multiple {
            builder.blocking_pick_files().unwrap_or_default()
        } else {
            builder.blocking_pick_file().into_iter().collect()
        })
    })
    .await?;
    Ok(picked
        .into_iter()
        .filter_map(local)
        .map(|path| {
            chosen.remember(&path);
            path.display().to_string()
        })
        .collect())
}

/// Asks where to save, suggesting a name; nothing when the person cancels.
#[tauri::command]
pub async fn choose_save_path(
    app: AppHandle,
    chosen: State<'_, ChosenFiles>,
    title: String,
    suggested_name: String,
    filter: FileFilter,
) -> Reply<Option<String>> {
    let builder = dialog(&app, &title, &[filter]).set_file_name(suggested_name);
    let picked = in_background(move || Ok(builder.blocking_save_file())).await?;
    Ok(picked.and_then(local).map(|path| {
        chosen.remember(&path);
        path.display().to_string()
    }))
}
