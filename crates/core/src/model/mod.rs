//! Plain domain data: what the store loads and saves, what workflows decide over, what
//! metrics compute from and what crosses to the UI (with generated TypeScript types).

mod change;
mod money;
mod pack;
mod person;
mod pilot;
mod settings;
mod views;

pub use change::ChangeRecord;
pub use money::Money;
pub use pack::{PackKind, PackRecord};
pub use person::{Person, Team};
pub use pilot::{NewPilotInput, Pilot, PilotStatus, PilotSummary, PILOT_LENGTH_DAYS};
pub use settings::{PaperSize, SettingsInput, WorkspaceSettings};
pub use views::{PilotDetail, WorkspaceOverview};
