//! Skills tables: frameworks (CASE), the module catalog and purchases, assignments,
//! ratings and role requirements.

pub mod assignments;
pub mod catalog;
pub mod frameworks;
pub mod ratings;
