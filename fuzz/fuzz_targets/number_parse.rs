//! Any text given to the Vietnamese number parser: it never panics, and what it
//! accepts is exact (no digit lost or changed, as a float would), within the bounds a
//! clerk can type, and reads back the same from its Vietnamese display and from its
//! canonical storage form. `parse_value` agrees with the parser and the unit rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resolution_dashboard::domain::{UnitKind, ValueError, VnDecimal, parse_value};

const UNITS: [UnitKind; 4] = [
    UnitKind::Count,
    UnitKind::Money,
    UnitKind::Percent,
    UnitKind::PercentPerYear,
];

/// The digits of `text`, without the zeros that do not change a value's digits
/// (leading ones, and trailing ones, which normalisation may drop after the point).
fn significant_digits(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits
        .trim_start_matches('0')
        .trim_end_matches('0')
        .to_string()
}

fuzz_target!(|text: &str| {
    let parsed = VnDecimal::parse(text);
    if let Ok(value) = parsed {
        let d = value.get();
        // Bounds: 15 integer digits, 6 fraction digits.
        assert!(
            d.abs() < rust_decimal_bound(),
            "{text:?} → {d} is too large"
        );
        assert!(d.scale() <= 6, "{text:?} → {d} is too precise");
        // Exact: the digits typed are the digits kept.
        assert_eq!(
            significant_digits(text),
            significant_digits(&value.canonical()),
            "{text:?} lost or changed digits"
        );
        // The sign typed is the sign kept.
        if !value.is_zero() {
            assert_eq!(
                text.trim_start().starts_with('-'),
                d.is_sign_negative(),
                "{text:?} changed sign"
            );
        }
        // What the app prints reads back to the same number.
        let shown = value.format_vi();
        assert_eq!(
            VnDecimal::parse(&shown),
            Ok(value),
            "{text:?} shown as {shown:?}"
        );
        assert_eq!(value.to_string(), shown);
        // The storage form reads back to the same number.
        let canonical = value.canonical();
        assert_eq!(
            VnDecimal::from_canonical(&canonical),
            Ok(value),
            "{text:?} stored as {canonical:?}"
        );
        assert!(!canonical.contains(['e', 'E']), "{canonical:?}");
        // Rounding to more places than it has changes nothing.
        assert_eq!(value.round(6), value);
    }
    for unit in UNITS {
        let checked = parse_value(text, unit);
        match (&parsed, &checked) {
            (Err(e), Err(ValueError::Number(f))) => assert_eq!(e, f),
            (Ok(v), Ok(w)) => {
                assert_eq!(v, w);
                assert!(unit.accepts(*w));
            }
            (Ok(v), Err(ValueError::OutOfRange)) => assert!(!unit.accepts(*v)),
            _ => panic!("{text:?} as {unit:?}: parse {parsed:?}, parse_value {checked:?}"),
        }
    }
    // The storage reader is fed from the database and the JSON API: it never panics,
    // and what it accepts is stored back as it reads.
    if let Ok(value) = VnDecimal::from_canonical(text) {
        assert_eq!(VnDecimal::from_canonical(&value.canonical()), Ok(value));
    }
});

/// 10^15: the first number with 16 integer digits.
fn rust_decimal_bound() -> rust_decimal::Decimal {
    rust_decimal::Decimal::from(1_000_000_000_000_000_i64)
}
