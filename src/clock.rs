//! The current time, as the UTC ISO 8601 text the database stores
//! ("2026-11-26T14:05:09Z"), so that timestamps compare as text on both backends.

use std::time::{SystemTime, UNIX_EPOCH};

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Now, in the stored form.
pub fn now_iso() -> String {
    iso(unix_now())
}

/// `secs` seconds from now (negative: in the past), in the stored form.
pub fn iso_in(secs: i64) -> String {
    iso(unix_now().saturating_add_signed(secs))
}

/// Today (UTC) as "YYYY-MM-DD", the date printed on exports.
pub fn today_iso() -> String {
    now_iso().chars().take(10).collect()
}

/// The calendar year now (UTC), which decides how far along a running term is.
pub fn today_year() -> i32 {
    civil(unix_now() / 86_400).0
}

/// Seconds since 1970 as "YYYY-MM-DDTHH:MM:SSZ".
pub fn iso(secs: u64) -> String {
    let (y, m, d) = civil(secs / 86_400);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Year, month, day of a day count since 1970-01-01 (proleptic Gregorian;
/// H. Hinnant's algorithm).
fn civil(days: u64) -> (i32, u32, u32) {
    let z = i64::try_from(days).unwrap_or(0) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_written_as_utc_iso_text() {
        assert_eq!(iso(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso(1_798_761_600), "2027-01-01T00:00:00Z");
        assert_eq!(iso(1_798_761_599), "2026-12-31T23:59:59Z");
        assert_eq!(iso(1_709_164_800), "2024-02-29T00:00:00Z");
    }
}
