//! Portfolio tables: work samples (their content kept once by SHA-256), annotations,
//! micro-feedback and portfolio reviews.

pub mod activity;
pub mod facts;
pub mod feedback;
pub mod reviews;
pub mod samples;
