//! Excel's numeric cells made exact. Excel stores binary floats, so 0.1 arrives as
//! 0.1000000000000000055…; the value the clerk typed is the shortest decimal that
//! reads back to the same float ("0.1"), which Rust's float formatting gives. Values
//! that came from arithmetic (0.1 + 0.2) are rounded to 15 significant digits, the
//! precision Excel itself shows, so the figure is the one seen in the cell.

use crate::domain::{NumberError, VnDecimal};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Excel's own precision, in significant digits.
const EXCEL_DIGITS: u32 = 15;
/// The same bounds as typed text (`VnDecimal::parse`): 15 integer and 6 fraction digits.
const MAX_ABS: f64 = 1e15;
const MAX_SCALE: u32 = 6;

/// The number in a numeric cell; `percent` when the cell's format shows 0.2 as "20%",
/// so the figure is the 20 the clerk sees, as "20%" typed in text would be.
pub(super) fn number(value: f64, percent: bool) -> Result<VnDecimal, NumberError> {
    if !value.is_finite() {
        return Err(NumberError::NotANumber);
    }
    // Checked on the float first so that formatting never meets a 300-digit number,
    // and so that a tiny non-zero value is refused instead of rounding to 0.
    if value.abs() >= MAX_ABS || (value != 0.0 && value.abs() < 1e-6) {
        return Err(NumberError::OutOfRange);
    }
    let shortest = Decimal::from_str(&shown(value)).map_err(|_| NumberError::OutOfRange)?;
    let mut d = shortest
        .round_sf(EXCEL_DIGITS)
        .ok_or(NumberError::OutOfRange)?;
    if percent {
        d = d
            .checked_mul(Decimal::ONE_HUNDRED)
            .ok_or(NumberError::OutOfRange)?;
    }
    let d = d.normalize();
    if d.scale() > MAX_SCALE || d.abs() >= Decimal::from(1_000_000_000_000_000_i64) {
        return Err(NumberError::OutOfRange);
    }
    Ok(VnDecimal::from_decimal(d))
}

/// The float as its shortest round-trip decimal, never in exponent form
/// (Rust's `Display` for `f64`): what a text column receives from a numeric cell.
pub(super) fn shown(value: f64) -> String {
    format!("{value}")
}

/// Whether an Excel number format shows the value as a percentage: a `%` outside
/// quoted literals, escapes and `[...]` sections.
pub(super) fn is_percent_format(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '%' => return true,
            _ => {}
        }
    }
    false
}

/// An Excel date serial as "dd/mm/yyyy", for a date typed into a text column. Serial 1
/// is 1900-01-01 in the 1900 system (which counts a 29 February 1900 that never was),
/// and 1904-01-02 in the 1904 system.
pub(super) fn date_text(serial: f64, is_1904: bool) -> String {
    // Days from 1970-01-01 to the serial's date.
    let whole = serial.floor();
    if !whole.is_finite() || !(0.0..3_000_000.0).contains(&whole) {
        return shown(serial);
    }
    // Truncation is exact here: the range was checked above.
    let serial_days = whole as i64;
    let days = if is_1904 {
        serial_days - 24_107
    } else if serial_days < 61 {
        // Before the phantom 1900-02-29, serials are one day ahead.
        serial_days - 25_568
    } else {
        serial_days - 25_569
    };
    let (y, m, d) = civil_from_days(days);
    format!("{d:02}/{m:02}/{y:04}")
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(value: f64, percent: bool) -> Result<String, NumberError> {
        number(value, percent).map(|d| d.canonical())
    }

    #[test]
    fn excel_floats_become_the_decimal_the_clerk_typed() {
        assert_eq!(n(0.1, false).as_deref(), Ok("0.1"));
        assert_eq!(n(1234.5, false).as_deref(), Ok("1234.5"));
        assert_eq!(n(0.1 + 0.2, false).as_deref(), Ok("0.3"));
        assert_eq!(n(-0.0, false).as_deref(), Ok("0"));
        assert_eq!(n(0.07, true).as_deref(), Ok("7"));
        assert_eq!(n(0.155, true).as_deref(), Ok("15.5"));
    }

    #[test]
    fn excel_floats_beyond_what_a_clerk_can_type_are_refused() {
        assert_eq!(n(1e15, false), Err(NumberError::OutOfRange));
        assert_eq!(n(1e-9, false), Err(NumberError::OutOfRange));
        assert_eq!(n(1.0 / 3.0, false), Err(NumberError::OutOfRange));
        assert_eq!(n(f64::NAN, false), Err(NumberError::NotANumber));
    }

    #[test]
    fn percent_formats_are_recognised_but_not_a_quoted_percent_sign() {
        assert!(is_percent_format("0%"));
        assert!(is_percent_format("0.00%"));
        assert!(is_percent_format("[Red]0.0%"));
        assert!(!is_percent_format("General"));
        assert!(!is_percent_format("0\" %\""));
        assert!(!is_percent_format("0\\%"));
        assert!(!is_percent_format("@"));
    }

    #[test]
    fn date_serials_are_written_day_first() {
        assert_eq!(date_text(44_270.0, false), "15/03/2021");
        assert_eq!(date_text(1.0, false), "01/01/1900");
        assert_eq!(date_text(61.0, false), "01/03/1900");
        assert_eq!(date_text(42_808.0, true), "15/03/2021");
    }
}
