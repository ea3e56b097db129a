//! Cohort-level flight-risk signals over the pilot window so far: leavers and internal moves
//! in each group, from the people as they stood at launch. No individual is scored.

use rusqlite::Connection;

use crate::error::Result;
use crate::metrics::analytics::flight_risk;
use crate::model::FlightRisk;
use crate::store::analytics::people_at_start::people_at_start;

use super::context::PilotContext;

pub(crate) fn flight_risk(conn: &Connection, ctx: &PilotContext) -> Result<FlightRisk> {
    let people = people_at_start(conn, ctx.pilot.id)?;
    let start = ctx.pilot.start_date;
    let end = ctx.as_of.min(ctx.pilot.end_date).max(start);
    Ok(flight_risk::flight_risk(&people, (start, end), ctx.floor()))
}
