//! Events imports of CSV files: the importer's checks for every input against the demo
//! workspace's references, and for a fixed slice of inputs (by hash) the whole import
//! workflow as a dry run, where a file that is refused must write nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pilotdesk_core::model::ImportKind;

fuzz_target!(|bytes: &[u8]| {
    pilotdesk_fuzz::check_events(bytes);
    if pilotdesk_fuzz::in_workflow_slice(bytes) {
        pilotdesk_fuzz::import_dry_run(ImportKind::Events, "csv", bytes);
    }
});
