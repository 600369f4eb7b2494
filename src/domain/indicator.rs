//! What an indicator is, independent of any term's figures: its code, names, unit
//! and which direction is better.

use super::{Direction, Unit};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An indicator code such as "NV-01" or "NV-01.2": stable across terms, so the same
/// code in two terms is the same indicator carried over.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IndicatorCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an indicator code has 1 to 20 characters: letters A–Z, digits, '-' and '.'")]
pub struct CodeError;

impl IndicatorCode {
    pub fn parse(text: &str) -> Result<IndicatorCode, CodeError> {
        let t = text.trim();
        let ok = (1..=20).contains(&t.len())
            && t.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '.')
            && t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        if ok {
            Ok(IndicatorCode(t.to_string()))
        } else {
            Err(CodeError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for IndicatorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for IndicatorCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, CodeError> {
        IndicatorCode::parse(&s)
    }
}

impl From<IndicatorCode> for String {
    fn from(c: IndicatorCode) -> String {
        c.0
    }
}

impl PartialEq<&str> for IndicatorCode {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// The definition of an indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub code: IndicatorCode,
    /// Vietnamese name, as the resolution words it.
    pub name: String,
    pub name_en: Option<String>,
    pub unit: Unit,
    pub direction: Direction,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_upper_case_identifiers() {
        for good in ["NV-01", "NV-01.2", "A", "TT-01.5"] {
            assert!(IndicatorCode::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "nv-01",
            "-NV",
            "NV 01",
            "NV/01",
            "ĐẠT-1",
            "ABCDEFGHIJKLMNOPQRSTU",
        ] {
            assert_eq!(IndicatorCode::parse(bad), Err(CodeError), "{bad:?}");
        }
    }
}
