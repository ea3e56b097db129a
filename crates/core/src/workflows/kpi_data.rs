//! The KPI data the pilots have received: per KPI, how much and over what period, and the
//! observations themselves.

use crate::error::{Error, Result};
use crate::model::{KpiDataSummary, ObservationPage};
use crate::store::{kpis, observations, Store};

const PAGE_DEFAULT: u32 = 100;
const PAGE_MAX: u32 = 500;

pub fn kpi_data(store: &Store) -> Result<Vec<KpiDataSummary>> {
    observations::summaries(store.conn())
}

pub fn kpi_observations(
    store: &Store,
    kpi_id: i64,
    offset: u32,
    limit: u32,
) -> Result<ObservationPage> {
    // Refuses a KPI that does not exist with its own message rather than an empty page.
    kpis::pilot_of(store.conn(), kpi_id)?;
    let limit = match limit {
        0 => PAGE_DEFAULT,
        n => n.min(PAGE_MAX),
    };
    let kpi = observations::summary(store.conn(), kpi_id).map_err(|_| Error::NotFound {
        entity: "KPI",
        id: kpi_id.to_string(),
    })?;
    Ok(ObservationPage {
        weekly: observations::weekly(store.conn(), kpi_id)?,
        total: kpi.observations,
        offset,
        limit,
        observations: observations::page(store.conn(), kpi_id, offset, limit)?,
        kpi,
    })
}
