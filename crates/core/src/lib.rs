//! Pilotdesk's domain, shared by the desktop app and the `pilotdesk` command line.
//!
//! - `store`: opening the database, migrations, loading and saving.
//! - `workflows`: the rules of the operating model; they decide what is written.
//! - `metrics`: pure functions over plain data.
//! - `packs`: the printed PDF packs.
//! - `import` and `export`: files in (CSV, XLSX, xAPI), validated whole; files out.
//! - `model`: the plain data passed between them and to the UI.
//! - `badges`: Open Badges 3.0 credentials, signed and verified offline.
//! - `updates`: when the desktop app looks for a new version, and the choice kept for it.

pub mod backup;
pub mod badges;
pub mod bindings;
pub mod error;
pub mod export;
pub mod hashing;
pub mod identity;
pub mod import;
pub mod metrics;
pub mod model;
pub mod packs;
pub mod paths;
pub mod store;
pub mod updates;
pub mod workflows;

pub use error::{ApiError, Error, ErrorDetail, Result};
pub use store::Store;
