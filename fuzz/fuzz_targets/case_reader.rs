//! CASE 1.1 packages (CFPackage JSON): every check `parse` makes, and for a package it
//! accepts, the export written back from it reads as the same framework.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pilotdesk_core::export::case::to_json_string;
use pilotdesk_core::import::case::parse;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(framework) = parse(text, "fuzz.case.json") else {
        return;
    };
    let exported = to_json_string(&framework);
    let again = parse(&exported, "export.case.json")
        .unwrap_or_else(|error| panic!("the export of an accepted package is refused: {error}"));
    assert_eq!(again, framework, "the export reads as another framework");
});
