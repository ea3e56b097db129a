//! The files the window may name: only those the person chose in Pilotdesk's own file
//! dialogs since the app started (and a review bundle it was started with). A script in the
//! web view cannot make the app read or overwrite any other file, because every command
//! that takes a path checks it here first.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use pilotdesk_core::ApiError;

/// Error code of a path the person did not choose.
pub const NOT_CHOSEN: &str = "path_not_chosen";

#[derive(Default)]
pub struct ChosenFiles(Mutex<HashSet<PathBuf>>);

impl ChosenFiles {
    fn set(&self) -> std::sync::MutexGuard<'_, HashSet<PathBuf>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn remember(&self, path: &Path) {
        self.set().insert(path.to_path_buf());
    }

    /// The path, if the person chose it; otherwise a refusal naming it.
    pub fn allow(&self, path: &str) -> Result<PathBuf, ApiError> {
        let path = PathBuf::from(path);
        if self.set().contains(&path) {
            Ok(path)
        } else {
            Err(ApiError {
                code: NOT_CHOSEN.into(),
                message: format!(
                    "{}: Pilotdesk reads and writes only files chosen in its own file dialog; \
                     choose the file again",
                    path.display()
                ),
                details: Vec::new(),
            })
        }
    }

    pub fn allow_all(&self, paths: &[String]) -> Result<Vec<PathBuf>, ApiError> {
        paths.iter().map(|path| self.allow(path)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_chosen_path_is_allowed() {
        let chosen = ChosenFiles::default();
        chosen.remember(Path::new("/home/ana/Documents/people.csv"));
        assert!(chosen.allow("/home/ana/Documents/people.csv").is_ok());
        let refused = chosen.allow("/home/ana/.ssh/id_ed25519").unwrap_err();
        assert_eq!(refused.code, NOT_CHOSEN);
        assert!(refused.message.contains("/home/ana/.ssh/id_ed25519"));
        // A path that merely leads to a chosen file through `..` is not the chosen path.
        assert!(chosen
            .allow("/home/ana/Documents/../Documents/people.csv")
            .is_err());
        assert!(chosen
            .allow_all(&[
                "/home/ana/Documents/people.csv".into(),
                "/etc/passwd".into()
            ])
            .is_err());
    }
}
