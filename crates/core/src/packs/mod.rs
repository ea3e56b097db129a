//! The printed packs. `document` says what a pack contains, `engine` lays it out as a PDF,
//! and one module per pack (e.g. `proposal`) turns plain data into a document.

pub mod agenda;
pub mod approval;
pub mod dates;
pub mod decision;
pub mod document;
pub mod engine;
pub mod html;
pub mod network;
pub mod portfolio;
pub mod proposal;
pub mod results;

pub use document::PackDocument;
pub use engine::{render, short_hash, RenderedPack};
