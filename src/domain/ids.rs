//! Ids of stored things as types of their own, so that a term's id cannot be passed
//! where an indicator's is expected. One rule reads an id from text (a path segment,
//! a form field): ASCII digits only, no sign, no spaces, no leading zeros, above 0.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            /// An id as the database holds it.
            pub const fn new(raw: i64) -> Self {
                $name(raw)
            }

            /// The id written exactly as this site writes it ("12", never "+12", "012"
            /// or " 12"); none for anything else.
            pub fn parse(text: &str) -> Option<Self> {
                parse_id(text).map($name)
            }

            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }
    };
}

id_type!(
    /// A term (nhiệm kỳ).
    TermId
);
id_type!(
    /// An indicator of a term.
    IndicatorId
);
id_type!(
    /// A user account.
    UserId
);
id_type!(
    /// An indicator group.
    GroupId
);

/// The one rule for an id written as text.
pub fn parse_id(text: &str) -> Option<i64> {
    let canonical = !text.is_empty()
        && text.len() <= 18
        && text.bytes().all(|b| b.is_ascii_digit())
        && !text.starts_with('0');
    canonical.then(|| text.parse::<i64>().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_read_only_as_this_site_writes_it() {
        for (text, expected) in [
            ("1", Some(1)),
            ("12", Some(12)),
            ("999999999999999999", Some(999_999_999_999_999_999)),
            ("0", None),
            ("012", None),
            ("+12", None),
            ("-3", None),
            (" 12", None),
            ("12 ", None),
            ("1e3", None),
            ("١٢", None),
            ("", None),
            ("9999999999999999999", None),
        ] {
            assert_eq!(parse_id(text), expected, "{text:?}");
            assert_eq!(TermId::parse(text).map(TermId::get), expected, "{text:?}");
        }
    }
}
