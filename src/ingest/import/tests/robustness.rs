//! Files from outside may be anything: no input makes the import panic or allocate
//! without bound.

use super::fixtures::{TestResult, X, csv_with, known, unzip, xlsx, xlsx_header, zip_of};
use crate::ingest::import::{FileKind, ImportFailure, parse};
use proptest::prelude::*;

#[test]
fn a_sheet_with_a_far_away_cell_is_read_without_allocating_the_grid() -> TestResult {
    // Cells in A1 and XFD1048576: loading the spanned rectangle would need ~17 billion
    // cells. The streaming reader only keeps the two.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Mã chỉ tiêu")?;
    sheet.write_string(1_048_575, 16_383, "xa")?;
    let bytes = book.save_to_buffer()?;
    assert_eq!(
        parse(FileKind::Xlsx, &bytes, &known()),
        Err(ImportFailure::WrongColumns {
            missing: vec!["Giá trị".into()],
            unexpected: vec![]
        })
    );
    Ok(())
}

/// Found by the `import_xlsx_parts` fuzz target: calamine 0.38 multiplies a column
/// reference such as `ssssssssC6` into a u32 without checking, which panics where
/// overflow checks are on (debug builds, tests) and wraps in release. Either way the
/// upload must come back as an answer, never take the request down.
#[test]
fn an_overlong_cell_reference_is_answered_not_a_panic() -> TestResult {
    let mut entries = unzip(&valid_xlsx())?;
    let sheet = entries
        .iter_mut()
        .find(|(name, _)| name.ends_with("sheet1.xml"))
        .ok_or("no sheet1.xml")?;
    let xml = String::from_utf8(sheet.1.clone())?.replace("r=\"A2\"", "r=\"ssssssssC2\"");
    assert!(
        xml.contains("ssssssssC2"),
        "the cell reference was not replaced"
    );
    sheet.1 = xml.into_bytes();
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    let bytes = zip_of(&refs)?;
    // Refused before calamine reads it: in a release build calamine's column number
    // would wrap and put the cell in another column.
    let outcome = std::panic::catch_unwind(|| parse(FileKind::Xlsx, &bytes, &known()))
        .map_err(|_| "parse let a panic escape")?;
    assert_eq!(outcome.err(), Some(ImportFailure::NotXlsx));
    Ok(())
}

fn valid_xlsx() -> Vec<u8> {
    xlsx(&[
        xlsx_header(),
        vec![X::T("NV-01"), X::Blank, X::Blank, X::Blank, X::N(3.0)],
        vec![X::T("NV-03"), X::Blank, X::Blank, X::Blank, X::Pct(0.25)],
    ])
    .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_never_make_parse_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let known = known();
        let _ = parse(FileKind::Csv, &bytes, &known);
        let _ = parse(FileKind::Xlsx, &bytes, &known);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&bytes);
        let _ = parse(FileKind::Xlsx, &zipped, &known);
    }

    #[test]
    fn a_damaged_workbook_never_makes_parse_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        let mut bytes = valid_xlsx();
        prop_assume!(!bytes.is_empty());
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = parse(FileKind::Xlsx, &bytes, &known());
    }

    /// The zip stays valid and only a part inside it is damaged, so calamine itself
    /// meets the broken XML (byte flips of the zip mostly stop at its checksums).
    #[test]
    fn a_workbook_with_a_damaged_part_never_makes_parse_panic(
        part in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut entries = unzip(&valid_xlsx()).unwrap_or_default();
        prop_assume!(!entries.is_empty());
        let i = part.index(entries.len());
        let data = &mut entries[i].1;
        prop_assume!(!data.is_empty());
        for (at, byte) in edits {
            let j = at.index(data.len());
            data[j] = byte;
        }
        if cut.index(4) == 0 {
            let keep = cut.index(data.len());
            data.truncate(keep);
        }
        let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
        let bytes = zip_of(&refs).unwrap_or_default();
        let _ = parse(FileKind::Xlsx, &bytes, &known());
    }

    #[test]
    fn any_text_in_a_csv_cell_never_makes_parse_panic(cell in "\\PC{0,40}", qualifier in "\\PC{0,10}") {
        let line = format!("NV-02;;;;{cell};{qualifier};{cell};;");
        let file = csv_with(&[&line]);
        let _ = parse(FileKind::Csv, &file, &known());
    }
}
