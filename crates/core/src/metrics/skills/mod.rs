//! Skills figures (DESIGN.md, "Skills"): completion per skill, speed-to-competency,
//! role readiness, cost per competency gained, and the signs of a fragmented path.

pub mod completion;
pub mod paths;
pub mod readiness;
pub mod speed;
