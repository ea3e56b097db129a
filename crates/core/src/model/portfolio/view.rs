use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Agreement, Feedback, PortfolioReview, WorkSample};

/// One person's portfolio: samples with their annotations, feedback received, reviews, and
/// the agreement of the two latest reviewers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Portfolio {
    pub person_id: String,
    pub name: String,
    pub team: String,
    pub role: String,
    pub samples: Vec<WorkSample>,
    pub feedback: Vec<Feedback>,
    pub reviews: Vec<PortfolioReview>,
    pub agreement: Option<Agreement>,
    /// Async activity with no live check-in for the workspace's number of weeks.
    pub missing_check_in: Option<CheckInFlag>,
}

/// Someone whose coaching has gone all asynchronous: the risk that it feels impersonal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckInFlag {
    pub person_id: String,
    pub name: String,
    pub manager_id: Option<String>,
    pub weeks: u32,
    pub last_live_check_in: Option<String>,
    pub async_items: u32,
}
