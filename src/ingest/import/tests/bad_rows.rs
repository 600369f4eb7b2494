//! Files whose rows have problems: each case expects exactly the problem the clerk is
//! shown, with its row number; then several problems reported at once.

use super::fixtures::{
    Case, TestResult, X, assert_refused, case, csv_with, known, problem, value_row, xlsx,
    xlsx_header, xlsx_value_row,
};
use crate::domain::{NumberError, UnitKind};
use crate::ingest::import::{Column, ImportFailure, ProblemKind as P, parse_upload};
use rust_xlsxwriter::XlsxError;

fn one(line: usize, code: Option<&str>, kind: P, text: Option<&str>) -> ImportFailure {
    ImportFailure::Rows(vec![problem(line, code, kind, text)])
}

/// A CSV whose only row (line 2) has `code` and `value`, refused with the one
/// problem `kind`, quoting `text`.
fn one_value(name: &'static str, code: &str, value: &str, kind: P, text: Option<&str>) -> Case {
    let file = csv_with(&[&value_row(code, value)]);
    case(name, "a.csv", file, one(2, Some(code), kind, text))
}

/// A workbook whose only row (line 2) has `code` and the value cell `value`.
fn one_cell(code: &str, value: X<'_>) -> Result<Vec<u8>, XlsxError> {
    xlsx(&[xlsx_header(), xlsx_value_row(code, value)])
}

/// The cases of a row with one value, one a line, as a table reads.
#[rustfmt::skip]
fn one_value_cases() -> Vec<Case> {
    use NumberError::{Ambiguous, NotANumber};
    let count = || P::OutOfRange { unit: UnitKind::Count };
    let percent = P::OutOfRange { unit: UnitKind::Percent };
    let formula = P::Formula { column: Column::Value };
    vec![
        one_value("an unknown code", "NV-99", "3", P::UnknownCode, None),
        one_value("a malformed code", "NV 01", "3", P::UnknownCode, None),
        one_value("an ambiguous number", "NV-02", "1.234.5", P::Number(Ambiguous), Some("1.234.5")),
        one_value("a word instead of a number", "NV-02", "abc", P::Number(NotANumber), Some("abc")),
        one_value("a negative count", "NV-01", "-3", count(), Some("-3")),
        one_value("a fractional count", "NV-01", "2,5", count(), Some("2,5")),
        one_value("a percentage for a count", "NV-01", "20%", P::PercentSign, Some("20%")),
        one_value("a percentage for money", "NV-02", "1,5 %", P::PercentSign, Some("1,5%")),
        one_value("an absurd percentage", "NV-03", "5.000%", percent, Some("5.000")),
        one_value("a formula in a CSV value", "NV-01", "=SUM(A1:A3)", formula, None),
    ]
}

#[test]
fn every_bad_row_is_reported_with_the_expected_problem() -> TestResult {
    let mut cases = one_value_cases();
    let formula = P::Formula {
        column: Column::Value,
    };
    let too_long = P::TextTooLong {
        column: Column::Note,
    };
    let too_precise = P::Number(NumberError::OutOfRange);
    let xlsx_name = "so-lieu.xlsx";
    cases.extend([
        case(
            "a duplicated row",
            "a.csv",
            csv_with(&[
                &value_row("NV-01", "3"),
                &value_row("NV-02", "4"),
                &value_row("NV-01", "5"),
            ]),
            one(4, Some("NV-01"), P::DuplicateCode { first_line: 2 }, None),
        ),
        case(
            "an unknown qualifier",
            "a.csv",
            csv_with(&["NV-01;;;;3;gần;;;"]),
            one(2, Some("NV-01"), P::BadQualifier("gần".into()), Some("gần")),
        ),
        case(
            "a value without a code",
            "a.csv",
            csv_with(&[&value_row("", "3")]),
            one(2, None, P::CodeMissing, None),
        ),
        case(
            "a note that is too long",
            "a.csv",
            csv_with(&[&format!("NV-01;;;;3;;{};;", "ư".repeat(2_001))]),
            one(2, Some("NV-01"), too_long, None),
        ),
        case(
            "a formula cell in an xlsx",
            xlsx_name,
            one_cell("NV-01", X::F("=2+3"))?,
            one(2, Some("NV-01"), formula, None),
        ),
        case(
            "a value Excel turned into a date",
            xlsx_name,
            one_cell("NV-02", X::Date(44_270.0))?,
            one(2, Some("NV-02"), P::DateCell, None),
        ),
        case(
            "an xlsx number more precise than a clerk types",
            xlsx_name,
            one_cell("NV-02", X::N(1.0 / 3.0))?,
            one(2, Some("NV-02"), too_precise, Some("0.3333333333333333")),
        ),
    ]);
    assert!(cases.len() >= 12);
    assert_refused(cases);
    Ok(())
}

#[test]
fn every_problem_of_every_row_is_reported_at_once_in_line_order() -> TestResult {
    let file = csv_with(&[
        &value_row("NV-01", "3"),
        "NV-99;;;;abc;gần;;;",
        &value_row("NV-01", "1.234.5"),
        &value_row("NV-02", ""),
        &value_row("NV-03", "12,5"),
    ]);
    let got = parse_upload("a.csv", &file, &known());
    let expected = vec![
        problem(3, Some("NV-99"), P::UnknownCode, None),
        problem(
            3,
            Some("NV-99"),
            P::Number(NumberError::NotANumber),
            Some("abc"),
        ),
        problem(3, Some("NV-99"), P::BadQualifier("gần".into()), Some("gần")),
        problem(4, Some("NV-01"), P::DuplicateCode { first_line: 2 }, None),
        problem(
            4,
            Some("NV-01"),
            P::Number(NumberError::Ambiguous),
            Some("1.234.5"),
        ),
    ];
    assert_eq!(got, Err(ImportFailure::Rows(expected)));
    Ok(())
}

#[test]
fn a_formula_in_any_imported_column_is_refused_but_not_in_the_name_column() -> TestResult {
    let mut formula_in_note = xlsx_value_row("NV-02", X::N(4.0));
    formula_in_note.extend([X::Blank, X::F("=A1")]);
    let file = xlsx(&[
        xlsx_header(),
        vec![
            X::T("NV-01"),
            X::F("=\"Số \"&\"nhiệm vụ\""),
            X::Blank,
            X::Blank,
            X::N(3.0),
        ],
        formula_in_note,
    ])?;
    let got = parse_upload("a.xlsx", &file, &known());
    let kind = P::Formula {
        column: Column::Note,
    };
    assert_eq!(got, Err(one(3, Some("NV-02"), kind, None)));
    Ok(())
}
