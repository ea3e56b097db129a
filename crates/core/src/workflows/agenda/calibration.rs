//! Calibration figures for the window, the command line and the monthly pack.

use chrono::NaiveDate;

use crate::error::Result;
use crate::metrics::agenda::calibration::calibration;
use crate::model::agenda::Calibration;
use crate::store::agenda::agendas;
use crate::store::Store;

/// Every agenda in the workspace.
pub fn workspace(store: &Store) -> Result<Calibration> {
    Ok(calibration(&agendas::decisions(store.conn(), None, None)?))
}

/// A pilot's agendas made up to `until`, as its monthly pack reports them.
pub fn for_pilot(store: &Store, pilot_id: i64, until: NaiveDate) -> Result<Calibration> {
    let until = until.format("%Y-%m-%d").to_string();
    Ok(calibration(&agendas::decisions(
        store.conn(),
        Some(pilot_id),
        Some(&until),
    )?))
}
