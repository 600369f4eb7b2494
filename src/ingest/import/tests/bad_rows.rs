//! Files whose rows have problems: each case expects exactly the problem the clerk is
//! shown, with its row number; then several problems reported at once.

use super::fixtures::{
    TestResult, X, assert_refused, case, csv_with, known, problem, value_row, xlsx, xlsx_header,
};
use crate::domain::{NumberError, UnitKind};
use crate::ingest::import::{Column, ImportFailure, ProblemKind as P, parse_upload};

fn one(line: usize, code: Option<&str>, kind: P, text: Option<&str>) -> ImportFailure {
    ImportFailure::Rows(vec![problem(line, code, kind, text)])
}

#[test]
fn every_bad_row_is_reported_with_the_expected_problem() -> TestResult {
    let cases = vec![
        case(
            "an unknown code",
            "a.csv",
            csv_with(&[&value_row("NV-99", "3")]),
            one(2, Some("NV-99"), P::UnknownCode, None),
        ),
        case(
            "a malformed code",
            "a.csv",
            csv_with(&[&value_row("NV 01", "3")]),
            one(2, Some("NV 01"), P::UnknownCode, None),
        ),
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
            "an ambiguous number",
            "a.csv",
            csv_with(&[&value_row("NV-02", "1.234.5")]),
            one(
                2,
                Some("NV-02"),
                P::Number(NumberError::Ambiguous),
                Some("1.234.5"),
            ),
        ),
        case(
            "a word instead of a number",
            "a.csv",
            csv_with(&[&value_row("NV-02", "abc")]),
            one(
                2,
                Some("NV-02"),
                P::Number(NumberError::NotANumber),
                Some("abc"),
            ),
        ),
        case(
            "a negative count",
            "a.csv",
            csv_with(&[&value_row("NV-01", "-3")]),
            one(
                2,
                Some("NV-01"),
                P::OutOfRange {
                    unit: UnitKind::Count,
                },
                Some("-3"),
            ),
        ),
        case(
            "a fractional count",
            "a.csv",
            csv_with(&[&value_row("NV-01", "2,5")]),
            one(
                2,
                Some("NV-01"),
                P::OutOfRange {
                    unit: UnitKind::Count,
                },
                Some("2,5"),
            ),
        ),
        case(
            "a percentage for a count",
            "a.csv",
            csv_with(&[&value_row("NV-01", "20%")]),
            one(2, Some("NV-01"), P::PercentSign, Some("20%")),
        ),
        case(
            "a percentage for money",
            "a.csv",
            csv_with(&[&value_row("NV-02", "1,5 %")]),
            one(2, Some("NV-02"), P::PercentSign, Some("1,5%")),
        ),
        case(
            "an absurd percentage",
            "a.csv",
            csv_with(&[&value_row("NV-03", "5.000%")]),
            one(
                2,
                Some("NV-03"),
                P::OutOfRange {
                    unit: UnitKind::Percent,
                },
                Some("5.000"),
            ),
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
            one(
                2,
                Some("NV-01"),
                P::TextTooLong {
                    column: Column::Note,
                },
                None,
            ),
        ),
        case(
            "a formula in a CSV value",
            "a.csv",
            csv_with(&[&value_row("NV-01", "=SUM(A1:A3)")]),
            one(
                2,
                Some("NV-01"),
                P::Formula {
                    column: Column::Value,
                },
                None,
            ),
        ),
        case(
            "a formula cell in an xlsx",
            "so-lieu.xlsx",
            xlsx(&[
                xlsx_header(),
                vec![X::T("NV-01"), X::Blank, X::Blank, X::Blank, X::F("=2+3")],
            ])?,
            one(
                2,
                Some("NV-01"),
                P::Formula {
                    column: Column::Value,
                },
                None,
            ),
        ),
        case(
            "a value Excel turned into a date",
            "so-lieu.xlsx",
            xlsx(&[
                xlsx_header(),
                vec![
                    X::T("NV-02"),
                    X::Blank,
                    X::Blank,
                    X::Blank,
                    X::Date(44_270.0),
                ],
            ])?,
            one(2, Some("NV-02"), P::DateCell, None),
        ),
        case(
            "an xlsx number more precise than a clerk types",
            "so-lieu.xlsx",
            xlsx(&[
                xlsx_header(),
                vec![X::T("NV-02"), X::Blank, X::Blank, X::Blank, X::N(1.0 / 3.0)],
            ])?,
            one(
                2,
                Some("NV-02"),
                P::Number(NumberError::OutOfRange),
                Some("0.3333333333333333"),
            ),
        ),
    ];
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
    let file = xlsx(&[
        xlsx_header(),
        vec![
            X::T("NV-01"),
            X::F("=\"Số \"&\"nhiệm vụ\""),
            X::Blank,
            X::Blank,
            X::N(3.0),
        ],
        vec![
            X::T("NV-02"),
            X::Blank,
            X::Blank,
            X::Blank,
            X::N(4.0),
            X::Blank,
            X::F("=A1"),
        ],
    ])?;
    let got = parse_upload("a.xlsx", &file, &known());
    let kind = P::Formula {
        column: Column::Note,
    };
    assert_eq!(
        got,
        Err(ImportFailure::Rows(vec![problem(
            3,
            Some("NV-02"),
            kind,
            None
        )]))
    );
    Ok(())
}
