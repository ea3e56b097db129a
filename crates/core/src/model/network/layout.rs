use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::NetworkFigures;

/// Where everyone sits on the network map, computed once in the core so the window and the
/// printed pack draw the same picture. Coordinates are in layout units (about one person's
/// spacing), from the top-left corner, y down; scale them to fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
pub struct NetworkLayout {
    pub width: f64,
    pub height: f64,
    pub teams: Vec<LayoutTeam>,
    pub nodes: Vec<NetworkNode>,
    pub edges: Vec<NetworkEdge>,
}

/// A team's cluster: a disc its people sit in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LayoutTeam {
    pub name: String,
    pub people: u32,
    pub x: f64,
    pub y: f64,
    pub radius: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkNode {
    pub id: String,
    /// The person's name: the window shows it, a pack never prints it.
    pub label: String,
    /// Index into `teams`.
    pub team: u32,
    pub x: f64,
    pub y: f64,
    /// An internal coach (nominated, not withdrawn, during the quarter).
    pub coach: bool,
    /// The person's ties in the quarter.
    pub ties: u32,
}

/// A coaching tie: two people with at least one coaching event between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkEdge {
    /// Indexes into `nodes`, `a` < `b`.
    pub a: u32,
    pub b: u32,
    /// Coaching events between the two in the quarter, either way.
    pub weight: u32,
    pub cross_team: bool,
}

/// The network screen: a quarter's figures and map, and the quarters there are to step
/// through.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkView {
    /// The quarter shown; none when the workspace has no coaching events yet.
    pub quarter: Option<String>,
    /// Every quarter from the first coaching event to the last, oldest first.
    pub quarters: Vec<String>,
    pub figures: Option<NetworkFigures>,
    pub layout: NetworkLayout,
}
