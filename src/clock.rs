//! The current time, and timestamps as the database stores them: UTC ISO 8601 text
//! ("2026-11-26T14:05:09Z"; the audit log adds milliseconds), so that they compare as
//! text on both backends. `db/` reads that text once into a [`Timestamp`]; records hold
//! timestamps, and only the view builders and the API write them out again.
//!
//! Why the `time` crate: of the three date crates in Cargo.lock (`time`, `jiff`,
//! `chrono`, all there through test tools), `time` is the smallest and has a type that
//! is UTC by construction (`UtcDateTime`), which is all an installation needs: it
//! stores and shows every timestamp in UTC, so no time-zone database is wanted
//! (`jiff` bundles one), and `chrono`'s clock pulls in the platform's zone lookup.
//! Only its RFC 3339 parser is used; the few fixed shapes are written by hand below.

use time::format_description::well_known::Rfc3339;

/// An instant, always in UTC.
pub type Timestamp = time::UtcDateTime;

pub fn now() -> Timestamp {
    Timestamp::now()
}

/// Now, in the stored form.
pub fn now_iso() -> String {
    stored(now())
}

/// `secs` seconds from now (negative: in the past), in the stored form.
pub fn iso_in(secs: i64) -> String {
    stored(now().saturating_add(time::Duration::seconds(secs)))
}

/// Today (UTC) as "YYYY-MM-DD", the date printed on exports.
pub fn today_iso() -> String {
    date_iso(now())
}

/// The calendar year now (UTC), which decides how far along a running term is.
pub fn today_year() -> i32 {
    now().year()
}

/// Reads a stored timestamp ("2026-11-26T14:05:09Z", with or without a fraction of a
/// second); none for anything else.
pub fn parse_stored(text: &str) -> Option<Timestamp> {
    Timestamp::parse(text, &Rfc3339).ok()
}

/// "2026-11-26T14:05:09Z": the stored form, to the second.
pub fn stored(at: Timestamp) -> String {
    format!("{}T{}Z", date_iso(at), clock_time(at))
}

/// "2026-11-26T14:05:09.123Z": the form the audit log stores, to the millisecond.
pub fn stored_millis(at: Timestamp) -> String {
    format!(
        "{}T{}.{:03}Z",
        date_iso(at),
        clock_time(at),
        at.millisecond()
    )
}

/// "2026-11-26".
pub fn date_iso(at: Timestamp) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        at.year(),
        u8::from(at.month()),
        at.day()
    )
}

/// "14:05:09".
pub fn clock_time(at: Timestamp) -> String {
    format!("{:02}:{:02}:{:02}", at.hour(), at.minute(), at.second())
}

/// Serde writers for timestamps in JSON answers, in the stored forms, so that the
/// API says exactly what it said when it passed the stored text through.
pub mod json {
    use super::Timestamp;

    pub fn seconds<S: serde::Serializer>(at: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::stored(*at))
    }

    pub fn millis<S: serde::Serializer>(at: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::stored_millis(*at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_unix_timestamp(secs).expect("in range")
    }

    #[test]
    fn timestamps_are_written_as_utc_iso_text() {
        assert_eq!(stored(at(0)), "1970-01-01T00:00:00Z");
        assert_eq!(stored(at(1_798_761_600)), "2027-01-01T00:00:00Z");
        assert_eq!(stored(at(1_798_761_599)), "2026-12-31T23:59:59Z");
        assert_eq!(stored(at(1_709_164_800)), "2024-02-29T00:00:00Z");
        assert_eq!(stored_millis(at(0)), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn a_stored_timestamp_reads_back_as_it_was_written() {
        for text in ["2026-11-26T14:05:09Z", "2024-02-29T00:00:00Z"] {
            assert_eq!(parse_stored(text).map(stored).as_deref(), Some(text));
        }
        for text in ["2026-11-26T14:05:09.123Z", "2026-11-26T14:05:09.000Z"] {
            assert_eq!(parse_stored(text).map(stored_millis).as_deref(), Some(text));
        }
    }

    #[test]
    fn text_that_is_not_a_stored_timestamp_is_refused() {
        for text in [
            "",
            "2026-11-26",
            "2026-11-26 14:05:09",
            "2026-13-01T00:00:00Z",
            "26/11/2026",
            "now",
        ] {
            assert_eq!(parse_stored(text), None, "{text:?}");
        }
    }
}
