//! The statistics behind the dashboard and the packs: pure functions over per-unit sums.
//! `did` estimates the lift, `inference` says how sure it is for small and randomised
//! designs, `event_study` shows it month by month, `mde` says at design time what a pilot
//! can detect, and `precision` prints each figure with the digits its scale needs.

pub mod did;
pub mod event_study;
pub mod inference;
pub mod mde;
pub mod moments;
pub mod precision;
pub mod stats;
