//! Copies of the workspace that outlive a bad day: made with SQLite's online backup API
//! (daily on the first start of a day, before every upgrade of the schema, before a
//! restore, and by hand), checked with SQLite's integrity check, recorded with a content
//! hash, rotated, and restored through a checked copy in one step.

pub mod content;
pub mod folder;
pub mod restore;
pub mod rotation;
pub mod snapshot;

pub use content::content_hash;
pub use restore::restore;
pub use snapshot::{create, daily_if_due, list, verify};
