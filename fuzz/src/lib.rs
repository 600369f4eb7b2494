//! What every import target checks of the parser's answer, whatever the bytes: it is
//! either rows ready to save or the reason the file is refused, and either way it
//! keeps the promises the upload page relies on.

use resolution_dashboard::domain::UnitKind;
use resolution_dashboard::ingest::import::{ImportFailure, ImportedRow, Known};

/// Longest text kept in a row (the import's limit).
const MAX_TEXT_CHARS: usize = resolution_dashboard::ingest::import::MAX_TEXT_CHARS;

/// The indicators of the fuzzed term: one of each unit, as in the import's own tests.
pub fn known() -> Known {
    Known::new([
        ("NV-01".to_string(), UnitKind::Count),
        ("NV-02".to_string(), UnitKind::Money),
        ("NV-03".to_string(), UnitKind::Percent),
        ("NV-04".to_string(), UnitKind::PercentPerYear),
    ])
}

/// Panics when the answer breaks a promise of `io::import::parse`.
pub fn check_outcome(known: &Known, outcome: &Result<Vec<ImportedRow>, ImportFailure>) {
    match outcome {
        Ok(rows) => {
            assert!(!rows.is_empty(), "accepted a file without rows");
            let mut previous_line = 1; // the header's line at least
            let mut codes = std::collections::HashSet::new();
            for row in rows {
                assert!(row.line > previous_line, "rows out of line order: {rows:?}");
                previous_line = row.line;
                let unit = known
                    .unit(row.code.as_str())
                    .unwrap_or_else(|| panic!("accepted an unknown code: {row:?}"));
                assert!(
                    unit.accepts(row.figure.value),
                    "accepted a value out of range: {row:?}"
                );
                assert!(
                    codes.insert(row.code.as_str()),
                    "accepted a duplicate: {row:?}"
                );
                for text in [
                    &row.figure.note,
                    &row.figure.source_document,
                    &row.figure.quote,
                ]
                .into_iter()
                .flatten()
                {
                    assert!(!text.is_empty(), "kept an empty text: {row:?}");
                    assert!(
                        text.chars().count() <= MAX_TEXT_CHARS,
                        "kept a text too long: {} chars",
                        text.chars().count()
                    );
                    assert_eq!(text.trim(), text, "kept untrimmed text: {row:?}");
                }
            }
        }
        Err(ImportFailure::Rows(problems)) => {
            assert!(!problems.is_empty(), "refused rows without a problem");
            // The header is at line 1 at least, so problems are below it, in line order.
            assert!(problems.iter().all(|p| p.line >= 2), "{problems:?}");
            assert!(
                problems.windows(2).all(|w| w[0].line <= w[1].line),
                "problems out of line order: {problems:?}"
            );
            for p in problems {
                for text in [&p.code, &p.text].into_iter().flatten() {
                    // Shortened to 40 characters and an ellipsis.
                    assert!(text.chars().count() <= 41, "long text in a problem: {p:?}");
                }
                // Every problem has a message for the clerk.
                let _ = (p.message_key(), p.args());
            }
        }
        Err(ImportFailure::WrongColumns {
            missing,
            unexpected,
        }) => {
            assert!(
                !missing.is_empty() || !unexpected.is_empty(),
                "wrong columns without a missing or an unexpected one"
            );
        }
        Err(_) => {}
    }
    if let Err(failure) = outcome {
        let _ = (failure.message_key(), failure.args());
    }
}

/// The parts of a workbook, in the order [`zip_parts`] takes them from its input.
pub const XLSX_PARTS: [&str; 7] = [
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
];

/// What separates the parts in a fuzz input (XML never holds a NUL).
pub const PART_SEPARATOR: &[u8] = b"\n\0\n";

/// An uncompressed zip of the input's parts (see [`XLSX_PARTS`]); an empty part is
/// left out. `None` if the zip cannot be written (it always can, in memory).
pub fn zip_parts(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut rest = bytes;
    for name in XLSX_PARTS {
        let (part, after) = match find(rest, PART_SEPARATOR) {
            Some(at) => (&rest[..at], &rest[at + PART_SEPARATOR.len()..]),
            None => (rest, &rest[rest.len()..]),
        };
        rest = after;
        if part.is_empty() {
            continue;
        }
        writer.start_file(name, options).ok()?;
        writer.write_all(part).ok()?;
    }
    Some(writer.finish().ok()?.into_inner())
}

/// The input as parts, the inverse of [`zip_parts`]: how the seeds are made from
/// real workbooks.
pub fn unzip_parts(workbook: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook)).ok()?;
    let mut out = Vec::new();
    for (i, name) in XLSX_PARTS.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(PART_SEPARATOR);
        }
        if let Ok(mut entry) = archive.by_name(name) {
            entry.read_to_end(&mut out).ok()?;
        }
    }
    Some(out)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
