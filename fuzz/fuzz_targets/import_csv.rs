//! Any bytes uploaded as CSV: the import never panics, never allocates without bound
//! (run with -rss_limit_mb), reads the same bytes the same way twice, and answers rows
//! or the reason for refusing them (see `resolution_dashboard_fuzz::check_outcome`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use resolution_dashboard::ingest::import::{FileKind, parse};
use resolution_dashboard_fuzz::{check_outcome, known};

fuzz_target!(|bytes: &[u8]| {
    let known = known();
    let outcome = parse(FileKind::Csv, bytes, &known);
    check_outcome(&known, &outcome);
    assert_eq!(
        parse(FileKind::Csv, bytes, &known),
        outcome,
        "not deterministic"
    );
});
