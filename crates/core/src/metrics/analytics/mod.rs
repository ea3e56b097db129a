//! Pure figures for the dashboard, the ROI and the outcome packs: no database, no clock.

pub mod balance;
pub mod privacy;
mod readable;
pub mod roi;
pub mod verdict;
