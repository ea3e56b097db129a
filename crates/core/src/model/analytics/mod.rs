//! Results of the analytics (ROI, balance, the decision rule) as they cross to the UI.

mod balance;
mod roi;
mod verdict;

pub use balance::{BalanceFlag, BalanceRow, BalanceTable};
pub use roi::{BenefitLine, CategoryCost, CostCategory, CostLine, RoiFigures, SensitivityPoint};
pub use verdict::RuleVerdict;
