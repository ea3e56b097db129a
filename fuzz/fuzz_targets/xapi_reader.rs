//! xAPI statement files (JSON): the preview, the xAPI importer's checks for every input
//! against the demo workspace's references and module assignments, and for a fixed slice of
//! inputs (by hash) the whole import workflow as a dry run, where coaching events and module
//! progress are written and rolled back, and a file that is refused must write nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pilotdesk_core::model::ImportKind;

fuzz_target!(|bytes: &[u8]| {
    let path = pilotdesk_fuzz::scratch("json", bytes);
    let _ = pilotdesk_core::workflows::imports::preview(&path, ImportKind::Xapi, None);
    pilotdesk_fuzz::check_xapi(bytes);
    if pilotdesk_fuzz::in_workflow_slice(bytes) {
        pilotdesk_fuzz::import_file_dry_run(ImportKind::Xapi, &path);
    }
});
