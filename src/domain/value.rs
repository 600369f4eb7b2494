//! A recorded value (số liệu) of an indicator for a period, with how exactly the source
//! states it.

use super::{Period, VnDecimal};
use serde::{Deserialize, Serialize};

/// How the source states the figure: "trên 140 tỷ đồng" is `MoreThan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    MoreThan,
    About,
    AtLeast,
}

impl Qualifier {
    /// In the order a form offers them.
    pub const ALL: [Qualifier; 4] = [
        Qualifier::Exact,
        Qualifier::MoreThan,
        Qualifier::About,
        Qualifier::AtLeast,
    ];

    pub fn parse(text: &str) -> Option<Qualifier> {
        match text {
            "exact" => Some(Qualifier::Exact),
            "more_than" => Some(Qualifier::MoreThan),
            "about" => Some(Qualifier::About),
            "at_least" => Some(Qualifier::AtLeast),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
        }
    }

    /// The true figure is at least the number written.
    pub fn is_lower_bound(self) -> bool {
        matches!(self, Qualifier::MoreThan | Qualifier::AtLeast)
    }
}

/// One value as the rules see it (provenance lives with the stored row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub period: Period,
    pub value: VnDecimal,
    pub qualifier: Qualifier,
}
