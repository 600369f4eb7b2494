//! Any bytes uploaded as an .xlsx workbook, the zip container included: the zip-bomb
//! guard and the calamine reader never panic (a panic inside calamine, which the
//! import catches, is reported here too, since it is a bug all the same), never
//! allocate without bound (run with -rss_limit_mb), and the answer is rows or the
//! reason for refusing them (see `resolution_dashboard_fuzz::check_outcome`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use resolution_dashboard::ingest::import::{FileKind, parse, parse_upload};
use resolution_dashboard_fuzz::{check_outcome, known};

fuzz_target!(|bytes: &[u8]| {
    let known = known();
    let outcome = parse(FileKind::Xlsx, bytes, &known);
    check_outcome(&known, &outcome);
    // The upload handler's path: the kind sniffed from the bytes wins over the name.
    if bytes.starts_with(b"PK\x03\x04") {
        assert_eq!(parse_upload("so-lieu.csv", bytes, &known), outcome);
    }
});
