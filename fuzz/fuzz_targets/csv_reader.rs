//! CSV files as an import reads them: BOM, delimiter sniffing, quoted line breaks, the line
//! each record starts on, and the column mapping detected from the header.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    pilotdesk_fuzz::read_table("csv", bytes);
});
