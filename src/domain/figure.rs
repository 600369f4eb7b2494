//! One figure as a person or a program wrote it, checked once by one function for
//! every writer: the entry form, the import confirm and the write API. What passes
//! is a [`Figure`] with the version its writer saw ([`CheckedFigure`]), ready to save.

use super::entry::{MAX_TEXT_CHARS, ValueError, has_control_chars, parse_value};
use super::{Qualifier, UnitKind, VnDecimal};

/// How the figure's number arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written<'a> {
    /// Typed the Vietnamese way ("1.234,5", "20%"): the entry form and the API.
    Typed(&'a str),
    /// Already canonical ("1234.5"), as the import preview sends back what it showed.
    Canonical(&'a str),
}

/// A figure before it is checked: the texts as written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FigureInput<'a> {
    /// None or blank: no figure (a note or source without one is refused).
    pub value: Option<Written<'a>>,
    /// The qualifier's key (`exact`, `more_than`, `about`, `at_least`); blank is exact.
    pub qualifier: Option<&'a str>,
    pub note: Option<&'a str>,
    pub source_document: Option<&'a str>,
    pub quote: Option<&'a str>,
    /// The version the writer saw (0: none existed yet); None: no check.
    pub expected_version: Option<i64>,
}

/// A figure as it is saved: the number, how exact it is, a note, and where it comes
/// from. The import reads these from a file as well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub value: VnDecimal,
    pub qualifier: Qualifier,
    pub note: Option<String>,
    pub source_document: Option<String>,
    pub quote: Option<String>,
}

/// A checked figure and the version its writer saw (0: none existed yet); None: no
/// check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFigure {
    pub figure: Figure,
    pub expected_version: Option<i64>,
}

/// Why a figure is refused; each has its sentence in the locale files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FigureError {
    /// A note or a source was written without a figure: it would be lost.
    #[error("a note or source without a figure")]
    NoValue,
    #[error(transparent)]
    Value(#[from] ValueError),
    #[error("the qualifier is not one of exact, more_than, about, at_least")]
    Qualifier,
    /// Named for the field, for the API's message.
    #[error("{0} is longer than {MAX_TEXT_CHARS} characters")]
    TextTooLong(&'static str),
    #[error("{0} holds control characters")]
    ControlChars(&'static str),
    #[error("expected_version cannot be negative")]
    Version,
}

impl FigureError {
    pub fn message_key(&self) -> &'static str {
        match self {
            FigureError::NoValue => "number.empty",
            FigureError::Value(e) => e.message_key(),
            FigureError::Qualifier | FigureError::Version => "request.bad_form",
            FigureError::TextTooLong(_) => "entry.text_too_long",
            FigureError::ControlChars(_) => "entry.bad_text",
        }
    }
}

/// A free text: trimmed, blank is none; at most [`MAX_TEXT_CHARS`] characters and no
/// control characters (PostgreSQL cannot store NUL, so the two databases would
/// disagree; the others are never typed and only hide text).
pub fn check_text(name: &'static str, text: Option<&str>) -> Result<Option<String>, FigureError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(FigureError::TextTooLong(name));
    }
    if has_control_chars(text) {
        return Err(FigureError::ControlChars(name));
    }
    Ok(Some(text.to_string()))
}

impl FigureInput<'_> {
    /// True when nothing at all was written for this figure (an empty form row).
    pub fn is_blank(&self) -> bool {
        self.value.is_none() && self.is_blank_apart_from_value()
    }

    fn is_blank_apart_from_value(&self) -> bool {
        let blank = |t: Option<&str>| t.is_none_or(|t| t.trim().is_empty());
        blank(self.note) && blank(self.source_document) && blank(self.quote)
    }

    /// Checks the figure against its indicator's unit; `Ok(None)` for a blank row.
    pub fn check(&self, unit: UnitKind) -> Result<Option<CheckedFigure>, FigureError> {
        let written = self.value.filter(|w| match w {
            Written::Typed(t) | Written::Canonical(t) => !t.trim().is_empty(),
        });
        let Some(written) = written else {
            return if self.is_blank_apart_from_value() {
                Ok(None)
            } else {
                Err(FigureError::NoValue)
            };
        };
        // The number is judged first: it is what the writer is asked to fix first.
        let value = match written {
            Written::Typed(text) => parse_value(text.trim(), unit)?,
            Written::Canonical(text) => {
                let v = VnDecimal::from_canonical(text).map_err(ValueError::from)?;
                if !unit.accepts(v) {
                    return Err(ValueError::OutOfRange.into());
                }
                v
            }
        };
        let note = check_text("note", self.note)?;
        let source_document = check_text("source_document", self.source_document)?;
        let quote = check_text("quote", self.quote)?;
        let qualifier = match self.qualifier.map(str::trim).filter(|q| !q.is_empty()) {
            None => Qualifier::Exact,
            Some(q) => Qualifier::parse(q).ok_or(FigureError::Qualifier)?,
        };
        if self.expected_version.is_some_and(|v| v < 0) {
            return Err(FigureError::Version);
        }
        Ok(Some(CheckedFigure {
            figure: Figure {
                value,
                qualifier,
                note,
                source_document,
                quote,
            },
            expected_version: self.expected_version,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(value: &str) -> FigureInput<'_> {
        FigureInput {
            value: Some(Written::Typed(value)),
            ..Default::default()
        }
    }

    #[test]
    fn a_typed_figure_is_checked_against_its_unit_and_its_texts_are_trimmed() {
        let input = FigureInput {
            note: Some("  ước tính  "),
            qualifier: Some("about"),
            expected_version: Some(3),
            ..typed(" 1.234,5 ")
        };
        let checked = input
            .check(UnitKind::Money)
            .expect("a valid figure")
            .expect("not blank");
        assert_eq!(checked.figure.value.format_vi(), "1.234,5");
        assert_eq!(checked.figure.qualifier, Qualifier::About);
        assert_eq!(checked.figure.note.as_deref(), Some("ước tính"));
        assert_eq!(checked.expected_version, Some(3));
    }

    #[test]
    fn every_writer_gets_the_same_refusal_for_the_same_mistake() {
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        let cases: Vec<(&str, FigureInput<'_>, UnitKind, FigureError)> = vec![
            (
                "count with a fraction",
                typed("2,5"),
                UnitKind::Count,
                ValueError::OutOfRange.into(),
            ),
            (
                "percent sign on money",
                typed("20%"),
                UnitKind::Money,
                ValueError::PercentSign.into(),
            ),
            (
                "note without a figure",
                FigureInput {
                    note: Some("x"),
                    ..Default::default()
                },
                UnitKind::Count,
                FigureError::NoValue,
            ),
            (
                "unknown qualifier",
                FigureInput {
                    qualifier: Some("roughly"),
                    ..typed("1")
                },
                UnitKind::Count,
                FigureError::Qualifier,
            ),
            (
                "quote too long",
                FigureInput {
                    quote: Some(&long),
                    ..typed("1")
                },
                UnitKind::Count,
                FigureError::TextTooLong("quote"),
            ),
            (
                "control characters in a note",
                FigureInput {
                    note: Some("a\u{0}b"),
                    ..typed("1")
                },
                UnitKind::Count,
                FigureError::ControlChars("note"),
            ),
            (
                "negative version",
                FigureInput {
                    expected_version: Some(-1),
                    ..typed("1")
                },
                UnitKind::Count,
                FigureError::Version,
            ),
            (
                "canonical value outside the unit",
                FigureInput {
                    value: Some(Written::Canonical("-3")),
                    ..Default::default()
                },
                UnitKind::Count,
                ValueError::OutOfRange.into(),
            ),
        ];
        for (what, input, unit, expected) in cases {
            assert_eq!(input.check(unit), Err(expected), "{what}");
        }
    }

    #[test]
    fn a_blank_row_is_no_figure_and_no_error() {
        let blank = FigureInput {
            value: Some(Written::Typed("  ")),
            note: Some(" "),
            ..Default::default()
        };
        assert_eq!(blank.check(UnitKind::Count), Ok(None));
    }

    #[test]
    fn the_import_preview_s_canonical_value_is_read_as_such() {
        let input = FigureInput {
            value: Some(Written::Canonical("1234.5")),
            ..Default::default()
        };
        let checked = input
            .check(UnitKind::Money)
            .expect("valid")
            .expect("a figure");
        assert_eq!(checked.figure.value.format_vi(), "1.234,5");
    }
}
