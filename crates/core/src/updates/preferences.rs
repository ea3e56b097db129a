//! The update choice, kept in a small JSON file in the person's configuration folder.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::UpdatePreferences;

/// Points the app at another preferences file, e.g. in tests.
pub const PREFERENCES_ENV: &str = "PILOTDESK_UPDATES";

/// `$XDG_CONFIG_HOME/pilotdesk/updates.json` (normally `~/.config/...`), or the file named
/// by `PILOTDESK_UPDATES`.
pub fn preferences_path() -> PathBuf {
    if let Some(path) = std::env::var_os(PREFERENCES_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("pilotdesk")
        .join("updates.json")
}

/// The saved choice, or the default (weekly) when there is none yet. A file that cannot be
/// read is an error naming it, so a broken file is fixed rather than silently replaced.
pub fn load(path: &Path) -> Result<UpdatePreferences> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(UpdatePreferences::default())
        }
        Err(error) => return Err(Error::io(path, error)),
    };
    serde_json::from_str(&text).map_err(|error| Error::Invalid {
        summary: format!(
            "{}: the update settings could not be read ({error}); delete the file to start \
             again with weekly checks",
            path.display()
        ),
        details: vec![crate::ErrorDetail {
            field: None,
            file: Some(path.display().to_string()),
            line: Some(error.line() as u32),
            column: Some(error.column() as u32),
            message: error.to_string(),
        }],
    })
}

/// Writes the whole file or nothing, creating its folder on first use.
pub fn save(path: &Path, preferences: &UpdatePreferences) -> Result<()> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|error| Error::io(folder, error))?;
    }
    let text = serde_json::to_string_pretty(preferences)
        .map_err(|error| Error::Conflict(format!("the update settings: {error}")))?;
    crate::export::destination::write_whole(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UpdateCheckEvery;

    #[test]
    fn a_missing_file_means_weekly_checks_and_a_saved_choice_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config").join("updates.json");
        assert_eq!(load(&path).unwrap().check_every, UpdateCheckEvery::Week);
        let chosen = UpdatePreferences {
            check_every: UpdateCheckEvery::Day,
            last_checked_at: Some("2026-11-30T08:00:00Z".into()),
        };
        save(&path, &chosen).unwrap();
        assert_eq!(load(&path).unwrap(), chosen);
    }

    #[test]
    fn a_broken_file_is_named_with_its_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("updates.json");
        std::fs::write(&path, "{\n  \"checkEvery\": \"fortnightly\"\n}").unwrap();
        let error = load(&path).unwrap_err();
        assert_eq!(error.code(), "invalid_input");
        assert!(error.to_string().contains("updates.json"), "{error}");
        let Error::Invalid { details, .. } = error else {
            unreachable!()
        };
        assert_eq!(details[0].line, Some(2));
    }
}
