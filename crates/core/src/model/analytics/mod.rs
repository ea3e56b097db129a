//! What the analytics compute and show: the dashboard, the ROI with its assumptions, the
//! balance of the groups, the cohort's flight-risk signals and the day-90 rule's verdict.

mod balance;
mod dashboard;
mod flight_risk;
mod roi;
mod roi_report;
mod verdict;

pub use balance::{BalanceFlag, BalanceRow, BalanceTable};
pub use dashboard::{
    CoachingPanel, CostPanel, Dashboard, KeyNumber, KpiMde, KpiPanel, PilotCard, PortfolioOverview,
    TaskPractice, TrancheStatus, UnitRow, UnitTable,
};
pub use flight_risk::{
    ArmRisk, ArmRiskFigures, FlightRisk, RateDifference, RiskDifference, RiskFigure,
};
pub use roi::{BenefitLine, CategoryCost, CostCategory, CostLine, RoiFigures, SensitivityPoint};
pub use roi_report::{
    HourlyCost, HourlyCostInput, RoiAssumption, RoiAssumptionInput, RoiInput, RoiReport,
};
pub use verdict::RuleVerdict;
