//! Validation of a figure typed by a person or sent by a program: the same rules
//! for the entry form, the import and the write API.

use super::{NumberError, UnitKind, VnDecimal};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error(transparent)]
    Number(#[from] NumberError),
    #[error("outside the range of the unit")]
    OutOfRange,
    /// "20%" typed for an indicator counted in tasks or billions of đồng.
    #[error("a percentage for a unit that is not one")]
    PercentSign,
}

impl ValueError {
    pub fn message_key(&self) -> &'static str {
        match self {
            ValueError::Number(e) => e.message_key(),
            ValueError::OutOfRange => "entry.out_of_range",
            ValueError::PercentSign => "entry.percent_sign",
        }
    }
}

/// Longest note, document name or quote accepted.
pub const MAX_TEXT_CHARS: usize = 2000;

/// True when a text holds a control character other than a line break or a tab:
/// such text is never typed, only forged (and PostgreSQL refuses NUL outright).
pub fn has_control_chars(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// Parses a figure written the Vietnamese way and checks it fits the unit.
pub fn parse_value(text: &str, unit: UnitKind) -> Result<VnDecimal, ValueError> {
    let value = VnDecimal::parse(text)?;
    if text.contains('%') && !unit.is_percent() {
        return Err(ValueError::PercentSign);
    }
    if unit.accepts(value) {
        Ok(value)
    } else {
        Err(ValueError::OutOfRange)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_checked_against_their_unit() {
        assert!(parse_value("1.234", UnitKind::Count).is_ok());
        assert_eq!(
            parse_value("-1", UnitKind::Count),
            Err(ValueError::OutOfRange)
        );
        assert_eq!(
            parse_value("2,5", UnitKind::Count),
            Err(ValueError::OutOfRange)
        );
        assert!(parse_value("2,5", UnitKind::Money).is_ok());
        assert_eq!(
            parse_value("abc", UnitKind::Money),
            Err(ValueError::Number(NumberError::NotANumber))
        );
        assert_eq!(
            parse_value("5000%", UnitKind::Percent).map_err(|e| e.message_key()),
            Err("entry.out_of_range")
        );
        assert!(parse_value("20%", UnitKind::PercentPerYear).is_ok());
        assert!(parse_value("12,5 %", UnitKind::Percent).is_ok());
        for unit in [UnitKind::Count, UnitKind::Money] {
            assert_eq!(
                parse_value("20%", unit),
                Err(ValueError::PercentSign),
                "{unit:?}"
            );
        }
        assert_eq!(
            parse_value("abc%", UnitKind::Count),
            Err(ValueError::Number(NumberError::NotANumber)),
            "not a number is said first"
        );
    }
}
