//! The XML inside a workbook, reached directly: the input is split on "\n\0\n" into the
//! parts of an .xlsx (content types, relationships, workbook, sheet, shared strings,
//! styles), which are zipped uncompressed before the import reads them. Mutating a
//! deflated zip byte by byte mostly breaks its checksums; this way the fuzzer spends
//! its time in calamine's XML reading and the row checks. Same checks as import_xlsx.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resolution_dashboard::ingest::import::{FileKind, parse};
use resolution_dashboard_fuzz::{check_outcome, known, zip_parts};

fuzz_target!(|bytes: &[u8]| {
    let Some(workbook) = zip_parts(bytes) else {
        return;
    };
    let known = known();
    let outcome = parse(FileKind::Xlsx, &workbook, &known);
    check_outcome(&known, &outcome);
});
