use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{MemberFunction, Person};

/// Who is using Pilotdesk: recorded on every vote and change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CurrentUser {
    /// Absent until someone is chosen from People.
    pub person: Option<Person>,
    /// The name recorded on changes.
    pub name: String,
    /// Their steering-group function, if they are a member.
    pub steering_function: Option<MemberFunction>,
    /// The person suggested on first start: the one the workspace's changes were last
    /// recorded under, if they are in People.
    pub suggested: Option<Person>,
}

/// A person added on the spot, e.g. someone choosing who they are on first start.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    /// The employee id; empty to have one made up.
    pub id: String,
    pub name: String,
    pub email: String,
    pub team: String,
    pub role: String,
}
