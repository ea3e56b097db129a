//! The aggregates the dashboard reads. The rollup tables are kept by triggers as the data
//! is written (schema 6), so these reads touch thousands of rows, not millions; bulk
//! writers suspend the triggers and rebuild the rollups once (`rollups`).

pub mod assumptions;
pub mod coaching;
pub mod coaching_rebuild;
pub mod kpi_days;
pub mod people_at_start;
pub mod rollups;
pub mod team_facts;
