//! XLSX, XLSB, XLS and ODS bytes as an import reads them (calamine, then the sheet's cells
//! as text). The ".xlsx" name sends every input down the workbook path; calamine tells the
//! formats apart by their content.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: pilotdesk_fuzz::let_calamine_panics_unwind(),
    |bytes: &[u8]| {
        pilotdesk_fuzz::read_table("xlsx", bytes);
    }
);
