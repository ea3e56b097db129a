//! Coaching networks (DESIGN.md, fifth practice): the quarter's ties, their figures and the
//! map the window and the packs draw.

mod figures;
mod layout;
mod quarter;

pub use figures::{CoachFigures, CoachImpact, ImpactKpi, NetworkFigures, TeamNetwork};
pub use layout::{LayoutTeam, NetworkEdge, NetworkLayout, NetworkNode, NetworkView};
pub use quarter::Quarter;
