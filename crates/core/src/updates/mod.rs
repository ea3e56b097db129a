//! When the desktop app looks for a new version on its own, and the choice kept for it.
//! Fetching, verifying and installing belong to the shell's updater plugin; what is decided
//! here is plain data, tested without a window or a network.

pub mod preferences;
pub mod schedule;

pub use preferences::{load, preferences_path, save, PREFERENCES_ENV};
pub use schedule::is_due;
