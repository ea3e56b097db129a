//! Pure figures for the dashboard, the ROI and the outcome packs, over per-unit sums: no
//! database, no clock. `did` estimates the lift, `inference` says how sure it is for small
//! and randomised designs, `event_study` shows it month by month, `mde` says at design time
//! what a pilot can detect, `precision` prints each figure with the digits its scale needs;
//! `roi` is Phillips' ROI, `privacy` the floor with complementary suppression, `balance`
//! the comparison of the groups and `verdict` the pre-registered day-90 rule.

pub mod balance;
pub mod did;
pub mod event_study;
pub mod flight_risk;
pub mod inference;
pub mod mde;
pub mod moments;
pub mod precision;
pub mod privacy;
pub mod roi;
pub mod stats;
pub mod verdict;
