//! Reads behind the analytics: aggregates and cohort-level inputs, pushed to SQLite where
//! they are cheap.

pub mod people_at_start;
