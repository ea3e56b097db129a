//! What the analytics (dashboard, ROI, outcome packs) compute and show.

mod flight_risk;

pub use flight_risk::{
    ArmRisk, ArmRiskFigures, FlightRisk, RateDifference, RiskDifference, RiskFigure,
};
