//! Exact decimal numbers written the Vietnamese way: "." groups thousands, "," marks
//! decimals ("1.234,5"). Parsing refuses anything ambiguous instead of guessing, because
//! a silently misread figure in an official record is worse than a question to the clerk.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An exact decimal that came from text the Vietnamese way (or from storage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VnDecimal(Decimal);

/// Why a piece of text is not a number we accept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("empty")]
    Empty,
    #[error("not a number")]
    NotANumber,
    #[error("ambiguous separators")]
    Ambiguous,
    #[error("too large or too precise")]
    OutOfRange,
}

impl NumberError {
    /// Key of the message shown to the user, in the locale files.
    pub fn message_key(&self) -> &'static str {
        match self {
            NumberError::Empty => "number.empty",
            NumberError::NotANumber => "number.not_a_number",
            NumberError::Ambiguous => "number.ambiguous",
            NumberError::OutOfRange => "number.out_of_range",
        }
    }
}

/// Digits allowed before the decimal separator; bounds what a clerk can mean.
const MAX_INTEGER_DIGITS: usize = 15;
/// Digits allowed after it.
const MAX_FRACTION_DIGITS: usize = 6;

impl VnDecimal {
    pub const ZERO: VnDecimal = VnDecimal(Decimal::ZERO);

    /// Parses user text: "1.234,5", "1234,5", "15,5", "20%", "-3", "1234.5".
    /// The interface is Vietnamese, so a "." followed by exactly three digits groups
    /// thousands ("1.234" is 1234, as the app itself prints it); any other single "."
    /// is a decimal point ("1234.5", "0.123"). Mixed or irregular separators are refused.
    pub fn parse(text: &str) -> Result<Self, NumberError> {
        let trimmed = text.trim();
        let trimmed = trimmed
            .strip_suffix('%')
            .map(str::trim_end)
            .unwrap_or(trimmed);
        if trimmed.is_empty() {
            return Err(NumberError::Empty);
        }
        let (negative, body) = match trimmed.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
        };
        if body.is_empty()
            || !body
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(NumberError::NotANumber);
        }
        let (int_part, frac_part) = split_separators(body)?;
        if int_part.is_empty() || int_part.len() > MAX_INTEGER_DIGITS {
            return Err(if int_part.is_empty() {
                NumberError::NotANumber
            } else {
                NumberError::OutOfRange
            });
        }
        if frac_part.len() > MAX_FRACTION_DIGITS {
            return Err(NumberError::OutOfRange);
        }
        let canonical = if frac_part.is_empty() {
            format!("{}{}", if negative { "-" } else { "" }, int_part)
        } else {
            format!(
                "{}{}.{}",
                if negative { "-" } else { "" },
                int_part,
                frac_part
            )
        };
        Decimal::from_str(&canonical)
            .map(|d| VnDecimal(d.normalize()))
            .map_err(|_| NumberError::OutOfRange)
    }

    /// Reads the canonical form used in storage and in the JSON API ("1234.5").
    pub fn from_canonical(text: &str) -> Result<Self, NumberError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(NumberError::Empty);
        }
        if !trimmed
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'))
        {
            return Err(NumberError::NotANumber);
        }
        Decimal::from_str(trimmed)
            .map(|d| VnDecimal(d.normalize()))
            .map_err(|_| NumberError::NotANumber)
    }

    pub fn from_decimal(d: Decimal) -> Self {
        VnDecimal(d.normalize())
    }

    pub fn from_i64(n: i64) -> Self {
        VnDecimal(Decimal::from(n))
    }

    pub fn get(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Canonical text: "." decimal point, no grouping ("1234.5").
    pub fn canonical(self) -> String {
        self.0.normalize().to_string()
    }

    /// Vietnamese display: "1.234,5".
    pub fn format_vi(self) -> String {
        format_grouped(self.0, '.', ',')
    }

    /// English display: "1,234.5".
    pub fn format_en(self) -> String {
        format_grouped(self.0, ',', '.')
    }

    /// Rounded to `places` decimals (half away from zero), for display of ratios.
    pub fn round(self, places: u32) -> Self {
        VnDecimal(
            self.0
                .round_dp_with_strategy(
                    places,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                )
                .normalize(),
        )
    }
}

/// Splits "1.234,5" into ("1234", "5"), refusing mixed or ambiguous separators.
fn split_separators(body: &str) -> Result<(String, String), NumberError> {
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    match (dots, commas) {
        (0, 0) => Ok((body.to_string(), String::new())),
        (0, 1) => split_once(body, ','),
        (_, 1) => {
            // "1.234,5": dots must group thousands before the decimal comma.
            let (int_grouped, frac) = body.split_once(',').ok_or(NumberError::NotANumber)?;
            if frac.contains('.') {
                return Err(NumberError::Ambiguous);
            }
            Ok((ungroup(int_grouped, '.')?, frac.to_string()))
        }
        (1, 0) => {
            let (int_part, frac) = body.split_once('.').ok_or(NumberError::NotANumber)?;
            if frac.len() == 3 && !int_part.is_empty() && !int_part.starts_with('0') {
                return Ok((ungroup(body, '.')?, String::new()));
            }
            if frac.is_empty() {
                return Err(NumberError::NotANumber);
            }
            Ok((int_part.to_string(), frac.to_string()))
        }
        (_, 0) => Ok((ungroup(body, '.')?, String::new())),
        _ => Err(NumberError::Ambiguous),
    }
}

fn split_once(body: &str, sep: char) -> Result<(String, String), NumberError> {
    let (a, b) = body.split_once(sep).ok_or(NumberError::NotANumber)?;
    if b.is_empty() {
        return Err(NumberError::NotANumber);
    }
    Ok((a.to_string(), b.to_string()))
}

/// "1.234.567" → "1234567"; groups after the first must have exactly three digits.
fn ungroup(grouped: &str, sep: char) -> Result<String, NumberError> {
    let mut groups = grouped.split(sep);
    let first = groups.next().unwrap_or_default();
    if first.is_empty() || first.len() > 3 {
        return Err(NumberError::Ambiguous);
    }
    let mut out = first.to_string();
    for g in groups {
        if g.len() != 3 {
            return Err(NumberError::Ambiguous);
        }
        out.push_str(g);
    }
    Ok(out)
}

fn format_grouped(d: Decimal, group_sep: char, decimal_sep: char) -> String {
    let text = d.normalize().to_string();
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (int_part, frac_part) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3 + 4);
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(group_sep);
        }
        grouped.push(ch);
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if !frac_part.is_empty() {
        out.push(decimal_sep);
        out.push_str(frac_part);
    }
    out
}

impl fmt::Display for VnDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_vi())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<String, NumberError> {
        VnDecimal::parse(s).map(|d| d.canonical())
    }

    #[test]
    fn vietnamese_and_unambiguous_inputs_parse_to_exact_decimals() {
        let cases = [
            ("1.234,5", "1234.5"),
            ("1234,5", "1234.5"),
            ("15,5", "15.5"),
            ("20%", "20"),
            (" 20 % ", "20"),
            ("1234.5", "1234.5"),
            ("0.123", "0.123"),
            ("1.234", "1234"),
            ("12.5", "12.5"),
            ("1.234.567", "1234567"),
            ("1.234.567,89", "1234567.89"),
            ("-3", "-3"),
            ("101", "101"),
            ("09", "9"),
            ("0,1", "0.1"),
            ("12,50", "12.5"),
        ];
        for (input, expected) in cases {
            assert_eq!(p(input).as_deref(), Ok(expected), "input {input:?}");
        }
    }

    #[test]
    fn ambiguous_or_invalid_inputs_are_refused_with_a_reason() {
        let cases = [
            ("", NumberError::Empty),
            ("   ", NumberError::Empty),
            ("%", NumberError::Empty),
            ("abc", NumberError::NotANumber),
            ("∞", NumberError::NotANumber),
            ("NaN", NumberError::NotANumber),
            ("1e5", NumberError::NotANumber),
            ("١٢", NumberError::NotANumber),
            ("1.234.5", NumberError::Ambiguous),
            ("1,234.5", NumberError::Ambiguous),
            ("1,2,3", NumberError::Ambiguous),
            ("12,", NumberError::NotANumber),
            ("-", NumberError::NotANumber),
            ("1234567890123456", NumberError::OutOfRange),
            ("1,1234567", NumberError::OutOfRange),
        ];
        for (input, expected) in cases {
            assert_eq!(p(input), Err(expected), "input {input:?}");
        }
    }

    #[test]
    fn numbers_are_formatted_with_vietnamese_separators() {
        let f = |s: &str| VnDecimal::from_canonical(s).map(|d| d.format_vi());
        assert_eq!(f("1234.5").as_deref(), Ok("1.234,5"));
        assert_eq!(f("15").as_deref(), Ok("15"));
        assert_eq!(f("1234567").as_deref(), Ok("1.234.567"));
        assert_eq!(f("-1234").as_deref(), Ok("-1.234"));
        assert_eq!(f("0.5").as_deref(), Ok("0,5"));
        assert_eq!(f("100.00").as_deref(), Ok("100"));
        assert_eq!(
            VnDecimal::from_canonical("1234.5")
                .map(|d| d.format_en())
                .as_deref(),
            Ok("1,234.5")
        );
    }

    #[test]
    fn canonical_storage_text_refuses_anything_but_plain_decimals() {
        assert!(VnDecimal::from_canonical("12.5").is_ok());
        assert!(VnDecimal::from_canonical("1,5").is_err());
        assert!(VnDecimal::from_canonical("1e3").is_err());
        assert!(VnDecimal::from_canonical("").is_err());
    }

    proptest::proptest! {
        #[test]
        fn formatting_then_parsing_gives_back_the_same_number(int in -999_999_999_999i64..999_999_999_999i64, frac in 0u32..1000, scale in 0u32..4) {
            let d = Decimal::new(int, 0) + Decimal::new(i64::from(frac), 3).round_dp(scale);
            let v = VnDecimal::from_decimal(d);
            proptest::prop_assert_eq!(VnDecimal::parse(&v.format_vi()), Ok(v));
        }
    }
}
