//! The period a value belongs to: one calendar year, or the whole term (reports often
//! give only term totals).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Period {
    Year(i32),
    Term,
}

impl Period {
    /// "2018" or "term" (the form used in URLs, storage and the API).
    pub fn parse(text: &str) -> Option<Period> {
        match text.trim() {
            "term" => Some(Period::Term),
            t if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) => {
                t.parse().ok().map(Period::Year)
            }
            _ => None,
        }
    }

    pub fn key(self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Term => "term".to_string(),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.key()
    }
}

impl TryFrom<String> for Period {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Period::parse(&s).ok_or_else(|| {
            format!("invalid period {s:?}: expected a year such as 2018 or \"term\"")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_from_years_and_the_word_term() {
        assert_eq!(Period::parse("2018"), Some(Period::Year(2018)));
        assert_eq!(Period::parse("term"), Some(Period::Term));
        for bad in ["", "18", "20188", "năm 2018", "-201", "TERM"] {
            assert_eq!(Period::parse(bad), None, "{bad:?}");
        }
    }
}
