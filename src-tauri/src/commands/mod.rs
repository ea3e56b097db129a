//! Thin commands: take the arguments, call the core, map its error to `ApiError`.
//! Async, so they run off the main thread and never freeze the window.

pub mod analytics;
pub mod data;
pub mod design;
pub mod governance;
pub mod packs;
pub mod pilots;
pub mod workspace;

use chrono::{Local, NaiveDate};
use pilotdesk_core::ApiError;

pub type Reply<T> = Result<T, ApiError>;

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}
