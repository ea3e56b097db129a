//! Skills as a service (the third practice): competency frameworks, the module catalog and
//! its purchases, assignments and their progress, ratings, and the figures they add up to.

pub mod assignments;
pub mod catalog;
pub mod frameworks;
pub mod ratings;
pub mod report;

use super::{record_change, timestamp_now};
