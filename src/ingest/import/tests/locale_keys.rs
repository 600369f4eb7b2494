//! The locale files must hold every message key the import can return, in both
//! languages, with no placeholder that `args()` leaves unfilled.

use super::fixtures::TestResult;
use crate::domain::{NumberError, UnitKind};
use crate::ingest::import::{Column, ImportFailure, ProblemKind, RowProblem};
use std::collections::{BTreeMap, BTreeSet};

/// The app's locale files, flattened to "import.row.formula" → text.
fn blocks() -> Result<Vec<BTreeMap<String, String>>, String> {
    Ok([crate::i18n::Locale::Vi, crate::i18n::Locale::En]
        .iter()
        .map(|l| {
            l.keys()
                .into_iter()
                .map(|k| (k.to_string(), l.t(k).to_string()))
                .collect()
        })
        .collect())
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

/// One value of every variant, so every key is asked for.
fn every_message() -> Vec<(&'static str, Vec<(&'static str, String)>)> {
    let words = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    let failures = [
        ImportFailure::TooLarge,
        ImportFailure::Empty,
        ImportFailure::NotUtf8,
        ImportFailure::NotXlsx,
        ImportFailure::UnsupportedKind,
        ImportFailure::WrongColumns {
            missing: words(vec!["Giá trị"]),
            unexpected: vec![],
        },
        ImportFailure::WrongColumns {
            missing: vec![],
            unexpected: words(vec!["STT"]),
        },
        ImportFailure::WrongColumns {
            missing: words(vec!["Giá trị"]),
            unexpected: words(vec!["Số"]),
        },
        ImportFailure::Rows(vec![]),
    ];
    let kinds = [
        ProblemKind::UnknownCode,
        ProblemKind::PercentSign,
        ProblemKind::DuplicateCode { first_line: 2 },
        ProblemKind::Number(NumberError::Empty),
        ProblemKind::Number(NumberError::NotANumber),
        ProblemKind::Number(NumberError::Ambiguous),
        ProblemKind::Number(NumberError::OutOfRange),
        ProblemKind::OutOfRange {
            unit: UnitKind::Count,
        },
        ProblemKind::OutOfRange {
            unit: UnitKind::Money,
        },
        ProblemKind::OutOfRange {
            unit: UnitKind::Percent,
        },
        ProblemKind::OutOfRange {
            unit: UnitKind::PercentPerYear,
        },
        ProblemKind::Formula {
            column: Column::Value,
        },
        ProblemKind::BadQualifier("gần".into()),
        ProblemKind::CodeMissing,
        ProblemKind::TextTooLong {
            column: Column::Note,
        },
        ProblemKind::DateCell,
    ];
    let mut out: Vec<_> = failures
        .iter()
        .map(|f| (f.message_key(), f.args()))
        .collect();
    for kind in kinds {
        let p = RowProblem {
            line: 3,
            code: Some("NV-01".into()),
            kind,
            text: Some("x".into()),
        };
        out.push((p.message_key(), p.args()));
    }
    out
}

#[test]
fn every_message_key_is_documented_in_both_languages_with_known_placeholders() -> TestResult {
    let blocks = blocks()?;
    assert_eq!(blocks.len(), 2, "a vi and an en block");
    for (key, args) in every_message() {
        let given: BTreeSet<String> = args.iter().map(|(n, _)| n.to_string()).collect();
        for block in &blocks {
            let text = block
                .get(key)
                .ok_or(format!("{key} is missing from a locale file"))?;
            let used = placeholders(text);
            assert!(
                used.is_subset(&given),
                "{key} uses {used:?}, args give {given:?}"
            );
        }
    }
    Ok(())
}

#[test]
fn no_import_message_is_left_in_the_locale_files_that_the_code_never_returns() -> TestResult {
    let blocks = blocks()?;
    let documented: BTreeSet<&str> = blocks[0]
        .keys()
        .map(String::as_str)
        .filter(|k| k.starts_with("import."))
        .collect();
    let returned: BTreeSet<&str> = every_message().into_iter().map(|(k, _)| k).collect();
    assert_eq!(documented, returned);
    Ok(())
}
