//! Bad files refused as a whole, each with the failure the clerk is shown.

use super::fixtures::{
    TestResult, X, assert_refused, case, csv_with, known, xlsx, xlsx_header, zip_of,
};
use crate::ingest::import::{ImportFailure as F, MAX_BYTES, MAX_ROWS, parse_upload};

#[test]
fn every_bad_file_is_refused_with_the_expected_failure() -> TestResult {
    let good_xlsx = xlsx(&[
        xlsx_header(),
        vec![X::T("NV-01"), X::Blank, X::Blank, X::Blank, X::N(1.0)],
    ])?;
    let mut too_many_rows = vec!["Mã chỉ tiêu;Giá trị".to_string()];
    too_many_rows.extend((0..=MAX_ROWS).map(|i| format!("X-{i};1")));
    let cases = vec![
        case("an empty file", "a.csv", vec![], F::Empty),
        case(
            "a file with only a BOM",
            "a.csv",
            b"\xEF\xBB\xBF\r\n".to_vec(),
            F::Empty,
        ),
        case("a header without rows", "a.csv", csv_with(&[]), F::Empty),
        case(
            "a template nobody filled in",
            "a.csv",
            csv_with(&["NV-01;Số nhiệm vụ;nhiệm vụ;9;;;;;"]),
            F::Empty,
        ),
        case(
            "wrong columns",
            "a.csv",
            "Mã;Tên;Số\nNV-01;x;3\n".as_bytes().to_vec(),
            F::WrongColumns {
                missing: vec!["Giá trị".into()],
                unexpected: vec!["Số".into()],
            },
        ),
        case(
            "Windows-1258 bytes instead of UTF-8",
            "a.csv",
            b"M\xE3 ch\xECi ti\xEAu;Gi\xE1 tr\xECi\r\nNV-01;3\r\n".to_vec(),
            F::NotUtf8,
        ),
        case(
            "a file over the size limit",
            "a.csv",
            vec![b' '; MAX_BYTES + 1],
            F::TooLarge,
        ),
        case(
            "more rows than any term has",
            "a.csv",
            too_many_rows.join("\n").into_bytes(),
            F::TooLarge,
        ),
        case(
            "an old binary .xls workbook",
            "so-lieu.xls",
            [b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".as_slice(), &[0; 512]].concat(),
            F::UnsupportedKind,
        ),
        case(
            "a PDF",
            "so-lieu.pdf",
            b"%PDF-1.7 ...".to_vec(),
            F::UnsupportedKind,
        ),
        case(
            "garbage bytes named .xlsx",
            "so-lieu.xlsx",
            b"this is not a workbook".to_vec(),
            F::NotXlsx,
        ),
        case(
            "a zip that is not a workbook",
            "so-lieu.xlsx",
            zip_of(&[("hello.txt", b"hi")])?,
            F::NotXlsx,
        ),
        case(
            "a truncated xlsx",
            "so-lieu.xlsx",
            good_xlsx[..good_xlsx.len() / 2].to_vec(),
            F::NotXlsx,
        ),
        case(
            "a zip bomb",
            "so-lieu.xlsx",
            zip_of(&[("xl/worksheets/sheet1.xml", &vec![0u8; 8 * 1024 * 1024])])?,
            F::NotXlsx,
        ),
    ];
    assert!(cases.len() >= 12);
    assert_refused(cases);
    Ok(())
}

#[test]
fn a_large_file_is_refused_before_its_kind_is_even_looked_at() {
    let bytes = vec![0xD0; MAX_BYTES + 1];
    assert_eq!(parse_upload("x.xls", &bytes, &known()), Err(F::TooLarge));
}
