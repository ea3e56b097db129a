//! The measure half of the lifecycle: the dashboard of a running or finished pilot, the
//! minimum detectable effect at design time, the Phillips ROI and the pre-registered
//! day-90 rule, computed from the rollups (`store::analytics`) with the pure metrics of
//! `metrics::analytics`.

mod charts;
mod coaching;
pub(crate) mod context;
mod costs;
pub mod dashboard;
mod flight;
mod headline;
pub(crate) mod kpi;
pub mod mde;
pub mod overview;
pub mod roi;
mod units_table;
pub mod verdict;

pub use dashboard::{cached_dashboard, dashboard, kept_or_fresh_dashboard};
pub use mde::kpi_mdes;
pub use overview::portfolio;
pub use roi::{as_of_for_month, hourly_costs, set_assumptions, set_hourly_cost};
pub use verdict::rule_verdict;
