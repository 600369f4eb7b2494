//! Axis tick numbers written the Vietnamese way: "." groups thousands, "," marks decimals.

/// Formats an axis tick: `1234.5` → `"1.234,5"`, `20.0` → `"20"`, `0.25` → `"0,25"`.
///
/// Rounds to three decimals (ticks are round numbers; this hides float noise such as
/// `0.30000000000000004`) and drops trailing zeros. Not for values shown as data: those
/// come formatted by the caller.
pub fn vn_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    // Saturating float-to-int conversion; axis ticks are far below u64::MAX / 1000.
    let thousandths = (value.abs() * 1000.0).round() as u64;
    let whole = thousandths / 1000;
    let fraction = thousandths % 1000;

    let mut out = String::new();
    if value < 0.0 && thousandths != 0 {
        out.push('-');
    }
    out.push_str(&group_thousands(whole));
    if fraction != 0 {
        let digits = format!("{fraction:03}");
        out.push(',');
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::vn_number;

    #[test]
    fn whole_numbers_have_no_decimal_comma() {
        assert_eq!(vn_number(20.0), "20");
        assert_eq!(vn_number(0.0), "0");
        assert_eq!(vn_number(-0.0), "0");
    }

    #[test]
    fn thousands_are_grouped_with_dots_and_decimals_use_a_comma() {
        assert_eq!(vn_number(1234.5), "1.234,5");
        assert_eq!(vn_number(1_000_000.0), "1.000.000");
        assert_eq!(vn_number(999.0), "999");
        assert_eq!(vn_number(0.25), "0,25");
    }

    #[test]
    fn float_noise_and_negative_values_are_written_cleanly() {
        assert_eq!(vn_number(0.1 + 0.2), "0,3");
        assert_eq!(vn_number(-1500.0), "-1.500");
        assert_eq!(vn_number(-0.0001), "0");
    }

    #[test]
    fn non_finite_values_give_an_empty_tick() {
        assert_eq!(vn_number(f64::NAN), "");
        assert_eq!(vn_number(f64::INFINITY), "");
    }
}
